"""Our side of a test call: a minimal pjsua2 Endpoint driving `CallAudioBridge` like the engine.

Stands in for `vpaphone.sip`'s engine (being written in parallel) with the same contract:
one Endpoint (threadCnt=0, mainThreadOnly, events pumped from the Qt thread by a QTimer), the
handler's `on_call_audio_active/inactive` on media changes, `close()` before `libDestroy()`.
Calls go straight to the far end (`sip:peer@127.0.0.1:PORT`): no registrar needed.
"""

from __future__ import annotations

import contextlib
from typing import Any

import pjsua2 as pj
from PySide6.QtCore import QTimer

from vpaphone.audio.bridge import CallAudioBridge


class _Call(pj.Call):  # type: ignore[misc]
    def __init__(self, phone: LocalPhone, acc: pj.Account) -> None:
        super().__init__(acc)
        self.phone = phone
        self.state = "NULL"
        self.media_active = False

    def onCallState(self, prm: Any) -> None:
        try:
            info = self.getInfo()
            self.state = info.stateText
            if info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
                self.media_active = False
                self.phone.bridge.on_call_audio_inactive(self.phone.key(self))
        except Exception as exc:
            self.phone.errors.append(repr(exc))

    def onCallMediaState(self, prm: Any) -> None:
        try:
            info = self.getInfo()  # keep it alive: its media vector is a view into it
            for i, media in enumerate(info.media):
                if media.type != pj.PJMEDIA_TYPE_AUDIO:
                    continue
                if media.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                    self.media_active = True
                    self.phone.bridge.on_call_audio_active(
                        self.phone.key(self), self.getAudioMedia(i)
                    )
                else:
                    self.media_active = False
                    self.phone.bridge.on_call_audio_inactive(self.phone.key(self))
        except Exception as exc:
            self.phone.errors.append(repr(exc))


class LocalPhone:
    def __init__(
        self, bridge: CallAudioBridge, clock_rate: int = 16000, ec_tail_ms: int = 0
    ) -> None:
        self.bridge = bridge
        self.errors: list[str] = []
        self.calls: list[_Call] = []
        self.ep = pj.Endpoint()
        self.ep.libCreate()
        cfg = pj.EpConfig()
        cfg.uaConfig.threadCnt = 0
        cfg.uaConfig.mainThreadOnly = True
        cfg.logConfig.level = 1
        cfg.logConfig.consoleLevel = 1
        cfg.medConfig.clockRate = clock_rate
        cfg.medConfig.ecTailLen = ec_tail_ms  # 0: pjmedia's echo canceller off
        self.ep.libInit(cfg)
        self.ep.audDevManager().setNullDev()
        tcfg = pj.TransportConfig()
        tcfg.port = 0
        tcfg.boundAddress = "127.0.0.1"
        tcfg.publicAddress = "127.0.0.1"
        self.ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, tcfg)
        self.ep.libStart()
        acc_cfg = pj.AccountConfig()
        acc_cfg.idUri = "sip:vpa@127.0.0.1"
        acc_cfg.mediaConfig.transportConfig.boundAddress = "127.0.0.1"  # RTP on loopback only
        acc_cfg.mediaConfig.transportConfig.publicAddress = "127.0.0.1"
        self.acc = pj.Account()
        self.acc.create(acc_cfg)
        self.timer = QTimer()
        self.timer.timeout.connect(lambda: self.ep.libHandleEvents(0))
        self.timer.start(5)

    def key(self, call: _Call) -> str:
        return f"call-{self.calls.index(call)}"

    def dial(self, uri: str) -> _Call:
        call = _Call(self, self.acc)
        self.calls.append(call)
        call.makeCall(uri, pj.CallOpParam(True))
        return call

    def hangup_all(self) -> None:
        for call in self.calls:
            with contextlib.suppress(Exception):
                call.hangup(pj.CallOpParam())

    def close(self) -> None:
        self.timer.stop()
        self.hangup_all()
        for _ in range(20):
            self.ep.libHandleEvents(5)
        self.bridge.close()
        for call in self.calls:  # a Call alive at libDestroy asserts; tests may still hold one
            pj._pjsua2.delete_Call(call)
        self.calls.clear()
        pj._pjsua2.delete_Account(self.acc)
        self.ep.libDestroy(pj.PJSUA_DESTROY_NO_RX_MSG)  # calls over: skip pjsua's 1 s sleep
        pj._pjsua2.delete_Endpoint(self.ep)  # the Endpoint is a singleton: free it for the next
