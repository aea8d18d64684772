"""The work timer: one running work session at a time, in the store, heartbeat while running.

The session is written at start and every WORK_HEARTBEAT_MS, so a crash loses at most that
much working time; stopping queues it for upload (`stopped`, which the sync service follows).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from vpaphone.store.work import WorkStore

WORK_HEARTBEAT_MS = 5_000  # bounds what a crash can lose of the work timer


class WorkTimer(QObject):
    changed = Signal(bool)  # running now?
    stopped = Signal()  # a session ended and waits for upload

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
        self._work.start(task_id, datetime.now(UTC))
        self._beat.start()
        self.changed.emit(True)

    def resume_beat(self) -> None:
        """A session left running by the last start (signed in again): keep it alive."""
        if self._work.running() is not None:
            self._beat.start()

    def stop(self) -> None:
        if self._work.stop(datetime.now(UTC)) is None:
            return
        self._beat.stop()
        self.changed.emit(False)
        self.stopped.emit()

    def close(self) -> None:
        """Quit: the running session ends now (queued for upload by the store)."""
        self._beat.stop()
        self._work.stop(datetime.now(UTC))

    def _heartbeat(self) -> None:
        self._work.heartbeat(datetime.now(UTC))
