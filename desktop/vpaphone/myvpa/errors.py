"""Errors of the my-vpa client. Each carries a message fit for the user and no secrets.

Exception texts never contain tokens, passwords or payload contents: they end up in logs.
"""

from __future__ import annotations

import enum


class MyVpaError(Exception):
    """Base class: anything that went wrong talking to my-vpa."""

    def __init__(self, message: str, *, code: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class ServerUnreachableError(MyVpaError):
    """Network error, timeout, TLS failure, or the server kept failing (5xx) after retries."""


class InvalidCredentialsError(MyVpaError):
    """Wrong user name or password."""


class AccountLockedError(MyVpaError):
    """The my-vpa account is locked; only the admin team can unlock it."""


class SignInRequiredError(MyVpaError):
    """No session, or the session can no longer be refreshed: the user must sign in again."""


class ContractViolationError(MyVpaError):
    """The server answered something the contract does not allow; nothing of it was used."""


class ApiError(MyVpaError):
    """The server refused a request with a problem response (4xx) not covered above."""

    def __init__(self, message: str, *, code: str, status: int) -> None:
        super().__init__(message, code=code)
        self.status = status


class OfflineDataExpiredError(MyVpaError):
    """my-vpa is unreachable and the cached data is older than the server allows."""


class KeychainProblem(enum.StrEnum):
    """Why the keychain cannot keep secrets (the UI says so on the sign-in screen)."""

    NO_KEYCHAIN = "no_keychain"  # no backend at all (no desktop session, no Secret Service)
    LOCKED = "locked"  # locked, and nobody can unlock it now
    UNUSABLE = "unusable"  # any other keyring error
