"""A second phone with ICE for test_sip_nat: a separate pjsua2 process, no registrar.

It listens for SIP on ADDRESS (all interfaces of a test's own network namespace, see
ice_call_child.py), answers every call with ICE enabled and plays a 440 Hz tone into it (so
that RTP flows towards the caller). pjsip's message log goes to LOG_FILE: the INVITE it received
and the 200 it sent, SDP included, as they were on the wire. It prints `READY <port>` once
listening, `MEDIA active` when the call's audio runs, and shuts down cleanly on SIGTERM or stdin
EOF.

Usage: python ice_peer.py LOG_FILE --address IPV4
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading

import pjsua2 as pj

stop = threading.Event()


class PeerCall(pj.Call):  # type: ignore[misc]
    def __init__(self, acc: pj.Account, call_id: int, peer: Peer) -> None:
        super().__init__(acc, call_id)
        self.peer = peer

    def onCallState(self, prm: pj.OnCallStateParam) -> None:
        try:
            info = self.getInfo()
            print(f"STATE {info.stateText}", flush=True)
            if info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
                self.peer.detach()
        except Exception as exc:  # never let an exception escape a pjsua2 callback
            print(f"ERROR {exc}", flush=True)

    def onCallMediaState(self, prm: pj.OnCallMediaStateParam) -> None:
        try:
            info = self.getInfo()  # keep it alive: its media vector is a view into it
            for i, media in enumerate(info.media):
                if (
                    media.type == pj.PJMEDIA_TYPE_AUDIO
                    and media.status == pj.PJSUA_CALL_MEDIA_ACTIVE
                ):
                    self.peer.attach(self.getAudioMedia(i))
                    print("MEDIA active", flush=True)
        except Exception as exc:
            print(f"ERROR {exc}", flush=True)


class PeerAccount(pj.Account):  # type: ignore[misc]
    def __init__(self, peer: Peer) -> None:
        super().__init__()
        self.peer = peer

    def onIncomingCall(self, prm: pj.OnIncomingCallParam) -> None:
        try:
            call = PeerCall(self, prm.callId, self.peer)
            self.peer.calls.append(call)
            op = pj.CallOpParam()
            op.statusCode = 200
            call.answer(op)
        except Exception as exc:
            print(f"ERROR {exc}", flush=True)


class Peer:
    def __init__(self) -> None:
        self.calls: list[PeerCall] = []
        self.tone: pj.ToneGenerator | None = None
        self.media: pj.AudioMedia | None = None

    def attach(self, media: pj.AudioMedia) -> None:
        self.media = media
        if self.tone is None:
            self.tone = pj.ToneGenerator()
            self.tone.createToneGenerator(8000, 1)
            desc = pj.ToneDesc()
            desc.freq1 = 440
            desc.freq2 = 0
            desc.on_msec = 30_000
            desc.off_msec = 0
            descs = pj.ToneDescVector()
            descs.append(desc)
            self.tone.play(descs, True)
        self.tone.startTransmit(media)

    def detach(self) -> None:
        if self.media is not None and self.tone is not None:
            with contextlib.suppress(Exception):  # the call's media may already be gone
                self.tone.stopTransmit(self.media)
        self.media = None

    def close(self) -> None:
        for call in self.calls:
            with contextlib.suppress(Exception):
                call.hangup(pj.CallOpParam())

    def destroy(self) -> None:
        """Deletes the C++ objects explicitly, before libDestroy (see PLATFORM.md)."""
        for call in self.calls:
            pj._pjsua2.delete_Call(call)
        self.calls.clear()
        if self.tone is not None:
            pj._pjsua2.delete_ToneGenerator(self.tone)
        self.tone = None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("log_file")
    parser.add_argument("--address", required=True)
    args = parser.parse_args()

    ep = pj.Endpoint()
    ep.libCreate()
    cfg = pj.EpConfig()
    cfg.uaConfig.threadCnt = 0
    cfg.uaConfig.mainThreadOnly = True
    cfg.logConfig.level = 4
    cfg.logConfig.consoleLevel = 1
    cfg.logConfig.msgLogging = True
    cfg.logConfig.filename = args.log_file
    cfg.medConfig.noVad = True
    ep.libInit(cfg)
    ep.audDevManager().setNullDev()
    tcfg = pj.TransportConfig()
    tcfg.boundAddress = args.address
    transport = ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, tcfg)
    port = ep.transportGetInfo(transport).localName.rsplit(":", 1)[1]
    ep.libStart()

    peer = Peer()
    acc_cfg = pj.AccountConfig()
    acc_cfg.idUri = f"sip:peer@{args.address}:{port}"
    acc_cfg.natConfig.iceEnabled = True
    acc_cfg.natConfig.sipStunUse = pj.PJSUA_STUN_USE_DISABLED
    acc_cfg.natConfig.mediaStunUse = pj.PJSUA_STUN_USE_DISABLED
    acc_cfg.mediaConfig.transportConfig.boundAddress = args.address
    acc = PeerAccount(peer)
    acc.create(acc_cfg)

    signal.signal(signal.SIGTERM, lambda *_: stop.set())

    def stop_at_eof() -> None:
        sys.stdin.read()
        stop.set()

    threading.Thread(target=stop_at_eof, daemon=True).start()
    print(f"READY {port}", flush=True)
    while not stop.is_set():
        ep.libHandleEvents(10)
    peer.close()
    for _ in range(20):
        ep.libHandleEvents(10)
    peer.destroy()
    del acc
    ep.libDestroy()
    print("DONE", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
