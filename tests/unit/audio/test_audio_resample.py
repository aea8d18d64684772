"""The 48 <-> 16 kHz resampler: flat where G.722 carries speech, no aliases or images."""

from __future__ import annotations

import numpy as np
import pytest

from vpaphone.audio.resample import Downsampler, Upsampler


def _tone(hz: float, rate: int, seconds: float = 1.0) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    return (np.sin(2 * np.pi * hz * t) * 10000).astype(np.float32)


def _in_blocks(resampler: Downsampler | Upsampler, signal: np.ndarray, block: int) -> np.ndarray:
    return np.concatenate(
        [resampler.process(signal[i : i + block]) for i in range(0, len(signal), block)]
    )


def _level_db(samples: np.ndarray) -> float:
    return float(20 * np.log10(np.sqrt(2 * np.mean(samples.astype(float) ** 2)) / 10000 + 1e-12))


@pytest.mark.parametrize("hz", [100, 1000, 3400, 6000, 7000])
def test_speech_band_passes_unchanged(hz: float) -> None:
    down = _in_blocks(Downsampler(), _tone(hz, 48000), 480)
    up = _in_blocks(Upsampler(), _tone(hz, 16000), 160)
    assert _level_db(down[1600:]) == pytest.approx(0.0, abs=0.5)
    assert _level_db(up[4800:]) == pytest.approx(0.0, abs=0.5)


@pytest.mark.parametrize("hz", [9000, 10000, 12000, 16000, 20000])
def test_what_would_alias_into_the_call_is_removed(hz: float) -> None:
    down = _in_blocks(Downsampler(), _tone(hz, 48000), 480)
    assert _level_db(down[1600:]) < -60


@pytest.mark.parametrize("hz", [300, 1000, 3000, 6500])
def test_upsampling_leaves_no_images(hz: float) -> None:
    up = _in_blocks(Upsampler(), _tone(hz, 16000, 2.0), 160)[24000:72000]
    spectrum = np.abs(np.fft.rfft(up * np.hanning(len(up))))
    freqs = np.fft.rfftfreq(len(up), 1 / 48000)
    wanted = spectrum[np.argmin(np.abs(freqs - hz))]
    image = spectrum[np.argmin(np.abs(freqs - (16000 - hz)))]
    assert 20 * np.log10(image / wanted) < -60


def test_blocks_join_without_a_seam() -> None:
    """Any block size gives the same samples as one call (the filter keeps its history)."""
    rng = np.random.default_rng(1)
    signal = rng.standard_normal(48000).astype(np.float32) * 5000
    whole = Downsampler().process(signal)
    assert np.allclose(_in_blocks(Downsampler(), signal, 480), whole, atol=0.05)
    assert np.allclose(_in_blocks(Downsampler(), signal, 1440), whole, atol=0.05)
    calls = signal[::3].copy()
    assert np.allclose(_in_blocks(Upsampler(), calls, 160), Upsampler().process(calls), atol=0.05)


def test_downsampling_needs_whole_groups_of_three() -> None:
    with pytest.raises(ValueError, match="multiple of 3"):
        Downsampler().process(np.zeros(481, dtype=np.float32))
