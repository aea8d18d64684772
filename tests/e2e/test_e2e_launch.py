"""Starting the app as a user does: no display, a second start, `vpaphone dial` and links, a
restart."""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import App
from vpaphone import paths
from vpaphone.ui.single import InstanceServer, instance_address

pytestmark = [pytest.mark.gui, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]


def _env(**changes: str | None) -> dict[str, str]:
    env = dict(os.environ)
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def _no_display_env() -> dict[str, str]:
    return _env(DISPLAY=None, WAYLAND_DISPLAY=None, QT_QPA_PLATFORM=None)


@pytest.mark.parametrize("args", [["--demo"], [], ["dial", "0221 82829980"]])
def test_without_a_display_one_clear_line_and_exit_code_3(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vpaphone.cli", *args],
        env=_no_display_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 3
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "no display found" in lines[0]
    assert "apt-get install xvfb, then put xvfb-run in front" in lines[0]
    assert "qt.qpa" not in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_make_demo_without_a_display_prints_one_clear_line() -> None:
    """What `make demo` runs, through make (the venv is up to date: make only runs the app)."""
    done = subprocess.run(
        ["make", "--no-print-directory", "-s", "demo"],
        cwd=ROOT,
        env=_no_display_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "no display found" in done.stderr
    messages = [line for line in done.stderr.splitlines() if not line.startswith("make")]
    assert len(messages) == 1, done.stderr


@pytest.mark.keyring
def test_vpaphone_dial_fills_the_number_into_the_running_window(app: App) -> None:
    """`vpaphone dial tel:…` (what a clicked link runs) reaches the running instance."""
    app.sign_in()
    app.signed_in()
    server = InstanceServer(instance_address(paths.data_dir()))
    assert server.listen()
    server.dial_requested.connect(app.window.fill_number)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "vpaphone.cli", "dial", "tel:+49-221-82829980"],
            env=_env(QT_QPA_PLATFORM="offscreen"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        app.qtbot.waitUntil(lambda: process.poll() is not None, timeout=30_000)
        out, err = process.communicate()
        assert process.returncode == 0, err
        assert "already running" in out
        number = app.window.main.dialer.number
        app.qtbot.waitUntil(lambda: number.destination() is not None, timeout=5000)
        destination = number.destination()
        assert destination is not None
        assert destination.e164 == "+4922182829980"
    finally:
        server.close()


@pytest.mark.keyring
def test_demo_app_runs_hands_over_a_second_start_and_quits_cleanly(tmp_path: Path) -> None:
    env = _env(QT_QPA_PLATFORM="offscreen")
    first = subprocess.Popen(
        [sys.executable, "-m", "vpaphone.cli", "--demo"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        assert first.stdout is not None
        seen = []
        for line in first.stdout:  # Qt's warnings first, then the line printed once it listens
            seen.append(line)
            if "sign in with demo / demo" in line or len(seen) > 50:
                break
        assert "sign in with demo / demo" in seen[-1], "".join(seen)
        second = subprocess.run(
            [sys.executable, "-m", "vpaphone.cli", "--demo", "dial", "+49 221 82829980"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert "already running" in second.stdout, second
        assert second.returncode == 0
        # a tel: link (plain `vpaphone dial`, no --demo) reaches the running demo window too
        plain = subprocess.run(
            [sys.executable, "-m", "vpaphone.cli", "dial", "tel:+49-221-82829980"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert "already running" in plain.stdout, plain
        assert plain.returncode == 0
        assert first.poll() is None
        first.send_signal(signal.SIGTERM)  # once is enough (it sometimes took two)
        assert first.wait(timeout=30) == 0
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
            first.wait()
        if first.stdout is not None:
            first.stdout.close()


def _processes_with(marker: str) -> dict[int, str]:
    """pid → command line of every process whose environment holds `marker`."""
    found: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker.encode() in (entry / "environ").read_bytes().split(b"\0"):
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
                found[int(entry.name)] = command.decode()
        except OSError:  # gone meanwhile, or not ours to read
            continue
    return found


@pytest.mark.keyring
def test_restart_now_starts_a_new_instance_after_this_one_has_shut_down() -> None:
    """What "Restart now" (after a language change) does, in the real app: the old process shuts
    down and exits 0, then a new one in the same mode comes up and owns the single instance."""
    marker = f"VPAPHONE_RESTART_TEST={os.getpid()}-{time.monotonic_ns()}"
    key, value = marker.split("=", 1)
    driver = subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.restart_driver"],
        cwd=ROOT,
        env=_env(QT_QPA_PLATFORM="offscreen", **{key: value}),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert driver.stdout is not None
    reader = threading.Thread(target=lambda: [lines.put(line) for line in driver.stdout or ()])
    reader.start()
    seen: list[str] = []

    def next_demo_line() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(queue.Empty):
                seen.append(lines.get(timeout=1))
                if "sign in with demo / demo" in seen[-1]:
                    return
        raise AssertionError("no demo app came up:\n" + "".join(seen))

    try:
        next_demo_line()  # the first instance
        assert driver.wait(timeout=60) == 0, "".join(seen)
        next_demo_line()  # the new one: its own demo server and peer
        steps = [
            "restart" if "RESTARTING" in line else "up"
            for line in seen
            if "RESTARTING" in line or "sign in with demo" in line
        ]
        assert steps == ["up", "restart", "up"], "".join(seen)
        apps = {p: c for p, c in _processes_with(marker).items() if "vpaphone.cli" in c}
        assert len(apps) == 1, apps
        ((pid, command),) = apps.items()
        assert pid != driver.pid
        assert command.split()[1:] == ["-m", "vpaphone.cli", "--demo"]
        probe = subprocess.run(  # a later start hands over to the new instance
            [sys.executable, "-m", "vpaphone.cli", "--demo", "dial", "+49 221 82829980"],
            env=_env(QT_QPA_PLATFORM="offscreen"),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert "already running" in probe.stdout, probe
        os.kill(pid, signal.SIGTERM)  # quits like the Quit menu: its demo peer stops with it
        deadline = time.monotonic() + 30
        while _processes_with(marker) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _processes_with(marker) == {}
    finally:
        for pid in _processes_with(marker):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if driver.poll() is None:
            os.killpg(driver.pid, signal.SIGKILL)
            driver.wait()
        reader.join(timeout=10)
        driver.stdout.close()
