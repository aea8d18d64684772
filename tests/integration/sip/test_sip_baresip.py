"""Calls with baresip, a real phone: audio both ways, DTMF, hold, incoming calls."""

from __future__ import annotations

import pytest

from tests.integration.sip.helpers import ToneSource, account
from vpaphone.core.model import CallDirection, EndReason
from vpaphone.sip.engine import CallState
from vpaphone.sip.reasons import RegistrationState

pytestmark = [pytest.mark.kamailio, pytest.mark.baresip]

BARESIP_NUMBER = "+4922100000002"


def _registered(engine, kamailio, user="alice", **kwargs):
    phone = engine(account(kamailio, user=user, **kwargs))
    phone.wait_registration(RegistrationState.REGISTERED)
    return phone


def test_call_to_a_real_phone_with_dtmf(kamailio, baresip_phone, engine, call_log):
    remote = baresip_phone(kamailio, BARESIP_NUMBER)
    phone = _registered(engine, kamailio)
    call_id = phone.dial(BARESIP_NUMBER)
    phone.wait_state(call_id, CallState.CONNECTED)
    remote.wait_event("CALL_ESTABLISHED")
    phone.engine.send_dtmf(call_id, "12#")
    phone.qtbot.waitUntil(lambda: remote.dtmf_digits() == "12#", timeout=5000)
    stats = phone.engine.stream_stats(call_id)
    assert stats is not None
    assert stats.rx_packets > 10
    assert stats.tx_packets > 10
    phone.engine.hangup(call_id)
    phone.wait_state(call_id, CallState.ENDED)
    remote.wait_event("CALL_CLOSED")
    assert call_log.records[call_id].end_reason is EndReason.COMPLETED


def test_incoming_call_rings_and_is_answered(kamailio, baresip_phone, engine, call_log):
    phone = _registered(engine, kamailio, user="+4922100000001")
    remote = baresip_phone(kamailio, BARESIP_NUMBER)
    remote.command("dial", f"sip:+4922100000001@{kamailio.domain}")
    phone.qtbot.waitUntil(lambda: len(phone.incoming) == 1, timeout=5000)
    incoming = phone.incoming[0]
    assert incoming.caller_e164 == BARESIP_NUMBER
    remote.wait_event("CALL_RINGING")
    phone.engine.answer(incoming.call_id)
    phone.wait_state(incoming.call_id, CallState.CONNECTED)
    remote.wait_event("CALL_ESTABLISHED")
    phone.qtbot.wait(500)
    remote.command("hangup")
    ended = phone.wait_state(incoming.call_id, CallState.ENDED)
    assert ended.end_reason is EndReason.COMPLETED
    record = call_log.records[incoming.call_id]
    assert record.direction is CallDirection.INCOMING
    assert record.e164 == BARESIP_NUMBER
    assert record.answered_at is not None
    assert record.talk_seconds > 0.3


def test_incoming_call_rejected(kamailio, baresip_phone, engine, call_log):
    phone = _registered(engine, kamailio, user="+4922100000001")
    remote = baresip_phone(kamailio, BARESIP_NUMBER)
    remote.command("dial", f"sip:+4922100000001@{kamailio.domain}")
    phone.qtbot.waitUntil(lambda: len(phone.incoming) == 1, timeout=5000)
    call_id = phone.incoming[0].call_id
    phone.engine.reject(call_id)
    ended = phone.wait_state(call_id, CallState.ENDED)
    assert ended.end_reason is EndReason.REJECTED
    closed = remote.wait_event("CALL_CLOSED")
    assert "603" in str(closed.get("param", "")) or "Decline" in str(closed)
    assert call_log.records[call_id].end_reason is EndReason.REJECTED


def test_hold_and_resume(kamailio, baresip_phone, engine):
    remote = baresip_phone(kamailio, BARESIP_NUMBER)
    phone = _registered(engine, kamailio)
    call_id = phone.dial(BARESIP_NUMBER)
    phone.wait_state(call_id, CallState.CONNECTED)
    remote.wait_event("CALL_ESTABLISHED")
    phone.engine.hold(call_id)
    phone.wait_state(call_id, CallState.ON_HOLD)
    phone.updates.clear()
    phone.engine.resume(call_id)
    phone.wait_state(call_id, CallState.CONNECTED)
    before = phone.engine.stream_stats(call_id)
    phone.qtbot.wait(600)
    after = phone.engine.stream_stats(call_id)
    assert before is not None
    assert after is not None
    assert after.rx_packets > before.rx_packets  # audio flows again after resume
    assert after.tx_packets > before.tx_packets


def test_hold_by_the_other_side_is_shown(kamailio, baresip_phone, engine, qtbot):
    from vpaphone.ui.widgets.in_call import CallPhase, InCallPanel

    remote = baresip_phone(kamailio, BARESIP_NUMBER)
    phone = _registered(engine, kamailio)
    call_id = phone.dial(BARESIP_NUMBER)
    phone.wait_state(call_id, CallState.CONNECTED)
    remote.wait_event("CALL_ESTABLISHED")
    remote.command("hold")
    held = phone.wait_state(call_id, CallState.HELD_BY_PEER)
    panel = InCallPanel()
    qtbot.addWidget(panel)
    panel.set_phase(CallPhase(held.state.value))
    assert panel.state_label.text() == "On hold by the other side"
    phone.updates.clear()
    remote.command("resume")
    phone.wait_state(call_id, CallState.CONNECTED)
    phone.engine.hangup(call_id)
    phone.wait_state(call_id, CallState.ENDED)


def test_second_caller_waits_and_a_third_gets_busy(kamailio, baresip_phone, engine, call_log):
    """Call waiting: one call up, a second rings in (marked waiting), a third gets 486 at once
    without disturbing the user; the waiting call turned away without an answering machine
    hears 486 too. Every call keeps its own record."""
    phone = _registered(engine, kamailio, user="+4922100000001")
    first = baresip_phone(kamailio, BARESIP_NUMBER)
    second = baresip_phone(kamailio, "bob", auto_answer=False)
    third = baresip_phone(kamailio, "alice", auto_answer=False)
    call_id = phone.dial(BARESIP_NUMBER)
    phone.wait_state(call_id, CallState.CONNECTED)
    first.wait_event("CALL_ESTABLISHED")
    second.command("dial", f"sip:+4922100000001@{kamailio.domain}")
    phone.qtbot.waitUntil(lambda: len(phone.incoming) == 1, timeout=5000)
    waiting = phone.incoming[0]
    assert waiting.waiting
    third.command("dial", f"sip:+4922100000001@{kamailio.domain}")
    closed = third.wait_event("CALL_CLOSED")
    assert "486" in str(closed)

    def incoming() -> list[EndReason | None]:
        return [
            r.end_reason for r in call_log.records.values() if r.direction is CallDirection.INCOMING
        ]

    phone.qtbot.waitUntil(lambda: incoming() == [None, EndReason.MISSED], timeout=5000)
    assert len(phone.incoming) == 1  # the third is not shown

    phone.engine.turn_away(waiting.call_id, None)
    closed = second.wait_event("CALL_CLOSED")
    assert "486" in str(closed)
    phone.wait_state(waiting.call_id, CallState.ENDED)
    assert call_log.records[waiting.call_id].end_reason is EndReason.REJECTED
    assert len(call_log.records) == 3
    assert phone.states(call_id)[-1] is CallState.CONNECTED  # the running call goes on


def test_blind_transfer(kamailio, baresip_phone, sipp_uas, engine, call_log):
    remote = baresip_phone(kamailio, BARESIP_NUMBER)
    target = sipp_uas()
    kamailio.route_number("+4930222222", target.address)
    phone = _registered(engine, kamailio)
    call_id = phone.dial(BARESIP_NUMBER)
    phone.wait_state(call_id, CallState.CONNECTED)
    remote.wait_event("CALL_ESTABLISHED")
    from tests.integration.sip.helpers import destination

    phone.engine.transfer(call_id, destination("+4930222222"))
    ended = phone.wait_state(call_id, CallState.ENDED)
    assert ended.end_reason is EndReason.COMPLETED
    phone.qtbot.waitUntil(lambda: len(target.invites()) == 1, timeout=5000)
    assert target.invites()[0].startswith("INVITE sip:+4930222222@")


def _rms_per_window(path, window_s: float = 0.25) -> list[float]:
    import wave

    import numpy as np

    with wave.open(str(path)) as wav:
        rate = wav.getframerate()
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype=np.int16)
        samples = samples[:: wav.getnchannels()].astype(float)
    size = int(rate * window_s)
    return [
        float(np.sqrt(np.mean(samples[i : i + size] ** 2)))
        for i in range(0, len(samples) - size, size)
    ]


def test_mute_silences_what_the_far_end_hears(kamailio, baresip_phone, engine):
    remote = baresip_phone(kamailio, BARESIP_NUMBER)
    phone = engine(account(kamailio), media_handler=ToneSource())
    phone.wait_registration(RegistrationState.REGISTERED)
    call_id = phone.dial(BARESIP_NUMBER)
    phone.wait_state(call_id, CallState.CONNECTED)
    phone.qtbot.wait(1000)
    phone.engine.set_mute(call_id, True)
    phone.qtbot.wait(1000)
    phone.engine.set_mute(call_id, False)
    phone.qtbot.wait(1000)
    phone.engine.hangup(call_id)
    phone.wait_state(call_id, CallState.ENDED)
    remote.wait_event("CALL_CLOSED")
    heard = [p for p in remote.recordings() if "dec" in p.name]
    assert len(heard) == 1, remote.recordings()
    rms = _rms_per_window(heard[0])
    loud = [r > 1000 for r in rms]
    # loud, then a silent stretch of at least 0.5 s, then loud again
    first_quiet = loud.index(False, loud.index(True))
    back = loud.index(True, first_quiet)
    assert back - first_quiet >= 2
    assert max(rms[first_quiet + 1 : back - 1], default=0) < 50
