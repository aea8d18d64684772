"""SIP status codes → outcome codes (call end reasons, registration state); the UI words them."""

from __future__ import annotations

import enum

from vpaphone.core.model import CallDirection, EndReason


class RegistrationState(enum.StrEnum):
    UNREGISTERED = "unregistered"
    REGISTERING = "registering"
    REGISTERED = "registered"
    FAILED = "failed"
    NOT_REQUIRED = "not_required"  # peer-to-peer account (demo): ready without a registrar


class LocalEnd(enum.Enum):
    """Who ended a call on this side, when it was not the remote party."""

    NONE = enum.auto()
    HANGUP = enum.auto()  # the user hung up (before answer: cancelled)
    RING_TIMEOUT = enum.auto()  # nobody answered within the ring timeout
    REJECT = enum.auto()  # the user rejected an incoming call
    BUSY_HERE = enum.auto()  # incoming call refused with 486 because a call is running
    NO_COMMON_MEDIA = enum.auto()  # answered, but no audio format could be agreed


_STATUS_REASONS: dict[int, EndReason] = {
    486: EndReason.BUSY,
    600: EndReason.BUSY,
    603: EndReason.DECLINED,
    404: EndReason.NOT_FOUND,
    410: EndReason.NOT_FOUND,
    484: EndReason.NOT_FOUND,
    604: EndReason.NOT_FOUND,
    480: EndReason.UNAVAILABLE,
    500: EndReason.UNAVAILABLE,  # a proxy turns a callee's 503 into 500 (RFC 3261 16.7)
    502: EndReason.UNAVAILABLE,
    503: EndReason.UNAVAILABLE,
    504: EndReason.UNAVAILABLE,
    408: EndReason.NO_ANSWER,
    487: EndReason.CANCELLED,
    401: EndReason.FORBIDDEN,
    403: EndReason.FORBIDDEN,
    407: EndReason.FORBIDDEN,
}


def end_reason(
    direction: CallDirection,
    answered: bool,
    status: int,
    local: LocalEnd,
    heard_from_peer: bool,
) -> EndReason:
    """Why a call ended.

    `heard_from_peer` says whether any SIP response arrived from the network for the INVITE:
    a 408/503 that pjsip made up itself (no answer at all, transport failure) is a network
    error, not a statement of the far end.
    """
    if local is LocalEnd.NO_COMMON_MEDIA:
        return EndReason.FAILED
    if answered:
        return EndReason.COMPLETED
    if direction is CallDirection.INCOMING:
        return EndReason.REJECTED if local is LocalEnd.REJECT else EndReason.MISSED
    if local is LocalEnd.HANGUP:
        return EndReason.CANCELLED
    if local is LocalEnd.RING_TIMEOUT:
        return EndReason.NO_ANSWER
    if not heard_from_peer and status in (0, 408, 500, 502, 503, 504):
        return EndReason.NETWORK_ERROR
    return _STATUS_REASONS.get(status, EndReason.FAILED)


def registration_state(code: int, active: bool) -> RegistrationState:
    """The state after a REGISTER's answer (`code` its SIP status, 0 when none arrived;
    `active` whether pjsua holds a registration now: a 2xx to an un-REGISTER leaves none)."""
    if 200 <= code < 300:
        return RegistrationState.REGISTERED if active else RegistrationState.UNREGISTERED
    return RegistrationState.FAILED
