"""Another local user can neither stand in for the running softphone nor send it requests
(issue 13, failure 7). The attacker is a real second account (made for the test session) that
prepares sockets in a shared, sticky temp folder, as anyone can in /tmp."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.fixtures.other_user import LocalUser, other_user, run_as
from vpaphone.ui.single import InstanceServer, send_to_running

__all__ = ["other_user"]
pytestmark = [pytest.mark.gui, pytest.mark.slow]

NUMBER = "+49 221 82829980"
# Listens on every path given, answers nothing, and appends what it receives to a file.
ATTACKER = r"""
import os, socket, sys, time
report, *paths = sys.argv[1:]
servers = []
for path in paths:
    if not os.path.isdir(os.path.dirname(path)):  # a folder of its own, open to all
        os.makedirs(os.path.dirname(path))
        os.chmod(os.path.dirname(path), 0o777)
    server = socket.socket(socket.AF_UNIX)
    server.bind(path)
    os.chmod(path, 0o777)
    server.listen()
    server.setblocking(False)
    servers.append(server)
open(report, "w").close()
os.chmod(report, 0o666)
print("READY", flush=True)
while True:
    for server in servers:
        try:
            conn, _ = server.accept()
        except BlockingIOError:
            continue
        conn.settimeout(2)
        try:
            data = conn.recv(4096)
        except OSError:
            data = b""
        with open(report, "ab") as out:
            out.write(b"CONNECTED " + data + b"\n")
        conn.close()
    time.sleep(0.02)
"""
# Connects to a socket and sends a dial request, as `vpaphone dial` would.
INTRUDER = r"""
import socket, sys
sock = socket.socket(socket.AF_UNIX)
sock.connect(sys.argv[1])
sock.sendall(b"dial 0900 666 666\n")
print("SENT", flush=True)
sock.recv(1)  # until the other side hangs up
"""


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A world-writable sticky folder like /tmp (pytest's own tmp is closed to other users)."""
    folder = Path(tempfile.mkdtemp(prefix="vpaphone-shared-", dir="/tmp"))
    folder.chmod(0o1777)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def _attacker(user: LocalUser, folder: Path, *paths: Path) -> Iterator[Path]:
    report = folder / f"attacker-{user.name}.log"
    process = run_as(user, ATTACKER, str(report), *map(str, paths))
    try:
        assert process.stdout is not None
        ready = process.stdout.readline().strip()
        assert ready == "READY", process.stderr.read() if process.stderr else ""
        yield report
    finally:
        process.kill()  # our own process, by pid
        process.communicate(timeout=10)


def _victim_env(tmp_path: Path, shared: Path, *, runtime: bool) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(shared))
    for name in ("DATA", "CONFIG", "STATE", "CACHE"):
        folder = tmp_path / name.lower()
        folder.mkdir(exist_ok=True)
        env[f"XDG_{name}_HOME"] = str(folder)
    if runtime:
        private = tmp_path / "run"
        private.mkdir(mode=0o700, exist_ok=True)
        env["XDG_RUNTIME_DIR"] = str(private)
    else:
        env.pop("XDG_RUNTIME_DIR", None)
    env.pop("VPAPHONE_MYVPA_URL", None)
    return env


@pytest.mark.parametrize("runtime", [True, False], ids=["xdg-runtime-dir", "no-runtime-dir"])
def test_a_socket_another_user_prepared_never_gets_the_dialled_number(
    other_user: LocalUser, shared_tmp: Path, tmp_path: Path, runtime: bool
) -> None:
    env = _victim_env(tmp_path, shared_tmp, runtime=runtime)
    data_dir = Path(env["XDG_DATA_HOME"]) / "vpaphone"
    digest = f"{zlib.crc32(str(data_dir.resolve()).encode()):08x}"
    traps = [
        shared_tmp / f"vpaphone-root-{digest}",  # the name older versions used
        shared_tmp / f"vpaphone-{os.getuid()}" / f"instance-{digest}.sock",  # our fallback
    ]
    with _attacker(other_user, shared_tmp, *traps) as report:
        victim = subprocess.Popen(
            [sys.executable, "-m", "vpaphone.cli", "dial", NUMBER],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        try:
            database = data_dir / "vpaphone.sqlite3"
            deadline = time.monotonic() + 60
            while not database.exists() and victim.poll() is None:
                assert time.monotonic() < deadline, "the softphone did not come up"
                time.sleep(0.1)
            assert victim.poll() is None, victim.communicate()[0]  # it runs itself
            victim.send_signal(signal.SIGTERM)
            out, _ = victim.communicate(timeout=30)
        finally:
            if victim.poll() is None:
                os.killpg(victim.pid, signal.SIGKILL)
                victim.wait()
        got = report.read_text(errors="replace")
    assert "already running" not in out
    assert got == "", got  # not even a connection
    if runtime:
        own = Path(env["XDG_RUNTIME_DIR"]) / "vpaphone"
        assert own.stat().st_mode & 0o777 == 0o700


def test_requests_from_another_user_are_refused_unheard(
    other_user: LocalUser, shared_tmp: Path, qtbot: QtBot
) -> None:
    """Even where the socket is reachable (a lax folder), the peer's uid is checked."""
    address = str(shared_tmp / "reachable.sock")
    server = InstanceServer(address)
    assert server.listen()
    os.chmod(address, 0o666)  # what the private folder normally prevents
    dialled: list[str] = []
    server.dial_requested.connect(dialled.append)
    try:
        intruder = run_as(other_user, INTRUDER, address)
        try:
            qtbot.waitUntil(lambda: server.refused == 1, timeout=10_000)
            out, err = intruder.communicate(timeout=10)
        finally:
            if intruder.poll() is None:
                intruder.kill()
                intruder.communicate()
        assert "SENT" in out, err
        assert dialled == []
        with qtbot.waitSignal(server.dial_requested, timeout=5_000) as got:
            assert send_to_running(address, f"dial {NUMBER}")  # this user's own request
        assert got.args == [NUMBER]
    finally:
        server.close()


def test_a_running_app_of_another_user_is_never_handed_a_number(
    other_user: LocalUser, shared_tmp: Path
) -> None:
    trap = shared_tmp / "theirs" / "instance.sock"
    with _attacker(other_user, shared_tmp, trap) as report:
        assert not send_to_running(str(trap), f"dial {NUMBER}")
        time.sleep(0.2)  # the attacker polls every 20 ms: what it got, it has written
        got = report.read_text(errors="replace")
    assert NUMBER not in got
    assert "dial" not in got
