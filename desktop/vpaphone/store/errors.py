"""Errors the store raises: a `problem` code and the path for the UI (`texts.storage` words
them), and a message for logs and support."""

from __future__ import annotations

import enum
import errno
from pathlib import Path


class StoreProblem(enum.StrEnum):
    """Why the local database cannot be used (each has its own advice for the VPA)."""

    CORRUPT = "corrupt"  # the file is damaged
    NOT_OURS = "not_ours"  # not an SQLite file, or one of another program
    TOO_NEW = "too_new"  # written by a newer vpaphone
    BUSY = "busy"  # another process held the lock too long
    READ_ONLY = "read_only"  # the folder or file cannot be written (permissions, read-only disk)
    FULL = "full"  # no space left on the disk (or quota)
    UNUSABLE = "unusable"  # any other I/O failure


class StoreError(Exception):
    """Base class: the local database cannot do what was asked."""

    def __init__(
        self,
        message: str,
        problem: StoreProblem = StoreProblem.UNUSABLE,
        path: Path | None = None,
    ) -> None:
        super().__init__(message)
        self.problem = problem
        self.path = path


class DatabaseCorruptError(StoreError):
    """The file is not a vpaphone database, or its contents are damaged."""

    def __init__(self, path: Path, detail: str, problem: StoreProblem = StoreProblem.CORRUPT):
        super().__init__(
            f"The local database {path} is damaged or not a vpaphone database ({detail}). "
            "Move it aside and restart: calls not yet sent to my-vpa are in that file.",
            problem,
            path,
        )


class SchemaTooNewError(StoreError):
    """The database was written by a newer vpaphone; opening it here could corrupt it."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"The local database {path} was written by a newer version of vpaphone "
            f"(schema {found}; this version knows up to {supported}). "
            "Install the newer version again; this one leaves the file untouched.",
            StoreProblem.TOO_NEW,
            path,
        )
        self.found = found
        self.supported = supported


class StoreBusyError(StoreError):
    """Another process held the database longer than the busy timeout."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The local database {path} stayed locked by another vpaphone process; "
            "close other instances and try again.",
            StoreProblem.BUSY,
            path,
        )


class WorkRunningError(StoreError):
    """Work on another task is being timed; one timer runs at a time."""

    def __init__(self, running_task_id: str, requested_task_id: str) -> None:
        super().__init__(
            f"Work on task {running_task_id} is still being timed; stop it before starting "
            f"task {requested_task_id}."
        )
        self.running_task_id = running_task_id


_ERRNO_PROBLEMS = {
    errno.ENOSPC: StoreProblem.FULL,
    errno.EDQUOT: StoreProblem.FULL,
    errno.EROFS: StoreProblem.READ_ONLY,
    errno.EACCES: StoreProblem.READ_ONLY,
    errno.EPERM: StoreProblem.READ_ONLY,
}


def os_store_error(exc: OSError, path: Path, doing: str) -> StoreError:
    """A file-system failure (creating the folder, writing a file) as the store reports it."""
    problem = _ERRNO_PROBLEMS.get(exc.errno or 0, StoreProblem.UNUSABLE)
    return StoreError(f"Cannot {doing} {path}: {exc.strerror or exc}", problem, path)
