"""SIP status → outcome codes (what the UI then words)."""

from __future__ import annotations

import pytest

from vpaphone.core.model import CallDirection, EndReason
from vpaphone.sip.reasons import LocalEnd, RegistrationState, end_reason, registration_state

OUT, IN = CallDirection.OUTGOING, CallDirection.INCOMING


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (486, EndReason.BUSY),
        (600, EndReason.BUSY),
        (603, EndReason.DECLINED),
        (404, EndReason.NOT_FOUND),
        (484, EndReason.NOT_FOUND),
        (480, EndReason.UNAVAILABLE),
        (503, EndReason.UNAVAILABLE),
        (500, EndReason.UNAVAILABLE),
        (408, EndReason.NO_ANSWER),
        (403, EndReason.FORBIDDEN),
        (407, EndReason.FORBIDDEN),
        (488, EndReason.FAILED),
        (699, EndReason.FAILED),
    ],
)
def test_outgoing_failures_from_the_far_end(status, expected):
    assert end_reason(OUT, False, status, LocalEnd.NONE, heard_from_peer=True) is expected


@pytest.mark.parametrize("status", [0, 408, 503])
def test_no_response_at_all_is_a_network_error(status):
    assert end_reason(OUT, False, status, LocalEnd.NONE, False) is EndReason.NETWORK_ERROR


def test_answered_calls_complete_whoever_hangs_up():
    assert end_reason(OUT, True, 200, LocalEnd.HANGUP, True) is EndReason.COMPLETED
    assert end_reason(IN, True, 200, LocalEnd.NONE, True) is EndReason.COMPLETED


def test_local_decisions_win_over_the_status():
    assert end_reason(OUT, False, 487, LocalEnd.HANGUP, True) is EndReason.CANCELLED
    assert end_reason(OUT, False, 487, LocalEnd.RING_TIMEOUT, True) is EndReason.NO_ANSWER
    assert end_reason(OUT, True, 200, LocalEnd.NO_COMMON_MEDIA, True) is EndReason.FAILED


def test_incoming_calls_are_missed_or_rejected():
    assert end_reason(IN, False, 487, LocalEnd.NONE, True) is EndReason.MISSED
    assert end_reason(IN, False, 486, LocalEnd.BUSY_HERE, True) is EndReason.MISSED
    assert end_reason(IN, False, 603, LocalEnd.REJECT, True) is EndReason.REJECTED


@pytest.mark.parametrize(
    ("code", "active", "state"),
    [
        (200, True, RegistrationState.REGISTERED),
        (200, False, RegistrationState.UNREGISTERED),  # the answer to an un-REGISTER
        (401, False, RegistrationState.FAILED),
        (403, False, RegistrationState.FAILED),
        (408, False, RegistrationState.FAILED),
        (503, True, RegistrationState.FAILED),  # a failed refresh: pjsua may still hold one
        (0, False, RegistrationState.FAILED),  # no answer at all
    ],
)
def test_registration_state_from_the_answer(code, active, state):
    assert registration_state(code, active) is state
