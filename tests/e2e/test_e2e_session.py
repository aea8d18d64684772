"""Stay signed in across starts (real keychain), and sign-out that forgets everything."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.e2e.conftest import App, Confirmations
from vpaphone.app.services import AppServices
from vpaphone.myvpa.keychain import Keychain
from vpaphone.ui.mainwindow import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.keyring, pytest.mark.slow]


def test_stay_signed_in_resumes_at_the_next_start_without_a_password(
    app: App, tmp_path: Path, qtbot: QtBot
) -> None:
    app.window.signin.remember.setChecked(True)
    app.sign_in()
    app.signed_in()
    app.pick_task("T-1002")
    backend, settings = app.services.backend, app.settings
    app.services.close()  # quit

    # next start: same settings, data and keychain
    services = AppServices(backend, settings)
    window = MainWindow(services, confirm=Confirmations())
    qtbot.addWidget(window)
    window.show()
    try:
        assert services.session.resume()
        qtbot.waitUntil(lambda: window.pages.currentIndex() == 1, timeout=15_000)
        assert window.main.user_label.text() == "Dana Demo"
        active = services.tasks.active_task
        assert active is not None
        assert active.id == "T-1002"  # the active task is remembered too
        assert app.server.state.requests.count("signIn") == 1  # no second password sign-in
    finally:
        services.session.sign_out()
        qtbot.waitUntil(lambda: window.pages.currentIndex() == 0, timeout=15_000)
        services.close()
    assert Keychain(service=backend.keychain_service).load_tokens("demo") is None


def test_sign_out_forgets_tokens_and_history(app: App) -> None:
    app.sign_in()
    app.signed_in()
    app.pick_task("T-1002")
    window, qtbot, services = app.window, app.qtbot, app.services
    window.main.dialer.picker.set_country("DE")
    app.type_number("0221 8282 9980")
    qtbot.waitUntil(window.main.dialer.call_button.isEnabled, timeout=3000)
    window.main.dialer.call_button.click()
    qtbot.waitUntil(lambda: window.main.in_call.state_label.text() == "Connected", timeout=10_000)
    window.main.in_call.hangup_button.click()
    qtbot.waitUntil(lambda: window.main.history.model.rowCount() == 1, timeout=10_000)

    services.session.sign_out()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == 0, timeout=15_000)
    state = app.server.state
    assert len(state.call_records) == 1  # uploaded before the local copy went away
    assert services.store.calls.recent() == []
    assert window.main.history.model.rowCount() == 0
    assert not state.refresh_tokens  # revoked on the server
    assert window.signin.password.text() == ""
    settings = app.settings
    assert isinstance(settings, QSettings)
    assert settings.value("account/stay_signed_in", False, type=bool) is False
