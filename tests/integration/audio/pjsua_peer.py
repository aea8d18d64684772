"""A far-end phone for audio tests: a separate pjsua2 process on 127.0.0.1.

It answers every call, plays a sine tone into it (`--tone-hz`, 0 = silence) and records what it
hears to a WAV file (`--record`). It prints `READY <port>` once listening and shuts down cleanly
(hang up, destroy media, libDestroy, so the WAV header is complete) on SIGTERM or stdin EOF.

`--ring-ms N` rings (180) for N ms before answering; `--reply CODE` refuses every call with
that status instead (e.g. 486 Busy Here).

Usage: python pjsua_peer.py --record OUT.wav [--tone-hz 1000] [--ring-ms 0] [--reply 0]
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
import time

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
                self.peer.detach(self)
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
            if self.peer.reply:
                op.statusCode = self.peer.reply
                call.hangup(op)
            elif self.peer.ring_ms:
                op.statusCode = 180
                call.answer(op)
                self.peer.pending.append((time.monotonic() + self.peer.ring_ms / 1000, call))
            else:
                op.statusCode = 200
                call.answer(op)
        except Exception as exc:
            print(f"ERROR {exc}", flush=True)


class Peer:
    def __init__(self, tone_hz: int, record: str, ring_ms: int = 0, reply: int = 0) -> None:
        self.calls: list[PeerCall] = []
        self.pending: list[tuple[float, PeerCall]] = []  # (when to answer, call)
        self.ring_ms = ring_ms
        self.reply = reply
        self.tone: pj.ToneGenerator | None = None
        self.recorder: pj.AudioMediaRecorder | None = None
        self.media: pj.AudioMedia | None = None
        self.tone_hz = tone_hz
        self.record = record

    def attach(self, media: pj.AudioMedia) -> None:
        self.media = media
        if self.recorder is None:
            self.recorder = pj.AudioMediaRecorder()
            self.recorder.createRecorder(self.record)
        media.startTransmit(self.recorder)
        if self.tone_hz:
            if self.tone is None:
                self.tone = pj.ToneGenerator()
                self.tone.createToneGenerator(16000, 1)
                desc = pj.ToneDesc()
                desc.freq1 = self.tone_hz
                desc.freq2 = 0
                desc.on_msec = 30_000
                desc.off_msec = 0
                descs = pj.ToneDescVector()
                descs.append(desc)
                self.tone.play(descs, True)
            self.tone.startTransmit(media)

    def answer_due(self) -> None:
        now = time.monotonic()
        for due, call in [p for p in self.pending if p[0] <= now]:
            self.pending.remove((due, call))
            op = pj.CallOpParam()
            op.statusCode = 200
            with contextlib.suppress(Exception):  # the caller may have given up
                call.answer(op)

    def detach(self, call: PeerCall) -> None:
        if self.media is None:
            return
        with contextlib.suppress(Exception):  # the call's media may already be gone
            if self.recorder is not None:
                self.media.stopTransmit(self.recorder)
            if self.tone is not None:
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
        if self.recorder is not None:
            pj._pjsua2.delete_AudioMediaRecorder(self.recorder)  # finishes the WAV header
        if self.tone is not None:
            pj._pjsua2.delete_ToneGenerator(self.tone)
        self.recorder = None
        self.tone = None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--record", required=True)
    parser.add_argument("--tone-hz", type=int, default=0)
    parser.add_argument("--ring-ms", type=int, default=0)
    parser.add_argument("--reply", type=int, default=0)
    args = parser.parse_args()

    ep = pj.Endpoint()
    ep.libCreate()
    cfg = pj.EpConfig()
    cfg.uaConfig.threadCnt = 0
    cfg.uaConfig.mainThreadOnly = True
    cfg.logConfig.level = 1
    cfg.logConfig.consoleLevel = 1
    ep.libInit(cfg)
    ep.audDevManager().setNullDev()
    tcfg = pj.TransportConfig()
    tcfg.port = 0
    tcfg.boundAddress = "127.0.0.1"
    tcfg.publicAddress = "127.0.0.1"
    transport = ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, tcfg)
    port = ep.transportGetInfo(transport).localName.rsplit(":", 1)[1]
    ep.libStart()
    peer = Peer(args.tone_hz, args.record, args.ring_ms, args.reply)
    acc_cfg = pj.AccountConfig()
    acc_cfg.idUri = f"sip:peer@127.0.0.1:{port}"
    acc_cfg.mediaConfig.transportConfig.boundAddress = "127.0.0.1"  # RTP on loopback only
    acc_cfg.mediaConfig.transportConfig.publicAddress = "127.0.0.1"
    acc = PeerAccount(peer)
    acc.create(acc_cfg)

    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    print(f"READY {port}", flush=True)
    while not stop.is_set():
        ep.libHandleEvents(10)
        peer.answer_due()
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
