"""Screen readers and keyboard: every control has a name, and a call runs without the mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)

from tests.e2e.conftest import App
from vpaphone.ui.widgets.settings_dialog import SettingsDialog

pytestmark = [pytest.mark.gui, pytest.mark.keyring, pytest.mark.slow]

DE_TASK = "T-1002"  # Back-office telephony DE: the demo customer's German number may be called
INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QAbstractSlider,
)


def unnamed_controls(root: QWidget) -> list[str]:
    """Visible controls Tab can reach that a screen reader would announce without a name.

    The name is what Qt's accessibility layer reports (a button's text, a set accessible name).
    """
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue  # headers, scroll bars: reached through their view
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name).strip() if interface is not None else ""
        if not name:
            parent = widget.parentWidget()
            missing.append(f"{type(widget).__name__} in {type(parent).__name__}")
    return missing


def press(
    app: App, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    target = QApplication.focusWidget() or app.window
    app.qtbot.keyClick(target, key, modifier)


def test_every_control_has_an_accessible_name(app: App) -> None:
    assert unnamed_controls(app.window) == [], "sign-in form"
    app.sign_in()
    app.signed_in()
    app.pick_task(DE_TASK)
    assert unnamed_controls(app.window) == [], "main page"
    main = app.window.main
    assert main is not None
    main.tabs.setCurrentWidget(main.history)
    assert unnamed_controls(app.window) == [], "history"
    main.tabs.setCurrentIndex(0)
    banner = main.banner
    for action in (banner.message_button, banner.admin_button):
        action.click()
        assert banner.dialog is not None
        app.qtbot.waitUntil(banner.dialog.isVisible, timeout=3000)
        assert unnamed_controls(banner.dialog) == [], action.text()
        banner.dialog.close()
    app.window.open_settings()
    settings = app.window.dialog
    assert isinstance(settings, SettingsDialog)
    app.qtbot.waitUntil(settings.isVisible, timeout=3000)
    for page in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(page)
        assert unnamed_controls(settings) == [], settings.tabs.tabText(page)
    settings.close()
    panel = app.call_until_connected("0221 8282 9980")
    assert unnamed_controls(app.window) == [], "in call"
    panel.hangup_button.click()
    app.qtbot.waitUntil(lambda: not panel.isVisible(), timeout=10_000)


def test_sign_in_dial_and_hang_up_with_the_keyboard_only(app: App) -> None:
    window, qtbot = app.window, app.qtbot
    with qtbot.waitActive(window):
        window.activateWindow()
    signin = window.signin
    # The user name is known (here: the demo's), so the cursor waits in the password field.
    assert signin.user.text() == "demo"
    qtbot.waitUntil(signin.password.hasFocus, timeout=3000)
    press(app, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert signin.user.hasFocus()
    press(app, Qt.Key.Key_Tab)
    assert signin.password.hasFocus()
    qtbot.keyClicks(signin.password, "demo")
    press(app, Qt.Key.Key_Return)
    app.signed_in()
    app.pick_task(DE_TASK)

    press(app, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # to the number field
    number = window.main.dialer.number
    qtbot.waitUntil(number.edit.hasFocus, timeout=3000)
    qtbot.keyClicks(number.edit, "0221 8282 9980")
    press(app, Qt.Key.Key_Return)
    panel = window.main.in_call
    qtbot.waitUntil(lambda: panel.state_label.text() == "Connected", timeout=10_000)

    # Teams' keys: Ctrl+Shift+M mutes and unmutes.
    teams = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    press(app, Qt.Key.Key_M, teams)
    qtbot.waitUntil(
        lambda: app.services.phone.call is not None and app.services.phone.call.muted, timeout=3000
    )
    assert panel.mute_button.isChecked()
    press(app, Qt.Key.Key_M, teams)
    qtbot.waitUntil(
        lambda: app.services.phone.call is not None and not app.services.phone.call.muted,
        timeout=3000,
    )

    # Tab reaches every call control, Hang up too; Space presses it.
    for _ in range(20):
        if panel.hangup_button.hasFocus():
            break
        press(app, Qt.Key.Key_Tab)
    assert panel.hangup_button.hasFocus(), f"Tab stopped at {QApplication.focusWidget()!r}"
    press(app, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=10_000)
    assert app.services.phone.call is None


def test_hang_up_with_teams_keys(app: App) -> None:
    app.sign_in()
    app.signed_in()
    app.pick_task(DE_TASK)
    with app.qtbot.waitActive(app.window):
        app.window.activateWindow()
    panel = app.call_until_connected("0221 8282 9980")
    assert "Ctrl+Shift+H" in panel.hangup_button.toolTip()
    teams = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    press(app, Qt.Key.Key_H, teams)
    app.qtbot.waitUntil(lambda: not panel.isVisible(), timeout=10_000)
    assert app.services.phone.call is None
