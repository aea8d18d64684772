"""Exactly-once, as a state machine: whatever order ends, recoveries and deliveries come in,
every ended call is either waiting in the outbox once or synced — never both, never neither."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from tests.unit.store.store_helpers import at, make_call
from vpaphone.core.model import EndReason
from vpaphone.store import OutboxKind, Store


class OutboxMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self._dir = tempfile.TemporaryDirectory()
        self.store = Store.open(Path(self._dir.name) / "db.sqlite3")
        self.clock = 0.0
        self.started: list[str] = []
        self.delivered_once: set[str] = set()

    def teardown(self) -> None:
        self.store.close()
        self._dir.cleanup()

    def _tick(self) -> float:
        self.clock += 1
        return self.clock

    @rule()
    def start_call(self) -> None:
        call = make_call(started=self._tick())
        self.store.calls.call_started(call)
        self.started.append(call.id)

    @precondition(lambda self: bool(self.started))
    @rule(data=st.data())
    def answer_or_beat(self, data: st.DataObject) -> None:
        call_id = data.draw(st.sampled_from(self.started))
        self.store.calls.call_answered(call_id, at(self._tick()))
        self.store.calls.call_progress(call_id, at(self._tick()))

    @precondition(lambda self: bool(self.started))
    @rule(data=st.data())
    def end(self, data: st.DataObject) -> None:  # may hit an ended call: must be a no-op
        call_id = data.draw(st.sampled_from(self.started))
        self.store.calls.call_ended(call_id, at(self._tick()), EndReason.COMPLETED, 200)

    @rule()
    def crash_and_recover(self) -> None:
        self.store.recover_interrupted(at(self._tick()) + timedelta(minutes=1))

    @rule(count=st.integers(1, 5), deliver_all=st.booleans())
    def upload(self, count: int, deliver_all: bool) -> None:
        items = self.store.outbox.pending(OutboxKind.CALL_RECORD, limit=count)
        ids = [i.client_id for i in items]
        assert not set(ids) & self.delivered_once, "handed out again after delivery"
        confirmed = ids if deliver_all else ids[: len(ids) // 2]  # a partial server answer
        self.store.outbox.mark_delivered(confirmed, at=at(self._tick()))
        self.delivered_once |= set(confirmed)

    @precondition(lambda self: bool(self.delivered_once))
    @rule(data=st.data())
    def deliver_again(self, data: st.DataObject) -> None:  # a repeated server confirmation
        call_id = data.draw(st.sampled_from(sorted(self.delivered_once)))
        assert self.store.outbox.mark_delivered([call_id]) == 0

    @invariant()
    def ended_calls_are_queued_xor_synced(self) -> None:
        calls = {c.record.id: c for c in self.store.calls.recent(limit=10_000)}
        queued = [i.client_id for i in self.store.outbox.pending(OutboxKind.CALL_RECORD, 10_000)]
        assert len(queued) == len(set(queued))
        for call_id, call in calls.items():
            is_queued = call_id in queued
            is_synced = call.synced_at is not None
            if call.record.ended_at is None:
                assert not is_queued
                assert not is_synced
            else:
                assert is_queued != is_synced
            assert is_synced == (call_id in self.delivered_once)


OutboxMachine.TestCase.settings = settings(max_examples=60, stateful_step_count=30, deadline=None)
test_outbox_exactly_once = OutboxMachine.TestCase
