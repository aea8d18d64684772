"""HTTPS to my-vpa: verification always on, a deadline per request, retries, and
contract-checked responses.

Retries (with exponential backoff) only for network errors, 5xx and "idempotency key in use": a
4xx is the server's final word. Every attempt of a request, its back-off included, fits in the
request's deadline (`TransportConfig.deadline`). A request that must not take effect twice
carries an `Idempotency-Key`, the same on every repeat. Every body is size-limited, parsed and
validated before anyone sees it. A Transport belongs to one thread (the my-vpa worker) and does
no locking.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from vpaphone import __version__
from vpaphone.myvpa.contract import Contract, load_contract
from vpaphone.myvpa.errors import (
    AccountLockedError,
    ApiError,
    ContractViolationError,
    InvalidCredentialsError,
    MyVpaError,
    ServerUnreachableError,
    SignInRequiredError,
    TlsError,
    TlsProblem,
)
from vpaphone.myvpa.http import (
    NETWORK_ERRORS,
    BodyTooLargeError,
    Connection,
    DeadlineExceededError,
    client_tls_context,
)

log = logging.getLogger(__name__)
JSON_TYPES = ("application/json", "application/problem+json")


class TokenExpiredError(ApiError):
    """The access token expired; the session refreshes it and retries (never shown to users)."""


@dataclass(frozen=True, slots=True)
class TransportConfig:
    base_url: str  # e.g. https://my-vpa.example/api/v1
    ca_bundle: Path | None = None  # company CA bundle, added to the system's trust store
    connect_timeout: float = 5.0
    read_timeout: float = 15.0  # silence allowed between two packets of an answer
    deadline: float = 30.0  # a whole request: every attempt, back-off included, in seconds
    retries: int = 3  # extra attempts after the first, network errors and 5xx only
    backoff: float = 0.5  # seconds before the first retry, doubled each time
    max_body_bytes: int = 2 * 1024 * 1024
    allow_http_loopback: bool = False  # plain HTTP only for the local demo server


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    data: Any  # validated JSON, or None for bodiless replies


def _check_url(config: TransportConfig) -> None:
    parts = urlsplit(config.base_url)
    if parts.scheme == "https":
        return
    if parts.scheme == "http" and config.allow_http_loopback:
        try:
            if ipaddress.ip_address(parts.hostname or "").is_loopback:
                return
        except ValueError:
            pass
    raise ValueError("my-vpa must be reached over https (plain http only for the local demo)")


def _tls_failure(exc: BaseException) -> ssl.SSLError | None:
    seen: BaseException | None = exc
    while seen is not None:
        # A TLS connection cut short (EOF) is a network failure like any other: retried.
        if isinstance(seen, ssl.SSLError) and not isinstance(
            seen, ssl.SSLEOFError | ssl.SSLZeroReturnError
        ):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


# OpenSSL's X509_V_ERR_* codes that are not "no trusted CA vouches for it".
_VERIFY_PROBLEMS = {
    9: TlsProblem.NOT_YET_VALID,  # CERT_NOT_YET_VALID
    10: TlsProblem.EXPIRED,  # CERT_HAS_EXPIRED
    62: TlsProblem.HOSTNAME_MISMATCH,  # HOSTNAME_MISMATCH
    64: TlsProblem.HOSTNAME_MISMATCH,  # IP_ADDRESS_MISMATCH
}
_TLS_MESSAGES = {
    TlsProblem.UNTRUSTED: "The my-vpa server's certificate is not trusted on this computer.",
    TlsProblem.HOSTNAME_MISMATCH: "The my-vpa server's certificate is for another server name.",
    TlsProblem.EXPIRED: "The my-vpa server's certificate has expired.",
    TlsProblem.NOT_YET_VALID: "The my-vpa server's certificate is not valid yet.",
    TlsProblem.HANDSHAKE: "The secure connection to my-vpa failed.",
}


def tls_error(failure: ssl.SSLError, server: str) -> TlsError:
    """The TLS failure as the client reports it; logged with OpenSSL's reason (no secrets)."""
    if isinstance(failure, ssl.SSLCertVerificationError):
        problem = _VERIFY_PROBLEMS.get(failure.verify_code, TlsProblem.UNTRUSTED)
        reason = failure.verify_message
    else:
        problem, reason = TlsProblem.HANDSHAKE, failure.reason or type(failure).__name__
    log.warning("TLS to my-vpa %s refused: %s (%s)", server, problem.value, reason)
    return TlsError(_TLS_MESSAGES[problem], problem)


class Transport:
    def __init__(
        self,
        config: TransportConfig,
        *,
        contract: Contract | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        _check_url(config)
        self.config = config
        self.contract = contract or load_contract()
        self._sleep = sleep
        tls = None
        if urlsplit(config.base_url).scheme == "https":
            tls = client_tls_context(config.ca_bundle)
        self._connection = Connection(
            config.base_url,
            tls=tls,
            connect_timeout=config.connect_timeout,
            read_timeout=config.read_timeout,
            max_body_bytes=config.max_body_bytes,
        )

    def close(self) -> None:
        self._connection.close()

    def send(
        self,
        operation_id: str,
        *,
        body: object = None,
        token: str | None = None,
        path_params: dict[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> Reply:
        """Perform an operation of the contract; raise a MyVpaError subclass on any failure.

        `idempotency_key` goes out with every attempt: the server acts once however many of
        them reach it (see the contract's IdempotencyKey).
        """
        operation = self.contract.operations[operation_id]
        url = operation.url_path(**(path_params or {}))
        headers = {"Accept": ", ".join(JSON_TYPES)}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        deadline = time.monotonic() + self.config.deadline
        delay = self.config.backoff
        for attempt in range(self.config.retries + 1):
            last = attempt == self.config.retries
            try:
                status, content_type, raw = self._exchange(
                    operation.method, url, headers, body, deadline
                )
            except DeadlineExceededError:
                raise self._deadline_error(operation_id) from None
            except NETWORK_ERRORS as exc:
                failure = _tls_failure(exc)
                if failure is not None:
                    raise tls_error(failure, urlsplit(self.config.base_url).netloc) from None
                if last:
                    raise ServerUnreachableError(
                        f"my-vpa cannot be reached ({type(exc).__name__}). "
                        "Check the internet connection and try again.",
                        code="network",
                    ) from None
                log.info("my-vpa %s: %s, retrying", operation_id, type(exc).__name__)
            else:
                if last or not _worth_repeating(status, content_type, raw):
                    return self._reply(operation_id, status, content_type, raw)
                log.info("my-vpa %s: HTTP %d, retrying", operation_id, status)
            pause = min(delay, deadline - time.monotonic())
            if pause <= 0:
                raise self._deadline_error(operation_id)
            self._sleep(pause)
            delay *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    def _deadline_error(self, operation_id: str) -> ServerUnreachableError:
        seconds = self.config.deadline
        log.warning("my-vpa %s: no complete answer within %.0f s", operation_id, seconds)
        return ServerUnreachableError(
            f"my-vpa did not answer within {seconds:.0f} s. Please try again later.",
            code="deadline",
        )

    def _exchange(
        self, method: str, url: str, headers: dict[str, str], body: object, deadline: float
    ) -> tuple[int, str, bytes]:
        content = None if body is None else json.dumps(body).encode()
        headers = {**headers, "User-Agent": f"vpaphone/{__version__}"}
        if content is not None:
            headers["Content-Type"] = "application/json"
        try:
            response = self._connection.request(method, url, headers, content, deadline)
        except BodyTooLargeError:
            raise ContractViolationError(
                "my-vpa sent an oversized response", code="contract_violation"
            ) from None
        return response.status, response.content_type, response.body

    def _reply(self, operation_id: str, status: int, content_type: str, raw: bytes) -> Reply:
        what = f"my-vpa's answer to {operation_id} (HTTP {status})"
        pointer = self.contract.schema_pointer(operation_id, status)
        if 200 <= status < 300 and not self.contract.is_documented(operation_id, status):
            raise ContractViolationError(
                f"{what} is not in the contract", code="contract_violation"
            )
        if pointer is None and status < 300:
            return Reply(status, None)
        if status >= 300:  # an error page need not be JSON (e.g. a proxy's 502 in HTML)
            try:
                problem = _parse_json(raw, content_type, what)
            except ContractViolationError:
                problem = None
            raise _problem_error(self.contract, status, problem, what)
        data = _parse_json(raw, content_type, what)
        assert pointer is not None
        self.contract.check(pointer, data, what)
        return Reply(status, data)


def _worth_repeating(status: int, content_type: str, raw: bytes) -> bool:
    """5xx, and 409 "idempotency key in use" (the first attempt is still being processed)."""
    if status >= 500:
        return True
    if status != 409 or content_type != "application/problem+json":
        return False
    try:
        problem = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(problem, dict) and problem.get("code") == "idempotency_key_in_use"


def _parse_json(raw: bytes, content_type: str, what: str) -> Any:
    if content_type not in JSON_TYPES:
        raise ContractViolationError(f"{what} is not JSON", code="contract_violation")
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise ContractViolationError(
            f"{what} is not valid JSON", code="contract_violation"
        ) from None


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")  # NaN / Infinity: Python accepts them, JSON does not


def _problem_error(contract: Contract, status: int, data: Any, what: str) -> MyVpaError:
    if 300 <= status < 400:
        return ContractViolationError(
            f"{what}: redirects are not allowed", code="contract_violation"
        )
    problem_ok = not contract.errors("/components/schemas/Problem", data)
    code = data["code"] if problem_ok else ""
    if status >= 500:
        return ServerUnreachableError(
            f"my-vpa has a problem right now (HTTP {status}). Please try again later.",
            code=code or "server_error",
        )
    if code == "invalid_credentials":
        return InvalidCredentialsError("Wrong user name or password.", code=code)
    if code == "account_locked":
        return AccountLockedError(
            "Your my-vpa account is locked. Please contact the my-vpa admin team.", code=code
        )
    if code == "token_expired":
        return TokenExpiredError("The session expired.", code=code, status=status)
    if code in ("refresh_invalid", "token_invalid") or status == 401:
        return SignInRequiredError("Please sign in to my-vpa again.", code=code or "unauthorized")
    return ApiError(
        f"my-vpa refused the request (HTTP {status}, {code or 'no code'}).",
        code=code or "http_error",
        status=status,
    )
