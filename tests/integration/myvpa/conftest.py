"""Fixtures for the my-vpa client tests: the real demo server over HTTPS, keychains, stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fixtures.demo_server import demo_certificates, demo_peer, demo_server  # noqa: F401
from tests.fixtures.keychain import (  # noqa: F401
    no_keychain,
    secret_service_keychain,
    unusable_keychain,
)
from vpaphone.store.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "store.sqlite3") as opened:
        yield opened
