"""Transferred calls (issue 14): the record keeps the target and when the transfer began (the
talk time's split), in the database, in the unsaved-records file and in the upload; records of
calls not transferred upload exactly as before (a contract 1.3 server takes them)."""

from __future__ import annotations

from pathlib import Path

import jsonschema

from tests.unit.store.store_helpers import at, make_call
from tests.unit.store.test_store_outbox import _contract_schema
from vpaphone.core.model import EndReason
from vpaphone.store import Store
from vpaphone.store.journal import EntryKind, Journal, LogEntry
from vpaphone.store.outbox import OutboxKind

TARGET = "+4922155501234"


def test_a_transferred_call_keeps_target_and_split_and_uploads_them(store: Store) -> None:
    transferred, plain = make_call(), make_call(started=1)
    for call in (transferred, plain):
        store.calls.call_started(call)
        store.calls.call_answered(call.id, at(2))
    store.calls.call_transferred(transferred.id, TARGET, at(32))
    for call in (transferred, plain):
        store.calls.call_ended(call.id, at(34), EndReason.COMPLETED, 200)
    stored = store.calls.get(transferred.id)
    assert stored is not None
    assert stored.record.transferred_to == TARGET
    assert stored.record.transferred_at == at(32)
    assert stored.record.talk_seconds_before_transfer == 30
    assert stored.record.talk_seconds == 32
    other = store.calls.get(plain.id)
    assert other is not None
    assert other.record.transferred_to is None
    assert other.record.talk_seconds_before_transfer is None

    payloads = {i.client_id: i.payload for i in store.outbox.pending(OutboxKind.CALL_RECORD)}
    assert payloads[transferred.id]["transferred_to"] == TARGET
    assert payloads[transferred.id]["transferred_at"] == "2026-11-26T09:00:32.000Z"
    assert "transferred_to" not in payloads[plain.id]  # as contract 1.3 knew it
    validator = jsonschema.Draft202012Validator(_contract_schema("CallRecordUpload"))
    for payload in payloads.values():
        validator.validate(payload)


def test_a_transfer_after_the_upload_changes_nothing(store: Store) -> None:
    call = make_call()
    store.calls.call_started(call)
    store.calls.call_ended(call.id, at(5), EndReason.COMPLETED, 200)
    store.outbox.mark_delivered([call.id], at(6))
    store.calls.call_transferred(call.id, TARGET, at(7))
    stored = store.calls.get(call.id)
    assert stored is not None
    assert stored.record.transferred_to is None


def test_the_unsaved_records_file_keeps_the_transfer(tmp_path: Path) -> None:
    call = make_call()
    entries = [
        LogEntry.started(call, "dana"),
        LogEntry(EntryKind.ANSWERED, call.id, at(2)),
        LogEntry(EntryKind.TRANSFERRED, call.id, at(9), target=TARGET),
        LogEntry(EntryKind.ENDED, call.id, at(10), reason=EndReason.COMPLETED, sip_status=200),
    ]
    assert [LogEntry.from_json(e.to_json()) for e in entries] == entries
    journal = Journal(tmp_path / "db.sqlite3", [tmp_path / "first"])
    journal.save(entries)
    with Store.open(tmp_path / "db.sqlite3") as store:
        assert store.import_journal(journal) == 1
        stored = store.calls.get(call.id)
        assert stored is not None
        assert stored.record.transferred_to == TARGET
        assert stored.record.talk_seconds_before_transfer == 7
