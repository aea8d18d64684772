"""What the UI shows before dialling, kept current when a headset is plugged in."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.fixtures.pulseaudio import PulseServer
from vpaphone.audio.settings import DeviceChoice
from vpaphone.audio.status import AudioStatus, AudioStatusWatcher, probe

pytestmark = [pytest.mark.pulseaudio]


def test_status_names_the_fallback_and_follows_a_plugged_in_headset(
    pulse: PulseServer, qtbot: QtBot
) -> None:
    choice = DeviceChoice(microphone="desk_mic", speaker="usb_headset_2")
    status = probe(choice)
    assert status.can_talk
    assert status.speaker == "speakers"  # the default stands in for the missing headset
    assert any("speaker/headset is not connected" in p for p in status.problems)

    watcher = AudioStatusWatcher(choice)
    seen: list[AudioStatus] = []
    watcher.changed.connect(seen.append)
    pulse.add_sink("usb_headset_2")
    try:
        qtbot.waitUntil(lambda: watcher.status.speaker == "usb_headset_2", timeout=5000)
        assert seen[-1] is watcher.status
        assert watcher.status.problems == ()
    finally:
        pulse.remove("usb_headset_2")
