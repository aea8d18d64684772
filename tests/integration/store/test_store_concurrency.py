"""Two app instances on one database file: nothing lost, nothing duplicated, nothing corrupt."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from vpaphone.store import OutboxKind, Store
from vpaphone.store.migrations import LATEST_VERSION

ROOT = Path(__file__).resolve().parents[3]
CALLS_EACH = 60


@pytest.fixture
def children() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for child in started:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)


@pytest.mark.slow
def test_two_processes_writing_at_once(
    tmp_path: Path, children: list[subprocess.Popen[bytes]]
) -> None:
    db = tmp_path / "vpaphone.sqlite3"  # fresh: both processes race to migrate it
    go = tmp_path / "go"
    for _ in range(2):
        children.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tests.integration.store.store_child",
                    "writer",
                    str(db),
                    str(CALLS_EACH),
                    str(go),
                ],
                cwd=ROOT,
            )
        )
    go.touch()
    # Meanwhile this process reads and delivers, as the uploader of a third instance would.
    delivered: set[str] = set()
    while any(child.poll() is None for child in children):
        if not db.exists():  # the writers create it
            time.sleep(0.01)
            continue
        with Store.open(db) as store:
            items = store.outbox.pending(OutboxKind.CALL_RECORD, limit=10)
            store.outbox.mark_delivered([i.client_id for i in items])
            delivered |= {i.client_id for i in items}
    assert [child.wait(timeout=120) for child in children] == [0, 0]

    with Store.open(db) as store:
        assert store.db.query("PRAGMA integrity_check")[0][0] == "ok"
        assert store.db.query("SELECT count(*) FROM schema_version")[0][0] == LATEST_VERSION
        calls = store.calls.recent(limit=1000)
        assert len(calls) == 2 * CALLS_EACH
        assert all(c.record.end_reason is not None for c in calls)
        queued = {i.client_id for i in store.outbox.pending(OutboxKind.CALL_RECORD, 1000)}
        assert not queued & delivered  # nothing handed out again after delivery
        assert queued | delivered == {c.record.id for c in calls}
        assert {c.record.id for c in calls if c.synced_at is not None} == delivered


def test_second_connection_sees_committed_calls_at_once(tmp_path: Path) -> None:
    db = tmp_path / "vpaphone.sqlite3"
    with Store.open(db) as first, Store.open(db) as second:
        first.work.start("task-1", datetime.now(UTC))
        running = second.work.running()
        assert running is not None
        assert running.task_id == "task-1"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
