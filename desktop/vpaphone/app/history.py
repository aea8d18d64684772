"""The call history the window shows: the store's records, and when they changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from vpaphone.core.calls import CallRecord
from vpaphone.store.calls import CallStore


class HistoryService(QObject):
    """Implements the history view's `CallSource`; `changed` after calls end and syncs."""

    changed = Signal()
    retagged = Signal()  # a call moved to another task: time to sync

    def __init__(self, calls: CallStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._calls = calls

    def recent(self, limit: int = 50, offset: int = 0) -> list[CallRecord]:
        """Newest first, a page at a time."""
        return [stored.record for stored in self._calls.recent(limit, offset)]

    def for_task(self, task_id: str) -> list[CallRecord]:
        return [stored.record for stored in self._calls.for_task(task_id)]

    def retag(self, call_id: str, task_id: str) -> None:
        """The call was for another task: it counts there from now on (my-vpa is told with
        the next sync)."""
        self._calls.retag(call_id, task_id)
        self.changed.emit()
        self.retagged.emit()

    def last_task_for(self, e164: str | None) -> str | None:
        """The task this number was last called for or called in on (incoming calls suggest
        it); None for an unknown or anonymous caller."""
        return self._calls.last_task_for(e164) if e164 else None
