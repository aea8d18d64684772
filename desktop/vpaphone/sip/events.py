"""Plain data the engine thread hands to the Qt thread (no pjsua2 objects, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


class SipEngineError(RuntimeError):
    """A command could not be carried out (not started, unknown call, pjsua2 error)."""


# --- events from the engine thread (plain data, consumed on the Qt thread) -----------------


@dataclass(frozen=True, slots=True)
class RegEvent:
    code: int
    reason: str
    active: bool
    started: bool = False  # a REGISTER was just sent (state "registering")


@dataclass(frozen=True, slots=True)
class CallStateEvent:
    key: str
    state: int  # pjsip_inv_state
    status: int
    reason: str
    heard_from_peer: bool
    at: datetime
    media_failed: bool = False  # answered, but no audio could be agreed (codecs, no stream)


@dataclass(frozen=True, slots=True)
class PlacedEvent:
    """An outgoing call's INVITE is about to be sent (posted before any other event of it)."""

    key: str


@dataclass(frozen=True, slots=True)
class MediaEvent:
    key: str
    status: int  # PJSUA_CALL_MEDIA_*
    early: bool


@dataclass(frozen=True, slots=True)
class IncomingEvent:
    key: str
    remote_uri: str
    busy: bool  # refused with 486 because another call is running
    at: datetime


@dataclass(frozen=True, slots=True)
class DtmfEvent:
    key: str
    digit: str


@dataclass(frozen=True, slots=True)
class TransferEvent:
    key: str
    status: int  # final status of the transfer target's call (NOTIFY sipfrag)


Event = (
    RegEvent | CallStateEvent | PlacedEvent | MediaEvent | IncomingEvent | DtmfEvent | TransferEvent
)


@dataclass(frozen=True, slots=True)
class RtpStats:
    """RTP packet counters of a call's audio stream."""

    rx_packets: int
    tx_packets: int
    rx_lost: int
    codec: str
