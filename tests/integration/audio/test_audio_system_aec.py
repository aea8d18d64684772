"""PulseAudio's own echo canceller (module-echo-cancel, loaded in the test's real server) is
recognised: Settings says so, and a call's voice processing leaves echo cancellation to it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.fixtures.pulseaudio import PulseServer
from tests.integration.audio.conftest import Peer
from tests.integration.audio.localphone import LocalPhone
from vpaphone.audio.bridge import CallAudioBridge
from vpaphone.audio.settings import DeviceChoice
from vpaphone.audio.system_aec import detect

pytestmark = [pytest.mark.pulseaudio, pytest.mark.slow]


@pytest.fixture
def cancelled_mic(pulse: PulseServer) -> Iterator[str]:
    """An echo-cancelled microphone from the headset mic and the headset, under a plain name
    (a user's renamed device: only the sound server can tell what it is)."""
    pulse.load_module(
        "ec",
        "module-echo-cancel",
        "source_master=headset_mic",
        "sink_master=headset",
        "source_name=office_mic",
        "sink_name=office_ec_sink",
        "aec_method=webrtc",
        # its gain control would turn the shared headset_mic down for the tests after this one
        'aec_args="analog_gain_control=0 digital_gain_control=0"',
        "source_properties=device.description=Office_mic",
    )
    yield "office_mic"
    pulse.remove("ec")
    pulse.pactl("set-source-volume", "headset_mic", "100%")


def test_the_pulseaudio_canceller_is_recognised(cancelled_mic: str) -> None:
    found = detect(cancelled_mic, "Office_mic")
    assert found is not None
    assert found.kind == "pulseaudio"
    assert detect("headset_mic", "headset_mic") is None


def test_the_call_does_not_cancel_twice(
    cancelled_mic: str,
    far_end: Callable[..., Peer],
    qtbot: QtBot,
) -> None:
    bridge = CallAudioBridge(DeviceChoice(microphone=cancelled_mic, speaker="headset"))
    phone = LocalPhone(bridge)
    try:
        phone.dial(far_end().uri)
        qtbot.waitUntil(lambda: bridge.stream.system_aec is not None, timeout=5000)
        qtbot.waitUntil(lambda: bridge.stream.voice_stats().blocks > 50, timeout=5000)
        stats = bridge.stream.voice_stats()
        assert bridge.stream.system_aec.kind == "pulseaudio"
        assert not stats.echo_cancellation  # PulseAudio's canceller does it
        assert stats.noise_suppression  # the rest of the processing stays
        assert stats.auto_gain
    finally:
        phone.close()
        bridge.deleteLater()
