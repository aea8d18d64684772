"""`VoiceStage` with WebRTC's processing, on synthetic audio (no devices, no threads): the echo of
what it played is cancelled, the microphone passes when processing is off, the reference queue
stays aligned. The same figures on real PulseAudio audio and a real call:
tests/integration/audio/test_audio_processing.py."""

from __future__ import annotations

import numpy as np

from vpaphone.audio.buffer import DriftPolicy, PcmBuffer
from vpaphone.audio.settings import ProcessingChoice
from vpaphone.audio.voice import PREFILL_BLOCKS, VoiceStage

OFF = ProcessingChoice(False, False, False, False)
ROOMY = DriftPolicy(target_ms=9000, max_ms=10000, trim_window=10**6)  # nothing dropped here


def _speechlike(seconds: float, rate: int, seed: int) -> np.ndarray:
    """Noise bursts with a syllable rhythm (4 Hz), band-limited like a voice."""
    rng = np.random.default_rng(seed)
    n = int(seconds * rate)
    noise = np.convolve(rng.standard_normal(n), np.ones(6) / 6, mode="same")
    envelope = np.clip(np.sin(2 * np.pi * 4 * np.arange(n) / rate), 0, None)
    return noise * envelope * 8000


def _run(choice: ProcessingChoice, echo_delay_ms: int, gain: float, seconds: float = 6.0):
    """The far end talks; the 'room' returns what the stage played, delayed and weaker."""
    uplink, downlink = PcmBuffer(ROOMY), PcmBuffer(ROOMY)
    stage = VoiceStage(uplink, downlink, choice)
    far = _speechlike(seconds, 16000, 1).astype("<i2")
    delay = echo_delay_ms * 48
    played = np.zeros(0)
    mic_in = []
    for block in range(int(seconds * 100)):
        downlink.write(far[block * 160 : (block + 1) * 160].tobytes())
        out = np.frombuffer(stage.playout(960), dtype="<i2").astype(float)
        played = np.concatenate((played, out))
        start = block * 480 - delay
        heard = played[start : start + 480] if start >= 0 else np.zeros(480)
        mic = (heard * gain).astype("<i2")
        mic_in.append(mic)
        stage.capture(mic.tobytes())
    sent = np.frombuffer(uplink.read_available(10**9), dtype="<i2").astype(float)
    return stage, np.concatenate(mic_in).astype(float)[::3], sent


def _energy(samples: np.ndarray) -> float:
    return float(np.mean(samples**2)) + 1e-9


def test_the_echo_of_what_was_played_is_cancelled() -> None:
    """Automatic gain off: with nobody talking it would lift the residue by its starting gain
    (12 dB), which the integration test measures as the far end hears it."""
    _, raw, sent_off = _run(OFF, echo_delay_ms=80, gain=0.5)
    stage, _, sent_on = _run(ProcessingChoice(auto_gain=False), echo_delay_ms=80, gain=0.5)
    after = slice(2 * 16000, None)  # 2 s to converge
    assert _energy(sent_off[after]) > 0.5 * _energy(raw[after])  # off: the echo goes out
    erle = 10 * np.log10(_energy(sent_off[after]) / _energy(sent_on[after]))
    assert erle >= 25
    stats = stage.stats()
    assert stats.reference_missing == 0
    assert stats.reference_dropped == 0


def test_with_processing_off_the_microphone_passes_unchanged() -> None:
    uplink = PcmBuffer(ROOMY)
    stage = VoiceStage(uplink, PcmBuffer(ROOMY), OFF)
    t = np.arange(48000) / 48000
    tone = (np.sin(2 * np.pi * 1000 * t) * 10000).astype("<i2")
    for start in range(0, len(tone), 700):  # Qt hands over odd-sized chunks
        stage.capture(tone[start : start + 700].tobytes())
    out = np.frombuffer(uplink.read_available(10**9), dtype="<i2").astype(float)
    assert len(out) == 16000  # every whole 10 ms block, nothing invented
    level = np.sqrt(2 * np.mean(out[1600:] ** 2))
    assert abs(20 * np.log10(level / 10000)) < 0.2


def test_the_reference_waits_for_a_prefill_then_follows_the_playout() -> None:
    uplink, downlink = PcmBuffer(ROOMY), PcmBuffer(ROOMY)
    stage = VoiceStage(uplink, downlink, ProcessingChoice())
    downlink.write(bytes(320 * (PREFILL_BLOCKS - 1)))
    stage.playout(10**6)
    stage.capture(bytes(960))  # too little played yet: silence is the reference
    assert stage.stats().reference_missing == 0
    for _ in range(50):  # then one block played per block captured: never runs dry
        downlink.write(bytes(320))
        stage.playout(960)
        stage.capture(bytes(960))
    assert stage.stats().reference_missing == 0
    assert stage.stats().blocks == 51


def test_choices_switch_stages_on_and_off() -> None:
    stage = VoiceStage(PcmBuffer(ROOMY), PcmBuffer(ROOMY), OFF)
    assert not stage.stats().echo_cancellation
    stage.configure(ProcessingChoice(echo_cancellation=False))
    stats = stage.stats()
    assert (stats.echo_cancellation, stats.noise_suppression, stats.auto_gain) == (
        False,
        True,
        True,
    )
