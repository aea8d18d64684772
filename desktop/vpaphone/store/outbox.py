"""The queue of finished call records and work sessions waiting for upload to my-vpa.

Items are enqueued by the transaction that ends a call or session (see calls.py, work.py), so
an item is never lost between "ended" and "queued" nor queued twice. Payloads are built from
the records when handed out and match the contract's CallRecordUpload / WorkSessionUpload.
Delivered items leave the queue in the same transaction that marks their records synced.
Items my-vpa refused stay queued, marked with its reason (`mark_rejected`): `pending` leaves
them out unless asked for them, so they never hold the others back.
"""

from __future__ import annotations

import enum
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from vpaphone.core.calls import caller_fields, transfer_fields
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


@dataclass(frozen=True, slots=True)
class RejectedItem:
    """An item my-vpa did not accept, with its reason (code, detail as the server gave them)."""

    kind: OutboxKind
    client_id: str
    code: str
    detail: str
    at: datetime


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
        **caller_fields(row["e164"]),  # e164, or null and why for callers without a number
        "zone": row["zone"],
        "area": row["area"],
        "started_at": rfc3339(row["started_ms"]),
        "answered_at": rfc3339(row["answered_ms"]),
        "ended_at": rfc3339(row["ended_ms"]),
        "end_reason": row["end_reason"],
        "sip_status": row["sip_status"],
        "talk_seconds": row["talk_ms"] / 1000,
        "counts_as_task_time": bool(row["counts_as_task_time"]),
        **transfer_fields(row["transferred_to"], rfc3339(row["transferred_ms"])),
    }


def _session_payload(row: sqlite3.Row) -> dict[str, object]:
    return {
        "client_id": row["id"],
        "task_id": row["task_id"],
        "started_at": rfc3339(row["started_ms"]),
        "ended_at": rfc3339(row["stopped_ms"]),
    }


# The outbox items of one owner (parameters: owner three times; None: everyone's).
_OWNED: Final = (
    "WITH owned AS (SELECT o.* FROM outbox o"
    " LEFT JOIN calls c ON c.id = o.call_id LEFT JOIN work_sessions w ON w.id = o.session_id"
    " WHERE ? IS NULL OR coalesce(c.owner, w.owner, ?) = ?) "
)


class Outbox:
    """What the uploader drains: `pending`, upload, then `mark_delivered`."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def pending(
        self,
        kind: OutboxKind,
        limit: int = 100,
        *,
        owner: str | None = None,
        rejected: bool = False,
    ) -> list[OutboxItem]:
        """Oldest first. The same items come back until they are marked delivered.

        `owner`: only that VPA's items (and those from before owners were kept); None: all.
        `rejected`: the items my-vpa refused instead of the others.
        """
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")
        if kind is OutboxKind.CALL_RECORD:
            rows = self._db.query(
                "SELECT c.* FROM outbox o JOIN calls c ON c.id = o.call_id"
                " WHERE (o.rejected_ms IS NOT NULL) = ? AND (? IS NULL OR coalesce(c.owner, ?) = ?)"
                " ORDER BY o.seq LIMIT ?",
                (rejected, owner, owner, owner, limit),
            )
            return [OutboxItem(kind, row["id"], _call_payload(row)) for row in rows]
        rows = self._db.query(
            "SELECT w.* FROM outbox o JOIN work_sessions w ON w.id = o.session_id"
            " WHERE (o.rejected_ms IS NOT NULL) = ? AND (? IS NULL OR coalesce(w.owner, ?) = ?)"
            " ORDER BY o.seq LIMIT ?",
            (rejected, owner, owner, owner, limit),
        )
        return [OutboxItem(kind, row["id"], _session_payload(row)) for row in rows]

    def count(self, owner: str | None = None) -> int:
        """Items my-vpa has not confirmed yet, refused ones included (e.g. before sign-out)."""
        query = _OWNED + "SELECT count(*) FROM owned"  # noqa: S608 - fixed text, bound values
        return int(self._db.query(query, (owner,) * 3)[0][0])

    def rejected(self, owner: str | None = None) -> list[RejectedItem]:
        """The items my-vpa refused, oldest refusal first."""
        query = _OWNED + "SELECT * FROM owned WHERE rejected_ms IS NOT NULL"  # noqa: S608 - fixed
        rows = self._db.query(query + " ORDER BY rejected_ms, seq", (owner,) * 3)
        return [
            RejectedItem(
                OutboxKind.CALL_RECORD if row["call_id"] else OutboxKind.WORK_SESSION,
                row["call_id"] or row["session_id"],
                row["rejected_code"],
                row["rejected_detail"] or "",
                from_ms(row["rejected_ms"]),
            )
            for row in rows
        ]

    def mark_rejected(
        self, rejections: Mapping[str, tuple[str, str]], at: datetime | None = None
    ) -> int:
        """my-vpa refused these items (client id -> (code, detail)): keep them, with the reason."""
        at_ms = to_ms(at or datetime.now(UTC))
        changed = 0
        with self._db.transaction() as conn:
            for client_id, (code, detail) in rejections.items():
                changed += conn.execute(
                    "UPDATE outbox SET rejected_ms = ?, rejected_code = ?, rejected_detail = ?"
                    " WHERE call_id = ? OR session_id = ?",
                    (at_ms, code, detail, client_id, client_id),
                ).rowcount
        return changed

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
