"""Settings dialog on a real PulseAudio server: devices listed and saved, mic meter, speaker test,
and the general page persisted in QSettings."""

from __future__ import annotations

import array
import math
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from tests.fixtures.pulseaudio import PulseServer
from vpaphone.audio.settings import (
    DeviceChoice,
    DeviceRole,
    ProcessingChoice,
    load_choice,
    load_processing,
)
from vpaphone.ui.settings_keys import CLOSE_TO_TRAY_KEY, START_AT_LOGIN_KEY
from vpaphone.ui.widgets.settings_dialog import LANGUAGE_KEY, SettingsDialog

pytestmark = [pytest.mark.gui, pytest.mark.pulseaudio]


def tone(hz: float, seconds: float, rate: int = 48000) -> bytes:
    samples = array.array(
        "h",
        (int(16000 * math.sin(2 * math.pi * hz * n / rate)) for n in range(int(seconds * rate))),
    )
    return samples.tobytes()


def peak(pcm: bytes) -> int:
    samples = array.array("h", pcm[: len(pcm) - len(pcm) % 2])
    return max((abs(s) for s in samples), default=0)


def open_dialog(qtbot: QtBot, path: Path) -> SettingsDialog:
    dialog = SettingsDialog(devices_file=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def pick(dialog: SettingsDialog, role: DeviceRole, name: str) -> None:
    box = dialog.audio.boxes[role]
    index = box.findData(name)
    assert index > 0, [box.itemData(i) for i in range(box.count())]
    box.setCurrentIndex(index)


def test_devices_are_listed_and_the_choice_is_saved(
    pulse: PulseServer, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "audio.json"
    dialog = SettingsDialog(devices_file=path)
    qtbot.addWidget(dialog)
    mics = dialog.audio.boxes[DeviceRole.MICROPHONE]
    speakers = dialog.audio.boxes[DeviceRole.SPEAKER]
    assert {mics.itemText(i) for i in range(mics.count())} >= {"desk_mic", "headset_mic"}
    assert {speakers.itemText(i) for i in range(speakers.count())} >= {"headset", "speakers"}
    assert dialog.audio.problems_label.isHidden()
    pick(dialog, DeviceRole.SPEAKER, "headset")
    pick(dialog, DeviceRole.MICROPHONE, "headset_mic")
    with qtbot.waitSignal(dialog.devices_changed) as changed:
        dialog.accept()
    expected = DeviceChoice(microphone="headset_mic", speaker="headset", ringer=None)
    assert changed.args == [expected]
    assert load_choice(path) == expected
    again = SettingsDialog(devices_file=path)
    qtbot.addWidget(again)
    assert again.audio.boxes[DeviceRole.SPEAKER].currentData() == "headset"


def test_microphone_meter_moves_when_someone_speaks(
    pulse: PulseServer, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, tmp_path / "audio.json")
    pick(dialog, DeviceRole.MICROPHONE, "desk_mic")
    qtbot.mouseClick(dialog.audio.mic_test, Qt.MouseButton.LeftButton)
    assert dialog.audio.meter.value() == 0
    player = pulse.play("mic_feed_desk", tone(440, 3.0))
    try:
        qtbot.waitUntil(lambda: dialog.audio.meter.value() > 50, timeout=5000)
    finally:
        player.terminate()
        player.wait(timeout=5)
    qtbot.mouseClick(dialog.audio.mic_test, Qt.MouseButton.LeftButton)  # stop the test
    assert dialog.audio.meter.value() == 0


def test_speaker_test_plays_on_the_chosen_speaker(
    pulse: PulseServer, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, tmp_path / "audio.json")
    pick(dialog, DeviceRole.SPEAKER, "headset")
    on_headset = pulse.start_recording("headset.monitor")
    on_speakers = pulse.start_recording("speakers.monitor")
    qtbot.mouseClick(dialog.audio.speaker_test, Qt.MouseButton.LeftButton)
    qtbot.wait(1500)
    headset, speakers = on_headset.stop(), on_speakers.stop()
    dialog.reject()
    assert peak(headset) > 3000
    assert peak(speakers) < 300


def test_ringer_test_rings_on_the_chosen_ringer_until_stopped(
    pulse: PulseServer, qtbot: QtBot, tmp_path: Path
) -> None:
    """Issue 15: no way to check the ringer (e.g. loud desk speakers) before a call comes in."""
    dialog = open_dialog(qtbot, tmp_path / "audio.json")
    pick(dialog, DeviceRole.RINGER, "speakers")
    pick(dialog, DeviceRole.SPEAKER, "headset")
    on_headset = pulse.start_recording("headset.monitor")
    on_speakers = pulse.start_recording("speakers.monitor")
    qtbot.mouseClick(dialog.audio.ringer_test, Qt.MouseButton.LeftButton)
    qtbot.wait(1500)
    qtbot.mouseClick(dialog.audio.ringer_test, Qt.MouseButton.LeftButton)  # stop it
    headset, speakers = on_headset.stop(), on_speakers.stop()
    assert not dialog.audio.ringer_test.isChecked()
    dialog.reject()
    assert peak(speakers) > 3000
    assert peak(headset) < 300


def test_general_page_persists_and_announces_the_language(
    pulse: PulseServer, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = SettingsDialog(devices_file=tmp_path / "audio.json")
    qtbot.addWidget(dialog)
    general = dialog.general
    assert general.language.currentData() == ""  # the system's language
    assert general.close_to_tray.isChecked()
    general.language.setCurrentIndex(general.language.findData("de"))
    general.start_at_login.setChecked(True)
    general.close_to_tray.setChecked(False)
    with qtbot.waitSignal(dialog.language_changed) as changed:
        dialog.accept()
    assert changed.args == ["de"]
    settings = QSettings()
    assert settings.value(LANGUAGE_KEY) == "de"
    assert settings.value(START_AT_LOGIN_KEY) in (True, "true")
    assert settings.value(CLOSE_TO_TRAY_KEY) in (False, "false")
    again = SettingsDialog(devices_file=tmp_path / "audio.json")
    qtbot.addWidget(again)
    assert again.general.language.currentData() == "de"
    assert again.general.start_at_login.isChecked()
    assert not again.general.close_to_tray.isChecked()
    with qtbot.assertNotEmitted(again.language_changed):
        again.accept()  # unchanged language: no reload of translations


def test_voice_processing_switches_are_saved_and_announced(
    pulse: PulseServer, qtbot: QtBot, tmp_path: Path
) -> None:
    """Issue 17: all on by default; headset mode (echo cancellation off) survives a restart
    and reaches the running phone through `processing_changed`."""
    devices, processing = tmp_path / "audio.json", tmp_path / "processing.json"
    dialog = SettingsDialog(devices_file=devices, processing_file=processing)
    qtbot.addWidget(dialog)
    box = dialog.audio.processing
    assert box.choice() == ProcessingChoice()
    assert all(b.isChecked() for b in (box.echo, box.noise, box.high_pass, box.gain))
    assert box.system_aec.isHidden()  # the suite's microphones are plain null-sink monitors
    box.echo.setChecked(False)
    with qtbot.waitSignal(dialog.processing_changed) as changed:
        dialog.accept()
    headset_mode = ProcessingChoice(echo_cancellation=False)
    assert changed.args == [headset_mode]
    assert load_processing(processing) == headset_mode
    again = SettingsDialog(devices_file=devices, processing_file=processing)
    qtbot.addWidget(again)
    assert not again.audio.processing.echo.isChecked()
    assert again.audio.processing.noise.isChecked()
