"""Plays the right tone for the calls' states: ringtone, ringback, busy, failure.

`tone_for` decides from the live calls (plain logic, unit-tested); `CallTones` follows the SIP
engine's `call_changed` signal and drives a `TonePlayer` on the Qt thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from vpaphone.audio.tones import Tone, TonePlayer
from vpaphone.core.model import CallDirection, EndReason
from vpaphone.sip.engine import CallState, CallUpdate

# Why an unanswered outgoing call ended -> what the caller hears before the UI explains it.
_END_TONES: dict[EndReason, Tone] = {
    EndReason.BUSY: Tone.BUSY,
    EndReason.DECLINED: Tone.BUSY,
    EndReason.NOT_FOUND: Tone.FAILURE,
    EndReason.UNAVAILABLE: Tone.FAILURE,
    EndReason.FORBIDDEN: Tone.FAILURE,
    EndReason.NETWORK_ERROR: Tone.FAILURE,
    EndReason.FAILED: Tone.FAILURE,
}


def tone_for(live: list[CallUpdate], ended: CallUpdate | None = None) -> Tone | None:
    """The tone to play now, given the calls still going and the one that just ended (if any).

    A call ringing in while another is up knocks softly in the headset (call waiting), never
    with the ringer. Else a call with audio (connected, early media) wins: the user is
    listening to it.
    """
    states = {update.state for update in live}
    if CallState.INCOMING in states and states - {CallState.INCOMING}:
        return Tone.CALL_WAITING
    if states & {CallState.CONNECTED, CallState.EARLY_MEDIA}:
        return None
    if CallState.INCOMING in states:
        return Tone.RINGTONE
    if CallState.RINGING in states:
        return Tone.RINGBACK
    if (
        ended is not None
        and ended.direction is CallDirection.OUTGOING
        and ended.answered_at is None
        and ended.end_reason is not None
    ):
        return _END_TONES.get(ended.end_reason)
    return None


_LOOPING = (Tone.RINGTONE, Tone.RINGBACK, Tone.CALL_WAITING)  # stop when their call ends


class CallTones(QObject):
    """Connect `on_call_changed` to `SipEngine.call_changed` (it runs on the Qt thread)."""

    def __init__(self, player: TonePlayer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.player = player
        self._live: dict[str, CallUpdate] = {}

    def on_call_changed(self, update: CallUpdate) -> None:
        ended = None
        if update.state is CallState.ENDED:
            self._live.pop(update.call_id, None)
            ended = update
        else:
            self._live[update.call_id] = update
        tone = tone_for(list(self._live.values()), ended)
        if tone is None:
            if ended is None or self.player.current in _LOOPING:
                self.player.stop()
        elif tone is not self.player.current:
            self.player.play(tone)
