"""Secrets live in the OS keychain only; without a usable keychain the app still works."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import platformdirs
import pytest

from tests.fixtures.demo_server import transport_for
from vpaphone import APP_NAME, paths
from vpaphone.core.calls import CallRecord, new_call_id
from vpaphone.core.model import CallDirection, CostZone, EndReason, TelephonyArea
from vpaphone.demo.data import DemoUser, demo_users
from vpaphone.demo.server import DemoServer
from vpaphone.myvpa.account import Account
from vpaphone.myvpa.cache import OfflineCache
from vpaphone.myvpa.client import MyVpaClient
from vpaphone.myvpa.errors import InvalidCredentialsError, KeychainProblem
from vpaphone.myvpa.keychain import Keychain
from vpaphone.myvpa.session import Session
from vpaphone.myvpa.sync import Uploader
from vpaphone.store.store import Store

pytestmark = pytest.mark.keyring


def _add_user(server: DemoServer) -> tuple[str, str]:
    user, password = f"vera-{uuid.uuid4().hex[:8]}", f"Pw-{uuid.uuid4()}"
    server.state.users[user] = DemoUser(
        user, password, "Vera Secret", "backoffice", tasks=demo_users()["demo"].tasks
    )
    return user, password


def _call(store: Store, task_id: str, start: datetime) -> None:
    call_id = new_call_id()
    store.calls.call_started(
        CallRecord(
            call_id,
            task_id,
            CallDirection.OUTGOING,
            "+4930123456",
            CostZone.DE,
            TelephonyArea.NONE,
            start,
        )
    )
    store.calls.call_answered(call_id, start + timedelta(seconds=2))
    store.calls.call_ended(call_id, start + timedelta(seconds=62), EndReason.COMPLETED, 200)


def _account(server: DemoServer, keychain: Keychain, store: Store, cache: Path) -> Account:
    session = Session(transport_for(server), keychain)
    return Account(session, OfflineCache(cache, keychain, store.tasks), store)


def _app_files() -> list[Path]:
    roots = [
        paths.data_dir(),
        paths.config_dir(),
        paths.log_dir(),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
    ]
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]


def _found(needles: list[str]) -> dict[str, list[str]]:
    hits: dict[str, list[str]] = {}
    for path in _app_files():
        content = path.read_bytes()
        for needle in needles:
            if needle.encode() in content:
                hits.setdefault(needle[:6], []).append(str(path))
    return hits


@pytest.fixture
def debug_log() -> Iterator[Path]:
    """Everything the app and its HTTP stack log, at DEBUG, into the app's log dir."""
    path = paths.log_dir() / f"session-{uuid.uuid4().hex}.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()


def test_tokens_are_stored_in_secret_service_and_deleted_at_sign_out(
    demo_server: DemoServer, secret_service_keychain: Keychain
) -> None:
    service = secret_service_keychain.service
    session = Session(transport_for(demo_server), secret_service_keychain)
    session.sign_in("demo", "demo")
    assert keyring.get_password(service, "tokens:demo") is not None
    assert keyring.get_password(service, "password:demo") is None  # not asked to remember

    # An app restart: a fresh session resumes from the keychain alone, no password asked.
    restarted = Session(transport_for(demo_server), Keychain(service=service))
    assert restarted.resume("demo")
    assert MyVpaClient(restarted).profile().name == "Dana Demo"

    restarted.sign_out()
    assert keyring.get_password(service, "tokens:demo") is None
    assert not Session(transport_for(demo_server), Keychain(service=service)).resume("demo")


def test_password_is_kept_only_when_asked_to_remember(
    demo_server: DemoServer, secret_service_keychain: Keychain, store: Store, tmp_path: Path
) -> None:
    service = secret_service_keychain.service
    account = _account(demo_server, secret_service_keychain, store, tmp_path / "c.json")
    account.sign_in("demo", "demo", remember=True)
    assert keyring.get_password(service, "password:demo") == "demo"
    secret_service_keychain.delete_tokens("demo")  # tokens lost: the remembered password helps
    again = _account(demo_server, Keychain(service=service), store, tmp_path / "c.json")
    assert again.resume("demo") is not None
    again.sign_out()
    assert keyring.get_password(service, "password:demo") is None
    assert keyring.get_password(service, "sip:demo") is None


def test_no_secret_in_data_config_log_dirs_after_a_session(
    demo_server: DemoServer, secret_service_keychain: Keychain, debug_log: Path
) -> None:
    user, password = _add_user(demo_server)
    with Store.open(paths.data_dir() / f"scan-{uuid.uuid4().hex}.sqlite3") as store:
        cache_path = paths.data_dir() / f"scan-{uuid.uuid4().hex}.json"
        account = _account(demo_server, secret_service_keychain, store, cache_path)
        try:
            Session(transport_for(demo_server), secret_service_keychain).sign_in(user, "wrong")
        except InvalidCredentialsError as exc:
            logging.getLogger("vpaphone.test").warning("sign-in failed: %s", exc)
        snapshot = account.sign_in(user, password, remember=True)
        start = datetime.now(UTC) - timedelta(minutes=10)
        for i in range(3):
            _call(store, "T-1001", start + timedelta(minutes=2 * i))
        Uploader(account.client, store.outbox).drain()
        demo_server.state.expire_access_tokens()
        account.load()  # refreshes the token
        demo_server.stop()
        offline = account.load()  # from the cache
        assert not offline.online
        assert offline.provisioning.sip.password == snapshot.provisioning.sip.password

        secrets = [password, snapshot.provisioning.sip.password, *demo_server.state.issued_tokens]
        assert len(secrets) >= 6
        assert _found(secrets) == {}
        # the scan does read the files: what is not secret is there to be found
        visible = [snapshot.provisioning.sip.username, "T-1001", "sign-in failed"]
        assert set(_found(visible)) == {"vpa-ve", "T-1001", "sign-i"}
        service = secret_service_keychain.service
        assert keyring.get_password(service, f"sip:{user}") == snapshot.provisioning.sip.password
        assert keyring.get_password(service, f"password:{user}") == password

        account.sign_out()
        assert _found(secrets) == {}
        assert not cache_path.exists()
        assert store.tasks.load() is None
        assert keyring.get_password(service, f"tokens:{user}") is None
        assert keyring.get_password(service, f"sip:{user}") is None
        assert keyring.get_password(service, f"password:{user}") is None


def test_without_usable_keychain_the_app_works_and_says_why(
    demo_server: DemoServer, unusable_keychain: Keychain, store: Store, tmp_path: Path
) -> None:
    account = _account(demo_server, unusable_keychain, store, tmp_path / "c.json")
    snapshot = account.sign_in("demo", "demo", remember=True)
    assert snapshot.online
    assert len(snapshot.tasks) == 7
    assert account.keychain_problem in (KeychainProblem.NO_KEYCHAIN, KeychainProblem.LOCKED)
    # next start: nothing remembered, so the sign-in screen is shown (with the reason)
    assert account.resume("demo") is None
    assert not (tmp_path / "c.json").exists()  # no offline cache without a safe SIP password
