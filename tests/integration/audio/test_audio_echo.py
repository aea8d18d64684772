"""Why the app has its own echo canceller (docs/audio.md): pjmedia's does not act on the bridge.

The speaker's output is fed straight back into the microphone (a sink whose monitor is the mic:
the worst acoustic echo possible), the app's own voice processing off. pjmedia's echo canceller
lives in its sound-device port; with the null device there is none, so configuring it
(ecTailLen) must not change the echo the far end hears. If a pjsua2 update ever applies it here,
this test fails and the docs need updating (and the app would cancel twice).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.fixtures.pulseaudio import PulseServer
from tests.integration.audio.conftest import Peer, pump, read_wav, rms_dbfs
from tests.integration.audio.localphone import LocalPhone
from vpaphone.audio.bridge import CallAudioBridge
from vpaphone.audio.settings import DeviceChoice, ProcessingChoice

pytestmark = [pytest.mark.pulseaudio, pytest.mark.slow]


@pytest.fixture
def room(pulse: PulseServer) -> Iterator[DeviceChoice]:
    """Laptop speakers and microphone in one room: the mic hears everything the speaker plays."""
    pulse.add_sink("room")
    pulse.add_mic("room_mic", "room")
    yield DeviceChoice(microphone="room_mic", speaker="room")
    pulse.remove("room_mic")
    pulse.remove("room")


def _echo_dbfs(
    choice: DeviceChoice, tail_ms: int, far_end: Callable[..., Peer], qtbot: QtBot
) -> float:
    peer = far_end(1000)
    bridge = CallAudioBridge(choice, processing=ProcessingChoice(False, False, False, False))
    phone = LocalPhone(bridge, ec_tail_ms=tail_ms)
    try:
        phone.dial(peer.uri)
        qtbot.waitUntil(lambda: bridge.stream.running, timeout=5000)
        pump(qtbot, 5.0)  # long enough for an adaptive canceller to converge
    finally:
        phone.close()
    peer.stop()
    samples, rate = read_wav(peer.recording)
    return rms_dbfs(samples[2 * rate : 5 * rate])


def test_pjmedia_echo_canceller_does_not_apply_on_the_bridge_path(
    room: DeviceChoice, far_end: Callable[..., Peer], qtbot: QtBot
) -> None:
    without = _echo_dbfs(room, 0, far_end, qtbot)
    with_ec = _echo_dbfs(room, 200, far_end, qtbot)
    assert without > -30, "the far end should hear its own tone back in this room"
    assert abs(with_ec - without) < 3.0, f"EC changed echo by {with_ec - without:.1f} dB"
