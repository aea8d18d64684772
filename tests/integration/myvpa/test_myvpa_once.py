"""Requests that must not take effect twice, and requests that must not take for ever
(issue 13, failure 6): idempotency keys against lost answers, a deadline against a server
that trickles its answer."""

from __future__ import annotations

import time

import pytest

from tests.fixtures.demo_server import transport_for
from vpaphone.demo.server import DemoServer
from vpaphone.myvpa.client import MyVpaClient
from vpaphone.myvpa.errors import ApiError, ServerUnreachableError
from vpaphone.myvpa.keychain import Keychain
from vpaphone.myvpa.models import AdminRequestKind
from vpaphone.myvpa.session import Session

TASK = "T-1002"


def _client(server: DemoServer, keychain: Keychain, **options: object) -> MyVpaClient:
    session = Session(transport_for(server, retries=3, **options), keychain)
    session.sign_in("demo", "demo")
    return MyVpaClient(session)


@pytest.mark.parametrize("lost", [1, 3])
def test_lost_answers_post_the_telefonfaktor_message_once(
    demo_server: DemoServer, no_keychain: Keychain, lost: int
) -> None:
    client = _client(demo_server, no_keychain)
    demo_server.state.lose_replies("postTelefonfaktor", lost)
    message = client.post_telefonfaktor(TASK, "DE", "de", "Telefonfaktor DE: ...")
    assert demo_server.state.requests.count("postTelefonfaktor") == lost + 1
    assert [m["id"] for m in demo_server.state.chat_messages] == [message.id]


@pytest.mark.parametrize("lost", [1, 3])
def test_lost_answers_create_one_admin_request(
    demo_server: DemoServer, no_keychain: Keychain, lost: int
) -> None:
    client = _client(demo_server, no_keychain)
    demo_server.state.lose_replies("createAdminRequest", lost)
    request = client.admin_request(AdminRequestKind.MORE_PHONING, "Mehr Telefonzeit", TASK)
    assert [r["id"] for r in demo_server.state.admin_requests] == [request.id]


def test_a_repeat_after_a_refresh_of_the_session_is_still_the_same_request(
    demo_server: DemoServer, no_keychain: Keychain
) -> None:
    client = _client(demo_server, no_keychain)
    key = "3f1c2e1a-0d5b-4c4e-9a55-2c0b1e7f6a10"
    first = client.post_telefonfaktor(TASK, "DE", "de", "Text", idempotency_key=key)
    demo_server.state.expire_access_tokens()
    again = client.post_telefonfaktor(TASK, "DE", "de", "Text", idempotency_key=key)
    assert again == first
    assert len(demo_server.state.chat_messages) == 1


def test_a_key_is_for_one_request_only(demo_server: DemoServer, no_keychain: Keychain) -> None:
    client = _client(demo_server, no_keychain)
    key = "a7d3b7a4-5f0e-4b8c-8f53-1f5d3c1d2e90"
    client.post_telefonfaktor(TASK, "DE", "de", "Text", idempotency_key=key)
    with pytest.raises(ApiError) as refused:
        client.post_telefonfaktor(TASK, "DE", "de", "Another text", idempotency_key=key)
    assert (refused.value.status, refused.value.code) == (422, "idempotency_key_reused")
    assert len(demo_server.state.chat_messages) == 1


def test_the_demo_server_demands_the_key_where_the_contract_does(
    demo_server: DemoServer, no_keychain: Keychain
) -> None:
    session = Session(transport_for(demo_server), no_keychain)
    session.sign_in("demo", "demo")
    with pytest.raises(ApiError) as refused:  # straight through the transport, without a key
        session.call(
            "postTelefonfaktor",
            body={"zone": "DE", "language": "de", "text": "x"},
            path_params={"task_id": TASK},
        )
    assert refused.value.status == 400
    assert demo_server.state.chat_messages == []


def test_a_trickling_server_holds_a_request_no_longer_than_its_deadline(
    demo_server: DemoServer, no_keychain: Keychain
) -> None:
    """One byte every 0.2 s never trips the 5 s read timeout; the deadline cuts it."""
    deadline = 2.0
    client = _client(demo_server, no_keychain, deadline=deadline)
    demo_server.state.trickle_replies("listActiveTasks", 0.2)  # ~2,000 bytes: ~7 minutes

    started = time.monotonic()
    with pytest.raises(ServerUnreachableError) as caught:
        client.active_tasks()
    held = time.monotonic() - started

    assert caught.value.code == "deadline"
    assert "did not answer within 2 s" in caught.value.message
    assert deadline <= held < deadline + 1.5, held  # margin: a loaded two-core machine
    assert client.profile().name == "Dana Demo"  # the worker is free for the next request


def test_the_deadline_covers_every_retry_and_its_back_off(
    demo_server: DemoServer, no_keychain: Keychain
) -> None:
    deadline = 1.5
    client = _client(demo_server, no_keychain, deadline=deadline, backoff=1.0)
    demo_server.state.fail("listActiveTasks", 503, 503, 503, 503)  # 1 s, 2 s, 4 s of back-off
    started = time.monotonic()
    with pytest.raises(ServerUnreachableError) as caught:
        client.active_tasks()
    assert time.monotonic() - started < deadline + 1.0
    assert caught.value.code == "deadline"
