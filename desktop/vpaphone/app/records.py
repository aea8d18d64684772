"""The call log the SIP engine writes to: the store, and a net under it when the store fails.

A call must never stop because its record cannot be written (disk full, folder turned
read-only). Then the VPA is told at once, the record is kept in memory and in a small file
elsewhere (`store.journal`, picked up by the next start), and writing is tried again every
RECORD_RETRY_MS until the database takes it. Entries keep their order: once one waits, the
later ones of any call wait behind it.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from vpaphone.app.notices import Notice, NoticeKind, storage_notice
from vpaphone.core.calls import CallRecord
from vpaphone.core.model import EndReason
from vpaphone.store.calls import CallStore
from vpaphone.store.errors import StoreError
from vpaphone.store.journal import EntryKind, Journal, LogEntry, compact

log = logging.getLogger(__name__)

RECORD_RETRY_MS = 5_000


class RecordKeeper(QObject):
    """Implements `core.calls.CallLog` over the store's calls (GUI thread)."""

    notice = Signal(Notice)
    changed = Signal()  # the number of unsaved calls changed
    saved = Signal()  # what waited is in the database now (and queued for upload)

    def __init__(
        self,
        calls: CallStore,
        journal: Journal,
        retry_ms: int = RECORD_RETRY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._calls = calls
        self._journal = journal
        self._pending: list[LogEntry] = []
        self._told = 0  # unsaved calls the VPA has been told about
        self._last_error: StoreError | None = None
        self._retry = QTimer(self)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self.retry)

    @property
    def unsaved(self) -> int:
        """Calls whose record (or part of it) is not in the database yet."""
        return len({entry.call_id for entry in self._pending})

    # --- CallLog -------------------------------------------------------------------------------

    def call_started(self, record: CallRecord) -> None:
        self._write(LogEntry.started(record, self._calls.owner))

    def call_answered(self, call_id: str, at: datetime) -> None:
        self._write(LogEntry(EntryKind.ANSWERED, call_id, at))

    def call_progress(self, call_id: str, at: datetime) -> None:
        self._write(LogEntry(EntryKind.PROGRESS, call_id, at))

    def call_ended(
        self, call_id: str, at: datetime, reason: EndReason, sip_status: int | None
    ) -> None:
        self._write(LogEntry(EntryKind.ENDED, call_id, at, reason=reason, sip_status=sip_status))

    def call_transferred(self, call_id: str, target: str, at: datetime) -> None:
        self._write(LogEntry(EntryKind.TRANSFERRED, call_id, at, target=target))

    # --- the net -------------------------------------------------------------------------------

    def _write(self, entry: LogEntry) -> None:
        if not self._pending:
            try:
                entry.apply(self._calls)
                return
            except StoreError as exc:
                self._failed(exc)
        self._pending = compact([*self._pending, entry])
        self._keep()

    def _failed(self, exc: StoreError) -> None:
        log.error("call record not written: %s (%s)", exc.problem.value, exc.path)
        if not self._retry.isActive():
            self._retry.start()
        self._last_error = exc

    def _keep(self) -> None:
        where = self._journal.save(self._pending)
        if where is None:
            log.error("unsaved call records are only in memory: no folder takes the file")
        unsaved = self.unsaved
        if unsaved > self._told and self._last_error is not None:  # at once, and per new call
            self._told = unsaved
            self.notice.emit(
                storage_notice(NoticeKind.RECORD_NOT_SAVED, self._last_error, count=unsaved)
            )
        self.changed.emit()

    def retry(self) -> None:
        """Write what waits, in order; stop at the first entry the database still refuses."""
        if not self._pending:
            self._retry.stop()
            return
        saved_calls = self.unsaved
        while self._pending:
            try:
                self._pending[0].apply(self._calls)
            except StoreError as exc:
                self._last_error = exc
                self._journal.save(self._pending)
                self.changed.emit()
                return
            self._pending.pop(0)
        self._retry.stop()
        self._journal.clear()
        self._told = 0
        log.warning("%d call records that had to wait are in the database now", saved_calls)
        self.notice.emit(Notice(NoticeKind.RECORDS_SAVED, count=saved_calls))
        self.changed.emit()
        self.saved.emit()

    def close(self) -> None:
        """Quit: a last try; what still waits is in the file for the next start."""
        if self._pending:
            self.retry()
        self._retry.stop()
