"""Cached provisioning and tasks stay usable offline for the period my-vpa allows, no longer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.fixtures.demo_server import transport_for
from vpaphone.demo.server import DemoServer
from vpaphone.myvpa.account import Account
from vpaphone.myvpa.cache import OfflineCache
from vpaphone.myvpa.errors import OfflineDataExpiredError
from vpaphone.myvpa.keychain import Keychain
from vpaphone.myvpa.session import Session
from vpaphone.store.store import Store

pytestmark = pytest.mark.keyring  # the SIP password for offline use lives in the keychain


def _account(server: DemoServer, keychain: Keychain, store: Store, tmp_path: Path) -> Account:
    cache = OfflineCache(tmp_path / "myvpa-cache.json", keychain, store.tasks)
    return Account(Session(transport_for(server), keychain), cache, store)


def test_offline_start_uses_cached_data_within_the_period(
    demo_server: DemoServer, secret_service_keychain: Keychain, store: Store, tmp_path: Path
) -> None:
    online = _account(demo_server, secret_service_keychain, store, tmp_path).sign_in("demo", "demo")
    demo_server.stop()

    # next start, my-vpa unreachable: the keychain's tokens and the cache carry the app
    restarted = _account(demo_server, secret_service_keychain, store, tmp_path)
    offline = restarted.resume("demo")
    assert offline is not None
    assert not offline.online
    assert offline.profile == online.profile
    assert offline.tasks == online.tasks
    assert offline.provisioning == online.provisioning  # SIP password back from the keychain
    assert offline.provisioning.offline_max_hours == 72
    assert offline.usable_until() <= datetime.now(UTC) + timedelta(hours=72)


def test_offline_start_keeps_every_sip_setting(
    demo_server: DemoServer, secret_service_keychain: Keychain, store: Store, tmp_path: Path
) -> None:
    demo_server.state.sip_extras = {"stun_servers": ["stun.example.net:3478"], "ice": True}
    online = _account(demo_server, secret_service_keychain, store, tmp_path).sign_in("demo", "demo")
    demo_server.stop()
    offline = _account(demo_server, secret_service_keychain, store, tmp_path).resume("demo")
    assert offline is not None
    assert not offline.online
    assert offline.provisioning.sip.stun_servers == ("stun.example.net:3478",)
    assert offline.provisioning.sip.ice
    assert offline.provisioning == online.provisioning


def test_cached_data_past_the_period_is_not_used(
    demo_server: DemoServer, secret_service_keychain: Keychain, store: Store, tmp_path: Path
) -> None:
    account = _account(demo_server, secret_service_keychain, store, tmp_path)
    account.sign_in("demo", "demo")
    later = datetime.now(UTC) + timedelta(hours=72, minutes=1)
    assert account.cache.load("demo", now=datetime.now(UTC) + timedelta(hours=71)) is not None
    assert account.cache.load("demo", now=later) is None
    assert account.cache.load("sales") is None  # another user's start never sees it

    account.cache.clear()
    demo_server.stop()
    with pytest.raises(OfflineDataExpiredError, match="cannot be used offline"):
        account.load()


def test_sign_out_deletes_cached_personal_data(
    demo_server: DemoServer, secret_service_keychain: Keychain, store: Store, tmp_path: Path
) -> None:
    account = _account(demo_server, secret_service_keychain, store, tmp_path)
    account.sign_in("demo", "demo")
    assert (tmp_path / "myvpa-cache.json").exists()
    assert store.tasks.load() is not None

    account.sign_out()
    assert not (tmp_path / "myvpa-cache.json").exists()
    assert store.tasks.load() is None
    assert secret_service_keychain.load_tokens("demo") is None
    assert secret_service_keychain.load_sip_password("demo") is None
    assert "signOut" in demo_server.state.requests
    assert not demo_server.state.refresh_tokens  # revoked on the server too


def test_remembered_password_start_while_offline_uses_the_cache(
    demo_server: DemoServer, secret_service_keychain: Keychain, store: Store, tmp_path: Path
) -> None:
    _account(demo_server, secret_service_keychain, store, tmp_path).sign_in(
        "demo", "demo", remember=True
    )
    secret_service_keychain.delete_tokens("demo")  # e.g. tokens revoked, password remembered
    demo_server.stop()
    snapshot = _account(demo_server, secret_service_keychain, store, tmp_path).resume("demo")
    assert snapshot is not None
    assert not snapshot.online
    assert len(snapshot.tasks) == 7
