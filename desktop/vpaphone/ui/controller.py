"""The one place that wires my-vpa, the local store, the SIP engine, audio and the core rules.

The window and its widgets only talk to the `Controller`: plain methods in, Qt signals out.
my-vpa work runs on the `NetWorker` thread; the store written by the SIP engine and the work
timer belongs to the GUI thread (the worker opens its own on the same file).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtNetwork import QNetworkInformation

from vpaphone.core.admin_notes import more_than_planned_note, sales_system_note
from vpaphone.core.calls import CallRecord
from vpaphone.core.gate import evaluate_call
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
from vpaphone.core.rules import Language, RuleData
from vpaphone.core.share import (
    LocalSpan,
    Recommendation,
    ShareLevel,
    ShareState,
    TaskTime,
    phone_share,
    recommend_area,
    seconds_until_over,
)
from vpaphone.core.zones import ZoneTable
from vpaphone.myvpa.models import AdminRequestKind, Provisioning
from vpaphone.myvpa.sync import SyncReport, Uploader
from vpaphone.sip.config import SipAccountConfig, SrtpMode, Transport
from vpaphone.sip.engine import CallState, CallUpdate, IncomingCall, SipEngine
from vpaphone.store.store import Store
from vpaphone.ui.backend import Backend
from vpaphone.ui.netjobs import NetContext, NetWorker, open_context
from vpaphone.ui.widgets.uilang import ui_language

if TYPE_CHECKING:  # Qt Multimedia loads only when the phone starts (sign-in): a faster start
    from vpaphone.audio.bridge import CallAudioBridge
    from vpaphone.audio.tones import TonePlayer
    from vpaphone.myvpa.cache import Snapshot  # (and keyring, with the my-vpa worker)

log = logging.getLogger(__name__)

WORK_HEARTBEAT_MS = 5_000  # bounds what a crash can lose of the work timer
RETRY_SYNC_MS = 60_000  # while records wait in the outbox (my-vpa unreachable)
TICK_MS = 1_000
NETWORK_SETTLE_MS = 1_000
REFRESH_MS = 5 * 60_000  # my-vpa's task figures, refreshed while signed in
_LEVEL_RANK = {ShareLevel.OK: 0, ShareLevel.NEARING: 1, ShareLevel.OVER: 2}


class DialRefusedError(RuntimeError):
    """The call gate blocks this call; the message says why."""


@dataclass(frozen=True, slots=True)
class ActiveCall:
    call_id: str
    task_id: str | None
    direction: CallDirection
    number: str  # E.164
    state: CallState
    answered_at: datetime | None = None
    muted: bool = False

    def talk_seconds(self, now: datetime) -> float:
        if self.answered_at is None:
            return 0.0
        return max(0.0, (now - self.answered_at).total_seconds())


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
    )


def zone_table(zones: dict[str, Any]) -> ZoneTable:
    """The zone table my-vpa provisioned (validated by the client); it replaces the shipped one."""
    return ZoneTable.from_mapping(zones)


class Controller(QObject):
    keychain_checked = Signal(object)  # str | None: why nothing can be remembered
    signed_in = Signal()
    sign_in_failed = Signal(object)  # the exception (a MyVpaError, mostly)
    signed_out = Signal()
    tasks_changed = Signal()
    active_task_changed = Signal()
    tick = Signal()  # once a second: timers and phone-share figures moved
    work_changed = Signal(bool)
    registration_changed = Signal(object)  # sip.engine.RegistrationUpdate
    call_changed = Signal(object)  # ActiveCall | None
    call_ended = Signal(object)  # sip.engine.CallUpdate of the end (reason text)
    incoming_call = Signal(object)  # sip.engine.IncomingCall
    history_changed = Signal()
    share_level_reached = Signal(object, object)  # Task, ShareState: nearing/over just reached
    sales_notice_due = Signal(object)  # Task: a sales VPA's first call on it
    sync_finished = Signal(object)  # SyncReport
    message = Signal(str)  # one line for the status bar: results and errors of background work

    def __init__(
        self,
        backend: Backend,
        settings: QSettings,
        *,
        store: Store | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.settings = settings
        backend.data_dir.mkdir(parents=True, exist_ok=True)
        self.store = store or Store.open(backend.db_path)
        self.store.recover_interrupted(datetime.now(UTC), stale_after=timedelta(0))
        self.net = NetWorker(self._open_context, self)
        self.snapshot: Snapshot | None = None
        self.rules = RuleData.default()
        self.zones = ZoneTable.default()
        self._tasks: list[Task] = []
        self._fetched_at: datetime | None = None
        self._active_id: str | None = None
        self._levels: dict[str, ShareLevel] = {}
        self.call: ActiveCall | None = None
        self._answered_for: dict[str, str] = {}  # incoming call id -> task the VPA picked
        self.keychain_problem: str | None = None
        self.engine: SipEngine | None = None
        self.bridge: CallAudioBridge | None = None  # made with the engine (see _start_engine)
        self.tones: TonePlayer | None = None
        self._work_beat = QTimer(self)
        self._work_beat.setInterval(WORK_HEARTBEAT_MS)
        self._work_beat.timeout.connect(self._beat_work)
        self._retry_sync = QTimer(self)
        self._retry_sync.setInterval(RETRY_SYNC_MS)
        self._retry_sync.timeout.connect(self.sync_now)
        self._refresh = QTimer(self)  # tasks changed elsewhere (area, times) show up by themselves
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self.sync_now)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._on_tick)
        self._syncing = False
        self._sync_again = False
        self._closed = False
        # Reachability and transport medium often change together: re-register once they settle.
        self._network_settled = QTimer(self)
        self._network_settled.setSingleShot(True)
        self._network_settled.setInterval(NETWORK_SETTLE_MS)
        self._network_settled.timeout.connect(self._rebuild_sip_transports)
        self._watching_network = False

    # --- my-vpa: sign-in, sign-out ---------------------------------------------------------------

    def _open_context(self) -> NetContext:
        if self.backend.transport is None:
            raise RuntimeError(self.backend.problem or "my-vpa is not configured")
        return open_context(
            self.backend.transport,
            self.backend.keychain_service,
            self.backend.db_path,
            self.backend.cache_path,
        )

    @property
    def last_user(self) -> str:
        return str(self.settings.value("account/last_user", "") or "")

    @property
    def stay_signed_in(self) -> bool:
        return self.settings.value("account/stay_signed_in", False, type=bool) is True

    def check_keychain(self) -> None:
        """Learn (off the GUI thread) if the keychain works: the sign-in screen says why not."""
        if self.backend.transport is None:
            return
        self.net.submit(lambda ctx: ctx.keychain.reason, self._keychain_known, self._failed_quietly)

    def _keychain_known(self, reason: str | None) -> None:
        self.keychain_problem = reason
        self.keychain_checked.emit(reason)

    def sign_in(self, user: str, password: str, remember: bool) -> None:
        self.settings.setValue("account/last_user", user)
        self.settings.setValue("account/stay_signed_in", remember)
        self.net.submit(
            lambda ctx: ctx.account.sign_in(user, password, remember=remember),
            self._apply_snapshot,
            self.sign_in_failed.emit,
        )

    def resume(self) -> bool:
        """Sign in with what the keychain remembered; False if nothing is (show the form)."""
        user = self.last_user
        if not (user and self.stay_signed_in and self.backend.transport is not None):
            return False

        def done(snapshot: Snapshot | None) -> None:
            if snapshot is None:
                self.sign_in_failed.emit(None)
            else:
                self._apply_snapshot(snapshot)

        self.net.submit(lambda ctx: ctx.account.resume(user), done, self.sign_in_failed.emit)
        return True

    def _apply_snapshot(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.rules = RuleData.default().with_overrides(snapshot.provisioning.rules)
        self.zones = zone_table(snapshot.provisioning.zones)
        self._set_tasks(snapshot.tasks, snapshot.fetched_at)
        remembered = str(self.settings.value("tasks/active", "") or "")
        if self._active_id is None and self.task(remembered) is not None:
            self._active_id = remembered
        self._start_engine(snapshot.provisioning)
        self._ticker.start()
        self._refresh.start()
        running = self.store.work.running()
        if running is not None and self.task(running.task_id) is not None:
            self._active_id = running.task_id
            self._work_beat.start()
        self.signed_in.emit()
        self.active_task_changed.emit()
        self.work_changed.emit(self.work_running)
        if not snapshot.online:
            self.message.emit(
                self.tr("my-vpa is unreachable: working with the data saved at %1.").replace(
                    "%1", snapshot.fetched_at.astimezone().strftime("%H:%M")
                )
            )
        self.sync_now()

    def sign_out(self) -> None:
        """Stop work and calls, upload what is queued, then forget tokens and personal data."""
        self.stop_work()
        self._stop_engine()
        self._ticker.stop()
        self._refresh.stop()
        self._retry_sync.stop()
        self.settings.setValue("account/stay_signed_in", False)
        self.settings.remove("tasks/active")

        def job(ctx: NetContext) -> None:
            try:
                Uploader(ctx.account.client, ctx.store.outbox).drain()
            except Exception:
                log.warning("upload before sign-out failed", exc_info=True)
            ctx.account.sign_out()

        self.net.submit(job, lambda _: self._signed_out(), self._sign_out_failed)

    def _signed_out(self) -> None:
        self.snapshot = None
        self._tasks = []
        self._active_id = None
        self.signed_out.emit()
        self.history_changed.emit()

    def _sign_out_failed(self, exc: Exception) -> None:
        self.message.emit(self.tr("Signing out did not complete: %1").replace("%1", str(exc)))
        self._signed_out()

    @property
    def signed_in_now(self) -> bool:
        return self.snapshot is not None

    # --- tasks ---------------------------------------------------------------------------------

    @property
    def tasks(self) -> list[Task]:
        return list(self._tasks)

    def task(self, task_id: str | None) -> Task | None:
        return next((t for t in self._tasks if t.id == task_id), None)

    @property
    def active_task(self) -> Task | None:
        return self.task(self._active_id)

    @property
    def role(self) -> Role:
        return self.snapshot.profile.role if self.snapshot else Role.BACKOFFICE

    def select_task(self, task_id: str | None) -> None:
        """Make a task active; a running work timer of another task stops first."""
        if task_id == self._active_id:
            return
        running = self.store.work.running()
        if running is not None and running.task_id != task_id:
            self.stop_work()
        self._active_id = task_id if self.task(task_id) is not None else None
        self.settings.setValue("tasks/active", self._active_id or "")
        if self._active_id is not None:
            self._levels[self._active_id] = self.share(self.active_task).level  # type: ignore[arg-type]
        self.active_task_changed.emit()

    def _set_tasks(self, tasks: list[Task], fetched_at: datetime) -> None:
        self._tasks = list(tasks)
        self._fetched_at = fetched_at
        for task in self._tasks:
            self._levels.setdefault(task.id, self.share(task).level)
        if self._active_id is not None and self.task(self._active_id) is None:
            self._active_id = None
            self.active_task_changed.emit()
        self.tasks_changed.emit()

    def _replace_task(self, task: Task) -> None:
        self._tasks = [task if t.id == task.id else t for t in self._tasks]
        self.tasks_changed.emit()
        if task.id == self._active_id:
            self.active_task_changed.emit()

    # --- phone share -------------------------------------------------------------------------

    def task_time(self, task: Task, now: datetime | None = None) -> TaskTime:
        """my-vpa's figures plus what only this computer knows (never counted twice)."""
        now = now or datetime.now(UTC)
        work = self.store.work.unreported_seconds(task.id, now, self._fetched_at)
        phone = self.store.calls.phone_seconds(task.id, self._fetched_at).unsynced
        call = self.call
        if call is not None and call.task_id == task.id:
            phone += call.talk_seconds(now)
        return TaskTime.of_task(task, [LocalSpan(work, False)], [LocalSpan(phone, False)])

    def share(self, task: Task, now: datetime | None = None) -> ShareState:
        return phone_share(self.task_time(task, now), self.rules)

    def forecast_seconds(self) -> float | None:
        """While a call runs: seconds until its task passes the included share at this pace."""
        call = self.call
        task = self.task(call.task_id) if call else None
        if call is None or task is None or call.answered_at is None:
            return None
        return seconds_until_over(
            self.task_time(task), 0.0, working_timer_running=self.work_running, rules=self.rules
        )

    def recommendation(self, task: Task, extra_zone: CostZone | None = None) -> Recommendation:
        zones = set(self.store.calls.zones_called(task.id)) or {CostZone.DE}
        if extra_zone is not None:
            zones.add(extra_zone)
        return recommend_area(self.role, zones, task.area, self.rules)

    def _on_tick(self) -> None:
        # Only the active task (work timer) and the call's task change between syncs.
        ids = {self._active_id, self.call.task_id if self.call else None}
        for task in (t for t in self._tasks if t.id in ids):
            level = self.share(task).level
            before = self._levels.get(task.id, ShareLevel.OK)
            self._levels[task.id] = level
            if _LEVEL_RANK[level] > _LEVEL_RANK[before]:
                self.share_level_reached.emit(task, self.share(task))
        self.tick.emit()

    # --- work timer -----------------------------------------------------------------------------

    @property
    def work_running(self) -> bool:
        running = self.store.work.running()
        return running is not None and running.task_id == self._active_id

    def work_seconds_today(self) -> float:
        """The running session of the active task, for the timer display."""
        running = self.store.work.running()
        return 0.0 if running is None else running.seconds(datetime.now(UTC))

    def start_work(self) -> None:
        task = self.active_task
        if task is None:
            return
        self.store.work.start(task.id, datetime.now(UTC))
        self._work_beat.start()
        self.work_changed.emit(True)

    def stop_work(self) -> None:
        if self.store.work.stop(datetime.now(UTC)) is None:
            return
        self._work_beat.stop()
        self.work_changed.emit(False)
        self.sync_now()

    def _beat_work(self) -> None:
        self.store.work.heartbeat(datetime.now(UTC))

    # --- calls ---------------------------------------------------------------------------------

    def _start_engine(self, provisioning: Provisioning) -> None:
        if self.engine is not None:
            return
        from vpaphone.audio.bridge import CallAudioBridge  # noqa: PLC0415 - see TYPE_CHECKING
        from vpaphone.audio.settings import load_choice  # noqa: PLC0415
        from vpaphone.audio.tones import TonePlayer  # noqa: PLC0415

        choice = load_choice()
        if self.bridge is None:
            self.bridge = CallAudioBridge(choice, self)
        if self.tones is None:
            self.tones = TonePlayer(choice, self)
        engine = SipEngine(self.store.calls, media_handler=self.bridge, parent=self)
        engine.registration_changed.connect(self.registration_changed.emit)
        engine.call_changed.connect(self._on_call_changed)
        engine.incoming_call.connect(self._on_incoming)
        try:
            engine.start(sip_config(provisioning))
        except Exception as exc:  # bad provisioning or no free port: say so, keep the app usable
            log.warning("SIP engine did not start: %s", type(exc).__name__)
            self.message.emit(self.tr("The phone could not start: %1").replace("%1", str(exc)))
            engine.deleteLater()
            return
        self.engine = engine
        self.registration_changed.emit(engine.registration)
        self._watch_network()

    def _watch_network(self) -> None:
        """Re-register after network changes (new Wi-Fi, VPN, cable), where Qt can tell."""
        if QNetworkInformation.instance() is None and not QNetworkInformation.loadDefaultBackend():
            log.info("no network information backend: network changes are not noticed")
            return
        info = QNetworkInformation.instance()
        if info is None or self._watching_network:  # signed in again: connected already
            return
        self._watching_network = True
        info.reachabilityChanged.connect(self.network_changed)
        info.transportMediumChanged.connect(self._transport_medium_changed)

    def _transport_medium_changed(self, _medium: QNetworkInformation.TransportMedium) -> None:
        self.network_changed()

    def network_changed(self, reachability: QNetworkInformation.Reachability | None = None) -> None:
        """Qt reports a network change; the SIP transports are rebuilt once it settles."""
        info = QNetworkInformation.instance()
        if reachability is None and info is not None:
            reachability = info.reachability()
        if reachability is QNetworkInformation.Reachability.Disconnected:
            self._network_settled.stop()  # nothing to register with; wait for the way back
        else:
            self._network_settled.start()

    def _rebuild_sip_transports(self) -> None:
        if self.engine is not None and not self._closed:
            log.info("network changed: re-registering")
            self.engine.network_changed()

    def _stop_engine(self) -> None:
        engine, self.engine = self.engine, None
        if engine is not None:
            engine.shutdown()
            engine.deleteLater()
        self._tone(None)

    @property
    def registration(self) -> object | None:
        return None if self.engine is None else self.engine.registration

    def gate_allows(self, dest: Destination, zone: CostZone) -> tuple[Decision, list[str]]:
        task = self.active_task
        share = self.share(task) if task is not None else None
        result = evaluate_call(dest, zone, task, self.rules, share=share)
        return result.decision, [r.message for r in result.reasons]

    def dial(self, dest: Destination, zone: CostZone) -> str:
        """Place a call for the active task; raises DialRefusedError if the gate blocks it."""
        decision, reasons = self.gate_allows(dest, zone)
        if decision is Decision.BLOCK:
            raise DialRefusedError(" ".join(reasons))
        if self.engine is None:
            raise DialRefusedError(self.tr("The phone is not ready: sign in first."))
        if self.call is not None:
            raise DialRefusedError(self.tr("Hang up the current call first."))
        task = None if dest.is_emergency else self.active_task
        area = task.area if task is not None else TelephonyArea.NONE
        first_on_task = task is not None and not self.store.calls.for_task(task.id)
        call_id = self.engine.dial(dest, task.id if task else None, area, zone)
        self.call = ActiveCall(
            call_id, task.id if task else None, CallDirection.OUTGOING, dest.e164, CallState.CALLING
        )
        self.call_changed.emit(self.call)
        if (
            first_on_task
            and task is not None
            and self.role is Role.SALES
            and not self.settings.value(f"sales_notice/{task.id}", False, type=bool)
        ):
            self.sales_notice_due.emit(task)
        return call_id

    def hangup(self) -> None:
        if self.call is not None and self.engine is not None:
            self.engine.hangup(self.call.call_id)

    def set_mute(self, muted: bool) -> None:
        if self.call is not None and self.engine is not None:
            # Per call, in the engine: the call's port stops taking audio from the conference
            # bridge (what the far end hears goes silent; survives hold/resume).
            self.engine.set_mute(self.call.call_id, muted)
            self.call = replace(self.call, muted=muted)
            self.call_changed.emit(self.call)

    def set_hold(self, hold: bool) -> None:
        if self.call is not None and self.engine is not None:
            (self.engine.hold if hold else self.engine.resume)(self.call.call_id)

    def send_dtmf(self, digits: str) -> None:
        if self.call is not None and self.engine is not None:
            self.engine.send_dtmf(self.call.call_id, digits)

    def transfer(self, dest: Destination) -> None:
        if self.call is not None and self.engine is not None:
            self.engine.transfer(self.call.call_id, dest)

    def answer(self, call_id: str, task_id: str | None) -> None:
        """Take an incoming call, attributed to `task_id` (every call belongs to a task)."""
        if self.engine is None:
            return
        self._tone(None)
        if task_id is not None:
            try:
                self.store.calls.assign_task(call_id, task_id)
            except ValueError:
                log.warning("could not attribute incoming call %s to its task", call_id)
            self._answered_for[call_id] = task_id
        self.engine.answer(call_id)

    def reject(self, call_id: str) -> None:
        self._tone(None)
        if self.engine is not None:
            self.engine.reject(call_id)

    def _tone(self, name: str | None) -> None:
        """Play a tone by its `vpaphone.audio.tones.Tone` name (None: stop)."""
        tones = self.tones
        if tones is None:
            return
        from vpaphone.audio.tones import Tone  # noqa: PLC0415 - loaded with the engine anyway

        if name is None:
            tones.stop()
        else:
            tones.play(Tone[name])

    def _on_incoming(self, incoming: IncomingCall) -> None:
        self._tone("RINGTONE")
        self.incoming_call.emit(incoming)

    def _on_call_changed(self, update: CallUpdate) -> None:
        if update.state is CallState.ENDED:
            self._call_over(update)
            return
        if update.state is CallState.INCOMING:
            return  # ringing: `incoming_call` asks the user; it becomes the call when answered
        call = self.call
        if call is None or call.call_id != update.call_id:
            task_id = self._answered_for.pop(update.call_id, None)
            call = ActiveCall(
                update.call_id, task_id, update.direction, update.number, update.state, None
            )
        self.call = replace(call, state=update.state, answered_at=update.answered_at)
        if update.state is CallState.RINGING:
            self._tone("RINGBACK")
        elif update.state in (CallState.EARLY_MEDIA, CallState.CONNECTED):
            self._tone(None)
        self.call_changed.emit(self.call)

    def _call_over(self, update: CallUpdate) -> None:
        self._answered_for.pop(update.call_id, None)
        if self.call is not None and self.call.call_id == update.call_id:
            self.call = None
        if update.end_reason is EndReason.BUSY:
            self._tone("BUSY")
        elif update.end_reason not in (EndReason.COMPLETED, EndReason.CANCELLED, None):
            self._tone("FAILURE")
        else:
            self._tone(None)
        self.call_changed.emit(None)
        self.call_ended.emit(update)
        self.history_changed.emit()
        self.sync_now()

    # --- my-vpa actions (off the GUI thread) ------------------------------------------------------

    def sync_now(self) -> None:
        """Upload queued call records and work sessions, then refresh the tasks' figures."""
        if self.snapshot is None:
            return
        if self._syncing:  # new records arrived meanwhile: one more round when this one ends
            self._sync_again = True
            return
        self._syncing = True
        self._sync_again = False

        def job(ctx: NetContext) -> tuple[SyncReport, list[Task], datetime]:
            report = Uploader(ctx.account.client, ctx.store.outbox).drain()
            sent_at = datetime.now(UTC)
            tasks = ctx.account.client.active_tasks()
            ctx.store.tasks.save(tasks, sent_at)
            return report, tasks, sent_at

        def done(result: tuple[SyncReport, list[Task], datetime]) -> None:
            self._syncing = False
            if self._sync_again:
                self.sync_now()
            report, tasks, sent_at = result
            self._retry_sync.stop()
            if self.snapshot is not None:
                self._set_tasks(tasks, sent_at)
                self.active_task_changed.emit()
            self.history_changed.emit()
            self.sync_finished.emit(report)

        def failed(exc: Exception) -> None:
            self._syncing = False
            self._sync_again = False  # the retry timer tries again
            waiting = self.store.outbox.count()
            log.info("sync failed: %s", type(exc).__name__)
            if waiting:
                self.message.emit(
                    self.tr("my-vpa is unreachable: %n record(s) wait to be uploaded.", "", waiting)
                )
            if not self._closed:
                self._retry_sync.start()

        self.net.submit(job, done, failed)

    def set_task_area(self, task_id: str, area: TelephonyArea, done: Callable[[], None]) -> None:
        def applied(task: Task) -> None:
            self._replace_task(task)
            label = self.rules.area(area).label(self.language)
            self.message.emit(self.tr("Telephony area changed to %1.").replace("%1", label))
            done()

        self.net.submit(
            lambda ctx: ctx.account.client.set_task_area(task_id, area), applied, self._report
        )

    def post_to_chat(self, task_id: str, template: str, language: Language, text: str) -> None:
        zone = "EU" if template.endswith("EU") else "DE"

        def posted(_: object) -> None:
            self.message.emit(self.tr("Message posted to the task chat."))

        self.net.submit(
            lambda ctx: ctx.account.client.post_telefonfaktor(task_id, zone, language.value, text),
            posted,
            self._report,
        )

    def tell_admin_team(self, kind: AdminRequestKind, text: str, task_id: str | None) -> None:
        def sent(_: object) -> None:
            if kind is AdminRequestKind.SALES_CALL_NOTICE and task_id is not None:
                self.settings.setValue(f"sales_notice/{task_id}", True)
            self.message.emit(self.tr("The admin team has been told."))

        self.net.submit(
            lambda ctx: ctx.account.client.admin_request(kind, text, task_id), sent, self._report
        )

    def more_than_planned_text(self, task: Task) -> str:
        return more_than_planned_note(
            task, self.share(task), self.recommendation(task), self.rules, self.language
        )

    def sales_notice_text(self, task: Task) -> str:
        return sales_system_note(task, self.rules, self.language)

    @property
    def language(self) -> Language:
        """Language of texts for my-vpa staff: the UI language."""
        return ui_language()

    def _report(self, exc: Exception) -> None:
        text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        self.message.emit(self.tr("my-vpa did not accept this: %1").replace("%1", text))

    def _failed_quietly(self, exc: Exception) -> None:
        log.info("my-vpa background job failed: %s", type(exc).__name__)

    # --- history ------------------------------------------------------------------------------

    def recent_calls(self, limit: int = 200) -> list[CallRecord]:
        return [stored.record for stored in self.store.calls.recent(limit)]

    # --- shutdown -------------------------------------------------------------------------------

    def close(self) -> None:
        """Quit: stop the timer (queued for upload), hang up, try one last upload, close."""
        if self._closed:
            return
        self._closed = True
        self._ticker.stop()
        self._refresh.stop()
        self._retry_sync.stop()
        self._work_beat.stop()
        self.store.work.stop(datetime.now(UTC))
        self._stop_engine()
        signed_in = self.snapshot is not None

        def last_upload(ctx: NetContext) -> None:
            if signed_in and ctx.account.session.signed_in:
                Uploader(ctx.account.client, ctx.store.outbox).drain()

        self.net.shutdown(last_upload)
        self.store.close()
