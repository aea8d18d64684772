"""Sign-out: clear_personal_data leaves no task, number or history anywhere in the files —
except the records my-vpa has not confirmed, which stay until they are uploaded."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.unit.store.store_helpers import at, make_call
from vpaphone.core.model import EndReason, Task
from vpaphone.store import OutboxKind, Store

NUMBER = "+4922199887766"
CUSTOMER = "Geheimkunde Schmitz KG"


def _files_bytes(db_path: Path) -> bytes:
    parts = [db_path, db_path.with_name(db_path.name + "-wal")]
    return b"".join(p.read_bytes() for p in parts if p.exists())


def test_nothing_personal_survives_sign_out(store: Store, db_path: Path) -> None:
    store.tasks.save([Task("t-9", "Termin vereinbaren", CUSTOMER)], fetched_at=at(0))
    for i in range(50):
        call = make_call(task_id="t-9", e164=NUMBER, started=i * 10)
        store.calls.call_started(call)
        store.calls.call_ended(call.id, at(i * 10 + 5), EndReason.COMPLETED, 200)
    store.work.start("t-9", at(0))
    store.work.stop(at(600))
    assert NUMBER.encode() in _files_bytes(db_path)  # the check below can fail
    confirmed = [item.client_id for kind in OutboxKind for item in store.outbox.pending(kind, 1000)]
    store.outbox.mark_delivered(confirmed)  # my-vpa has everything

    assert store.clear_personal_data() == 0

    data = _files_bytes(db_path)
    assert NUMBER.encode() not in data
    assert CUSTOMER.encode() not in data
    assert b"t-9" not in data
    assert store.tasks.load() is None
    assert store.calls.recent() == []
    assert store.work.running() is None
    assert store.outbox.pending(OutboxKind.CALL_RECORD) == []
    assert store.outbox.pending(OutboxKind.WORK_SESSION) == []
    # The store stays usable for the next VPA who signs in.
    store.calls.call_started(make_call(task_id="t-10"))
    assert len(store.calls.recent()) == 1


def test_store_logs_name_calls_by_id_never_by_number(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="vpaphone.store")
    call = make_call(e164=NUMBER)
    store.calls.call_started(call)
    store.calls.call_started(call)  # duplicate start: warned about
    store.calls.call_answered(call.id, at(1))
    store.recover_interrupted(at(3600))  # interrupted: warned about
    store.calls.call_ended(call.id, at(9), EndReason.COMPLETED, 200)  # ended twice: warned
    assert len(caplog.records) >= 3
    assert call.id in caplog.text
    assert "22199887766" not in caplog.text


def test_sign_out_keeps_exactly_the_records_my_vpa_has_not_confirmed(
    store: Store, db_path: Path
) -> None:
    store.set_owner("dana")
    store.tasks.save([Task("t-9", "Termin vereinbaren", CUSTOMER)], fetched_at=at(0))
    ids = []
    for i in range(3):
        call = make_call(task_id="t-9", e164=NUMBER if i else "+4922112345678", started=i * 10)
        store.calls.call_started(call)
        store.calls.call_ended(call.id, at(i * 10 + 5), EndReason.COMPLETED, 200)
        ids.append(call.id)
    store.outbox.mark_delivered([ids[0]])  # confirmed: goes
    store.outbox.mark_rejected({ids[2]: ("unknown_task", "")})  # refused: stays, like queued

    assert store.clear_personal_data() == 2

    assert b"+4922112345678" not in _files_bytes(db_path)
    assert CUSTOMER.encode() not in _files_bytes(db_path)
    kept = store.outbox.pending(OutboxKind.CALL_RECORD, owner="dana")
    assert [item.client_id for item in kept] == [ids[1]]
    assert [r.client_id for r in store.outbox.rejected("dana")] == [ids[2]]
    assert store.outbox.count("dana") == 2
    assert store.outbox.count("sam") == 0  # another VPA signing in does not send them
    assert store.outbox.pending(OutboxKind.CALL_RECORD, owner="sam") == []
