"""What the UI shows before dialling, kept current when a headset is plugged in."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.fixtures.pulseaudio import PulseServer
from vpaphone.audio.problems import AudioProblem, ProblemKind
from vpaphone.audio.settings import DeviceChoice, DeviceRole
from vpaphone.audio.status import AudioStatus, AudioStatusWatcher, probe
from vpaphone.texts.audio import audio_problems_text

pytestmark = [pytest.mark.pulseaudio]


def test_status_names_the_fallback_and_follows_a_plugged_in_headset(
    pulse: PulseServer, qtbot: QtBot
) -> None:
    choice = DeviceChoice(microphone="desk_mic", speaker="usb_headset_2")
    status = probe(choice)
    assert status.can_talk
    assert status.speaker == "speakers"  # the default stands in for the missing headset
    assert AudioProblem(ProblemKind.CHOSEN_MISSING, DeviceRole.SPEAKER, "speakers") in status.issues
    assert "The chosen speaker/headset is not connected" in audio_problems_text(status)

    watcher = AudioStatusWatcher(choice)
    seen: list[AudioStatus] = []
    watcher.changed.connect(seen.append)
    pulse.add_sink("usb_headset_2")
    try:
        qtbot.waitUntil(lambda: watcher.status.speaker == "usb_headset_2", timeout=5000)
        assert seen[-1] is watcher.status
        assert watcher.status.issues == ()
    finally:
        pulse.remove("usb_headset_2")
