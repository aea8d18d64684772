"""How the engine logs what went wrong: as text only, and without personal data.

Used on both threads. No phone numbers (SIP URIs carry them): commands are named by their
`EngineCommand` and the app's call id, failures by their codes.
"""

from __future__ import annotations

import logging
import traceback

from vpaphone.sip.events import CommandFailure, FailureCause, SipEngineError

log = logging.getLogger("vpaphone.sip")


def log_failure(message: str) -> None:
    """Log the exception being handled as text only.

    `log.exception` would keep the traceback — and through its frames the pjsua2 objects of the
    callback — alive in any handler that stores records; destroyed after libDestroy(), pjmedia
    aborts the process (seen: a ToneGenerator kept by pytest's log capture).
    """
    log.error("%s\n%s", message, traceback.format_exc())


def describe(error: BaseException) -> str:
    """pjsua2 errors carry the readable part in `.reason`; str() of them is a SWIG repr."""
    reason = getattr(error, "reason", None)  # pjsua2.Error (this module does not import it)
    return str(reason) if reason is not None else str(error)


def log_command_failure(failure: CommandFailure, detail: str = "") -> None:
    """`detail`: the library's own words for its error code (never request data)."""
    log.warning(
        "%s failed (call %s): %s %d %s",
        failure.command.value,
        failure.call_id or "-",
        failure.cause.value,
        failure.detail_code,
        detail,
    )


class CommandError(SipEngineError):
    """A command failed for a reason with a code (raised on the engine thread)."""

    def __init__(self, cause: FailureCause, code: int = 0, detail: str = "") -> None:
        super().__init__(f"{cause.value} {code} {detail}".strip())
        self.cause = cause
        self.code = code
        self.detail = detail
