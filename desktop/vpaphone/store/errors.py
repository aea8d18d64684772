"""Errors the store raises, each with a message a user or supporter can act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base class: the local database cannot do what was asked."""


class DatabaseCorruptError(StoreError):
    """The file is not a vpaphone database, or its contents are damaged."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"The local database {path} is damaged or not a vpaphone database ({detail}). "
            "Move it aside and restart: calls not yet sent to my-vpa are in that file."
        )
        self.path = path


class SchemaTooNewError(StoreError):
    """The database was written by a newer vpaphone; opening it here could corrupt it."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"The local database {path} was written by a newer version of vpaphone "
            f"(schema {found}; this version knows up to {supported}). "
            "Install the newer version again; this one leaves the file untouched."
        )
        self.path = path
        self.found = found
        self.supported = supported


class StoreBusyError(StoreError):
    """Another process held the database longer than the busy timeout."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The local database {path} stayed locked by another vpaphone process; "
            "close other instances and try again."
        )
        self.path = path


class WorkRunningError(StoreError):
    """Work on another task is being timed; one timer runs at a time."""

    def __init__(self, running_task_id: str, requested_task_id: str) -> None:
        super().__init__(
            f"Work on task {running_task_id} is still being timed; stop it before starting "
            f"task {requested_task_id}."
        )
        self.running_task_id = running_task_id
