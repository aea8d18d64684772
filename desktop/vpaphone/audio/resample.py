"""48 kHz <-> 16 kHz for the call audio: one polyphase FIR low-pass, in numpy, with state.

The devices run at 48 kHz and the call at 16 kHz (`format`). Resampling here, once, where the
voice processing needs 16 kHz anyway, replaces pjmedia's conference-bridge resampler (which ran
on the clock thread for a 48 kHz port). The filter: 120 taps at 48 kHz (Kaiser window), flat to
7 kHz (G.722 carries 50 Hz-7 kHz), at least 60 dB down from 9 kHz on, where aliases would fold
back into the band (tests/unit/audio/test_audio_resample.py measures both). Group delay: 1.2 ms
each way.

Both classes take whole 10 ms blocks (480 or 160 samples) and keep the filter's history
between calls, so consecutive blocks join without clicks.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FACTOR = 3  # DEVICE_RATE / CALL_RATE
TAPS = 120  # a multiple of FACTOR: 40 per polyphase branch
_CUTOFF_HZ = 7_900.0
_DEVICE_HZ = 48_000.0
_KAISER_BETA = 7.0

Samples = npt.NDArray[np.float32]


def _low_pass() -> Samples:
    n = np.arange(TAPS) - (TAPS - 1) / 2
    taps = np.sinc(2 * _CUTOFF_HZ / _DEVICE_HZ * n) * np.kaiser(TAPS, _KAISER_BETA)
    normalised: Samples = (taps / taps.sum()).astype(np.float32)
    return normalised


_TAPS = _low_pass()


class Downsampler:
    """48 kHz -> 16 kHz."""

    def __init__(self) -> None:
        self._history = np.zeros(TAPS - 1, dtype=np.float32)

    def process(self, block: Samples) -> Samples:
        if len(block) % FACTOR:
            raise ValueError(f"{len(block)} samples is not a multiple of {FACTOR}")
        signal = np.concatenate((self._history, block))
        self._history = signal[len(block) :]
        # every third output of the full-rate filter (np.convolve in C beats a strided
        # polyphase product in numpy here: 17 vs 50 us per 10 ms block)
        out: Samples = np.convolve(signal, _TAPS, "valid")[::FACTOR]
        return out


class Upsampler:
    """16 kHz -> 48 kHz: zero stuffing, then the same low-pass (with the factor's gain)."""

    def __init__(self) -> None:
        self._history = np.zeros(TAPS - 1, dtype=np.float32)
        self._taps = (FACTOR * _TAPS).astype(np.float32)

    def process(self, block: Samples) -> Samples:
        stuffed = np.zeros(FACTOR * len(block), dtype=np.float32)
        stuffed[::FACTOR] = block
        signal = np.concatenate((self._history, stuffed))
        self._history = signal[len(stuffed) :]
        out: Samples = np.convolve(signal, self._taps, "valid")
        return out


def to_int16(samples: Samples) -> npt.NDArray[np.int16]:
    return np.clip(np.rint(samples), -32768, 32767).astype(np.int16)
