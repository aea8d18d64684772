"""Level meter arithmetic and the shipped tone files."""

from __future__ import annotations

import math
import sys
import wave
from array import array

import pytest

from vpaphone import paths
from vpaphone.audio.meter import SILENCE_DBFS, peak_dbfs
from vpaphone.audio.tones import DTMF_KEYS, Tone


def _pcm(values: list[int]) -> bytes:
    samples = array("h", values)
    if sys.byteorder == "big":
        samples.byteswap()
    return samples.tobytes()


def test_peak_dbfs() -> None:
    assert peak_dbfs(b"") == SILENCE_DBFS
    assert peak_dbfs(_pcm([0, 0])) == SILENCE_DBFS
    assert peak_dbfs(_pcm([0, -32768])) == pytest.approx(0.0)
    assert peak_dbfs(_pcm([16384, 3])) == pytest.approx(20 * math.log10(0.5))


@pytest.mark.parametrize(
    "stem",
    [t.file_stem for t in Tone] + [f"dtmf_{k}" for k in "0123456789"] + ["dtmf_star", "dtmf_hash"],
)
def test_shipped_sounds_are_48k_mono_16bit_and_not_silent(stem: str) -> None:
    with wave.open(str(paths.resource("sounds", f"{stem}.wav")), "rb") as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (48000, 1, 2)
        pcm = wav.readframes(wav.getnframes())
    assert peak_dbfs(pcm) > -20
    assert len(DTMF_KEYS) == 12
