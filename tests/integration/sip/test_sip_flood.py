"""A flood of INVITEs never takes the phone down (issue 18: ~35 aborted the process).

sipp sends 200 INVITEs with SDP at 200 per second, straight to the phone's SIP port (no login
needed) and through Kamailio to the registered phone. Each INVITE pjsua accepts costs two
media sockets, freed only ~0.5 s after the call ends; pjsip's event loop holds 64 and asserts
(abort) beyond. After the flood the phone must still be registered and able to call.
"""

from __future__ import annotations

import pytest

from tests.fixtures.kamailio import free_port
from tests.fixtures.sipp import ANSWER, start_uac
from tests.integration.sip.helpers import account
from vpaphone.core.model import EndReason
from vpaphone.sip.engine import CallState
from vpaphone.sip.reasons import RegistrationState

pytestmark = [pytest.mark.kamailio, pytest.mark.sipp, pytest.mark.slow]

INVITES = 200
GOOD = "+4930555556"

_FINALS = (408, 480, 486, 487, 500, 503, 603)
FLOOD = (
    '<?xml version="1.0" encoding="ISO-8859-1" ?>\n<scenario name="flood">\n'
    '  <send retrans="500"><![CDATA[\n'
    "INVITE sip:alice@{domain} SIP/2.0\n"
    "Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]\n"
    "From: <sip:flood[call_number]@127.0.0.1>;tag=[pid]flood[call_number]\n"
    "To: <sip:alice@{domain}>\nCall-ID: [call_id]\nCSeq: 1 INVITE\n"
    "Contact: <sip:flood@[local_ip]:[local_port]>\nMax-Forwards: 70\n"
    "Content-Type: application/sdp\nContent-Length: [len]\n\n"
    "v=0\no=flood 1 1 IN IP4 [local_ip]\ns=-\nc=IN IP4 [media_ip]\nt=0 0\n"
    "m=audio [media_port] RTP/AVP 8\na=rtpmap:8 PCMA/8000\n"
    "]]></send>\n"
    '  <recv response="100" optional="true"/>\n'
    '  <recv response="180" optional="true"/>\n'
    + "".join(f'  <recv response="{s}" optional="true" next="ack"/>\n' for s in _FINALS[:-1])
    + f'  <recv response="{_FINALS[-1]}" next="ack"/>\n'
    '  <label id="ack"/>\n'
    "  <send><![CDATA[\n"
    "ACK sip:alice@{domain} SIP/2.0\n[last_Via:]\n[last_From:]\n[last_To:]\n[last_Call-ID:]\n"
    "CSeq: 1 ACK\nMax-Forwards: 70\nContent-Length: 0\n"
    "]]></send>\n"
    "</scenario>\n"
)


@pytest.mark.parametrize("path", ["direct", "kamailio"])
def test_invite_flood_leaves_the_phone_registered_and_working(
    kamailio, engine, sipp_uas, tmp_path, path
):
    port = free_port()
    phone = engine(account(kamailio, local_port=port))
    phone.wait_registration(RegistrationState.REGISTERED)
    target = f"127.0.0.1:{port}" if path == "direct" else kamailio.address("udp")
    scenario = FLOOD.replace(
        "{domain}", f"127.0.0.1:{port}" if path == "direct" else kamailio.domain
    )
    # the test is the user who declines each call that does ring
    phone.engine.incoming_call.connect(lambda call: phone.engine.reject(call.call_id))
    rate = ("-r", "200", "-m", str(INVITES), "-l", str(INVITES), "-timeout", "90s")
    with start_uac(tmp_path / "flood", scenario, target, *rate) as flood:
        status = flood.process
        phone.qtbot.waitUntil(lambda: status.poll() is not None, timeout=100_000)
        messages = flood.messages()
    assert phone.engine.running
    answered = sum(messages.count(f"SIP/2.0 {s} ") for s in _FINALS)
    assert answered >= INVITES, f"{answered} final answers to {INVITES} INVITEs"
    assert status.returncode == 0, messages[-2000:]
    phone.qtbot.waitUntil(lambda: phone.engine.live_calls() == 0, timeout=20_000)
    assert phone.engine.registration.state is RegistrationState.REGISTERED
    assert kamailio.registrations("alice")
    kamailio.route_number(GOOD, sipp_uas(ANSWER).address)
    call_id = phone.dial(GOOD)
    phone.wait_state(call_id, CallState.CONNECTED)
    phone.engine.hangup(call_id)
    assert phone.wait_state(call_id, CallState.ENDED).end_reason is EndReason.COMPLETED


def test_an_invite_nobody_cancels_stops_ringing(kamailio, engine, call_log, tmp_path):
    # issue 18: such a call rang for more than 200 s (while real callers got 486)
    port = free_port()
    phone = engine(account(kamailio, local_port=port), ring_timeout_s=2)
    phone.wait_registration(RegistrationState.REGISTERED)
    scenario = FLOOD.replace("{domain}", f"127.0.0.1:{port}")
    with start_uac(tmp_path / "one", scenario, f"127.0.0.1:{port}", "-m", "1") as caller:
        phone.qtbot.waitUntil(lambda: bool(phone.incoming), timeout=10_000)
        call_id = phone.incoming[0].call_id
        ended = phone.wait_state(call_id, CallState.ENDED, timeout=10)
        assert caller.wait(timeout=10) == 0
        assert "SIP/2.0 480 " in caller.messages()
    assert ended.end_reason is EndReason.MISSED
    assert call_log.records[call_id].end_reason is EndReason.MISSED
