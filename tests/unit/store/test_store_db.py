"""Opening the database: location, pragmas, migrations, refusal of foreign or newer files."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from tests.unit.store.store_helpers import at, make_call
from vpaphone.store import (
    DatabaseCorruptError,
    OutboxKind,
    SchemaTooNewError,
    Store,
    StoreBusyError,
    StoreError,
)
from vpaphone.store import db as db_module
from vpaphone.store.db import Database
from vpaphone.store.migrations import LATEST_VERSION


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}


def test_default_location_is_the_user_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    with Store.open() as store:
        assert store.db.path == tmp_path / "xdg" / "vpaphone" / "vpaphone.sqlite3"
    assert (tmp_path / "xdg" / "vpaphone" / "vpaphone.sqlite3").is_file()


def test_wal_full_sync_foreign_keys_and_busy_timeout(store: Store) -> None:
    def pragma(name: str) -> object:
        return store.db.query(f"PRAGMA {name}")[0][0]

    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") == db_module.BUSY_TIMEOUT_MS
    assert pragma("secure_delete") == 1


def test_empty_file_is_migrated_to_the_latest_schema(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.db.schema_version() == LATEST_VERSION
        versions = [r[0] for r in store.db.query("SELECT version FROM schema_version")]
    assert versions == list(range(1, LATEST_VERSION + 1))
    assert {"calls", "work_sessions", "outbox", "cached_tasks", "calls_share"} <= _tables(db_path)


def _write_v1_call(db_path: Path, call_id: str) -> None:
    """An ended, queued call as version 1 of the app wrote it (its own columns, by hand)."""
    v1 = Database.open(db_path, schema=1)
    start = int(at(0).timestamp() * 1000)
    with v1.transaction() as conn:
        conn.execute(
            "INSERT INTO calls (id, task_id, direction, e164, zone, area, started_ms, answered_ms,"
            " ended_ms, end_reason, sip_status, counts_as_task_time, last_seen_ms)"
            " VALUES (?, 'task-1', 'outgoing', '+4922182829980', 'DE', 'backoffice_de', ?, ?, ?,"
            " 'completed', 200, 1, ?)",
            (call_id, start, start + 3000, start + 63000, start + 63000),
        )
        conn.execute("INSERT INTO outbox (call_id, enqueued_ms) VALUES (?, ?)", (call_id, start))
    v1.close()


def test_v1_database_keeps_its_data_and_gains_the_indexes(db_path: Path) -> None:
    call = make_call()
    _write_v1_call(db_path, call.id)
    assert "calls_share" not in _tables(db_path)

    with Store.open(db_path) as store:
        assert store.db.schema_version() == LATEST_VERSION
        assert store.calls.phone_seconds("task-1").unsynced == 60
        assert [i.client_id for i in store.outbox.pending(OutboxKind.CALL_RECORD)] == [call.id]
        # records from before owners were kept go up with the next VPA who signs in
        store.adopt("demo")
        pending = store.outbox.pending(OutboxKind.CALL_RECORD, owner="demo")
        assert [i.client_id for i in pending] == [call.id]
        assert store.outbox.pending(OutboxKind.CALL_RECORD, owner="other") == []
    assert "calls_share" in _tables(db_path)


def test_reopening_applies_nothing_twice(db_path: Path) -> None:
    Store.open(db_path).close()
    with Store.open(db_path) as store:
        assert store.db.query("SELECT count(*) FROM schema_version")[0][0] == LATEST_VERSION


def test_database_of_a_newer_app_is_refused_and_left_untouched(db_path: Path) -> None:
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO schema_version VALUES (?, 0)", (LATEST_VERSION + 1,))
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(SchemaTooNewError, match="newer version of vpaphone") as info:
        Store.open(db_path)
    assert info.value.found == LATEST_VERSION + 1
    assert db_path.read_bytes() == before


def test_a_file_that_is_no_database_gives_a_clear_error(db_path: Path) -> None:
    garbage = b"this is not SQLite, just some text a user saved here\n" * 200
    db_path.write_bytes(garbage)
    with pytest.raises(DatabaseCorruptError, match="damaged or not a vpaphone database") as info:
        Store.open(db_path)
    assert str(db_path) in str(info.value)
    assert db_path.read_bytes() == garbage  # nothing overwritten


def test_another_programs_sqlite_file_is_not_taken_over(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.close()
    with pytest.raises(DatabaseCorruptError, match="another program"):
        Store.open(db_path)
    assert _tables(db_path) == {"bookmarks"}


def test_damaged_pages_give_a_clear_error(db_path: Path) -> None:
    with Store.open(db_path) as store:
        for i in range(300):
            store.calls.call_started(make_call(task_id=f"task-{i}", started=i))
    data = bytearray(db_path.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)  # keep the header page, wreck the rest
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorruptError), Store.open(db_path) as store:
        store.calls.recent(500)


def test_a_write_lock_held_too_long_gives_store_busy(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 200)
    with Store.open(db_path) as store:
        blocker = sqlite3.connect(db_path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreBusyError, match="locked by another vpaphone process"):
                store.calls.call_started(make_call())
        finally:
            blocker.rollback()
            blocker.close()
        store.calls.call_started(make_call())  # usable again once the lock is gone
        assert len(store.calls.recent()) == 1


def test_a_store_refuses_use_from_another_thread(store: Store) -> None:
    errors: list[BaseException] = []

    def use() -> None:
        try:
            store.calls.recent()
        except BaseException as exc:
            errors.append(exc)

    worker = threading.Thread(target=use)
    worker.start()
    worker.join()
    assert len(errors) == 1
    assert isinstance(errors[0], sqlite3.ProgrammingError)


def test_naive_times_are_refused_with_a_clear_error(store: Store) -> None:
    call = make_call()
    with pytest.raises(ValueError, match="no time zone"):
        store.calls.call_progress(call.id, at(1).replace(tzinfo=None))


def test_a_missing_data_folder_is_created_private(tmp_path: Path) -> None:
    where = tmp_path / "missing-dir" / "vpaphone.sqlite3"
    Store.open(where).close()
    assert where.is_file()
    assert where.parent.stat().st_mode & 0o777 == 0o700


def test_an_unopenable_location_names_the_folder(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    where = tmp_path / "a-file" / "vpaphone.sqlite3"
    with pytest.raises(StoreError, match="Cannot create the data folder") as info:
        Store.open(where)
    assert str(where.parent) in str(info.value)
    assert info.value.path == where.parent


def test_integrity_check_finds_a_damaged_data_page(db_path: Path) -> None:
    with Store.open(db_path) as store:
        for i in range(400):
            store.calls.call_started(make_call(task_id=f"task-{i}", started=i))
        assert store.check_integrity() == []
    page_size = 4096
    data = bytearray(db_path.read_bytes())
    assert len(data) > 12 * page_size
    data[10 * page_size : 11 * page_size] = b"\x5a" * page_size  # one page of call rows
    db_path.write_bytes(bytes(data))
    with Store.open(db_path) as store:  # schema pages intact: it opens...
        assert store.check_integrity() != []  # ...but the damage is reported
