"""Tones on the device their role says (ringtone: ringer, the rest: speaker); the mic meter."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.fixtures.pulseaudio import PulseServer
from tests.integration.audio.conftest import dominant_hz, pcm_to_array, pump, rms_dbfs, tone_pcm
from vpaphone.audio.devices import resolve
from vpaphone.audio.meter import SILENCE_DBFS, MicLevelMonitor
from vpaphone.audio.settings import DeviceChoice, DeviceRole
from vpaphone.audio.tones import Tone, TonePlayer

pytestmark = [pytest.mark.pulseaudio]

CHOICE = DeviceChoice(microphone="headset_mic", speaker="headset", ringer="speakers")


def _capture(pulse: PulseServer, qtbot: QtBot, sink: str, seconds: float) -> tuple[float, float]:
    rec = pulse.start_recording(f"{sink}.monitor")
    pump(qtbot, seconds)
    samples = pcm_to_array(rec.stop())
    return dominant_hz(samples, 48000), rms_dbfs(samples)


def test_ringtone_rings_on_the_ringer_device_only(pulse: PulseServer, qtbot: QtBot) -> None:
    player = TonePlayer(CHOICE)
    player.play(Tone.RINGTONE)
    pump(qtbot, 0.2)
    ringer = pulse.start_recording("speakers.monitor")
    headset = pulse.start_recording("headset.monitor")
    pump(qtbot, 1.2)
    assert player.is_playing()
    player.stop()
    on_ringer = pcm_to_array(ringer.stop())
    on_headset = pcm_to_array(headset.stop())
    assert dominant_hz(on_ringer, 48000) == pytest.approx(880, rel=0.02)
    assert rms_dbfs(on_ringer) > -30
    assert rms_dbfs(on_headset) < -60
    assert not player.is_playing()


def test_ringback_and_busy_on_the_call_speaker(pulse: PulseServer, qtbot: QtBot) -> None:
    player = TonePlayer(CHOICE)
    player.play(Tone.RINGBACK)
    hz, level = _capture(pulse, qtbot, "headset", 1.0)
    assert hz == pytest.approx(425, rel=0.02)
    assert level > -40
    player.play(Tone.BUSY)  # replaces the ringback
    assert player.current is Tone.BUSY
    hz, level = _capture(pulse, qtbot, "headset", 1.0)
    assert hz == pytest.approx(425, rel=0.02)
    player.stop()


def test_dtmf_key_click_plays_the_keys_tone_pair(pulse: PulseServer, qtbot: QtBot) -> None:
    player = TonePlayer(CHOICE)
    rec = pulse.start_recording("headset.monitor")
    pump(qtbot, 0.1)
    player.key_click("5")
    pump(qtbot, 0.5)
    samples = pcm_to_array(rec.stop())
    assert dominant_hz(samples, 48000) in (
        pytest.approx(770, rel=0.02),
        pytest.approx(1336, rel=0.02),
    )
    with pytest.raises(ValueError, match="not a DTMF key"):
        player.key_click("x")


def test_speaker_test_plays_on_the_chosen_speaker(pulse: PulseServer, qtbot: QtBot) -> None:
    player = TonePlayer(CHOICE)
    player.play(Tone.SPEAKER_TEST)
    hz, level = _capture(pulse, qtbot, "headset", 1.0)
    assert hz == pytest.approx(1000, rel=0.02)
    assert level > -30


def test_mic_level_meter_follows_the_chosen_microphone(pulse: PulseServer, qtbot: QtBot) -> None:
    device = resolve(DeviceRole.MICROPHONE, CHOICE)
    assert device is not None
    meter = MicLevelMonitor(device)
    levels: list[float] = []
    meter.level.connect(levels.append)
    pump(qtbot, 0.5)
    quiet = max(levels, default=SILENCE_DBFS)
    voice = pulse.play("mic_feed_headset", tone_pcm(600, 1.0, amplitude=0.5))
    pump(qtbot, 0.8)
    meter.stop()
    voice.wait(timeout=5)
    assert quiet < -60  # nothing plays into the headset mic
    assert max(levels) == pytest.approx(-6.0, abs=1.5)  # a 0.5 peak sine is -6 dBFS
