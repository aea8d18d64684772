"""Transfers go through the same call gate as dialling (issue 14.2: a blind transfer to
+1 212 555 0100 went through although calls outside the EU need a quote)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from vpaphone.core.model import Task
from vpaphone.core.rules import RuleData
from vpaphone.core.share import TaskTime, phone_share
from vpaphone.core.zones import ZoneTable
from vpaphone.ui.dialer import GateContext
from vpaphone.ui.widgets.transfer import TransferPanel

pytestmark = pytest.mark.gui


def _panel(qtbot: QtBot, context: GateContext, asked: list[str] | None = None) -> TransferPanel:
    def confirm(_parent: QWidget, issue: str) -> bool:
        if asked is not None:
            asked.append(issue)
        return True

    panel = TransferPanel(context, confirm=confirm)
    qtbot.addWidget(panel)
    panel.open(context)
    return panel


def _over_the_share(rules: RuleData, zones: ZoneTable) -> GateContext:
    """A task with 20 of 60 minutes on the phone: the gate warns and asks first."""
    over = Task("t-none", "Recherche", "Kunde", working_seconds=3600, phone_seconds=1200)
    return GateContext(over, rules, zones, phone_share(TaskTime.of_task(over), rules))


def test_a_number_outside_the_eu_cannot_be_transferred_to(
    qtbot: QtBot, rules: RuleData, zones: ZoneTable, de_task: Task
) -> None:
    panel = _panel(qtbot, GateContext(de_task, rules, zones))
    panel.dialer.set_number("+1 212 555 0100")
    assert not panel.dialer.call_button.isEnabled()
    assert "individual quote" in panel.dialer.reason_label.text()
    with qtbot.assertNotEmitted(panel.transfer_requested):
        panel.dialer.dial()


def test_a_warned_transfer_asks_first_like_a_call(
    qtbot: QtBot, rules: RuleData, zones: ZoneTable
) -> None:
    asked: list[str] = []
    panel = _panel(qtbot, _over_the_share(rules, zones), asked)
    panel.dialer.set_number("0221 8282 9980")
    assert panel.dialer.call_button.text() == "Transfer now…"
    with qtbot.waitSignal(panel.transfer_requested) as chosen:
        qtbot.mouseClick(panel.dialer.call_button, Qt.MouseButton.LeftButton)
    assert chosen.args[0].e164 == "+4922182829980"
    assert len(asked) == 1
    assert "over the 25% phone share" in asked[0]
    assert not panel.isVisible()


def test_cancel_hides_the_panel_and_transfers_nothing(
    qtbot: QtBot, rules: RuleData, zones: ZoneTable, de_task: Task
) -> None:
    panel = _panel(qtbot, GateContext(de_task, rules, zones))
    panel.dialer.set_number("0221 8282 9980")
    with qtbot.assertNotEmitted(panel.transfer_requested), qtbot.waitSignal(panel.cancelled):
        panel.cancel_button.click()
    assert not panel.isVisible()


def test_talking_to_them_first_passes_the_same_gate(
    qtbot: QtBot, rules: RuleData, zones: ZoneTable, de_task: Task
) -> None:
    """Attended transfer: the consultation call is blocked for a number outside the EU."""
    panel = _panel(qtbot, GateContext(de_task, rules, zones))
    assert panel.consult_button.isVisibleTo(panel)
    panel.dialer.set_number("+1 212 555 0100")
    assert not panel.consult_button.isEnabled()
    assert "individual quote" in panel.dialer.reason_label.text()
    with qtbot.assertNotEmitted(panel.consult_requested):
        panel.consult_button.click()
        panel._consult()  # even past the disabled button: the dialer's gate says no


def test_a_warned_consultation_asks_first_like_a_call(
    qtbot: QtBot, rules: RuleData, zones: ZoneTable
) -> None:
    asked: list[str] = []
    panel = _panel(qtbot, _over_the_share(rules, zones), asked)
    panel.dialer.set_number("0221 8282 9980")
    with (
        qtbot.assertNotEmitted(panel.transfer_requested),
        qtbot.waitSignal(panel.consult_requested) as chosen,
    ):
        qtbot.mouseClick(panel.consult_button, Qt.MouseButton.LeftButton)
    assert chosen.args[0].e164 == "+4922182829980"
    assert len(asked) == 1
    assert "over the 25% phone share" in asked[0]
    assert not panel.isVisible()


def test_no_consultation_while_another_call_is_on_hold(
    qtbot: QtBot, rules: RuleData, zones: ZoneTable, de_task: Task
) -> None:
    panel = _panel(qtbot, GateContext(de_task, rules, zones))
    panel.open(GateContext(de_task, rules, zones), consult=False)
    assert not panel.consult_button.isVisibleTo(panel)
