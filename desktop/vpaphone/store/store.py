"""`Store`: the application's local database, one object with a part per concern.

    store = Store.open()                      # user data dir, migrated, WAL
    store.recover_interrupted(now)            # at start: what a crashed run left open
    engine = SipEngine(call_log=store.calls)  # store.calls implements core.calls.CallLog
    store.outbox.pending(OutboxKind.CALL_RECORD, 100) ... store.outbox.mark_delivered(ids)

A Store belongs to the thread that opened it; other threads or processes open their own on
the same file (WAL + busy timeout keep that safe; see db.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Final, Self

from vpaphone import paths
from vpaphone.store.calls import DEFAULT_STALE_AFTER, CallStore
from vpaphone.store.db import Database
from vpaphone.store.errors import DatabaseCorruptError
from vpaphone.store.outbox import Outbox
from vpaphone.store.tasks import TaskCache
from vpaphone.store.work import WorkStore

DB_FILENAME: Final = "vpaphone.sqlite3"


@dataclass(frozen=True, slots=True)
class Recovered:
    call_ids: tuple[str, ...]
    session_ids: tuple[str, ...]


class Store:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.calls = CallStore(db)
        self.work = WorkStore(db)
        self.tasks = TaskCache(db)
        self.outbox = Outbox(db)

    @classmethod
    def open(cls, path: Path | None = None) -> Self:
        """Open the database (default: the user data dir), creating and migrating it.

        Raises DatabaseCorruptError, SchemaTooNewError, StoreBusyError or StoreError.
        """
        return cls(Database.open(path or paths.data_dir() / DB_FILENAME))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def recover_interrupted(
        self, now: datetime, stale_after: timedelta = DEFAULT_STALE_AFTER
    ) -> Recovered:
        """Calls and work sessions of a dead process end at their last heartbeat, queued.

        Run it at start. Records heartbeating within `stale_after` may belong to a second
        instance and are left alone; an app that enforces a single instance may pass 0.
        """
        return Recovered(
            call_ids=tuple(self.calls.recover_interrupted(now, stale_after)),
            session_ids=tuple(self.work.recover_interrupted(now, stale_after)),
        )

    def check_integrity(self) -> list[str]:
        """Problems SQLite finds in the file (empty: healthy); for `vpaphone diagnose`.

        Reads every page (about 0.1 s for 100,000 calls), so it is not run on every start.
        """
        try:
            rows = self.db.query("PRAGMA quick_check")
        except DatabaseCorruptError as exc:
            return [str(exc)]
        return [row[0] for row in rows if row[0] != "ok"]

    def clear_personal_data(self) -> None:
        """Sign-out: tasks, call history (numbers), work sessions and the outbox, all gone.

        Undelivered items are discarded too (check `outbox.count()` first to warn the user).
        Deleted pages are zeroed (secure_delete), then the file is compacted and the WAL
        emptied, so no number survives anywhere in the database files.
        """
        with self.db.transaction() as conn:
            for table in ("outbox", "calls", "work_sessions", "cached_tasks", "tasks_fetch"):
                conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
        self.db.execute_outside_transaction("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.execute_outside_transaction("VACUUM")
        self.db.execute_outside_transaction("PRAGMA wal_checkpoint(TRUNCATE)")
