"""Uploading call records and work sessions, and refreshing the tasks' figures from my-vpa.

A sync runs after every call and work session, every REFRESH_MS while signed in (tasks changed
elsewhere show up by themselves), and every RETRY_SYNC_MS while records wait because my-vpa is
unreachable. One runs at a time; new records during a run get one more run after it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from vpaphone.app import jobs
from vpaphone.app.netjobs import NetWorker
from vpaphone.app.notices import Notice, NoticeKind
from vpaphone.app.tasks import TaskService
from vpaphone.myvpa.sync import SyncReport
from vpaphone.store.outbox import Outbox

log = logging.getLogger(__name__)

RETRY_SYNC_MS = 60_000  # while records wait in the outbox (my-vpa unreachable)
REFRESH_MS = 5 * 60_000  # my-vpa's task figures, refreshed while signed in


class SyncService(QObject):
    finished = Signal(SyncReport)  # uploaded and refreshed
    notice = Signal(Notice)

    def __init__(
        self, net: NetWorker, tasks: TaskService, outbox: Outbox, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._net = net
        self._tasks = tasks
        self._outbox = outbox
        self._running = False  # signed in: syncs may run
        self._busy = False
        self._again = False
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_SYNC_MS)
        self._retry.timeout.connect(self.sync_now)
        self._refresh = QTimer(self)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self.sync_now)

    def start(self) -> None:
        """Signed in: sync now and from time to time."""
        self._running = True
        self._refresh.start()
        self.sync_now()

    def stop(self) -> None:
        self._running = False
        self._refresh.stop()
        self._retry.stop()

    def waiting(self) -> int:
        """Records (calls, work sessions) my-vpa has not confirmed yet."""
        return self._outbox.count()

    def sync_now(self) -> None:
        """Upload queued call records and work sessions, then refresh the tasks' figures."""
        if not self._running:
            return
        if self._busy:  # new records arrived meanwhile: one more round when this one ends
            self._again = True
            return
        self._busy, self._again = True, False
        self._net.submit(jobs.sync, self._done, self._failed)

    def _done(self, result: jobs.SyncResult) -> None:
        self._busy = False
        self._retry.stop()
        if self._running:
            self._tasks.set_tasks(result.tasks, result.fetched_at)
        self.finished.emit(result.report)
        if self._again:
            self.sync_now()

    def _failed(self, exc: Exception) -> None:
        self._busy, self._again = False, False  # the retry timer tries again
        log.info("sync failed: %s", type(exc).__name__)
        waiting = self._outbox.count()
        if waiting:
            self.notice.emit(Notice(NoticeKind.UPLOADS_WAITING, count=waiting))
        if self._running:
            self._retry.start()
