"""In-call behaviour against sipp: early media, DTMF over SIP INFO, heartbeats."""

from __future__ import annotations

import re

import pytest

from tests.fixtures.sipp import ANSWER
from tests.integration.sip.helpers import account
from vpaphone.sip.engine import CallState
from vpaphone.sip.reasons import RegistrationState

pytestmark = [pytest.mark.kamailio, pytest.mark.sipp]

NUMBER = "+4930888888"


def _phone(engine, kamailio, **kwargs):
    phone = engine(account(kamailio), **kwargs)
    phone.wait_registration(RegistrationState.REGISTERED)
    return phone


def test_early_media_is_signalled_before_the_answer(kamailio, sipp_uas, engine):
    phone = _phone(engine, kamailio)
    kamailio.route_number(NUMBER, sipp_uas(ANSWER, ring_ms=800, early_media=True).address)
    call_id = phone.dial(NUMBER)
    phone.wait_state(call_id, CallState.EARLY_MEDIA)
    phone.qtbot.wait(400)
    early = phone.engine.stream_stats(call_id)  # RTP flows before anyone answered
    phone.wait_state(call_id, CallState.CONNECTED)
    assert early is not None
    assert early.rx_packets > 5
    states = phone.states(call_id)
    assert states.index(CallState.EARLY_MEDIA) < states.index(CallState.CONNECTED)
    phone.engine.hangup(call_id)
    phone.wait_state(call_id, CallState.ENDED)


def test_dtmf_falls_back_to_sip_info(kamailio, sipp_uas, engine):
    phone = _phone(engine, kamailio)
    uas = sipp_uas(ANSWER, telephone_event=False)
    kamailio.route_number(NUMBER, uas.address)
    call_id = phone.dial(NUMBER)
    phone.wait_state(call_id, CallState.CONNECTED)
    phone.engine.send_dtmf(call_id, "5")

    def info_bodies() -> list[str]:
        return re.findall(r"^INFO sip:.*?Signal=(\S+)", uas.messages(), re.MULTILINE | re.DOTALL)

    phone.qtbot.waitUntil(lambda: info_bodies() == ["5"], timeout=5000)
    phone.engine.hangup(call_id)
    phone.wait_state(call_id, CallState.ENDED)


def test_running_call_sends_heartbeats(kamailio, sipp_uas, engine, call_log):
    phone = _phone(engine, kamailio, progress_interval_s=0.2)
    kamailio.route_number(NUMBER, sipp_uas(ANSWER).address)
    call_id = phone.dial(NUMBER)
    phone.wait_state(call_id, CallState.CONNECTED)
    phone.qtbot.wait(1100)
    beats = [at for cid, at in call_log.progress if cid == call_id]
    assert len(beats) >= 4
    assert beats == sorted(beats)
    phone.engine.hangup(call_id)
    phone.wait_state(call_id, CallState.ENDED)
    count = len([1 for cid, _ in call_log.progress if cid == call_id])
    phone.qtbot.wait(500)
    assert len([1 for cid, _ in call_log.progress if cid == call_id]) == count  # none after end
