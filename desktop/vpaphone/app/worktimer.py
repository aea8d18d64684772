"""The work timer: one running work session at a time, in the store, heartbeat while running.

The session is written at start and every WORK_HEARTBEAT_MS, so a crash loses at most that
much working time; stopping queues it for upload (`stopped`, which the sync service follows).
When the database cannot be written (disk full, read-only), the VPA is told and the timer does
not pretend to run; a missed heartbeat only narrows what a crash could lose.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from vpaphone.app.notices import Notice, NoticeKind, storage_notice
from vpaphone.store.errors import StoreError
from vpaphone.store.work import WorkStore

log = logging.getLogger(__name__)

WORK_HEARTBEAT_MS = 5_000  # bounds what a crash can lose of the work timer


class WorkTimer(QObject):
    changed = Signal(bool)  # running now?
    stopped = Signal()  # a session ended and waits for upload
    notice = Signal(Notice)

    def __init__(self, work: WorkStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._beat = QTimer(self)
        self._beat.setInterval(WORK_HEARTBEAT_MS)
        self._beat.timeout.connect(self._heartbeat)

    def running_task(self) -> str | None:
        """The task whose work session runs, if any."""
        running = self._work.running()
        return None if running is None else running.task_id

    def running_for(self, task_id: str | None) -> bool:
        return task_id is not None and self.running_task() == task_id

    def seconds(self) -> float:
        """Length of the running session (0 when none runs)."""
        running = self._work.running()
        return 0.0 if running is None else running.seconds(datetime.now(UTC))

    def start(self, task_id: str) -> None:
        try:
            self._work.start(task_id, datetime.now(UTC))
        except StoreError as exc:
            self._failed(exc)
            return
        self._beat.start()
        self.changed.emit(True)

    def resume_beat(self) -> None:
        """A session left running by the last start (signed in again): keep it alive."""
        if self._work.running() is not None:
            self._beat.start()

    def stop(self) -> None:
        try:
            if self._work.stop(datetime.now(UTC)) is None:
                return
        except StoreError as exc:  # it stays open in the file; the next start ends it there
            self._failed(exc)
            return
        self._beat.stop()
        self.changed.emit(False)
        self.stopped.emit()

    def close(self) -> None:
        """Quit: the running session ends now (queued for upload by the store)."""
        self._beat.stop()
        try:
            self._work.stop(datetime.now(UTC))
        except StoreError as exc:  # recovered at the next start, at its last heartbeat
            log.error("work session not stopped in the database: %s", exc.problem.value)

    def _heartbeat(self) -> None:
        try:
            self._work.heartbeat(datetime.now(UTC))
        except StoreError as exc:
            log.warning("work heartbeat not written: %s", exc.problem.value)

    def _failed(self, exc: StoreError) -> None:
        log.error("work timer not written: %s (%s)", exc.problem.value, exc.path)
        self.notice.emit(storage_notice(NoticeKind.DATA_NOT_SAVED, exc))
