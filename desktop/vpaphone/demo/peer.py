"""The demo customer: a SIP peer that answers calls to any number and echoes the caller.

    python -m vpaphone.demo.peer --port 5070

No registrar: the demo provisioning gives the app `register = False` and the domain
127.0.0.1:PORT, so calls come straight here. The caller's audio comes back after ECHO_DELAY_S,
so a user hears themselves. pjsua2 with the null audio device; audio moves through an
AudioMediaPort (see PLATFORM.md for the teardown order that keeps pjmedia from crashing).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import gc
import logging
import os
import signal
import sys
import threading
import time
from types import FrameType

import pjsua2 as pj

from vpaphone.sip.pjlog import quiet_until_configured

log = logging.getLogger("vpaphone.demo.peer")
ECHO_DELAY_S = 1.0
CLOCK_RATE = 16000
FRAME_MS = 20
FRAME_BYTES = CLOCK_RATE * FRAME_MS // 1000 * 2  # 16-bit mono


class EchoPort(pj.AudioMediaPort):  # type: ignore[misc]
    """Plays back what it received ECHO_DELAY_S earlier (silence until then)."""

    def __init__(self) -> None:
        super().__init__()
        self.delay_frames = int(ECHO_DELAY_S * 1000 / FRAME_MS)
        self._frames: collections.deque[bytes] = collections.deque()
        self._lock = threading.Lock()
        self._silence = bytes(FRAME_BYTES)

    # Both callbacks run on pjmedia's clock thread; an escaping exception would keep the port
    # alive past libDestroy (abort), so nothing may escape.
    def onFrameReceived(self, frame: pj.MediaFrame) -> None:  # noqa: N802 - pjsua2 API
        try:
            if frame.type == pj.PJMEDIA_FRAME_TYPE_AUDIO:
                data = bytes(frame.buf)
                with self._lock:
                    self._frames.append(data)
                    while len(self._frames) > 2 * self.delay_frames:  # bounded memory
                        self._frames.popleft()
        except Exception:
            log.exception("echo receive failed")

    def onFrameRequested(self, frame: pj.MediaFrame) -> None:  # noqa: N802 - pjsua2 API
        try:
            with self._lock:
                ready = len(self._frames) > self.delay_frames
                data = self._frames.popleft() if ready else self._silence
            frame.type = pj.PJMEDIA_FRAME_TYPE_AUDIO
            frame.buf = pj.ByteVector(data)
            frame.size = len(data)
        except Exception:
            log.exception("echo playback failed")


class EchoCall(pj.Call):  # type: ignore[misc]
    def __init__(self, peer: DemoPeer, account: pj.Account, call_id: int) -> None:
        super().__init__(account, call_id)
        self.peer = peer
        self.port: EchoPort | None = None
        self.media: pj.AudioMedia | None = None

    def onCallState(self, prm: pj.OnCallStateParam) -> None:  # noqa: N802 - pjsua2 API
        try:
            if self.getInfo().state == pj.PJSIP_INV_STATE_DISCONNECTED:
                self.peer.ended.append(self)
        except Exception:
            log.exception("call state failed")

    def onCallTransferRequest(self, prm: pj.OnCallTransferRequestParam) -> None:  # noqa: N802
        """A customer's phone does not carry out transfers: declined (603). Accepted, pjsua
        placed the new call with no Python object behind it, and the peer crashed when that
        call's dialog timed out 15 minutes later (every later demo call then failed)."""
        try:
            prm.statusCode = 603
        except Exception:
            log.exception("transfer request failed")

    def onCallMediaState(self, prm: pj.OnCallMediaStateParam) -> None:  # noqa: N802
        try:
            info = self.getInfo()  # keep it alive: `media` items point into it
            for mi in info.media:
                if mi.type == pj.PJMEDIA_TYPE_AUDIO and mi.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                    self._connect(self.getAudioMedia(mi.index))
                    return
        except Exception:
            log.exception("call media failed")

    def _connect(self, media: pj.AudioMedia) -> None:
        if self.port is None:
            fmt = pj.MediaFormatAudio()
            fmt.init(pj.PJMEDIA_FORMAT_PCM, CLOCK_RATE, 1, FRAME_MS * 1000, 16)
            self.port = EchoPort()
            self.port.createPort("demo-echo", fmt)
        self.media = media
        media.startTransmit(self.port)
        self.port.startTransmit(media)

    def release(self) -> None:
        """Stop the media, then destroy the port's C++ object explicitly (PLATFORM.md)."""
        port, media, self.port, self.media = self.port, self.media, None, None
        if port is None:
            return
        for source, sink in ((media, port), (port, media)):
            if source is not None and sink is not None:
                with contextlib.suppress(pj.Error):  # the call's media may already be gone
                    source.stopTransmit(sink)
        pj._pjsua2.delete_AudioMediaPort(port)  # the safe teardown


class DemoAccount(pj.Account):  # type: ignore[misc]
    def __init__(self, peer: DemoPeer) -> None:
        super().__init__()
        self.peer = peer

    def onIncomingCall(self, prm: pj.OnIncomingCallParam) -> None:  # noqa: N802
        try:
            call = EchoCall(self.peer, self, prm.callId)
            self.peer.calls.append(call)
            answer = pj.CallOpParam()
            answer.statusCode = 200
            call.answer(answer)
            log.info("answered a call")
        except Exception:
            log.exception("answering failed")


class DemoPeer:
    def __init__(self, port: int) -> None:
        self.port = port
        self.calls: list[EchoCall] = []
        self.ended: list[EchoCall] = []
        self.stopping = False
        self.ep = pj.Endpoint()
        self.account: DemoAccount | None = None

    def start(self) -> None:
        ep = self.ep
        quiet_until_configured()  # stdout is read by the app (see vpaphone.demo.launch)
        ep.libCreate()
        cfg = pj.EpConfig()
        cfg.uaConfig.threadCnt = 0
        cfg.uaConfig.mainThreadOnly = True
        cfg.uaConfig.userAgent = "vpaphone demo customer"
        level = int(os.environ.get("VPAPHONE_PJ_LOG_LEVEL", "1"))
        cfg.logConfig.level = level
        cfg.logConfig.consoleLevel = level
        cfg.medConfig.noVad = True
        cfg.medConfig.clockRate = CLOCK_RATE
        ep.libInit(cfg)
        ep.audDevManager().setNullDev()
        tcfg = pj.TransportConfig()
        tcfg.port = self.port
        tcfg.boundAddress = "127.0.0.1"
        ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, tcfg)
        ep.libStart()
        acfg = pj.AccountConfig()
        acfg.idUri = f"sip:customer@127.0.0.1:{self.port}"
        acfg.mediaConfig.transportConfig.boundAddress = "127.0.0.1"
        acfg.mediaConfig.transportConfig.port = 0  # any free RTP port
        self.account = DemoAccount(self)
        self.account.create(acfg, True)  # default account: takes calls to any number

    def run(self) -> None:
        while not self.stopping:
            self.ep.libHandleEvents(20)
            self._reap()

    def _reap(self) -> None:
        """Free ended calls' media. A helper, so no local keeps a Call past libDestroy."""
        while self.ended:
            call = self.ended.pop()
            call.release()
            if call in self.calls:
                self.calls.remove(call)

    def _release_remaining(self) -> None:
        for call in self.calls:
            call.release()
        self.calls.clear()
        self.ended.clear()

    def stop(self) -> None:
        """Hang up, free every media object and call, then destroy the library (order matters:
        a Call or port that outlives libDestroy makes pjsua assert and abort the process)."""
        self.ep.hangupAllCalls()
        deadline = time.monotonic() + 2
        while self.calls and time.monotonic() < deadline:
            self.ep.libHandleEvents(20)
            self._reap()
        self._release_remaining()
        self.account = None
        gc.collect()
        self.ep.libDestroy()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="vpaphone demo customer (echo SIP peer)")
    parser.add_argument("--port", type=int, required=True, help="UDP port on 127.0.0.1")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="demo peer: %(message)s")
    peer = DemoPeer(args.port)

    def _stop(signum: int, frame: FrameType | None) -> None:
        peer.stopping = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    try:
        peer.start()
    except pj.Error as exc:
        print(f"demo peer: cannot start on 127.0.0.1:{args.port}: {exc.info()}", file=sys.stderr)
        return 1
    print(f"demo peer: listening on 127.0.0.1:{args.port}", flush=True)
    peer.run()
    peer.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
