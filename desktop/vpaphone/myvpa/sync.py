"""Exactly-once upload of the store's outbox (call records, work sessions) to my-vpa.

Items leave the outbox only after the server confirmed them (accepted or duplicate). A batch
whose answer was lost is simply sent again: the server counts the repeats as duplicates (zero).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from vpaphone.myvpa.client import MyVpaClient
from vpaphone.store.outbox import OutboxItem, OutboxKind

log = logging.getLogger(__name__)


class OutboxLike(Protocol):
    def pending(self, kind: OutboxKind, limit: int = 100) -> list[OutboxItem]: ...

    def mark_delivered(self, client_ids: Iterable[str], at: datetime | None = None) -> int: ...


@dataclass(frozen=True, slots=True)
class SyncReport:
    accepted: int
    duplicates: int


class Uploader:
    def __init__(self, client: MyVpaClient, outbox: OutboxLike, batch_size: int = 100) -> None:
        self.client = client
        self.outbox = outbox
        self.batch_size = batch_size

    def drain(self) -> SyncReport:
        """Upload until the outbox is empty. A MyVpaError leaves the rest queued for next time."""
        accepted = duplicates = 0
        # Work sessions first: the server then knows the working time the calls belong to.
        for kind in (OutboxKind.WORK_SESSION, OutboxKind.CALL_RECORD):
            while items := self.outbox.pending(kind, self.batch_size):
                payloads: list[dict[str, Any]] = [dict(item.payload) for item in items]
                if kind is OutboxKind.CALL_RECORD:
                    outcome = self.client.upload(call_records=payloads)
                else:
                    outcome = self.client.upload(work_sessions=payloads)
                self.outbox.mark_delivered(outcome.delivered)
                accepted += len(outcome.accepted)
                duplicates += len(outcome.duplicates)
                if not outcome.delivered:  # server confirmed nothing: try again later
                    log.warning("my-vpa confirmed none of %d uploaded items", len(items))
                    break
        if accepted or duplicates:
            log.info("uploaded %d items (%d already known)", accepted, duplicates)
        return SyncReport(accepted, duplicates)
