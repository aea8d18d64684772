"""Attended transfer to the VPA: an INVITE with `Replaces` takes over a running call (RFC 3891).

Two real sipp callers: the first calls the phone and is answered; the second sends an INVITE
whose `Replaces` names the first dialog (as a PBX does after an attended transfer). Before the
fix this ended in SIGSEGV in the engine thread: pjsua gave the new call no Python `Call`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.fixtures.kamailio import free_port
from tests.fixtures.sipp import start_uac
from tests.integration.sip.helpers import account
from vpaphone.core.model import CallDirection, EndReason
from vpaphone.sip.engine import CallState

pytestmark = [pytest.mark.sipp, pytest.mark.kamailio]

_SDP = (
    "v=0\no=sipp 1 1 IN IP4 [local_ip]\ns=-\nc=IN IP4 [media_ip]\nt=0 0\n"
    "m=audio [media_port] RTP/AVP 8\na=rtpmap:8 PCMA/8000\n"
)


def _invite(from_tag: str, user: str, extra: str = "") -> str:
    return (
        "INVITE sip:alice@[remote_ip]:[remote_port] SIP/2.0\n"
        "Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]\n"
        f"From: <sip:{user}@127.0.0.1>;tag={from_tag}\n"
        "To: <sip:alice@[remote_ip]:[remote_port]>\n"
        "Call-ID: [call_id]\nCSeq: 1 INVITE\n"
        f"Contact: <sip:{user}@[local_ip]:[local_port]>\nMax-Forwards: 70\n{extra}"
        f"Content-Type: application/sdp\nContent-Length: [len]\n\n{_SDP}"
    )


def _ack(from_tag: str, user: str) -> str:
    return (
        "ACK sip:alice@[remote_ip]:[remote_port] SIP/2.0\n"
        "Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]\n"
        f"From: <sip:{user}@127.0.0.1>;tag={from_tag}\n[last_To:]\n"
        "Call-ID: [call_id]\nCSeq: 1 ACK\nMax-Forwards: 70\nContent-Length: 0\n"
    )


def _scenario(*parts: str) -> str:
    body = "".join(parts)
    head = '<?xml version="1.0" encoding="ISO-8859-1" ?>\n<scenario name="replaces">\n'
    return f"{head}{body}</scenario>\n"


def _send(text: str, retrans: bool = True) -> str:
    attr = ' retrans="500"' if retrans else ""
    return f"  <send{attr}><![CDATA[\n{text}\n]]></send>\n"


_BYE_RECEIVED = (
    '  <recv request="BYE"/>\n'
    "  <send><![CDATA[\nSIP/2.0 200 OK\n[last_Via:]\n[last_From:]\n[last_To:]\n"
    "[last_Call-ID:]\n[last_CSeq:]\nContent-Length: 0\n]]></send>\n"
)


def first_call(totag_file: Path) -> str:
    """Calls the phone, waits to be answered, writes the phone's tag, then waits for a BYE."""
    return _scenario(
        _send(_invite("first", "customer")),
        '  <recv response="100" optional="true"/>\n',
        '  <recv response="180" optional="true"/>\n',
        '  <recv response="200" timeout="20000">\n'
        '    <action><ereg regexp="tag=[^;>[:space:]]+" search_in="hdr" header="To:"'
        ' assign_to="totag"/>\n'
        f'      <exec command="echo [$totag] > {totag_file}"/></action>\n  </recv>\n',
        _send(_ack("first", "customer"), retrans=False),
        _BYE_RECEIVED,
    )


def replacing_call(replaces: str) -> str:
    """The transfer target: INVITE with Replaces, answered at once; hangs up after 1.5 s."""
    return _scenario(
        _send(_invite("second", "colleague", f"Replaces: {replaces}\n")),
        '  <recv response="100" optional="true"/>\n',
        '  <recv response="200" timeout="10000"/>\n',
        _send(_ack("second", "colleague"), retrans=False),
        '  <pause milliseconds="1500"/>\n',
        _send(
            "BYE sip:alice@[remote_ip]:[remote_port] SIP/2.0\n"
            "Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]\n"
            "From: <sip:colleague@127.0.0.1>;tag=second\n[last_To:]\n"
            "Call-ID: [call_id]\nCSeq: 2 BYE\nMax-Forwards: 70\nContent-Length: 0\n"
        ),
        '  <recv response="200"/>\n',
    )


def test_attended_transfer_to_the_vpa_replaces_the_call(kamailio, engine, call_log, tmp_path):
    port = free_port()
    phone = engine(account(kamailio, register=False, password="", local_port=port))
    target = f"127.0.0.1:{port}"
    totag = tmp_path / "totag"
    first_id = "first-call@127.0.0.1"
    with start_uac(
        tmp_path / "first", first_call(totag), target, "-m", "1", "-cid_str", first_id
    ) as first:
        phone.qtbot.waitUntil(lambda: len(phone.incoming) == 1, timeout=10000)
        old = phone.incoming[0].call_id
        phone.engine.answer(old)
        phone.wait_state(old, CallState.CONNECTED)
        phone.qtbot.waitUntil(
            lambda: totag.exists() and bool(totag.read_text().strip()), timeout=5000
        )
        tag = re.sub(r"\s|^tag=", "", totag.read_text())
        replaces = f"{first_id};to-tag={tag};from-tag=first"
        with start_uac(
            tmp_path / "second",
            replacing_call(replaces),
            target,
            "-m",
            "1",
            "-cid_str",
            "replacing-%u@127.0.0.1",
        ) as second:
            ended = phone.wait_state(old, CallState.ENDED)
            assert ended.end_reason is EndReason.COMPLETED
            phone.qtbot.waitUntil(
                lambda: any(
                    u.call_id != old and u.state is CallState.CONNECTED for u in phone.updates
                ),
                timeout=10000,
            )
            new = next(u for u in phone.updates if u.call_id != old).call_id
            assert second.wait(timeout=20) == 0, second.messages()[-3000:]
            phone.wait_state(new, CallState.ENDED)
        assert first.wait(timeout=10) == 0, first.messages()[-3000:]  # it got its BYE
    record = call_log.records[new]
    assert record.direction is CallDirection.INCOMING
    assert record.answered_at is not None
    assert record.end_reason is EndReason.COMPLETED
    assert call_log.records[old].end_reason is EndReason.COMPLETED
    assert phone.engine.live_calls() == 0
