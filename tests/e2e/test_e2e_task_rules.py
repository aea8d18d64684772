"""The rules through the VPA's day (docs/rules.md 5–12), against the demo my-vpa and peer:
every call for its own task, the area chosen in the task panel and sent to my-vpa, the
customer message at hand with an area, the quote request for a blocked non-EU call, the
monitoring notice."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import App
from vpaphone.ui.requests import AdminNoteDialog, QuoteRequestDialog, TelefonfaktorDialog

pytestmark = [pytest.mark.gui, pytest.mark.keyring, pytest.mark.slow]

NONE_TASK = "T-1001"  # area none, 23.75 % on the phone
EU_TASK = "T-1003"  # Back-office telephony EU, budget 234 min
QUOTE_TASK = "T-1006"  # individual quote (US hotline)


def _hang_up(app: App) -> None:
    main = app.window.main
    main.in_call.hangup_button.click()
    app.qtbot.waitUntil(lambda: not main.in_call.isVisible(), timeout=10_000)


def test_redial_from_history_goes_out_for_the_calls_own_task(app: App) -> None:
    """Issue 14.1: a call for T-1001 went out again tagged with the active task."""
    app.sign_in()
    app.signed_in()
    main = app.window.main
    app.pick_task(NONE_TASK)
    main.dialer.picker.set_country("DE")
    app.call_until_connected("0221 8282 9980")
    _hang_up(app)
    app.pick_task(QUOTE_TASK)

    main.tabs.setCurrentWidget(main.history)
    app.qtbot.waitUntil(lambda: main.history.model.rowCount() == 1, timeout=10_000)
    main.history.table.selectRow(0)
    main.history.redial_button.click()
    prompt = main.redial_prompt
    assert prompt.isVisible()
    assert "Termine koordinieren" in prompt.text.text()
    active = app.services.tasks.active_task  # nothing changes before the VPA decides
    assert active is not None
    assert active.id == QUOTE_TASK
    prompt.call_task_button.click()
    active = app.services.tasks.active_task
    assert active is not None
    assert active.id == NONE_TASK
    app.qtbot.waitUntil(main.dialer.call_button.isEnabled, timeout=3000)
    main.dialer.call_button.click()
    app.qtbot.waitUntil(lambda: main.in_call.state_label.text() == "Connected", timeout=10_000)
    _hang_up(app)
    calls = app.services.store.calls.recent()
    assert [stored.record.task_id for stored in calls] == [NONE_TASK, NONE_TASK]


def test_the_area_is_chosen_in_the_task_panel_and_the_message_follows(app: App) -> None:
    """Issue 14.3/14.4: the area reached my-vpa only from the banner; the message only
    from the banner; the kind of calls came from the VPA's profile."""
    state = app.server.state
    app.sign_in()
    app.signed_in()
    panel = app.window.main.tasks
    app.pick_task(NONE_TASK)
    assert "Back-office telephony DE" in panel.recommended.text()
    # this back-office VPA phones for sales on this task: the recommendation follows the task
    panel.calls_kind.setCurrentIndex(panel.calls_kind.findData("sales"))
    panel.calls_kind.activated.emit(panel.calls_kind.currentIndex())
    app.qtbot.waitUntil(lambda: "Sales telephony DE" in panel.recommended.text(), timeout=3000)

    index = panel.area_box.findData("sales_de")
    panel.area_box.setCurrentIndex(index)
    panel.area_box.activated.emit(index)
    demo_task = next(t for t in state.users["demo"].tasks if t.id == NONE_TASK)
    app.qtbot.waitUntil(lambda: demo_task.telephony_area == "sales_de", timeout=10_000)
    # the message is offered at once: Telefonfaktor DE with the sales factor
    app.qtbot.waitUntil(lambda: isinstance(panel.dialog, TelefonfaktorDialog), timeout=5000)
    dialog = panel.dialog
    assert isinstance(dialog, TelefonfaktorDialog)
    assert dialog.isVisible()
    assert "Telefonfaktor DE" in dialog.windowTitle()
    assert "Faktor 2,0" in dialog.text.toPlainText()
    dialog.close()
    assert "factor 2.0" in panel.area_box.currentText()
    assert panel.recommended.text() == ""  # the area fits now
    assert "customer pays phone time" in panel.share_text.text()  # a cost, not a limit


def test_the_message_is_at_hand_for_a_task_that_has_its_area(app: App) -> None:
    """Issue 14.3: with an area set before work (rule 9) the message was out of reach."""
    state = app.server.state
    app.sign_in()
    app.signed_in()
    panel = app.window.main.tasks
    app.pick_task(EU_TASK)
    assert not app.window.main.banner.isVisible()
    assert panel.message_button.isEnabled()
    assert panel.budget.text() == "234 minutes (3:54 h) × 1.3 = 304.2 minutes (5:04:12 h)"
    panel.message_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, TelefonfaktorDialog)
    assert "Telefonfaktor EU" in dialog.windowTitle()
    dialog.raise_budget.setChecked(False)  # the VPA raises it in my-vpa later
    assert "braucht die Aufgabe ein Budget von 304,2 Minuten" in dialog.text.toPlainText()
    assert "erhöht" not in dialog.text.toPlainText()
    dialog.post_button.click()
    app.qtbot.waitUntil(lambda: len(state.chat_messages) == 1, timeout=10_000)
    assert state.chat_messages[0]["task_id"] == EU_TASK
    demo_task = next(t for t in state.users["demo"].tasks if t.id == EU_TASK)
    assert demo_task.budget_minutes == 234  # not raised: the VPA said no


def test_a_blocked_non_eu_number_leads_to_a_quote_request(app: App) -> None:
    """Issue 14.7: the quote request existed as a text, but the UI never offered it."""
    state = app.server.state
    app.sign_in()
    app.signed_in()
    main = app.window.main
    app.pick_task(NONE_TASK)
    app.type_number("+1 212 555 0100")
    dialer = main.dialer
    app.qtbot.waitUntil(dialer.quote_button.isVisible, timeout=3000)
    assert not dialer.call_button.isEnabled()
    assert dialer.dial() is False  # Enter on the blocked number: an attempt, kept for the task
    app.qtbot.waitUntil(lambda: main.history.model.rowCount() == 1, timeout=5000)
    blocked = app.services.store.calls.recent()[0].record
    assert (blocked.task_id, blocked.end_reason) == (NONE_TASK, "blocked")
    dialer.quote_button.click()
    dialog = main.tasks.dialog
    assert isinstance(dialog, QuoteRequestDialog)
    dialog.expected.setValue(120)
    text = dialog.text.toPlainText()
    assert "US" in text
    assert "about 120 minutes" in text
    assert "+1" not in text  # the country, never the number
    dialog.send_button.click()
    app.qtbot.waitUntil(lambda: len(state.admin_requests) == 1, timeout=10_000)
    request = state.admin_requests[0]
    assert (request["kind"], request["task_id"]) == ("individual_quote", NONE_TASK)
    assert "about 120 minutes" in request["message"]
    # an unanswered or blocked attempt does not move the task to the EU area
    assert "Back-office telephony DE" in main.tasks.recommended.text()


def test_a_bigger_phone_project_reaches_the_admin_team(app: App) -> None:
    state = app.server.state
    app.sign_in()
    app.signed_in()
    app.pick_task(NONE_TASK)
    panel = app.window.main.tasks
    panel.project_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, AdminNoteDialog)
    dialog.text.appendPlainText("Answering machine with the customer's own number.")
    dialog.send_button.click()
    app.qtbot.waitUntil(lambda: len(state.admin_requests) == 1, timeout=10_000)
    assert state.admin_requests[0]["kind"] == "bigger_project"


def test_the_monitoring_notice_shows_once_per_vpa(app: App) -> None:
    app.sign_in()
    app.signed_in()
    notice = app.window.main.monitoring
    assert notice.isVisible()
    assert "monitored" in notice.text.text()
    notice.ok_button.click()
    assert not notice.isVisible()
    app.services.session.sign_out()
    app.qtbot.waitUntil(lambda: app.window.pages.currentIndex() == 0, timeout=15_000)
    app.sign_in()
    app.signed_in()
    assert not notice.isVisible()


def test_a_call_moved_to_another_task_counts_there_in_my_vpa_too(app: App) -> None:
    """Issue 14.1: a call made for the wrong task could not be corrected afterwards."""
    app.sign_in()
    app.signed_in()
    main, state = app.window.main, app.server.state
    app.pick_task(NONE_TASK)
    main.dialer.picker.set_country("DE")
    app.call_until_connected("0221 8282 9980")
    _hang_up(app)
    call_id = app.services.store.calls.recent()[0].record.id
    app.qtbot.waitUntil(lambda: call_id in state.call_records, timeout=15_000)  # uploaded
    assert state.call_records[call_id]["task_id"] == NONE_TASK

    main.tabs.setCurrentWidget(main.history)
    history = main.history
    history.scope.setCurrentIndex(history.scope.findData("all"))
    app.qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=10_000)
    history.table.selectRow(0)
    history.retag_button.click()
    assert history.retag_bar.isVisible()
    assert history.retag_box.currentData() == NONE_TASK  # its task preselected
    history.retag_box.setCurrentIndex(history.retag_box.findData(EU_TASK))
    history.retag_apply.click()

    app.qtbot.waitUntil(lambda: state.call_records[call_id]["task_id"] == EU_TASK, timeout=15_000)
    # my-vpa confirmed the move: its answer reaches the app a moment after the server took it
    app.qtbot.waitUntil(lambda: app.services.store.calls.pending_retags() == [], timeout=10_000)
    assert app.services.store.calls.recent()[0].record.task_id == EU_TASK
    assert state.requests.count("setCallTask") == 1
