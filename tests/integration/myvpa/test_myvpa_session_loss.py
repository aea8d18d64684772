"""A refresh whose answer is lost must not sign the VPA out (issue 13, failure 5): the repeat
carries the same idempotency key, the server keeps the replaced refresh token usable for a
grace window, and the client keeps its old tokens (keychain included) until new ones arrive."""

from __future__ import annotations

import pytest

from tests.fixtures.demo_server import transport_for
from vpaphone.demo.server import DemoServer, Problem
from vpaphone.myvpa.client import MyVpaClient
from vpaphone.myvpa.errors import ServerUnreachableError, SignInRequiredError
from vpaphone.myvpa.keychain import Keychain
from vpaphone.myvpa.session import Session

pytestmark = pytest.mark.keyring


def _signed_in(server: DemoServer, keychain: Keychain) -> tuple[Session, MyVpaClient]:
    session = Session(transport_for(server, retries=2), keychain)
    session.sign_in("demo", "demo")
    return session, MyVpaClient(session)


def test_one_lost_refresh_answer_keeps_the_session(
    demo_server: DemoServer, secret_service_keychain: Keychain
) -> None:
    session, client = _signed_in(demo_server, secret_service_keychain)
    state = demo_server.state
    state.expire_access_tokens()
    state.lose_replies("refreshTokens", 1)  # processed (rotated!), answer never arrives

    tasks = client.active_tasks()  # the repeat is answered with the pair already issued

    assert tasks
    assert session.signed_in
    assert state.requests.count("refreshTokens") == 2
    stored = secret_service_keychain.load_tokens("demo")
    assert stored is not None
    assert stored.refresh_token in state.refresh_tokens  # the keychain holds the live pair
    client.profile()  # and it keeps working
    assert state.requests.count("refreshTokens") == 2


def test_a_refresh_repeated_after_the_client_gave_up_is_within_the_grace_window(
    demo_server: DemoServer, secret_service_keychain: Keychain
) -> None:
    session, client = _signed_in(demo_server, secret_service_keychain)
    state = demo_server.state
    old = secret_service_keychain.load_tokens("demo")
    state.expire_access_tokens()
    state.lose_replies("refreshTokens", 20)  # every attempt of this request is lost
    with pytest.raises(ServerUnreachableError):
        client.active_tasks()
    state.lost_replies.clear()

    assert session.signed_in  # a network failure is no reason to forget the session
    assert secret_service_keychain.load_tokens("demo") == old  # kept until new ones arrive
    client.active_tasks()  # later: a new request, a new key, the old token — within grace
    assert session.signed_in
    new = secret_service_keychain.load_tokens("demo")
    assert new is not None
    assert new != old
    assert new.refresh_token in state.refresh_tokens


def test_without_the_grace_window_that_repeat_would_end_the_session(
    demo_server: DemoServer, no_keychain: Keychain
) -> None:
    """What the contract's grace window is for: a server without it signs the VPA out."""
    session, client = _signed_in(demo_server, no_keychain)
    demo_server.state.refresh_grace_s = 0
    demo_server.state.expire_access_tokens()
    demo_server.state.lose_replies("refreshTokens", 20)
    with pytest.raises(ServerUnreachableError):
        client.active_tasks()
    demo_server.state.lost_replies.clear()
    with pytest.raises(SignInRequiredError):
        client.active_tasks()
    assert not session.signed_in


def test_the_grace_window_ends_once_the_new_refresh_token_is_used(
    demo_server: DemoServer, no_keychain: Keychain
) -> None:
    _session, client = _signed_in(demo_server, no_keychain)
    state = demo_server.state
    with state.lock:
        (first,) = state.refresh_tokens
    state.expire_access_tokens()
    client.active_tasks()  # first refresh: first -> second
    state.expire_access_tokens()
    client.active_tasks()  # second refresh: second -> third; the first is now worthless
    with state.lock, pytest.raises(Problem) as refused:
        state.refresh({"refresh_token": first})
    assert refused.value.code == "refresh_invalid"


def test_a_revoked_session_is_forgotten_and_asks_for_a_new_sign_in(
    demo_server: DemoServer, secret_service_keychain: Keychain
) -> None:
    session, client = _signed_in(demo_server, secret_service_keychain)
    demo_server.state.revoke_sessions("demo")  # e.g. signed out everywhere on my-vpa
    with pytest.raises(SignInRequiredError):
        client.active_tasks()
    assert not session.signed_in
    assert secret_service_keychain.load_tokens("demo") is None  # nothing stale remembered
