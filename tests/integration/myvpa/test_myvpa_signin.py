"""Sign-in outcomes each get their own message; expired tokens are refreshed silently."""

from __future__ import annotations

import pytest

from tests.fixtures.demo_server import transport_for
from vpaphone.demo.server import DemoServer, DemoState
from vpaphone.myvpa.client import MyVpaClient
from vpaphone.myvpa.errors import (
    AccountLockedError,
    InvalidCredentialsError,
    MyVpaError,
    ServerUnreachableError,
    SignInRequiredError,
)
from vpaphone.myvpa.keychain import Keychain
from vpaphone.myvpa.session import Session
from vpaphone.myvpa.transport import Transport, TransportConfig


def _session(server: DemoServer, keychain: Keychain) -> Session:
    return Session(transport_for(server), keychain)


def _sign_in_error(session: Session, user: str, password: str) -> MyVpaError:
    with pytest.raises(MyVpaError) as caught:
        session.sign_in(user, password)
    return caught.value


def test_right_password_signs_in(demo_server: DemoServer, no_keychain: Keychain) -> None:
    session = _session(demo_server, no_keychain)
    session.sign_in("demo", "demo")
    assert session.signed_in
    assert MyVpaClient(session).profile().name == "Dana Demo"


def test_each_failure_has_its_own_error_and_message(
    demo_server: DemoServer, no_keychain: Keychain
) -> None:
    session = _session(demo_server, no_keychain)
    wrong = _sign_in_error(session, "demo", "not-the-password")
    locked = _sign_in_error(session, "locked", "demo")
    unknown_user = _sign_in_error(session, "nobody", "demo")
    demo_server.stop()
    down = _sign_in_error(session, "demo", "demo")

    assert isinstance(wrong, InvalidCredentialsError)
    assert isinstance(unknown_user, InvalidCredentialsError)  # no hint which of the two is wrong
    assert isinstance(locked, AccountLockedError)
    assert isinstance(down, ServerUnreachableError)
    assert "Wrong user name or password" in wrong.message
    assert "locked" in locked.message
    assert "admin team" in locked.message
    assert "cannot be reached" in down.message
    assert len({wrong.message, locked.message, down.message}) == 3
    assert not session.signed_in
    # the password never shows up in what the user (or a log) gets to see
    for error in (wrong, locked, down):
        assert "not-the-password" not in str(error)


def test_server_down_is_retried_then_reported(
    demo_server: DemoServer, no_keychain: Keychain
) -> None:
    demo_server.state.fail("signIn", 503, 503)
    session = _session(demo_server, no_keychain)
    session.sign_in("demo", "demo")  # two 5xx, then success on the third attempt (retries=2)
    assert demo_server.state.requests.count("signIn") == 3

    demo_server.state.fail("signIn", 503, 503, 503)
    error = _sign_in_error(session, "demo", "demo")
    assert isinstance(error, ServerUnreachableError)
    assert "HTTP 503" in error.message


def test_wrong_password_is_not_retried(demo_server: DemoServer, no_keychain: Keychain) -> None:
    session = _session(demo_server, no_keychain)
    _sign_in_error(session, "demo", "wrong")
    assert demo_server.state.requests.count("signIn") == 1


def test_untrusted_certificate_is_refused(demo_server: DemoServer, no_keychain: Keychain) -> None:
    # The system trust store does not know the test CA: verification must fail, not be skipped.
    transport = Transport(TransportConfig(demo_server.base_url, retries=0))
    error = _sign_in_error(Session(transport, no_keychain), "demo", "demo")
    assert isinstance(error, ServerUnreachableError)
    assert error.code == "tls"
    assert "certificate" in error.message
    assert "signIn" not in demo_server.state.requests


def test_plain_http_only_for_the_loopback_demo(no_keychain: Keychain) -> None:
    with pytest.raises(ValueError, match="https"):
        Transport(TransportConfig("http://my-vpa.example/api/v1", allow_http_loopback=True))
    with pytest.raises(ValueError, match="https"):
        Transport(TransportConfig("http://127.0.0.1:1/api/v1"))
    with DemoServer(DemoState()) as plain:
        transport = Transport(TransportConfig(plain.base_url, allow_http_loopback=True))
        session = Session(transport, no_keychain)
        session.sign_in("demo", "demo")
        assert MyVpaClient(session).profile().role.value == "backoffice"


def test_token_expiry_mid_session_is_refreshed_silently(
    demo_server: DemoServer, no_keychain: Keychain
) -> None:
    session = _session(demo_server, no_keychain)
    session.sign_in("demo", "demo")
    client = MyVpaClient(session)
    before = client.active_tasks()
    old_refresh_tokens = set(demo_server.state.refresh_tokens)

    demo_server.state.expire_access_tokens()
    after = client.active_tasks()  # no exception, no user action

    assert [t.id for t in after] == [t.id for t in before]
    assert demo_server.state.requests.count("refreshTokens") == 1
    assert demo_server.state.requests[-3:] == [
        "listActiveTasks",
        "refreshTokens",
        "listActiveTasks",
    ]
    assert not old_refresh_tokens & set(demo_server.state.refresh_tokens)  # rotated
    client.profile()
    assert demo_server.state.requests.count("refreshTokens") == 1  # new token is used


def test_ended_session_asks_to_sign_in_again(
    demo_server: DemoServer, no_keychain: Keychain
) -> None:
    session = _session(demo_server, no_keychain)
    session.sign_in("demo", "demo")
    with demo_server.state.lock:  # e.g. the VPA signed out everywhere on my-vpa
        demo_server.state.refresh_tokens.clear()
    demo_server.state.expire_access_tokens()
    with pytest.raises(SignInRequiredError, match="sign in"):
        MyVpaClient(session).profile()
    assert not session.signed_in
