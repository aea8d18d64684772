"""Qt side of the bridge: one microphone stream and one speaker stream, on the Qt thread.

A precise 5 ms timer moves captured audio into the uplink buffer and buffered call audio into the
speaker (never more than the sink has room for, so the OS buffer stays short). Device changes
(QMediaDevices signals: a headset plugged in or pulled out) reopen only the affected stream on
the device the user's choice now resolves to; the call and the buffers are untouched.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QIODevice, QObject, Qt, QTimer, Signal
from PySide6.QtMultimedia import QAudioDevice, QAudioSink, QAudioSource, QtAudio

from vpaphone.audio.buffer import PcmBuffer
from vpaphone.audio.devices import device_id, media_devices, pcm_format, resolve
from vpaphone.audio.format import ms_to_bytes
from vpaphone.audio.meter import SILENCE_DBFS, peak_dbfs
from vpaphone.audio.pulsewatch import DevicesPresent, PulseDevices
from vpaphone.audio.settings import DeviceChoice, DeviceRole

log = logging.getLogger(__name__)

PUMP_MS = 15
METER_MS = 50  # the level meter needs 20 updates a second, not one per chunk
# OS-side buffer sizes: short for latency, long enough that a busy GUI thread (5 ms pump) does
# not starve the speaker.
SINK_BUFFER_MS = 40
SOURCE_BUFFER_MS = 20


class DuplexStream(QObject):
    """Microphone -> `uplink`, `downlink` -> speaker, for as long as a call has audio."""

    # A running call's stream moved to another device (role value, its description; "": none
    # left): the headset was pulled out, or the VPA chose another one. Not sent on start.
    device_changed = Signal(str, str)
    mic_level = Signal(float)  # dBFS peak of the last captured chunk

    def __init__(
        self,
        uplink: PcmBuffer,
        downlink: PcmBuffer,
        choice: DeviceChoice,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.uplink = uplink
        self.downlink = downlink
        self._choice = choice
        self._source: QAudioSource | None = None
        self._source_io: QIODevice | None = None
        self._sink: QAudioSink | None = None
        self._sink_io: QIODevice | None = None
        self.input_id: str | None = None
        self.output_id: str | None = None
        self.last_mic_dbfs = SILENCE_DBFS
        self.reopens = 0
        self._next_meter = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._pump)
        self._media_devices = media_devices(self)
        self._media_devices.audioInputsChanged.connect(self._devices_changed)
        self._media_devices.audioOutputsChanged.connect(self._devices_changed)
        # Qt does not report a device that goes away (see audio.pulsewatch): the server does
        self._server = PulseDevices(self)
        self._server.present.connect(self._server_devices)
        self._present: DevicesPresent | None = None

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        if self.running:
            return
        self._open_input(self._resolve(DeviceRole.MICROPHONE))
        self._open_output(self._resolve(DeviceRole.SPEAKER))
        self._timer.start(PUMP_MS)
        self._server.start()

    def stop(self) -> None:
        self._server.stop()
        self._present = None
        self._timer.stop()
        self._close_input()
        self._close_output()

    def speaker_id(self) -> str | None:
        """The speaker the call's sound plays on, or will once the call has audio."""
        if self.running:
            return self.output_id
        device = self._resolve(DeviceRole.SPEAKER)
        return device_id(device) if device else None

    def set_choice(self, choice: DeviceChoice) -> None:
        """Applies a new device choice; a running call moves to the new devices at once."""
        self._choice = choice
        if self.running:
            self._devices_changed()

    # -- devices ---------------------------------------------------------------------------

    def _resolve(self, role: DeviceRole) -> QAudioDevice | None:
        present = self._present
        if present is None:
            return resolve(role, self._choice)
        return resolve(role, self._choice, present.sources if role.is_input else present.sinks)

    def _server_devices(self, present: DevicesPresent) -> None:
        if self.running:
            self._present = present
            self._devices_changed()

    def _devices_changed(self) -> None:
        if not self.running:
            return
        mic = self._resolve(DeviceRole.MICROPHONE)
        if (device_id(mic) if mic else None) != self.input_id or self._failed(self._source):
            self._open_input(mic)
            self.device_changed.emit(DeviceRole.MICROPHONE.value, mic.description() if mic else "")
        speaker = self._resolve(DeviceRole.SPEAKER)
        if (device_id(speaker) if speaker else None) != self.output_id or self._failed(self._sink):
            self._open_output(speaker)
            name = speaker.description() if speaker else ""
            self.device_changed.emit(DeviceRole.SPEAKER.value, name)

    @staticmethod
    def _failed(stream: QAudioSource | QAudioSink | None) -> bool:
        return stream is not None and stream.error() != QtAudio.Error.NoError

    def _open_input(self, device: QAudioDevice | None) -> None:
        self._close_input()
        self.input_id = device_id(device) if device else None
        if device is not None:
            self._source = QAudioSource(device, pcm_format(), self)
            self._source.setBufferSize(ms_to_bytes(SOURCE_BUFFER_MS))
            self._source_io = self._source.start()
        self.reopens += 1
        name = device.description() if device else ""
        log.info("call microphone: %s", name or "none")

    def _open_output(self, device: QAudioDevice | None) -> None:
        self._close_output()
        self.output_id = device_id(device) if device else None
        if device is not None:
            self._sink = QAudioSink(device, pcm_format(), self)
            self._sink.setBufferSize(ms_to_bytes(SINK_BUFFER_MS))
            self._sink_io = self._sink.start()
        self.reopens += 1
        name = device.description() if device else ""
        log.info("call speaker: %s", name or "none")

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

    # -- data ------------------------------------------------------------------------------

    def _pump(self) -> None:
        if self._source_io is not None:
            pcm = bytes(self._source_io.readAll().data())
            if pcm:
                self.uplink.write(pcm)
                now = time.monotonic()
                if now >= self._next_meter:
                    self._next_meter = now + METER_MS / 1000
                    self.last_mic_dbfs = peak_dbfs(pcm)
                    self.mic_level.emit(self.last_mic_dbfs)
        if self._sink is not None and self._sink_io is not None:
            free = self._sink.bytesFree()
            if free > 0:
                pcm = self.downlink.read_available(free)
                if pcm:
                    self._sink_io.write(pcm)
        else:
            # No speaker: keep the downlink from filling up (the policy would drop anyway).
            self.downlink.clear()
