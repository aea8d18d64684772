"""Call-log entries the database could not take (disk full, read-only folder), kept until it can.

While the database refuses writes, the app keeps the entries in memory and in a small file in
the first folder that still takes one (preferably on another disk than the database: the
runtime folder, the config folder); `Store.import_journal` replays them at the next start.
Replaying is safe to repeat: the call log ignores a start, answer or end it already has.
"""

from __future__ import annotations

import contextlib
import enum
import json
import logging
import os
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Final, Protocol

from vpaphone.core.calls import CallRecord
from vpaphone.core.model import CallDirection, CostZone, EndReason, TelephonyArea

log = logging.getLogger(__name__)
JOURNAL_VERSION: Final = 1


class EntryKind(enum.StrEnum):
    STARTED = "started"
    ANSWERED = "answered"
    PROGRESS = "progress"
    ENDED = "ended"
    TRANSFERRED = "transferred"


class CallWriter(Protocol):
    """`store.calls.CallStore`: what replaying an entry needs."""

    def insert(self, record: CallRecord, owner: str | None) -> None: ...

    def call_answered(self, call_id: str, at: datetime) -> None: ...

    def call_progress(self, call_id: str, at: datetime) -> None: ...

    def call_ended(
        self, call_id: str, at: datetime, reason: EndReason, sip_status: int | None
    ) -> None: ...

    def call_transferred(self, call_id: str, target: str, at: datetime) -> None: ...


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One `CallLog` call, as data: kept while the database cannot take it."""

    kind: EntryKind
    call_id: str
    at: datetime
    owner: str | None = None  # STARTED: whose record it is
    record: CallRecord | None = None  # STARTED
    reason: EndReason | None = None  # ENDED
    sip_status: int | None = None  # ENDED
    target: str | None = None  # TRANSFERRED

    @classmethod
    def started(cls, record: CallRecord, owner: str | None) -> LogEntry:
        return cls(EntryKind.STARTED, record.id, record.started_at, owner, record)

    def apply(self, calls: CallWriter) -> None:
        if self.kind is EntryKind.STARTED:
            assert self.record is not None
            calls.insert(self.record, self.owner)
        elif self.kind is EntryKind.ANSWERED:
            calls.call_answered(self.call_id, self.at)
        elif self.kind is EntryKind.PROGRESS:
            calls.call_progress(self.call_id, self.at)
        elif self.kind is EntryKind.TRANSFERRED:
            assert self.target is not None
            calls.call_transferred(self.call_id, self.target, self.at)
        else:
            assert self.reason is not None
            calls.call_ended(self.call_id, self.at, self.reason, self.sip_status)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind.value, "call_id": self.call_id}
        data["at"] = self.at.isoformat()
        if self.record is not None:
            data["owner"] = self.owner
            data["record"] = _record_json(self.record)
        if self.reason is not None:
            data["reason"] = self.reason.value
            data["sip_status"] = self.sip_status
        if self.target is not None:
            data["target"] = self.target
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LogEntry:
        record = data.get("record")
        reason = data.get("reason")
        return cls(
            EntryKind(data["kind"]),
            str(data["call_id"]),
            datetime.fromisoformat(data["at"]),
            data.get("owner"),
            None if record is None else _record_from(record),
            None if reason is None else EndReason(reason),
            data.get("sip_status"),
            data.get("target"),
        )


def compact(entries: Iterable[LogEntry]) -> list[LogEntry]:
    """The same entries without heartbeats a later heartbeat or end of the call makes moot."""
    kept = list(entries)
    superseded = set()
    seen_later: set[str] = set()
    for index in range(len(kept) - 1, -1, -1):
        entry = kept[index]
        if entry.kind in (EntryKind.PROGRESS, EntryKind.ENDED):
            if entry.kind is EntryKind.PROGRESS and entry.call_id in seen_later:
                superseded.add(index)
            seen_later.add(entry.call_id)
    return [entry for index, entry in enumerate(kept) if index not in superseded]


class Journal:
    """The unsaved-records file of one database, in the first of `folders` that takes it."""

    def __init__(self, db_path: Path, folders: Sequence[Path]) -> None:
        digest = zlib.crc32(str(db_path.resolve()).encode())  # one file per database
        self.name = f"unsaved-call-records-{digest:08x}.json"
        self.folders = list(folders)

    def save(self, entries: Sequence[LogEntry]) -> Path | None:
        """Write all `entries` (replacing what was there); None if no folder took the file."""
        document = {"version": JOURNAL_VERSION, "entries": [e.to_json() for e in entries]}
        text = json.dumps(document).encode("utf-8")
        for folder in self.folders:
            target = folder / self.name
            try:
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                _write_durably(target, text)
            except OSError as exc:
                log.info("unsaved call records cannot go to %s: %s", folder, exc.strerror)
                continue
            for other in self.folders:  # one current copy: an older one would replay stale data
                if other != folder:
                    with contextlib.suppress(OSError):
                        (other / self.name).unlink(missing_ok=True)
            return target
        return None

    def load(self) -> list[LogEntry]:
        """Every entry of every copy found (a copy that cannot be read is left for support)."""
        entries: list[LogEntry] = []
        for folder in self.folders:
            path = folder / self.name
            try:
                document = json.loads(path.read_bytes())
                if document.get("version") != JOURNAL_VERSION:
                    raise ValueError(f"version {document.get('version')}")
                entries += [LogEntry.from_json(item) for item in document["entries"]]
            except FileNotFoundError:
                continue
            except (OSError, ValueError, KeyError, TypeError) as exc:
                log.error("unsaved call records in %s cannot be read: %s", path, exc)
        return entries

    def clear(self) -> None:
        for folder in self.folders:
            with contextlib.suppress(OSError):
                (folder / self.name).unlink(missing_ok=True)

    def exists(self) -> bool:
        return any((folder / self.name).is_file() for folder in self.folders)


def _write_durably(target: Path, data: bytes) -> None:
    """Write, flush to disk, then rename over `target`: a crash leaves the old or the new file."""
    tmp = target.with_suffix(".tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


def _record_json(record: CallRecord) -> dict[str, Any]:
    def time(value: datetime | None) -> str | None:
        return None if value is None else value.isoformat()

    return {
        "id": record.id,
        "task_id": record.task_id,
        "direction": record.direction.value,
        "e164": record.e164,
        "zone": record.zone.value,
        "area": record.area.value,
        "started_at": record.started_at.isoformat(),
        "answered_at": time(record.answered_at),
        "ended_at": time(record.ended_at),
        "end_reason": None if record.end_reason is None else record.end_reason.value,
        "sip_status": record.sip_status,
        "counts_as_task_time": record.counts_as_task_time,
        "transferred_to": record.transferred_to,
        "transferred_at": time(record.transferred_at),
    }


def _record_from(data: dict[str, Any]) -> CallRecord:
    def time(value: str | None) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)

    started = datetime.fromisoformat(data["started_at"])
    end_reason = data.get("end_reason")
    return CallRecord(
        id=data["id"],
        task_id=data["task_id"],
        direction=CallDirection(data["direction"]),
        e164=data["e164"],
        zone=CostZone(data["zone"]),
        area=TelephonyArea(data["area"]),
        started_at=started,
        answered_at=time(data.get("answered_at")),
        ended_at=time(data.get("ended_at")),
        end_reason=None if end_reason is None else EndReason(end_reason),
        sip_status=data.get("sip_status"),
        counts_as_task_time=bool(data["counts_as_task_time"]),
        transferred_to=data.get("transferred_to"),
        transferred_at=time(data.get("transferred_at")),
    )
