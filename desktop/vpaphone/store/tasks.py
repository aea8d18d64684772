"""The last task list fetched from my-vpa, for offline use (the caller judges its age)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from vpaphone.core.model import Task, TelephonyArea
from vpaphone.store.db import Database, from_ms, to_ms


@dataclass(frozen=True, slots=True)
class CachedTasks:
    tasks: tuple[Task, ...]  # in the order my-vpa sent them
    fetched_at: datetime  # snapshot time of their working/phone seconds (see `save`)


class TaskCache:
    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, tasks: Sequence[Task], fetched_at: datetime) -> None:
        """Replace the cached list in one transaction: readers see the old or the new list.

        `fetched_at` is when the request was SENT. Passed back as `server_snapshot_at` to
        `phone_seconds` / `unreported_seconds`, it then never loses a record delivered while
        the request ran; draining the outbox before fetching also rules out counting one twice.
        """
        fetched_ms = to_ms(fetched_at)
        ids = [task.id for task in tasks]
        if len(set(ids)) != len(ids):
            raise ValueError("the task list names a task id twice")
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM cached_tasks")
            conn.executemany(
                "INSERT INTO cached_tasks (position, id, title, customer, area, individual_quote,"
                " working_seconds, phone_seconds, budget_minutes, budget_raisable)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        position,
                        task.id,
                        task.title,
                        task.customer,
                        task.area.value,
                        int(task.individual_quote),
                        task.working_seconds,
                        task.phone_seconds,
                        task.budget_minutes,
                        int(task.budget_raisable),
                    )
                    for position, task in enumerate(tasks)
                ],
            )
            conn.execute(
                "INSERT INTO tasks_fetch (singleton, fetched_ms) VALUES (1, ?)"
                " ON CONFLICT (singleton) DO UPDATE SET fetched_ms = excluded.fetched_ms",
                (fetched_ms,),
            )

    def load(self) -> CachedTasks | None:
        """The cached list, or None if nothing was ever fetched (or it was cleared)."""
        fetched = self._db.query("SELECT fetched_ms FROM tasks_fetch")
        if not fetched:
            return None
        rows = self._db.query("SELECT * FROM cached_tasks ORDER BY position")
        tasks = tuple(
            Task(
                id=row["id"],
                title=row["title"],
                customer=row["customer"],
                area=TelephonyArea(row["area"]),
                individual_quote=bool(row["individual_quote"]),
                working_seconds=row["working_seconds"],
                phone_seconds=row["phone_seconds"],
                budget_minutes=row["budget_minutes"],
                budget_raisable=bool(row["budget_raisable"]),
            )
            for row in rows
        )
        return CachedTasks(tasks=tasks, fetched_at=from_ms(fetched[0][0]))
