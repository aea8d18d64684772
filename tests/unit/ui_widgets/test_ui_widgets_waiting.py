"""Call waiting in the call view: the knocking call and the call on hold (ui.widgets.waiting)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from vpaphone.app.calls import ActiveCall
from vpaphone.core.model import CallDirection, Task
from vpaphone.sip.engine import CallState
from vpaphone.ui.widgets.waiting import HeldCallBar, WaitingCallPanel

pytestmark = pytest.mark.gui


def test_the_knock_shows_who_and_the_suggested_task_and_answers_once(
    qtbot: QtBot, de_task: Task, eu_task: Task
) -> None:
    panel = WaitingCallPanel()
    qtbot.addWidget(panel)
    assert panel.isHidden()
    panel.show_call(
        "c2", "+4922182829980", "Dr. Krause", [de_task, eu_task], eu_task.id, to_voicemail=False
    )
    assert not panel.isHidden()
    assert panel.caller_label.text() == "+49 221 82829980"
    assert panel.name_label.text() == "Dr. Krause"
    assert panel.task_id() == eu_task.id
    assert panel.reject_button.text() == "Busy"
    with qtbot.waitSignal(panel.answered) as answered:
        qtbot.mouseClick(panel.answer_button, Qt.MouseButton.LeftButton)
    assert answered.args == ["c2", eu_task.id]
    assert panel.isHidden()
    with qtbot.assertNotEmitted(panel.answered):
        panel.answer_call()  # a second press (headset key) answers nothing more


def test_the_knock_turned_away_names_where_it_goes(qtbot: QtBot, de_task: Task) -> None:
    panel = WaitingCallPanel()
    qtbot.addWidget(panel)
    panel.show_call("c3", None, "", [de_task], None, to_voicemail=True)
    assert panel.caller_label.text() == "Unknown number"
    assert panel.name_label.isHidden()
    assert panel.reject_button.text() == "To voicemail"
    with qtbot.waitSignal(panel.turned_away) as turned:
        qtbot.mouseClick(panel.reject_button, Qt.MouseButton.LeftButton)
    assert turned.args == ["c3"]


def test_without_tasks_the_knock_cannot_be_answered(qtbot: QtBot) -> None:
    panel = WaitingCallPanel()
    qtbot.addWidget(panel)
    panel.show_call("c4", "+4922182829980", "", [], None, to_voicemail=False)
    assert not panel.answer_button.isEnabled()


def test_the_held_call_bar_swaps_and_ends(qtbot: QtBot) -> None:
    bar = HeldCallBar()
    qtbot.addWidget(bar)
    call = ActiveCall(
        "c1",
        "t-de",
        CallDirection.OUTGOING,
        "+4922182829980",
        CallState.CONNECTED,
        answered_at=datetime.now(UTC),
    )
    bar.show_call(call, "Termine")
    assert bar.label.text() == "Putting on hold: +49 221 82829980 (Termine)"
    bar.show_call(replace(call, state=CallState.ON_HOLD), "Termine")
    assert bar.label.text() == "On hold: +49 221 82829980 (Termine)"
    with qtbot.waitSignal(bar.swap_clicked):
        qtbot.mouseClick(bar.swap_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(bar.end_clicked) as ended:
        qtbot.mouseClick(bar.end_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["c1"]
    bar.clear()
    assert bar.isHidden()
