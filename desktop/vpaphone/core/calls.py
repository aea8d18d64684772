"""Call records and the narrow interface through which the SIP engine reports calls.

The store (`vpaphone.store`) implements `CallLog` on SQLite; the engine only knows this protocol.
"""

from __future__ import annotations

import enum
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Final, Protocol

from vpaphone.core.model import CallDirection, CostZone, EndReason, TelephonyArea


class CallerKind(enum.StrEnum):
    """What a record's `e164` holds, as the my-vpa contract's `caller` says it."""

    NUMBER = "number"  # a phone number (E.164) or an emergency short code
    WITHHELD = "withheld"  # the caller suppressed their number (SIP "anonymous" and the like)
    NOT_A_NUMBER = "not_a_number"  # something else (a SIP user name, a display name)


_NUMBER: Final = re.compile(r"\+[1-9][0-9]{6,14}|[0-9]{2,6}")
# What phones and carriers present instead of a withheld number (RFC 3323: "Anonymous").
_WITHHELD: Final = frozenset(
    {"anonymous", "anonym", "restricted", "private", "withheld", "unavailable", "unknown"}
    | {"unbekannt", "unterdrückt", "rufnummer unterdrückt", "privat", "anonymous caller"}
)


def caller_kind(number: str) -> CallerKind:
    """Whether a record's number is one, was withheld, or is something else entirely.

    Incoming calls store what the caller presented when it was no number (e.g. "Anonymous");
    such records are as valid as any other and are uploaded with `e164: null` and this kind.
    """
    if _NUMBER.fullmatch(number):
        return CallerKind.NUMBER
    if number.strip().casefold() in _WITHHELD:
        return CallerKind.WITHHELD
    return CallerKind.NOT_A_NUMBER


def caller_fields(number: str) -> dict[str, str | None]:
    """The contract's `e164` (and `caller`, when it is no number) for a record's number."""
    kind = caller_kind(number)
    if kind is CallerKind.NUMBER:
        return {"e164": number}
    return {"e164": None, "caller": kind.value}


def transfer_fields(target: str | None, at: str | None) -> dict[str, str | None]:
    """The contract's `transferred_to`/`transferred_at` (1.4), only for a transferred call:
    a 1.3 server takes every other record as before."""
    return {} if target is None else {"transferred_to": target, "transferred_at": at}


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
    # Handed over (blind or attended transfer) to this number (E.164), at this moment: the
    # VPA's talk time on the call splits there (`talk_seconds_before_transfer`).
    transferred_to: str | None = None
    transferred_at: datetime | None = None

    @property
    def talk_seconds(self) -> float:
        """Talk time counts from the answer, not from dialling."""
        if self.answered_at is None or self.ended_at is None:
            return 0.0
        return max(0.0, (self.ended_at - self.answered_at).total_seconds())

    @property
    def talk_seconds_before_transfer(self) -> float | None:
        """Talk time up to the transfer (None: not transferred); the rest of `talk_seconds`
        is the time until the VPA's leg ended after it."""
        if self.transferred_at is None:
            return None
        if self.answered_at is None:
            return 0.0
        return max(0.0, (self.transferred_at - self.answered_at).total_seconds())


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

    def call_transferred(self, call_id: str, target: str, at: datetime) -> None:
        """The call was handed over to `target` (E.164), the transfer started at `at`."""
