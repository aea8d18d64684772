"""Microphone level: a peak meter for the call and for the settings page."""

from __future__ import annotations

import math
import sys
from array import array

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtMultimedia import QAudioDevice, QAudioSource

from vpaphone.audio.devices import pcm_format

SILENCE_DBFS = -96.0  # floor: what 16-bit silence reports


def peak_dbfs(pcm: bytes) -> float:
    """Peak level of 16-bit little-endian PCM in dBFS (0 = full scale)."""
    if len(pcm) < 2:
        return SILENCE_DBFS
    samples = array("h", pcm[: len(pcm) - len(pcm) % 2])
    if sys.byteorder == "big":
        samples.byteswap()
    peak = max(*samples, -min(samples))
    if peak == 0:
        return SILENCE_DBFS
    return float(max(SILENCE_DBFS, 20 * math.log10(peak / 32768)))


class MicLevelMonitor(QObject):
    """Opens one microphone and reports its peak level every `interval_ms` (settings page)."""

    level = Signal(float)  # dBFS

    def __init__(self, device: QAudioDevice, interval_ms: int = 50, parent: QObject | None = None):
        super().__init__(parent)
        self._source = QAudioSource(device, pcm_format(), self)
        self._io = self._source.start()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._read)
        self._timer.start(interval_ms)
        self.last_dbfs = SILENCE_DBFS

    def _read(self) -> None:
        pcm = bytes(self._io.readAll().data())
        if pcm:
            self.last_dbfs = peak_dbfs(pcm)
            self.level.emit(self.last_dbfs)

    def stop(self) -> None:
        self._timer.stop()
        self._source.stop()
