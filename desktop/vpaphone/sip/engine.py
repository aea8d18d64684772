"""`SipEngine`: the app's one way to make and take calls (Qt signals out, plain methods in).

Methods are called on the Qt thread and return at once; the pjsua2 work happens on the engine
thread (see `vpaphone.sip.worker` for why and for the measured figures). Every call attempt is
written through the `CallLog` on the Qt thread: `call_started` when placed or ringing in,
`call_answered`, `call_progress` every few seconds, `call_ended` with its `EndReason`.
"""

from __future__ import annotations

import concurrent.futures
import enum
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, TypeVar

import pjsua2 as pj
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from vpaphone.core.calls import CallLog, CallRecord, new_call_id
from vpaphone.core.model import CallDirection, CostZone, Destination, EndReason, TelephonyArea
from vpaphone.core.numbers import mask_e164, masked
from vpaphone.sip.config import SipAccountConfig
from vpaphone.sip.events import (
    CallStateEvent,
    DtmfEvent,
    Event,
    IncomingEvent,
    MediaEvent,
    PlacedEvent,
    RegEvent,
    RtpStats,
    SipEngineError,
    TransferEvent,
)
from vpaphone.sip.media import CallMediaHandler
from vpaphone.sip.reasons import (
    END_REASON_TEXT,
    NO_COMMON_MEDIA_TEXT,
    LocalEnd,
    RegistrationState,
    end_reason,
    registration_reason,
)
from vpaphone.sip.uri import caller_from_uri, dial_uri, zone_of
from vpaphone.sip.worker import IDENTITY_HEADER, TASK_HEADER, EngineWorker, log_failure

log = logging.getLogger(__name__)
T = TypeVar("T")

__all__ = ["IDENTITY_HEADER", "TASK_HEADER", "CallState", "CallUpdate", "SipEngine"]


class CallState(enum.StrEnum):
    INCOMING = "incoming"  # ringing in, waiting for answer/reject
    CALLING = "calling"
    RINGING = "ringing"  # remote rings; play local ringback
    EARLY_MEDIA = "early_media"  # remote rings and sends audio (announcements, ringback)
    CONNECTED = "connected"
    ON_HOLD = "on_hold"
    ENDED = "ended"


@dataclass(frozen=True, slots=True)
class RegistrationUpdate:
    state: RegistrationState
    reason: str  # user-facing
    sip_status: int | None = None


@dataclass(frozen=True, slots=True)
class CallUpdate:
    call_id: str
    state: CallState
    direction: CallDirection
    number: str  # E.164 (or the caller's SIP user when not a phone number)
    sip_status: int | None = None
    end_reason: EndReason | None = None
    reason_text: str = ""  # user-facing (English), for ENDED
    no_common_media: bool = False  # ENDED because no audio format could be agreed
    answered_at: datetime | None = None  # talk time counts from here


@dataclass(frozen=True, slots=True)
class IncomingCall:
    call_id: str
    caller_e164: str | None
    display: str


@dataclass
class _Call:
    record: CallRecord
    state: CallState
    local_end: LocalEnd = LocalEnd.NONE
    ring_deadline: float | None = None  # time.monotonic() when ringing out gives up
    timers: list[QTimer] = field(default_factory=list)
    placed: bool = True  # an outgoing call's bookkeeping is done (see `SipEngine._placed`)
    dest: Destination | None = None  # what was dialled (outgoing calls)


class SipEngine(QObject):
    """One SIP account's phone. Create on the Qt thread; `start(config)`, then dial/answer.

    `media_handler` (the audio bridge) is called on the engine thread; `endpoint` is the
    pjsua2 Endpoint while started, for creating media ports on the engine thread
    (`run_in_engine`).
    """

    registration_changed = Signal(object)  # RegistrationUpdate
    call_changed = Signal(object)  # CallUpdate
    incoming_call = Signal(object)  # IncomingCall
    dtmf_received = Signal(str, str)  # call id, digit
    transfer_finished = Signal(str, int)  # call id, final SIP status of the transfer target
    _events_ready = Signal()

    def __init__(
        self,
        call_log: CallLog,
        *,
        media_handler: CallMediaHandler | None = None,
        ring_timeout_s: float = 60.0,
        progress_interval_s: float = 5.0,
        zone_for_incoming: Callable[[str], CostZone] = zone_of,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._log = call_log
        self._media = media_handler
        self._ring_timeout_s = ring_timeout_s
        # One timer for every call's ring deadline: a QTimer per call cost ~0.13 ms of the
        # dial → INVITE path on a loaded machine (the engine thread waits for the GIL meanwhile).
        self._ring_timer = QTimer(self)
        self._ring_timer.setSingleShot(True)
        self._ring_timer.timeout.connect(self._ring_deadlines_due)
        self._zone_for_incoming = zone_for_incoming
        self._worker: EngineWorker | None = None
        self._config: SipAccountConfig | None = None
        self._calls: dict[str, _Call] = {}
        self._next_call_id: str | None = None  # made while idle: uuid4 costs ~60 µs cold
        self._registration = RegistrationUpdate(RegistrationState.UNREGISTERED, "Not registered")
        self._events_ready.connect(self._drain_events, Qt.ConnectionType.QueuedConnection)
        self._progress = QTimer(self)
        self._progress.setInterval(int(progress_interval_s * 1000))
        self._progress.timeout.connect(self._heartbeat)

    # --- lifecycle ---------------------------------------------------------------------------

    def start(self, config: SipAccountConfig) -> None:
        """Create the endpoint and account; registration results arrive as signals."""
        if self._worker is not None:
            raise SipEngineError("the SIP engine is already running")
        worker = EngineWorker(config, self._events_ready.emit, self._media)
        worker.start()
        self._worker = worker
        self._config = config
        self._next_call_id = new_call_id()
        self._progress.start()
        if config.register:
            self._set_registration(
                RegistrationUpdate(RegistrationState.REGISTERING, "Registering…")
            )
        else:
            self._set_registration(
                RegistrationUpdate(RegistrationState.NOT_REQUIRED, "Ready (direct calls)")
            )

    def shutdown(self) -> None:
        """Hang up, unregister, close media, destroy the endpoint. Safe to call twice."""
        worker, self._worker = self._worker, None
        if worker is None:
            return
        self._progress.stop()
        for call in self._calls.values():
            if call.local_end is LocalEnd.NONE:
                call.local_end = LocalEnd.HANGUP
        worker.stop()
        self._drain(worker)
        # calls whose end pjsua could not report any more (e.g. a stuck peer)
        for call_id in list(self._calls):
            self._end(call_id, datetime.now(UTC), 0, heard_from_peer=True)
        self._set_registration(RegistrationUpdate(RegistrationState.UNREGISTERED, "Stopped"))

    @property
    def running(self) -> bool:
        return self._worker is not None

    @property
    def endpoint(self) -> pj.Endpoint | None:
        """The pjsua2 Endpoint (engine thread only!), None when not started."""
        return None if self._worker is None else self._worker.endpoint

    @property
    def registration(self) -> RegistrationUpdate:
        return self._registration

    def run_in_engine(self, fn: Callable[[], T]) -> concurrent.futures.Future[T]:
        """Run `fn` on the engine thread (the only place pjsua2 objects may be used)."""
        return self._require().submit(fn)

    # --- calls -------------------------------------------------------------------------------

    def dial(
        self,
        dest: Destination,
        task_id: str | None,
        area: TelephonyArea,
        zone: CostZone,
    ) -> str:
        """Place a call; returns its id (also the CallRecord id). Progress arrives as signals."""
        worker = self._require()
        config = self._config
        assert config is not None
        if task_id is None and not dest.is_emergency:
            raise SipEngineError("every call except an emergency call belongs to a task")
        call_id, self._next_call_id = self._next_call_id or new_call_id(), None
        uri = dial_uri(dest, config.domain)
        # The INVITE first. The engine thread cannot place it before this thread lets go of the
        # GIL (back in the event loop), so here only the record is written (a crash a moment
        # later must not lose the attempt); the rest (`_placed`) runs when the engine thread
        # reports the INVITE sent, i.e. while it travels. Its PlacedEvent comes before any
        # other event of the call.
        worker.send(lambda: worker.make_call(call_id, uri, task_id))
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
        self._calls[call_id] = _Call(record, CallState.CALLING, placed=False, dest=dest)
        self._write(self._log.call_started, record)
        return call_id

    def _placed(self, call: _Call) -> None:
        """An outgoing call's bookkeeping besides its record: ring deadline, CALLING signal."""
        call.placed = True
        self._arm_ring_timeout(call)  # bounds set-up + ringing: a silent peer too
        if log.isEnabledFor(logging.INFO) and call.dest is not None:
            log.info("dialling %s (call %s)", masked(call.dest), call.record.id)
        self._emit_call(call.record.id)

    def hangup(self, call_id: str) -> None:
        call = self._calls.get(call_id)
        if call is None:
            return
        if call.local_end is LocalEnd.NONE:
            call.local_end = LocalEnd.HANGUP
        worker = self._require()
        worker.submit(lambda: worker.hangup(call_id))

    def answer(self, call_id: str) -> None:
        worker = self._require()
        self._known(call_id)
        worker.submit(lambda: worker.answer(call_id))

    def reject(self, call_id: str) -> None:
        """Refuse a ringing incoming call (603 Decline)."""
        call = self._known(call_id)
        call.local_end = LocalEnd.REJECT
        worker = self._require()
        worker.submit(lambda: worker.hangup(call_id, 603))

    def set_mute(self, call_id: str, muted: bool) -> None:
        worker = self._require()
        self._known(call_id)
        worker.submit(lambda: worker.set_mute(call_id, muted))

    def hold(self, call_id: str) -> None:
        worker = self._require()
        self._known(call_id)
        worker.submit(lambda: worker.hold(call_id))

    def resume(self, call_id: str) -> None:
        worker = self._require()
        self._known(call_id)
        worker.submit(lambda: worker.resume(call_id))

    def send_dtmf(self, call_id: str, digits: str) -> None:
        if not digits or any(d not in "0123456789*#ABCD" for d in digits.upper()):
            raise SipEngineError(f"not DTMF digits: {digits!r}")
        worker = self._require()
        self._known(call_id)
        worker.submit(lambda: worker.send_dtmf(call_id, digits.upper()))

    def transfer(self, call_id: str, dest: Destination) -> None:
        """Blind transfer (REFER) of a connected call to another number."""
        worker = self._require()
        self._known(call_id)
        config = self._config
        assert config is not None
        uri = dial_uri(dest, config.domain)
        worker.submit(lambda: worker.transfer(call_id, uri))

    def network_changed(self) -> None:
        """The network changed (new address, interface): rebuild transports, re-register."""
        worker = self._require()
        worker.submit(worker.network_changed)

    # --- inspection (blocking round trip to the engine thread) ---------------------------------

    def stream_stats(self, call_id: str) -> RtpStats | None:
        worker = self._require()
        return worker.call(lambda: worker.stats(call_id))

    def live_calls(self) -> int:
        worker = self._require()
        return worker.call(worker.live_calls)

    def media_ports(self) -> int:
        worker = self._require()
        return worker.call(worker.media_ports)

    def active_calls(self) -> list[str]:
        return list(self._calls)

    # --- events from the engine thread (Qt thread) ----------------------------------------------

    def _drain_events(self) -> None:
        if self._worker is not None:
            self._drain(self._worker)

    def _drain(self, worker: EngineWorker) -> None:
        while worker.events:
            event = worker.events.popleft()
            try:
                self._handle(event)
            except Exception:
                log_failure(f"handling SIP event {type(event).__name__} failed")

    def _handle(self, event: Event) -> None:
        if isinstance(event, CallStateEvent):  # first: CONNECTED is waited for
            self._on_call_state(event)
        elif isinstance(event, RegEvent):
            self._on_reg(event)
        elif isinstance(event, PlacedEvent):
            call = self._calls.get(event.key)
            if call is not None and not call.placed:
                self._placed(call)
        elif isinstance(event, MediaEvent):
            self._on_media(event)
        elif isinstance(event, IncomingEvent):
            self._on_incoming(event)
        elif isinstance(event, DtmfEvent) and event.key in self._calls:
            self.dtmf_received.emit(event.key, event.digit)
        elif isinstance(event, TransferEvent):
            self.transfer_finished.emit(event.key, event.status)

    def _on_reg(self, event: RegEvent) -> None:
        if event.started:
            if self._registration.state is not RegistrationState.REGISTERED:
                self._set_registration(
                    RegistrationUpdate(RegistrationState.REGISTERING, "Registering…")
                )
            return
        reason = registration_reason(event.code, event.reason)
        if 200 <= event.code < 300 and event.active:
            update = RegistrationUpdate(RegistrationState.REGISTERED, reason, event.code)
        elif 200 <= event.code < 300:
            update = RegistrationUpdate(RegistrationState.UNREGISTERED, "Not registered", 200)
        else:
            update = RegistrationUpdate(RegistrationState.FAILED, reason, event.code)
        self._set_registration(update)

    def _set_registration(self, update: RegistrationUpdate) -> None:
        if update != self._registration:
            self._registration = update
            self.registration_changed.emit(update)

    def _on_call_state(self, event: CallStateEvent) -> None:
        call = self._calls.get(event.key)
        if call is None:
            return
        state = event.state
        if state == pj.PJSIP_INV_STATE_EARLY and call.record.direction is CallDirection.OUTGOING:
            if call.state is CallState.CALLING and event.status in (180, 181, 182, 183):
                self._set_state(event.key, CallState.RINGING, event.status)
        elif state == pj.PJSIP_INV_STATE_CONFIRMED and event.media_failed:
            # pjsua is already hanging up (BYE, 415); tell the user now, not after the BYE
            call.local_end = LocalEnd.NO_COMMON_MEDIA
            self._end(event.key, event.at, event.status, event.heard_from_peer)
        elif state == pj.PJSIP_INV_STATE_CONFIRMED:
            answered_at = call.record.answered_at
            # the user first: the record's copy, its write and the timer clean-up can wait
            self._set_state(event.key, CallState.CONNECTED, event.status, answered_at or event.at)
            if answered_at is None:
                call.record = replace(call.record, answered_at=event.at)
                self._stop_ring_timeout(call)
                self._write(self._log.call_answered, call.record.id, event.at)
        elif state == pj.PJSIP_INV_STATE_DISCONNECTED:
            self._end(event.key, event.at, event.status, event.heard_from_peer)

    def _on_media(self, event: MediaEvent) -> None:
        call = self._calls.get(event.key)
        if call is None:
            return
        if event.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
            if event.early and call.state in (CallState.CALLING, CallState.RINGING):
                self._set_state(event.key, CallState.EARLY_MEDIA, None)
            elif call.state is CallState.ON_HOLD:
                self._set_state(event.key, CallState.CONNECTED, None)
        elif event.status == pj.PJSUA_CALL_MEDIA_LOCAL_HOLD and call.state is CallState.CONNECTED:
            self._set_state(event.key, CallState.ON_HOLD, None)

    def _on_incoming(self, event: IncomingEvent) -> None:
        config = self._config
        region = config.default_region if config else "DE"
        e164, display = caller_from_uri(event.remote_uri, region)
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
        self._calls[event.key] = call
        self._write(self._log.call_started, record)
        log.info("incoming call from %s (call %s)", mask_e164(number), event.key)
        if not event.busy:
            self._emit_call(event.key)
            self.incoming_call.emit(IncomingCall(event.key, e164, display))

    def _end(self, call_id: str, at: datetime, status: int, heard_from_peer: bool) -> None:
        call = self._calls.get(call_id)
        if call is None:
            return
        if not call.placed:  # the engine stopped before it placed the call
            self._placed(call)
        del self._calls[call_id]
        self._stop_ring_timeout(call)
        record = call.record
        reason = end_reason(
            record.direction,
            record.answered_at is not None,
            status,
            call.local_end,
            heard_from_peer,
        )
        sip_status = status or None
        call.record = replace(record, ended_at=at, end_reason=reason, sip_status=sip_status)
        self._write(self._log.call_ended, call_id, at, reason, sip_status)
        log.info("call %s ended: %s (SIP %s)", call_id, reason.value, status)
        if call.local_end is LocalEnd.BUSY_HERE:
            return  # never shown: refused while the user was on another call
        call.state = CallState.ENDED
        self.call_changed.emit(
            CallUpdate(
                call_id=call_id,
                state=CallState.ENDED,
                direction=record.direction,
                number=record.e164,
                sip_status=sip_status,
                end_reason=reason,
                reason_text=(
                    NO_COMMON_MEDIA_TEXT
                    if call.local_end is LocalEnd.NO_COMMON_MEDIA
                    else END_REASON_TEXT[reason]
                ),
                no_common_media=call.local_end is LocalEnd.NO_COMMON_MEDIA,
                answered_at=record.answered_at,
            ),
        )
        if self._next_call_id is None:  # for the next dial, made now that this one is over
            self._next_call_id = new_call_id()

    def _set_state(
        self,
        call_id: str,
        state: CallState,
        status: int | None,
        answered_at: datetime | None = None,
    ) -> None:
        call = self._calls[call_id]
        if call.state is state:
            return
        call.state = state
        self._emit_call(call_id, status, answered_at)

    def _emit_call(
        self, call_id: str, status: int | None = None, answered_at: datetime | None = None
    ) -> None:
        call = self._calls[call_id]
        self.call_changed.emit(
            CallUpdate(
                call_id=call_id,
                state=call.state,
                direction=call.record.direction,
                number=call.record.e164,
                sip_status=status,
                answered_at=answered_at or call.record.answered_at,
            ),
        )

    def _arm_ring_timeout(self, call: _Call) -> None:
        call.ring_deadline = time.monotonic() + self._ring_timeout_s
        if not self._ring_timer.isActive():  # else it is due earlier, and re-arms when it fires
            self._ring_timer.start(math.ceil(self._ring_timeout_s * 1000))

    def _stop_ring_timeout(self, call: _Call) -> None:
        call.ring_deadline = None  # the shared timer finds nothing due, or re-arms for others

    def _ring_deadlines_due(self) -> None:
        now = time.monotonic()
        next_due: float | None = None
        for call_id, call in list(self._calls.items()):
            due = call.ring_deadline
            if due is None:
                continue
            if due <= now + 0.001:  # a coarse Qt timer may fire a little early: re-armed below
                call.ring_deadline = None
                self._ring_timed_out(call_id)
            else:
                next_due = due if next_due is None else min(next_due, due)
        if next_due is not None:
            self._ring_timer.start(math.ceil((next_due - now) * 1000))

    def _ring_timed_out(self, call_id: str) -> None:
        call = self._calls.get(call_id)
        if call is None or call.record.answered_at is not None or self._worker is None:
            return
        call.local_end = LocalEnd.RING_TIMEOUT
        worker = self._worker
        worker.submit(lambda: worker.hangup(call_id))

    def _heartbeat(self) -> None:
        now = datetime.now(UTC)
        for call_id, call in self._calls.items():
            if call.state is not CallState.ENDED:
                self._write(self._log.call_progress, call_id, now)

    # --- helpers -----------------------------------------------------------------------------

    def _require(self) -> EngineWorker:
        if self._worker is None:
            raise SipEngineError("the SIP engine is not running")
        return self._worker

    def _known(self, call_id: str) -> _Call:
        call = self._calls.get(call_id)
        if call is None:
            raise SipEngineError("no such call")
        return call

    def _write(self, method: Callable[..., Any], *args: Any) -> None:
        """Call records must never take the phone down; a failing store is logged loudly."""
        try:
            method(*args)
        except Exception:
            log_failure(f"writing the call record failed ({method.__name__})")
