"""Call audio through a real PulseAudio: far end -> chosen speaker, chosen mic -> far end."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from tests.fixtures.pulseaudio import PulseServer
from tests.integration.audio.conftest import (
    Peer,
    dominant_hz,
    loudest_second,
    pcm_to_array,
    pump,
    read_wav,
    rms_dbfs,
    tone_pcm,
    wait_connected,
)
from tests.integration.audio.localphone import LocalPhone
from vpaphone.audio.settings import DeviceChoice

pytestmark = [pytest.mark.pulseaudio, pytest.mark.slow]

FAR_TONE_HZ = 1000
MIC_TONE_HZ = 600
# A 0.5-amplitude tone is about -9 dBFS; codec noise on silence stays far below -50 dBFS.
SILENT_BELOW_DBFS = -50.0


def test_far_end_tone_comes_out_of_the_chosen_speaker(
    pulse: PulseServer, phone: LocalPhone, far_end: Callable[..., Peer], qtbot: QtBot
) -> None:
    peer = far_end(FAR_TONE_HZ)
    phone.dial(peer.uri)
    wait_connected(qtbot, phone)
    pump(qtbot, 0.5)
    headset = pulse.start_recording("headset.monitor")
    speakers = pulse.start_recording("speakers.monitor")
    pump(qtbot, 1.5)
    heard = pcm_to_array(headset.stop())
    elsewhere = pcm_to_array(speakers.stop())

    assert len(heard) > 48000, "no audio captured from the headset sink"
    assert dominant_hz(heard, 48000) == pytest.approx(FAR_TONE_HZ, rel=0.02)
    assert rms_dbfs(heard) > -30
    # Only the chosen device plays the call.
    assert rms_dbfs(elsewhere) < SILENT_BELOW_DBFS
    assert phone.errors == []


def test_chosen_microphone_reaches_the_far_end(
    pulse: PulseServer, phone: LocalPhone, far_end: Callable[..., Peer], qtbot: QtBot
) -> None:
    peer = far_end(0)
    phone.dial(peer.uri)
    wait_connected(qtbot, phone)
    # Speak into the headset mic (its feed sink); the desk mic gets another tone that must not
    # reach the call.
    voice = pulse.play("mic_feed_headset", tone_pcm(MIC_TONE_HZ, 3.0))
    other = pulse.play("mic_feed_desk", tone_pcm(1500, 3.0))
    pump(qtbot, 2.5)
    phone.hangup_all()
    pump(qtbot, 0.3)
    voice.wait(timeout=5)
    other.wait(timeout=5)
    peer.stop()

    samples, rate = read_wav(peer.recording)
    assert len(samples) > 2 * rate, "far end recorded less than two seconds"
    spoken = loudest_second(samples, rate)
    assert dominant_hz(spoken, rate) == pytest.approx(MIC_TONE_HZ, rel=0.02)
    assert rms_dbfs(spoken) > -20


def test_headset_plugged_in_and_pulled_out_mid_call(
    pulse: PulseServer, phone: LocalPhone, far_end: Callable[..., Peer], qtbot: QtBot
) -> None:
    """The chosen headset is missing at first (default speakers), plugged in, then pulled out."""
    phone.bridge.set_choice(DeviceChoice(microphone="headset_mic", speaker="usb_headset"))
    peer = far_end(FAR_TONE_HZ)
    call = phone.dial(peer.uri)
    wait_connected(qtbot, phone)
    assert phone.bridge.stream.output_id == "speakers"  # fallback to the system default

    pulse.add_sink("usb_headset")  # plugged in: QMediaDevices reports it, the call moves
    try:
        qtbot.waitUntil(lambda: phone.bridge.stream.output_id == "usb_headset", timeout=5000)
        pump(qtbot, 0.5)
        plugged = pulse.start_recording("usb_headset.monitor")
        pump(qtbot, 1.0)
        heard = pcm_to_array(plugged.stop())
        assert dominant_hz(heard, 48000) == pytest.approx(FAR_TONE_HZ, rel=0.02)
        assert rms_dbfs(heard) > -30
    finally:
        pulse.remove("usb_headset")  # pulled out mid-call

    pump(qtbot, 0.5)
    fallback = pulse.start_recording("speakers.monitor")
    pump(qtbot, 1.5)
    heard = pcm_to_array(fallback.stop())
    assert call.state == "CONFIRMED"
    assert call.media_active
    assert dominant_hz(heard, 48000) == pytest.approx(FAR_TONE_HZ, rel=0.02)
    assert rms_dbfs(heard) > -30
    assert phone.errors == []
