"""Call records on SQLite: the engine's `CallLog`, crash recovery, and the queries the UI needs.

Idempotency (the engine may report twice, or about a call this store never saw):
- `call_started` with a known id changes nothing;
- `call_answered` keeps the first answer time; `call_progress` only moves forward;
- `call_ended` ends a running call once; ending it again, or ending an unknown id, changes
  nothing and queues nothing (logged as a warning with the call id, never the number).

Every call belongs to a task, except emergency calls (`counts_as_task_time=False`) and incoming
calls, which ring in before anyone knows the task: `assign_task` attributes them afterwards.
Every call belongs to the VPA signed in when it started (`owner`): the history shows only theirs,
and their unconfirmed records go up only with their own session.
Times are kept at millisecond precision.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from vpaphone.core.calls import CallRecord
from vpaphone.core.model import CallDirection, CostZone, EndReason, TelephonyArea
from vpaphone.core.numbers import region_of
from vpaphone.store.db import Database, from_ms, optional_dt, optional_ms, to_ms
from vpaphone.store.outbox import enqueue_call

log = logging.getLogger(__name__)

# The engine beats every ~5 s; a call silent for longer belongs to no living process.
DEFAULT_STALE_AFTER: Final = timedelta(seconds=20)


@dataclass(frozen=True, slots=True)
class StoredCall:
    """A call record as stored, with what only the store knows."""

    record: CallRecord
    last_seen_at: datetime  # last sign of life: start, answer, heartbeat or end
    synced_at: datetime | None  # when my-vpa confirmed it; None = not yet known there


@dataclass(frozen=True, slots=True)
class PhoneSeconds:
    """Talk time of a task's counted calls (emergency calls excluded), split by server knowledge.

    `synced` is included in my-vpa's `Task.phone_seconds`; add only `unsynced` to that figure.
    """

    synced: float
    unsynced: float

    @property
    def total(self) -> float:
        return self.synced + self.unsynced


def _record(row: sqlite3.Row) -> StoredCall:
    return StoredCall(
        record=CallRecord(
            id=row["id"],
            task_id=row["task_id"],
            direction=CallDirection(row["direction"]),
            e164=row["e164"],
            zone=CostZone(row["zone"]),
            area=TelephonyArea(row["area"]),
            started_at=from_ms(row["started_ms"]),
            answered_at=optional_dt(row["answered_ms"]),
            ended_at=optional_dt(row["ended_ms"]),
            end_reason=None if row["end_reason"] is None else EndReason(row["end_reason"]),
            sip_status=row["sip_status"],
            counts_as_task_time=bool(row["counts_as_task_time"]),
            transferred_to=row["transferred_to"],
            transferred_at=optional_dt(row["transferred_ms"]),
        ),
        last_seen_at=from_ms(row["last_seen_ms"]),
        synced_at=optional_dt(row["synced_ms"]),
    )


def _check_new(record: CallRecord) -> None:
    if not record.id:
        raise ValueError("a call record needs a non-empty id")
    if (
        record.task_id is None
        and record.counts_as_task_time
        and record.direction is CallDirection.OUTGOING
    ):
        raise ValueError(
            f"outgoing call {record.id} has no task; only emergency calls"
            " (counts_as_task_time=False) may"
        )
    if (record.ended_at is None) != (record.end_reason is None):
        raise ValueError(f"call {record.id}: ended_at and end_reason come together or not at all")


class CallStore:
    """Implements `vpaphone.core.calls.CallLog`; one instance per `Store`."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.owner: str | None = None  # the signed-in VPA (set by Store.set_owner)

    # --- CallLog -------------------------------------------------------------------------

    def call_started(self, record: CallRecord) -> None:
        """Insert at once. A record that arrives already ended (e.g. blocked) is queued too."""
        self.insert(record, self.owner)

    def insert(self, record: CallRecord, owner: str | None) -> None:
        """`call_started` for a given owner (records replayed from the unsaved-records file)."""
        _check_new(record)
        ended_ms = optional_ms(record.ended_at)
        started_ms = to_ms(record.started_at)
        with self._db.transaction() as conn:
            inserted = conn.execute(
                "INSERT INTO calls (id, task_id, direction, e164, zone, area, started_ms,"
                " answered_ms, ended_ms, end_reason, sip_status, counts_as_task_time,"
                " last_seen_ms, owner, transferred_to, transferred_ms)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO NOTHING",
                (
                    record.id,
                    record.task_id,
                    record.direction.value,
                    record.e164,
                    record.zone.value,
                    record.area.value,
                    started_ms,
                    optional_ms(record.answered_at),
                    ended_ms,
                    None if record.end_reason is None else record.end_reason.value,
                    record.sip_status,
                    int(record.counts_as_task_time),
                    started_ms if ended_ms is None else ended_ms,
                    owner,
                    record.transferred_to,
                    optional_ms(record.transferred_at),
                ),
            ).rowcount
            if not inserted:
                log.warning("call %s was already recorded; start ignored", record.id)
            elif ended_ms is not None:
                enqueue_call(conn, record.id, ended_ms)

    def call_answered(self, call_id: str, at: datetime) -> None:
        at_ms = to_ms(at)
        with self._db.transaction() as conn:
            changed = conn.execute(
                "UPDATE calls SET answered_ms = ?, last_seen_ms = max(last_seen_ms, ?)"
                " WHERE id = ? AND answered_ms IS NULL AND ended_ms IS NULL",
                (at_ms, at_ms, call_id),
            ).rowcount
        if not changed:
            log.warning("call %s is unknown, ended or already answered; answer ignored", call_id)

    def call_progress(self, call_id: str, at: datetime) -> None:
        """Heartbeat: after a crash the call is taken as ended at the last one."""
        at_ms = to_ms(at)
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE calls SET last_seen_ms = ? WHERE id = ? AND ended_ms IS NULL"
                " AND last_seen_ms < ?",
                (at_ms, call_id, at_ms),
            )

    def call_ended(
        self, call_id: str, at: datetime, reason: EndReason, sip_status: int | None
    ) -> None:
        """End once and queue for upload in the same transaction (see the module docstring)."""
        at_ms = to_ms(at)
        with self._db.transaction() as conn:
            changed = conn.execute(
                "UPDATE calls SET ended_ms = ?, end_reason = ?, sip_status = ?,"
                " last_seen_ms = max(last_seen_ms, ?) WHERE id = ? AND ended_ms IS NULL",
                (at_ms, reason.value, sip_status, at_ms, call_id),
            ).rowcount
            if changed:
                enqueue_call(conn, call_id, at_ms)
        if not changed:
            log.warning("call %s is unknown or already ended; end ignored", call_id)

    def call_transferred(self, call_id: str, target: str, at: datetime) -> None:
        """The call was handed over to `target` at `at`; kept until my-vpa has the record (it
        is uploaded once ended, and a transfer is known before the VPA's leg ends)."""
        with self._db.transaction() as conn:
            changed = conn.execute(
                "UPDATE calls SET transferred_to = ?, transferred_ms = ?"
                " WHERE id = ? AND synced_ms IS NULL",
                (target, to_ms(at), call_id),
            ).rowcount
        if not changed:
            log.warning("call %s is unknown or already uploaded; transfer ignored", call_id)

    def assign_task(self, call_id: str, task_id: str) -> None:
        """Attribute an incoming call that rang in without a task (rule: every call has one).

        Possible until my-vpa has the record; the upload carries the task from then on.
        """
        if not task_id:
            raise ValueError("assign a non-empty task id")
        with self._db.transaction() as conn:
            row = conn.execute(
                "SELECT task_id, counts_as_task_time, synced_ms FROM calls WHERE id = ?",
                (call_id,),
            ).fetchone()
            if row is None:
                raise ValueError(f"call {call_id} is not recorded")
            if row["task_id"] is not None or not row["counts_as_task_time"]:
                raise ValueError(f"call {call_id} already has a task or belongs to none")
            if row["synced_ms"] is not None:
                raise ValueError(f"call {call_id} was already sent to my-vpa without a task")
            conn.execute("UPDATE calls SET task_id = ? WHERE id = ?", (task_id, call_id))

    def retag(self, call_id: str, task_id: str) -> None:
        """The VPA moves a call to another task afterwards (it was for another customer).

        A record not yet uploaded simply carries the new task; once my-vpa has it, my-vpa is
        told (`pending_retags`) until it confirms (`retag_delivered`). The flag is set even
        before the upload: an upload already under way may carry the old task. Emergency
        calls belong to no task and stay so.
        """
        if not task_id:
            raise ValueError("re-tag to a non-empty task id")
        with self._db.transaction() as conn:
            row = conn.execute(
                "SELECT counts_as_task_time FROM calls WHERE id = ?", (call_id,)
            ).fetchone()
            if row is None:
                raise ValueError(f"call {call_id} is not recorded")
            if not row["counts_as_task_time"]:
                raise ValueError(f"call {call_id} belongs to no task (an emergency call)")
            conn.execute(
                "UPDATE calls SET task_id = ?, retag_pending = 1 WHERE id = ?", (task_id, call_id)
            )

    def pending_retags(self) -> list[tuple[str, str]]:
        """(call id, task id) of uploaded calls moved to another task since."""
        rows = self._db.query(
            "SELECT id, task_id FROM calls WHERE retag_pending = 1 AND synced_ms IS NOT NULL"
        )
        return [(str(row["id"]), str(row["task_id"])) for row in rows]

    def retag_delivered(self, call_id: str, task_id: str) -> None:
        """my-vpa has the change (unless the VPA moved the call again meanwhile)."""
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE calls SET retag_pending = 0 WHERE id = ? AND task_id = ?",
                (call_id, task_id),
            )

    # --- crash recovery ------------------------------------------------------------------

    def recover_interrupted(
        self, now: datetime, stale_after: timedelta = DEFAULT_STALE_AFTER
    ) -> list[str]:
        """End calls whose process died: INTERRUPTED at their last heartbeat, and queue them.

        Only calls silent for `stale_after` are taken, so a call running in a second app
        instance (heartbeating) is left alone. Talk time counts up to the last heartbeat.
        Returns the ids recovered now; a second run finds nothing.
        """
        limit_ms = to_ms(now - stale_after)
        now_ms = to_ms(now)
        with self._db.transaction() as conn:
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT id FROM calls WHERE ended_ms IS NULL AND last_seen_ms <= ?"
                    " ORDER BY started_ms",
                    (limit_ms,),
                )
            ]
            for call_id in ids:
                conn.execute(
                    "UPDATE calls SET ended_ms = last_seen_ms, end_reason = ? WHERE id = ?",
                    (EndReason.INTERRUPTED.value, call_id),
                )
                enqueue_call(conn, call_id, now_ms)
        for call_id in ids:
            log.warning(
                "call %s was interrupted by a crash; recorded up to its last heartbeat", call_id
            )
        return ids

    # --- queries -------------------------------------------------------------------------

    def get(self, call_id: str) -> StoredCall | None:
        rows = self._db.query("SELECT * FROM calls WHERE id = ?", (call_id,))
        return _record(rows[0]) if rows else None

    def for_task(self, task_id: str) -> list[StoredCall]:
        """All calls of a task, newest first."""
        rows = self._db.query(
            "SELECT * FROM calls WHERE task_id = ? ORDER BY started_ms DESC, id", (task_id,)
        )
        return [_record(row) for row in rows]

    def recent(self, limit: int = 50, offset: int = 0) -> list[StoredCall]:
        """The call history of the signed-in VPA (everyone's if none is), newest first."""
        if limit < 1 or offset < 0:
            raise ValueError(f"page needs limit >= 1 and offset >= 0, not {limit}/{offset}")
        rows = self._db.query(
            "SELECT * FROM calls WHERE ? IS NULL OR coalesce(owner, ?) = ?"
            " ORDER BY started_ms DESC, id LIMIT ? OFFSET ?",
            (self.owner, self.owner, self.owner, limit, offset),
        )
        return [_record(row) for row in rows]

    def purge_confirmed(self, before: datetime) -> int:
        """Retention: delete calls started before `before` that my-vpa has confirmed.

        Records my-vpa has not confirmed (still queued, or refused) are never deleted. Deleted
        rows are overwritten (secure_delete), so their numbers are gone from the file.
        """
        with self._db.transaction() as conn:
            deleted = conn.execute(
                "DELETE FROM calls WHERE started_ms < ? AND synced_ms IS NOT NULL"
                " AND id NOT IN (SELECT call_id FROM outbox WHERE call_id IS NOT NULL)",
                (to_ms(before),),
            ).rowcount
        if deleted:
            log.info("deleted %d confirmed calls older than the retention period", deleted)
        return deleted

    def running(self) -> list[StoredCall]:
        rows = self._db.query("SELECT * FROM calls WHERE ended_ms IS NULL ORDER BY started_ms")
        return [_record(row) for row in rows]

    def phone_seconds(
        self, task_id: str, server_snapshot_at: datetime | None = None
    ) -> PhoneSeconds:
        """Talk time of the task's ended, counted calls; running calls are the caller's to add.

        Without `server_snapshot_at`, `synced` = confirmed by my-vpa. Pass the fetch time of
        the task figures in use (the tasks cache's `fetched_at`) and records confirmed after
        it count as unsynced: that snapshot cannot contain them yet.
        """
        snapshot_ms = None if server_snapshot_at is None else to_ms(server_snapshot_at)
        row = self._db.query(
            "SELECT"
            " coalesce(sum(CASE WHEN synced_ms IS NOT NULL AND synced_ms <= coalesce(?, synced_ms)"
            "   THEN talk_ms END), 0),"
            " coalesce(sum(CASE WHEN synced_ms IS NULL OR synced_ms > coalesce(?, synced_ms)"
            "   THEN talk_ms END), 0)"
            " FROM calls WHERE task_id = ? AND counts_as_task_time = 1 AND ended_ms IS NOT NULL",
            (snapshot_ms, snapshot_ms, task_id),
        )[0]
        return PhoneSeconds(synced=row[0] / 1000, unsynced=row[1] / 1000)

    def last_task_for(self, e164: str) -> str | None:
        """The task of the newest call with this number that has one."""
        rows = self._db.query(
            "SELECT task_id FROM calls WHERE e164 = ? AND task_id IS NOT NULL"
            " ORDER BY started_ms DESC LIMIT 1",
            (e164,),
        )
        return str(rows[0][0]) if rows else None

    def regions_called(self, task_id: str, zone: CostZone) -> frozenset[str]:
        """Countries (ISO codes) of the task's calls and blocked attempts into `zone`."""
        rows = self._db.query(
            "SELECT DISTINCT e164 FROM calls WHERE task_id = ? AND zone = ?", (task_id, zone.value)
        )
        regions = (region_of(row[0]) for row in rows)
        return frozenset(region for region in regions if region is not None)

    def zones_called(self, task_id: str) -> frozenset[CostZone]:
        """Zones this task's answered calls went to: what the telephony area must cover. Blocked
        and unanswered attempts cost nothing and do not count (RULES.md speaks of destinations
        called)."""
        rows = self._db.query(
            "SELECT DISTINCT zone FROM calls WHERE task_id = ? AND counts_as_task_time = 1"
            " AND answered_ms IS NOT NULL",
            (task_id,),
        )
        return frozenset(CostZone(row[0]) for row in rows)
