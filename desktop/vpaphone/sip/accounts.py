"""The SIP account on the engine thread: registration callbacks, incoming calls, and the
endpoint's transport callback (a refused TLS certificate).

Like every pjsua2 callback, these run on the engine thread and catch every exception.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime

import pjsua2 as pj

from vpaphone.core.calls import new_call_id
from vpaphone.sip.calls import EngineCalls
from vpaphone.sip.events import Event, RefusedIncomingEvent, RegEvent, TlsRefusedEvent
from vpaphone.sip.failures import log_failure
from vpaphone.sip.regwatch import RegistrationWatch
from vpaphone.sip.trust import CallSources, tls_problem

log = logging.getLogger(__name__)


class EngineEndpoint(pj.Endpoint):  # type: ignore[misc]  # pjsua2 has no type stubs
    """The Endpoint, to hear why a TLS connection failed: pjsua's registration only says
    503 "SSL certificate verification error"."""

    def __init__(self, post: Callable[[Event], None]) -> None:
        super().__init__()
        self._post = post
        self.sources: CallSources | None = None  # set once the account exists

    def onRejectedIncomingCall(self, prm: pj.OnRejectedIncomingCallParam) -> None:  # noqa: N802
        # Only media refusals (488: e.g. plain RTP while SRTP is mandatory) are the VPA's
        # business: the caller tried to reach her. 486 beyond the call limit is a flood.
        try:
            source = str(prm.rdata.srcAddress)
            if int(prm.statusCode) == 488 and self.sources and self.sources.allows(source):
                remote = str(prm.remoteInfo)
                self._post(RefusedIncomingEvent(new_call_id(), remote, 488, datetime.now(UTC)))
        except Exception:
            log_failure("rejected call callback failed")

    def onTransportState(self, prm: pj.OnTransportStateParam) -> None:  # noqa: N802
        try:
            status = int(prm.tlsInfo.verifyStatus)
            if status:
                reasons = "; ".join(str(m) for m in prm.tlsInfo.verifyMsgs)
                log.warning(
                    "SIP server's TLS certificate refused (%s): %s", tls_problem(status), reasons
                )
                self._post(TlsRefusedEvent(status))
        except Exception:
            log_failure("transport callback failed")


class EngineAccount(pj.Account):  # type: ignore[misc]  # pjsua2 has no type stubs
    """`watch` (None: nothing registers) hears of every REGISTER and its outcome."""

    def __init__(
        self, calls: EngineCalls, sources: CallSources, watch: RegistrationWatch | None
    ) -> None:
        super().__init__()
        self.calls = calls
        self.sources = sources
        self.reg_answers = 0  # registration outcomes so far: shutdown waits for the un-REGISTER's
        self.watch = watch

    def onRegStarted(self, prm: pj.OnRegStartedParam) -> None:  # noqa: N802 (pjsua2 API)
        try:
            if prm.renew:
                if self.watch is not None:
                    self.watch.sent(time.monotonic())
                self.calls.post(RegEvent(0, "", active=False, started=True))
        except Exception:
            log_failure("registration callback failed")

    def onRegState(self, prm: pj.OnRegStateParam) -> None:  # noqa: N802
        self.reg_answers += 1
        try:
            active = bool(self.getInfo().regIsActive)
            code = int(prm.code)
            if self.watch is not None:
                self.watch.answered(time.monotonic(), code, active)
            self.calls.post(RegEvent(code, str(prm.reason), active))
        except Exception:
            log_failure("registration callback failed")

    def onIncomingCall(self, prm: pj.OnIncomingCallParam) -> None:  # noqa: N802
        try:
            source = str(prm.rdata.srcAddress)
            if self.sources.allows(source):
                self.calls.incoming(self, int(prm.callId))
            else:
                # past the registrar (a made-up caller, a scan): refused, never shown
                log.warning("incoming call from %s, not from the SIP server: refused", source)
                self.calls.refuse_unseen(self, int(prm.callId), 403)
        except Exception:
            log_failure("incoming call callback failed")
