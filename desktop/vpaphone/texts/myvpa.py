"""my-vpa outcomes as the VPA reads them: why signing in failed, why nothing is remembered."""

from __future__ import annotations

from vpaphone.myvpa.errors import (
    AccountLockedError,
    ContractViolationError,
    InvalidCredentialsError,
    KeychainProblem,
    OfflineDataExpiredError,
    ServerUnreachableError,
    SignInRequiredError,
    TlsError,
    TlsProblem,
)
from vpaphone.texts.translate import fill, translate


def sign_in_failure_text(exc: BaseException, server: str) -> str:
    """Why signing in failed, in words the VPA can act on."""
    if isinstance(exc, InvalidCredentialsError):
        return translate(
            "SignInPage", "Wrong user name or password. Use the same password as in the my-vpa app."
        )
    if isinstance(exc, AccountLockedError):
        return translate(
            "SignInPage", "Your my-vpa account is locked. Please contact the admin team."
        )
    cause = exc.cause if isinstance(exc, OfflineDataExpiredError) else None
    if cause is not None and (isinstance(cause, TlsError) or cause.code == "deadline"):
        return sign_in_failure_text(cause, server)  # not "check your internet connection"
    if isinstance(exc, TlsError):
        return fill(
            translate(
                "SignInPage",
                "my-vpa (%1) refused a secure connection: %2 This is not a problem of your "
                "internet connection; please tell IT.",
            ),
            server,
            tls_problem_text(exc.problem),
        )
    if isinstance(exc, ServerUnreachableError) and exc.code == "deadline":
        return fill(
            translate("SignInPage", "my-vpa (%1) did not answer in time. Please try again later."),
            server,
        )
    if isinstance(exc, OfflineDataExpiredError):
        return translate(
            "SignInPage",
            "my-vpa cannot be reached and no recent data is stored on this computer. "
            "Check your internet connection and try again.",
        )
    if isinstance(exc, ServerUnreachableError):
        return fill(
            translate(
                "SignInPage",
                "my-vpa cannot be reached (%1). Check your internet connection and try again.",
            ),
            server,
        )
    if isinstance(exc, SignInRequiredError):
        return translate("SignInPage", "Your my-vpa session has ended. Please sign in again.")
    if isinstance(exc, ContractViolationError):
        return translate(
            "SignInPage",
            "my-vpa sent an answer the softphone cannot use. Please try again later; "
            "if it persists, send the output of “vpaphone diagnose” to IT.",
        )
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return fill(translate("SignInPage", "Sign-in failed: %1"), message)


def keychain_problem_text(problem: KeychainProblem) -> str:
    if problem is KeychainProblem.NO_KEYCHAIN:
        return translate(
            "SignInPage",
            "No system keychain is available, so nothing can be remembered: "
            "you will be asked for your my-vpa password at every start.",
        )
    if problem is KeychainProblem.LOCKED:
        return translate(
            "SignInPage",
            "The system keychain is locked, so nothing can be remembered: "
            "you will be asked for your my-vpa password at every start.",
        )
    return translate(
        "SignInPage",
        "The system keychain cannot be used, so nothing can be remembered: "
        "you will be asked for your my-vpa password at every start.",
    )


def tls_problem_text(problem: TlsProblem | None) -> str:
    """Why the TLS connection to my-vpa was refused, as a sentence ending in a full stop."""
    if problem is TlsProblem.UNTRUSTED:
        return translate("SignInPage", "the server's certificate is not trusted on this computer.")
    if problem is TlsProblem.HOSTNAME_MISMATCH:
        return translate("SignInPage", "the server's certificate is for another server name.")
    if problem is TlsProblem.EXPIRED:
        return translate("SignInPage", "the server's certificate has expired.")
    if problem is TlsProblem.NOT_YET_VALID:
        return translate(
            "SignInPage",
            "the server's certificate is not valid yet (check this computer's date and time).",
        )
    return translate("SignInPage", "no secure connection could be agreed with the server.")


def refusal_text(code: str) -> str:
    """my-vpa's reason for not accepting a record (an upload problem code)."""
    if code == "unknown_task":
        return translate("RecordStatus", "the task is not active on my-vpa")
    if code == "invalid_record":
        return translate("RecordStatus", "my-vpa found the record invalid")
    return fill(translate("RecordStatus", "my-vpa's reason: %1"), code)
