"""The one PCM format used on both sides of the bridge: 48 kHz mono signed 16-bit.

48 kHz is what PulseAudio, WASAPI and CoreAudio devices run at natively, so Qt does not resample;
pjmedia's conference bridge resamples to the codec rate (8/16 kHz) on its side.
"""

from __future__ import annotations

RATE = 48_000
CHANNELS = 1
SAMPLE_BYTES = 2
FRAME_MS = 20  # pjmedia's frame period for the bridge port


def ms_to_bytes(ms: float) -> int:
    """Bytes for `ms` milliseconds, rounded down to a whole sample."""
    return int(RATE * ms / 1000) * SAMPLE_BYTES * CHANNELS


def bytes_to_ms(nbytes: int) -> float:
    return nbytes / (SAMPLE_BYTES * CHANNELS) * 1000 / RATE


FRAME_BYTES = ms_to_bytes(FRAME_MS)
