"""A REFER from the far end never makes the phone dial by itself (issue 18, case 3).

A sipp callee answers the VPA's call through Kamailio, then sends a REFER to a premium-rate
number. Before the fix pjsua accepted it (202) and dialled the target itself: past the call gate,
without task or caller-ID header, without a record. Now the REFER is declined in SIP and the app
hears of it (`transfer_requested`) to decide with the gate and the VPA's consent.
"""

from __future__ import annotations

import pytest

from tests.fixtures.sipp import ANSWER, _hdrs, answer_keeping_dialog, refer_request
from tests.integration.sip.helpers import account
from vpaphone.sip.engine import CallState, TransferRequest
from vpaphone.sip.reasons import RegistrationState

pytestmark = [pytest.mark.kamailio, pytest.mark.sipp]

CUSTOMER = "+4930444445"
PREMIUM = "+19005550000"  # what `check-number` blocks


def referring_callee(refer_to: str) -> str:
    """Answers, then asks the caller (REFER, through the record-routed proxy) to call
    `refer_to`; takes whatever answer comes, then waits for the caller's BYE."""
    return (
        '<?xml version="1.0" encoding="ISO-8859-1" ?>\n<scenario name="refer">\n'
        + answer_keeping_dialog()
        + '  <pause milliseconds="300"/>\n'
        + refer_request(2, refer_to)
        + '  <recv response="202" optional="true" next="answered"/>\n'
        '  <recv response="603"/>\n'
        '  <label id="answered"/>\n'
        '  <recv request="NOTIFY" optional="true">\n'
        '    <action><exec int_cmd="stop_now"/></action>\n  </recv>\n'
        '  <recv request="BYE"/>\n'
        f"  <send><![CDATA[\nSIP/2.0 200 OK\n{_hdrs(False)}\nContent-Length: 0\n]]></send>\n"
        "</scenario>\n"
    )


def test_refer_is_declined_and_left_to_the_app(kamailio, sipp_uas, engine):
    phone = engine(account(kamailio))
    phone.wait_registration(RegistrationState.REGISTERED)
    requests: list[TransferRequest] = []
    phone.engine.transfer_requested.connect(requests.append)
    target = sipp_uas(ANSWER)  # where the premium number would ring
    kamailio.route_number(PREMIUM, target.address)
    customer = sipp_uas(scenario_xml=referring_callee(f"sip:{PREMIUM}@{kamailio.domain}"))
    kamailio.route_number(CUSTOMER, customer.address)
    call_id = phone.dial(CUSTOMER)
    phone.wait_state(call_id, CallState.CONNECTED)
    phone.qtbot.waitUntil(lambda: bool(requests), timeout=10_000)
    assert requests == [TransferRequest(call_id, PREMIUM, PREMIUM)]
    phone.qtbot.waitUntil(lambda: "SIP/2.0 603" in customer.messages(), timeout=5000)
    phone.qtbot.wait(1500)  # time enough for a call pjsua would have placed by itself
    assert target.invites() == []
    assert [u.call_id for u in phone.updates if u.call_id != call_id] == []
    assert phone.engine.active_calls() == [call_id]  # the customer's call goes on
    phone.engine.hangup(call_id)
    phone.wait_state(call_id, CallState.ENDED)
