"""The whole app against real components: the demo my-vpa over HTTPS (test CA), the demo
customer SIP peer (pjsua2, echoes), gnome-keyring of the suite sandbox; Kamailio and baresip
where a test asks for them. Every process a test starts is stopped by its fixture."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.fixtures.demo_server import PeerProcess, demo_certificates, demo_peer  # noqa: F401
from vpaphone.app.backend import Backend
from vpaphone.app.services import AppServices
from vpaphone.demo.server import DemoServer, DemoState
from vpaphone.demo.tls import DemoCertificates
from vpaphone.myvpa.transport import TransportConfig
from vpaphone.ui.mainwindow import MainWindow
from vpaphone.ui.widgets.in_call import InCallPanel

DEMO_USER, DEMO_PASSWORD = "demo", "demo"


@dataclass
class Confirmations:
    """Stands in for the user at the 'call anyway?' question: records it, answers as told."""

    answer: bool = True
    asked: list[str] | None = None

    def __call__(self, parent: QWidget, issue: str) -> bool:
        if self.asked is None:
            self.asked = []
        self.asked.append(issue)
        return self.answer


@dataclass
class App:
    services: AppServices
    window: MainWindow
    server: DemoServer
    confirmations: Confirmations
    qtbot: QtBot
    settings: QSettings

    def sign_in(self, user: str = DEMO_USER, password: str = DEMO_PASSWORD) -> None:
        page = self.window.signin
        page.user.setText(user)
        page.password.setText(password)
        page.button.click()

    def signed_in(self, timeout: int = 15_000) -> None:
        self.qtbot.waitUntil(lambda: self.window.pages.currentIndex() == 1, timeout=timeout)

    def pick_task(self, task_id: str) -> None:
        picker = self.window.main.tasks.picker
        index = picker.findData(task_id)
        assert index >= 0, f"{task_id} not in the task picker"
        picker.setCurrentIndex(index)
        picker.activated.emit(index)
        active = self.services.tasks.active_task
        assert active is not None
        assert active.id == task_id

    def type_number(self, text: str) -> None:
        self.window.main.dialer.set_number(text)

    def call_until_connected(self, text: str) -> InCallPanel:
        """Types `text`, clicks Call and waits for the demo customer to answer."""
        self.type_number(text)
        dialer = self.window.main.dialer
        self.qtbot.waitUntil(dialer.call_button.isEnabled, timeout=3000)
        dialer.call_button.click()
        panel = self.window.main.in_call
        self.qtbot.waitUntil(lambda: panel.state_label.text() == "Connected", timeout=10_000)
        return panel


@pytest.fixture
def demo_state_factory() -> Callable[[int], DemoState]:
    """Tests may adapt the demo world (tasks near the threshold) before the server starts."""
    return lambda peer_port: DemoState(sip_domain=f"127.0.0.1:{peer_port}")


@pytest.fixture
def app_server(
    demo_certificates: DemoCertificates,  # noqa: F811
    demo_peer: PeerProcess,  # noqa: F811
    demo_state_factory: Callable[[int], DemoState],
) -> Iterator[DemoServer]:
    server = DemoServer(demo_state_factory(demo_peer.port), demo_certificates).start()
    try:
        yield server
    finally:
        server.stop()


def make_backend(server: DemoServer, data_dir: Path) -> Backend:
    assert server.certificates is not None
    transport = TransportConfig(
        server.base_url, ca_bundle=server.certificates.ca_file, retries=1, backoff=0.01
    )
    return Backend(
        transport,
        None,
        f"vpaphone-e2e-{uuid.uuid4()}",  # a keychain service of its own, in the sandbox keyring
        data_dir,
        (DEMO_USER, DEMO_PASSWORD),
    )


@pytest.fixture
def app(app_server: DemoServer, tmp_path: Path, qtbot: QtBot) -> Iterator[App]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    services = AppServices(make_backend(app_server, tmp_path / "data"), settings)
    confirmations = Confirmations()
    window = MainWindow(services, confirm=confirmations)
    qtbot.addWidget(window)
    window.show()
    try:
        yield App(services, window, app_server, confirmations, qtbot, settings)
    finally:
        if services.session.active:
            services.net.submit(
                lambda ctx: ctx.keychain.forget_user(DEMO_USER), lambda _: None, lambda _: None
            )
        services.close()
