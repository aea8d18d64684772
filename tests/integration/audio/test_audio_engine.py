"""The bridge as the real SIP engine's media handler (engine thread, not the Qt thread)."""

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
)
from tests.integration.sip.helpers import RecordingCallLog, destination
from vpaphone.audio.bridge import CallAudioBridge
from vpaphone.audio.settings import DeviceChoice
from vpaphone.core.model import CostZone, TelephonyArea
from vpaphone.sip.config import SipAccountConfig
from vpaphone.sip.engine import SipEngine

pytestmark = [pytest.mark.pulseaudio, pytest.mark.slow]


def test_engine_call_audio_both_ways_through_the_bridge(
    pulse: PulseServer, far_end: Callable[..., Peer], qtbot: QtBot
) -> None:
    peer = far_end(1000)
    bridge = CallAudioBridge(DeviceChoice(microphone="headset_mic", speaker="headset"))
    engine = SipEngine(RecordingCallLog(), media_handler=bridge)
    engine.start(SipAccountConfig(domain=f"127.0.0.1:{peer.port}", username="vpa", register=False))
    try:
        engine.dial(destination("+4922112345678"), "task-1", TelephonyArea.NONE, CostZone.DE)
        qtbot.waitUntil(lambda: bridge.active_calls == 1 and bridge.stream.running, timeout=5000)
        voice = pulse.play("mic_feed_headset", tone_pcm(600, 2.5))
        pump(qtbot, 0.5)
        rec = pulse.start_recording("headset.monitor")
        pump(qtbot, 1.5)
        heard = pcm_to_array(rec.stop())
        voice.wait(timeout=5)
        assert dominant_hz(heard, 48000) == pytest.approx(1000, rel=0.02)
        assert rms_dbfs(heard) > -30
    finally:
        engine.shutdown()
    qtbot.waitUntil(lambda: not bridge.stream.running, timeout=3000)
    assert bridge.active_calls == 0
    peer.stop()
    samples, rate = read_wav(peer.recording)
    spoken = loudest_second(samples, rate)
    assert dominant_hz(spoken, rate) == pytest.approx(600, rel=0.02)
    assert rms_dbfs(spoken) > -20


def test_audio_path_opens_as_the_call_rings_and_closes_after_it(
    pulse: PulseServer, far_end: Callable[..., Peer], qtbot: QtBot
) -> None:
    """Issue 17: no audio thread while idle; the devices open while the far end still rings
    (before any media), so the answer's first words are not spent opening them."""
    peer = far_end(1000, ring_ms=1500)
    bridge = CallAudioBridge(DeviceChoice(microphone="headset_mic", speaker="headset"))
    engine = SipEngine(RecordingCallLog(), media_handler=bridge)
    engine.call_changed.connect(bridge.follow_call)
    engine.start(SipAccountConfig(domain=f"127.0.0.1:{peer.port}", username="vpa", register=False))
    try:
        assert not bridge.stream.running
        call_id = engine.dial(
            destination("+4922112345678"), "task-1", TelephonyArea.NONE, CostZone.DE
        )
        qtbot.waitUntil(lambda: bridge.stream.running, timeout=3000)
        assert bridge.active_calls == 0  # still ringing: no media yet
        qtbot.waitUntil(lambda: bridge.active_calls == 1, timeout=5000)
        engine.hangup(call_id)
        qtbot.waitUntil(lambda: not bridge.stream.running, timeout=3000)
    finally:
        engine.shutdown()
        bridge.stop_audio()
    assert not bridge.stream.running
