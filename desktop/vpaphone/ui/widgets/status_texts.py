"""The lower layers' outcomes in the UI language.

The SIP engine, the audio check and the number parser report stable codes (plus English
sentences for logs and diagnostics); this module turns the codes into translated sentences.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from vpaphone.audio.settings import DeviceRole
from vpaphone.core.dialerrors import DialErrorCode, DialInputError
from vpaphone.core.model import EndReason
from vpaphone.core.rules import Language
from vpaphone.sip.reasons import RegistrationState
from vpaphone.ui.widgets.uilang import ui_language

if TYPE_CHECKING:  # vpaphone.audio.status loads Qt Multimedia: types only here
    from vpaphone.audio.status import AudioProblem, AudioStatus


def registration_text(state: RegistrationState, sip_status: int | None) -> str:
    """Why the phone is (not) connected, from the REGISTER outcome's SIP status."""
    if state is RegistrationState.REGISTERED:
        return QCoreApplication.translate("StatusText", "Registered")
    if state is RegistrationState.NOT_REQUIRED:
        return QCoreApplication.translate("StatusText", "Ready (direct calls)")
    if state is RegistrationState.REGISTERING:
        return QCoreApplication.translate("StatusText", "Registering…")
    if state is RegistrationState.UNREGISTERED:
        return QCoreApplication.translate("StatusText", "Not registered")
    if sip_status in (401, 407):
        return QCoreApplication.translate("StatusText", "Wrong username or password")
    if sip_status == 403:
        return QCoreApplication.translate("StatusText", "Forbidden by the server")
    if sip_status == 404:
        return QCoreApplication.translate("StatusText", "Unknown user at this server")
    if sip_status in (None, 0, 408, 502, 503, 504):
        return QCoreApplication.translate("StatusText", "Server unreachable")
    return QCoreApplication.translate("StatusText", "Registration failed (SIP %1)").replace(
        "%1", str(sip_status)
    )


def call_end_text(reason: EndReason | None, *, no_common_media: bool = False) -> str:
    """Why a call ended, as one sentence."""
    if no_common_media:
        return QCoreApplication.translate(
            "StatusText", "The other side offered no audio format this phone supports"
        )
    texts = {
        EndReason.COMPLETED: QCoreApplication.translate("StatusText", "Call ended"),
        EndReason.CANCELLED: QCoreApplication.translate("StatusText", "Call cancelled"),
        EndReason.BUSY: QCoreApplication.translate("StatusText", "The line is busy"),
        EndReason.DECLINED: QCoreApplication.translate("StatusText", "The call was declined"),
        EndReason.NOT_FOUND: QCoreApplication.translate("StatusText", "The number does not exist"),
        EndReason.UNAVAILABLE: QCoreApplication.translate(
            "StatusText", "The number cannot be reached right now"
        ),
        EndReason.NO_ANSWER: QCoreApplication.translate("StatusText", "Nobody answered"),
        EndReason.FORBIDDEN: QCoreApplication.translate(
            "StatusText", "The phone server did not allow this call"
        ),
        EndReason.NETWORK_ERROR: QCoreApplication.translate(
            "StatusText", "The phone server cannot be reached"
        ),
        EndReason.BLOCKED: QCoreApplication.translate("StatusText", "Blocked by the call rules"),
        EndReason.FAILED: QCoreApplication.translate("StatusText", "The call failed"),
        EndReason.INTERRUPTED: QCoreApplication.translate("StatusText", "The call was interrupted"),
        EndReason.MISSED: QCoreApplication.translate("StatusText", "Missed call"),
        EndReason.REJECTED: QCoreApplication.translate("StatusText", "Call rejected"),
    }
    return (
        texts[reason]
        if reason is not None
        else QCoreApplication.translate("StatusText", "Call ended")
    )


def _role_text(role: DeviceRole | None) -> str:
    if role is DeviceRole.MICROPHONE:
        return QCoreApplication.translate(
            "StatusText", "The chosen microphone is not connected; using %1 instead."
        )
    if role is DeviceRole.RINGER:
        return QCoreApplication.translate(
            "StatusText", "The chosen ringer is not connected; using %1 instead."
        )
    return QCoreApplication.translate(
        "StatusText", "The chosen speaker/headset is not connected; using %1 instead."
    )


def audio_problem_text(problem: AudioProblem) -> str:
    from vpaphone.audio.status import ProblemKind  # noqa: PLC0415 - Qt Multimedia: late

    if problem.kind is ProblemKind.NO_DEVICES:
        return QCoreApplication.translate(
            "StatusText",
            "No audio devices found: the sound system (PulseAudio/PipeWire on Linux) may not be "
            "running. Calls can be placed, but nobody will hear anything.",
        )
    if problem.kind is ProblemKind.NO_MICROPHONE:
        return QCoreApplication.translate(
            "StatusText", "No microphone found: the other party will not hear you."
        )
    if problem.kind is ProblemKind.NO_SPEAKER:
        return QCoreApplication.translate(
            "StatusText", "No speaker or headset found: you will not hear the other party."
        )
    return _role_text(problem.role).replace("%1", f"“{problem.fallback or ''}”")


def audio_problems_text(status: AudioStatus) -> str:
    """Every audio problem, one per line, most important first ("" when there is none)."""
    return "\n".join(audio_problem_text(problem) for problem in status.issues)


def dial_error_text(error: DialInputError) -> str:
    """What is wrong with the typed number.

    English shows the parser's own, more specific sentence; other languages get one
    translated sentence per error code.
    """
    if ui_language() is Language.EN:
        return error.message
    texts = {
        DialErrorCode.EMPTY: QCoreApplication.translate("StatusText", "Type a phone number."),
        DialErrorCode.TOO_SHORT: QCoreApplication.translate(
            "StatusText", "Too short for a phone number: is the area code missing?"
        ),
        DialErrorCode.TOO_LONG: QCoreApplication.translate(
            "StatusText", "Too long for a phone number."
        ),
        DialErrorCode.INVALID_COUNTRY_CODE: QCoreApplication.translate(
            "StatusText",
            "There is no country with this code: check the digits after the +, or pick the "
            "destination country.",
        ),
        DialErrorCode.WRONG_COUNTRY: QCoreApplication.translate(
            "StatusText",
            "This is no number of the picked country: pick the right country or type the "
            "number with + and its country code.",
        ),
        DialErrorCode.LETTERS: QCoreApplication.translate(
            "StatusText", "Letters where digits belong: phone numbers are digits only."
        ),
        DialErrorCode.NOT_A_NUMBER: QCoreApplication.translate(
            "StatusText", "There is no such number: check the digits."
        ),
    }
    return texts[error.code]
