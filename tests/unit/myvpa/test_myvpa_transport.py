"""Retries with backoff on network errors and 5xx, never on 4xx; bodies are bounded.

Against a real HTTP server on loopback that answers what each test scripts.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from tests.fixtures.http_server import (
    Answer,
    ScriptedServer,
    clear_proxy_environment,
    json_answer,
    problem,
)
from vpaphone import __version__
from vpaphone.myvpa.errors import (
    ApiError,
    ContractViolationError,
    InvalidCredentialsError,
    ServerUnreachableError,
)
from vpaphone.myvpa.transport import Transport, TransportConfig

TOKENS = {
    "access_token": "a" * 20,
    "refresh_token": "r" * 20,
    "token_type": "Bearer",
    "expires_in": 900,
}
SIGN_IN = {"username": "demo", "password": "demo"}
PROFILE = {"id": "demo", "name": "Dana", "role": "backoffice", "individual_number": None}


_OPENED: list[Transport] = []


@pytest.fixture(autouse=True)
def _close_transports() -> Iterator[None]:
    yield
    while _OPENED:
        _OPENED.pop().close()


@pytest.fixture
def scripted_server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as server:
        yield server
    assert server.unscripted == 0, "the client sent more requests than the test scripted"


def _transport(
    server: ScriptedServer, answers: list[Answer], **options: object
) -> tuple[Transport, list[float]]:
    server.script(*answers)
    sleeps: list[float] = []
    settings: dict[str, object] = {"retries": 3, "backoff": 0.5, "allow_http_loopback": True}
    settings.update(options)
    config = TransportConfig(server.base_url, **settings)  # type: ignore[arg-type]
    transport = Transport(config, sleep=sleeps.append)
    _OPENED.append(transport)
    return transport, sleeps


def test_network_errors_and_5xx_are_retried_with_growing_backoff(
    scripted_server: ScriptedServer,
) -> None:
    answers = [
        Answer(drop=True),  # the connection breaks before an answer
        problem(503, "unavailable"),
        Answer(delay=3.0),  # slower than the read timeout
        json_answer(200, TOKENS),
    ]
    transport, sleeps = _transport(scripted_server, answers, read_timeout=0.3)
    reply = transport.send("signIn", body=SIGN_IN)
    assert reply.data["token_type"] == "Bearer"
    assert len(scripted_server.seen) == 4
    assert sleeps == [0.5, 1.0, 2.0]


def test_gives_up_after_the_retries(scripted_server: ScriptedServer) -> None:
    transport, sleeps = _transport(scripted_server, [Answer(drop=True)] * 4)
    with pytest.raises(ServerUnreachableError, match="cannot be reached") as caught:
        transport.send("signIn", body=SIGN_IN)
    assert caught.value.code == "network"
    assert len(scripted_server.seen) == 4  # each on a fresh connection: no silent extra resend
    assert sleeps == [0.5, 1.0, 2.0]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_refused_connection_is_retried_then_reported_without_the_address() -> None:
    sleeps: list[float] = []
    config = TransportConfig(
        f"http://127.0.0.1:{_closed_port()}/api/v1?key=secret-query", allow_http_loopback=True
    )
    transport = Transport(config, sleep=sleeps.append)
    with pytest.raises(ServerUnreachableError, match="cannot be reached") as caught:
        transport.send("getProfile", token="tok-" + "y" * 30)
    assert caught.value.code == "network"
    assert sleeps == [0.5, 1.0, 2.0]
    for secret in ("127.0.0.1", "secret-query", "tok-"):
        assert secret not in str(caught.value)


@pytest.fixture
def hang_up_server() -> Iterator[int]:
    """Accepts TCP connections, reads what comes, and hangs up (as some firewalls do)."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                peer, _ = listener.accept()
            except TimeoutError:
                continue
            with peer:
                peer.settimeout(2)
                with contextlib.suppress(OSError):
                    peer.recv(65536)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()


def test_hang_up_during_the_tls_handshake_is_a_network_failure(hang_up_server: int) -> None:
    sleeps: list[float] = []
    transport = Transport(
        TransportConfig(f"https://127.0.0.1:{hang_up_server}/api/v1"), sleep=sleeps.append
    )
    with pytest.raises(ServerUnreachableError, match="cannot be reached") as caught:
        transport.send("getProfile", token="t" * 20)
    assert caught.value.code == "network"  # not "certificate could not be verified"
    assert sleeps == [0.5, 1.0, 2.0]


def test_a_server_without_tls_is_a_tls_failure(scripted_server: ScriptedServer) -> None:
    https_url = scripted_server.base_url.replace("http://", "https://")
    sleeps: list[float] = []
    transport = Transport(TransportConfig(https_url), sleep=sleeps.append)
    with pytest.raises(ServerUnreachableError) as caught:
        transport.send("getProfile", token="t" * 20)
    assert caught.value.code == "tls"
    assert sleeps == []  # not retried
    assert scripted_server.seen == []


@pytest.fixture
def full_backlog() -> Iterator[int]:
    """A port whose accept queue is full: a connect to it hangs until it times out."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    waiting = []
    for _ in range(4):
        sock = socket.socket()
        sock.setblocking(False)
        sock.connect_ex(("127.0.0.1", port))
        waiting.append(sock)
    try:
        yield port
    finally:
        for sock in waiting:
            sock.close()
        listener.close()


def test_connect_timeout_applies_to_the_connection(full_backlog: int) -> None:
    config = TransportConfig(
        f"http://127.0.0.1:{full_backlog}/api/v1",
        connect_timeout=0.3,
        read_timeout=60,
        retries=0,
        allow_http_loopback=True,
    )
    started = time.monotonic()
    with pytest.raises(ServerUnreachableError, match="TimeoutError"):
        Transport(config).send("getProfile", token="t" * 20)
    assert time.monotonic() - started < 10  # the 60 s read timeout did not apply


def test_read_timeout_applies_to_a_slow_answer(scripted_server: ScriptedServer) -> None:
    transport, _ = _transport(
        scripted_server, [Answer(delay=5.0)], retries=0, connect_timeout=60, read_timeout=0.3
    )
    started = time.monotonic()
    with pytest.raises(ServerUnreachableError, match="TimeoutError"):
        transport.send("getProfile", token="t" * 20)
    assert time.monotonic() - started < 4  # gave up long before the answer came


@pytest.mark.parametrize(
    ("status", "code", "error"),
    [
        (401, "invalid_credentials", InvalidCredentialsError),
        (400, "invalid_request", ApiError),
        (429, "rate_limited", ApiError),
    ],
)
def test_4xx_is_never_retried(
    scripted_server: ScriptedServer, status: int, code: str, error: type[Exception]
) -> None:
    transport, sleeps = _transport(scripted_server, [problem(status, code)])
    with pytest.raises(error):
        transport.send("signIn", body=SIGN_IN)
    assert len(scripted_server.seen) == 1
    assert sleeps == []


def test_oversized_and_non_json_bodies_are_rejected(scripted_server: ScriptedServer) -> None:
    huge = Answer(200, b"[" * (3 * 1024 * 1024), content_type=None)
    huge_chunked = Answer(200, b"[" * (3 * 1024 * 1024), chunked=True)  # no length announced
    html = Answer(200, b"<html>", "text/html")
    transport, _ = _transport(scripted_server, [huge, huge_chunked, html, json_answer(200, TOKENS)])
    with pytest.raises(ContractViolationError, match="oversized"):
        transport.send("signIn", body=SIGN_IN)
    with pytest.raises(ContractViolationError, match="oversized"):
        transport.send("signIn", body=SIGN_IN)
    with pytest.raises(ContractViolationError, match="not JSON"):
        transport.send("signIn", body=SIGN_IN)
    # the cut-off connections were replaced: the transport still works
    assert transport.send("signIn", body=SIGN_IN).data["token_type"] == "Bearer"
    assert len(scripted_server.seen) == 4  # a contract violation is never retried


def test_redirects_are_not_followed(scripted_server: ScriptedServer) -> None:
    moved = Answer(302, content_type=None, headers=(("Location", "http://evil.test/"),))
    transport, _ = _transport(scripted_server, [moved])
    with pytest.raises(ContractViolationError, match="redirect"):
        transport.send("signIn", body=SIGN_IN)
    assert len(scripted_server.seen) == 1


def test_bearer_token_is_sent_but_never_in_errors(scripted_server: ScriptedServer) -> None:
    transport, _ = _transport(scripted_server, [problem(500, "server_error")] * 4)
    with pytest.raises(ServerUnreachableError) as caught:
        transport.send("getProfile", token="tok-" + "x" * 30)
    assert scripted_server.seen[0].headers["authorization"] == "Bearer tok-" + "x" * 30
    assert "tok-" not in str(caught.value)


def test_html_error_pages_still_give_the_right_error(scripted_server: ScriptedServer) -> None:
    page = Answer(502, b"<html>Bad gateway</html>", "text/html")
    transport, _ = _transport(scripted_server, [page] * 4)
    with pytest.raises(ServerUnreachableError, match="HTTP 502"):
        transport.send("getProfile", token="t" * 20)
    assert len(scripted_server.seen) == 4
    forbidden = Answer(403, b"<html>no</html>", "text/html")
    scripted_server.forget()
    transport, _ = _transport(scripted_server, [forbidden])
    with pytest.raises(ApiError) as caught:
        transport.send("getProfile", token="t" * 20)
    assert caught.value.status == 403
    assert len(scripted_server.seen) == 1


def test_request_carries_path_headers_and_json_body(scripted_server: ScriptedServer) -> None:
    transport, _ = _transport(scripted_server, [json_answer(200, TOKENS)])
    transport.send("signIn", body=SIGN_IN)
    (request,) = scripted_server.seen
    assert (request.method, request.path) == ("POST", "/api/v1/auth/sign-in")
    assert request.headers["user-agent"] == f"vpaphone/{__version__}"
    assert request.headers["accept"] == "application/json, application/problem+json"
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.body) == SIGN_IN
    assert "authorization" not in request.headers


def test_path_parameters_are_percent_encoded(scripted_server: ScriptedServer) -> None:
    transport, _ = _transport(scripted_server, [problem(404, "not_found")])
    body = {"telephony_area": "sales_de"}
    with pytest.raises(ApiError):
        transport.send("setTaskArea", body=body, token="t" * 20, path_params={"task_id": "T 1ä"})
    assert scripted_server.seen[0].path == "/api/v1/tasks/T%201%C3%A4/telephony-area"


def test_one_connection_is_kept_alive_across_requests(scripted_server: ScriptedServer) -> None:
    answers = [json_answer(200, PROFILE), Answer(204, content_type=None)] * 3
    transport, _ = _transport(scripted_server, answers)
    for _ in range(3):
        assert transport.send("getProfile", token="t" * 20).data["name"] == "Dana"
        transport.send("signOut", body={"refresh_token": "r" * 20}, token="t" * 20)
    assert len(scripted_server.seen) == 6
    assert scripted_server.connections == 1
    transport.close()


def test_chunked_answers_are_read_whole(scripted_server: ScriptedServer) -> None:
    body = b" " * 120_000 + json.dumps(PROFILE).encode()  # several chunks, the JSON at the end
    transport, _ = _transport(scripted_server, [Answer(200, body, chunked=True)] * 2)
    assert transport.send("getProfile", token="t" * 20).data == PROFILE
    assert transport.send("getProfile", token="t" * 20).data == PROFILE
    assert scripted_server.connections == 1


def test_connection_the_server_closed_while_idle_is_replaced(
    scripted_server: ScriptedServer,
) -> None:
    answers = [
        Answer(200, json.dumps(PROFILE).encode(), close_after=True),  # keep-alive timeout
        json_answer(200, PROFILE),
    ]
    transport, sleeps = _transport(scripted_server, answers)
    transport.send("getProfile", token="t" * 20)
    time.sleep(0.05)  # an idle pause, as between two user actions
    assert transport.send("getProfile", token="t" * 20).data["name"] == "Dana"
    assert sleeps == []  # no retry, no backoff: the user notices nothing
    assert [r.connection for r in scripted_server.seen] == [1, 2]


def test_stale_answer_on_an_idle_connection_is_not_taken_for_the_next(
    scripted_server: ScriptedServer,
) -> None:
    """Some servers send "408 Request Timeout" on an idle kept-alive connection, then close it."""
    timeout_408 = b"HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    answers = [
        Answer(200, json.dumps(PROFILE).encode(), unasked=timeout_408),
        json_answer(200, PROFILE),
    ]
    transport, sleeps = _transport(scripted_server, answers)
    transport.send("getProfile", token="t" * 20)
    time.sleep(0.05)  # an idle pause, as between two user actions
    assert transport.send("getProfile", token="t" * 20).data["name"] == "Dana"
    assert sleeps == []
    assert [r.connection for r in scripted_server.seen] == [1, 2]


def test_request_lost_on_a_reused_connection_is_sent_once_more(
    scripted_server: ScriptedServer,
) -> None:
    """The race where the server closes a kept-alive connection just as a request goes out."""
    answers = [json_answer(200, PROFILE), Answer(drop=True), json_answer(200, PROFILE)]
    transport, sleeps = _transport(scripted_server, answers)
    transport.send("getProfile", token="t" * 20)
    assert transport.send("getProfile", token="t" * 20).data["name"] == "Dana"
    assert sleeps == []
    assert [r.connection for r in scripted_server.seen] == [1, 1, 2]


@pytest.mark.parametrize(
    "proxy",
    [
        "https://vpa-alice:hunter2@proxy.test:3128",
        "socks5://vpa-alice:hunter2@proxy.test:1080",
        "http://vpa-alice:hunter2@proxy.test:port",
    ],
)
def test_unusable_proxy_setting_is_refused_without_showing_it(
    monkeypatch: pytest.MonkeyPatch, proxy: str
) -> None:
    clear_proxy_environment(monkeypatch)
    monkeypatch.setenv("HTTPS_PROXY", proxy)
    with pytest.raises(ValueError, match="proxy") as caught:
        Transport(TransportConfig("https://my-vpa.test/api/v1"))
    assert "hunter2" not in str(caught.value)
    assert "vpa-alice" not in str(caught.value)
