"""The embedded demo backend for `vpaphone --demo`: the demo my-vpa (HTTPS on 127.0.0.1 with a
throw-away CA) in this process and the demo customer SIP peer as a child process (pjsua2
allows one endpoint per process)."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import platformdirs

from vpaphone import APP_NAME, KEYCHAIN_SERVICE, paths
from vpaphone.app.backend import Backend
from vpaphone.demo.launch import start_peer, stop_peer

log = logging.getLogger(__name__)

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
        from vpaphone.demo.server import DemoServer, DemoState, free_port  # noqa: PLC0415
        from vpaphone.demo.tls import make_certificates  # noqa: PLC0415
        from vpaphone.myvpa.transport import TransportConfig  # noqa: PLC0415

        cache = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "demo-tls"
        certificates = make_certificates(cache)
        peer_port = free_port()
        server = DemoServer(DemoState(sip_domain=f"127.0.0.1:{peer_port}"), certificates)
        server.start()
        keeper: PeerKeeper | None = None
        try:
            keeper = PeerKeeper(peer_port)
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
            if keeper is not None:
                keeper.stop()
            server.stop()


class PeerKeeper:
    """The demo customer, started again should it die: the demo's header says "Ready"
    (nothing registers), so a dead peer would make every later call fail unexplained."""

    MAX_RESTARTS_PER_MINUTE = 3

    def __init__(self, port: int) -> None:
        self.port = port
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self.restarts: list[float] = []  # when the peer was started again (monotonic)
        self.peer = start_peer(port)
        self._thread = threading.Thread(target=self._watch, name="demo-peer", daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stopping.is_set():
            with self._lock:
                peer = self.peer
            code = peer.wait()
            if self._stopping.is_set():
                return
            now = time.monotonic()
            recent = [t for t in self.restarts if now - t < 60]
            if len(recent) >= self.MAX_RESTARTS_PER_MINUTE:
                log.error("the demo customer keeps failing (exit %s): not restarted", code)
                return
            log.warning("the demo customer stopped (exit %s): starting it again", code)
            try:
                restarted = start_peer(self.port)
            except RuntimeError:
                log.exception("the demo customer could not start again")
                return
            with self._lock:
                if self._stopping.is_set():
                    stop_peer(restarted)
                    return
                stop_peer(peer)  # closes its pipe
                self.peer = restarted
                self.restarts = [*recent, now]

    def stop(self) -> None:
        self._stopping.set()
        with self._lock:
            peer = self.peer
        stop_peer(peer)
        self._thread.join(timeout=15)
