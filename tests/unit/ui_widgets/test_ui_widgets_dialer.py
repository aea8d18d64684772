"""The dialer as a VPA uses it: type or paste, see the gate's verdict, dial or be told why not."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from vpaphone.core.model import CostZone, Destination, Task
from vpaphone.core.rules import Language, RuleData
from vpaphone.core.share import TaskTime, phone_share
from vpaphone.core.zones import ZoneTable
from vpaphone.ui.dialer import DialerWidget, GateContext

pytestmark = pytest.mark.gui

MakeDialer = Callable[..., DialerWidget]


@pytest.fixture
def make_dialer(qtbot: QtBot, rules: RuleData, zones: ZoneTable) -> MakeDialer:
    def make(task: Task | None, **kwargs: Any) -> DialerWidget:
        dialer = DialerWidget(GateContext(task, rules, zones), language=Language.EN, **kwargs)
        qtbot.addWidget(dialer)
        dialer.show()
        return dialer

    return make


def type_number(qtbot: QtBot, dialer: DialerWidget, text: str) -> None:
    dialer.number.edit.setFocus()
    qtbot.keyClicks(dialer.number.edit, text)


def paste(dialer: DialerWidget, text: str) -> None:
    QApplication.clipboard().setText(text)
    dialer.number.edit.setFocus()
    dialer.number.edit.paste()


def test_typing_a_german_number_formats_it_and_enables_call(
    qtbot: QtBot, make_dialer: MakeDialer, de_task: Task
) -> None:
    dialer = make_dialer(de_task)
    assert not dialer.call_button.isEnabled()  # nothing typed yet
    type_number(qtbot, dialer, "0221 8282 9980")
    assert dialer.number.text() == "0221 82829980"
    assert dialer.call_button.isEnabled()
    assert dialer.reason_label.isHidden()


def test_typing_digits_only_formats_as_you_type(
    qtbot: QtBot, make_dialer: MakeDialer, de_task: Task
) -> None:
    dialer = make_dialer(de_task)
    type_number(qtbot, dialer, "022182829980")
    assert dialer.number.text() == "0221 82829980"
    qtbot.keyClick(dialer.number.edit, Qt.Key.Key_Backspace)
    assert dialer.number.text() == "0221 8282998"


def test_pasting_a_french_number_switches_the_picker_to_france(
    qtbot: QtBot, make_dialer: MakeDialer, de_task: Task
) -> None:
    dialer = make_dialer(de_task)
    assert dialer.picker.country() == "DE"
    paste(dialer, "+33 1 42 68 53 00")
    assert dialer.picker.country() == "FR"
    assert dialer.number.region() == "FR"
    assert dialer.number.text() == "01 42 68 53 00"
    destination = dialer.number.destination()
    assert destination is not None
    assert destination.e164 == "+33142685300"


@pytest.mark.parametrize(
    ("pasted", "country", "shown"),
    [
        ("0043 1 53115", "AT", "01 53115"),
        ("tel:+49-221-82829980", "DE", "0221 82829980"),
        ("+39 06 4991 1234", "IT", "06 4991 1234"),
    ],
)
def test_pasting_any_format_normalises_it(
    make_dialer: MakeDialer, de_task: Task, pasted: str, country: str, shown: str
) -> None:
    dialer = make_dialer(de_task)
    dialer.picker.set_country("FR")
    paste(dialer, pasted)
    assert dialer.picker.country() == country
    assert dialer.number.text() == shown


def test_italian_landline_without_zero_offers_the_fix(
    qtbot: QtBot, make_dialer: MakeDialer, eu_task: Task
) -> None:
    dialer = make_dialer(eu_task)
    dialer.picker.set_country("IT")
    assert "leading 0" in dialer.number.hint_label.text()
    assert dialer.number.hint_label.isVisible()
    type_number(qtbot, dialer, "6 4991 1234")
    label = dialer.number.error_label
    assert label.isVisible()
    assert "keep their leading 0" in label.text()
    assert "06 4991 1234" in label.text()
    assert not dialer.call_button.isEnabled()
    label.linkActivated.emit("suggestion")  # what a click on the suggestion does
    assert dialer.number.text() == "06 4991 1234"
    assert label.isHidden()
    assert dialer.call_button.isEnabled()


def test_leading_zero_hint_only_where_the_zero_stays(make_dialer: MakeDialer) -> None:
    dialer = make_dialer(None)
    assert dialer.number.hint_label.isHidden()
    dialer.picker.set_country("SM")
    assert dialer.number.hint_label.isVisible()


def test_no_task_disables_call_with_the_reason(qtbot: QtBot, make_dialer: MakeDialer) -> None:
    dialer = make_dialer(None)
    assert "No active task" in dialer.reason_label.text()  # said before typing
    type_number(qtbot, dialer, "0221 8282 9980")
    assert not dialer.call_button.isEnabled()
    assert dialer.reason_label.isVisible()
    assert "No active task" in dialer.reason_label.text()
    with qtbot.assertNotEmitted(dialer.dial_requested):
        qtbot.keyClick(dialer.number.edit, Qt.Key.Key_Return)


def test_non_eu_number_is_blocked_with_the_admin_team_reason(
    qtbot: QtBot, make_dialer: MakeDialer, eu_task: Task
) -> None:
    dialer = make_dialer(eu_task)
    paste(dialer, "+1 212 555 0100")
    assert dialer.picker.country() == "US"
    assert not dialer.call_button.isEnabled()
    assert "admin team" in dialer.reason_label.text()
    assert "United States" in dialer.reason_label.text()


def test_premium_rate_number_is_blocked(
    qtbot: QtBot, make_dialer: MakeDialer, de_task: Task
) -> None:
    dialer = make_dialer(de_task)
    type_number(qtbot, dialer, "0900 1234567")
    assert not dialer.call_button.isEnabled()
    assert "Premium-rate" in dialer.reason_label.text()


def test_eu_number_on_a_de_task_asks_and_cancel_does_not_dial(
    qtbot: QtBot, make_dialer: MakeDialer, de_task: Task
) -> None:
    asked: list[str] = []

    def cancel(_parent: object, issue: str) -> bool:
        asked.append(issue)
        return False

    dialer = make_dialer(de_task, confirm=cancel)
    paste(dialer, "+33 1 42 68 53 00")
    assert dialer.call_button.isEnabled()
    with qtbot.assertNotEmitted(dialer.dial_requested):
        qtbot.mouseClick(dialer.call_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert "Back-office telephony DE" in asked[0]
    assert "France" in asked[0]
    assert "Back-office telephony EU" in asked[0]  # the area to switch to


def test_eu_number_on_a_de_task_dials_after_ok_in_the_real_dialog(
    qtbot: QtBot, make_dialer: MakeDialer, de_task: Task
) -> None:
    dialer = make_dialer(de_task)  # the default confirmation: a QMessageBox
    paste(dialer, "+33 1 42 68 53 00")
    seen: list[str] = []

    def answer_ok() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    QTimer.singleShot(50, answer_ok)
    with qtbot.waitSignal(dialer.dial_requested, timeout=3000) as dialled:
        qtbot.mouseClick(dialer.call_button, Qt.MouseButton.LeftButton)
    destination, zone = dialled.args
    assert isinstance(destination, Destination)
    assert destination.e164 == "+33142685300"
    assert zone is CostZone.EU
    assert "France" in seen[0]


def test_keyboard_digits_and_enter_dial(
    qtbot: QtBot, make_dialer: MakeDialer, de_task: Task
) -> None:
    dialer = make_dialer(de_task)
    type_number(qtbot, dialer, "022182829980")
    with qtbot.waitSignal(dialer.dial_requested, timeout=1000) as dialled:
        qtbot.keyClick(dialer.number.edit, Qt.Key.Key_Return)
    assert dialled.args[0].e164 == "+4922182829980"
    assert dialled.args[1] is CostZone.DE


def test_enter_on_an_unfinished_number_says_what_is_wrong(
    qtbot: QtBot, make_dialer: MakeDialer, de_task: Task
) -> None:
    dialer = make_dialer(de_task)
    type_number(qtbot, dialer, "0221")
    assert dialer.number.error_label.isHidden()  # no nagging while typing
    with qtbot.assertNotEmitted(dialer.dial_requested):
        qtbot.keyClick(dialer.number.edit, Qt.Key.Key_Return)
    assert "Too short" in dialer.number.error_label.text()


def test_dialpad_types_into_the_number_field(
    qtbot: QtBot, make_dialer: MakeDialer, de_task: Task
) -> None:
    dialer = make_dialer(de_task)
    for key in "0221":
        qtbot.mouseClick(dialer.dialpad.buttons[key], Qt.MouseButton.LeftButton)
    assert dialer.number.text() == "0221"


def test_long_press_zero_types_plus(qtbot: QtBot, make_dialer: MakeDialer, de_task: Task) -> None:
    dialer = make_dialer(de_task)
    zero = dialer.dialpad.buttons["0"]
    qtbot.mousePress(zero, Qt.MouseButton.LeftButton)
    qtbot.wait(700)
    qtbot.mouseRelease(zero, Qt.MouseButton.LeftButton)
    assert dialer.number.text() == "+"
    qtbot.mouseClick(zero, Qt.MouseButton.LeftButton)
    assert dialer.number.text() == "+0"


def test_context_change_re_evaluates(
    qtbot: QtBot, make_dialer: MakeDialer, de_task: Task, rules: RuleData, zones: ZoneTable
) -> None:
    dialer = make_dialer(None)
    type_number(qtbot, dialer, "0221 8282 9980")
    assert not dialer.call_button.isEnabled()
    dialer.set_context(GateContext(de_task, rules, zones))
    assert dialer.call_button.isEnabled()
    dialer.set_unavailable("Not registered")
    assert not dialer.call_button.isEnabled()
    assert "Not registered" in dialer.reason_label.text()


def test_clearing_the_field_disables_call(
    qtbot: QtBot, make_dialer: MakeDialer, de_task: Task
) -> None:
    dialer = make_dialer(de_task)
    type_number(qtbot, dialer, "0221 8282 9980")
    assert dialer.call_button.isEnabled()
    dialer.number.edit.clear()  # what the clear button does
    assert dialer.number.destination() is None
    assert not dialer.call_button.isEnabled()
    dialer.number.edit.undo()
    assert dialer.number.text() == "0221 82829980"
    assert dialer.call_button.isEnabled()


def test_set_number_fills_in_a_redial(make_dialer: MakeDialer, eu_task: Task) -> None:
    dialer = make_dialer(eu_task)
    dialer.set_number("+43153115")
    assert dialer.picker.country() == "AT"
    assert dialer.number.text() == "01 53115"
    assert dialer.call_button.isEnabled()


@pytest.mark.parametrize(
    ("pasted", "problem"),
    [
        ("+49 221 82829980 x 12", "key in the extension"),
        ("0221 82829980 (Büro)", "not part of it"),
    ],
)
def test_pasted_extras_are_kept_and_explained(
    make_dialer: MakeDialer, de_task: Task, pasted: str, problem: str
) -> None:
    dialer = make_dialer(de_task)
    paste(dialer, pasted)
    assert dialer.number.text() == pasted  # nothing silently dropped
    assert problem in dialer.number.error_label.text()
    assert "+49 221 82829980" in dialer.number.error_label.text()  # the suggestion
    assert not dialer.call_button.isEnabled()


def test_task_over_its_phone_share_asks_before_dialling(
    qtbot: QtBot, rules: RuleData, zones: ZoneTable
) -> None:
    task = Task("t-none", "Recherche", "Kunde", working_seconds=3600, phone_seconds=1200)
    share = phone_share(TaskTime.of_task(task), rules)
    asked: list[str] = []
    dialer = DialerWidget(
        GateContext(task, rules, zones, share),
        language=Language.EN,
        confirm=lambda _parent, issue: asked.append(issue) or True,
    )
    qtbot.addWidget(dialer)
    type_number(qtbot, dialer, "0221 8282 9980")
    assert "over the 25%" in dialer.reason_label.text()
    with qtbot.waitSignal(dialer.dial_requested):
        qtbot.keyClick(dialer.number.edit, Qt.Key.Key_Return)
    assert "over the 25%" in asked[0]


def test_numbers_stay_out_of_the_logs(
    qtbot: QtBot, make_dialer: MakeDialer, de_task: Task, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    dialer = make_dialer(de_task)
    paste(dialer, "+33 1 42 68 53 00")
    type_number(qtbot, dialer, "9")  # now invalid: the error path too
    dialer.number.show_problem()
    dialer.set_number("+4922182829980")
    with qtbot.waitSignal(dialer.dial_requested):
        dialer.dial()
    logged = caplog.text.replace(" ", "")
    assert "42685300" not in logged
    assert "82829980" not in logged


def test_emergency_number_is_dialable_without_a_task(qtbot: QtBot, make_dialer: MakeDialer) -> None:
    dialer = make_dialer(None)
    type_number(qtbot, dialer, "112")
    assert dialer.call_button.isEnabled()
    assert "Emergency" in dialer.reason_label.text()
    with qtbot.waitSignal(dialer.dial_requested) as dialled:
        qtbot.keyClick(dialer.number.edit, Qt.Key.Key_Return)
    assert dialled.args[0].is_emergency
