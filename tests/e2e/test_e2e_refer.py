"""Issue 18, a transfer the far end asks for (REFER), through a real Kamailio and the app's GUI.
The phone declines every REFER in SIP (603: it never dials by itself) and offers it in the call
view; "Call <number>" dials it like the VPA's own dial (the gate, the asking call's task in
`X-VPA-Task`, her number as caller ID, a record), "Decline" dials nothing, a number the gate
blocks cannot be called.

Two kinds of far end: a real phone (baresip 1.0, `/transfer`), which hangs up within
milliseconds of the 603 — the offer outlives its call — and a scripted one (sipp) that stays on
the line: it is held while the new call is set up and ended once that call is answered. The
target is a sipp callee, whose log shows the INVITE's headers. One Kamailio and one of each peer
serve the module (each test signs in anew)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import App
from tests.e2e.test_e2e_kamailio import OWN_NUMBER, SALES_TASK, KamailioDemoState
from tests.fixtures.baresip import Baresip, start_baresip
from tests.fixtures.kamailio import Kamailio, start_kamailio
from tests.fixtures.sipp import (
    ANSWER,
    CONTACT,
    DIALOG_SDP,
    SippUas,
    _hdrs,
    answer_keeping_dialog,
    refer_request,
    start_uas,
)
from vpaphone.core.model import EndReason
from vpaphone.demo.server import DemoState
from vpaphone.sip.engine import CallState, TransferRequest
from vpaphone.ui.widgets.history import shown_number

pytestmark = [
    pytest.mark.gui,
    pytest.mark.keyring,
    pytest.mark.kamailio,
    pytest.mark.baresip,
    pytest.mark.sipp,
    pytest.mark.slow,
]

CUSTOMER = "+4922112345678"  # baresip: calls the VPA, then transfers her
PBX_CUSTOMER = "+4922133334444"  # sipp: called by the VPA, asks twice and stays on the line
TARGET = "+4922155501234"  # a colleague's line (sipp answers)
PREMIUM = "+19005550000"  # what the gate blocks (`vpaphone check-number`)
BUSY_LINE = "+4922155509999"  # a colleague's line that answers 486 Busy


def _refer(cseq: int, refer_to: str) -> str:
    return refer_request(cseq, refer_to) + '  <recv response="603"/>\n'


def _reinvite_answered(direction: str) -> str:
    return (
        '  <recv request="INVITE" crlf="true"/>\n'
        f"  <send><![CDATA[\nSIP/2.0 200 OK\n{_hdrs(False)}\n{CONTACT}\n"
        "Content-Type: application/sdp\nContent-Length: [len]\n\n"
        f"{DIALOG_SDP}a={direction}\n]]></send>\n"
        '  <recv request="ACK" crlf="true"/>\n'
    )


def asking_customer(refer_to: list[str], resumed: bool = False) -> str:
    """Answers, asks (REFER) for each of `refer_to` in turn and stays on the line: takes the
    hold re-INVITE (and, `resumed`, the one taking it up again), then the BYE."""
    refers = "".join(
        f'  <pause milliseconds="300"/>\n{_refer(cseq, uri)}'
        for cseq, uri in enumerate(refer_to, start=2)
    )
    return (
        '<?xml version="1.0" encoding="ISO-8859-1" ?>\n<scenario name="asks">\n'
        + answer_keeping_dialog()
        + refers
        + _reinvite_answered("recvonly")  # on hold while the VPA calls the target
        + (_reinvite_answered("sendrecv") if resumed else "")
        + '  <recv request="BYE"/>\n'
        f"  <send><![CDATA[\nSIP/2.0 200 OK\n{_hdrs(False)}\nContent-Length: 0\n]]></send>\n"
        "</scenario>\n"
    )


@pytest.fixture(scope="module")
def kamailio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kamailio]:
    users = {OWN_NUMBER: "sales-line-secret", CUSTOMER: "customer-secret"}
    with start_kamailio(tmp_path_factory.mktemp("kamailio"), users=users) as kam:
        yield kam


@pytest.fixture(scope="module")
def customer(tmp_path_factory: pytest.TempPathFactory, kamailio: Kamailio) -> Iterator[Baresip]:
    with start_baresip(kamailio, CUSTOMER, tmp_path_factory.mktemp("customer")) as phone:
        yield phone


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory, kamailio: Kamailio) -> Iterator[SippUas]:
    with start_uas(tmp_path_factory.mktemp("target"), ANSWER) as uas:
        kamailio.route_number(TARGET, uas.address)
        yield uas


@pytest.fixture
def demo_state_factory(kamailio: Kamailio) -> Callable[[int], DemoState]:
    return lambda peer_port: KamailioDemoState(sip_domain=kamailio.domain, kamailio=kamailio)


def _header(invite: str, name: str) -> str | None:
    match = re.search(rf"^{re.escape(name)}:\s*(.*)$", invite, re.MULTILINE | re.IGNORECASE)
    return match.group(1).strip() if match else None


def _signed_in(app: App) -> None:
    app.sign_in(user="sales")
    app.signed_in()
    app.qtbot.waitUntil(lambda: "registered" in app.window.main.registration.text(), timeout=15_000)
    app.pick_task(SALES_TASK)


def _customer_calls_and_transfers(app: App, kamailio: Kamailio, customer: Baresip) -> str:
    """baresip calls, the VPA answers for the sales task, baresip transfers her to TARGET (and
    hangs up on the 603). Returns the customer's call id once the offer shows."""
    window, qtbot = app.window, app.qtbot
    customer.events.clear()
    customer.command("dial", f"sip:{OWN_NUMBER}@{kamailio.domain}")
    qtbot.waitUntil(lambda: bool(window.main.incoming_dialogs), timeout=15_000)
    next(iter(window.main.incoming_dialogs.values())).answer_button.click()
    customer.wait_event("CALL_ESTABLISHED", timeout=15)
    phone = app.services.phone
    qtbot.waitUntil(
        lambda: phone.call is not None and phone.call.state is CallState.CONNECTED,
        timeout=10_000,
    )
    call = phone.call
    assert call is not None
    customer.command("transfer", f"sip:{TARGET}@{kamailio.domain}")
    offer = window.main.phone_page.transfer_offer
    qtbot.waitUntil(lambda: offer.call_id == call.call_id, timeout=10_000)
    return call.call_id


def test_a_phone_that_hangs_up_after_asking_leaves_the_offer(
    app: App, kamailio: Kamailio, customer: Baresip, target: SippUas
) -> None:
    window, qtbot = app.window, app.qtbot
    invites_before = len(target.invites())
    _signed_in(app)
    offer, in_call = window.main.phone_page.transfer_offer, window.main.in_call

    # Declined: nothing is dialled.
    _customer_calls_and_transfers(app, kamailio, customer)
    assert offer.title_label.text() == f"{shown_number(CUSTOMER)} asks you to call:"
    assert offer.dialer.target_label.text() == (
        f"Calls {shown_number(TARGET)} in Germany (zone Germany)"
    )
    qtbot.waitUntil(lambda: not in_call.isVisible(), timeout=10_000)  # baresip hung up
    assert offer.isVisible()
    assert offer.gone_label.isVisible()
    offer.decline_button.click()
    assert not offer.isVisible()
    qtbot.wait(300)  # time enough for a call to leave, were one placed
    assert len(target.invites()) == invites_before
    assert app.services.phone.call is None

    # Called: dialled like the VPA's own dial, for the asking call's task.
    _customer_calls_and_transfers(app, kamailio, customer)
    qtbot.waitUntil(offer.gone_label.isVisible, timeout=10_000)
    offer.call_button.click()
    qtbot.waitUntil(lambda: len(target.invites()) > invites_before, timeout=10_000)
    invite = target.invites()[-1]
    assert _header(invite, "X-VPA-Task") == SALES_TASK
    assert OWN_NUMBER in (_header(invite, "P-Preferred-Identity") or "")
    qtbot.waitUntil(lambda: in_call.state_label.text() == "Connected", timeout=10_000)
    assert in_call.number_label.text() == shown_number(TARGET)
    in_call.hangup_button.click()
    qtbot.waitUntil(lambda: not in_call.isVisible(), timeout=10_000)
    calls = [c.record for c in app.services.store.calls.recent()]
    assert [(c.direction.value, c.e164, c.task_id) for c in calls] == [
        ("outgoing", TARGET, SALES_TASK),
        ("incoming", CUSTOMER, SALES_TASK),
        ("incoming", CUSTOMER, SALES_TASK),
    ]


def test_a_far_end_on_the_line_is_held_then_ended_once_the_target_answers(
    app: App,
    kamailio: Kamailio,
    target: SippUas,
    tmp_path: Path,
) -> None:
    window, qtbot, phone = app.window, app.qtbot, app.services.phone
    invites_before = len(target.invites())
    refer_to = [f"sip:{PREMIUM}@{kamailio.domain}", f"sip:{TARGET}@{kamailio.domain}"]
    with start_uas(tmp_path / "asking", scenario_xml=asking_customer(refer_to)) as asking:
        kamailio.route_number(PBX_CUSTOMER, asking.address)
        # What each request showed as it arrived (the page's slot runs first).
        seen: list[tuple[TransferRequest, bool, str]] = []
        _signed_in(app)
        page, in_call = window.main.phone_page, window.main.in_call
        offer = page.transfer_offer
        phone.transfer_requested.connect(
            lambda r: seen.append(
                (r, offer.call_button.isEnabled(), offer.dialer.reason_label.text())
            )
        )
        window.main.dialer.picker.set_country("DE")
        app.call_until_connected("0221 33334444")
        asking_id = phone.call.call_id if phone.call else ""
        qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)
        (premium, blocked, why), (colleague, allowed, _why) = seen
        assert (premium.target_e164, blocked) == (PREMIUM, False)
        assert "Premium-rate numbers are blocked" in why
        assert (colleague.target_e164, allowed) == (TARGET, True)
        assert offer.call_button.text() == f"Call {shown_number(TARGET)}"  # the second replaced it
        assert len(target.invites()) == invites_before  # nothing dialled by itself

        offer.call_button.click()
        # The call view follows the new call; the asking one waits on hold …
        assert in_call.number_label.text() == shown_number(TARGET)
        qtbot.waitUntil(lambda: in_call.state_label.text() == "Connected", timeout=10_000)
        invite = target.invites()[-1]
        assert _header(invite, "X-VPA-Task") == SALES_TASK
        # … and ends once the target answered.
        qtbot.waitUntil(lambda: "BYE sip:" in asking.messages(), timeout=10_000)
        qtbot.waitUntil(lambda: phone.held is None, timeout=10_000)
        assert not page.held_bar.isVisible()
        assert "a=sendonly" in asking.invites()[-1]  # it was held first
        front = phone.call
        assert front is not None
        assert (front.number, front.task_id) == (TARGET, SALES_TASK)
        assert front.call_id != asking_id
        in_call.hangup_button.click()
        qtbot.waitUntil(lambda: not in_call.isVisible(), timeout=10_000)
    calls = [c.record for c in app.services.store.calls.recent()]
    assert [(c.direction.value, c.e164, c.task_id) for c in calls] == [
        ("outgoing", TARGET, SALES_TASK),
        ("outgoing", PBX_CUSTOMER, SALES_TASK),
    ]


def test_a_far_end_on_the_line_is_taken_up_again_when_the_target_is_busy(
    app: App, kamailio: Kamailio, tmp_path: Path
) -> None:
    qtbot, phone = app.qtbot, app.services.phone
    refer_to = [f"sip:{BUSY_LINE}@{kamailio.domain}"]
    with (
        start_uas(tmp_path / "busy", 486) as busy,
        start_uas(tmp_path / "asking", scenario_xml=asking_customer(refer_to, True)) as asking,
    ):
        kamailio.route_number(BUSY_LINE, busy.address)
        kamailio.route_number(PBX_CUSTOMER, asking.address)
        _signed_in(app)
        in_call, offer = app.window.main.in_call, app.window.main.phone_page.transfer_offer
        app.window.main.dialer.picker.set_country("DE")
        app.call_until_connected("0221 33334444")
        asking_call = phone.call
        assert asking_call is not None
        qtbot.waitUntil(lambda: offer.call_id == asking_call.call_id, timeout=10_000)
        offer.call_button.click()
        # Busy: the new call ends, the asking call comes back to the front and is resumed.
        qtbot.waitUntil(lambda: len(busy.invites()) == 1, timeout=10_000)
        qtbot.waitUntil(lambda: len(asking.invites()) == 3, timeout=10_000)  # call, hold, resume
        assert "a=sendrecv" in asking.invites()[-1]
        qtbot.waitUntil(
            lambda: phone.call is not None and phone.call.state is CallState.CONNECTED,
            timeout=10_000,
        )
        front = phone.call
        assert front is not None
        assert front.call_id == asking_call.call_id
        assert phone.held is None
        assert in_call.number_label.text() == shown_number(PBX_CUSTOMER)
        in_call.hangup_button.click()
        qtbot.waitUntil(lambda: "BYE sip:" in asking.messages(), timeout=10_000)
        # the record is closed when the BYE's answer is back, a moment after the BYE left
        qtbot.waitUntil(lambda: not in_call.isVisible(), timeout=10_000)
    calls = [c.record for c in app.services.store.calls.recent()]
    assert [(c.direction.value, c.e164, c.end_reason) for c in calls] == [
        ("outgoing", BUSY_LINE, EndReason.BUSY),
        ("outgoing", PBX_CUSTOMER, EndReason.COMPLETED),
    ]
