"""Work sessions: the local working timer, its unreported seconds, and crash recovery."""

from __future__ import annotations

import pytest

from tests.unit.store.store_helpers import at
from vpaphone.store import OutboxKind, Store, WorkRunningError


def test_start_stop_and_unreported_seconds(store: Store) -> None:
    session = store.work.start("task-1", at(0))
    assert store.work.unreported_seconds("task-1", now=at(90)) == 90  # running: up to now
    stopped = store.work.stop(at(600))
    assert stopped is not None
    assert (stopped.id, stopped.stopped_at, stopped.interrupted) == (session.id, at(600), False)
    assert store.work.running() is None
    assert store.work.unreported_seconds("task-1", now=at(5000)) == 600
    assert store.work.unreported_seconds("task-2", now=at(5000)) == 0


def test_stopped_session_is_queued_once_and_reported_after_delivery(store: Store) -> None:
    session = store.work.start("task-1", at(0))
    store.work.stop(at(300))
    assert store.work.stop(at(400)) is None  # nothing runs: nothing changes
    items = store.outbox.pending(OutboxKind.WORK_SESSION)
    assert [i.client_id for i in items] == [session.id]
    assert items[0].payload == {
        "client_id": session.id,
        "task_id": "task-1",
        "started_at": "2026-11-26T09:00:00.000Z",
        "ended_at": "2026-11-26T09:05:00.000Z",
    }
    store.outbox.mark_delivered([session.id], at=at(1000))
    assert store.work.unreported_seconds("task-1", now=at(2000)) == 0
    # Task figures fetched before the delivery do not contain it yet.
    assert store.work.unreported_seconds("task-1", at(2000), server_snapshot_at=at(999)) == 300
    reported = store.work.for_task("task-1")[0]
    assert reported.reported_at == at(1000)


def test_one_timer_at_a_time(store: Store) -> None:
    first = store.work.start("task-1", at(0))
    assert store.work.start("task-1", at(10)).id == first.id  # already running: same session
    with pytest.raises(WorkRunningError, match="task-1 is still being timed"):
        store.work.start("task-2", at(20))
    store.work.stop(at(30))
    assert store.work.start("task-2", at(40)).task_id == "task-2"


def test_stop_before_start_is_refused(store: Store) -> None:
    store.work.start("task-1", at(100))
    with pytest.raises(ValueError, match="before it started"):
        store.work.stop(at(50))
    assert store.work.running() is not None


def test_recovery_stops_a_dead_timer_at_its_last_heartbeat(store: Store) -> None:
    session = store.work.start("task-1", at(0))
    store.work.heartbeat(at(240))
    assert store.recover_interrupted(at(250)).session_ids == ()  # may still be alive
    recovered = store.recover_interrupted(at(900))
    assert recovered.session_ids == (session.id,)
    stopped = store.work.for_task("task-1")[0]
    assert (stopped.stopped_at, stopped.interrupted) == (at(240), True)
    assert store.work.unreported_seconds("task-1", now=at(5000)) == 240
    assert [i.client_id for i in store.outbox.pending(OutboxKind.WORK_SESSION)] == [session.id]
    assert store.recover_interrupted(at(5000)).session_ids == ()
