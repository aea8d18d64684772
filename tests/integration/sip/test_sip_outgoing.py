"""Outgoing calls through Kamailio to sipp: states, reasons, headers, RTP and call records."""

from __future__ import annotations

import re
import socket
import time

import pytest

from tests.fixtures.kamailio import free_port
from tests.fixtures.sipp import ANSWER, NO_ANSWER
from tests.integration.sip.helpers import account
from vpaphone.core.model import CallDirection, EndReason
from vpaphone.sip.config import SrtpMode, Transport
from vpaphone.sip.engine import CallState
from vpaphone.sip.reasons import RegistrationState

pytestmark = [pytest.mark.kamailio, pytest.mark.sipp]

NUMBER = "+4930111111"


def _registered(engine, kamailio, **kwargs):
    phone = engine(account(kamailio, caller_id="+4922100000001", **kwargs))
    phone.wait_registration(RegistrationState.REGISTERED)
    return phone


def _header(invite: str, name: str) -> str | None:
    match = re.search(rf"^{re.escape(name)}:\s*(.*)$", invite, re.MULTILINE | re.IGNORECASE)
    return match.group(1).strip() if match else None


@pytest.mark.parametrize("transport", [Transport.UDP, Transport.TCP, Transport.TLS])
def test_answered_call_flows_both_ways_and_is_recorded(
    kamailio, sipp_uas, engine, call_log, transport
):
    phone = _registered(engine, kamailio, transport=transport)
    uas = sipp_uas(ANSWER, ring_ms=300)
    kamailio.route_number(NUMBER, uas.address)

    call_id = phone.dial(NUMBER, task_id="task-42")
    phone.wait_state(call_id, CallState.CONNECTED)
    phone.qtbot.wait(1200)
    stats = phone.engine.stream_stats(call_id)
    phone.engine.hangup(call_id)
    ended = phone.wait_state(call_id, CallState.ENDED)

    assert phone.states(call_id) == [
        CallState.CALLING,
        CallState.RINGING,
        CallState.CONNECTED,
        CallState.ENDED,
    ]
    assert stats is not None
    assert stats.tx_packets >= 20  # 20 ms packets for > 1 s (a loaded CI machine sends fewer)
    assert stats.rx_packets >= stats.tx_packets * 0.8  # sipp echoes them back
    assert ended.end_reason is EndReason.COMPLETED
    record = call_log.records[call_id]
    assert record.task_id == "task-42"
    assert record.e164 == NUMBER
    assert record.direction is CallDirection.OUTGOING
    assert record.end_reason is EndReason.COMPLETED
    assert record.answered_at is not None
    # talk time counts from the answer, not from dialling (300 ms of ringing are not in it)
    assert 1.0 <= record.talk_seconds < 3.0
    assert (record.answered_at - record.started_at).total_seconds() >= 0.3

    (invite,) = uas.invites()
    assert invite.startswith(f"INVITE sip:{NUMBER}@{kamailio.domain};user=phone SIP/2.0")
    assert _header(invite, "X-VPA-Task") == "task-42"
    assert _header(invite, "P-Preferred-Identity") == (
        f"<sip:+4922100000001@{kamailio.domain};user=phone>"
    )


@pytest.mark.parametrize(
    ("status", "reason", "seen_status"),
    [
        (486, EndReason.BUSY, 486),
        (404, EndReason.NOT_FOUND, 404),
        (603, EndReason.DECLINED, 603),
        (503, EndReason.UNAVAILABLE, 500),  # a proxy must not pass 503 on (RFC 3261 16.7)
        (480, EndReason.UNAVAILABLE, 480),
        (403, EndReason.FORBIDDEN, 403),
    ],
)
def test_failure_outcomes_give_the_right_reason(
    kamailio, sipp_uas, engine, call_log, status, reason, seen_status
):
    phone = _registered(engine, kamailio)
    kamailio.route_number(NUMBER, sipp_uas(status, ring_ms=100).address)
    call_id = phone.dial(NUMBER)
    ended = phone.wait_state(call_id, CallState.ENDED)
    assert ended.end_reason is reason
    assert ended.sip_status == seen_status
    assert not ended.no_common_media
    assert CallState.CONNECTED not in phone.states(call_id)
    record = call_log.records[call_id]
    assert (record.end_reason, record.sip_status, record.answered_at) == (reason, seen_status, None)
    assert record.talk_seconds == 0.0


def test_nobody_answers_within_the_ring_timeout(kamailio, sipp_uas, engine, call_log):
    phone = engine(account(kamailio), ring_timeout_s=1.5)
    phone.wait_registration(RegistrationState.REGISTERED)
    uas = sipp_uas(NO_ANSWER)
    kamailio.route_number(NUMBER, uas.address)
    call_id = phone.dial(NUMBER)
    phone.wait_state(call_id, CallState.RINGING)
    ended = phone.wait_state(call_id, CallState.ENDED, timeout=10)
    assert ended.end_reason is EndReason.NO_ANSWER
    assert call_log.records[call_id].end_reason is EndReason.NO_ANSWER
    assert "CANCEL sip:" in uas.messages()


def test_each_call_gets_its_own_ring_timeout(kamailio, sipp_uas, engine, call_log):
    """One timer serves every call's ring deadline: an answered call is never cut by it, and
    a call dialled later rings out its full time, not the earlier call's."""
    phone = engine(account(kamailio), ring_timeout_s=1.5)
    phone.wait_registration(RegistrationState.REGISTERED)
    answering, silent = sipp_uas(ANSWER), sipp_uas(NO_ANSWER)
    kamailio.route_number(NUMBER, answering.address)
    kamailio.route_number("+4930222222", silent.address)
    first = phone.dial(NUMBER)
    phone.wait_state(first, CallState.CONNECTED)
    phone.qtbot.wait(800)
    dialled_at = time.monotonic()
    second = phone.dial("+4930222222")
    ended = phone.wait_state(second, CallState.ENDED, timeout=10)
    rang_s = time.monotonic() - dialled_at
    assert ended.end_reason is EndReason.NO_ANSWER
    assert 1.4 <= rang_s < 3.0, rang_s
    assert CallState.ENDED not in phone.states(first)  # 2.3 s after its dial: still talking
    phone.engine.hangup(first)
    assert phone.wait_state(first, CallState.ENDED).end_reason is EndReason.COMPLETED


def test_user_hangs_up_while_it_rings(kamailio, sipp_uas, engine, call_log):
    phone = _registered(engine, kamailio)
    uas = sipp_uas(NO_ANSWER)
    kamailio.route_number(NUMBER, uas.address)
    call_id = phone.dial(NUMBER)
    phone.wait_state(call_id, CallState.RINGING)
    phone.engine.hangup(call_id)
    ended = phone.wait_state(call_id, CallState.ENDED)
    assert ended.end_reason is EndReason.CANCELLED
    assert call_log.records[call_id].end_reason is EndReason.CANCELLED


def test_unregistered_number_is_not_found(kamailio, engine, call_log):
    phone = _registered(engine, kamailio)
    call_id = phone.dial("+4922199999999")
    ended = phone.wait_state(call_id, CallState.ENDED)
    assert ended.end_reason is EndReason.NOT_FOUND
    assert ended.sip_status == 404


def test_server_down_is_a_network_error(engine, kamailio, call_log):
    port = free_port(socket.SOCK_STREAM)  # nothing listens there
    phone = engine(
        account(
            kamailio, transport=Transport.TCP, register=False, outbound_proxy=f"127.0.0.1:{port}"
        )
    )
    call_id = phone.dial(NUMBER)
    ended = phone.wait_state(call_id, CallState.ENDED)
    assert ended.end_reason is EndReason.NETWORK_ERROR
    assert call_log.records[call_id].end_reason is EndReason.NETWORK_ERROR


def test_two_calls_at_once_each_carry_their_own_task(kamailio, sipp_uas, engine, call_log):
    phone = _registered(engine, kamailio)
    uas = sipp_uas(ANSWER)
    kamailio.route_number(NUMBER, uas.address)
    first = phone.dial(NUMBER, task_id="task-a")
    second = phone.dial(NUMBER, task_id="task-b")  # placed while the first one is set up
    for call_id in (first, second):
        phone.wait_state(call_id, CallState.CONNECTED)
    for call_id in (first, second):
        phone.engine.hangup(call_id)
        phone.wait_state(call_id, CallState.ENDED)
    assert sorted(_header(invite, "X-VPA-Task") or "" for invite in uas.invites()) == [
        "task-a",
        "task-b",
    ]
    assert call_log.records[first].task_id == "task-a"
    assert call_log.records[second].task_id == "task-b"
    assert all(call_log.records[c].end_reason is EndReason.COMPLETED for c in (first, second))


def test_emergency_call_carries_no_task(kamailio, sipp_uas, engine, call_log):
    from vpaphone.core.model import CostZone, Destination, NumberKind, TelephonyArea

    phone = _registered(engine, kamailio)
    uas = sipp_uas(486)
    kamailio.route_number("112", uas.address)
    dest = Destination(e164="112", region="DE", kind=NumberKind.EMERGENCY)
    call_id = phone.engine.dial(dest, None, TelephonyArea.NONE, CostZone.DE)
    phone.wait_state(call_id, CallState.ENDED)
    (invite,) = uas.invites()
    assert _header(invite, "X-VPA-Task") is None
    assert call_log.records[call_id].counts_as_task_time is False


def test_mandatory_srtp_refuses_a_plain_rtp_answer(kamailio, sipp_uas, engine, call_log):
    phone = _registered(engine, kamailio, transport=Transport.TLS, srtp=SrtpMode.MANDATORY)
    uas = sipp_uas(ANSWER)  # answers RTP/AVP: unencrypted media
    kamailio.route_number(NUMBER, uas.address)
    call_id = phone.dial(NUMBER)
    ended = phone.wait_state(call_id, CallState.ENDED, timeout=5)
    (invite,) = uas.invites()
    assert "m=audio" in invite
    assert "RTP/SAVP" in invite
    assert "a=crypto:" in invite
    assert ended.end_reason is EndReason.FAILED
    assert ended.srtp_refused  # answered without SRTP: said so, not "no common audio format"
    assert CallState.CONNECTED not in phone.states(call_id)
    assert call_log.records[call_id].answered_at is None
