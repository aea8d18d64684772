"""Retries with backoff on network errors and 5xx, never on 4xx; bodies are bounded."""

from __future__ import annotations

import json

import httpx
import pytest

from vpaphone.myvpa.errors import (
    ApiError,
    ContractViolationError,
    InvalidCredentialsError,
    ServerUnreachableError,
)
from vpaphone.myvpa.transport import Transport, TransportConfig

URL = "https://my-vpa.test/api/v1"
TOKENS = {
    "access_token": "a" * 20,
    "refresh_token": "r" * 20,
    "token_type": "Bearer",
    "expires_in": 900,
}
SIGN_IN = {"username": "demo", "password": "demo"}


def _problem(status: int, code: str) -> httpx.Response:
    body = {"code": code, "title": code, "status": status}
    return httpx.Response(
        status, content=json.dumps(body), headers={"content-type": "application/problem+json"}
    )


def _transport(answers: list[httpx.Response | Exception], **options: object):  # type: ignore[no-untyped-def]
    calls: list[httpx.Request] = []
    sleeps: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    config = TransportConfig(URL, retries=3, backoff=0.5, **options)  # type: ignore[arg-type]
    transport = Transport(config, http_transport=httpx.MockTransport(handler), sleep=sleeps.append)
    return transport, calls, sleeps


def test_network_errors_and_5xx_are_retried_with_growing_backoff() -> None:
    answers: list[httpx.Response | Exception] = [
        httpx.ConnectError("refused"),
        _problem(503, "unavailable"),
        httpx.ReadTimeout("slow"),
        httpx.Response(200, json=TOKENS),
    ]
    transport, calls, sleeps = _transport(answers)
    reply = transport.send("signIn", body=SIGN_IN)
    assert reply.data["token_type"] == "Bearer"
    assert len(calls) == 4
    assert sleeps == [0.5, 1.0, 2.0]


def test_gives_up_after_the_retries() -> None:
    transport, calls, _ = _transport([httpx.ConnectError("refused")] * 4)
    with pytest.raises(ServerUnreachableError, match="cannot be reached"):
        transport.send("signIn", body=SIGN_IN)
    assert len(calls) == 4


@pytest.mark.parametrize(
    ("status", "code", "error"),
    [
        (401, "invalid_credentials", InvalidCredentialsError),
        (400, "invalid_request", ApiError),
        (429, "rate_limited", ApiError),
    ],
)
def test_4xx_is_never_retried(status: int, code: str, error: type[Exception]) -> None:
    transport, calls, sleeps = _transport([_problem(status, code)])
    with pytest.raises(error):
        transport.send("signIn", body=SIGN_IN)
    assert len(calls) == 1
    assert sleeps == []


def test_oversized_and_non_json_bodies_are_rejected() -> None:
    huge = httpx.Response(200, content=b"[" * (3 * 1024 * 1024))
    transport, _, _ = _transport([huge])
    with pytest.raises(ContractViolationError, match="oversized"):
        transport.send("signIn", body=SIGN_IN)
    html = httpx.Response(200, content=b"<html>", headers={"content-type": "text/html"})
    transport, _, _ = _transport([html])
    with pytest.raises(ContractViolationError, match="not JSON"):
        transport.send("signIn", body=SIGN_IN)


def test_redirects_are_not_followed() -> None:
    moved = httpx.Response(302, headers={"location": "http://evil.test/"})
    transport, calls, _ = _transport([moved])
    with pytest.raises(ContractViolationError, match="redirect"):
        transport.send("signIn", body=SIGN_IN)
    assert len(calls) == 1


def test_bearer_token_is_sent_but_never_in_errors() -> None:
    transport, calls, _ = _transport([_problem(500, "server_error")] * 4)
    with pytest.raises(ServerUnreachableError) as caught:
        transport.send("getProfile", token="tok-" + "x" * 30)
    assert calls[0].headers["authorization"] == "Bearer tok-" + "x" * 30
    assert "tok-" not in str(caught.value)


def test_html_error_pages_still_give_the_right_error() -> None:
    page = httpx.Response(
        502, content=b"<html>Bad gateway</html>", headers={"content-type": "text/html"}
    )
    transport, calls, _ = _transport([page] * 4)
    with pytest.raises(ServerUnreachableError, match="HTTP 502"):
        transport.send("getProfile", token="t" * 20)
    assert len(calls) == 4
    forbidden = httpx.Response(
        403, content=b"<html>no</html>", headers={"content-type": "text/html"}
    )
    transport, calls, _ = _transport([forbidden])
    with pytest.raises(ApiError) as caught:
        transport.send("getProfile", token="t" * 20)
    assert caught.value.status == 403
    assert len(calls) == 1
