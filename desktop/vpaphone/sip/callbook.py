"""`SipEngine`'s record of each call on the Qt thread: its state, its `CallLog` entry, and the
`CallUpdate`s the app is sent, made from the engine thread's events.

The `CallLog` is written here only: `call_started` when a call is placed or rings in,
`call_answered`, `call_progress` every few seconds, `call_ended` with its `EndReason`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject

from vpaphone.core.calls import CallLog, CallRecord
from vpaphone.core.model import CallDirection, CostZone, Destination, TelephonyArea
from vpaphone.core.numbers import mask_e164, masked
from vpaphone.sip.calltimers import CallTimers
from vpaphone.sip.events import (
    CallStateEvent,
    IncomingEvent,
    InviteState,
    MediaEvent,
    MediaStatus,
    ReplacedEvent,
    SipEngineError,
)
from vpaphone.sip.failures import log_failure
from vpaphone.sip.reasons import LocalEnd, end_reason
from vpaphone.sip.updates import CallState, CallUpdate, IncomingCall
from vpaphone.sip.uri import caller_from_uri

log = logging.getLogger(__name__)


# answered and in either hold state: where hold by either side can move the call
_TALKING = frozenset({CallState.CONNECTED, CallState.ON_HOLD, CallState.HELD_BY_PEER})


@dataclass
class _Call:
    record: CallRecord
    state: CallState
    local_end: LocalEnd = LocalEnd.NONE
    srtp_refused: bool = False  # ended: refused for its media while SRTP is mandatory
    announced: bool = True  # the app was told about the call (see `placed`)
    replaces: str | None = None  # the call it took over (`replaced`)
    transfer: tuple[str, datetime] | None = None  # a transfer under way: target, started


class CallBook(QObject):
    """The running calls by id. `emit_call`/`emit_incoming` are `SipEngine`'s signals;
    `ring_timed_out(call_id)` must hang the call up (its end then arrives as an event)."""

    def __init__(
        self,
        call_log: CallLog,
        emit_call: Callable[[CallUpdate], None],
        emit_incoming: Callable[[IncomingCall], None],
        *,
        zone_for_incoming: Callable[[str], CostZone],
        ring_timed_out: Callable[[str], None],
        ring_timeout_s: float,
        progress_interval_s: float,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._log = call_log
        self._emit_call = emit_call
        self._emit_incoming = emit_incoming
        self._zone_for_incoming = zone_for_incoming
        self._ring_timed_out = ring_timed_out
        self._calls: dict[str, _Call] = {}
        self.timers = CallTimers(
            ring_timeout_s, progress_interval_s, self._timed_out, self._heartbeat, self
        )

    def ids(self) -> list[str]:
        return list(self._calls)

    def has(self, call_id: str) -> bool:
        return call_id in self._calls

    def known(self, call_id: str) -> _Call:
        call = self._calls.get(call_id)
        if call is None:
            raise SipEngineError("no such call")
        return call

    def ended_here(self, call_id: str, why: LocalEnd) -> None:
        """This side ends the call (`why`), unless it is ending for another reason already."""
        call = self._calls.get(call_id)
        if call is not None and (why is LocalEnd.REJECT or call.local_end is LocalEnd.NONE):
            call.local_end = why

    def transferring(self, call_id: str, target: str) -> None:
        """The VPA hands the call over to `target` (E.164): recorded if it succeeds."""
        self.known(call_id).transfer = (target, datetime.now(UTC))

    def transfer_finished(self, call_id: str, status: int) -> None:
        """The transfer's outcome: a 2xx puts the target and the split into the record."""
        call = self._calls.get(call_id)
        if call is None or call.transfer is None:
            return
        (target, at), call.transfer = call.transfer, None
        if 200 <= status < 300:
            call.record = replace(call.record, transferred_to=target, transferred_at=at)
            self._write(self._log.call_transferred, call_id, target, at)
            log.info("call %s transferred (to %s)", call_id, mask_e164(target))

    def placed(
        self,
        call_id: str,
        dest: Destination,
        task_id: str | None,
        area: TelephonyArea,
        zone: CostZone,
    ) -> CallRecord:
        """An outgoing call, before its INVITE is queued; returns its record, for `started`.
        The app hears of it (CALLING) from `announce`."""
        record = CallRecord(
            id=call_id,
            task_id=task_id,
            direction=CallDirection.OUTGOING,
            e164=dest.e164,
            zone=zone,
            area=area,
            started_at=datetime.now(UTC),
            counts_as_task_time=not dest.is_emergency,
        )
        self._calls[call_id] = _Call(record, CallState.CALLING, announced=False)
        self.timers.ring_started(call_id)
        self.timers.start_heartbeat()
        log.info("dialling %s (call %s)", masked(dest), call_id)
        return record

    def started(self, record: CallRecord) -> None:
        self._write(self._log.call_started, record)

    def announce(self, call_id: str) -> None:
        call = self._calls.get(call_id)
        if call is not None and not call.announced:
            call.announced = True
            self._emit(call_id)

    def incoming(self, event: IncomingEvent, default_region: str) -> None:
        e164, display = caller_from_uri(event.remote_uri, default_region)
        number = e164 or display
        record = CallRecord(
            id=event.key,
            task_id=None,
            direction=CallDirection.INCOMING,
            e164=number,
            zone=self._zone_for_incoming(e164) if e164 else CostZone.NON_EU,
            area=TelephonyArea.NONE,
            started_at=event.at,
        )
        call = _Call(record, CallState.INCOMING)
        if event.busy:
            call.local_end = LocalEnd.BUSY_HERE
        waiting = any(c.state is not CallState.ENDED for c in self._calls.values())
        self._calls[event.key] = call
        self._write(self._log.call_started, record)
        self.timers.start_heartbeat()
        log.info("incoming call from %s (call %s)", mask_e164(number), event.key)
        if not event.busy:
            self.timers.ring_started(event.key)  # a caller who never gives up gets 480
            self._emit(event.key)
            self._emit_incoming(IncomingCall(event.key, e164, display, waiting))

    def replaced(self, event: ReplacedEvent, default_region: str) -> None:
        """An attended transfer to us: the new call continues the task of the one it replaces
        (pjsua answers it as the old one was: 200 if connected, else ringing)."""
        old = self._calls.get(event.replaces)
        e164, display = caller_from_uri(event.remote_uri, default_region)
        number = e164 or display
        record = CallRecord(
            id=event.key,
            task_id=old.record.task_id if old is not None else None,
            direction=CallDirection.INCOMING,
            e164=number,
            zone=self._zone_for_incoming(e164) if e164 else CostZone.NON_EU,
            area=old.record.area if old is not None else TelephonyArea.NONE,
            started_at=event.at,
        )
        self._calls[event.key] = _Call(record, CallState.INCOMING, replaces=event.replaces)
        self._write(self._log.call_started, record)
        log.info("call %s replaces call %s (attended transfer)", event.key, event.replaces)
        if old is not None and old.state is CallState.INCOMING:  # still ringing: so is this
            self._emit(event.key)
            self._emit_incoming(IncomingCall(event.key, e164, display))

    def call_state(self, event: CallStateEvent) -> None:
        self.announce(event.key)  # CALLING before anything the engine thread reports
        call = self._calls.get(event.key)
        if call is None:
            return
        state = event.state
        if state is InviteState.EARLY and call.record.direction is CallDirection.OUTGOING:
            if call.state is CallState.CALLING and event.status in (180, 181, 182, 183):
                self._set_state(event.key, CallState.RINGING, event.status)
        elif state is InviteState.CONFIRMED and event.media_failed:
            # pjsua is already hanging up (BYE, 415); tell the user now, not after the BYE
            call.local_end = LocalEnd.NO_COMMON_MEDIA
            call.srtp_refused = event.srtp_refused
            self.end(event.key, event.at, event.status, event.heard_from_peer)
        elif state is InviteState.CONFIRMED:
            answered_at = call.record.answered_at
            # the user first: the record's copy, its write and the timer clean-up can wait
            self._set_state(event.key, CallState.CONNECTED, event.status, answered_at or event.at)
            if answered_at is None:
                call.record = replace(call.record, answered_at=event.at)
                self.timers.ring_over(event.key)
                self._write(self._log.call_answered, call.record.id, event.at)
        elif state is InviteState.DISCONNECTED:
            call.srtp_refused = event.srtp_refused
            self.end(event.key, event.at, event.status, event.heard_from_peer)

    def media(self, event: MediaEvent) -> None:
        self.announce(event.key)
        call = self._calls.get(event.key)
        if call is None:
            return
        if event.status is MediaStatus.ACTIVE:
            if event.early and call.state in (CallState.CALLING, CallState.RINGING):
                self._set_state(event.key, CallState.EARLY_MEDIA, None)
            elif call.state in (CallState.ON_HOLD, CallState.HELD_BY_PEER):
                self._set_state(event.key, CallState.CONNECTED, None)
        elif event.status is MediaStatus.LOCAL_HOLD and call.state in _TALKING:
            self._set_state(event.key, CallState.ON_HOLD, None)
        elif event.status is MediaStatus.REMOTE_HOLD and call.state in _TALKING:
            self._set_state(event.key, CallState.HELD_BY_PEER, None)

    def end(self, call_id: str, at: datetime, status: int, heard_from_peer: bool) -> None:
        self.announce(call_id)  # CALLING first, also when the engine stopped at once
        call = self._calls.pop(call_id, None)
        if call is None:
            return
        self.timers.ring_over(call_id)
        record = call.record
        answered = record.answered_at is not None
        reason = end_reason(record.direction, answered, status, call.local_end, heard_from_peer)
        sip_status = status or None
        call.record = replace(record, ended_at=at, end_reason=reason, sip_status=sip_status)
        self._write(self._log.call_ended, call_id, at, reason, sip_status)
        log.info("call %s ended: %s (SIP %s)", call_id, reason.value, status)
        if call.local_end is LocalEnd.BUSY_HERE:
            return  # never shown: refused while the user was on another call
        call.state = CallState.ENDED
        self._emit_call(
            CallUpdate(
                call_id=call_id,
                state=CallState.ENDED,
                direction=record.direction,
                number=record.e164,
                sip_status=sip_status,
                end_reason=reason,
                no_common_media=call.local_end is LocalEnd.NO_COMMON_MEDIA,
                srtp_refused=call.srtp_refused,
                answered_at=record.answered_at,
            ),
        )

    def _set_state(
        self,
        call_id: str,
        state: CallState,
        status: int | None,
        answered_at: datetime | None = None,
    ) -> None:
        call = self._calls[call_id]
        if call.state is not state:
            call.state = state
            self._emit(call_id, status, answered_at)

    def _emit(
        self, call_id: str, status: int | None = None, answered_at: datetime | None = None
    ) -> None:
        call = self._calls[call_id]
        self._emit_call(
            CallUpdate(
                call_id=call_id,
                state=call.state,
                direction=call.record.direction,
                number=call.record.e164,
                sip_status=status,
                answered_at=answered_at or call.record.answered_at,
                replaces=call.replaces,
            ),
        )

    def _timed_out(self, call_id: str) -> None:
        call = self._calls.get(call_id)
        if call is not None and call.record.answered_at is None:
            call.local_end = LocalEnd.RING_TIMEOUT
            self._ring_timed_out(call_id)

    def _heartbeat(self) -> None:
        now = datetime.now(UTC)
        live = [
            call_id for call_id, call in self._calls.items() if call.state is not CallState.ENDED
        ]
        if not live:
            self.timers.stop_heartbeat()  # an idle phone wakes for nothing (issue 17)
        for call_id in live:
            self._write(self._log.call_progress, call_id, now)

    def _write(self, method: Callable[..., Any], *args: Any) -> None:
        """Call records must never take the phone down; a failing store is logged loudly."""
        try:
            method(*args)
        except Exception:
            log_failure(f"writing the call record failed ({method.__name__})")
