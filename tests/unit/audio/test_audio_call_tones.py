"""Which tone plays for which call situation (the decision, without sound)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from vpaphone.audio.call_tones import tone_for
from vpaphone.audio.tones import Tone
from vpaphone.core.model import CallDirection, EndReason
from vpaphone.sip.engine import CallState, CallUpdate


def _call(
    state: CallState,
    direction: CallDirection = CallDirection.OUTGOING,
    reason: EndReason | None = None,
    answered: bool = False,
    call_id: str = "a",
) -> CallUpdate:
    return CallUpdate(
        call_id=call_id,
        state=state,
        direction=direction,
        number="+4922112345678",
        end_reason=reason,
        answered_at=datetime.now(UTC) if answered else None,
    )


@pytest.mark.parametrize(
    ("state", "tone"),
    [
        (CallState.CALLING, None),
        (CallState.RINGING, Tone.RINGBACK),
        (CallState.EARLY_MEDIA, None),  # the far end's own ringback/announcement plays
        (CallState.CONNECTED, None),
        (CallState.ON_HOLD, None),
    ],
)
def test_outgoing_call_states(state: CallState, tone: Tone | None) -> None:
    assert tone_for([_call(state)]) is tone


def test_incoming_call_rings_unless_another_call_is_up() -> None:
    """Issue 15, call waiting: during a call a second call knocks softly in the headset
    (never the ringer), also while the first is on hold or still being placed."""
    ringing_in = _call(CallState.INCOMING, CallDirection.INCOMING, call_id="in")
    assert tone_for([ringing_in]) is Tone.RINGTONE
    for state in (CallState.CONNECTED, CallState.ON_HOLD, CallState.RINGING):
        assert tone_for([ringing_in, _call(state)]) is Tone.CALL_WAITING
    other_in = _call(CallState.INCOMING, CallDirection.INCOMING, call_id="in2")
    assert tone_for([ringing_in, other_in]) is Tone.RINGTONE  # nothing up yet: both ring
    assert Tone.CALL_WAITING.role is not Tone.RINGTONE.role  # in the call, not the ringer


@pytest.mark.parametrize(
    ("reason", "tone"),
    [
        (EndReason.BUSY, Tone.BUSY),
        (EndReason.DECLINED, Tone.BUSY),
        (EndReason.NOT_FOUND, Tone.FAILURE),
        (EndReason.NETWORK_ERROR, Tone.FAILURE),
        (EndReason.CANCELLED, None),
        (EndReason.NO_ANSWER, None),
    ],
)
def test_unanswered_outgoing_call_end(reason: EndReason, tone: Tone | None) -> None:
    assert tone_for([], _call(CallState.ENDED, reason=reason)) is tone


def test_answered_or_incoming_call_end_is_silent() -> None:
    completed = _call(CallState.ENDED, reason=EndReason.FAILED, answered=True)
    assert tone_for([], completed) is None
    missed = _call(CallState.ENDED, CallDirection.INCOMING, reason=EndReason.BUSY)
    assert tone_for([], missed) is None
