"""How a call ended and whether the phone is connected, as the VPA reads it."""

from __future__ import annotations

from vpaphone.core.model import EndReason
from vpaphone.sip.reasons import RegistrationState
from vpaphone.sip.trust import TlsProblem
from vpaphone.texts.translate import translate


def registration_text(
    state: RegistrationState, sip_status: int | None, tls_problem: TlsProblem | None = None
) -> str:
    """Why the phone is (not) connected, from the REGISTER outcome's SIP status (and the
    refused server certificate, when that was why no answer came)."""
    if state is RegistrationState.REGISTERED:
        return translate("StatusText", "Registered")
    if state is RegistrationState.NOT_REQUIRED:
        return translate("StatusText", "Ready (direct calls)")
    if state is RegistrationState.REGISTERING:
        return translate("StatusText", "Registering…")
    if state is RegistrationState.UNREGISTERED:
        return translate("StatusText", "Not registered")
    if tls_problem is not None:
        return tls_problem_text(tls_problem)
    if sip_status in (401, 407):
        return translate("StatusText", "Wrong username or password")
    if sip_status == 403:
        return translate("StatusText", "Forbidden by the server")
    if sip_status == 404:
        return translate("StatusText", "Unknown user at this server")
    if sip_status in (None, 0, 408, 502, 503, 504):
        return translate("StatusText", "Server unreachable")
    return translate("StatusText", "Registration failed (SIP %1)").replace("%1", str(sip_status))


def tls_problem_text(problem: TlsProblem) -> str:
    texts = {
        TlsProblem.UNTRUSTED: translate(
            "StatusText", "The phone server's certificate is not trusted"
        ),
        TlsProblem.NAME_MISMATCH: translate(
            "StatusText", "The phone server's certificate is for another server name"
        ),
        TlsProblem.EXPIRED: translate(
            "StatusText", "The phone server's certificate has expired or is not yet valid"
        ),
        TlsProblem.INVALID: translate("StatusText", "The phone server's certificate is invalid"),
    }
    return texts[problem]


def call_end_text(
    reason: EndReason | None,
    *,
    no_common_media: bool = False,
    sip_status: int | None = None,
    srtp_refused: bool = False,
) -> str:
    """Why a call ended, as one sentence."""
    if srtp_refused:
        return translate(
            "StatusText",
            "The other side did not accept encrypted audio (SRTP), which your phone requires",
        )
    if no_common_media:
        return translate("StatusText", "The other side offered no audio format this phone supports")
    if reason is EndReason.FAILED and sip_status is not None and 300 <= sip_status < 400:
        # not followed: the new target would be dialled past the call rules
        return translate(
            "StatusText",
            "The other side forwards this call elsewhere: dial the new number yourself",
        )
    texts = {
        EndReason.COMPLETED: translate("StatusText", "Call ended"),
        EndReason.CANCELLED: translate("StatusText", "Call cancelled"),
        EndReason.BUSY: translate("StatusText", "The line is busy"),
        EndReason.DECLINED: translate("StatusText", "The call was declined"),
        EndReason.NOT_FOUND: translate("StatusText", "The number does not exist"),
        EndReason.UNAVAILABLE: translate("StatusText", "The number cannot be reached right now"),
        EndReason.NO_ANSWER: translate("StatusText", "Nobody answered"),
        EndReason.FORBIDDEN: translate("StatusText", "The phone server did not allow this call"),
        EndReason.NETWORK_ERROR: translate("StatusText", "The phone server cannot be reached"),
        EndReason.BLOCKED: translate("StatusText", "Blocked by the call rules"),
        EndReason.FAILED: translate("StatusText", "The call failed"),
        EndReason.INTERRUPTED: translate("StatusText", "The call was interrupted"),
        EndReason.MISSED: translate("StatusText", "Missed call"),
        EndReason.REJECTED: translate("StatusText", "Call rejected"),
    }
    return texts[reason] if reason is not None else translate("StatusText", "Call ended")
