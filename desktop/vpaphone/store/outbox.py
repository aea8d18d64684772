"""The queue of finished call records and work sessions waiting for upload to my-vpa.

Items are enqueued by the transaction that ends a call or session (see calls.py, work.py), so
an item is never lost between "ended" and "queued" nor queued twice. Payloads are built from
the records when handed out and match the contract's CallRecordUpload / WorkSessionUpload.
Delivered items leave the queue in the same transaction that marks their records synced.
"""

from __future__ import annotations

import enum
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from vpaphone.store.db import Database, from_ms, to_ms

_CHUNK: Final = 500  # stays far below SQLite's limit on bound parameters


class OutboxKind(enum.StrEnum):
    """Names as in the contract's upload results."""

    CALL_RECORD = "call_record"
    WORK_SESSION = "work_session"


@dataclass(frozen=True, slots=True)
class OutboxItem:
    kind: OutboxKind
    client_id: str  # the server de-duplicates by it
    payload: dict[str, object]  # JSON-able, one CallRecordUpload or WorkSessionUpload


def enqueue_call(conn: sqlite3.Connection, call_id: str, at_ms: int) -> None:
    """Inside the caller's transaction; a second enqueue of the same call is a no-op."""
    conn.execute(
        "INSERT INTO outbox (call_id, enqueued_ms) VALUES (?, ?) ON CONFLICT DO NOTHING",
        (call_id, at_ms),
    )


def enqueue_session(conn: sqlite3.Connection, session_id: str, at_ms: int) -> None:
    conn.execute(
        "INSERT INTO outbox (session_id, enqueued_ms) VALUES (?, ?) ON CONFLICT DO NOTHING",
        (session_id, at_ms),
    )


def rfc3339(ms: int | None) -> str | None:
    if ms is None:
        return None
    return from_ms(ms).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _call_payload(row: sqlite3.Row) -> dict[str, object]:
    return {
        "client_id": row["id"],
        "task_id": row["task_id"],
        "direction": row["direction"],
        "e164": row["e164"],
        "zone": row["zone"],
        "area": row["area"],
        "started_at": rfc3339(row["started_ms"]),
        "answered_at": rfc3339(row["answered_ms"]),
        "ended_at": rfc3339(row["ended_ms"]),
        "end_reason": row["end_reason"],
        "sip_status": row["sip_status"],
        "talk_seconds": row["talk_ms"] / 1000,
        "counts_as_task_time": bool(row["counts_as_task_time"]),
    }


def _session_payload(row: sqlite3.Row) -> dict[str, object]:
    return {
        "client_id": row["id"],
        "task_id": row["task_id"],
        "started_at": rfc3339(row["started_ms"]),
        "ended_at": rfc3339(row["stopped_ms"]),
    }


class Outbox:
    """What the uploader drains: `pending`, upload, then `mark_delivered`."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def pending(self, kind: OutboxKind, limit: int = 100) -> list[OutboxItem]:
        """Oldest first. The same items come back until they are marked delivered."""
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")
        if kind is OutboxKind.CALL_RECORD:
            rows = self._db.query(
                "SELECT c.* FROM outbox o JOIN calls c ON c.id = o.call_id ORDER BY o.seq LIMIT ?",
                (limit,),
            )
            return [OutboxItem(kind, row["id"], _call_payload(row)) for row in rows]
        rows = self._db.query(
            "SELECT w.* FROM outbox o JOIN work_sessions w ON w.id = o.session_id"
            " ORDER BY o.seq LIMIT ?",
            (limit,),
        )
        return [OutboxItem(kind, row["id"], _session_payload(row)) for row in rows]

    def count(self) -> int:
        """Items not yet delivered (e.g. to warn before sign-out discards them)."""
        return int(self._db.query("SELECT count(*) FROM outbox")[0][0])

    def mark_delivered(self, client_ids: Iterable[str], at: datetime | None = None) -> int:
        """The server has these (accepted or duplicate): mark their records synced, dequeue.

        Idempotent: ids already delivered, or never queued (e.g. a running call), change
        nothing. Returns how many items left the queue now.
        """
        at_ms = to_ms(at or datetime.now(UTC))
        ids = list(dict.fromkeys(client_ids))
        delivered = 0
        with self._db.transaction() as conn:
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                conn.execute(
                    f"UPDATE calls SET synced_ms = ? WHERE synced_ms IS NULL AND id IN"  # noqa: S608
                    f" (SELECT call_id FROM outbox WHERE call_id IN ({marks}))",
                    (at_ms, *chunk),
                )
                conn.execute(
                    f"UPDATE work_sessions SET reported_ms = ? WHERE reported_ms IS NULL AND id IN"  # noqa: S608
                    f" (SELECT session_id FROM outbox WHERE session_id IN ({marks}))",
                    (at_ms, *chunk),
                )
                delivered += conn.execute(
                    f"DELETE FROM outbox WHERE call_id IN ({marks}) OR session_id IN ({marks})",  # noqa: S608
                    (*chunk, *chunk),
                ).rowcount
        return delivered
