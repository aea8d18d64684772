"""Starting the app as a user does: no display, a second start, `vpaphone dial` and links."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import App
from vpaphone import paths
from vpaphone.ui.single import InstanceServer, server_name

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
    assert "xvfb-run make demo" in lines[0]
    assert "qt.qpa" not in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_make_demo_without_a_display_prints_one_clear_line() -> None:
    """What `make demo` runs, through make (the venv exists, so make only runs the app)."""
    done = subprocess.run(
        ["make", "--no-print-directory", "-s", "-o", "build/stamps/venv", "demo"],
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
    server = InstanceServer(server_name(paths.data_dir()))
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
        assert first.poll() is None
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=30) == 0
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
            first.wait()
        if first.stdout is not None:
            first.stdout.close()
