"""The outbox: queued in the ending transaction, handed out until delivered, never after."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from tests.unit.store.store_helpers import at, make_call
from vpaphone import paths
from vpaphone.core.model import EndReason
from vpaphone.store import OutboxKind, Store
from vpaphone.store import calls as calls_module


def _ended_call(store: Store, started: float, talk: float = 30) -> str:
    call = make_call(started=started)
    store.calls.call_started(call)
    store.calls.call_answered(call.id, at(started + 1))
    store.calls.call_ended(call.id, at(started + 1 + talk), EndReason.COMPLETED, 200)
    return call.id


def test_pending_is_oldest_first_per_kind_and_limited(store: Store) -> None:
    ids = [_ended_call(store, started=i * 100) for i in range(5)]
    store.work.start("task-1", at(0))
    store.work.stop(at(60))
    pending = store.outbox.pending(OutboxKind.CALL_RECORD, limit=3)
    assert [i.client_id for i in pending] == ids[:3]
    assert all(i.kind is OutboxKind.CALL_RECORD for i in pending)
    assert len(store.outbox.pending(OutboxKind.WORK_SESSION, limit=10)) == 1
    assert store.outbox.count() == 6
    with pytest.raises(ValueError, match="limit"):
        store.outbox.pending(OutboxKind.CALL_RECORD, limit=0)


def test_delivered_items_are_never_handed_out_again(store: Store) -> None:
    ids = [_ended_call(store, started=i * 100) for i in range(4)]
    assert store.outbox.mark_delivered(ids[:2], at=at(1000)) == 2
    assert [i.client_id for i in store.outbox.pending(OutboxKind.CALL_RECORD)] == ids[2:]
    assert store.outbox.mark_delivered(ids[:2], at=at(2000)) == 0  # delivered twice
    first = store.calls.get(ids[0])
    assert first is not None
    assert first.synced_at == at(1000)  # the second delivery did not move it
    assert store.calls.phone_seconds("task-1").synced == 60


def test_an_unknown_or_running_id_is_not_marked_synced(store: Store) -> None:
    running = make_call()
    store.calls.call_started(running)
    assert store.outbox.mark_delivered([running.id, "never-queued"]) == 0
    stored = store.calls.get(running.id)
    assert stored is not None
    assert stored.synced_at is None


def test_ended_and_queued_happen_together_or_not_at_all(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    call = make_call()
    store.calls.call_started(call)

    def disk_full(*_: object) -> None:
        raise OSError("disk full while queueing")

    monkeypatch.setattr(calls_module, "enqueue_call", disk_full)
    with pytest.raises(OSError, match="disk full"):
        store.calls.call_ended(call.id, at(9), EndReason.COMPLETED, 200)
    stored = store.calls.get(call.id)
    assert stored is not None
    assert stored.record.ended_at is None  # rolled back with the failed enqueue
    monkeypatch.undo()
    store.calls.call_ended(call.id, at(9), EndReason.COMPLETED, 200)
    assert [i.client_id for i in store.outbox.pending(OutboxKind.CALL_RECORD)] == [call.id]


def _contract_schema(name: str) -> dict[str, Any]:
    spec = json.loads(paths.resource("api", "myvpa-openapi.json").read_text("utf-8"))
    # Resolve the document's internal $refs by embedding the components next to the schema.
    return {**spec["components"]["schemas"][name], "components": spec["components"]}


@pytest.mark.parametrize(
    ("kind", "schema"),
    [(OutboxKind.CALL_RECORD, "CallRecordUpload"), (OutboxKind.WORK_SESSION, "WorkSessionUpload")],
)
def test_payloads_match_the_my_vpa_upload_contract(
    store: Store, kind: OutboxKind, schema: str
) -> None:
    _ended_call(store, started=0)
    emergency = make_call(task_id=None, e164="112", counts=False)
    store.calls.call_started(emergency)
    store.calls.call_ended(emergency.id, at(5), EndReason.CANCELLED, None)
    store.work.start("task-1", at(0))
    store.work.stop(at(61.5))
    items = store.outbox.pending(kind)
    assert items
    validator = jsonschema.Draft202012Validator(_contract_schema(schema))
    for item in items:
        validator.validate(item.payload)
