"""Local storage on SQLite (stdlib only): call records, tasks cache, work sessions, outbox."""

from vpaphone.store.calls import CallStore, PhoneSeconds, StoredCall
from vpaphone.store.errors import (
    DatabaseCorruptError,
    SchemaTooNewError,
    StoreBusyError,
    StoreError,
    StoreProblem,
    WorkRunningError,
)
from vpaphone.store.journal import Journal, LogEntry
from vpaphone.store.outbox import Outbox, OutboxItem, OutboxKind, RejectedItem
from vpaphone.store.store import DB_FILENAME, Recovered, Store
from vpaphone.store.tasks import CachedTasks, TaskCache
from vpaphone.store.work import WorkSession, WorkStore

__all__ = [
    "DB_FILENAME",
    "CachedTasks",
    "CallStore",
    "DatabaseCorruptError",
    "Journal",
    "LogEntry",
    "Outbox",
    "OutboxItem",
    "OutboxKind",
    "PhoneSeconds",
    "Recovered",
    "RejectedItem",
    "SchemaTooNewError",
    "Store",
    "StoreBusyError",
    "StoreError",
    "StoreProblem",
    "StoredCall",
    "TaskCache",
    "WorkRunningError",
    "WorkSession",
    "WorkStore",
]
