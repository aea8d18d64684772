"""Malformed or hostile SIP from the far end never crashes the phone; calls fail clearly."""

from __future__ import annotations

import random
import socket

import pytest

from tests.fixtures.kamailio import free_port
from tests.fixtures.sipp import ANSWER
from tests.integration.sip.helpers import account
from vpaphone.core.model import EndReason
from vpaphone.sip.engine import CallState
from vpaphone.sip.reasons import RegistrationState

pytestmark = [pytest.mark.kamailio, pytest.mark.sipp]

NUMBER = "+4930444444"
GOOD = "+4930555555"

_HEAD = '<?xml version="1.0" encoding="ISO-8859-1" ?>\n<scenario name="hostile">\n'
_RECV_INVITE = '  <recv request="INVITE" crlf="true"/>\n'
_TAIL = (
    '  <recv request="ACK" optional="true"/>\n'
    '  <recv request="BYE" optional="true"/>\n'
    '  <recv request="CANCEL" optional="true"/>\n'
    "</scenario>\n"
)
_DIALOG = (
    "[last_Via:]\n[last_From:]\n[last_To:];tag=[pid]hostile[call_number]\n[last_Call-ID:]\n"
    "[last_CSeq:]\n[last_Record-Route:]\nContact: <sip:[local_ip]:[local_port]>\n"
)


def _reply(first_line: str, headers: str, body: str = "") -> str:
    content = (
        f"Content-Type: application/sdp\nContent-Length: [len]\n\n{body}"
        if body
        else ("Content-Length: 0\n")
    )
    return f"  <send><![CDATA[\n{first_line}\n{headers}{content}\n]]></send>\n"


def _sdp(media_line: str, extra: str = "") -> str:
    return f"v=0\no=x 1 1 IN IP4 [local_ip]\ns=-\nc=IN IP4 [media_ip]\nt=0 0\n{media_line}\n{extra}"


UNKNOWN_CODECS = _sdp(
    "m=audio [media_port] RTP/AVP 98 99", "a=rtpmap:98 FOO/8000\na=rtpmap:99 BAR/48000\n"
)
MANY_ATTRIBUTES_SDP = _sdp(
    "m=audio [media_port] RTP/AVP 8",
    "a=rtpmap:8 PCMA/8000\n" + "".join(f"a=x-junk{i}:{'A' * 30}\n" for i in range(60)),
)
HUGE_SDP = _sdp(
    "m=audio [media_port] RTP/AVP 8",
    "".join(
        f"a=x-junk{i}:{'B' * 200}\n"
        for i in range(150)  # ~30 KB: larger than pjsip accepts
    ),
)

HOSTILE = {
    "unknown codecs in the answer": _reply("SIP/2.0 200 OK", _DIALOG, UNKNOWN_CODECS),
    "SDP larger than any packet pjsip accepts": _reply("SIP/2.0 200 OK", _DIALOG, HUGE_SDP),
    "broken headers": _reply(
        "SIP/2.0 200 OK",
        _DIALOG.replace("Contact: <sip:[local_ip]:[local_port]>", "Contact: <<<sip:@@>>>;;;")
        + "CSeq: banana\nVia: \x01\x02\n",
        UNKNOWN_CODECS,
    ),
    "answer without media": _reply("SIP/2.0 200 OK", _DIALOG, _sdp("m=audio 0 RTP/AVP 8")),
    "many-attribute SDP": _reply("SIP/2.0 200 OK", _DIALOG, MANY_ATTRIBUTES_SDP),
}


def _phone(engine, kamailio):
    phone = engine(account(kamailio), ring_timeout_s=2)
    phone.wait_registration(RegistrationState.REGISTERED)
    return phone


def _still_works(phone, kamailio, sipp_uas) -> None:
    kamailio.route_number(GOOD, sipp_uas(ANSWER).address)
    call_id = phone.dial(GOOD)
    phone.wait_state(call_id, CallState.CONNECTED)
    phone.engine.hangup(call_id)
    assert phone.wait_state(call_id, CallState.ENDED).end_reason is EndReason.COMPLETED


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_answer_fails_the_call_clearly(kamailio, sipp_uas, engine, call_log, name):
    phone = _phone(engine, kamailio)
    xml = _HEAD + _RECV_INVITE + HOSTILE[name] + _TAIL
    kamailio.route_number(NUMBER, sipp_uas(scenario_xml=xml).address)
    call_id = phone.dial(NUMBER)
    phone.qtbot.waitUntil(
        lambda: bool({CallState.CONNECTED, CallState.ENDED} & set(phone.states(call_id))),
        timeout=15000,
    )
    if CallState.ENDED not in phone.states(call_id):  # it really connected: hang up
        phone.engine.hangup(call_id)
    ended = phone.wait_state(call_id, CallState.ENDED, timeout=15)
    record = call_log.records[call_id]
    assert record.end_reason is ended.end_reason
    if ended.end_reason is EndReason.COMPLETED:  # only if it really connected
        assert record.answered_at is not None
    else:
        assert ended.end_reason in {EndReason.FAILED, EndReason.NO_ANSWER, EndReason.UNAVAILABLE}, (
            ended
        )
    assert record.end_reason is not None
    _still_works(phone, kamailio, sipp_uas)


def test_unknown_codecs_are_refused(kamailio, sipp_uas, engine, call_log):
    phone = _phone(engine, kamailio)
    xml = _HEAD + _RECV_INVITE + HOSTILE["unknown codecs in the answer"] + _TAIL
    kamailio.route_number(NUMBER, sipp_uas(scenario_xml=xml).address)
    call_id = phone.dial(NUMBER)
    ended = phone.wait_state(call_id, CallState.ENDED, timeout=5)
    assert ended.end_reason is EndReason.FAILED
    assert ended.no_common_media  # the UI names the cause, not just "failed"
    assert CallState.CONNECTED not in phone.states(call_id)
    assert call_log.records[call_id].answered_at is None  # no talk time for a dead call


def test_garbage_datagrams_do_not_hurt(kamailio, sipp_uas, engine):
    port = free_port()
    phone = engine(account(kamailio, local_port=port))
    phone.wait_registration(RegistrationState.REGISTERED)
    rng = random.Random(4711)
    valid = (
        b"INVITE sip:alice@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKx\r\n"
        b"From: <sip:x@y>;tag=1\r\nTo: <sip:alice@127.0.0.1>\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\n"
        b"Content-Type: application/sdp\r\nContent-Length: 20\r\n\r\nv=0\r\no=\r\ns=\r\nc="
    )
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        for i in range(300):
            if i % 3 == 0:
                data = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 2000)))
            else:  # mutate a plausible INVITE: flipped bytes, truncation, header explosion
                mutated = bytearray(valid)
                for _ in range(rng.randint(1, 30)):
                    mutated[rng.randrange(len(mutated))] = rng.getrandbits(8)
                data = bytes(mutated[: rng.randint(10, len(mutated))])
                if i % 7 == 0:
                    data = valid.replace(b"Call-ID: c", b"X-Junk: " + b"z" * 60000)
            s.sendto(data, ("127.0.0.1", port))
    phone.qtbot.wait(500)
    assert phone.incoming == []
    _still_works(phone, kamailio, sipp_uas)


def _raw_invite(port: int, from_user: str, sdp: str, call_id: str) -> bytes:
    body = sdp.replace("\n", "\r\n")
    return (
        f"INVITE sip:alice@127.0.0.1:{port} SIP/2.0\r\n"
        "Via: SIP/2.0/UDP 127.0.0.1:{me};branch=z9hG4bK-{cid};rport\r\n"
        "Max-Forwards: 70\r\n"
        f"From: <sip:{from_user}@127.0.0.1>;tag=h1\r\n"
        f"To: <sip:alice@127.0.0.1:{port}>\r\n"
        f"Call-ID: {call_id}\r\nCSeq: 1 INVITE\r\n"
        "Contact: <sip:x@127.0.0.1:{me}>\r\n"
        f"Content-Type: application/sdp\r\nContent-Length: {len(body)}\r\n\r\n{body}"
    ).encode()


def _final_status(sock: socket.socket, phone, timeout_s: float = 5.0) -> list[int]:
    statuses: list[int] = []
    sock.settimeout(0.05)
    deadline = timeout_s * 1000
    waited = 0
    while waited < deadline and not any(s >= 180 for s in statuses):
        try:
            data = sock.recv(65536)
            statuses.append(int(data.split(b" ", 2)[1]))
        except TimeoutError:
            phone.qtbot.wait(50)
            waited += 100
    return statuses


def test_hostile_incoming_invites(kamailio, engine, call_log):
    port = free_port()
    phone = engine(account(kamailio, register=False, password="", local_port=port))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        me = sock.getsockname()[1]

        def send(from_user: str, sdp: str, call_id: str) -> list[int]:
            raw = _raw_invite(port, from_user, sdp, call_id)
            sock.sendto(
                raw.replace(b"{me}", str(me).encode()).replace(b"{cid}", call_id.encode()),
                ("127.0.0.1", port),
            )
            return _final_status(sock, phone)

        unknown = (
            "v=0\no=x 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\n"
            "m=audio 5000 RTP/AVP 98\na=rtpmap:98 FOO/8000\n"
        )
        assert send("+4922100000009", unknown, "hostile-1")[-1] == 488
        assert phone.incoming == []  # nothing to answer: refused by the codec negotiation

        plain = unknown.replace("98", "8").replace("FOO", "PCMA")
        statuses = send("9" * 3000, plain, "hostile-2")  # absurd caller number
        assert statuses[-1] == 180
        phone.qtbot.waitUntil(lambda: len(phone.incoming) == 1, timeout=3000)
        incoming = phone.incoming[0]
        assert incoming.caller_e164 is None  # not a phone number: shown as is, not guessed
        phone.engine.reject(incoming.call_id)
        phone.wait_state(incoming.call_id, CallState.ENDED)
        assert call_log.records[incoming.call_id].end_reason is EndReason.REJECTED
