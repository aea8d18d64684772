"""Exactly-once upload of the store's outbox (call records, work sessions) to my-vpa.

Items leave the outbox only after the server confirmed them (accepted or duplicate). A batch
whose answer was lost is simply sent again: the server counts the repeats as duplicates (zero).

One bad item never blocks the others: my-vpa answers it `rejected` with its reason, and the
uploader marks it so (it stays in the store, shown to the VPA and in `vpaphone diagnose`) and
goes on. A server that refuses the whole batch instead (HTTP 400, e.g. one that predates
per-item results) is answered by splitting the batch until the refused items stand alone.
Rejected items are offered again when asked (`retry_rejected`: at every sign-in), because the
cause is often fixed on the server's side (a task re-opened, a server update).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from vpaphone.myvpa.client import MyVpaClient
from vpaphone.myvpa.errors import ApiError
from vpaphone.myvpa.models import Rejection, UploadOutcome
from vpaphone.store.outbox import OutboxItem, OutboxKind

log = logging.getLogger(__name__)
_SPLIT_STATUSES = frozenset({400, 413})  # a batch refused as a whole: find the culprits


class OutboxLike(Protocol):
    def pending(
        self,
        kind: OutboxKind,
        limit: int = 100,
        *,
        owner: str | None = None,
        rejected: bool = False,
    ) -> list[OutboxItem]: ...

    def mark_delivered(self, client_ids: Iterable[str], at: datetime | None = None) -> int: ...

    def mark_rejected(
        self, rejections: Mapping[str, tuple[str, str]], at: datetime | None = None
    ) -> int: ...


@dataclass(frozen=True, slots=True)
class SyncReport:
    accepted: int
    duplicates: int
    rejected: int = 0  # items my-vpa refused in this run (kept in the store, marked)


@dataclass
class _Tally:
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0

    def report(self) -> SyncReport:
        return SyncReport(self.accepted, self.duplicates, self.rejected)


class Uploader:
    def __init__(
        self,
        client: MyVpaClient,
        outbox: OutboxLike,
        batch_size: int = 100,
        owner: str | None = None,
    ) -> None:
        self.client = client
        self.outbox = outbox
        self.batch_size = batch_size
        self.owner = owner  # only this VPA's records (and those from before owners were kept)

    def drain(self, *, retry_rejected: bool = False) -> SyncReport:
        """Upload until nothing sendable is left. A MyVpaError leaves the rest for next time."""
        tally = _Tally()
        # Work sessions first: the server then knows the working time the calls belong to.
        for kind in (OutboxKind.WORK_SESSION, OutboxKind.CALL_RECORD):
            if retry_rejected:  # each refused item once per run, in batches
                again = self.outbox.pending(kind, 1_000_000, owner=self.owner, rejected=True)
                for start in range(0, len(again), self.batch_size):
                    self._send(kind, again[start : start + self.batch_size], tally)
            while items := self.outbox.pending(kind, self.batch_size, owner=self.owner):
                if not self._send(kind, items, tally):  # server confirmed nothing: later
                    log.warning("my-vpa confirmed none of %d uploaded items", len(items))
                    break
        if tally.accepted or tally.duplicates or tally.rejected:
            log.info(
                "uploaded %d items (%d already known, %d not accepted)",
                tally.accepted,
                tally.duplicates,
                tally.rejected,
            )
        return tally.report()

    def _send(self, kind: OutboxKind, items: Sequence[OutboxItem], tally: _Tally) -> bool:
        """Upload `items`; True if my-vpa decided about any of them (stored or refused)."""
        try:
            outcome = self._upload(kind, [dict(item.payload) for item in items])
        except ApiError as exc:
            if exc.status not in _SPLIT_STATUSES:
                raise
            if len(items) == 1:
                outcome = UploadOutcome(
                    frozenset(), frozenset(), {items[0].client_id: Rejection(exc.code)}
                )
            else:
                half = len(items) // 2
                first = self._send(kind, items[:half], tally)
                return self._send(kind, items[half:], tally) or first
        self.outbox.mark_delivered(outcome.delivered)
        if outcome.rejected:
            self.outbox.mark_rejected(
                {cid: (why.code, why.detail) for cid, why in outcome.rejected.items()}
            )
            for client_id, why in outcome.rejected.items():
                log.warning("my-vpa did not accept %s %s: %s", kind.value, client_id, why.code)
        tally.accepted += len(outcome.accepted)
        tally.duplicates += len(outcome.duplicates)
        tally.rejected += len(outcome.rejected)
        return bool(outcome.delivered or outcome.rejected)

    def _upload(self, kind: OutboxKind, payloads: list[dict[str, Any]]) -> UploadOutcome:
        if kind is OutboxKind.CALL_RECORD:
            return self.client.upload(call_records=payloads)
        return self.client.upload(work_sessions=payloads)
