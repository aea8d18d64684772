"""The phone: the SIP engine for the signed-in VPA, its audio and tones, and call control.

Every outgoing call passes the call gate (`core.gate`) for the active task first; incoming
calls are attributed to the task the VPA picks when answering. Call waiting: while a call is
up, a second one may ring in; answering it holds the first (`call` is the one in front, `held`
the other), `swap` changes them over, and turning it away sends it to the answering machine
the provisioning names (302) or answers 486 Busy. Attended transfer uses the same two calls:
`consult` holds the caller and calls the target (through the gate, for the caller's task);
`connect_consulted` hands the caller over to it (REFER with Replaces), `back_to_caller` ends
the consultation and takes the caller up again. A far end that asks the VPA to call another
number (REFER) gets 603 from the engine; if the VPA agrees, `follow_transfer` places that call
like her own dial while the asking call waits on hold, and ends the asking call once the new one
is answered (`_handover`). The engine, the audio bridge
and the tones load when the phone starts (at sign-in), not with the window.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from vpaphone.app.calls import ActiveCall, DialRefusedError, RefusalKind
from vpaphone.app.network import NetworkWatcher
from vpaphone.app.notices import Notice, NoticeKind, storage_notice
from vpaphone.app.session import SessionService
from vpaphone.app.settings_keys import sales_notice_key
from vpaphone.app.tasks import TaskService
from vpaphone.core.calls import CallLog, CallRecord, new_call_id
from vpaphone.core.gate import GateResult, evaluate_call
from vpaphone.core.model import (
    CallDirection,
    CostZone,
    Decision,
    Destination,
    EndReason,
    Role,
    Task,
    TelephonyArea,
)
from vpaphone.sip.config import (
    KEEPALIVE_S,
    REGISTER_CHECK_S,
    SipAccountConfig,
    SrtpMode,
    Transport,
)
from vpaphone.sip.engine import (
    CallState,
    CallUpdate,
    IncomingCall,
    RegistrationUpdate,
    SipEngine,
    TransferRequest,
)
from vpaphone.sip.reasons import RegistrationState
from vpaphone.store.calls import CallStore
from vpaphone.store.errors import StoreError

if TYPE_CHECKING:  # Qt Multimedia loads only when the phone starts (sign-in): a faster start
    from vpaphone.audio.bridge import CallAudioBridge
    from vpaphone.audio.call_tones import CallTones
    from vpaphone.audio.settings import DeviceChoice, ProcessingChoice
    from vpaphone.myvpa.models import Provisioning

log = logging.getLogger(__name__)

READY_STATES = frozenset({RegistrationState.REGISTERED, RegistrationState.NOT_REQUIRED})


def sip_config(provisioning: Provisioning) -> SipAccountConfig:
    """my-vpa's SIP account (plain data from the client) as the engine's typed config."""
    sip = provisioning.sip
    return SipAccountConfig(
        domain=sip.domain,
        username=sip.username,
        password=sip.password,
        register=sip.register,
        registrar=sip.registrar,
        transport=Transport(sip.transport),
        outbound_proxy=sip.outbound_proxy,
        auth_username=sip.auth_username,
        caller_id=provisioning.caller_id,
        srtp=SrtpMode(sip.srtp),
        stun_servers=sip.stun_servers,
        ice=sip.ice,
        register_expiry_s=sip.register_expiry_s,
        keepalive_s=KEEPALIVE_S if sip.keepalive_s is None else sip.keepalive_s,
        register_check_s=(
            REGISTER_CHECK_S if sip.register_check_s is None else sip.register_check_s
        ),
        tls_ca_pem=sip.tls_ca_pem,
        realm=sip.realm,
        allow_direct_calls=sip.allow_direct_calls,
    )


class PhoneService(QObject):
    registration_changed = Signal(RegistrationUpdate)
    call_changed = Signal(ActiveCall)  # the call in front moved (placed, connected …) or came
    # to the front (answered while another was up, swapped, the other one ended)
    held_changed = Signal(object)  # ActiveCall | None: the call on hold behind it
    call_ended = Signal(CallUpdate)  # a call is over (and recorded); `call` is the other or None
    audio_moved = Signal(str)  # the call's sound moved to this speaker ("": none left) mid-call
    incoming_call = Signal(IncomingCall)
    # The far end asked the VPA to call another number (REFER). The engine declined it in SIP:
    # the call is only placed if the VPA agrees, through `follow_transfer` and the gate.
    transfer_requested = Signal(TransferRequest)
    history_changed = Signal()  # a record was written outside a call (a blocked attempt)
    consult_changed = Signal()  # a consultation (attended transfer) began, moved or ended
    sales_notice_due = Signal(Task)  # the first sales call on this task
    notice = Signal(Notice)

    def __init__(
        self,
        session: SessionService,
        tasks: TaskService,
        calls: CallStore,
        call_log: CallLog,
        *,
        settings: QSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._calls = calls  # what the phone reads (history of a task, attribution)
        self._call_log = call_log  # where the engine writes (never fails: see app.records)
        self._settings = settings
        self.engine: SipEngine | None = None
        self._live: dict[str, ActiveCall] = {}  # placed or answered calls, by id
        self._front: str | None = None  # the one the call controls act on
        self._ringing: dict[str, IncomingCall] = {}  # incoming calls not answered yet
        self._voicemail_uri: str | None = None
        self._bridge: CallAudioBridge | None = None  # made with the engine (see start)
        self._tones: CallTones | None = None
        self._answered_for: dict[str, str] = {}  # incoming call id -> task the VPA picked
        self._last_ended: tuple[str | None, str | None] = (None, None)  # call id, its task
        self._consult: tuple[str, str] | None = None  # attended transfer: caller, target call
        self._back_to: str | None = None  # the caller to resume once the consultation ended
        self._handover: tuple[str, str] | None = None  # REFER followed: asking call, new call
        self.network = NetworkWatcher(parent=self)
        self.network.changed.connect(self._network_changed)

    # --- lifecycle ---------------------------------------------------------------------------

    def start(self, provisioning: Provisioning) -> None:
        """Start the engine for the signed-in VPA (a failure is a notice; the app stays usable)."""
        if self.engine is not None:
            return
        from vpaphone.audio.bridge import CallAudioBridge  # noqa: PLC0415 - see TYPE_CHECKING
        from vpaphone.audio.call_tones import CallTones  # noqa: PLC0415
        from vpaphone.audio.settings import load_choice, load_processing  # noqa: PLC0415
        from vpaphone.audio.tones import TonePlayer  # noqa: PLC0415

        choice = load_choice()
        if self._bridge is None:
            self._bridge = CallAudioBridge(choice, self, processing=load_processing())
            self._bridge.stream.device_changed.connect(self._on_device_changed)
        if self._tones is None:
            self._tones = CallTones(TonePlayer(choice, self), self)
        engine = SipEngine(self._call_log, media_handler=self._bridge, parent=self)
        engine.registration_changed.connect(self.registration_changed)
        # the audio path opens as a call starts and closes after the last one (issue 17)
        engine.call_changed.connect(self._bridge.follow_call)
        engine.call_changed.connect(self._tones.on_call_changed)
        engine.call_changed.connect(self._on_call_changed)
        engine.incoming_call.connect(self._on_incoming)
        engine.transfer_requested.connect(self.transfer_requested)
        engine.transfer_finished.connect(
            lambda _call_id, status: self.notice.emit(
                Notice(NoticeKind.TRANSFER_OUTCOME, count=status)
            )
        )
        try:
            engine.start(sip_config(provisioning))
        except Exception as exc:  # bad provisioning or no free port: say so, keep the app usable
            log.warning("SIP engine did not start: %s", type(exc).__name__)
            self.notice.emit(Notice(NoticeKind.PHONE_NOT_STARTED, detail=str(exc)))
            engine.deleteLater()
            return
        self.engine = engine
        self._voicemail_uri = provisioning.voicemail_uri
        self.registration_changed.emit(engine.registration)
        self.network.watch()

    def stop(self) -> None:
        """Hang up, unregister and destroy the engine (sign-out, quit)."""
        engine, self.engine = self.engine, None
        self.network.stop()
        if engine is not None:
            engine.shutdown()
            engine.deleteLater()
        if self._bridge is not None:
            self._bridge.stop_audio()  # the engine is down: no call can open it again
        if self._tones is not None:
            self._tones.player.stop()

    @property
    def registration(self) -> RegistrationUpdate | None:
        return None if self.engine is None else self.engine.registration

    @property
    def ready(self) -> bool:
        """Calls can be placed: registered, or an account that needs no registrar."""
        registration = self.registration
        return registration is not None and registration.state in READY_STATES

    def _network_changed(self) -> None:
        if self.engine is not None:
            log.info("network changed: re-registering")
            self.engine.network_changed()

    # --- outgoing calls ----------------------------------------------------------------------

    def gate(self, dest: Destination, zone: CostZone, task: Task | None = None) -> GateResult:
        """The call gate's verdict for calling `dest` now, for `task` (the active one)."""
        task = task or self._tasks.active_task
        share = self._tasks.share(task) if task is not None else None
        return evaluate_call(dest, zone, task, self._session.rules, share=share)

    def dial(self, dest: Destination, zone: CostZone) -> str:
        """Place a call for the active task; raises DialRefusedError when it cannot be placed."""
        result = self.gate(dest, zone)
        if result.decision is Decision.BLOCK:
            raise DialRefusedError(RefusalKind.GATE, result)
        if self.engine is None:
            raise DialRefusedError(RefusalKind.NOT_READY)
        if self._live:
            raise DialRefusedError(RefusalKind.BUSY)
        return self._place(dest, zone, self._tasks.active_task)

    def _place(self, dest: Destination, zone: CostZone, task: Task | None) -> str:
        """The call leaves, tagged with `task` (headers, record), and comes to the front."""
        assert self.engine is not None
        if dest.is_emergency:
            task = None
        area = task.area if task is not None else TelephonyArea.NONE
        first_on_task = task is not None and not self._calls.for_task(task.id)
        call_id = self.engine.dial(dest, task.id if task else None, area, zone)
        self._set_call(
            ActiveCall(
                call_id,
                task.id if task else None,
                CallDirection.OUTGOING,
                dest.e164,
                CallState.CALLING,
            )
        )
        if first_on_task and task is not None and self._sales_notice_wanted(task):
            self.sales_notice_due.emit(task)
        return call_id

    def transfer_task(self, call_id: str) -> Task | None:
        """The task a call to a REFER's target from `call_id` is for: the asking call's own
        (the customer's business goes on), else the active task."""
        asking = self._live.get(call_id)
        own = self._tasks.task(asking.task_id) if asking is not None else None
        return own or self._tasks.active_task

    def follow_transfer(
        self, call_id: str, dest: Destination, zone: CostZone, task: Task | None
    ) -> str:
        """The far end of `call_id` asked the VPA to call `dest` (REFER, declined in SIP) and
        she agreed: the call is placed like her own dial (the gate, the task, its headers, a
        record) for `task` (`transfer_task` when the request came). The far end wanted to hand
        over, so its call, if still up, waits on hold and ends once the new call is answered;
        should the new call fail, it is taken up again. A far end that hung up after asking
        (baresip does, at once, on the 603) leaves just the new call. Raises
        DialRefusedError like `dial`; then the asking call is untouched."""
        if self.engine is None:
            raise DialRefusedError(RefusalKind.NOT_READY)
        asking = self._live.get(call_id)
        others = [other for other in self._live if other != call_id]
        if others or self._consult is not None or self._handover is not None:
            raise DialRefusedError(RefusalKind.BUSY)  # one call on hold at a time
        result = self.gate(dest, zone, task)
        if result.decision is Decision.BLOCK:
            raise DialRefusedError(RefusalKind.GATE, result)
        if asking is not None and asking.state is CallState.CONNECTED:
            self.engine.hold(call_id)
        new_id = self._place(dest, zone, task or self._tasks.active_task)
        if asking is not None:
            self._handover = (call_id, new_id)
            self.held_changed.emit(self._live.get(call_id))
        return new_id

    def record_blocked(self, dest: Destination, zone: CostZone) -> None:
        """The VPA tried to call a number the gate blocks: the attempt is kept for the active
        task (history; a quote request names its country). It costs nothing and moves no area
        (only answered calls do)."""
        task = self._tasks.active_task
        if task is None or dest.is_emergency:
            return
        now = datetime.now(UTC)
        record = CallRecord(
            id=new_call_id(),
            task_id=task.id,
            direction=CallDirection.OUTGOING,
            e164=dest.e164,
            zone=zone,
            area=task.area,
            started_at=now,
            ended_at=now,
            end_reason=EndReason.BLOCKED,
        )
        self._call_log.call_started(record)  # never raises: see app.records
        self.history_changed.emit()

    def _sales_notice_wanted(self, task: Task) -> bool:
        if self._tasks.call_role(task) is not Role.SALES:  # the kind of calls on this task
            return False
        return not self._settings.value(sales_notice_key(task.id), False, type=bool)

    # --- the running calls -------------------------------------------------------------------

    @property
    def call(self) -> ActiveCall | None:
        """The call in front: the one hang-up, mute, hold, DTMF and transfer act on."""
        return None if self._front is None else self._live.get(self._front)

    @property
    def held(self) -> ActiveCall | None:
        """The other call, kept on hold behind the one in front (call waiting)."""
        return next((c for i, c in self._live.items() if i != self._front), None)

    def hangup(self, call_id: str | None = None) -> None:
        """End the call in front, or the call `call_id` (the one on hold)."""
        call = self.call if call_id is None else self._live.get(call_id)
        if call is not None and self.engine is not None:
            self.engine.hangup(call.call_id)

    def swap(self) -> None:
        """Hold the call in front and take up the one on hold."""
        front, held = self.call, self.held
        if front is None or held is None or self.engine is None:
            return
        self._handover = None  # back to a REFER's asker: she keeps both calls in her hands
        if front.state is CallState.CONNECTED:
            self.engine.hold(front.call_id)
        if held.state is CallState.ON_HOLD:
            self.engine.resume(held.call_id)
        self._front = held.call_id
        self._tasks.track_call(held)
        self.call_changed.emit(held)
        self.held_changed.emit(front)

    def set_mute(self, muted: bool) -> None:
        if self.call is not None and self.engine is not None:
            # Per call, in the engine: the call's port stops taking audio from the conference
            # bridge (what the far end hears goes silent; survives hold/resume).
            self.engine.set_mute(self.call.call_id, muted)
            self._set_call(replace(self.call, muted=muted))

    def set_hold(self, hold: bool) -> None:
        if self.call is not None and self.engine is not None:
            (self.engine.hold if hold else self.engine.resume)(self.call.call_id)

    def send_dtmf(self, digits: str) -> None:
        if self.call is not None and self.engine is not None:
            self.engine.send_dtmf(self.call.call_id, digits)

    def transfer(self, dest: Destination, zone: CostZone) -> None:
        """Hand the running call over (blind transfer), through the same gate as dialling:
        the caller's phone calls `dest` for this task. Raises DialRefusedError when blocked."""
        call = self.call
        if call is None or self.engine is None:
            raise DialRefusedError(RefusalKind.NOT_READY)
        result = self.gate(dest, zone, self._tasks.task(call.task_id))  # the call's own task
        if result.decision is Decision.BLOCK:
            raise DialRefusedError(RefusalKind.GATE, result)
        self.engine.transfer(call.call_id, dest)

    def consult(self, dest: Destination, zone: CostZone) -> str:
        """Attended transfer, first step: the caller goes on hold and `dest` is called for the
        caller's task, through the same gate as dialling. Raises DialRefusedError when blocked
        or when no single answered call is up."""
        caller = self.call
        if caller is None or self.engine is None or caller.answered_at is None:
            raise DialRefusedError(RefusalKind.NOT_READY)
        if self.held is not None:
            raise DialRefusedError(RefusalKind.BUSY)
        task = self._tasks.task(caller.task_id)
        result = self.gate(dest, zone, task)
        if result.decision is Decision.BLOCK:
            raise DialRefusedError(RefusalKind.GATE, result)
        if task is None:
            raise DialRefusedError(RefusalKind.NOT_READY)  # every call but 112 has a task
        if caller.state is CallState.CONNECTED:
            self.engine.hold(caller.call_id)
        call_id = self.engine.dial(dest, task.id, task.area, zone)
        self._consult = (caller.call_id, call_id)
        self._set_call(
            ActiveCall(call_id, task.id, CallDirection.OUTGOING, dest.e164, CallState.CALLING)
        )
        self.held_changed.emit(self._live.get(caller.call_id))
        self.consult_changed.emit()
        return call_id

    @property
    def consultation(self) -> ActiveCall | None:
        """The call to the transfer target while the caller waits (attended transfer)."""
        return None if self._consult is None else self._live.get(self._consult[1])

    def connect_consulted(self) -> None:
        """Hand the caller over to the consulted target (REFER with Replaces); both of the
        VPA's calls end once the outcome is known (`transfer_finished`)."""
        if self._consult is None or self.engine is None:
            raise DialRefusedError(RefusalKind.NOT_READY)
        caller_id, consult_id = self._consult
        self.engine.transfer_attended(caller_id, consult_id)

    def back_to_caller(self) -> None:
        """End the consultation and take the caller up again."""
        if self._consult is None or self.engine is None:
            return
        caller_id, consult_id = self._consult
        self._back_to = caller_id
        self.engine.hangup(consult_id)

    # --- incoming calls ----------------------------------------------------------------------

    def answer(self, call_id: str, task_id: str | None) -> None:
        """Take an incoming call, attributed to `task_id` (every call belongs to a task).
        A call up already goes on hold first, and this one comes to the front; a call still
        being placed (not answered: nothing to hold) is cancelled."""
        incoming = self._ringing.pop(call_id, None)
        if self.engine is None or incoming is None:
            return
        front = self.call
        placing = front is not None and front.direction is CallDirection.OUTGOING
        if front is not None and placing and front.answered_at is None:
            self.engine.hangup(front.call_id)
        elif front is not None and front.state is CallState.CONNECTED:
            self.engine.hold(front.call_id)
        if self._tones is not None:
            self._tones.player.stop()
        if task_id is not None:
            self._attribute(call_id, task_id)
            self._answered_for[call_id] = task_id
        self.engine.answer(call_id)
        if front is not None:
            number = incoming.caller_e164 or incoming.display
            answered = ActiveCall(
                call_id, task_id, CallDirection.INCOMING, number, CallState.INCOMING
            )
            self._live[call_id] = answered
            self._front = call_id
            self._tasks.track_call(answered)
            self.call_changed.emit(answered)
            if not placing or front.answered_at is not None:
                self.held_changed.emit(front)

    def _attribute(self, call_id: str, task_id: str) -> None:
        try:
            self._calls.assign_task(call_id, task_id)
        except ValueError:
            log.warning("could not attribute incoming call %s to its task", call_id)
        except StoreError as exc:  # the call is taken anyway; the VPA learns why
            log.warning("could not attribute incoming call %s: %s", call_id, exc.problem)
            self.notice.emit(storage_notice(NoticeKind.DATA_NOT_SAVED, exc))

    def reject(self, call_id: str) -> None:
        """Turn a ringing call away: declined (603), or, while another call is up, to the
        answering machine (302 to the provisioning's `voicemail_uri`) or busy (486)."""
        if self._ringing.pop(call_id, None) is None or self.engine is None:
            return
        if self._tones is not None:
            self._tones.player.stop()
        if self._live:
            self.engine.turn_away(call_id, self._voicemail_uri)
        else:
            self.engine.reject(call_id)

    def is_ringing(self, call_id: str) -> bool:
        """The incoming call still waits for an answer."""
        return call_id in self._ringing

    @property
    def voicemail_uri(self) -> str | None:
        return self._voicemail_uri

    # --- audio devices -----------------------------------------------------------------------

    def speaker_id(self) -> str | None:
        """The device the call audio plays on (or will: the call has no audio yet); None
        before the phone started or without any speaker."""
        return None if self._bridge is None else self._bridge.stream.speaker_id()

    def use_devices(self, choice: DeviceChoice) -> None:
        """New device choices (settings, the in-call speaker menu) apply at once."""
        if self._bridge is not None:
            self._bridge.set_choice(choice)
        if self._tones is not None:
            self._tones.player.set_choice(choice)

    def use_processing(self, choice: ProcessingChoice) -> None:
        """A new voice-processing choice (Settings) applies at once, to a running call too."""
        if self._bridge is not None:
            self._bridge.set_processing(choice)

    # --- engine events -----------------------------------------------------------------------

    def _on_incoming(self, incoming: IncomingCall) -> None:
        self._ringing[incoming.call_id] = incoming
        self.incoming_call.emit(incoming)

    def _on_device_changed(self, role: str, description: str) -> None:
        """A call's speaker changed while it runs (the headset went): the VPA is told where to."""
        from vpaphone.audio.settings import DeviceRole  # noqa: PLC0415 - see TYPE_CHECKING

        if role == DeviceRole.SPEAKER.value and self._live:
            self.audio_moved.emit(description)

    def _on_call_changed(self, update: CallUpdate) -> None:
        if update.state is CallState.ENDED:
            self._ended(update)
            return
        if update.state is CallState.INCOMING:
            return  # ringing: `incoming_call` asks the user; it becomes a call when answered
        call = self._live.get(update.call_id)
        if call is None:
            task_id = self._answered_for.pop(update.call_id, None)
            if update.replaces is not None:  # an attended transfer to us: the same task
                task_id = self._replacing(update.call_id, update.replaces, task_id)
            call = ActiveCall(
                update.call_id, task_id, update.direction, update.number, update.state
            )
        call = replace(call, state=update.state, answered_at=update.answered_at)
        self._live[call.call_id] = call
        if self._handover is not None and update.call_id == self._handover[1]:
            self._hand_over(update.state)
        if self._front is None:
            self._front = call.call_id
        if call.call_id == self._front:
            self._tasks.track_call(call)
            self.call_changed.emit(call)
        else:
            self.held_changed.emit(call)

    def _replacing(self, call_id: str, replaced_id: str, task_id: str | None) -> str | None:
        """The task of the call `replaced_id` that `call_id` takes over (Replaces); it also
        takes that call's place in front."""
        old = self._live.get(replaced_id)
        if old is None and self._last_ended[0] != replaced_id:
            return task_id
        task_id = old.task_id if old is not None else self._last_ended[1]
        if task_id is not None:
            self._attribute(call_id, task_id)
        if replaced_id == self._front or self._front is None:
            self._front = call_id
        return task_id

    def _ended(self, update: CallUpdate) -> None:
        self._answered_for.pop(update.call_id, None)
        self._ringing.pop(update.call_id, None)
        ended = self._live.pop(update.call_id, None)
        if ended is not None:
            self._last_ended = (update.call_id, ended.task_id)  # see `_replacing`
        if self._consult is not None and update.call_id in self._consult:
            self._consult_over(update.call_id)
        if self._handover is not None and update.call_id in self._handover:
            self._handover_over(update.call_id)
        was_front = update.call_id == self._front
        if was_front:
            self._front = next(iter(self._live), None)  # the call on hold comes to the front
            self._tasks.track_call(self.call)
        self.call_ended.emit(update)
        front = self.call
        if was_front and front is not None:
            self.held_changed.emit(None)
            self.call_changed.emit(front)
        elif ended is not None and not was_front:
            self.held_changed.emit(self.held)

    def _consult_over(self, ended_id: str) -> None:
        """One call of the consultation ended: it is over; "Back to the caller" resumes it."""
        assert self._consult is not None
        caller_id, self._consult = self._consult[0], None
        back, self._back_to = self._back_to, None
        caller = self._live.get(caller_id)
        wanted = ended_id != caller_id and back == caller_id and self.engine is not None
        if wanted and caller is not None and caller.state is CallState.ON_HOLD:
            assert self.engine is not None
            self.engine.resume(caller_id)
        self.consult_changed.emit()

    def _hand_over(self, state: CallState) -> None:
        """The call to the REFER's target was answered: the asking call has done its part."""
        assert self._handover is not None
        if state is CallState.CONNECTED and self.engine is not None:
            asking_id, self._handover = self._handover[0], None
            self.engine.hangup(asking_id)

    def _handover_over(self, ended_id: str) -> None:
        """A call of an unfinished handover ended: if the new call failed, the VPA is back with
        the asking call (resumed); if the asking party hung up, the new call simply goes on."""
        assert self._handover is not None
        asking_id, self._handover = self._handover[0], None
        asking = self._live.get(asking_id)
        held = asking is not None and asking.state is CallState.ON_HOLD
        if ended_id != asking_id and held and self.engine is not None:
            self.engine.resume(asking_id)

    def _set_call(self, call: ActiveCall) -> None:
        self._live[call.call_id] = call
        self._front = call.call_id
        self._tasks.track_call(call)
        self.call_changed.emit(call)
