"""`CallAudioBridge`: the SIP engine's media handler (`vpaphone.sip.media.CallMediaHandler`).

All calls with active audio share one bridge port: pjmedia's conference bridge mixes their audio
into it, and the microphone goes to each of them. The audio path (the devices, the audio thread's
pump and the voice processing) opens when a call starts — dialling out or ringing in, via
`follow_call`, so that it is ready before the call's media flows — and closes when no call is
being set up and none has audio; a call that gets audio without that (early media, a test's own
engine) opens it too. pjmedia's media clock is opened by pjsua itself when the port is connected
and closed by it one second after the last disconnect (`sndAutoCloseTime`).
The engine calls `on_call_audio_*` and `close()` on the thread that drives pjsua2; Qt objects
are only touched on the Qt thread (a queued signal carries start/stop across).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal

from vpaphone.audio.buffer import BufferStats, DriftPolicy, PcmBuffer
from vpaphone.audio.port import BridgePort, destroy_port
from vpaphone.audio.settings import DeviceChoice, ProcessingChoice
from vpaphone.audio.stream import DuplexStream
from vpaphone.sip.updates import CallState, CallUpdate

if TYPE_CHECKING:
    import pjsua2 as pj

log = logging.getLogger(__name__)

# Uplink: the mic delivers in OS-sized chunks and pjmedia takes 20 ms: hold ~1 frame, cap 100 ms.
UPLINK_POLICY = DriftPolicy(target_ms=20, max_ms=100)
# Downlink: pjmedia delivers 20 ms frames; the speaker drains continuously.
DOWNLINK_POLICY = DriftPolicy(target_ms=20, max_ms=100)
# Calls in these states are being set up: their audio is about to flow.
_SETTING_UP = frozenset(
    {CallState.CALLING, CallState.INCOMING, CallState.RINGING, CallState.EARLY_MEDIA}
)


class CallAudioBridge(QObject):
    """Implements the engine's CallMediaHandler protocol with real device audio through Qt."""

    _run_streams = Signal(bool)

    def __init__(
        self,
        choice: DeviceChoice,
        parent: QObject | None = None,
        processing: ProcessingChoice | None = None,
    ) -> None:
        super().__init__(parent)
        self.uplink = PcmBuffer(UPLINK_POLICY)
        self.downlink = PcmBuffer(DOWNLINK_POLICY)
        self.stream = DuplexStream(self.uplink, self.downlink, choice, self, processing)
        self._port: BridgePort | None = None
        self._calls: dict[str, pj.AudioMedia] = {}
        self._setting_up: set[str] = set()  # call ids (Qt thread only)
        # Queued even when emitted on the Qt thread: Qt objects change only from its event loop.
        self._run_streams.connect(self._apply_run, Qt.ConnectionType.QueuedConnection)

    # -- CallMediaHandler ------------------------------------------------------------------

    def on_call_audio_active(self, call_key: str, media: pj.AudioMedia) -> None:
        if call_key in self._calls:
            self._disconnect(self._calls.pop(call_key))
        if self._port is None:
            self.uplink.clear()
            self.downlink.clear()
            self._port = BridgePort(self.uplink, self.downlink)
            self._run_streams.emit(True)
        media.startTransmit(self._port)
        self._port.startTransmit(media)
        self._calls[call_key] = media
        log.info("call audio active (%d call(s) on the bridge)", len(self._calls))

    def on_call_audio_inactive(self, call_key: str) -> None:
        media = self._calls.pop(call_key, None)
        if media is not None:
            self._disconnect(media)
        if not self._calls:
            self._release_port()

    def close(self) -> None:
        """Before the engine's libDestroy(): no media port may outlive it."""
        for media in self._calls.values():
            self._disconnect(media)
        self._calls.clear()
        self._release_port()
        if QThread.currentThread() is self.thread():
            self.stop_audio()  # at once: the app may be quitting its event loop
        # else (the engine's thread): the queued stop above follows on the Qt thread, and the
        # engine's owner calls `stop_audio` once the engine is down. The audio thread is never
        # started or ended from another thread: it went on pumping into buffers no port reads,
        # which is harmless, while ending it from here raced with its deletion (docs/audio.md).

    def stop_audio(self) -> None:
        """On the Qt thread, after the engine is down: the audio thread ends now (waits)."""
        self._setting_up.clear()
        self.stream.stop()

    # -- the call's progress (Qt thread) -----------------------------------------------------

    def follow_call(self, update: CallUpdate) -> None:
        """Connect to `SipEngine.call_changed`: the audio path opens as a call starts (before
        its media flows, so that the answer is not held up by opening devices) and closes when
        the last call is over."""
        if update.state in _SETTING_UP:
            self._setting_up.add(update.call_id)
            self.stream.start()
        else:
            self._setting_up.discard(update.call_id)
            self._apply_run(False)

    # -- controls for the UI ---------------------------------------------------------------

    def set_choice(self, choice: DeviceChoice) -> None:
        self.stream.set_choice(choice)

    def set_processing(self, processing: ProcessingChoice) -> None:
        self.stream.set_processing(processing)

    @property
    def active_calls(self) -> int:
        return len(self._calls)

    def stats(self) -> tuple[BufferStats, BufferStats]:
        """(uplink, downlink) buffer figures, for diagnostics and the benchmark."""
        return self.uplink.stats(), self.downlink.stats()

    # -- internals -------------------------------------------------------------------------

    def _disconnect(self, media: pj.AudioMedia) -> None:
        if self._port is None:
            return
        try:
            media.stopTransmit(self._port)
            self._port.stopTransmit(media)
        except Exception:  # the call's media may already be gone in pjsua; nothing to undo then
            log.debug("stopTransmit on ended call media failed", exc_info=True)

    def _release_port(self) -> None:
        if self._port is not None:
            port, self._port = self._port, None
            destroy_port(port)
            self._run_streams.emit(False)

    def _apply_run(self, run: bool) -> None:
        if run and self._port is not None:
            self.stream.start()
        elif not run and self._port is None and not self._setting_up:
            self.stream.stop()
