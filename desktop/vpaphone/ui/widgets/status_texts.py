"""The lower layers' outcomes in the UI language.

The SIP engine, the audio check and the number parser report stable codes (plus English
sentences for logs and diagnostics); this module turns the codes into translated sentences.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from vpaphone.audio.settings import DeviceRole
from vpaphone.core.dialerrors import DialHint, DialInputError
from vpaphone.core.dialhints import with_article
from vpaphone.core.model import EndReason
from vpaphone.core.rules import Language
from vpaphone.sip.reasons import RegistrationState
from vpaphone.ui.widgets.countries import country_name
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
    """What is wrong with the typed number, as specific as the parser's English sentence.

    %1 is the country the sentence is about (or the characters it quotes), %2 the other
    countries it names. German phrases around articles ("… (Schweiz)", "Land: Frankreich")
    instead of guessing them; English puts "the" before the names that need it.
    """
    others = [_dial_error_place(region) for region in error.regions]
    listed = ", ".join(others[:3]) + (" …" if len(others) > 3 else "")
    first = _dial_error_place(error.region) if error.region else error.detail
    return _fill(_dial_error_template(error), first, listed)


def _dial_error_place(region: str) -> str:
    language = ui_language()
    name = country_name(region, language)
    return with_article(name) if language is Language.EN else name


def _fill(template: str, *args: str) -> str:
    """%1, %2 … replaced in one pass: a quoted "%" of the user's input stays as it is."""
    return re.sub(r"%(\d)", lambda match: args[int(match.group(1)) - 1], template)


def _dial_error_template(error: DialInputError) -> str:
    if error.region is None:  # sentences that may name a country, when there is none to name
        unnamed = {
            DialHint.TOO_LONG: QCoreApplication.translate(
                "StatusText", "Too long for a phone number."
            ),
            DialHint.TOO_SHORT: QCoreApplication.translate(
                "StatusText", "Too short for a phone number."
            ),
            DialHint.AREA_CODE_MISSING: QCoreApplication.translate(
                "StatusText", "Too short for a phone number: is the area code missing?"
            ),
            DialHint.NO_SUCH_NUMBER: QCoreApplication.translate(
                "StatusText", "There is no such number: check the digits."
            ),
        }
        if error.hint in unnamed:
            return unnamed[error.hint]
    if error.hint is DialHint.KEEP_LEADING_ZERO and error.region == "IT":
        return QCoreApplication.translate(
            "StatusText", "Italian landline numbers keep their leading 0."
        )
    texts = {
        DialHint.EMPTY: QCoreApplication.translate("StatusText", "Type a phone number."),
        DialHint.FAR_TOO_LONG: QCoreApplication.translate(
            "StatusText", "That is far too long for a phone number."
        ),
        DialHint.TOO_LONG: QCoreApplication.translate(
            "StatusText", "Too long for a phone number in %1."
        ),
        DialHint.TOO_SHORT: QCoreApplication.translate(
            "StatusText", "Too short for a phone number in %1."
        ),
        DialHint.AREA_CODE_MISSING: QCoreApplication.translate(
            "StatusText", "Too short for a phone number in %1: is the area code missing?"
        ),
        DialHint.COUNTRY_CODE_MISSING: QCoreApplication.translate(
            "StatusText", "Type the country code after the +."
        ),
        DialHint.REST_AFTER_COUNTRY_CODE: QCoreApplication.translate(
            "StatusText", "Type the rest of the number after the country code."
        ),
        DialHint.UNKNOWN_COUNTRY_CODE: QCoreApplication.translate(
            "StatusText", "There is no country with this code: check the digits after the +."
        ),
        DialHint.NO_COUNTRY_PICKED: QCoreApplication.translate(
            "StatusText",
            "Pick the destination country, or type the number with + and its country code.",
        ),
        DialHint.WRONG_COUNTRY: QCoreApplication.translate(
            "StatusText",
            "Not a number in %1, but one in %2: pick that country or dial with its country code.",
        ),
        DialHint.WRONG_COUNTRY_SEVERAL: QCoreApplication.translate(
            "StatusText",
            "Not a number in %1. It would be one in %2: pick the right country or dial with its "
            "country code.",
        ),
        DialHint.LETTERS: QCoreApplication.translate(
            "StatusText",
            "Letters where digits belong: “%1”. Phone words work only after a prefix such as 0800.",
        ),
        DialHint.LETTERS_AFTER_NUMBER: QCoreApplication.translate(
            "StatusText", "Letters where digits belong: phone numbers are digits only."
        ),
        DialHint.TEXT_AFTER_NUMBER: QCoreApplication.translate(
            "StatusText",
            "The text after the number is not part of it: phone numbers are digits only.",
        ),
        DialHint.TEXT_ONLY: QCoreApplication.translate(
            "StatusText", "That is text, not a phone number."
        ),
        DialHint.LOOKALIKE_LETTER: QCoreApplication.translate(
            "StatusText", "“%1” is a letter — numbers use the digits 0–9 only."
        ),
        DialHint.PHONE_WORD: QCoreApplication.translate(
            "StatusText", "These letters do not spell a valid number (phone word)."
        ),
        DialHint.LINK_EXTENSION: QCoreApplication.translate(
            "StatusText", "The link's extension is not a number."
        ),
        DialHint.SIP_ADDRESS: QCoreApplication.translate(
            "StatusText", "This address names a person or device, not a phone number."
        ),
        DialHint.SYMBOL: QCoreApplication.translate(
            "StatusText", "“%1” does not belong in a phone number."
        ),
        DialHint.PLUS_INSIDE: QCoreApplication.translate(
            "StatusText", "A + belongs only at the start, before the country code."
        ),
        DialHint.SEVERAL_NUMBERS: QCoreApplication.translate(
            "StatusText", "Paste one number at a time."
        ),
        DialHint.KEEP_LEADING_ZERO: QCoreApplication.translate(
            "StatusText", "%1 landline numbers keep their leading 0."
        ),
        DialHint.EXTENSION: QCoreApplication.translate(
            "StatusText",
            "Extensions can't be dialled with the number: call the main number and key in the "
            "extension once the call is answered.",
        ),
        DialHint.NO_SUCH_NUMBER: QCoreApplication.translate(
            "StatusText", "There is no such number in %1: check the digits."
        ),
    }
    return texts[error.hint]
