"""Generates the softphone's call-progress tones and key clicks as WAV files in this folder.

Every sound is synthesised here from sine waves (no recordings, no third-party material), so the
files are the project's own work; see README.md for their licence. Re-run after changing a
definition: `python resources/sounds/generate_tones.py` (standard library only; deterministic).

Format: 48 kHz mono 16-bit PCM, the bridge's format. Call-progress tones follow the German/ETSI
425 Hz plan (ITU-T E.180 supplement); one file holds one cadence cycle and is played looped.
"""

from __future__ import annotations

import math
import wave
from array import array
from pathlib import Path

RATE = 48_000
HERE = Path(__file__).resolve().parent
FADE_S = 0.005  # 5 ms raised-cosine ramps: no clicks at tone edges

DTMF_LOW = {"1": 697, "2": 697, "3": 697, "4": 770, "5": 770, "6": 770}
DTMF_LOW |= {"7": 852, "8": 852, "9": 852, "*": 941, "0": 941, "#": 941}
DTMF_HIGH = {"1": 1209, "4": 1209, "7": 1209, "*": 1209, "2": 1336, "5": 1336, "8": 1336}
DTMF_HIGH |= {"0": 1336, "3": 1477, "6": 1477, "9": 1477, "#": 1477}
DTMF_FILE_NAMES = {"*": "star", "#": "hash"}


def burst(freqs: list[float], seconds: float, amplitude: float) -> list[float]:
    n = int(seconds * RATE)
    fade = int(FADE_S * RATE)
    out = []
    for i in range(n):
        value = sum(math.sin(2 * math.pi * f * i / RATE) for f in freqs) / len(freqs)
        edge = min(i, n - 1 - i)
        gain = 0.5 - 0.5 * math.cos(math.pi * edge / fade) if edge < fade else 1.0
        out.append(value * gain * amplitude)
    return out


def silence(seconds: float) -> list[float]:
    return [0.0] * int(seconds * RATE)


def write(name: str, samples: list[float]) -> None:
    pcm = array("h", (round(max(-1.0, min(1.0, s)) * 32767) for s in samples))
    with wave.open(str(HERE / f"{name}.wav"), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(pcm.tobytes())


def main() -> None:
    # Ringtone (ringer device): two short 880 Hz trills then a pause; an octave partial makes it
    # carry on laptop speakers. Dominant frequency 880 Hz.
    trill = burst([880.0], 0.4, 0.5)
    partial = burst([1760.0], 0.4, 0.15)
    ring_burst = [a + b for a, b in zip(trill, partial, strict=True)]
    write("ringtone", ring_burst + silence(0.2) + ring_burst + silence(2.0))
    # Ringback: 425 Hz, 1 s on / 4 s off.
    write("ringback", burst([425.0], 1.0, 0.3) + silence(4.0))
    # Call waiting (in the headset, over the running call): 425 Hz, 200 ms on, 200 ms off,
    # 200 ms on, then 5 s off (the German plan), quiet: a knock, not a ring.
    knock = burst([425.0], 0.2, 0.12)
    write("call_waiting", knock + silence(0.2) + knock + silence(5.0))
    # Busy: 425 Hz, 480 ms on / 480 ms off.
    write("busy", burst([425.0], 0.48, 0.3) + silence(0.48))
    # Failure (number unobtainable / network problem): special information tone 950/1400/1800
    # Hz, 330 ms each, then 1 s silence (ITU-T Q.35).
    sit = burst([950.0], 0.33, 0.3) + burst([1400.0], 0.33, 0.3) + burst([1800.0], 0.33, 0.3)
    write("failure", sit + silence(1.0))
    # Speaker test on the settings page: 1 kHz, 1.5 s.
    write("speaker_test", burst([1000.0], 1.5, 0.4))
    # DTMF key feedback: the key's own tone pair, 100 ms, quiet.
    for key, low in DTMF_LOW.items():
        name = DTMF_FILE_NAMES.get(key, key)
        write(f"dtmf_{name}", burst([low, DTMF_HIGH[key]], 0.1, 0.25))


if __name__ == "__main__":
    main()
