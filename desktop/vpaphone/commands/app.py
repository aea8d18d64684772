"""What `vpaphone` runs without a sub-command.

`--demo`: start the embedded demo my-vpa (HTTPS, CA made in the user cache dir) and the demo
customer SIP peer, sign in through the real client, and print what the VPA would see. The Qt
window is not built yet; this says so plainly instead of pretending.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import platformdirs

from vpaphone import APP_NAME, paths
from vpaphone.core.rules import RuleData
from vpaphone.core.share import TaskTime, phone_share
from vpaphone.demo.data import DEMO_PASSWORD, DEMO_USER
from vpaphone.demo.server import DemoServer, DemoState, free_port
from vpaphone.demo.tls import make_certificates
from vpaphone.myvpa.account import Account
from vpaphone.myvpa.cache import OfflineCache, Snapshot
from vpaphone.myvpa.errors import MyVpaError
from vpaphone.myvpa.keychain import Keychain
from vpaphone.myvpa.session import Session
from vpaphone.myvpa.transport import Transport, TransportConfig
from vpaphone.store.store import Store

EXIT_NO_UI = 2
EXIT_DEMO_FAILED = 1
PEER_START_TIMEOUT_S = 15.0


def configure(parser: argparse.ArgumentParser) -> None:
    """The app's options live on the main parser (`--demo`)."""


def run(args: argparse.Namespace) -> int:
    if not getattr(args, "demo", False):
        print(
            "The my-vpa softphone window is not built yet. Try the demo backend: vpaphone --demo",
            file=sys.stderr,
        )
        return EXIT_NO_UI
    return run_demo()


def _start_peer(port: int) -> subprocess.Popen[str]:
    peer = subprocess.Popen(
        [sys.executable, "-m", "vpaphone.demo.peer", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    deadline = time.monotonic() + PEER_START_TIMEOUT_S
    assert peer.stdout is not None
    while time.monotonic() < deadline:
        line = peer.stdout.readline()
        if not line:  # exited
            break
        if "listening on" in line:
            return peer
    _stop_peer(peer)
    raise RuntimeError(f"the demo SIP peer did not start on 127.0.0.1:{port}")


def _stop_peer(peer: subprocess.Popen[str]) -> None:
    if peer.poll() is None:
        peer.terminate()
        try:
            peer.wait(timeout=10)
        except subprocess.TimeoutExpired:
            peer.kill()
            peer.wait()
    if peer.stdout is not None:
        peer.stdout.close()


def run_demo() -> int:
    cache = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "demo-tls"
    certificates = make_certificates(cache)
    peer_port = free_port()
    server = DemoServer(DemoState(sip_domain=f"127.0.0.1:{peer_port}"), certificates)
    server.start()
    peer: subprocess.Popen[str] | None = None
    try:
        peer = _start_peer(peer_port)
        print(f"Demo my-vpa: {server.base_url}  (sign in with {DEMO_USER} / {DEMO_PASSWORD})")
        print(f"Demo customer (echoes your voice after 1 s): any number at 127.0.0.1:{peer_port}")
        _show_demo_session(server.base_url, certificates.ca_file, paths.data_dir() / "demo")
    except (MyVpaError, RuntimeError) as exc:
        print(f"Demo failed: {exc}", file=sys.stderr)
        return EXIT_DEMO_FAILED
    finally:
        if peer is not None:
            _stop_peer(peer)
        server.stop()
    return 0


def _show_demo_session(base_url: str, ca_file: Path, data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    keychain = Keychain(service="vpaphone my-vpa demo")
    keychain.probe()
    transport = Transport(TransportConfig(base_url, ca_bundle=ca_file))
    with Store.open(data_dir / "vpaphone-demo.sqlite3") as store:
        session = Session(transport, keychain, device_name="vpaphone demo")
        account = Account(
            session, OfflineCache(data_dir / "myvpa-cache.json", keychain, store.tasks), store
        )
        try:
            snapshot = account.sign_in(DEMO_USER, DEMO_PASSWORD)
            if account.keychain_problem:
                print(f"Note: {account.keychain_problem}")
            _print_snapshot(snapshot)
            print(
                "\nThe softphone window is not built yet: this demo shows what the VPA "
                "would see, then exits."
            )
        finally:
            account.sign_out()
            transport.close()


def _print_snapshot(snapshot: Snapshot) -> None:
    rules = RuleData.default().with_overrides(snapshot.provisioning.rules)
    profile, prov = snapshot.profile, snapshot.provisioning
    number = profile.individual_number or "none (calls show the central number)"
    print(f"\nSigned in as {profile.name} ({profile.role.value}), individual number: {number}")
    kind = "individual" if prov.caller_id_individual else "central my-vpa number"
    print(f"Caller ID: {prov.caller_id} ({kind})")
    sip = prov.sip
    print(
        f"SIP account: {sip.username}@{sip.domain} via {sip.transport.upper()}, "
        f"register: {'yes' if sip.register else 'no'}"
    )
    print(f"Offline use of cached data: up to {prov.offline_max_hours} h\n")
    print(f"{'task':8} {'area':17} {'factor':>6} {'phone share':>16}  title / customer")
    for task in snapshot.tasks:
        factor = rules.area(task.area).factor
        state = phone_share(TaskTime.of_task(task), rules)
        share = "-" if state.percent is None else f"{state.percent:.1f} % {state.level.value}"
        print(
            f"{task.id:8} {task.area.value:17} {factor or 'quote'!s:>6} {share:>16}"
            f"  {task.title} / {task.customer}"
        )
