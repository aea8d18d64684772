"""A working day at the desk (issue 15): clear call state, the country and the work timer
that follow the VPA, keyboard paths that work from anywhere."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.e2e.conftest import App
from vpaphone.ui.requests import AdminNoteDialog

pytestmark = [pytest.mark.gui, pytest.mark.keyring, pytest.mark.slow]

DE_TASK = "T-1002"
OTHER_TASK = "T-1007"
NONE_TASK = "T-1001"  # no telephony area: the VPA says which kind of calls it needs


def _signed_in(app: App, task: str = DE_TASK) -> None:
    app.sign_in()
    app.signed_in()
    app.pick_task(task)


def test_muted_is_obvious_and_sent_keys_are_shown(app: App) -> None:
    _signed_in(app)
    panel = app.call_until_connected("0221 8282 9980")
    assert not panel.muted_badge.isVisible()
    panel.mute_button.click()
    app.qtbot.waitUntil(
        lambda: app.services.phone.call is not None and app.services.phone.call.muted
    )
    assert panel.muted_badge.isVisible()
    assert panel.mute_button.text() == "Unmute"
    assert "#c62828" in panel.mute_button.styleSheet()  # red, not a slightly darker button
    panel.keypad_button.click()
    for key in "12#":
        panel.dialpad.press(key)
    assert panel.digits_label.isVisible()
    assert panel.digits_label.text() == "Keys sent: 12#"
    panel.hangup_button.click()
    app.qtbot.waitUntil(lambda: not panel.isVisible(), timeout=10_000)


def test_the_country_resets_after_a_call_and_the_target_is_shown(app: App) -> None:
    """Issue 15.4: with Italy still picked, Cologne's 0221 1234567 became a Milan number."""
    _signed_in(app)
    dialer = app.window.main.dialer
    dialer.picker.set_country("IT")
    app.type_number("02 2112 3456")
    assert dialer.target_label.text() == "Calls +39 02 2112 3456 in Italy (zone EU)"
    app.call_until_connected("02 2112 3456")
    main = app.window.main
    main.in_call.hangup_button.click()
    app.qtbot.waitUntil(lambda: not main.in_call.isVisible(), timeout=10_000)
    assert dialer.picker.country() == "DE"
    assert dialer.number.text() == ""
    app.type_number("0221 1234567")
    assert dialer.target_label.text() == "Calls +49 221 1234567 in Germany (zone Germany)"


def test_a_failure_reason_stays_until_the_next_action(app: App) -> None:
    _signed_in(app)
    dialer = app.window.main.dialer
    dialer.show_outcome("The line is busy")  # as the phone page does when a call fails
    assert dialer.outcome_label.isVisible()
    app.qtbot.wait(300)
    assert dialer.outcome_label.isVisible()  # not a 15 s status-bar message
    app.qtbot.keyClicks(dialer.number.edit, "0")
    assert not dialer.outcome_label.isVisible()


def test_the_work_timer_is_offered_on_a_call_and_a_task_switch_says_it_stopped(app: App) -> None:
    _signed_in(app)
    main = app.window.main
    panel = app.call_until_connected("0221 8282 9980")
    assert panel.work_prompt.isVisible()
    assert "Work timer off" in panel.work_prompt.text()
    panel.work_prompt.click()
    assert app.services.tasks.work_running
    assert not panel.work_prompt.isVisible()
    panel.hangup_button.click()
    app.qtbot.waitUntil(lambda: not panel.isVisible(), timeout=10_000)
    app.pick_task(OTHER_TASK)
    note = main.tasks.work_note
    assert note.isVisible()
    assert "Lieferanten nachfassen" in note.text()
    assert not app.services.tasks.work_running


def test_ctrl_l_reaches_the_number_from_the_history_tab(app: App) -> None:
    _signed_in(app)
    main = app.window.main
    main.tabs.setCurrentWidget(main.history)
    app.window.activateWindow()
    app.qtbot.keyClick(app.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert main.tabs.currentWidget() is main.phone_page
    app.qtbot.waitUntil(main.dialer.number.edit.hasFocus, timeout=3000)


def test_task_search_and_enter_takes_the_match_not_the_current_task(app: App) -> None:
    _signed_in(app)
    panel = app.window.main.tasks
    panel.search.setText("Fördermittel")
    panel.search.setFocus()
    app.qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    active = app.services.tasks.active_task
    assert active is not None
    assert active.id == OTHER_TASK
    assert QApplication.focusWidget() is not None


def test_headset_call_keys_mute_and_hang_up(app: App) -> None:
    """A headset's mute and call buttons (and a keyboard's call keys) act on the call."""
    _signed_in(app)
    panel = app.call_until_connected("0221 8282 9980")
    target = QApplication.focusWidget() or app.window
    app.qtbot.keyClick(target, Qt.Key.Key_MicMute)
    app.qtbot.waitUntil(
        lambda: app.services.phone.call is not None and app.services.phone.call.muted
    )
    assert panel.muted_badge.isVisible()
    target = QApplication.focusWidget() or app.window
    app.qtbot.keyClick(target, Qt.Key.Key_ToggleCallHangup)
    app.qtbot.waitUntil(lambda: app.services.phone.call is None, timeout=10_000)


def test_typing_never_loads_phonenumbers_geodata(app: App) -> None:
    """Issue 19: the hint for a partial number loaded phonenumbers' geocoder — all of its
    geodata, ~100 MiB for the rest of the day and a 0.36 s stall at the first keystroke."""
    import sys

    _signed_in(app)
    dialer = app.window.main.dialer
    for typed in ("0", "02", "0221 1", "+4", "+49 221", "020 7946 0958", "+1 212 555 0100"):
        dialer.number.clear()
        app.qtbot.keyClicks(dialer.number.edit, typed)
        dialer.dial()  # the error texts name countries too
    loaded = [name for name in sys.modules if name.startswith("phonenumbers.geo")]
    assert loaded == []


def _hang_up_from(app: App, dialog: QWidget, by_key: bool) -> None:
    """With `dialog` open over the call: Ctrl+Shift+H typed into the dialog, or a click on
    Hang up (no modal window may block the main window), ends the call."""
    app.qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert QApplication.activeModalWidget() is None
    if by_key:
        dialog.activateWindow()  # the VPA is typing in it
        app.qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
        target = dialog.focusWidget() or dialog
        teams = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        app.qtbot.keyClick(target, Qt.Key.Key_H, teams)
    else:
        app.qtbot.mouseClick(app.window.main.in_call.hangup_button, Qt.MouseButton.LeftButton)
    app.qtbot.waitUntil(lambda: app.services.phone.call is None, timeout=10_000)
    assert dialog.isVisible()  # what the VPA was writing is still there
    dialog.close()


def test_hang_up_works_while_any_dialog_is_open(app: App) -> None:
    """Issue 15.1: while the sales notice or the message dialog was open, neither Hang up nor
    Ctrl+Shift+H worked."""
    _signed_in(app, NONE_TASK)
    main = app.window.main
    kind = main.tasks.calls_kind
    kind.setCurrentIndex(kind.findData("sales"))
    kind.activated.emit(kind.currentIndex())
    app.call_until_connected("0221 8282 9980")  # the first sales call opens the notice itself
    notice = main.banner.dialog
    assert isinstance(notice, AdminNoteDialog)
    _hang_up_from(app, notice, by_key=True)

    openers: list[tuple[Callable[[], None], Callable[[], QWidget | None]]] = [
        (app.window.open_settings, lambda: app.window.dialog),
        (main.tasks.prepare_message, lambda: main.tasks.dialog),
        (main.tasks.ask_for_quote, lambda: main.tasks.dialog),
        (main.tasks.tell_about_project, lambda: main.tasks.dialog),
        (main.banner.tell_admin_team, lambda: main.banner.dialog),
    ]
    for number, (open_dialog, opened) in enumerate(openers):
        app.call_until_connected("0221 8282 9980")
        open_dialog()
        dialog = opened()
        assert dialog is not None
        _hang_up_from(app, dialog, by_key=number % 2 == 0)
    assert len(app.services.store.calls.recent()) == 6
