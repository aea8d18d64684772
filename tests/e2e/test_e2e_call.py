"""The main path: sign in, pick a task, blocked and warned numbers, a real call, history, server."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import App

pytestmark = [pytest.mark.gui, pytest.mark.keyring, pytest.mark.slow]

DE_TASK = "T-1002"  # Back-office telephony DE


def test_blocked_warned_and_allowed_call_end_in_history_and_on_the_server(app: App) -> None:
    window, qtbot = app.window, app.qtbot
    app.sign_in()
    app.signed_in()
    qtbot.waitUntil(lambda: "Ready" in window.main.registration.text(), timeout=10_000)
    app.pick_task(DE_TASK)
    dialer = window.main.dialer

    # Outside the EU without an individual quote: Call is disabled, the reason names the fix.
    app.type_number("+1 202 456 1111")
    qtbot.waitUntil(lambda: "admin team" in dialer.reason_label.text(), timeout=3000)
    assert not dialer.call_button.isEnabled()

    # An EU number on a DE-only task: a question naming the issue; "Cancel" places no call.
    app.type_number("+33 1 42 68 53 00")
    qtbot.waitUntil(dialer.call_button.isEnabled, timeout=3000)
    app.confirmations.answer = False
    dialer.call_button.click()
    assert app.confirmations.asked, "no confirmation was asked"
    assert "France" in app.confirmations.asked[0]
    assert "telephony EU" in app.confirmations.asked[0]
    assert app.services.phone.call is None
    assert app.services.store.calls.recent() == []

    # A German number, typed nationally after picking Germany again: the demo customer answers.
    dialer.picker.set_country("DE")
    app.type_number("0221 8282 9980")
    qtbot.waitUntil(dialer.call_button.isEnabled, timeout=3000)
    dialer.call_button.click()
    panel = window.main.in_call
    qtbot.waitUntil(panel.isVisible, timeout=3000)
    assert "82829980" in panel.number_label.text().replace(" ", "")
    assert "Lieferanten nachfassen" in panel.task_label.text()
    qtbot.waitUntil(lambda: panel.state_label.text() == "Connected", timeout=10_000)
    qtbot.waitUntil(lambda: panel.timer_label.text() >= "0:02", timeout=5000)
    assert not dialer.isVisible()

    panel.hangup_button.click()
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=10_000)
    assert dialer.isVisible()

    # In the history with its outcome and talk time ...
    model = window.main.history.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    assert model.data(model.index(0, model.OUTCOME)) == "Completed"
    assert model.data(model.index(0, model.TASK)) == "Lieferanten nachfassen"
    stored = app.services.store.calls.recent()[0]
    assert stored.record.task_id == DE_TASK
    assert stored.record.talk_seconds >= 2

    # ... and on my-vpa after the automatic upload, attributed to the task.
    state = app.server.state
    qtbot.waitUntil(lambda: stored.record.id in state.call_records, timeout=15_000)
    uploaded = state.call_records[stored.record.id]
    assert uploaded["task_id"] == DE_TASK
    assert uploaded["end_reason"] == "completed"
    assert float(uploaded["talk_seconds"]) >= 2
    # The task's phone time now includes the call, counted once.
    qtbot.waitUntil(
        lambda: app.services.store.calls.get(stored.record.id).synced_at is not None,  # type: ignore[union-attr]
        timeout=5000,
    )
    task = app.services.tasks.task(DE_TASK)
    assert task is not None
    phone = app.services.tasks.task_time(task).phone_seconds
    assert 1500 + 2 <= phone <= 1500 + stored.record.talk_seconds + 1


def test_work_timer_counts_and_reaches_the_server(app: App) -> None:
    window, qtbot = app.window, app.qtbot
    app.sign_in()
    app.signed_in()
    app.pick_task("T-1007")
    panel = window.main.tasks
    assert panel.work_button.text() == "Start &work"
    panel.work_button.click()
    assert app.services.tasks.work_running
    qtbot.waitUntil(lambda: panel.work_clock.text() >= "0:00:02", timeout=5000)
    assert panel.work_button.text() == "Stop &work"
    panel.work_button.click()
    assert not app.services.tasks.work_running
    state = app.server.state
    qtbot.waitUntil(lambda: len(state.work_sessions) == 1, timeout=15_000)
    (session,) = state.work_sessions.values()
    assert session["task_id"] == "T-1007"
    # Switching tasks stops a running timer: no working time lands on the wrong task.
    panel.work_button.click()
    app.pick_task("T-1002")
    assert not app.services.tasks.work_running
    qtbot.waitUntil(lambda: len(state.work_sessions) == 2, timeout=15_000)
