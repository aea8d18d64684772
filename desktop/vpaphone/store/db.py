"""The SQLite connection: pragmas, transactions, error translation and migrations.

Durability: WAL with `synchronous=FULL`. NORMAL already survives a killed process, but may lose
the last commits on power loss or an OS crash; call records are what my-vpa bills from, and we
write only a few rows per call (start, answer, a heartbeat every few seconds, end), so an fsync
per commit costs nothing a user could notice.

Threads: a `Database` belongs to the thread that opened it (sqlite3 enforces that). Another
thread or process opens its own; WAL plus a busy timeout lets them share the file safely.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final

from vpaphone.store.errors import (
    DatabaseCorruptError,
    SchemaTooNewError,
    StoreBusyError,
    StoreError,
    StoreProblem,
)
from vpaphone.store.migrations import LATEST_VERSION, MIGRATIONS

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS: Final = 5000
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_MS: Final = timedelta(milliseconds=1)
# Primary result codes (sqlite3.h) and what they mean for the VPA.
_BUSY_CODES: Final = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_NEARLY_FULL_BYTES: Final = 256 * 1024  # less free than this: SQLite cannot grow its files
_PROBLEMS: Final = {
    sqlite3.SQLITE_FULL: StoreProblem.FULL,
    sqlite3.SQLITE_READONLY: StoreProblem.READ_ONLY,
    sqlite3.SQLITE_PERM: StoreProblem.READ_ONLY,
    sqlite3.SQLITE_CANTOPEN: StoreProblem.UNUSABLE,
    sqlite3.SQLITE_IOERR: StoreProblem.UNUSABLE,
}


def _folder_problem(folder: Path) -> StoreProblem:
    """What an I/O failure most likely means: SQLite reports a full disk or a read-only file
    system as "disk I/O error" where it fails to grow its shared-memory file, for one."""
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):  # no statvfs on Windows
        return StoreProblem.UNUSABLE
    if info.f_flag & os.ST_RDONLY:
        return StoreProblem.READ_ONLY
    if info.f_bavail * info.f_frsize < _NEARLY_FULL_BYTES:
        return StoreProblem.FULL
    return StoreProblem.UNUSABLE


def to_ms(at: datetime) -> int:
    """UTC milliseconds of an aware datetime; naive times are refused (their zone is a guess)."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"time {at.isoformat()} has no time zone; the store needs aware times")
    return (at - _EPOCH) // _MS


def from_ms(ms: int) -> datetime:
    return _EPOCH + ms * _MS


def optional_ms(at: datetime | None) -> int | None:
    return None if at is None else to_ms(at)


def optional_dt(ms: int | None) -> datetime | None:
    return None if ms is None else from_ms(ms)


class Database:
    """One connection to the vpaphone database file; see the module docstring for threads."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path, schema: int = LATEST_VERSION) -> Database:
        """Open (creating if needed) and migrate to `schema` (older values: migration tests)."""
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as exc:
            raise StoreError(
                f"Cannot open the local database {path}: {exc}", StoreProblem.UNUSABLE, path
            ) from exc
        conn.row_factory = sqlite3.Row
        db = cls(conn, path)
        try:
            with db.translate_errors():
                db._check_version()
                db._configure()
                db._migrate(schema)
        except BaseException:
            conn.close()
            raise
        return db

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def translate_errors(self) -> Iterator[None]:
        """Turn sqlite3's codes into the store's errors; anything else is a programming error."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            code = exc.sqlite_errorcode & 0xFF if hasattr(exc, "sqlite_errorcode") else None
            if code == sqlite3.SQLITE_CORRUPT:
                raise DatabaseCorruptError(self.path, str(exc)) from exc
            if code == sqlite3.SQLITE_NOTADB:
                raise DatabaseCorruptError(self.path, str(exc), StoreProblem.NOT_OURS) from exc
            if code in _BUSY_CODES:
                raise StoreBusyError(self.path) from exc
            problem = _PROBLEMS.get(code or 0)
            if problem is StoreProblem.UNUSABLE:
                problem = _folder_problem(self.path.parent)
            if problem is not None:
                raise StoreError(
                    f"Cannot use the local database {self.path}: {exc}", problem, self.path
                ) from exc
            raise

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, taken at once (IMMEDIATE) so it never fails half-way on a lock."""
        with self.translate_errors():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.rollback()  # also after a failed COMMIT: never leave it open
                raise

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self.translate_errors():
            return self._conn.execute(sql, params).fetchall()

    def execute_outside_transaction(self, sql: str) -> list[sqlite3.Row]:
        """For statements SQLite refuses inside a transaction (VACUUM, checkpoints)."""
        with self.translate_errors():
            return self._conn.execute(sql).fetchall()

    def schema_version(self) -> int:
        rows = self.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        )
        if not rows:
            return 0
        return int(self.query("SELECT coalesce(max(version), 0) FROM schema_version")[0][0])

    def _check_version(self) -> None:
        """Before writing anything: is this our database, and not from a newer app?"""
        found = self.schema_version()  # a file that is no database fails here
        if found == 0 and self.query("SELECT 1 FROM sqlite_master LIMIT 1"):
            raise DatabaseCorruptError(
                self.path, "an SQLite file of another program", StoreProblem.NOT_OURS
            )
        if found > LATEST_VERSION:
            raise SchemaTooNewError(self.path, found, LATEST_VERSION)

    def _configure(self) -> None:
        conn = self._conn
        mode = self._enable_wal()
        if mode != "wal":  # e.g. some network file systems; rollback journal is still safe
            log.warning("SQLite WAL mode unavailable (journal_mode=%s); continuing", mode)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Deleted rows are overwritten, so signing out leaves no phone numbers in free pages.
        conn.execute("PRAGMA secure_delete = ON")

    def _enable_wal(self) -> str:
        """Switch to WAL, retrying: SQLite reports a concurrent switch as busy at once, without
        waiting for the busy timeout (seen when two instances open a new file together)."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                mode = self._conn.execute("PRAGMA journal_mode").fetchone()[0]
                if mode == "wal":
                    return "wal"
                return str(self._conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
            except sqlite3.OperationalError as exc:
                busy = exc.sqlite_errorcode & 0xFF in _BUSY_CODES
                if not busy or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def _migrate(self, target: int) -> None:
        """Apply migrations up to `target`, one transaction each (another instance may race us)."""
        while True:
            with self.transaction() as conn:
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version ("
                    " version INTEGER PRIMARY KEY, applied_ms INTEGER NOT NULL) STRICT"
                )
                current = conn.execute(
                    "SELECT coalesce(max(version), 0) FROM schema_version"
                ).fetchone()[0]
                if current > LATEST_VERSION:
                    raise SchemaTooNewError(self.path, current, LATEST_VERSION)
                if current >= target:
                    return
                version = current + 1
                for statement in MIGRATIONS[version]:
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_version (version, applied_ms) VALUES (?, ?)",
                    (version, int(time.time() * 1000)),
                )
                log.info("database %s migrated to schema %d", self.path, version)
