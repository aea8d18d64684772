"""A German UI tells why a call or the registration failed in German, not in the engine's English:
a busy line (a real sipp answering 486) and a wrong SIP password (a real Kamailio answering 401)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import App
from tests.fixtures.kamailio import Kamailio, start_kamailio
from tests.fixtures.sipp import SippUas, sipp_uas  # noqa: F401
from vpaphone.demo.data import DemoUser
from vpaphone.demo.server import DemoState

pytestmark = [
    pytest.mark.gui,
    pytest.mark.keyring,
    pytest.mark.slow,
    pytest.mark.usefixtures("german"),  # before the app fixture builds the window
]

DE_TASK = "T-1002"  # Back-office telephony DE


@pytest.fixture
def busy_line(sipp_uas: Callable[..., SippUas]) -> SippUas:  # noqa: F811
    return sipp_uas(status=486)


@pytest.mark.sipp
@pytest.mark.parametrize("demo_state_factory", ["busy"], indirect=True)
def test_a_busy_line_is_named_in_german(app: App) -> None:
    window, qtbot = app.window, app.qtbot
    app.sign_in()
    app.signed_in()
    main = window.main
    assert main is not None
    qtbot.waitUntil(lambda: "Bereit" in main.registration.text(), timeout=10_000)
    app.pick_task(DE_TASK)
    main.dialer.picker.set_country("DE")
    app.type_number("0221 8282 9980")
    qtbot.waitUntil(main.dialer.call_button.isEnabled, timeout=3000)
    main.dialer.call_button.click()
    qtbot.waitUntil(lambda: app.services.store.calls.recent() != [], timeout=5000)
    qtbot.waitUntil(lambda: app.services.phone.call is None, timeout=10_000)
    assert window.statusBar().currentMessage() == "Die Leitung ist besetzt"


class WrongPasswordState(DemoState):
    """Provisions a real Kamailio account, with a password Kamailio does not accept."""

    kamailio: Kamailio

    def provisioning(self, user: DemoUser) -> dict[str, Any]:
        data = super().provisioning(user)
        address = self.kamailio.address("udp")
        data["sip"].update(
            registrar=address,
            domain=self.kamailio.domain,
            username="+4922182829987",
            password="not-the-password",
            register=True,
            outbound_proxy=address,
        )
        return data


@pytest.fixture
def demo_state_factory(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Callable[[int], DemoState]]:
    if getattr(request, "param", None) == "busy":
        line: SippUas = request.getfixturevalue("busy_line")
        yield lambda peer_port: DemoState(sip_domain=line.address)
        return
    (tmp_path / "kamailio").mkdir()
    with start_kamailio(tmp_path / "kamailio", users={"+4922182829987": "secret"}) as kam:

        def make(peer_port: int) -> DemoState:
            state = WrongPasswordState(sip_domain=kam.domain)
            state.kamailio = kam
            return state

        yield make


@pytest.mark.kamailio
def test_a_wrong_sip_password_is_named_in_german(app: App) -> None:
    window, qtbot = app.window, app.qtbot
    app.sign_in()
    app.signed_in()
    assert window.main is not None
    registration = window.main.registration
    qtbot.waitUntil(
        lambda: (
            registration.text() == "✕ Nicht verbunden: Falscher Benutzername oder falsches Passwort"
        ),
        timeout=15_000,
    )
