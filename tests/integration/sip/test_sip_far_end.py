"""What a far end answers or asks mid-call that the phone must handle cleanly (issue 18, 9):
a redirect (3xx) and a re-INVITE offering only codecs the phone does not have."""

from __future__ import annotations

import time

import pytest

from tests.fixtures.kamailio import free_port
from tests.fixtures.sipp import ANSWER, _hdrs, _send, scenario, start_uac
from tests.integration.sip.helpers import account
from vpaphone.core.model import EndReason
from vpaphone.sip.calls import NO_RESPONSE_S
from vpaphone.sip.engine import CallState
from vpaphone.sip.reasons import RegistrationState
from vpaphone.texts.calls import call_end_text

pytestmark = [pytest.mark.kamailio, pytest.mark.sipp]

NUMBER = "+4930333333"

MOVED_TO = "+4919000000"  # where the far end sends the call: never dialled by the phone

REDIRECT = (
    '<?xml version="1.0" encoding="ISO-8859-1" ?>\n<scenario name="redirect">\n'
    '  <recv request="INVITE" crlf="true"/>\n'
    + _send(
        f"SIP/2.0 302 Moved Temporarily\n{_hdrs()}\n"
        f"Contact: <sip:{MOVED_TO}@127.0.0.1:9>\nContent-Length: 0\n"
    )
    + '  <recv request="ACK"/>\n'
    "</scenario>\n"
)


def test_redirect_is_not_followed_and_named(kamailio, sipp_uas, engine, call_log):
    phone = engine(account(kamailio))
    phone.wait_registration(RegistrationState.REGISTERED)
    kamailio.route_number(NUMBER, sipp_uas(scenario_xml=REDIRECT).address)

    call_id = phone.dial(NUMBER)
    ended = phone.wait_state(call_id, CallState.ENDED)

    assert (ended.end_reason, ended.sip_status) == (EndReason.FAILED, 302)
    text = call_end_text(ended.end_reason, sip_status=ended.sip_status)
    assert text == "The other side forwards this call elsewhere: dial the new number yourself"
    phone.qtbot.wait(500)
    assert list(call_log.records) == [call_id]  # no call to the new target
    assert MOVED_TO not in kamailio.log()
    assert phone.engine.live_calls() == 0


_SDP = (
    "v=0\no=x 1 {version} IN IP4 [local_ip]\ns=-\nc=IN IP4 [media_ip]\nt=0 0\n"
    "m=audio [media_port] RTP/AVP {pt}\na=rtpmap:{pt} {codec}\n"
)
_DIALOG = (
    "Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]\n"
    "From: <sip:+4930444444@[local_ip]>;tag=[pid]reinv[call_number]\n"
    "To: <sip:alice@{target}>{to_tag}\nCall-ID: [call_id]\nCSeq: {cseq}\n"
    "Contact: <sip:+4930444444@[local_ip]:[local_port]>\nMax-Forwards: 70\n"
)
# a caller that, once answered, offers a codec the phone lacks (G.729 only), then hangs up
REINVITE = (
    '<?xml version="1.0" encoding="ISO-8859-1" ?>\n<scenario name="reinvite">\n'
    '  <send retrans="500"><![CDATA[\nINVITE sip:alice@{target} SIP/2.0\n'
    + _DIALOG.format(target="{target}", to_tag="", cseq="1 INVITE")
    + "Content-Type: application/sdp\nContent-Length: [len]\n\n"
    + _SDP.format(version=1, pt=8, codec="PCMA/8000")
    + "]]></send>\n"
    '  <recv response="100" optional="true"/>\n'
    '  <recv response="180"/>\n'
    '  <recv response="200" rtd="true"/>\n'
    "  <send><![CDATA[\nACK sip:alice@{target} SIP/2.0\n"
    + _DIALOG.format(target="{target}", to_tag="[peer_tag_param]", cseq="1 ACK")
    + "Content-Length: 0\n]]></send>\n"
    '  <pause milliseconds="300"/>\n'
    '  <send retrans="500"><![CDATA[\nINVITE sip:alice@{target} SIP/2.0\n'
    + _DIALOG.format(target="{target}", to_tag="[peer_tag_param]", cseq="2 INVITE")
    + "Content-Type: application/sdp\nContent-Length: [len]\n\n"
    + _SDP.format(version=2, pt=18, codec="G729/8000")
    + "]]></send>\n"
    '  <recv response="100" optional="true"/>\n'
    '  <recv response="488"/>\n'
    "  <send><![CDATA[\nACK sip:alice@{target} SIP/2.0\n"
    + _DIALOG.format(target="{target}", to_tag="[peer_tag_param]", cseq="2 ACK")
    + "Content-Length: 0\n]]></send>\n"
    '  <pause milliseconds="300"/>\n'
    '  <send retrans="500"><![CDATA[\nBYE sip:alice@{target} SIP/2.0\n'
    + _DIALOG.format(target="{target}", to_tag="[peer_tag_param]", cseq="3 BYE")
    + "Content-Length: 0\n]]></send>\n"
    '  <recv response="200"/>\n'
    "</scenario>\n"
)


def test_reinvite_with_only_unusable_codecs_gets_488_and_the_call_goes_on(
    kamailio, engine, call_log, tmp_path
):
    port = free_port()
    # a direct-IP setup: the caller is not behind the registrar
    phone = engine(account(kamailio, local_port=port, allow_direct_calls=True))
    phone.wait_registration(RegistrationState.REGISTERED)
    phone.engine.incoming_call.connect(lambda call: phone.engine.answer(call.call_id))
    target = f"127.0.0.1:{port}"
    with start_uac(
        tmp_path / "uac", REINVITE.replace("{target}", target), target, "-m", "1"
    ) as uac:
        phone.qtbot.waitUntil(lambda: uac.process.poll() is not None, timeout=20_000)
        messages = uac.messages()
    assert uac.process.returncode == 0, messages[-3000:]
    assert "SIP/2.0 488 " in messages
    assert "SIP/2.0 500 " not in messages
    (incoming,) = phone.incoming
    ended = phone.wait_state(incoming.call_id, CallState.ENDED)
    # the refused offer did not end the call: the caller's BYE did, after it went on
    assert ended.end_reason is EndReason.COMPLETED
    assert call_log.records[incoming.call_id].answered_at is not None


def test_call_with_the_server_down_fails_fast_and_says_so(kamailio, engine, call_log):
    # UDP: nothing tells the phone the server is gone; pjsip alone retransmits for 32 s
    phone = engine(account(kamailio))
    phone.wait_registration(RegistrationState.REGISTERED)
    kamailio.stop()
    started = time.monotonic()
    call_id = phone.dial(NUMBER)
    ended = phone.wait_state(call_id, CallState.ENDED, timeout=40)
    took = time.monotonic() - started
    assert ended.end_reason is EndReason.NETWORK_ERROR
    assert call_end_text(ended.end_reason) == "The phone server cannot be reached"
    assert call_log.records[call_id].end_reason is EndReason.NETWORK_ERROR
    # the bound is NO_RESPONSE_S; the margin is for a loaded machine
    assert took < NO_RESPONSE_S + 5, f"{took:.1f} s"


def test_a_slow_far_end_behind_a_server_that_answered_is_not_given_up(
    kamailio, sipp_uas, engine, call_log
):
    # Kamailio answers 100 Trying at once; the callee only rings after NO_RESPONSE_S + 2 s
    phone = engine(account(kamailio))
    phone.wait_registration(RegistrationState.REGISTERED)
    pause = f'  <pause milliseconds="{NO_RESPONSE_S * 1000 + 2000:.0f}"/>\n'
    invite = '<recv request="INVITE" crlf="true"/>\n'
    slow = scenario(ANSWER).replace(invite, invite + pause, 1)
    kamailio.route_number(NUMBER, sipp_uas(scenario_xml=slow).address)
    call_id = phone.dial(NUMBER)
    phone.wait_state(call_id, CallState.CONNECTED, timeout=NO_RESPONSE_S + 15)
    phone.engine.hangup(call_id)
    assert phone.wait_state(call_id, CallState.ENDED).end_reason is EndReason.COMPLETED
