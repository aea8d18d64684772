"""A sales VPA with an individual number, provisioned onto a real Kamailio, calls and is called by
a real baresip phone: registration, caller ID, the sales notice, outgoing and incoming calls."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import App
from tests.fixtures.baresip import Baresip, baresip_phone  # noqa: F401
from tests.fixtures.kamailio import Kamailio, start_kamailio
from tests.fixtures.mpris import playerctl, players
from vpaphone import APP_NAME
from vpaphone.demo.data import DemoUser
from vpaphone.demo.server import DemoState
from vpaphone.ui.requests import AdminNoteDialog
from vpaphone.ui.widgets.incoming import IncomingCallDialog
from vpaphone.ui.widgets.settings_dialog import SettingsDialog

pytestmark = [
    pytest.mark.gui,
    pytest.mark.keyring,
    pytest.mark.kamailio,
    pytest.mark.baresip,
    pytest.mark.slow,
]

OWN_NUMBER = "+4922182829987"  # the demo sales VPA's individual number
CUSTOMER = "+4922112345678"  # baresip, a customer's phone
SALES_TASK = "T-1004"  # Sales telephony DE


@dataclass
class KamailioDemoState(DemoState):
    """The demo my-vpa, provisioning SIP accounts on the test Kamailio instead of the demo peer."""

    kamailio: Kamailio | None = None

    def provisioning(self, user: DemoUser) -> dict[str, Any]:
        data = super().provisioning(user)
        assert self.kamailio is not None
        assert user.individual_number is not None
        address = self.kamailio.address("udp")
        data["sip"].update(
            registrar=address,
            domain=self.kamailio.domain,
            username=user.individual_number,
            password=self.kamailio.users[user.individual_number],
            register=True,
            outbound_proxy=address,
        )
        return data


@pytest.fixture
def kamailio(tmp_path: Path) -> Iterator[Kamailio]:
    directory = tmp_path / "kamailio"
    directory.mkdir()
    users = {OWN_NUMBER: "sales-line-secret", CUSTOMER: "customer-secret"}
    with start_kamailio(directory, users=users) as kam:
        yield kam


@pytest.fixture
def demo_state_factory(kamailio: Kamailio) -> Callable[[int], DemoState]:
    return lambda peer_port: KamailioDemoState(sip_domain=kamailio.domain, kamailio=kamailio)


def test_sales_vpa_calls_a_customer_and_takes_a_call(
    app: App,
    kamailio: Kamailio,
    baresip_phone: Callable[..., Baresip],  # noqa: F811
) -> None:
    window, qtbot, state = app.window, app.qtbot, app.server.state
    customer = baresip_phone(kamailio, CUSTOMER)
    app.sign_in(user="sales")
    app.signed_in()
    assert window.main.caller_id.text() == "Outgoing calls show your number +49 221 82829987"
    qtbot.waitUntil(lambda: "registered" in window.main.registration.text(), timeout=15_000)
    assert kamailio.registered_contacts(OWN_NUMBER)

    # Outgoing: the first call of a sales VPA on a task offers the notice to the admin team.
    app.pick_task(SALES_TASK)
    window.main.dialer.picker.set_country("DE")
    app.type_number("0221 12345678")
    qtbot.waitUntil(window.main.dialer.call_button.isEnabled, timeout=3000)
    window.main.dialer.call_button.click()
    customer.wait_event("CALL_ESTABLISHED", timeout=15)
    qtbot.waitUntil(lambda: window.main.in_call.state_label.text() == "Connected", timeout=10_000)
    notice = window.main.banner.dialog
    assert isinstance(notice, AdminNoteDialog)
    assert "company system" in notice.text.toPlainText()
    notice.send_button.click()
    qtbot.waitUntil(lambda: len(state.admin_requests) == 1, timeout=10_000)
    assert state.admin_requests[0]["kind"] == "sales_call_notice"
    window.main.in_call.hangup_button.click()
    customer.wait_event("CALL_CLOSED", timeout=15)
    qtbot.waitUntil(lambda: not window.main.in_call.isVisible(), timeout=10_000)

    # Incoming: the customer calls back; the VPA answers it for the task.
    customer.events.clear()
    customer.command("dial", f"sip:{OWN_NUMBER}@{kamailio.domain}")
    qtbot.waitUntil(lambda: bool(window.main.incoming_dialogs), timeout=15_000)
    dialog = next(iter(window.main.incoming_dialogs.values()))
    assert isinstance(dialog, IncomingCallDialog)
    assert dialog.caller_label.text() == "+49 221 12345678"
    assert dialog.task_id() == SALES_TASK
    dialog.answer_button.click()
    customer.wait_event("CALL_ESTABLISHED", timeout=15)
    qtbot.waitUntil(lambda: window.main.in_call.state_label.text() == "Connected", timeout=10_000)
    qtbot.wait(1200)
    customer.command("hangup")
    qtbot.waitUntil(lambda: not window.main.in_call.isVisible(), timeout=10_000)

    calls = app.services.store.calls.recent()
    assert [c.record.direction.value for c in calls] == ["incoming", "outgoing"]
    assert all(c.record.task_id == SALES_TASK for c in calls)
    assert all(c.record.end_reason is not None for c in calls)
    assert calls[0].record.talk_seconds >= 1
    qtbot.waitUntil(lambda: len(state.call_records) == 2, timeout=15_000)


@pytest.mark.dbus
def test_a_headset_button_answers_and_ends_a_call_from_the_background(
    app: App,
    kamailio: Kamailio,
    baresip_phone: Callable[..., Baresip],  # noqa: F811
) -> None:
    """Issue 15: headset buttons where the platform offers them. With the setting on, the
    desktop's play/pause (what a Bluetooth headset's button becomes) answers the ringing call
    and stop ends it, through MPRIS, whichever program is active."""
    window, qtbot = app.window, app.qtbot
    customer = baresip_phone(kamailio, CUSTOMER)
    app.sign_in(user="sales")
    app.signed_in()
    qtbot.waitUntil(lambda: "registered" in window.main.registration.text(), timeout=15_000)
    app.pick_task(SALES_TASK)
    window.open_settings()
    dialog = window.settings_dialog
    assert isinstance(dialog, SettingsDialog)
    assert not dialog.general.background_keys.isChecked()  # off by default
    dialog.general.background_keys.setChecked(True)
    dialog.accept()

    customer.command("dial", f"sip:{OWN_NUMBER}@{kamailio.domain}")
    qtbot.waitUntil(lambda: bool(window.main.incoming_dialogs), timeout=15_000)
    assert playerctl(qtbot, "status") == "Playing"
    playerctl(qtbot, "play-pause")
    customer.wait_event("CALL_ESTABLISHED", timeout=15)
    qtbot.waitUntil(lambda: window.main.in_call.state_label.text() == "Connected", timeout=10_000)
    playerctl(qtbot, "stop")
    customer.wait_event("CALL_CLOSED", timeout=15)
    qtbot.waitUntil(lambda: not window.main.in_call.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: APP_NAME not in players(qtbot), timeout=5000)  # keys back to music
    calls = app.services.store.calls.recent()
    assert [(c.record.direction.value, c.record.task_id) for c in calls] == [
        ("incoming", SALES_TASK)
    ]
