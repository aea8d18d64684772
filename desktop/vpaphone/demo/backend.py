"""The embedded demo backend for `vpaphone --demo`: the demo my-vpa (HTTPS on 127.0.0.1 with a
throw-away CA) in this process and the demo customer SIP peer as a child process (pjsua2
allows one endpoint per process)."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import platformdirs

from vpaphone import APP_NAME, KEYCHAIN_SERVICE, paths
from vpaphone.app.backend import Backend

DEMO_KEYCHAIN_SERVICE = f"{KEYCHAIN_SERVICE} demo"  # the demo never touches a real account


def demo_data_dir() -> Path:
    """The demo keeps its own database and cache, apart from a real account's."""
    return paths.data_dir() / "demo"


class DemoSource:
    launch_options: tuple[str, ...] = ("--demo",)

    @property
    def data_dir(self) -> Path:
        return demo_data_dir()

    @contextlib.contextmanager
    def open(self) -> Iterator[Backend]:
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
            data_dir = self.data_dir
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
