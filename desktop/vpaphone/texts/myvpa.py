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
