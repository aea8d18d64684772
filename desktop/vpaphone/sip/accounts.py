"""The SIP account on the engine thread: registration callbacks and incoming calls.

Like every pjsua2 callback, these run on the engine thread and catch every exception.
"""

from __future__ import annotations

import pjsua2 as pj

from vpaphone.sip.calls import EngineCalls
from vpaphone.sip.events import RegEvent
from vpaphone.sip.failures import log_failure


class EngineAccount(pj.Account):  # type: ignore[misc]  # pjsua2 has no type stubs
    def __init__(self, calls: EngineCalls) -> None:
        super().__init__()
        self.calls = calls

    def onRegStarted(self, prm: pj.OnRegStartedParam) -> None:  # noqa: N802 (pjsua2 API)
        try:
            if prm.renew:
                self.calls.post(RegEvent(0, "", active=False, started=True))
        except Exception:
            log_failure("registration callback failed")

    def onRegState(self, prm: pj.OnRegStateParam) -> None:  # noqa: N802
        try:
            active = bool(self.getInfo().regIsActive)
            self.calls.post(RegEvent(int(prm.code), str(prm.reason), active))
        except Exception:
            log_failure("registration callback failed")

    def onIncomingCall(self, prm: pj.OnIncomingCallParam) -> None:  # noqa: N802
        try:
            self.calls.incoming(self, int(prm.callId))
        except Exception:
            log_failure("incoming call callback failed")
