"""A call takes a task over the nearing level: banner, notification, and its three actions
reach the demo my-vpa (area change, Telefonfaktor message with budget × factor, admin note)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from tests.e2e.conftest import App
from vpaphone.demo.data import DemoTask
from vpaphone.demo.server import DemoState
from vpaphone.ui.requests import AdminNoteDialog, TelefonfaktorDialog

pytestmark = [pytest.mark.gui, pytest.mark.keyring, pytest.mark.slow]

TASK = "T-2001"
TITLE = "Rückrufe Kundenservice"


@pytest.fixture
def demo_state_factory() -> Callable[[int], DemoState]:
    """One more task for the demo VPA: 716 s of 3600 s on the phone (19.9 %), budget 120 min."""

    def make(peer_port: int) -> DemoState:
        state = DemoState(sip_domain=f"127.0.0.1:{peer_port}")
        state.users["demo"].tasks.append(
            DemoTask(TASK, TITLE, "Kanzlei Roth", "none", 3600, 716, budget_minutes=120)
        )
        return state

    return make


def test_crossing_the_nearing_level_shows_the_banner_and_its_actions_work(app: App) -> None:
    window, qtbot, state = app.window, app.qtbot, app.server.state
    app.sign_in()
    app.signed_in()
    banner = window.main.banner
    qtbot.waitUntil(lambda: "Ready" in window.main.registration.text(), timeout=10_000)
    app.pick_task(TASK)
    assert not banner.isVisible()
    assert window.main.tasks.gauge.level.value == "ok"

    with qtbot.waitSignal(window.notification_requested, timeout=20_000) as notified:
        window.main.dialer.picker.set_country("DE")
        app.type_number("030 1234567")
        qtbot.waitUntil(window.main.dialer.call_button.isEnabled, timeout=3000)
        window.main.dialer.call_button.click()
        qtbot.waitUntil(
            lambda: window.main.in_call.state_label.text() == "Connected", timeout=10_000
        )
    assert TITLE in notified.args[0]
    assert "Nearing 25%" in notified.args[1]
    qtbot.waitUntil(banner.isVisible, timeout=3000)
    assert "nearing the included phone share" in banner.text.text()
    assert "video call" in banner.video_hint.text()
    assert window.main.tasks.gauge.level.value == "nearing"
    # 900 s included of 3600 s working time, ~720 s used: about 3 minutes left at this pace.
    forecast = window.main.in_call.forecast_label.text()
    assert re.fullmatch(r"At this pace this task passes 25% in [23] min\.", forecast), forecast
    window.main.in_call.hangup_button.click()
    qtbot.waitUntil(lambda: not window.main.in_call.isVisible(), timeout=10_000)

    # Tell the customer: the Telefonfaktor DE message with budget × factor, posted to the chat,
    # and the budget raised on my-vpa with the same click (the demo allows it).
    banner.message_button.click()
    dialog = banner.dialog
    assert isinstance(dialog, TelefonfaktorDialog)
    assert "Telefonfaktor DE" in dialog.windowTitle()
    assert dialog.raise_budget.isChecked()
    assert "von 120 Minuten (2:00 Std.) auf 144 Minuten (2:24 Std.) erhöht" in (
        dialog.text.toPlainText()
    )
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert "raised the task's budget from 120 minutes (2:00 h) to 144 minutes (2:24 h)" in (
        dialog.text.toPlainText()
    )
    dialog.post_button.click()
    qtbot.waitUntil(lambda: len(state.chat_messages) == 1, timeout=10_000)
    posted = state.chat_messages[0]
    assert posted["task_id"] == TASK
    assert "144 minutes" in posted["text"]
    demo_task = next(t for t in state.users["demo"].tasks if t.id == TASK)
    assert demo_task.budget_minutes == 144  # raised before the message was posted

    # Tell the admin team that this task needs more phone time than planned.
    banner.admin_button.click()
    note = banner.dialog
    assert isinstance(note, AdminNoteDialog)
    assert TITLE in note.text.toPlainText()
    note.send_button.click()
    qtbot.waitUntil(lambda: len(state.admin_requests) == 1, timeout=10_000)
    request = state.admin_requests[0]
    assert (request["kind"], request["task_id"]) == ("more_phoning", TASK)

    # Switch the task's area: German calls by a back-office VPA → Back-office telephony DE.
    assert "Back-office telephony DE" in banner.area_button.text()
    banner.area_button.click()
    qtbot.waitUntil(lambda: demo_task.telephony_area == "backoffice_de", timeout=10_000)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)  # the customer pays now
    assert "factor 1.2" in window.main.tasks.area_box.currentText()
