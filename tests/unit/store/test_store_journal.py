"""Call-log entries the database refused, kept in a file elsewhere and replayed at the next start
(store.journal): nothing lost, nothing doubled, the first folder that takes the file wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.store.store_helpers import at, make_call
from vpaphone.core.model import EndReason
from vpaphone.store import Store
from vpaphone.store.journal import EntryKind, Journal, LogEntry, compact


def _entries_of_one_call(owner: str = "dana") -> list[LogEntry]:
    call = make_call()
    return [
        LogEntry.started(call, owner),
        LogEntry(EntryKind.ANSWERED, call.id, at(2)),
        LogEntry(EntryKind.PROGRESS, call.id, at(7)),
        LogEntry(EntryKind.PROGRESS, call.id, at(12)),
        LogEntry(EntryKind.ENDED, call.id, at(14), reason=EndReason.COMPLETED, sip_status=200),
    ]


def test_replaying_the_file_gives_the_record_once_with_its_owner(tmp_path: Path) -> None:
    entries = _entries_of_one_call()
    journal = Journal(tmp_path / "db.sqlite3", [tmp_path / "first"])
    assert journal.save(entries) == tmp_path / "first" / journal.name
    with Store.open(tmp_path / "db.sqlite3") as store:
        assert store.import_journal(journal) == 1
        assert store.import_journal(journal) == 0  # the file is gone once imported
        stored = store.calls.get(entries[0].call_id)
        assert stored is not None
        assert stored.record.talk_seconds == 12
        assert store.outbox.count("dana") == 1
        for entry in entries:  # the same entries again (a second copy): nothing doubles
            entry.apply(store.calls)
        assert store.outbox.count() == 1


def test_the_file_goes_to_the_first_folder_that_takes_it(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    journal = Journal(tmp_path / "db.sqlite3", [blocked / "sub", tmp_path / "second"])
    where = journal.save(_entries_of_one_call())
    assert where == tmp_path / "second" / journal.name
    assert where.stat().st_mode & 0o777 == 0o600
    assert len(journal.load()) == 5
    journal.clear()
    assert not journal.exists()


def test_nowhere_to_write_is_reported_not_raised(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("x")
    assert Journal(tmp_path / "db.sqlite3", [blocked / "a"]).save(_entries_of_one_call()) is None


def test_heartbeats_made_moot_are_dropped_and_order_is_kept() -> None:
    entries = _entries_of_one_call()
    kept = compact(entries)
    assert [e.kind for e in kept] == [
        EntryKind.STARTED,
        EntryKind.ANSWERED,
        EntryKind.ENDED,
    ]


def test_an_unreadable_file_is_left_for_support(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    journal = Journal(tmp_path / "db.sqlite3", [tmp_path])
    (tmp_path / journal.name).write_text("{not json")
    assert journal.load() == []
    assert (tmp_path / journal.name).exists()
    assert "cannot be read" in caplog.text
