"""The call as the app shows it (plain data the phone service emits), and why a dial is refused."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from vpaphone.core.gate import GateResult
from vpaphone.core.model import CallDirection

if TYPE_CHECKING:  # plain data: the texts and the CLI use it without Qt or pjsua2
    from vpaphone.sip.engine import CallState


@dataclass(frozen=True, slots=True)
class ActiveCall:
    call_id: str
    task_id: str | None
    direction: CallDirection
    number: str  # E.164 (or the caller's SIP user when not a phone number)
    state: CallState
    answered_at: datetime | None = None
    muted: bool = False

    def talk_seconds(self, now: datetime) -> float:
        if self.answered_at is None:
            return 0.0
        return max(0.0, (now - self.answered_at).total_seconds())


class RefusalKind(enum.Enum):
    GATE = enum.auto()  # the call gate blocks it (`gate` says why)
    NOT_READY = enum.auto()  # no phone yet: not signed in, or the engine did not start
    BUSY = enum.auto()  # a call is running: hang up first


class DialRefusedError(RuntimeError):
    """The call was not placed; `kind` (and `gate` for GATE) say why — the UI words it."""

    def __init__(self, kind: RefusalKind, gate: GateResult | None = None) -> None:
        super().__init__(kind.name.lower())
        self.kind = kind
        self.gate = gate
