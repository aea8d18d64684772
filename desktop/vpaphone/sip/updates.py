"""What `SipEngine` tells the app: the payloads of its signals (plain data, Qt thread)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from vpaphone.core.model import CallDirection, EndReason
from vpaphone.sip.reasons import RegistrationState
from vpaphone.sip.trust import TlsProblem


class CallState(enum.StrEnum):
    INCOMING = "incoming"  # ringing in, waiting for answer/reject
    CALLING = "calling"
    RINGING = "ringing"  # remote rings; play local ringback
    EARLY_MEDIA = "early_media"  # remote rings and sends audio (announcements, ringback)
    CONNECTED = "connected"
    ON_HOLD = "on_hold"
    HELD_BY_PEER = "held_by_peer"  # the other side put the call on hold
    ENDED = "ended"


@dataclass(frozen=True, slots=True)
class RegistrationUpdate:
    state: RegistrationState
    sip_status: int | None = None  # of the last REGISTER's answer (None: none arrived)
    sip_reason_phrase: str | None = None  # the server's own words with it (diagnostics)
    tls_problem: TlsProblem | None = None  # FAILED because the server's certificate was refused


@dataclass(frozen=True, slots=True)
class CallUpdate:
    call_id: str
    state: CallState
    direction: CallDirection
    number: str  # E.164 (or the caller's SIP user when not a phone number)
    sip_status: int | None = None
    end_reason: EndReason | None = None  # for ENDED
    no_common_media: bool = False  # ENDED because no audio format could be agreed
    srtp_refused: bool = False  # ENDED: refused for its media while SRTP is mandatory
    answered_at: datetime | None = None  # talk time counts from here
    replaces: str | None = None  # the call this one took over (attended transfer to us)


@dataclass(frozen=True, slots=True)
class IncomingCall:
    call_id: str
    caller_e164: str | None
    display: str
    waiting: bool = False  # another call is up: it knocks (call waiting) instead of ringing


@dataclass(frozen=True, slots=True)
class TransferRequest:
    """The far end of `call_id` asked the VPA to call another number (REFER). The phone has
    declined it in SIP; the app may place the call itself (gate, task, consent)."""

    call_id: str
    target_e164: str | None  # None when the target is no phone number
    target: str  # what to show: the E.164 number, or the URI (`sip:bob@pbx.example`)
