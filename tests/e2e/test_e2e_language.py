"""A new UI language shows after a restart: the app offers one at once, except during a call."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QMessageBox

from tests.e2e.conftest import App
from vpaphone.ui.i18n import LANGUAGE_KEY
from vpaphone.ui.widgets.settings_dialog import SettingsDialog

pytestmark = [pytest.mark.gui, pytest.mark.keyring, pytest.mark.slow]

NEXT_START = "The new language is used from the next start of the softphone."


@pytest.fixture(autouse=True)
def _system_language() -> Iterator[None]:
    """The app's QSettings start at the system's language and are left that way."""
    QSettings().setValue(LANGUAGE_KEY, "")
    yield
    QSettings().setValue(LANGUAGE_KEY, "")


def choose_german(app: App) -> None:
    app.window.open_settings()
    dialog = app.window.dialog
    assert isinstance(dialog, SettingsDialog)
    app.qtbot.waitUntil(dialog.isVisible, timeout=3000)
    language = dialog.general.language
    language.setCurrentIndex(language.findData("de"))
    dialog.accept()


def answer_question(app: App, button: str, seen: list[str]) -> None:
    """Clicks `button` in the question box as soon as it shows; records its texts."""

    def click() -> None:
        box = app.window.restart_box
        if not isinstance(box, QMessageBox) or not box.isVisible():
            QTimer.singleShot(20, click)
            return
        seen.extend([box.text(), box.informativeText()])
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(20, click)


def test_restart_now_after_choosing_german(app: App) -> None:
    app.sign_in()  # "stay signed in" off: after a restart the password is asked again
    app.signed_in()
    seen: list[str] = []
    answer_question(app, "Restart now", seen)
    with app.qtbot.waitSignal(app.window.restart_requested, timeout=5000):
        choose_german(app)
    assert seen == [
        "The softphone shows the new language after a restart.",
        "You will need to sign in again.",
    ]
    assert QSettings().value(LANGUAGE_KEY) == "de"


def test_later_keeps_running_and_says_when_the_language_changes(app: App) -> None:
    app.sign_in()
    app.signed_in()
    seen: list[str] = []
    answer_question(app, "Later", seen)
    with app.qtbot.assertNotEmitted(app.window.restart_requested, wait=500):
        choose_german(app)
        app.qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert app.window.statusBar().currentMessage() == NEXT_START
    assert app.window.isVisible()


def test_during_a_call_no_restart_is_offered(app: App) -> None:
    app.sign_in()
    app.signed_in()
    app.pick_task("T-1002")
    panel = app.call_until_connected("0221 8282 9980")
    with app.qtbot.assertNotEmitted(app.window.restart_requested, wait=500):
        choose_german(app)
        app.qtbot.waitUntil(
            lambda: app.window.statusBar().currentMessage() == NEXT_START, timeout=3000
        )
    assert app.window.restart_box is None
    assert panel.state_label.text() == "Connected"  # the call goes on
    panel.hangup_button.click()
    app.qtbot.waitUntil(lambda: not panel.isVisible(), timeout=10_000)
