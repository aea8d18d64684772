"""Work sessions: the local working timer per task, crash-safe like calls.

One session runs at a time (a unique index enforces it across app instances). A stopped
session is queued for upload in the transaction that stops it; once my-vpa confirms it, it is
`reported` and included in my-vpa's `Task.working_seconds`.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from vpaphone.store.calls import DEFAULT_STALE_AFTER
from vpaphone.store.db import Database, from_ms, optional_dt, to_ms
from vpaphone.store.errors import WorkRunningError
from vpaphone.store.outbox import enqueue_session

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class WorkSession:
    id: str  # client id; the server de-duplicates uploads by it
    task_id: str
    started_at: datetime
    last_seen_at: datetime
    stopped_at: datetime | None
    interrupted: bool  # stopped by crash recovery at the last heartbeat
    reported_at: datetime | None  # when my-vpa confirmed it; None = not yet reported

    def seconds(self, now: datetime) -> float:
        """Working time; a running session counts up to `now`."""
        end = self.stopped_at or max(now, self.started_at)
        return (end - self.started_at).total_seconds()


def _session(row: sqlite3.Row) -> WorkSession:
    return WorkSession(
        id=row["id"],
        task_id=row["task_id"],
        started_at=from_ms(row["started_ms"]),
        last_seen_at=from_ms(row["last_seen_ms"]),
        stopped_at=optional_dt(row["stopped_ms"]),
        interrupted=bool(row["interrupted"]),
        reported_at=optional_dt(row["reported_ms"]),
    )


class WorkStore:
    def __init__(self, db: Database) -> None:
        self._db = db
        self.owner: str | None = None  # the signed-in VPA (set by Store.set_owner)

    def start(self, task_id: str, at: datetime) -> WorkSession:
        """Start the timer; if it already runs for this task, that session is returned.

        Raises WorkRunningError if it runs for another task (stop that first).
        """
        if not task_id:
            raise ValueError("work needs a task id")
        at_ms = to_ms(at)
        with self._db.transaction() as conn:
            row = conn.execute("SELECT * FROM work_sessions WHERE stopped_ms IS NULL").fetchone()
            if row is not None:
                if row["task_id"] != task_id:
                    raise WorkRunningError(row["task_id"], task_id)
                return _session(row)
            session_id = str(uuid.uuid4())
            conn.execute(
                "INSERT INTO work_sessions (id, task_id, started_ms, last_seen_ms, owner)"
                " VALUES (?, ?, ?, ?, ?)",
                (session_id, task_id, at_ms, at_ms, self.owner),
            )
            row = conn.execute("SELECT * FROM work_sessions WHERE id = ?", (session_id,)).fetchone()
            return _session(row)

    def heartbeat(self, at: datetime) -> None:
        """Call every few seconds while the timer runs: bounds what a crash can lose."""
        at_ms = to_ms(at)
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE work_sessions SET last_seen_ms = ?"
                " WHERE stopped_ms IS NULL AND last_seen_ms < ?",
                (at_ms, at_ms),
            )

    def stop(self, at: datetime) -> WorkSession | None:
        """Stop the running session and queue it; None (and nothing changed) if none runs."""
        at_ms = to_ms(at)
        with self._db.transaction() as conn:
            row = conn.execute("SELECT * FROM work_sessions WHERE stopped_ms IS NULL").fetchone()
            if row is None:
                return None
            if at_ms < row["started_ms"]:
                raise ValueError(f"work cannot stop at {at.isoformat()}, before it started")
            conn.execute(
                "UPDATE work_sessions SET stopped_ms = ?, last_seen_ms = max(last_seen_ms, ?)"
                " WHERE id = ?",
                (at_ms, at_ms, row["id"]),
            )
            enqueue_session(conn, row["id"], at_ms)
            row = conn.execute("SELECT * FROM work_sessions WHERE id = ?", (row["id"],)).fetchone()
            return _session(row)

    def running(self) -> WorkSession | None:
        rows = self._db.query("SELECT * FROM work_sessions WHERE stopped_ms IS NULL")
        return _session(rows[0]) if rows else None

    def for_task(self, task_id: str) -> list[WorkSession]:
        rows = self._db.query(
            "SELECT * FROM work_sessions WHERE task_id = ? ORDER BY started_ms DESC", (task_id,)
        )
        return [_session(row) for row in rows]

    def unreported_seconds(
        self, task_id: str, now: datetime, server_snapshot_at: datetime | None = None
    ) -> float:
        """Working seconds my-vpa's `Task.working_seconds` does not contain yet.

        A running session counts up to `now`. With `server_snapshot_at` (the fetch time of the
        task figures in use), sessions confirmed after it count too, as in `phone_seconds`.
        """
        now_ms = to_ms(now)
        snapshot_ms = None if server_snapshot_at is None else to_ms(server_snapshot_at)
        total_ms = self._db.query(
            "SELECT coalesce(sum(coalesce(stopped_ms, max(?, started_ms)) - started_ms), 0)"
            " FROM work_sessions WHERE task_id = ?"
            " AND (reported_ms IS NULL OR reported_ms > coalesce(?, reported_ms))",
            (now_ms, task_id, snapshot_ms),
        )[0][0]
        return float(total_ms) / 1000

    def recover_interrupted(
        self, now: datetime, stale_after: timedelta = DEFAULT_STALE_AFTER
    ) -> list[str]:
        """Stop sessions of a dead process at their last heartbeat (see CallStore's twin)."""
        limit_ms = to_ms(now - stale_after)
        now_ms = to_ms(now)
        with self._db.transaction() as conn:
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT id FROM work_sessions WHERE stopped_ms IS NULL AND last_seen_ms <= ?",
                    (limit_ms,),
                )
            ]
            for session_id in ids:
                conn.execute(
                    "UPDATE work_sessions SET stopped_ms = last_seen_ms, interrupted = 1"
                    " WHERE id = ?",
                    (session_id,),
                )
                enqueue_session(conn, session_id, now_ms)
        for session_id in ids:
            log.warning(
                "work session %s was interrupted; stopped at its last heartbeat", session_id
            )
        return ids
