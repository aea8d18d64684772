"""Hostile or malformed answers from a real (misbehaving) server: clear error, nothing applied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fixtures.demo_server import transport_for
from vpaphone.demo.server import DemoServer, RawReply
from vpaphone.myvpa.account import Account
from vpaphone.myvpa.cache import OfflineCache
from vpaphone.myvpa.errors import ContractViolationError, MyVpaError
from vpaphone.myvpa.keychain import Keychain
from vpaphone.myvpa.session import Session
from vpaphone.store.store import Store

NESTED = b"[" * 100_000 + b"]" * 100_000


def _hostile_provisioning(server: DemoServer) -> list[RawReply]:
    from vpaphone.demo.data import demo_users

    good = server.state.provisioning(demo_users()["demo"])
    injected = json.loads(json.dumps(good))
    injected["sip"]["outbound_proxy"] = "evil.example;lr>\r\nX-Injected: 1"
    negative = json.loads(json.dumps(good))
    negative["rules"]["phone_share"]["nearing"] = "0.90"  # above the included share
    return [
        RawReply(200, NESTED),
        RawReply(200, b'{"sip": null}'),
        RawReply(200, json.dumps(injected).encode()),
        RawReply(200, json.dumps(negative).encode()),
        RawReply(200, b"\xff\xfe not json"),
        RawReply(200, b"x" * (3 * 1024 * 1024)),
        RawReply(200, json.dumps(good).encode(), "text/html"),
    ]


def test_hostile_provisioning_is_rejected_and_nothing_changes(
    demo_server: DemoServer, no_keychain: Keychain, store: Store, tmp_path: Path
) -> None:
    cache = OfflineCache(tmp_path / "cache.json", no_keychain, store.tasks)
    account = Account(Session(transport_for(demo_server), no_keychain), cache, store)
    first = account.sign_in("demo", "demo")
    tasks_before = store.tasks.load()

    for reply in _hostile_provisioning(demo_server):
        demo_server.state.raw_replies["getProvisioning"] = reply
        with pytest.raises(MyVpaError) as caught:
            account.load()
        assert isinstance(caught.value, ContractViolationError), caught.value
        assert account.snapshot is first  # the last good data stays in use
        assert store.tasks.load() == tasks_before

    del demo_server.state.raw_replies["getProvisioning"]
    assert account.load().provisioning.sip.outbound_proxy is None
