"""In-call panel and dial pad during a call: state, talk timer, controls, DTMF, transfer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from vpaphone.ui.widgets.dialpad import Dialpad
from vpaphone.ui.widgets.in_call import CallPhase, InCallPanel, format_talk_time

pytestmark = pytest.mark.gui


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_dialpad_in_call_emits_dtmf_and_gives_feedback(qtbot: QtBot) -> None:
    clicks: list[str] = []
    pad = Dialpad(feedback=clicks.append)
    qtbot.addWidget(pad)
    pad.set_in_call(True)
    sent: list[str] = []
    pad.dtmf.connect(sent.append)
    with qtbot.assertNotEmitted(pad.typed):
        for key in "1*#":
            qtbot.mouseClick(pad.buttons[key], Qt.MouseButton.LeftButton)
        pad.setFocus()
        qtbot.keyClicks(pad, "90")
    assert sent == ["1", "*", "#", "9", "0"]
    assert clicks == sent


def test_panel_shows_number_task_state_and_counts_from_the_answer(qtbot: QtBot) -> None:
    clock = FakeClock()
    panel = InCallPanel(clock=clock)
    qtbot.addWidget(panel)
    panel.start_call("+4922182829980", "Termine für Dr. Krause")
    assert panel.number_label.text() == "+49 221 82829980"
    assert "Termine für Dr. Krause" in panel.task_label.text()
    assert panel.state_label.text() == "Calling…"
    assert not panel.hold_button.isEnabled()
    clock.now += 30  # ringing time is no talk time
    panel.set_phase(CallPhase.RINGING)
    assert panel.state_label.text() == "Ringing…"
    panel.set_phase("connected")
    assert panel.state_label.text() == "Connected"
    clock.now += 75
    panel._tick()
    assert panel.timer_label.text() == "1:15"
    panel.set_phase(CallPhase.ON_HOLD)
    assert panel.state_label.text() == "On hold"
    assert panel.hold_button.text() == "Resume"
    assert panel.hold_button.isChecked()


def test_controls_emit_plain_signals(qtbot: QtBot) -> None:
    panel = InCallPanel()
    qtbot.addWidget(panel)
    panel.start_call("+4922182829980", "Task")
    panel.set_phase(CallPhase.CONNECTED)
    with qtbot.waitSignal(panel.mute_toggled) as muted:
        qtbot.mouseClick(panel.mute_button, Qt.MouseButton.LeftButton)
    assert muted.args == [True]
    with qtbot.waitSignal(panel.hold_toggled) as held:
        qtbot.mouseClick(panel.hold_button, Qt.MouseButton.LeftButton)
    assert held.args == [True]
    with qtbot.waitSignal(panel.hangup_clicked):
        qtbot.mouseClick(panel.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.keypad_button, Qt.MouseButton.LeftButton)
    assert panel.dialpad.isVisibleTo(panel)
    with qtbot.waitSignal(panel.dtmf) as digit:
        qtbot.mouseClick(panel.dialpad.buttons["5"], Qt.MouseButton.LeftButton)
    assert digit.args == ["5"]


def test_keyboard_digits_in_a_connected_call_send_dtmf(qtbot: QtBot) -> None:
    panel = InCallPanel()
    qtbot.addWidget(panel)
    panel.start_call("+4922182829980", "Task")
    panel.set_phase(CallPhase.CONNECTED)
    sent: list[str] = []
    panel.dtmf.connect(sent.append)
    qtbot.keyClicks(panel, "12#")
    assert sent == ["1", "2", "#"]


def test_transfer_opens_the_transfer_panel_not_a_blocking_dialog(qtbot: QtBot) -> None:
    panel = InCallPanel()
    qtbot.addWidget(panel)
    panel.start_call("+4922182829980", "Task")
    panel.set_phase(CallPhase.CONNECTED)
    with qtbot.waitSignal(panel.transfer_wanted):
        qtbot.mouseClick(panel.transfer_button, Qt.MouseButton.LeftButton)


def test_audio_device_menu_emits_the_choice(qtbot: QtBot) -> None:
    panel = InCallPanel()
    qtbot.addWidget(panel)
    panel.set_audio_devices([("hs", "USB headset"), ("spk", "Speakers")], current="spk")
    actions = panel.audio_menu.actions()
    assert [a.text() for a in actions] == ["USB headset", "Speakers"]
    assert actions[1].isChecked()
    with qtbot.waitSignal(panel.audio_device_chosen) as chosen:
        actions[0].trigger()
    assert chosen.args == ["hs"]
    assert actions[0].isChecked()
    assert not actions[1].isChecked()
    panel.set_audio_devices([], current=None)
    assert not panel.audio_button.isEnabled()


def test_forecast_label_shows_what_the_shell_says(qtbot: QtBot) -> None:
    panel = InCallPanel()
    qtbot.addWidget(panel)
    assert panel.forecast_label.isHidden()
    panel.set_forecast("At this pace this task passes 25 % in 6 min")
    assert not panel.forecast_label.isHidden()
    assert "6 min" in panel.forecast_label.text()


@pytest.mark.parametrize(("seconds", "text"), [(7, "0:07"), (754, "12:34"), (3723, "1:02:03")])
def test_talk_time_format(seconds: float, text: str) -> None:
    assert format_talk_time(seconds) == text
