"""Fuzzed server answers never crash the client: a valid result or a MyVpaError, nothing else.

The real client stack (transport, contract validation, model building, session) talks to a real
HTTP server on loopback that answers whatever hypothesis makes up. One server and one transport
serve all examples: the kept-alive connection must survive every kind of answer too.
"""

from __future__ import annotations

import contextlib
import copy
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from keyring.backends import fail

from tests.fixtures.http_server import Answer, ScriptedServer
from vpaphone.demo.data import demo_users
from vpaphone.demo.server import DemoState
from vpaphone.myvpa.client import MyVpaClient
from vpaphone.myvpa.errors import MyVpaError
from vpaphone.myvpa.keychain import Keychain
from vpaphone.myvpa.models import TokenPair
from vpaphone.myvpa.session import Session
from vpaphone.myvpa.transport import Transport, TransportConfig

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=15), children, max_size=5)
    ),
    max_leaves=30,
)

OPERATIONS = [
    "getProfile",
    "getProvisioning",
    "listActiveTasks",
    "setTaskArea",
    "uploadBatch",
    "createAdminRequest",
    "postTelefonfaktor",
]


def _valid_payloads() -> dict[str, Any]:
    state = DemoState()
    user = demo_users()["demo"]
    return {
        "getProvisioning": state.provisioning(user),
        "listActiveTasks": {"tasks": [state.task_json(t) for t in user.tasks]},
        "getProfile": {
            "id": "demo",
            "name": "Dana",
            "role": "backoffice",
            "individual_number": None,
        },
    }


VALID = _valid_payloads()


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[ScriptedServer, Transport]]:
    with ScriptedServer() as scripted:
        config = TransportConfig(scripted.base_url, retries=1, backoff=0, allow_http_loopback=True)
        transport = Transport(config, sleep=lambda _: None)
        yield scripted, transport
        transport.close()


def _client(
    server: tuple[ScriptedServer, Transport], status: int, body: bytes, content_type: str
) -> MyVpaClient:
    scripted, transport = server
    scripted.answer_always(Answer(status, body, content_type))
    no_keyring = fail.Keyring()  # type: ignore[no-untyped-call]  # keyring has no type hints
    session = Session(transport, Keychain(backend=no_keyring))
    session._tokens = TokenPair("a" * 20, "r" * 20, 900)  # signed in, as after sign_in()
    session.user = "demo"
    return MyVpaClient(session)


def _exercise(client: MyVpaClient, operation: str) -> None:
    from vpaphone.core.model import TelephonyArea
    from vpaphone.myvpa.models import AdminRequestKind

    calls: dict[str, Callable[[], object]] = {
        "getProfile": client.profile,
        "getProvisioning": client.provisioning,
        "listActiveTasks": client.active_tasks,
        "setTaskArea": lambda: client.set_task_area("T-1", TelephonyArea.SALES_DE),
        "uploadBatch": client.upload,
        "createAdminRequest": lambda: client.admin_request(AdminRequestKind.MORE_PHONING, "m"),
        "postTelefonfaktor": lambda: client.post_telefonfaktor("T-1", "DE", "de", "t"),
    }
    with contextlib.suppress(MyVpaError):  # a clear, typed error is the expected outcome
        calls[operation]()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    operation=st.sampled_from(OPERATIONS),
    status=st.sampled_from([200, 201, 204, 400, 401, 404, 409, 418, 500, 503]),
    body=json_values,
    content_type=st.sampled_from(["application/json", "application/problem+json", "text/plain"]),
)
def test_arbitrary_json_never_crashes(
    server: tuple[ScriptedServer, Transport],
    operation: str,
    status: int,
    body: object,
    content_type: str,
) -> None:
    _exercise(_client(server, status, json.dumps(body).encode(), content_type), operation)


@settings(max_examples=150, deadline=None)
@given(operation=st.sampled_from(OPERATIONS), body=st.binary(max_size=200))
def test_arbitrary_bytes_never_crash(
    server: tuple[ScriptedServer, Transport], operation: str, body: bytes
) -> None:
    _exercise(_client(server, 200, body, "application/json"), operation)


def _mutate(data: Any, path: list[Any], value: Any) -> Any:
    mutated = copy.deepcopy(data)
    node = mutated
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return mutated


def _paths(data: Any, prefix: list[Any] | None = None) -> list[list[Any]]:
    prefix = prefix or []
    found: list[list[Any]] = []
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else []
    )
    for key, child in items:
        found.append([*prefix, key])
        found += _paths(child, [*prefix, key])
    return found


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_almost_valid_payloads_are_all_or_nothing(
    server: tuple[ScriptedServer, Transport], data: st.DataObject
) -> None:
    """One field changed to anything: the result is fully valid or a MyVpaError, never half."""
    operation = data.draw(st.sampled_from(sorted(VALID)))
    path = data.draw(st.sampled_from(_paths(VALID[operation])))
    value = data.draw(json_values | st.just("+4922182829980") | st.just("2026-02-30T00:00:00Z"))
    body = _mutate(VALID[operation], path, value)
    client = _client(server, 200, json.dumps(body).encode(), "application/json")
    try:
        if operation == "getProvisioning":
            result: object = client.provisioning()
        elif operation == "listActiveTasks":
            result = client.active_tasks()
        else:
            result = client.profile()
    except MyVpaError:
        return
    # accepted: then every value the app will use has the contract's type and range
    if isinstance(result, list):
        for task in result:
            assert isinstance(task.id, str)
            assert isinstance(task.working_seconds, int)
            assert task.working_seconds >= 0
            assert task.phone_seconds >= 0
    elif operation == "getProvisioning":
        assert result.caller_id.startswith("+")  # type: ignore[attr-defined]
        assert result.sip.transport in ("udp", "tcp", "tls")  # type: ignore[attr-defined]
        assert result.offline_max_hours >= 1  # type: ignore[attr-defined]
    else:
        assert result.role.value in ("backoffice", "sales")  # type: ignore[attr-defined]
