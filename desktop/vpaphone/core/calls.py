"""Call records and the narrow interface through which the SIP engine reports calls.

The store (`vpaphone.store`) implements `CallLog` on SQLite; the engine only knows this protocol.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from vpaphone.core.model import CallDirection, CostZone, EndReason, TelephonyArea


def new_call_id() -> str:
    """Client-generated id; the server de-duplicates uploads by it (exactly-once sync)."""
    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class CallRecord:
    """One call attempt. Times are timezone-aware UTC datetimes."""

    id: str
    task_id: str | None  # None only for emergency calls, which belong to no task
    direction: CallDirection
    e164: str
    zone: CostZone
    area: TelephonyArea
    started_at: datetime
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    end_reason: EndReason | None = None
    sip_status: int | None = None
    counts_as_task_time: bool = True  # False for emergency calls

    @property
    def talk_seconds(self) -> float:
        """Talk time counts from the answer, not from dialling."""
        if self.answered_at is None or self.ended_at is None:
            return 0.0
        return max(0.0, (self.ended_at - self.answered_at).total_seconds())


class CallLog(Protocol):
    """Where the engine writes every call attempt, as it happens (crash-safe)."""

    def call_started(self, record: CallRecord) -> None:
        """Insert the record the moment a call is placed or rings in."""

    def call_answered(self, call_id: str, at: datetime) -> None: ...

    def call_progress(self, call_id: str, at: datetime) -> None:
        """Heartbeat every few seconds while the call runs: bounds loss on a crash."""

    def call_ended(
        self, call_id: str, at: datetime, reason: EndReason, sip_status: int | None
    ) -> None: ...
