"""Call records: the CallLog life cycle, idempotency, crash recovery and the share queries."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.store.store_helpers import at, make_call
from vpaphone.core.calls import CallLog, CallRecord
from vpaphone.core.model import CallDirection, CostZone, EndReason, TelephonyArea
from vpaphone.store import OutboxKind, Store


def _talk(store: Store, task_id: str, answered: float, ended: float, **kw: object) -> CallRecord:
    call = make_call(task_id=task_id, started=answered - 2, **kw)  # type: ignore[arg-type]
    store.calls.call_started(call)
    store.calls.call_answered(call.id, at(answered))
    store.calls.call_ended(call.id, at(ended), EndReason.COMPLETED, 200)
    return call


def test_the_store_is_a_call_log(store: Store) -> None:
    log: CallLog = store.calls
    assert log is store.calls


def test_every_field_round_trips(store: Store) -> None:
    call = CallRecord(
        id="3f1e4a52-7f1c-4c55-9d0e-2b7d1c9f0a11",
        task_id="task-7",
        direction=CallDirection.INCOMING,
        e164="+33142685300",
        zone=CostZone.EU,
        area=TelephonyArea.SALES_EU,
        started_at=at(0.125),
        answered_at=at(4.5),
        ended_at=at(95.25),
        end_reason=EndReason.COMPLETED,
        sip_status=200,
        counts_as_task_time=True,
    )
    store.calls.call_started(call)
    stored = store.calls.get(call.id)
    assert stored is not None
    assert stored.record == call
    assert stored.record.talk_seconds == 90.75
    assert stored.synced_at is None
    assert stored.last_seen_at == at(95.25)


def test_a_running_call_is_on_disk_from_its_start_and_heartbeats_move_it(store: Store) -> None:
    call = make_call()
    store.calls.call_started(call)
    assert [c.record.id for c in store.calls.running()] == [call.id]
    store.calls.call_answered(call.id, at(2))
    store.calls.call_progress(call.id, at(7))
    store.calls.call_progress(call.id, at(5))  # late, out-of-order beat: never moves back
    stored = store.calls.get(call.id)
    assert stored is not None
    assert stored.last_seen_at == at(7)
    assert stored.record.answered_at == at(2)
    assert stored.record.ended_at is None
    assert store.outbox.pending(OutboxKind.CALL_RECORD) == []  # running calls are not uploaded


def test_ending_twice_changes_nothing_and_queues_once(store: Store) -> None:
    call = make_call()
    store.calls.call_started(call)
    store.calls.call_answered(call.id, at(2))
    store.calls.call_ended(call.id, at(32), EndReason.COMPLETED, 200)
    store.calls.call_ended(call.id, at(90), EndReason.NETWORK_ERROR, 408)
    stored = store.calls.get(call.id)
    assert stored is not None
    assert (stored.record.ended_at, stored.record.end_reason) == (at(32), EndReason.COMPLETED)
    assert stored.record.sip_status == 200
    assert len(store.outbox.pending(OutboxKind.CALL_RECORD)) == 1
    assert store.calls.phone_seconds("task-1").unsynced == 30


def test_ending_an_unknown_call_changes_nothing(store: Store) -> None:
    store.calls.call_ended("no-such-call", at(5), EndReason.COMPLETED, 200)
    store.calls.call_answered("no-such-call", at(1))
    store.calls.call_progress("no-such-call", at(3))
    assert store.calls.recent() == []
    assert store.outbox.count() == 0


def test_starting_twice_keeps_the_first_record(store: Store) -> None:
    call = make_call()
    store.calls.call_started(call)
    store.calls.call_started(replace(call, e164="+4930123456"))
    assert [c.record.e164 for c in store.calls.recent()] == [call.e164]


def test_answer_after_end_or_second_answer_is_ignored(store: Store) -> None:
    call = make_call()
    store.calls.call_started(call)
    store.calls.call_answered(call.id, at(2))
    store.calls.call_answered(call.id, at(9))
    store.calls.call_ended(call.id, at(12), EndReason.COMPLETED, 200)
    other = make_call()
    store.calls.call_started(other)
    store.calls.call_ended(other.id, at(4), EndReason.BUSY, 486)
    store.calls.call_answered(other.id, at(5))
    assert store.calls.phone_seconds("task-1").unsynced == 10


def test_a_call_already_ended_at_its_start_is_queued(store: Store) -> None:
    blocked = replace(make_call(), ended_at=at(0), end_reason=EndReason.BLOCKED)
    store.calls.call_started(blocked)
    assert [i.client_id for i in store.outbox.pending(OutboxKind.CALL_RECORD)] == [blocked.id]


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (make_call(task_id=None), "outgoing call .* has no task"),
        (replace(make_call(), id=""), "non-empty id"),
        (replace(make_call(), ended_at=at(3)), "come together"),
        (replace(make_call(), end_reason=EndReason.FAILED), "come together"),
        (replace(make_call(), started_at=at(0).replace(tzinfo=None)), "no time zone"),
    ],
)
def test_bad_records_get_a_specific_error_and_store_nothing(
    store: Store, record: CallRecord, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        store.calls.call_started(record)
    assert store.calls.recent() == []


def test_recovery_ends_dead_calls_at_their_last_heartbeat(store: Store) -> None:
    answered = make_call(started=0)
    store.calls.call_started(answered)
    store.calls.call_answered(answered.id, at(3))
    store.calls.call_progress(answered.id, at(48))
    ringing = make_call(started=10)
    store.calls.call_started(ringing)
    finished = _talk(store, "task-1", answered=20, ended=30)

    recovered = store.recover_interrupted(at(48) + timedelta(minutes=5))

    assert set(recovered.call_ids) == {answered.id, ringing.id}
    first = store.calls.get(answered.id)
    assert first is not None
    assert first.record.end_reason is EndReason.INTERRUPTED
    assert first.record.ended_at == at(48)
    assert first.record.talk_seconds == 45  # up to the last heartbeat
    second = store.calls.get(ringing.id)
    assert second is not None
    assert (second.record.ended_at, second.record.talk_seconds) == (at(10), 0)
    assert store.calls.phone_seconds("task-1").unsynced == 45 + 10
    queued = {i.client_id for i in store.outbox.pending(OutboxKind.CALL_RECORD)}
    assert queued == {answered.id, ringing.id, finished.id}
    assert store.recover_interrupted(at(3600)).call_ids == ()  # nothing twice


def test_recovery_leaves_calls_that_still_heartbeat_alone(store: Store) -> None:
    live = make_call()
    store.calls.call_started(live)
    store.calls.call_progress(live.id, at(100))
    assert store.recover_interrupted(at(105)).call_ids == ()  # a second instance's call
    assert store.recover_interrupted(at(125)).call_ids == (live.id,)


def test_phone_seconds_count_only_talk_of_ended_task_calls(store: Store) -> None:
    _talk(store, "task-1", answered=10, ended=70)  # 60 s
    _talk(store, "task-1", answered=100, ended=130, zone=CostZone.EU)  # 30 s
    _talk(store, "task-2", answered=10, ended=1000)  # another task
    emergency = replace(make_call(task_id=None, e164="112", counts=False), started_at=at(200))
    store.calls.call_started(emergency)
    store.calls.call_answered(emergency.id, at(201))
    store.calls.call_ended(emergency.id, at(400), EndReason.COMPLETED, 200)
    unanswered = make_call()
    store.calls.call_started(unanswered)
    store.calls.call_ended(unanswered.id, at(40), EndReason.NO_ANSWER, 408)
    running = make_call()
    store.calls.call_started(running)
    store.calls.call_answered(running.id, at(500))

    seconds = store.calls.phone_seconds("task-1")
    assert (seconds.synced, seconds.unsynced, seconds.total) == (0, 90, 90)
    assert store.calls.phone_seconds("no-such-task").total == 0


def test_phone_seconds_split_by_what_my_vpa_knows(store: Store) -> None:
    early = _talk(store, "task-1", answered=0, ended=60)
    late = _talk(store, "task-1", answered=100, ended=130)
    _talk(store, "task-1", answered=200, ended=205)  # never delivered
    store.outbox.mark_delivered([early.id], at=at(1000))
    store.outbox.mark_delivered([late.id], at=at(3000))

    plain = store.calls.phone_seconds("task-1")
    assert (plain.synced, plain.unsynced) == (90, 5)
    # Task figures fetched at 2000 contain the early call only: the late one is still ours.
    snap = store.calls.phone_seconds("task-1", server_snapshot_at=at(2000))
    assert (snap.synced, snap.unsynced) == (60, 35)


def test_zones_called_count_answered_calls_only(store: Store) -> None:
    """An unanswered or blocked attempt costs nothing: it must not move the task's area to EU
    (issue 14: a busy EU attempt made the app recommend the dearer EU area)."""
    _talk(store, "task-1", answered=5, ended=9, zone=CostZone.DE)
    failed = make_call(zone=CostZone.EU)
    store.calls.call_started(failed)
    store.calls.call_ended(failed.id, at(3), EndReason.BUSY, 486)
    blocked = replace(make_call(zone=CostZone.NON_EU), ended_at=at(1))
    store.calls.call_started(replace(blocked, end_reason=EndReason.BLOCKED))
    _talk(store, "task-2", answered=5, ended=9, zone=CostZone.NON_EU)
    assert store.calls.zones_called("task-1") == {CostZone.DE}
    _talk(store, "task-1", answered=15, ended=19, zone=CostZone.EU)
    assert store.calls.zones_called("task-1") == {CostZone.DE, CostZone.EU}
    assert store.calls.zones_called("task-3") == frozenset()


def test_history_is_newest_first_and_paged(store: Store) -> None:
    calls = [make_call(task_id=f"task-{i % 3}", started=i * 60) for i in range(7)]
    for call in calls:
        store.calls.call_started(call)
    newest_first = [c.id for c in reversed(calls)]
    pages = [store.calls.recent(limit=3, offset=o) for o in (0, 3, 6)]
    assert [[c.record.id for c in page] for page in pages] == [
        newest_first[0:3],
        newest_first[3:6],
        newest_first[6:],
    ]
    assert [c.record.id for c in store.calls.for_task("task-1")] == [
        c.id for c in reversed(calls) if c.task_id == "task-1"
    ]
    with pytest.raises(ValueError, match="limit"):
        store.calls.recent(limit=0)


@settings(max_examples=40, deadline=None)
@given(
    spans=st.lists(
        st.tuples(
            st.integers(0, 10_000),  # answered, ms after start
            st.integers(0, 3_600_000),  # talk, ms
            st.booleans(),  # answered at all
            st.booleans(),  # counts as task time
        ),
        max_size=12,
    )
)
def test_phone_seconds_equal_the_records_talk_time(
    tmp_path_factory: pytest.TempPathFactory, spans: list[tuple[int, int, bool, bool]]
) -> None:
    with Store.open(tmp_path_factory.mktemp("prop") / "db.sqlite3") as store:
        expected = 0.0
        for answer_ms, talk_ms, answered, counts in spans:
            record = make_call(counts=counts, task_id="task-1")
            store.calls.call_started(record)
            answered_at = record.started_at + timedelta(milliseconds=answer_ms)
            if answered:
                store.calls.call_answered(record.id, answered_at)
            ended_at = answered_at + timedelta(milliseconds=talk_ms)
            store.calls.call_ended(record.id, ended_at, EndReason.COMPLETED, 200)
            stored = store.calls.get(record.id)
            assert stored is not None
            if counts:
                expected += stored.record.talk_seconds
        assert store.calls.phone_seconds("task-1").total == pytest.approx(expected)


def test_an_incoming_call_rings_in_without_a_task_and_is_assigned_one(store: Store) -> None:
    incoming = replace(make_call(task_id=None), direction=CallDirection.INCOMING)
    store.calls.call_started(incoming)
    store.calls.call_answered(incoming.id, at(1))
    store.calls.assign_task(incoming.id, "task-4")
    store.calls.call_ended(incoming.id, at(121), EndReason.COMPLETED, 200)
    assert store.calls.phone_seconds("task-4").unsynced == 120
    payload = store.outbox.pending(OutboxKind.CALL_RECORD)[0].payload
    assert (payload["task_id"], payload["direction"]) == ("task-4", "incoming")
    with pytest.raises(ValueError, match="already has a task"):
        store.calls.assign_task(incoming.id, "task-5")


def test_a_call_sent_without_a_task_can_no_longer_be_assigned(store: Store) -> None:
    incoming = replace(make_call(task_id=None), direction=CallDirection.INCOMING)
    store.calls.call_started(incoming)
    store.calls.call_ended(incoming.id, at(3), EndReason.MISSED, 487)
    assert store.calls.phone_seconds("task-4").total == 0  # counted for no task meanwhile
    store.outbox.mark_delivered([incoming.id])
    with pytest.raises(ValueError, match="already sent to my-vpa"):
        store.calls.assign_task(incoming.id, "task-4")
    with pytest.raises(ValueError, match="not recorded"):
        store.calls.assign_task("no-such-call", "task-4")
    emergency = make_call(task_id=None, e164="112", counts=False)
    store.calls.call_started(emergency)
    with pytest.raises(ValueError, match="belongs to none"):
        store.calls.assign_task(emergency.id, "task-4")


def test_a_call_moved_to_another_task_counts_there_and_tells_my_vpa_once(store: Store) -> None:
    call = make_call(task_id="task-4")
    store.calls.call_started(call)
    store.calls.call_answered(call.id, at(1))
    store.calls.call_ended(call.id, at(61), EndReason.COMPLETED, 200)
    store.calls.retag(call.id, "task-5")  # before the upload: the record carries the new task
    assert store.outbox.pending(OutboxKind.CALL_RECORD)[0].payload["task_id"] == "task-5"
    assert store.calls.pending_retags() == []  # nothing to tell before my-vpa has the record
    store.outbox.mark_delivered([call.id])
    # an upload under way when the VPA moved the call may have carried the old task
    assert store.calls.pending_retags() == [(call.id, "task-5")]
    store.calls.retag_delivered(call.id, "task-5")
    store.calls.retag(call.id, "task-6")  # moved again after my-vpa had it
    assert (
        store.calls.phone_seconds("task-6").total,
        store.calls.phone_seconds("task-4").total,
    ) == (60, 0)
    store.calls.retag_delivered(call.id, "task-5")  # a late answer for the earlier move
    assert store.calls.pending_retags() == [(call.id, "task-6")]
    store.calls.retag_delivered(call.id, "task-6")
    assert store.calls.pending_retags() == []


def test_emergency_and_unknown_calls_cannot_be_moved(store: Store) -> None:
    emergency = make_call(task_id=None, e164="112", counts=False)
    store.calls.call_started(emergency)
    with pytest.raises(ValueError, match="emergency"):
        store.calls.retag(emergency.id, "task-4")
    with pytest.raises(ValueError, match="not recorded"):
        store.calls.retag("no-such-call", "task-4")
