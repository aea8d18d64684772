"""Screenshots of the main states, English and German, for docs/screenshots/ and the README.

Runs the real app against the demo my-vpa and the demo customer (a real call), with a private
PulseAudio server (tests.fixtures.pulseaudio: a headset and speakers), under Xvfb:

    tests/run-suite xvfb-run -a env QT_QPA_PLATFORM=xcb .venv/bin/python -m tests.e2e.screenshots

One process per language (translations are installed before any widget exists).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
TASK = "T-1001"  # near the threshold: the banner shows


def _wait(app: object, condition: Callable[[], bool], timeout: float = 20.0) -> None:
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("screenshot state not reached")
        app.processEvents()
        time.sleep(0.02)


def _settle(app: object, seconds: float = 0.4) -> None:
    """Let timers, the engine and repaints run for a while."""
    end = time.monotonic() + seconds
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def shoot(language: str) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from vpaphone.app.backend import Backend
    from vpaphone.app.services import AppServices
    from vpaphone.demo.backend import DEMO_KEYCHAIN_SERVICE
    from vpaphone.demo.launch import start_peer, stop_peer
    from vpaphone.demo.server import DemoServer, DemoState
    from vpaphone.demo.tls import make_certificates
    from vpaphone.myvpa.transport import TransportConfig
    from vpaphone.ui.i18n import LANGUAGE_KEY, install_translations
    from vpaphone.ui.mainwindow import MainWindow
    from vpaphone.ui.requests import TelefonfaktorDialog

    out = OUT / language
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("vpaphone")
    with tempfile.TemporaryDirectory(prefix="shots-") as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue(LANGUAGE_KEY, language)
        install_translations(app, settings)
        certificates = make_certificates(Path(tmp) / "tls")
        from vpaphone.demo.server import free_port

        peer_port = free_port()
        server = DemoServer(DemoState(sip_domain=f"127.0.0.1:{peer_port}"), certificates).start()
        peer = start_peer(peer_port)
        backend = Backend(
            TransportConfig(server.base_url, ca_bundle=certificates.ca_file),
            None,
            f"{DEMO_KEYCHAIN_SERVICE} screenshots",
            Path(tmp) / "data",
            ("demo", "demo"),
        )
        services = AppServices(backend, settings)
        window = MainWindow(services, confirm=lambda parent, issue: True)
        window.resize(1100, 720)
        window.show()
        try:
            services.session.check_keychain()
            _settle(app, 1.0)
            window.grab().save(str(out / "1-sign-in.png"))

            window.signin.password.setText("demo")
            window.signin.button.click()
            _wait(app, lambda: window.pages.currentIndex() == 1)
            index = window.main.tasks.picker.findData(TASK)
            window.main.tasks.picker.setCurrentIndex(index)
            window.main.tasks.picker.activated.emit(index)
            services.tasks.start_work()
            window.main.dialer.picker.set_country("DE")
            window.main.dialer.set_number("0221 82829980")
            _settle(app, 1.5)
            window.grab().save(str(out / "2-main-task-near-threshold.png"))

            window.main.dialer.call_button.click()
            _wait(
                app,
                lambda: (
                    services.phone.call is not None and services.phone.call.answered_at is not None
                ),
            )
            _settle(app, 3.2)
            window.grab().save(str(out / "3-in-call.png"))
            window.main.phone_page.in_call.transfer_button.click()
            window.main.phone_page.transfer.dialer.set_number("0221 4711 0815")
            _settle(app, 0.5)
            window.grab().save(str(out / "9-transfer.png"))
            window.main.phone_page.transfer.cancel()
            services.phone.hangup()
            _wait(app, lambda: services.phone.call is None)
            _settle(app, 1.0)

            window.main.tabs.setCurrentWidget(window.main.history)
            _settle(app, 0.5)
            window.grab().save(str(out / "4-history.png"))
            window.main.history.table.selectRow(0)
            window.main.history.retag_button.click()
            _settle(app, 0.5)
            window.grab().save(str(out / "10-history-change-task.png"))
            window.main.history.retag_bar.hide()
            window.main.tasks.grab().save(str(out / "8-task-area-budget.png"))
            window.main.tabs.setCurrentWidget(window.main.phone_page)

            task = services.tasks.active_task
            assert task is not None
            dialog = TelefonfaktorDialog(
                services.session, services.tasks, services.requests, task, window
            )
            dialog.show()
            _settle(app, 0.5)
            dialog.grab().save(str(out / "5-telefonfaktor-message.png"))
            dialog.close()

            window.main.dialer.set_number("+1 202 456 1111")
            _settle(app, 0.5)
            window.grab().save(str(out / "6-blocked-non-eu.png"))
        finally:
            services.tasks.stop_work()
            services.close()
            stop_peer(peer)
            server.stop()
    print(f"screenshots ({language}) in {out}")


def main(argv: list[str]) -> int:
    if argv:  # one language, in this process, with a sound server: a headset and speakers
        from tests.fixtures.pulseaudio import pulse_server

        with pulse_server():
            shoot(argv[0])
        return 0
    for language in ("en", "de"):
        env = {**os.environ, "LANG": "C.UTF-8"}
        subprocess.run(
            [sys.executable, "-m", "tests.e2e.screenshots", language], env=env, check=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
