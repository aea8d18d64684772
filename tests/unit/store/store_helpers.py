"""Record builders shared by the store's tests (unit and integration)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from vpaphone.core.calls import CallRecord, new_call_id
from vpaphone.core.model import CallDirection, CostZone, TelephonyArea

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    """A time `seconds` after T0 (millisecond precision, as the store keeps)."""
    return T0 + timedelta(seconds=seconds)


def make_call(
    task_id: str | None = "task-1",
    e164: str = "+4922182829980",
    zone: CostZone = CostZone.DE,
    started: float = 0,
    counts: bool = True,
) -> CallRecord:
    return CallRecord(
        id=new_call_id(),
        task_id=task_id,
        direction=CallDirection.OUTGOING,
        e164=e164,
        zone=zone,
        area=TelephonyArea.BACKOFFICE_DE,
        started_at=at(started),
        counts_as_task_time=counts,
    )
