"""The VPA's tasks: which one is active, and each one's phone share, forecast and the area
it should carry (RULES.md 7–9), from my-vpa's figures plus what only this computer knows.

While a work session or an answered call runs, a once-a-second `tick` moves the figures and
`share_level_reached` fires when a task crosses into nearing/over; otherwise nothing ticks
(an idle softphone costs nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from vpaphone.app.calls import ActiveCall
from vpaphone.app.session import SessionService
from vpaphone.app.settings_keys import ACTIVE_TASK, call_role_key
from vpaphone.app.worktimer import WorkTimer
from vpaphone.core.model import CostZone, Role, Task
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
from vpaphone.store.store import Store

TICK_MS = 1_000
_LEVEL_RANK = {ShareLevel.OK: 0, ShareLevel.NEARING: 1, ShareLevel.OVER: 2}


@dataclass(frozen=True, slots=True)
class ShareAlert:
    """A task's phone share just reached a higher level (nearing or over)."""

    task: Task
    state: ShareState


class TaskService(QObject):
    tasks_changed = Signal()
    active_task_changed = Signal()
    tick = Signal()  # once a second while figures move (work timer or a call running)
    share_level_reached = Signal(ShareAlert)
    work_changed = Signal(bool)  # the work timer started or stopped
    work_paused = Signal(Task)  # switching tasks stopped this task's work timer

    def __init__(
        self,
        session: SessionService,
        store: Store,
        work: WorkTimer,
        settings: QSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._store = store
        self._work = work
        self._settings = settings
        self._tasks: list[Task] = []
        self._fetched_at: datetime | None = None
        self._active_id: str | None = None
        self._levels: dict[str, ShareLevel] = {}
        self._call: ActiveCall | None = None  # the running call (its talk time counts live)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._on_tick)
        work.changed.connect(self._retick)
        work.changed.connect(self.work_changed)

    # --- the list ------------------------------------------------------------------------------

    @property
    def tasks(self) -> list[Task]:
        return list(self._tasks)

    def task(self, task_id: str | None) -> Task | None:
        return next((t for t in self._tasks if t.id == task_id), None)

    @property
    def active_task(self) -> Task | None:
        return self.task(self._active_id)

    def load(self, tasks: list[Task], fetched_at: datetime) -> None:
        """Signed in: the tasks, and the active one as last time (a running timer wins)."""
        self.set_tasks(tasks, fetched_at)
        running = self._work.running_task()
        remembered = str(self._settings.value(ACTIVE_TASK, "") or "")
        for candidate in (running, remembered):
            if self._active_id is None and self.task(candidate) is not None:
                self._active_id = candidate
        self.active_task_changed.emit()
        self._retick()

    def set_tasks(self, tasks: list[Task], fetched_at: datetime) -> None:
        """my-vpa's figures as of `fetched_at` (local figures count from there)."""
        self._tasks = list(tasks)
        self._fetched_at = fetched_at
        for task in self._tasks:
            self._levels.setdefault(task.id, self.share(task).level)
        if self._active_id is not None and self.task(self._active_id) is None:
            self._active_id = None
        self.tasks_changed.emit()
        self.active_task_changed.emit()
        self._check_levels()  # my-vpa's new figures may have moved a task up a level

    def replace(self, task: Task) -> None:
        """One task changed on my-vpa (e.g. its area)."""
        self._tasks = [task if t.id == task.id else t for t in self._tasks]
        self.tasks_changed.emit()
        if task.id == self._active_id:
            self.active_task_changed.emit()

    def select(self, task_id: str | None) -> None:
        """Make a task active; a running work timer of another task stops first."""
        if task_id == self._active_id:
            return
        running = self._work.running_task()
        if running is not None and running != task_id:
            self._work.stop()
            paused = self.task(running)
            if paused is not None:
                self.work_paused.emit(paused)
        self._active_id = task_id if self.task(task_id) is not None else None
        self._settings.setValue(ACTIVE_TASK, self._active_id or "")
        task = self.active_task
        if task is not None:
            self._levels[task.id] = self.share(task).level
        self.active_task_changed.emit()

    def clear(self) -> None:
        """Signed out: no tasks, nothing active, nothing remembered."""
        self._ticker.stop()
        self._tasks, self._active_id, self._fetched_at, self._call = [], None, None, None
        self._levels.clear()
        self._settings.remove(ACTIVE_TASK)
        self.tasks_changed.emit()
        self.active_task_changed.emit()

    def close(self) -> None:
        self._ticker.stop()

    # --- work timer of the active task ------------------------------------------------------------

    @property
    def work_running(self) -> bool:
        """The work timer runs for the active task."""
        return self._work.running_for(self._active_id)

    def work_seconds(self) -> float:
        """The running session's length, for the timer display (0 when none runs)."""
        return self._work.seconds()

    def start_work(self) -> None:
        if self._active_id is not None:
            self._work.start(self._active_id)

    def stop_work(self) -> None:
        self._work.stop()

    # --- figures -------------------------------------------------------------------------------

    def task_time(self, task: Task, now: datetime | None = None) -> TaskTime:
        """my-vpa's figures plus what only this computer knows (never counted twice)."""
        now = now or datetime.now(UTC)
        work = self._store.work.unreported_seconds(task.id, now, self._fetched_at)
        phone = self._store.calls.phone_seconds(task.id, self._fetched_at).unsynced
        call = self._call
        if call is not None and call.task_id == task.id:
            phone += call.talk_seconds(now)
        return TaskTime.of_task(task, [LocalSpan(work, False)], [LocalSpan(phone, False)])

    def share(self, task: Task, now: datetime | None = None) -> ShareState:
        return phone_share(self.task_time(task, now), self._session.rules)

    def forecast_seconds(self) -> float | None:
        """While a call runs: seconds until its task passes the included share at this pace."""
        call = self._call
        task = self.task(call.task_id) if call else None
        if call is None or task is None or call.answered_at is None:
            return None
        return seconds_until_over(
            self.task_time(task),
            0.0,
            working_timer_running=self._work.running_for(task.id),
            rules=self._session.rules,
        )

    def call_role(self, task: Task) -> Role:
        """Back-office or sales calls on this task: what its factor area says, else what the VPA
        chose for it, else the VPA's profile (a back-office VPA may phone for sales)."""
        area_role = self._session.rules.area(task.area).role
        if area_role is not None:
            return area_role
        chosen = str(self._settings.value(call_role_key(task.id), "") or "")
        return Role(chosen) if chosen in {r.value for r in Role} else self._session.role

    def set_call_role(self, task_id: str, role: Role) -> None:
        self._settings.setValue(call_role_key(task_id), role.value)
        task = self.task(task_id)
        if task is not None:
            self.replace(task)  # listeners redraw the recommendation

    def recommendation(self, task: Task, extra_zone: CostZone | None = None) -> Recommendation:
        """The area the task should carry: by its kind of calls and where answered calls went."""
        zones = set(self._store.calls.zones_called(task.id)) or {CostZone.DE}
        if extra_zone is not None:
            zones.add(extra_zone)
        return recommend_area(self.call_role(task), zones, task.area, self._session.rules)

    def regions_outside_eu(self, task: Task) -> frozenset[str]:
        """Countries outside the EU this task called or tried to (blocked attempts are kept
        for the quote request): ISO codes, for the admin team."""
        return self._store.calls.regions_called(task.id, CostZone.NON_EU)

    # --- the running call (from the phone service) ------------------------------------------------

    def track_call(self, call: ActiveCall | None) -> None:
        self._call = call
        self._retick()

    def _retick(self, *_: object) -> None:
        moving = self._session.active and (
            self._work.running_task() is not None
            or (self._call is not None and self._call.answered_at is not None)
        )
        if moving and not self._ticker.isActive():
            self._ticker.start()
        elif not moving and self._ticker.isActive():
            self._ticker.stop()
            self._on_tick()  # the last figures, as they stopped

    def _on_tick(self) -> None:
        self._check_levels()
        self.tick.emit()

    def _check_levels(self) -> None:
        # Only the active task (work timer) and the call's task change between syncs.
        ids = {self._active_id, self._call.task_id if self._call else None}
        for task in (t for t in self._tasks if t.id in ids):
            state = self.share(task)
            before = self._levels.get(task.id, ShareLevel.OK)
            self._levels[task.id] = state.level
            if _LEVEL_RANK[state.level] > _LEVEL_RANK[before]:
                self.share_level_reached.emit(ShareAlert(task, state))
