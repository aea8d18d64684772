"""The far end's transfer request (REFER) in the call view: who asks, the number with its
country and zone, the call gate's verdict, and the VPA's choice (issue 18)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from vpaphone.core.model import Task
from vpaphone.core.rules import RuleData
from vpaphone.core.share import TaskTime, phone_share
from vpaphone.core.zones import ZoneTable
from vpaphone.sip.engine import TransferRequest
from vpaphone.ui.dialer import GateContext
from vpaphone.ui.widgets.transfer_offer import TransferOfferPanel

pytestmark = pytest.mark.gui

ASKER = "+4922112345678"


def _panel(
    qtbot: QtBot, context: GateContext, asked: list[str] | None = None
) -> TransferOfferPanel:
    def confirm(_parent: QWidget, issue: str) -> bool:
        if asked is not None:
            asked.append(issue)
        return True

    panel = TransferOfferPanel(context, confirm=confirm)
    qtbot.addWidget(panel)
    return panel


def _request(target: str, e164: str | None = None, call_id: str = "c1") -> TransferRequest:
    return TransferRequest(call_id, e164, target)


def test_the_offer_names_who_asks_the_number_and_its_zone(
    qtbot: QtBot, rules: RuleData, zones: ZoneTable, de_task: Task
) -> None:
    context = GateContext(de_task, rules, zones)
    panel = _panel(qtbot, context)
    panel.offer(_request("+4922182829980", "+4922182829980"), ASKER, context, None)
    assert panel.isVisible()
    assert panel.title_label.text() == "+49 221 12345678 asks you to call:"
    assert panel.dialer.target_label.text() == "Calls +49 221 82829980 in Germany (zone Germany)"
    assert panel.call_button.text() == "Call +49 221 82829980"
    assert panel.call_button.isEnabled()
    assert not panel.uri_label.isVisible()
    with qtbot.waitSignal(panel.accepted) as chosen:
        qtbot.mouseClick(panel.call_button, Qt.MouseButton.LeftButton)
    call_id, destination, _zone = chosen.args
    assert (call_id, destination.e164) == ("c1", "+4922182829980")
    assert not panel.isVisible()
    assert panel.call_id is None


def test_a_blocked_target_cannot_be_called_and_says_why(
    qtbot: QtBot, rules: RuleData, zones: ZoneTable, de_task: Task
) -> None:
    context = GateContext(de_task, rules, zones)
    panel = _panel(qtbot, context)
    panel.offer(_request("+19005550000", "+19005550000"), ASKER, context, None)
    assert "(zone outside the EU)" in panel.dialer.target_label.text()
    assert not panel.call_button.isEnabled()
    assert "Premium-rate numbers are blocked" in panel.dialer.reason_label.text()
    with qtbot.assertNotEmitted(panel.accepted):
        panel.dialer.dial()  # even past the disabled button: the gate says no


def test_a_warned_target_asks_first_like_a_call(
    qtbot: QtBot, rules: RuleData, zones: ZoneTable
) -> None:
    over = Task("t-none", "Recherche", "Kunde", working_seconds=3600, phone_seconds=1200)
    context = GateContext(over, rules, zones, phone_share(TaskTime.of_task(over), rules))
    asked: list[str] = []
    panel = _panel(qtbot, context, asked)
    panel.offer(_request("+4922182829980", "+4922182829980"), ASKER, context, None)
    assert panel.call_button.text() == "Call +49 221 82829980…"
    with qtbot.waitSignal(panel.accepted):
        qtbot.mouseClick(panel.call_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert "over the 25% phone share" in asked[0]


def test_a_target_that_is_no_phone_number_is_shown_and_not_called(
    qtbot: QtBot, rules: RuleData, zones: ZoneTable, de_task: Task
) -> None:
    context = GateContext(de_task, rules, zones)
    panel = _panel(qtbot, context)
    panel.offer(_request("sip:reception@pbx.example"), ASKER, context, None)
    assert panel.uri_label.isVisible()
    assert panel.uri_label.text() == "sip:reception@pbx.example"
    assert not panel.call_button.isEnabled()
    assert "no phone number" in panel.dialer.reason_label.text()
    with qtbot.assertNotEmitted(panel.accepted):
        panel.dialer.dial()


def test_decline_hides_the_offer_and_a_newer_request_replaces_it(
    qtbot: QtBot, rules: RuleData, zones: ZoneTable, de_task: Task
) -> None:
    context = GateContext(de_task, rules, zones)
    panel = _panel(qtbot, context)
    panel.offer(_request("sip:reception@pbx.example"), ASKER, context, None)
    panel.offer(_request("+4922182829980", "+4922182829980"), ASKER, context, None)
    assert not panel.uri_label.isVisible()  # the first offer is gone
    assert panel.call_button.isEnabled()
    with qtbot.assertNotEmitted(panel.accepted), qtbot.waitSignal(panel.declined) as declined:
        panel.decline_button.click()
    assert declined.args == ["c1"]
    assert not panel.isVisible()


def test_no_call_while_the_phone_is_not_connected(
    qtbot: QtBot, rules: RuleData, zones: ZoneTable, de_task: Task
) -> None:
    context = GateContext(de_task, rules, zones)
    panel = _panel(qtbot, context)
    panel.offer(_request("+4922182829980", "+4922182829980"), ASKER, context, "Not connected.")
    assert not panel.call_button.isEnabled()
    panel.set_not_ready(None)
    assert panel.call_button.isEnabled()


def test_the_offer_outlives_the_asking_call(
    qtbot: QtBot, rules: RuleData, zones: ZoneTable, de_task: Task
) -> None:
    """Phones that hang up right after their REFER is answered (baresip) leave the offer."""
    context = GateContext(de_task, rules, zones)
    panel = _panel(qtbot, context)
    panel.offer(_request("+4922182829980", "+4922182829980"), ASKER, context, None)
    assert panel.asker_present
    panel.asker_gone()
    assert panel.isVisible()
    assert panel.gone_label.isVisible()
    assert not panel.asker_present
    assert panel.call_button.isEnabled()
    panel.offer(_request("+4922182829980", "+4922182829980", "c2"), ASKER, context, None)
    assert not panel.gone_label.isVisible()  # a new request from a call that is up
