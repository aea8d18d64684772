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
    """Network error, timeout, TLS failure, or the server kept failing (5xx) after retries.

    `code`: "network", "deadline" (no complete answer within the request's deadline), "tls"
    (see TlsError), or the server's problem code for a 5xx.
    """


class TlsProblem(enum.StrEnum):
    """Why the TLS connection to my-vpa was refused (the UI and the log name it)."""

    UNTRUSTED = "untrusted"  # no trusted CA vouches for the certificate (or self-signed)
    HOSTNAME_MISMATCH = "hostname_mismatch"  # the certificate is for another name/address
    EXPIRED = "expired"  # the certificate's validity has ended
    NOT_YET_VALID = "not_yet_valid"  # starts in the future (often: the computer's clock)
    HANDSHAKE = "handshake"  # no common protocol/cipher, or another TLS failure


class TlsError(ServerUnreachableError):
    """The TLS connection to my-vpa failed; `problem` says why. Never retried."""

    def __init__(self, message: str, problem: TlsProblem) -> None:
        super().__init__(message, code="tls")
        self.problem = problem


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
    """my-vpa is unreachable and the cached data is older than the server allows.

    `cause` is why my-vpa could not be reached (e.g. a TlsError: not a network problem).
    """

    def __init__(
        self, message: str, *, code: str = "", cause: ServerUnreachableError | None = None
    ) -> None:
        super().__init__(message, code=code)
        self.cause = cause


class KeychainProblem(enum.StrEnum):
    """Why the keychain cannot keep secrets (the UI says so on the sign-in screen)."""

    NO_KEYCHAIN = "no_keychain"  # no backend at all (no desktop session, no Secret Service)
    LOCKED = "locked"  # locked, and nobody can unlock it now
    UNUSABLE = "unusable"  # any other keyring error
