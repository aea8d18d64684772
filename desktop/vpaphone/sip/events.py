"""Plain data the engine thread hands to the Qt thread: no pjsua2 objects or integers, no Qt.

pjsua2's integers become the enums below in the engine-thread modules (`calls.py`), so the Qt
side never needs pjsua2 to read an event.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class SipEngineError(RuntimeError):
    """A command could not be carried out (not started, unknown call, pjsua2 error)."""


class InviteState(enum.Enum):
    """A call's INVITE session state (pjsip_inv_state)."""

    NULL = enum.auto()
    CALLING = enum.auto()
    INCOMING = enum.auto()
    EARLY = enum.auto()  # a provisional answer (ringing, early media)
    CONNECTING = enum.auto()
    CONFIRMED = enum.auto()  # answered and acknowledged
    DISCONNECTED = enum.auto()


class MediaStatus(enum.Enum):
    """A call's audio stream (pjsua_call_media_status)."""

    NONE = enum.auto()
    ACTIVE = enum.auto()
    LOCAL_HOLD = enum.auto()  # we put the call on hold
    REMOTE_HOLD = enum.auto()  # the other side did
    ERROR = enum.auto()


class EngineCommand(enum.StrEnum):
    """What the Qt side asked the engine thread to do (for failure reports)."""

    DIAL = "dial"
    HANGUP = "hangup"
    ANSWER = "answer"
    REJECT = "reject"
    MUTE = "mute"
    HOLD = "hold"
    RESUME = "resume"
    DTMF = "dtmf"
    TRANSFER = "transfer"
    NETWORK_REFRESH = "network_refresh"


class FailureCause(enum.StrEnum):
    """Why a command failed; `CommandFailure.detail_code` is the code that goes with it."""

    PEER_REFUSED = "peer_refused"  # the other side answered with an error: the SIP status
    LIBRARY_ERROR = "library_error"  # PJSIP refused the command: its pj_status_t
    NO_SUCH_CALL = "no_such_call"  # the call ended before the command ran: 0
    NO_OUTCOME = "no_outcome"  # the far end never said how it ended (transfer: no final NOTIFY)
    ENGINE_STOPPED = "engine_stopped"  # the engine stopped before the command ran: 0
    INTERNAL = "internal"  # anything else (a bug, logged with its traceback): 0


@dataclass(frozen=True, slots=True)
class CommandFailure:
    """A command from the Qt side that did not take effect. Codes only: the UI words them."""

    call_id: str | None  # None for commands that concern no call (a network refresh)
    command: EngineCommand
    cause: FailureCause
    detail_code: int = 0


# --- events from the engine thread (consumed on the Qt thread) ------------------------------


@dataclass(frozen=True, slots=True)
class TlsRefusedEvent:
    """A TLS connection to the server was dropped: its certificate did not verify."""

    verify_status: int  # pj_ssl_cert_verify_flag_t bits (sip.trust names them)


@dataclass(frozen=True, slots=True)
class RegEvent:
    code: int  # SIP status of the REGISTER's answer (0: none arrived)
    reason: str  # its reason phrase
    active: bool
    started: bool = False  # a REGISTER was just sent (state "registering")


@dataclass(frozen=True, slots=True)
class CallStateEvent:
    key: str
    state: InviteState
    status: int
    heard_from_peer: bool
    at: datetime
    media_failed: bool = False  # answered, but no audio could be agreed (codecs, no stream)
    # refused for its media while SRTP is mandatory: the far end (likely) takes no SRTP
    srtp_refused: bool = False


@dataclass(frozen=True, slots=True)
class MediaEvent:
    key: str
    status: MediaStatus
    early: bool


@dataclass(frozen=True, slots=True)
class IncomingEvent:
    key: str
    remote_uri: str
    busy: bool  # refused with 486: as many calls are running as the phone takes (calls.py)
    at: datetime


@dataclass(frozen=True, slots=True)
class RefusedIncomingEvent:
    """pjsua refused an incoming call before the account saw it: no common media, e.g. plain
    RTP while SRTP is mandatory (488). Recorded as missed, with that status."""

    key: str
    remote_uri: str
    status: int
    at: datetime


@dataclass(frozen=True, slots=True)
class ReplacedEvent:
    """An INVITE with `Replaces` (attended transfer to us) took over call `replaces`."""

    key: str  # the new call
    replaces: str
    remote_uri: str
    at: datetime


@dataclass(frozen=True, slots=True)
class TransferRequestEvent:
    """The far end asked us (REFER) to call `target_uri`; declined in SIP, left to the app."""

    key: str
    target_uri: str


@dataclass(frozen=True, slots=True)
class DtmfEvent:
    key: str
    digit: str


@dataclass(frozen=True, slots=True)
class TransferEvent:
    key: str
    status: int  # final status of the transfer target's call (NOTIFY sipfrag); 0: none came


Event = (
    RegEvent
    | TlsRefusedEvent
    | CallStateEvent
    | MediaEvent
    | IncomingEvent
    | RefusedIncomingEvent
    | ReplacedEvent
    | TransferRequestEvent
    | DtmfEvent
    | TransferEvent
    | CommandFailure
)


@dataclass(frozen=True, slots=True)
class RtpStats:
    """RTP packet counters of a call's audio stream."""

    rx_packets: int
    tx_packets: int
    rx_lost: int
    codec: str
