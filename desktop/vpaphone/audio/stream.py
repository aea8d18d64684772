"""The call's devices: one microphone stream and one speaker stream, on the audio thread.

`DuplexStream` (Qt thread) follows the user's device choice and hot-plug (QMediaDevices
signals: a headset plugged in or pulled out reopens only the affected stream on the device the
choice now resolves to; the call and the buffers are untouched) and tells `DeviceIo` what to
open. `DeviceIo` lives on its own thread ("vpaphone-audio"): it owns the QAudioSource/QAudioSink,
and a precise 10 ms timer moves captured audio through the `VoiceStage` into the uplink buffer and
call audio into the speaker (never more than the sink has room for, so the OS buffer stays
short). The thread runs only while a call has its audio path open: an idle phone has no audio
thread and no audio timer.
"""

from __future__ import annotations

import logging
import time
import weakref

from PySide6.QtCore import QIODevice, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtMultimedia import QAudioDevice, QAudioSink, QAudioSource, QtAudio

from vpaphone.audio.buffer import PcmBuffer
from vpaphone.audio.devices import device_id, media_devices, pcm_format, resolve
from vpaphone.audio.format import DEVICE_RATE, ms_to_bytes
from vpaphone.audio.meter import SILENCE_DBFS, peak_dbfs
from vpaphone.audio.pulsewatch import DevicesPresent, PulseDevices
from vpaphone.audio.settings import DeviceChoice, DeviceRole, ProcessingChoice
from vpaphone.audio.system_aec import SystemEchoCancel, detect
from vpaphone.audio.voice import VoiceStage, VoiceStats

log = logging.getLogger(__name__)

PUMP_MS = 10
METER_MS = 50  # the level meter needs 20 updates a second, not one per chunk
# OS-side buffer sizes: short for latency, long enough that a busy moment on the audio thread
# does not starve the speaker.
SINK_BUFFER_MS = 40
SOURCE_BUFFER_MS = 20


class DeviceIo(QObject):
    """Audio-thread side. Its slots are only ever called through queued signals."""

    system_aec = Signal(object)  # SystemEchoCancel | None for the microphone just opened

    def __init__(self, stage: VoiceStage) -> None:
        super().__init__()
        self.stage = stage
        self._choice = stage.choice  # what the user wants; the stage runs what applies
        self._system_aec: SystemEchoCancel | None = None
        self._source: QAudioSource | None = None
        self._source_io: QIODevice | None = None
        self._sink: QAudioSink | None = None
        self._sink_io: QIODevice | None = None
        self._input_id: str | None = None
        self._output_id: str | None = None
        self._next_meter = 0.0
        # dBFS peak of the microphone before processing, read by the Qt thread. A plain float,
        # not a signal: 20 queued emits a second to a Python slot dropped references to None
        # (PySide6 6.11.3, caught by tests/integration/audio/test_audio_refcounts.py).
        self.last_level = SILENCE_DBFS
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._pump)

    # -- slots (audio thread) --------------------------------------------------------------------

    def start(self) -> None:
        if not self._timer.isActive():
            self.stage.reset()
            self._timer.start(PUMP_MS)

    def stop(self) -> None:
        """On the audio thread as it ends (`_AudioThread.run`)."""
        self._timer.stop()
        self._close_input()
        self._close_output()
        self._input_id = self._output_id = None

    def open_input(self, device: QAudioDevice | None, only_if_changed: bool) -> None:
        new_id = device_id(device) if device is not None else None
        if only_if_changed and new_id == self._input_id and not self._failed(self._source):
            return
        self._close_input()
        self._input_id = new_id
        if device is not None:
            self._source = QAudioSource(device, pcm_format(), self)
            self._source.setBufferSize(ms_to_bytes(SOURCE_BUFFER_MS, DEVICE_RATE))
            self._source_io = self._source.start()
            self._system_aec = detect(new_id or "", device.description())
        else:
            self._system_aec = None
        self._apply()
        self.system_aec.emit(self._system_aec)

    def open_output(self, device: QAudioDevice | None, only_if_changed: bool) -> None:
        new_id = device_id(device) if device is not None else None
        if only_if_changed and new_id == self._output_id and not self._failed(self._sink):
            return
        self._close_output()
        self._output_id = new_id
        if device is not None:
            self._sink = QAudioSink(device, pcm_format(), self)
            self._sink.setBufferSize(ms_to_bytes(SINK_BUFFER_MS, DEVICE_RATE))
            self._sink_io = self._sink.start()

    def configure(self, choice: ProcessingChoice) -> None:
        self._choice = choice
        self._apply()

    # -- internals -------------------------------------------------------------------------------

    def _apply(self) -> None:
        """The user's choice, less the echo canceller where the OS already cancels."""
        choice = self._choice
        if self._system_aec is not None and choice.echo_cancellation:
            log.info("the microphone is echo-cancelled already (%s)", self._system_aec.detail)
            choice = ProcessingChoice(
                echo_cancellation=False,
                noise_suppression=choice.noise_suppression,
                high_pass_filter=choice.high_pass_filter,
                auto_gain=choice.auto_gain,
            )
        if choice != self.stage.choice:
            self.stage.configure(choice)

    @staticmethod
    def _failed(stream: QAudioSource | QAudioSink | None) -> bool:
        return stream is not None and stream.error() != QtAudio.Error.NoError

    def _close_input(self) -> None:
        if self._source is not None:
            self._source.stop()
            self._source.deleteLater()
        self._source = None
        self._source_io = None

    def _close_output(self) -> None:
        if self._sink is not None:
            self._sink.stop()
            self._sink.deleteLater()
        self._sink = None
        self._sink_io = None

    def _pump(self) -> None:
        source_io = self._source_io
        if source_io is not None:
            pcm = bytes(source_io.readAll().data())
            if pcm:
                self.stage.capture(pcm)
                now = time.monotonic()
                if now >= self._next_meter:
                    self._next_meter = now + METER_MS / 1000
                    self.last_level = peak_dbfs(pcm)
        sink, sink_io = self._sink, self._sink_io
        if sink is not None and sink_io is not None:
            free = sink.bytesFree()
            pcm = self.stage.playout(free)
            if pcm:
                sink_io.write(pcm)
        else:
            self.stage.discard_downlink()


class _AudioThread(QThread):
    """Runs `DeviceIo`'s event loop; closes its streams on the thread itself when the loop ends
    (objects it deleted later go when the thread finishes)."""

    def __init__(self, io: DeviceIo) -> None:
        super().__init__()
        self.setObjectName("vpaphone-audio")
        self._io = io

    def run(self) -> None:
        self.exec()
        self._io.stop()


def _end_audio_thread(thread: _AudioThread, io: DeviceIo | None = None) -> None:
    """The owner is going: its audio thread ends first (streams closed on it), and only then
    may the thread object and `DeviceIo` be deleted. Deleting them while the thread ran was
    the suite's crash: Qt aborts on a running QThread ("Destroyed while thread is still
    running"), or DeviceIo and its streams went on the Qt thread while the audio thread was
    still closing them (heap corruption)."""
    thread.quit()
    thread.wait()
    del io  # held until here (see DuplexStream.__init__)


class DuplexStream(QObject):
    """Microphone -> `uplink`, `downlink` -> speaker, while a call has its audio path open."""

    # A running call's stream moved to another device (role value, its description; "": none
    # left): the headset was pulled out, or the VPA chose another one. Not sent on start.
    device_changed = Signal(str, str)
    system_aec_changed = Signal(object)  # SystemEchoCancel | None
    # to DeviceIo (queued: it lives on the audio thread)
    _start_io = Signal()
    _open_input = Signal(object, bool)
    _open_output = Signal(object, bool)
    _configure = Signal(object)

    def __init__(
        self,
        uplink: PcmBuffer,
        downlink: PcmBuffer,
        choice: DeviceChoice,
        parent: QObject | None = None,
        processing: ProcessingChoice | None = None,
    ) -> None:
        super().__init__(parent)
        self.uplink = uplink
        self.downlink = downlink
        self._choice = choice
        self.processing = processing or ProcessingChoice()
        self.input_id: str | None = None
        self.output_id: str | None = None
        self.system_aec: SystemEchoCancel | None = None
        self.reopens = 0
        self._running = False
        self._media_devices = media_devices(self)  # first: Qt Multimedia starts on this thread
        self._media_devices.audioInputsChanged.connect(self._devices_changed)
        self._media_devices.audioOutputsChanged.connect(self._devices_changed)
        # Qt does not report a device that goes away (see audio.pulsewatch): the server does
        self._server = PulseDevices(self)
        self._server.present.connect(self._server_devices)
        self._present: DevicesPresent | None = None
        self.stage = VoiceStage(uplink, downlink, self.processing)
        self._io = DeviceIo(self.stage)
        self._thread = _AudioThread(self._io)
        self._io.moveToThread(self._thread)
        # However this object goes (its parent deleted, the last Python reference dropped, the
        # interpreter exiting), the audio thread ends before the thread object and DeviceIo are
        # deleted: the finalizer holds both until then. (Neither is a Qt child of this object,
        # and `destroyed` is no hook for it: PySide drops the Python connection before a
        # parent's deleteLater deletes a child, measured.)
        self._finalizer = weakref.finalize(self, _end_audio_thread, self._thread, self._io)
        queued = Qt.ConnectionType.QueuedConnection
        self._start_io.connect(self._io.start, queued)
        self._open_input.connect(self._io.open_input, queued)
        self._open_output.connect(self._io.open_output, queued)
        self._configure.connect(self._io.configure, queued)
        self._io.system_aec.connect(self._on_system_aec, queued)

    @property
    def running(self) -> bool:
        return self._running

    @property
    def last_mic_dbfs(self) -> float:
        """The microphone's peak level (dBFS, before processing), updated 20 times a second."""
        return self._io.last_level

    def start(self) -> None:
        """Starts the audio thread, opens the devices and the pump."""
        if self._running:
            return
        self._running = True
        self._thread.start()
        self._open(only_if_changed=False)
        self._start_io.emit()
        self._server.start()

    def stop(self) -> None:
        """Ends the audio thread; its streams close on it first. Waits (a few ms).
        Only on this object's thread: every start and stop of the audio thread happens here."""
        self._server.stop()
        self._present = None
        self._running = False
        _end_audio_thread(self._thread)

    def speaker_id(self) -> str | None:
        """The speaker the call's sound plays on, or will once the call has audio."""
        if self._running:
            return self.output_id
        device = self._resolve(DeviceRole.SPEAKER)
        return device_id(device) if device else None

    def set_choice(self, choice: DeviceChoice) -> None:
        """Applies a new device choice; a running call moves to the new devices at once."""
        self._choice = choice
        if self._running:
            self._devices_changed()

    def set_processing(self, processing: ProcessingChoice) -> None:
        """Applies a new voice-processing choice (a running call's processing restarts)."""
        self.processing = processing
        if self._running:
            self._configure.emit(processing)
        else:  # no audio thread runs: nothing else touches DeviceIo now
            self._io.configure(processing)

    def voice_stats(self) -> VoiceStats:
        return self.stage.stats()

    # -- devices ---------------------------------------------------------------------------------

    def _resolve(self, role: DeviceRole) -> QAudioDevice | None:
        present = self._present
        if present is None:
            return resolve(role, self._choice)
        return resolve(role, self._choice, present.sources if role.is_input else present.sinks)

    def _server_devices(self, present: DevicesPresent) -> None:
        if self._running:
            self._present = present
            self._devices_changed()

    def _devices_changed(self) -> None:
        if self._running:
            self._open(only_if_changed=True)

    def _open(self, only_if_changed: bool) -> None:
        mic = self._resolve(DeviceRole.MICROPHONE)
        mic_id = device_id(mic) if mic else None
        if not only_if_changed or mic_id != self.input_id:
            self.input_id = mic_id  # first: listeners of the announcement ask for it
            self._announce(DeviceRole.MICROPHONE, mic, moved=only_if_changed)
        self._open_input.emit(mic, only_if_changed)
        speaker = self._resolve(DeviceRole.SPEAKER)
        speaker_id = device_id(speaker) if speaker else None
        if not only_if_changed or speaker_id != self.output_id:
            self.output_id = speaker_id
            self._announce(DeviceRole.SPEAKER, speaker, moved=only_if_changed)
        self._open_output.emit(speaker, only_if_changed)

    def _announce(self, role: DeviceRole, device: QAudioDevice | None, *, moved: bool) -> None:
        self.reopens += 1
        name = device.description() if device else ""
        log.info("call %s: %s", "microphone" if role.is_input else "speaker", name or "none")
        if moved:
            self.device_changed.emit(role.value, name)

    def _on_system_aec(self, found: SystemEchoCancel | None) -> None:
        if found != self.system_aec:
            self.system_aec = found
            self.system_aec_changed.emit(found)
