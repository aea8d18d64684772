"""`SipEngine`: the app's one way to make and take calls (Qt thread: signals out, methods in).

Every public method runs on the Qt thread (checked in debug runs) and returns at once; the
pjsua2 work happens on the engine thread (`loop.py`). A command that fails there is logged and
reported by `command_failed`. Each call's state and record: `callbook.py`.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal

from vpaphone.core.calls import CallLog, new_call_id
from vpaphone.core.model import CostZone, Destination, TelephonyArea
from vpaphone.sip.callbook import CallBook
from vpaphone.sip.calls import TRANSFER_OUTCOME_S, EngineCalls
from vpaphone.sip.config import SipAccountConfig
from vpaphone.sip.events import (
    CallStateEvent,
    CommandFailure,
    DtmfEvent,
    EngineCommand,
    Event,
    IncomingEvent,
    MediaEvent,
    RefusedIncomingEvent,
    RegEvent,
    ReplacedEvent,
    RtpStats,
    SipEngineError,
    TlsRefusedEvent,
    TransferEvent,
    TransferRequestEvent,
)
from vpaphone.sip.failures import log_failure
from vpaphone.sip.loop import EngineLoop
from vpaphone.sip.media import CallMediaHandler
from vpaphone.sip.reasons import LocalEnd, RegistrationState, registration_state
from vpaphone.sip.trust import TlsProblem, tls_problem
from vpaphone.sip.updates import (
    CallState,
    CallUpdate,
    IncomingCall,
    RegistrationUpdate,
    TransferRequest,
)
from vpaphone.sip.uri import dial_uri, refer_target, zone_of
from vpaphone.threads import assert_qt_thread

T = TypeVar("T")

__all__ = [
    "CallState",
    "CallUpdate",
    "CommandFailure",
    "EngineCommand",
    "IncomingCall",
    "RegistrationUpdate",
    "SipEngine",
    "TransferRequest",
]

_DTMF = frozenset("0123456789*#ABCD")


class SipEngine(QObject):
    """One SIP account's phone. Create on the Qt thread; `start(config)`, then dial/answer.

    `media_handler` (the audio bridge) is called on the engine thread.
    """

    registration_changed = Signal(RegistrationUpdate)
    call_changed = Signal(CallUpdate)
    incoming_call = Signal(IncomingCall)
    command_failed = Signal(CommandFailure)
    dtmf_received = Signal(str, str)  # call id, digit
    # call id, final SIP status of the transfer target (0: no final NOTIFY within the bound)
    transfer_finished = Signal(str, int)
    transfer_requested = Signal(TransferRequest)  # the far end sent a REFER (declined in SIP)
    _events_ready = Signal()
    _placed = Signal(str)  # call id; queued: see `dial`

    def __init__(
        self,
        call_log: CallLog,
        *,
        media_handler: CallMediaHandler | None = None,
        ring_timeout_s: float = 60.0,
        progress_interval_s: float = 5.0,
        transfer_outcome_s: float = TRANSFER_OUTCOME_S,
        zone_for_incoming: Callable[[str], CostZone] = zone_of,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._media = media_handler
        self._transfer_outcome_s = transfer_outcome_s
        self._loop: EngineLoop | None = None
        self._config: SipAccountConfig | None = None
        self._registration = RegistrationUpdate(RegistrationState.UNREGISTERED)
        self._tls_problem: TlsProblem | None = None  # the last refused server certificate
        self._book = CallBook(
            call_log,
            self.call_changed.emit,
            self.incoming_call.emit,
            zone_for_incoming=zone_for_incoming,
            ring_timed_out=self._hang_up_unanswered,
            ring_timeout_s=ring_timeout_s,
            progress_interval_s=progress_interval_s,
            parent=self,
        )
        self._events_ready.connect(self._drain_events, Qt.ConnectionType.QueuedConnection)
        self._placed.connect(self._book.announce, Qt.ConnectionType.QueuedConnection)

    # --- lifecycle ---------------------------------------------------------------------------

    def start(self, config: SipAccountConfig) -> None:
        """Create the endpoint and account; registration results arrive as signals."""
        assert_qt_thread()
        if self._loop is not None:
            raise SipEngineError("the SIP engine is already running")
        loop = EngineLoop(config, self._events_ready.emit, self._media)
        loop.calls.transfer_outcome_s = self._transfer_outcome_s
        loop.start()
        self._loop = loop
        self._config = config
        state = RegistrationState.REGISTERING if config.register else RegistrationState.NOT_REQUIRED
        self._set_registration(RegistrationUpdate(state))

    def shutdown(self) -> None:
        """Hang up, unregister, close media, destroy the endpoint. Safe to call twice."""
        assert_qt_thread()
        loop, self._loop = self._loop, None
        if loop is None:
            return
        self._book.timers.stop()
        for call_id in self._book.ids():
            self._book.ended_here(call_id, LocalEnd.HANGUP)
        loop.stop()
        self._drain(loop)
        # calls whose end pjsua could not report any more (e.g. a stuck peer)
        for call_id in self._book.ids():
            self._book.end(call_id, datetime.now(UTC), 0, heard_from_peer=True)
        self._set_registration(RegistrationUpdate(RegistrationState.UNREGISTERED))

    @property
    def running(self) -> bool:
        return self._loop is not None

    @property
    def registration(self) -> RegistrationUpdate:
        return self._registration

    def run_in_engine(self, fn: Callable[[EngineLoop], T]) -> concurrent.futures.Future[T]:
        """Run `fn(loop)` on the engine thread, the only place pjsua2 objects may be used."""
        loop = self._require()
        return loop.submit(lambda: fn(loop))

    # --- calls -------------------------------------------------------------------------------

    def dial(
        self,
        dest: Destination,
        task_id: str | None,
        area: TelephonyArea,
        zone: CostZone,
    ) -> str:
        """Place a call; returns its id (also the CallRecord id). Progress arrives as signals."""
        assert_qt_thread()
        loop = self._require()
        assert self._config is not None
        if task_id is None and not dest.is_emergency:
            raise SipEngineError("every call except an emergency call belongs to a task")
        call_id = new_call_id()
        uri = dial_uri(dest, self._config.domain)
        # The INVITE first: the engine thread places it while this thread does the rest.
        loop.command(
            EngineCommand.DIAL, call_id, lambda: loop.calls.make_call(call_id, uri, task_id)
        )
        record = self._book.placed(call_id, dest, task_id, area, zone)
        # CALLING reaches the app from the event loop, after dial() returned: its caller sets
        # up its own state first.
        self._placed.emit(call_id)
        self._book.started(record)  # the store releases the GIL in SQLite
        return call_id

    def hangup(self, call_id: str) -> None:
        assert_qt_thread()
        if not self._book.has(call_id):
            return
        self._book.ended_here(call_id, LocalEnd.HANGUP)
        self._command(EngineCommand.HANGUP, call_id, lambda calls: calls.hangup(call_id))

    def answer(self, call_id: str) -> None:
        self._known(call_id)
        self._command(EngineCommand.ANSWER, call_id, lambda calls: calls.answer(call_id))

    def reject(self, call_id: str) -> None:
        """Refuse a ringing incoming call (603 Decline)."""
        self._known(call_id)
        self._book.ended_here(call_id, LocalEnd.REJECT)
        self._command(EngineCommand.REJECT, call_id, lambda calls: calls.hangup(call_id, 603))

    def turn_away(self, call_id: str, voicemail_uri: str | None) -> None:
        """Refuse a call that rings in while another is up: to the answering machine at
        `voicemail_uri` (302), or 486 Busy Here when there is none."""
        self._known(call_id)
        self._book.ended_here(call_id, LocalEnd.REJECT)
        if voicemail_uri:
            self._command(
                EngineCommand.REJECT, call_id, lambda calls: calls.redirect(call_id, voicemail_uri)
            )
        else:
            self._command(EngineCommand.REJECT, call_id, lambda calls: calls.hangup(call_id, 486))

    def set_mute(self, call_id: str, muted: bool) -> None:
        self._known(call_id)
        self._command(EngineCommand.MUTE, call_id, lambda calls: calls.set_mute(call_id, muted))

    def hold(self, call_id: str) -> None:
        self._known(call_id)
        self._command(EngineCommand.HOLD, call_id, lambda calls: calls.hold(call_id))

    def resume(self, call_id: str) -> None:
        self._known(call_id)
        self._command(EngineCommand.RESUME, call_id, lambda calls: calls.resume(call_id))

    def send_dtmf(self, call_id: str, digits: str) -> None:
        digits = digits.upper()
        if not digits or not set(digits) <= _DTMF:
            raise SipEngineError(f"not DTMF digits: {digits!r}")
        self._known(call_id)
        self._command(EngineCommand.DTMF, call_id, lambda calls: calls.send_dtmf(call_id, digits))

    def transfer(self, call_id: str, dest: Destination) -> None:
        """Blind transfer (REFER) of a connected call to another number."""
        self._known(call_id)
        assert self._config is not None
        uri = dial_uri(dest, self._config.domain)
        self._book.transferring(call_id, dest.e164)
        self._command(EngineCommand.TRANSFER, call_id, lambda calls: calls.transfer(call_id, uri))

    def transfer_attended(self, call_id: str, consult_id: str) -> None:
        """Attended transfer: the far end of `call_id` takes over the consultation call
        `consult_id` (REFER with Replaces); the outcome arrives as `transfer_finished`, and
        on success both of our calls end."""
        self._known(call_id)
        target = self._book.known(consult_id).record.e164
        self._book.transferring(call_id, target)
        self._command(
            EngineCommand.TRANSFER,
            call_id,
            lambda calls: calls.transfer_replaces(call_id, consult_id),
        )

    def network_changed(self) -> None:
        """The network changed (new address, interface): rebuild transports, re-register."""
        assert_qt_thread()
        loop = self._require()
        loop.command(EngineCommand.NETWORK_REFRESH, None, loop.network_changed)

    # --- inspection (blocking round trip to the engine thread) ---------------------------------

    def stream_stats(self, call_id: str) -> RtpStats | None:
        loop = self._require()
        return loop.call(lambda: loop.calls.stats(call_id))

    def live_calls(self) -> int:
        loop = self._require()
        return loop.call(loop.calls.live_calls)

    def media_ports(self) -> int:
        loop = self._require()
        return loop.call(loop.media_ports)

    def active_calls(self) -> list[str]:
        return self._book.ids()

    def _known(self, call_id: str) -> None:
        assert_qt_thread()
        self._book.known(call_id)

    # --- events from the engine thread (Qt thread) ----------------------------------------------

    def _drain_events(self) -> None:
        if self._loop is not None:
            self._drain(self._loop)

    def _drain(self, loop: EngineLoop) -> None:
        while loop.events:
            event = loop.events.popleft()
            try:
                self._handle(event)
            except Exception:
                log_failure(f"handling SIP event {type(event).__name__} failed")

    def _handle(self, event: Event) -> None:
        if isinstance(event, CallStateEvent):  # first: CONNECTED is waited for
            self._book.call_state(event)
        elif isinstance(event, RegEvent):
            self._on_reg(event)
        elif isinstance(event, TlsRefusedEvent):
            self._tls_problem = tls_problem(event.verify_status)
        elif isinstance(event, MediaEvent):
            self._book.media(event)
        elif isinstance(event, RefusedIncomingEvent):
            # recorded as missed, never rung (like a call refused as busy)
            region = self._config.default_region if self._config else "DE"
            self._book.incoming(IncomingEvent(event.key, event.remote_uri, True, event.at), region)
            self._book.end(event.key, event.at, event.status, heard_from_peer=True)
        elif isinstance(event, IncomingEvent):
            self._book.incoming(event, self._config.default_region if self._config else "DE")
        elif isinstance(event, ReplacedEvent):
            self._book.replaced(event, self._config.default_region if self._config else "DE")
        elif isinstance(event, CommandFailure):
            self.command_failed.emit(event)
        elif isinstance(event, DtmfEvent) and self._book.has(event.key):
            self.dtmf_received.emit(event.key, event.digit)
        elif isinstance(event, TransferEvent):
            self._book.transfer_finished(event.key, event.status)
            self.transfer_finished.emit(event.key, event.status)
        elif isinstance(event, TransferRequestEvent) and self._book.has(event.key):
            region = self._config.default_region if self._config else "DE"
            e164, shown = refer_target(event.target_uri, region)
            self.transfer_requested.emit(TransferRequest(event.key, e164, shown))

    def _on_reg(self, event: RegEvent) -> None:
        if event.started:
            if self._registration.state is not RegistrationState.REGISTERED:
                self._set_registration(RegistrationUpdate(RegistrationState.REGISTERING))
            return
        state = registration_state(event.code, event.active)
        # the certificate refused on the way to this answer (pjsua itself only says 503)
        problem, self._tls_problem = self._tls_problem, None
        if state is not RegistrationState.FAILED or event.code not in (0, 408, 502, 503, 504):
            problem = None
        update = RegistrationUpdate(state, event.code or None, event.reason or None, problem)
        self._set_registration(update)

    def _set_registration(self, update: RegistrationUpdate) -> None:
        if update != self._registration:
            self._registration = update
            self.registration_changed.emit(update)

    def _hang_up_unanswered(self, call_id: str) -> None:
        """Rang out: CANCEL our own INVITE, answer a caller's with 480 Temporarily Unavailable."""
        if self._loop is not None:
            self._command(EngineCommand.HANGUP, call_id, lambda calls: calls.hangup(call_id, 480))

    # --- helpers -----------------------------------------------------------------------------

    def _require(self) -> EngineLoop:
        assert_qt_thread()
        if self._loop is None:
            raise SipEngineError("the SIP engine is not running")
        return self._loop

    def _command(
        self, command: EngineCommand, call_id: str, fn: Callable[[EngineCalls], None]
    ) -> None:
        """`fn(calls)` on the engine thread; its failure comes back as `command_failed`."""
        loop = self._require()
        loop.command(command, call_id, lambda: fn(loop.calls))
