"""Sign-in against the demo my-vpa over HTTPS: wrong password, then right; what the VPA sees."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import App

pytestmark = [pytest.mark.gui, pytest.mark.keyring, pytest.mark.slow]


def test_wrong_password_says_so_and_keeps_the_user_name(app: App) -> None:
    page = app.window.signin
    assert "demo" in page.demo.text()
    assert page.demo.isVisible()
    assert app.server.base_url in page.server.text()
    app.sign_in(password="not-the-password")
    app.qtbot.waitUntil(page.error.isVisible, timeout=15_000)
    assert "Wrong user name or password" in page.error.text()
    assert page.user.text() == "demo"
    assert page.button.isEnabled()
    assert app.window.pages.currentIndex() == 0


def test_empty_password_is_refused_before_asking_the_server(app: App) -> None:
    page = app.window.signin
    page.user.setText("demo")
    page.password.clear()
    page.button.click()
    assert page.error.text() == "Enter your my-vpa password."
    assert "signIn" not in app.server.state.requests


def test_locked_account_has_its_own_message(app: App) -> None:
    app.sign_in(user="locked")
    page = app.window.signin
    app.qtbot.waitUntil(page.error.isVisible, timeout=15_000)
    assert "locked" in page.error.text()
    assert "admin team" in page.error.text()


def test_right_password_shows_the_main_window(app: App) -> None:
    app.sign_in()
    app.signed_in()
    window = app.window
    assert window.main.caller_id.text() == "Outgoing calls show +49 221 82829-980"
    assert window.main.user_label.text() == "Dana Demo"
    app.qtbot.waitUntil(lambda: "Ready" in window.main.registration.text(), timeout=10_000)
    picker = window.main.tasks.picker
    ids = [picker.itemData(i) for i in range(picker.count())]
    assert {"T-1001", "T-1003", "T-1007"} <= set(ids)
    # No task yet: calling is blocked with the reason, before anything is typed.
    assert not window.main.dialer.call_button.isEnabled()
    assert "No active task" in window.main.dialer.reason_label.text()
