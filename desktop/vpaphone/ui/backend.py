"""Which my-vpa the app talks to: the configured company server, or the embedded demo.

`--demo` starts the demo my-vpa (HTTPS on 127.0.0.1 with a throw-away CA) in this process and the
demo customer SIP peer as a child process (pjsua2 allows one endpoint per process).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from vpaphone import APP_NAME, KEYCHAIN_SERVICE, paths

if TYPE_CHECKING:  # the HTTP stack loads after the window shows (see ui.app)
    import subprocess

    from vpaphone.myvpa.transport import TransportConfig

DEMO_KEYCHAIN_SERVICE = f"{KEYCHAIN_SERVICE} demo"  # the demo never touches a real account


@dataclass(frozen=True, slots=True)
class Backend:
    transport: TransportConfig | None  # None: not configured; `problem` says why
    problem: str | None
    keychain_service: str
    data_dir: Path  # database and offline cache of this backend
    demo_credentials: tuple[str, str] | None = None  # shown on the sign-in screen

    @property
    def server_label(self) -> str:
        return self.transport.base_url if self.transport else ""

    @property
    def db_path(self) -> Path:
        return self.data_dir / "vpaphone.sqlite3"

    @property
    def cache_path(self) -> Path:
        return self.data_dir / "myvpa-cache.json"


def demo_data_dir() -> Path:
    """The demo keeps its own database and cache, apart from a real account's."""
    return paths.data_dir() / "demo"


def configured_backend() -> Backend:
    """The company my-vpa from `myvpa.json` / environment (see vpaphone.myvpa.settings)."""
    from vpaphone.myvpa.settings import SettingsError, load_settings  # noqa: PLC0415

    data_dir = paths.data_dir()
    try:
        transport = load_settings().transport_config()
    except SettingsError as exc:
        return Backend(None, str(exc), KEYCHAIN_SERVICE, data_dir)
    return Backend(transport, None, KEYCHAIN_SERVICE, data_dir)


@contextlib.contextmanager
def demo_backend() -> Iterator[Backend]:
    """The demo my-vpa and demo customer, running until the context ends."""
    from vpaphone.demo.data import DEMO_PASSWORD, DEMO_USER  # noqa: PLC0415 - demo only
    from vpaphone.demo.launch import start_peer, stop_peer  # noqa: PLC0415
    from vpaphone.demo.server import DemoServer, DemoState, free_port  # noqa: PLC0415
    from vpaphone.demo.tls import make_certificates  # noqa: PLC0415
    from vpaphone.myvpa.transport import TransportConfig  # noqa: PLC0415

    cache = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "demo-tls"
    certificates = make_certificates(cache)
    peer_port = free_port()
    server = DemoServer(DemoState(sip_domain=f"127.0.0.1:{peer_port}"), certificates)
    server.start()
    peer: subprocess.Popen[str] | None = None
    try:
        peer = start_peer(peer_port)
        data_dir = demo_data_dir()
        data_dir.mkdir(parents=True, exist_ok=True)
        yield Backend(
            TransportConfig(server.base_url, ca_bundle=certificates.ca_file),
            None,
            DEMO_KEYCHAIN_SERVICE,
            data_dir,
            (DEMO_USER, DEMO_PASSWORD),
        )
    finally:
        if peer is not None:
            stop_peer(peer)
        server.stop()
