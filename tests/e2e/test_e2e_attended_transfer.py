"""Issue 14, attended transfer, against real phones through a real Kamailio: a customer
(baresip) calls the sales VPA; she talks to a colleague (baresip) first while the customer
waits on hold, then connects them (REFER with Replaces: the customer's phone calls the
colleague, the VPA's two calls end, the colleague's call with the customer stays up) — or
ends the consultation and goes back to the customer. Every leg keeps its own record with the
task; the customer's record names the transfer target and when the transfer began (the split),
in the store and at my-vpa."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import App
from tests.e2e.test_e2e_kamailio import OWN_NUMBER, SALES_TASK, KamailioDemoState
from tests.fixtures.baresip import Baresip, baresip_phone  # noqa: F401
from tests.fixtures.kamailio import Kamailio, start_kamailio
from vpaphone.app.calls import DialRefusedError, RefusalKind
from vpaphone.core.numbers import parse_dial_input
from vpaphone.demo.server import DemoState
from vpaphone.texts.notices import dial_refused_text
from vpaphone.ui.widgets.history import shown_number

pytestmark = [
    pytest.mark.gui,
    pytest.mark.keyring,
    pytest.mark.kamailio,
    pytest.mark.baresip,
    pytest.mark.slow,
]

CUSTOMER = "+4922112345678"  # who calls the VPA
COLLEAGUE = "+4922155501234"  # whom the VPA hands the customer over to


@pytest.fixture
def kamailio(tmp_path: Path) -> Iterator[Kamailio]:
    directory = tmp_path / "kamailio"
    directory.mkdir()
    users = {
        OWN_NUMBER: "sales-line-secret",
        CUSTOMER: "customer-secret",
        COLLEAGUE: "colleague-secret",
    }
    with start_kamailio(directory, users=users) as kam:
        yield kam


@pytest.fixture
def demo_state_factory(kamailio: Kamailio) -> Callable[[int], DemoState]:
    return lambda peer_port: KamailioDemoState(sip_domain=kamailio.domain, kamailio=kamailio)


def _customer_calls(app: App, kamailio: Kamailio, customer: Baresip) -> None:
    """Signed in and registered; the customer calls and the VPA answers for the sales task."""
    window, qtbot = app.window, app.qtbot
    app.sign_in(user="sales")
    app.signed_in()
    qtbot.waitUntil(lambda: "registered" in window.main.registration.text(), timeout=15_000)
    app.pick_task(SALES_TASK)
    customer.command("dial", f"sip:{OWN_NUMBER}@{kamailio.domain}")
    qtbot.waitUntil(lambda: bool(window.main.incoming_dialogs), timeout=15_000)
    dialog = next(iter(window.main.incoming_dialogs.values()))
    dialog.answer_button.click()
    customer.wait_event("CALL_ESTABLISHED", timeout=15)
    qtbot.waitUntil(lambda: window.main.in_call.state_label.text() == "Connected", timeout=10_000)


def _consult(app: App, colleague: Baresip) -> None:
    """Transfer… → the colleague's number → "Talk to them first": the customer is held."""
    window, qtbot = app.window, app.qtbot
    page, in_call = window.main.phone_page, window.main.in_call
    in_call.transfer_button.click()
    panel = page.transfer
    assert panel.isVisible()
    assert panel.consult_button.isVisible()
    panel.dialer.picker.set_country("DE")
    panel.dialer.set_number("0221 55501234")
    qtbot.waitUntil(panel.consult_button.isEnabled, timeout=3000)
    panel.consult_button.click()
    colleague.wait_event("CALL_ESTABLISHED", timeout=15)
    qtbot.waitUntil(page.held_bar.isVisible, timeout=10_000)
    qtbot.waitUntil(lambda: page.held_bar.label.text().startswith("On hold"), timeout=10_000)
    assert in_call.number_label.text() == shown_number(COLLEAGUE)
    qtbot.waitUntil(in_call.connect_them_button.isEnabled, timeout=10_000)
    assert in_call.back_button.isVisible()
    assert not in_call.transfer_button.isVisible()


def test_connect_them_hands_the_customer_over_and_records_the_split(
    app: App,
    kamailio: Kamailio,
    baresip_phone: Callable[..., Baresip],  # noqa: F811
) -> None:
    window, qtbot, state = app.window, app.qtbot, app.server.state
    customer = baresip_phone(kamailio, CUSTOMER, tone_hz=1000)
    colleague = baresip_phone(kamailio, COLLEAGUE, auto_answer=True, tone_hz=700)
    _customer_calls(app, kamailio, customer)
    qtbot.wait(1200)  # talk time before the transfer
    _consult(app, colleague)
    qtbot.wait(500)

    window.main.in_call.connect_them_button.click()
    # The customer's phone calls the colleague; both of the VPA's calls end.
    qtbot.waitUntil(lambda: not window.main.in_call.isVisible(), timeout=20_000)
    assert app.services.phone.call is None
    assert app.services.phone.held is None
    qtbot.waitUntil(
        lambda: len([e for e in colleague.events if e.get("type") == "CALL_ESTABLISHED"]) == 2,
        timeout=15_000,
    )
    established = [e for e in colleague.events if e.get("type") == "CALL_ESTABLISHED"]
    from_customer = established[1]
    assert CUSTOMER in str(from_customer.get("peeruri", "")), from_customer
    # … and that call stays up after the VPA left
    qtbot.wait(2000)
    closed = [e for e in colleague.events if e.get("type") == "CALL_CLOSED"]
    assert all(e.get("id") != from_customer.get("id") for e in closed), closed
    customer.command("hangup")
    colleague.wait_event(
        "CALL_CLOSED", timeout=15, predicate=lambda e: e.get("id") == from_customer.get("id")
    )

    # Two legs, two records, both for the task; the customer's names the target and the split.
    calls = [c.record for c in app.services.store.calls.recent()]
    assert [(c.direction.value, c.e164, c.task_id) for c in calls] == [
        ("outgoing", COLLEAGUE, SALES_TASK),  # the consultation
        ("incoming", CUSTOMER, SALES_TASK),
    ]
    consultation, handed_over = calls
    assert consultation.transferred_to is None
    assert handed_over.transferred_to == COLLEAGUE
    assert handed_over.answered_at is not None
    assert handed_over.transferred_at is not None
    assert handed_over.ended_at is not None
    assert handed_over.answered_at < handed_over.transferred_at <= handed_over.ended_at
    before = handed_over.talk_seconds_before_transfer
    assert before is not None
    assert before >= 1.5
    assert before <= handed_over.talk_seconds
    assert consultation.talk_seconds > 0
    assert all(c.end_reason is not None and c.end_reason.value == "completed" for c in calls)
    history = window.main.history
    history.scope.setCurrentIndex(0)  # all calls
    qtbot.waitUntil(lambda: history.model.rowCount() == 2, timeout=5000)
    qtbot.waitUntil(lambda: len(state.call_records) == 2, timeout=20_000)
    uploaded = state.call_records[handed_over.id]
    assert uploaded["transferred_to"] == COLLEAGUE
    assert uploaded["transferred_at"].endswith("Z")
    assert "transferred_to" not in state.call_records[consultation.id]


def test_back_to_the_caller_ends_the_consultation_and_resumes_the_customer(
    app: App,
    kamailio: Kamailio,
    baresip_phone: Callable[..., Baresip],  # noqa: F811
) -> None:
    window, qtbot = app.window, app.qtbot
    customer = baresip_phone(kamailio, CUSTOMER, tone_hz=1000)
    colleague = baresip_phone(kamailio, COLLEAGUE, auto_answer=True, tone_hz=700)
    _customer_calls(app, kamailio, customer)
    page, in_call = window.main.phone_page, window.main.in_call
    phone = app.services.phone

    # A consultation outside the EU is refused by the gate exactly like dialling it.
    usa = parse_dial_input("+1 212 555 0100", "DE")
    zone = app.services.session.zones.zone_of("US")
    with pytest.raises(DialRefusedError) as refused:
        phone.consult(usa, zone)
    assert refused.value.kind is RefusalKind.GATE
    assert refused.value.gate == phone.gate(usa, zone)
    assert "individual quote" in dial_refused_text(refused.value, app.services.session.rules)
    assert phone.held is None  # the customer was not put on hold
    assert phone.consultation is None
    assert len(app.services.store.calls.recent()) == 1  # no call placed

    _consult(app, colleague)

    in_call.back_button.click()
    colleague.wait_event("CALL_CLOSED", timeout=15)
    qtbot.waitUntil(lambda: not page.held_bar.isVisible(), timeout=10_000)
    assert in_call.number_label.text() == shown_number(CUSTOMER)
    qtbot.waitUntil(lambda: in_call.state_label.text() == "Connected", timeout=10_000)  # resumed
    assert not in_call.connect_them_button.isVisible()
    assert in_call.transfer_button.isVisible()
    assert phone.consultation is None
    call = phone.call
    assert call is not None
    assert call.number == CUSTOMER
    in_call.hangup_button.click()
    customer.wait_event("CALL_CLOSED", timeout=15)
    qtbot.waitUntil(lambda: not in_call.isVisible(), timeout=10_000)

    calls = [c.record for c in app.services.store.calls.recent()]
    assert [(c.direction.value, c.e164, c.task_id) for c in calls] == [
        ("outgoing", COLLEAGUE, SALES_TASK),
        ("incoming", CUSTOMER, SALES_TASK),
    ]
    assert all(c.transferred_to is None and c.transferred_at is None for c in calls)
