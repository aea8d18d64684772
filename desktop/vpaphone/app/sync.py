"""Uploading call records and work sessions, and refreshing the tasks' figures from my-vpa.

A sync runs after every call and work session, every REFRESH_MS while signed in (tasks changed
elsewhere show up by themselves), and every RETRY_SYNC_MS while records wait because my-vpa is
unreachable. One runs at a time; new records during a run get one more run after it. The first
sync of a session offers records my-vpa refused before once more; each sync also deletes
confirmed history older than the provisioned retention.

Failures are told as what they are (`notices.failure_notice`); an ended session stops syncing
and asks for a new sign-in (`session_ended`), after which the waiting records go up.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from vpaphone.app import jobs
from vpaphone.app.netjobs import NetWorker
from vpaphone.app.notices import Notice, NoticeKind, failure_notice
from vpaphone.app.records import RecordKeeper
from vpaphone.app.session import SessionService
from vpaphone.app.tasks import TaskService
from vpaphone.myvpa.errors import SignInRequiredError
from vpaphone.myvpa.sync import SyncReport
from vpaphone.store.outbox import Outbox

log = logging.getLogger(__name__)

RETRY_SYNC_MS = 60_000  # while records wait in the outbox (my-vpa unreachable)
REFRESH_MS = 5 * 60_000  # my-vpa's task figures, refreshed while signed in


@dataclass(frozen=True, slots=True)
class RecordsState:
    """The signed-in VPA's records my-vpa does not have yet, as the window shows them."""

    waiting: int  # queued for upload (refused ones included)
    refused: int  # my-vpa did not accept them (kept, offered again at sign-in)
    refusal_codes: tuple[str, ...]  # my-vpa's reasons, most frequent first
    unsaved: int  # calls whose record the database could not take yet (disk full, read-only)


class SyncService(QObject):
    finished = Signal(SyncReport)  # uploaded and refreshed
    notice = Signal(Notice)
    records_changed = Signal(RecordsState)
    session_ended = Signal(Exception)  # my-vpa ended the session: the VPA must sign in again

    def __init__(
        self,
        net: NetWorker,
        session: SessionService,
        tasks: TaskService,
        outbox: Outbox,
        keeper: RecordKeeper,
        *,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._net = net
        self._session = session
        self._tasks = tasks
        self._outbox = outbox
        self._keeper = keeper
        self._running = False  # signed in: syncs may run
        self._busy = False
        self._again = False
        self._retry_refused = False  # the next sync offers refused records again
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_SYNC_MS)
        self._retry.timeout.connect(self.sync_now)
        self._refresh = QTimer(self)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self.sync_now)
        keeper.changed.connect(self.publish)

    def start(self) -> None:
        """Signed in: sync now (refused records once more) and from time to time."""
        self._running = True
        self._retry_refused = True
        self._refresh.start()
        self.sync_now()

    def stop(self) -> None:
        self._running = False
        self._refresh.stop()
        self._retry.stop()

    def waiting(self) -> int:
        """Records (calls, work sessions) my-vpa has not confirmed yet."""
        return self._outbox.count(self._owner()) + self._keeper.unsaved

    def state(self) -> RecordsState:
        owner = self._owner()
        refused = self._outbox.rejected(owner)
        codes = [item.code for item in refused]
        by_frequency = tuple(sorted(set(codes), key=lambda code: (-codes.count(code), code)))
        waiting = self._outbox.count(owner)
        return RecordsState(waiting, len(refused), by_frequency, self._keeper.unsaved)

    def publish(self) -> None:
        """Tell the window how many records wait, were refused, or are not saved yet."""
        self.records_changed.emit(self.state())

    def sync_now(self) -> None:
        """Upload queued call records and work sessions, then refresh the tasks' figures."""
        if not self._running:
            return
        if self._busy:  # new records arrived meanwhile: one more round when this one ends
            self._again = True
            return
        self._busy, self._again = True, False
        job = functools.partial(
            jobs.sync,
            retention=self._session.rules.history_retention,
            retry_rejected=self._retry_refused,
        )
        self._retry_refused = False
        self._net.submit(job, self._done, self._failed)

    def _owner(self) -> str | None:
        snapshot = self._session.snapshot
        return None if snapshot is None else snapshot.user

    def _done(self, result: jobs.SyncResult) -> None:
        self._busy = False
        self._retry.stop()
        if self._running:
            self._tasks.set_tasks(result.tasks, result.fetched_at)
        self.finished.emit(result.report)
        if result.report.rejected:
            refused = len(self._outbox.rejected(self._owner()))
            self.notice.emit(Notice(NoticeKind.RECORDS_REFUSED, count=refused))
        self.publish()
        if self._again:
            self.sync_now()

    def _failed(self, exc: Exception) -> None:
        self._busy, self._again = False, False  # the retry timer tries again
        log.info("sync failed: %s", type(exc).__name__)
        self.publish()
        self.notice.emit(failure_notice(exc, self.waiting()))
        if isinstance(exc, SignInRequiredError):
            self.stop()  # nothing goes up until the VPA has signed in again
            self.session_ended.emit(exc)
            return
        if self._running:
            self._retry.start()
