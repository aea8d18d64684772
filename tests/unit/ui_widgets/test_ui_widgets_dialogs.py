"""Incoming-call dialog; the settings dialog when the machine has no sound system at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from vpaphone.core.model import Task
from vpaphone.ui.widgets.incoming import IncomingCallDialog

pytestmark = pytest.mark.gui


def test_incoming_call_answer_attributes_the_chosen_task(
    qtbot: QtBot, de_task: Task, eu_task: Task
) -> None:
    dialog = IncomingCallDialog("+4922182829980", "Dr. Krause", [de_task, eu_task], eu_task.id)
    qtbot.addWidget(dialog)
    assert dialog.caller_label.text() == "+49 221 82829980"
    assert dialog.name_label.text() == "Dr. Krause"
    assert dialog.task_id() == eu_task.id
    dialog.task_box.setCurrentIndex(0)
    with qtbot.waitSignal(dialog.answered) as answered:
        qtbot.mouseClick(dialog.answer_button, Qt.MouseButton.LeftButton)
    assert answered.args == [de_task.id]


def test_incoming_call_reject_and_escape(qtbot: QtBot, de_task: Task) -> None:
    dialog = IncomingCallDialog("+4922182829980", "", [de_task])
    qtbot.addWidget(dialog)
    assert dialog.name_label.isHidden()
    with qtbot.waitSignal(dialog.declined):
        qtbot.mouseClick(dialog.reject_button, Qt.MouseButton.LeftButton)
    second = IncomingCallDialog(None, "anonymous", [de_task])
    qtbot.addWidget(second)
    second.show()
    assert second.caller_label.text() == "Unknown number"
    with qtbot.waitSignal(second.declined):
        qtbot.keyClick(second, Qt.Key.Key_Escape)


def test_incoming_call_keys_as_in_teams(qtbot: QtBot, de_task: Task) -> None:
    """Ctrl+Shift+A answers, Ctrl+Shift+D rejects; the tooltips say so."""
    dialog = IncomingCallDialog("+4922182829980", "", [de_task])
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    assert "Ctrl+Shift+A" in dialog.answer_button.toolTip()
    assert "Ctrl+Shift+D" in dialog.reject_button.toolTip()
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignal(dialog.answered) as answered:
        qtbot.keyClick(dialog, Qt.Key.Key_A, modifiers)
    assert answered.args == [de_task.id]
    second = IncomingCallDialog("+4922182829980", "", [de_task])
    qtbot.addWidget(second)
    with qtbot.waitActive(second):
        second.show()
    with qtbot.waitSignal(second.declined):
        qtbot.keyClick(second, Qt.Key.Key_D, modifiers)


def test_incoming_call_without_tasks_cannot_be_answered(qtbot: QtBot) -> None:
    dialog = IncomingCallDialog("+4922182829980", "", [])
    qtbot.addWidget(dialog)
    assert not dialog.answer_button.isEnabled()
    assert not dialog.no_task_label.isHidden()


# Run in a process of its own: Qt Multimedia binds to the first sound server it sees, and the
# other settings tests (test_ui_widgets_audio_settings.py) need the suite's PulseAudio.
_NO_DEVICES_PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from vpaphone.audio.settings import DeviceRole
from vpaphone.ui.widgets.settings_dialog import SettingsDialog
audio = SettingsDialog(devices_file=Path(sys.argv[1])).audio
print(json.dumps({
    "problems": audio.problems_label.text(),
    "shown": not audio.problems_label.isHidden(),
    "choices": [audio.boxes[role].count() for role in DeviceRole],
    "mic_test": audio.mic_test.isEnabled(),
    "speaker_test": audio.speaker_test.isEnabled(),
}))
"""


def test_settings_without_any_sound_system_say_why(tmp_path: Path) -> None:
    env = dict(
        os.environ, PULSE_SERVER=f"unix:{tmp_path / 'no-server'}", QT_QPA_PLATFORM="offscreen"
    )
    done = subprocess.run(
        [sys.executable, "-c", _NO_DEVICES_PROBE, str(tmp_path / "audio.json")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    page = json.loads(done.stdout.strip().splitlines()[-1])
    assert page["shown"]
    assert "No audio devices found" in page["problems"]
    assert page["choices"] == [1, 1, 1]  # "System default" only
    assert not page["mic_test"]
    assert not page["speaker_test"]
