"""Who gets the password and who may ring the phone (issue 18, item 7).

A far end that challenges a call for its own realm must get no digest response (with pjsua's
wildcard realm it got one, computed from the account password); an INVITE sent straight to the
phone's port by a host that is not the registrar/outbound proxy is refused and never shown.
On loopback every peer shares 127.0.0.1 with Kamailio, so the foreign host sends from 127.0.0.2.
"""

from __future__ import annotations

import pytest

from tests.fixtures.kamailio import free_port
from tests.fixtures.sipp import CONTACT, _hdrs, _send, start_uac
from tests.integration.sip.helpers import account
from vpaphone.core.model import EndReason
from vpaphone.sip.engine import CallState
from vpaphone.sip.reasons import RegistrationState
from vpaphone.texts.calls import call_end_text

pytestmark = [pytest.mark.kamailio, pytest.mark.sipp]

NUMBER = "+4930222222"

# a far end (behind Kamailio) that answers the INVITE with a challenge for its own realm
CHALLENGE = (
    '<?xml version="1.0" encoding="ISO-8859-1" ?>\n<scenario name="foreign realm">\n'
    '  <recv request="INVITE" crlf="true"/>\n'
    + _send(
        f"SIP/2.0 401 Unauthorized\n{_hdrs()}\n{CONTACT}\n"
        'WWW-Authenticate: Digest realm="far-end.example", nonce="4f1c2d", algorithm=MD5\n'
        "Content-Length: 0\n"
    )
    + '  <recv request="ACK"/>\n'
    # a second INVITE would carry the answer to the challenge: waited for, must not come
    + '  <recv request="INVITE" optional="true" timeout="3000"/>\n'
    "</scenario>\n"
)


def test_far_end_challenge_for_another_realm_gets_no_credentials(
    kamailio, sipp_uas, engine, call_log
):
    phone = engine(account(kamailio))
    phone.wait_registration(RegistrationState.REGISTERED)
    uas = sipp_uas(scenario_xml=CHALLENGE)
    kamailio.route_number(NUMBER, uas.address)

    call_id = phone.dial(NUMBER)
    ended = phone.wait_state(call_id, CallState.ENDED)

    assert (ended.sip_status, ended.end_reason) == (401, EndReason.FORBIDDEN)
    assert call_end_text(ended.end_reason) == "The phone server did not allow this call"
    assert call_log.records[call_id].sip_status == 401
    phone.qtbot.wait(1000)  # time for a (wrong) second INVITE to arrive
    invites = uas.invites()
    assert len(invites) == 1, invites
    assert "Authorization:" not in invites[0]
    # Kamailio's own challenge (realm vpa.test) was answered: the call reached the far end
    assert 'realm="vpa.test"' in invites[0] or "Proxy-Authorization" not in invites[0]


# an INVITE straight to the phone's port, not through the registrar
DIRECT = (
    '<?xml version="1.0" encoding="ISO-8859-1" ?>\n<scenario name="direct">\n'
    '  <send retrans="500"><![CDATA[\n'
    "INVITE sip:alice@{target} SIP/2.0\n"
    "Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]\n"
    'From: "Your Bank" <sip:bank@[local_ip]>;tag=[pid]direct\n'
    "To: <sip:alice@{target}>\nCall-ID: [call_id]\nCSeq: 1 INVITE\n"
    "Contact: <sip:bank@[local_ip]:[local_port]>\nMax-Forwards: 70\n"
    "Content-Type: application/sdp\nContent-Length: [len]\n\n"
    "v=0\no=x 1 1 IN IP4 [local_ip]\ns=-\nc=IN IP4 [media_ip]\nt=0 0\n"
    "m=audio [media_port] RTP/AVP 8\na=rtpmap:8 PCMA/8000\n"
    "]]></send>\n"
    '  <recv response="100" optional="true"/>\n'
    '  <recv response="180" optional="true"/>\n'
    '  <recv response="{final}"/>\n'
    "  <send><![CDATA[\n"
    "ACK sip:alice@{target} SIP/2.0\n[last_Via:]\n[last_From:]\n[last_To:]\n[last_Call-ID:]\n"
    "CSeq: 1 ACK\nMax-Forwards: 70\nContent-Length: 0\n"
    "]]></send>\n"
    "</scenario>\n"
)


@pytest.mark.parametrize("allow_direct_calls", [False, True])
def test_call_that_does_not_come_through_the_server_is_refused(
    kamailio, engine, call_log, tmp_path, allow_direct_calls
):
    port = free_port()
    phone = engine(account(kamailio, local_port=port, allow_direct_calls=allow_direct_calls))
    phone.wait_registration(RegistrationState.REGISTERED)
    target = f"127.0.0.1:{port}"
    # the switch on (a direct-IP setup): it rings, and the user declines it (603)
    phone.engine.incoming_call.connect(lambda call: phone.engine.reject(call.call_id))
    final = "603" if allow_direct_calls else "403"
    scenario = DIRECT.replace("{target}", target).replace("{final}", final)
    with start_uac(tmp_path / "direct", scenario, target, "-m", "1", local_ip="127.0.0.2") as uac:
        phone.qtbot.waitUntil(lambda: uac.process.poll() is not None, timeout=20_000)
        messages = uac.messages()
    assert uac.process.returncode == 0, messages[-2000:]
    assert f"SIP/2.0 {final} " in messages
    if allow_direct_calls:
        assert len(phone.incoming) == 1
    else:
        assert phone.incoming == []  # never shown: the caller name is made up
        assert call_log.records == {}
        phone.qtbot.wait(300)
        assert phone.engine.live_calls() == 0
    assert phone.engine.registration.state is RegistrationState.REGISTERED
