"""A TLS problem with my-vpa is named in the window as what it is, not as "check your internet
connection", and logged (issue 13, failure 10)."""

from __future__ import annotations

import logging
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.e2e.conftest import Confirmations
from vpaphone.app.backend import Backend
from vpaphone.app.services import AppServices
from vpaphone.demo.server import DemoServer, DemoState
from vpaphone.demo.tls import make_certificates
from vpaphone.myvpa.transport import TransportConfig
from vpaphone.ui.mainwindow import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.keyring]


def test_an_expired_certificate_is_named_in_the_window_and_the_log(
    tmp_path: Path, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    certificates = make_certificates(tmp_path / "tls", expired=True)
    caplog.set_level(logging.WARNING, logger="vpaphone")
    with DemoServer(DemoState(), certificates) as server:
        backend = Backend(
            TransportConfig(server.base_url, ca_bundle=certificates.ca_file, retries=1),
            None,
            f"vpaphone-e2e-{uuid.uuid4()}",
            tmp_path / "data",
        )
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        services = AppServices(backend, settings)
        window = MainWindow(services, confirm=Confirmations())
        qtbot.addWidget(window)
        window.show()
        try:
            window.signin.user.setText("demo")
            window.signin.password.setText("demo")
            window.signin.button.click()
            error = window.signin.error
            qtbot.waitUntil(lambda: bool(error.text()) and error.isVisible(), timeout=15_000)
            text = error.text()
            assert "certificate has expired" in text
            assert "not a problem of your internet connection" in text
            assert "Check your internet connection" not in text
            assert "signIn" not in server.state.requests
        finally:
            services.close()
    assert any("expired" in r.getMessage() and "TLS" in r.getMessage() for r in caplog.records)
