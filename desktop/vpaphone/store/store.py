"""`Store`: the application's local database, one object with a part per concern.

    store = Store.open()                      # user data dir, migrated, WAL
    store.recover_interrupted(now)            # at start: what a crashed run left open
    engine = SipEngine(call_log=store.calls)  # store.calls implements core.calls.CallLog
    store.outbox.pending(OutboxKind.CALL_RECORD, 100) ... store.outbox.mark_delivered(ids)

A Store belongs to the thread that opened it; other threads or processes open their own on
the same file (WAL + busy timeout keep that safe; see db.py).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Final, Self

from vpaphone import paths
from vpaphone.store.calls import DEFAULT_STALE_AFTER, CallStore
from vpaphone.store.db import Database, to_ms
from vpaphone.store.errors import DatabaseCorruptError, StoreError, StoreProblem, os_store_error
from vpaphone.store.journal import Journal
from vpaphone.store.outbox import Outbox
from vpaphone.store.tasks import TaskCache
from vpaphone.store.work import WorkStore

DB_FILENAME: Final = "vpaphone.sqlite3"
log = logging.getLogger(__name__)
# Rows of a signed-out VPA that my-vpa has not confirmed: they stay, everything else goes.
_UNCONFIRMED_CALL: Final = "id IN (SELECT call_id FROM outbox WHERE call_id IS NOT NULL)"
_UNCONFIRMED_SESSION: Final = "id IN (SELECT session_id FROM outbox WHERE session_id IS NOT NULL)"


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

        Creates its folder (private: 0700) if needed. Raises DatabaseCorruptError,
        SchemaTooNewError, StoreBusyError or StoreError (each with its `problem`).
        """
        path = path or paths.data_dir() / DB_FILENAME
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise os_store_error(exc, path.parent, "create the data folder") from None
        if not os.access(path.parent, os.W_OK):  # a read-only disk refuses even root
            raise StoreError(
                f"The data folder {path.parent} cannot be written", StoreProblem.READ_ONLY, path
            )
        return cls(Database.open(path))

    def probe_write(self) -> None:
        """Write one small row now: at start, a full disk or a read-only file shows up here,
        not with the first call record. Raises StoreError (FULL, READ_ONLY, ...)."""
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('last_start', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (datetime.now(UTC).isoformat(),),
            )

    def set_owner(self, user: str | None) -> None:
        """The VPA signed in now (None: nobody): new records are theirs, the history theirs."""
        self.calls.owner = user
        self.work.owner = user

    def adopt(self, user: str) -> None:
        """`user` signed in: records from before owners were kept become theirs, and what other
        VPAs left that my-vpa confirmed (history) goes. Others' unconfirmed records stay, to go
        up with their own next sign-in."""
        with self.db.transaction() as conn:
            for table in ("calls", "work_sessions"):
                conn.execute(f"UPDATE {table} SET owner = ? WHERE owner IS NULL", (user,))  # noqa: S608 - fixed names
            conn.execute(
                f"DELETE FROM calls WHERE owner <> ? AND ended_ms IS NOT NULL"  # noqa: S608
                f" AND NOT {_UNCONFIRMED_CALL}",
                (user,),
            )
            conn.execute(
                f"DELETE FROM work_sessions WHERE owner <> ? AND stopped_ms IS NOT NULL"  # noqa: S608
                f" AND NOT {_UNCONFIRMED_SESSION}",
                (user,),
            )

    def purge_history(self, retention: timedelta, now: datetime | None = None) -> int:
        """Delete confirmed calls and work sessions older than `retention`; never unconfirmed."""
        before = (now or datetime.now(UTC)) - retention
        deleted = self.calls.purge_confirmed(before)
        with self.db.transaction() as conn:
            deleted += conn.execute(
                f"DELETE FROM work_sessions WHERE stopped_ms < ? AND reported_ms IS NOT NULL"  # noqa: S608
                f" AND NOT {_UNCONFIRMED_SESSION}",
                (to_ms(before),),
            ).rowcount
        return deleted

    def import_journal(self, journal: Journal) -> int:
        """Replay call-log entries a previous run could not write (see store.journal).

        Returns how many calls they concern; the file goes once they are in the database.
        """
        entries = journal.load()
        if not entries:
            return 0
        for entry in entries:
            entry.apply(self.calls)
        journal.clear()
        calls = len({entry.call_id for entry in entries})
        log.warning("saved %d call records kept outside the database by an earlier run", calls)
        return calls

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

    def clear_personal_data(self) -> int:
        """Sign-out: tasks, call history (numbers) and work sessions go — except the records
        my-vpa has not confirmed, which stay (with their owner) until they are uploaded.

        Returns how many records stayed. Deleted pages are zeroed (secure_delete), then the file
        is compacted and the WAL emptied, so no deleted number survives in the database files.
        """
        with self.db.transaction() as conn:
            conn.execute(f"DELETE FROM calls WHERE NOT {_UNCONFIRMED_CALL}")  # noqa: S608
            conn.execute(f"DELETE FROM work_sessions WHERE NOT {_UNCONFIRMED_SESSION}")  # noqa: S608
            for table in ("cached_tasks", "tasks_fetch"):
                conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
            kept = int(conn.execute("SELECT count(*) FROM outbox").fetchone()[0])
        self.db.execute_outside_transaction("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.execute_outside_transaction("VACUUM")
        self.db.execute_outside_transaction("PRAGMA wal_checkpoint(TRUNCATE)")
        self.set_owner(None)
        return kept
