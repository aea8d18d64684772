"""Domain vocabulary shared by the core, the store, the SIP engine, the my-vpa client and the UI."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class CostZone(enum.StrEnum):
    """Where a destination lies, as far as my-vpa's cost rules are concerned (RULES.md)."""

    DE = "DE"
    EU = "EU"
    NON_EU = "NON_EU"


class TelephonyArea(enum.StrEnum):
    """Telephony area of a task; its factor and covered zones come from rule data, not code."""

    NONE = "none"
    BACKOFFICE_DE = "backoffice_de"
    BACKOFFICE_EU = "backoffice_eu"
    SALES_DE = "sales_de"
    SALES_EU = "sales_eu"
    INDIVIDUAL_QUOTE = "individual_quote"


class Role(enum.StrEnum):
    """The VPA's role at my-vpa; decides backoffice vs. sales areas."""

    BACKOFFICE = "backoffice"
    SALES = "sales"


class Decision(enum.StrEnum):
    """Outcome of the call gate."""

    ALLOW = "allow"
    WARN = "warn"
    BLOCK = "block"


@dataclass(frozen=True, slots=True)
class Task:
    """A customer task as known from my-vpa (times in seconds, budget in minutes)."""

    id: str
    title: str
    customer: str
    area: TelephonyArea = TelephonyArea.NONE
    individual_quote: bool = False
    working_seconds: int = 0  # working time my-vpa already knows (reported sessions)
    phone_seconds: int = 0  # phone time my-vpa already knows (synced calls)
    budget_minutes: int | None = None
    budget_raisable: bool = False  # my-vpa lets the VPA raise the budget from the softphone


class NumberKind(enum.StrEnum):
    """Number type, as phonenumbers classifies it, plus emergency (not a phonenumbers type)."""

    FIXED_LINE = "fixed_line"
    MOBILE = "mobile"
    FIXED_LINE_OR_MOBILE = "fixed_line_or_mobile"
    TOLL_FREE = "toll_free"
    PREMIUM_RATE = "premium_rate"
    SHARED_COST = "shared_cost"
    VOIP = "voip"
    PERSONAL_NUMBER = "personal_number"
    PAGER = "pager"
    UAN = "uan"
    VOICEMAIL = "voicemail"
    EMERGENCY = "emergency"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Destination:
    """A number we may dial, derived from what the user typed or pasted."""

    e164: str  # "+4922182829980"; for emergency numbers the short code as dialled ("112")
    region: str  # ISO 3166-1 alpha-2 of the number ("DE"), not of the picker
    kind: NumberKind
    national: str = ""  # national format for display
    international: str = ""  # international format for display

    @property
    def is_emergency(self) -> bool:
        return self.kind is NumberKind.EMERGENCY


class CallDirection(enum.StrEnum):
    OUTGOING = "outgoing"
    INCOMING = "incoming"


class EndReason(enum.StrEnum):
    """Why a call ended, as a user would name it (mapped from SIP status by the engine)."""

    COMPLETED = "completed"  # answered, then hung up by either side
    CANCELLED = "cancelled"  # caller gave up before answer
    BUSY = "busy"
    DECLINED = "declined"
    NOT_FOUND = "not_found"
    UNAVAILABLE = "unavailable"
    NO_ANSWER = "no_answer"
    FORBIDDEN = "forbidden"
    NETWORK_ERROR = "network_error"
    BLOCKED = "blocked"  # stopped by the call gate before dialling
    FAILED = "failed"  # any other failure
    INTERRUPTED = "interrupted"  # the app died mid-call; recovered on next start
    MISSED = "missed"  # incoming, never answered
    REJECTED = "rejected"  # incoming, rejected by the user
