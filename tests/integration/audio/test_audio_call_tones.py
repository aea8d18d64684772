"""Ringback while the far end rings, busy tone when it is busy: heard on the call's speaker."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.fixtures.pulseaudio import PulseServer
from tests.integration.audio.conftest import Peer, dominant_hz, pcm_to_array, pump, rms_dbfs
from tests.integration.sip.helpers import RecordingCallLog, destination
from vpaphone.audio.bridge import CallAudioBridge
from vpaphone.audio.call_tones import CallTones
from vpaphone.audio.settings import DeviceChoice
from vpaphone.audio.tones import Tone, TonePlayer
from vpaphone.core.model import CostZone, TelephonyArea
from vpaphone.sip.config import SipAccountConfig
from vpaphone.sip.engine import CallState, CallUpdate, SipEngine

pytestmark = [pytest.mark.pulseaudio, pytest.mark.slow]

CHOICE = DeviceChoice(microphone="headset_mic", speaker="headset", ringer="speakers")


class _Phone:
    def __init__(self, peer: Peer) -> None:
        self.bridge = CallAudioBridge(CHOICE)
        self.player = TonePlayer(CHOICE)
        self.tones = CallTones(self.player)
        self.states: list[CallState] = []
        self.engine = SipEngine(RecordingCallLog(), media_handler=self.bridge)
        self.engine.call_changed.connect(self._changed)
        self.engine.start(
            SipAccountConfig(domain=f"127.0.0.1:{peer.port}", username="vpa", register=False)
        )

    def _changed(self, update: CallUpdate) -> None:
        self.states.append(update.state)
        self.tones.on_call_changed(update)

    def dial(self) -> str:
        return self.engine.dial(
            destination("+4922112345678"), "task-1", TelephonyArea.NONE, CostZone.DE
        )


@pytest.fixture
def make_phone(pulse: PulseServer) -> Iterator[Callable[[Peer], _Phone]]:
    phones: list[_Phone] = []

    def make(peer: Peer) -> _Phone:
        phones.append(_Phone(peer))
        return phones[-1]

    yield make
    for phone in phones:
        phone.player.stop()
        phone.engine.shutdown()


def test_ringback_while_ringing_then_the_far_ends_audio(
    pulse: PulseServer,
    far_end: Callable[..., Peer],
    make_phone: Callable[[Peer], _Phone],
    qtbot: QtBot,
) -> None:
    phone = make_phone(far_end(1000, ring_ms=2500))
    phone.dial()
    qtbot.waitUntil(lambda: CallState.RINGING in phone.states, timeout=5000)
    assert phone.player.current is Tone.RINGBACK
    rec = pulse.start_recording("headset.monitor")
    pump(qtbot, 1.2)  # the ringback's 1 s tone burst
    ringing = pcm_to_array(rec.stop())
    assert dominant_hz(ringing, 48000) == pytest.approx(425, rel=0.02)

    qtbot.waitUntil(lambda: CallState.CONNECTED in phone.states, timeout=5000)
    assert phone.player.current is None
    qtbot.waitUntil(lambda: phone.bridge.stream.running, timeout=3000)
    pump(qtbot, 0.5)
    rec = pulse.start_recording("headset.monitor")
    pump(qtbot, 1.0)
    talking = pcm_to_array(rec.stop())
    assert dominant_hz(talking, 48000) == pytest.approx(1000, rel=0.02)
    assert rms_dbfs(talking) > -30


def test_busy_far_end_gives_busy_tone(
    pulse: PulseServer,
    far_end: Callable[..., Peer],
    make_phone: Callable[[Peer], _Phone],
    qtbot: QtBot,
) -> None:
    phone = make_phone(far_end(0, reply=486))
    rec = pulse.start_recording("headset.monitor")
    phone.dial()
    qtbot.waitUntil(lambda: CallState.ENDED in phone.states, timeout=5000)
    assert phone.player.current is Tone.BUSY
    pump(qtbot, 1.5)
    heard = pcm_to_array(rec.stop())
    assert dominant_hz(heard, 48000) == pytest.approx(425, rel=0.02)
    assert rms_dbfs(heard) > -40
