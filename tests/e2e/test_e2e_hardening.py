"""The running app leaves nothing for others to read (issue 13, failure 9): no core dump when it
crashes, even where the user allowed them; data, config and log folders 0700 and files 0600,
an older install's looser ones included."""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from vpaphone.hardening import make_private

pytestmark = [pytest.mark.gui, pytest.mark.keyring, pytest.mark.slow]


def _allow_core_dumps() -> None:  # what `ulimit -c unlimited` in the user's shell does
    resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))


@pytest.fixture
def old_install(tmp_path: Path) -> dict[str, Path]:
    """Folders and files as versions before 0.2 left them: readable by everyone."""
    homes = {name: tmp_path / name for name in ("data", "config", "state", "cache")}
    files = {
        "data": homes["data"] / "vpaphone" / "demo" / "myvpa-cache.json",
        "config": homes["config"] / "my-vpa" / "vpaphone.conf",
        "log": homes["state"] / "vpaphone" / "log" / "vpaphone.log",
    }
    for path in files.values():
        path.parent.mkdir(parents=True, mode=0o755)
        path.write_text("{}\n")
        path.chmod(0o644)
        for parent in path.parents:
            if parent == tmp_path:
                break
            parent.chmod(0o755)
    return {**homes, **{f"{k}_file": v for k, v in files.items()}}


@pytest.fixture
def running_demo(tmp_path: Path, old_install: dict[str, Path]) -> Iterator[subprocess.Popen[str]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("data", "config", "state", "cache"):
        env[f"XDG_{name.upper()}_HOME"] = str(old_install[name])
    crash_dir = tmp_path / "cwd"
    crash_dir.mkdir()
    app = subprocess.Popen(
        [sys.executable, "-m", "vpaphone.cli", "--demo"],
        env=env,
        cwd=crash_dir,  # the kernel's core_pattern "core" writes here
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # the demo peer child goes with the group at the end
        preexec_fn=_allow_core_dumps,  # noqa: PLW1509 - a single-threaded parent at this point
    )
    try:
        yield app
    finally:
        if app.poll() is None:
            app.send_signal(signal.SIGTERM)
            try:
                app.wait(timeout=30)
            except subprocess.TimeoutExpired:
                app.kill()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(app.pid, signal.SIGKILL)  # the demo peer, if the app could not stop it
        if app.stdout is not None:
            app.stdout.close()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_app_keeps_its_files_private_and_dumps_no_core_when_it_crashes(
    running_demo: subprocess.Popen[str], old_install: dict[str, Path], tmp_path: Path
) -> None:
    app = running_demo
    assert app.stdout is not None
    for line in app.stdout:
        if "sign in with demo / demo" in line:
            break
    database = old_install["data"] / "vpaphone" / "demo" / "vpaphone.sqlite3"
    deadline = time.monotonic() + 60
    while not database.exists():
        assert time.monotonic() < deadline, "no database"
        time.sleep(0.1)

    limits = Path(f"/proc/{app.pid}/limits").read_text()
    core = next(line for line in limits.splitlines() if line.startswith("Max core file size"))
    assert core.split()[4:6] == ["0", "0"], core
    for folder in (
        old_install["data"] / "vpaphone",
        old_install["data"] / "vpaphone" / "demo",
        old_install["config"] / "vpaphone",
        old_install["config"] / "my-vpa",
        old_install["state"] / "vpaphone" / "log",
    ):
        assert _mode(folder) == 0o700, folder
    for file in (
        old_install["data_file"],
        old_install["config_file"],
        old_install["log_file"],
        database,
    ):
        assert _mode(file) == 0o600, file

    os.kill(app.pid, signal.SIGSEGV)  # a crash, with the tokens and SIP password in memory
    _, status = os.waitpid(app.pid, 0)
    app.returncode = -signal.SIGSEGV
    assert os.WIFSIGNALED(status)
    assert not os.WCOREDUMP(status)
    assert list((tmp_path / "cwd").iterdir()) == []


def test_make_private_tightens_only_what_is_too_open(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    (folder / "sub").mkdir(parents=True, mode=0o755)
    loose = folder / "sub" / "calls.db"
    loose.write_text("x")
    loose.chmod(0o664)
    tight = folder / "key"
    tight.write_text("x")
    tight.chmod(0o400)
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("x")
    elsewhere.chmod(0o644)
    (folder / "link").symlink_to(elsewhere)

    make_private(folder)

    assert _mode(folder) == 0o700
    assert _mode(folder / "sub") == 0o700
    assert _mode(loose) == 0o600
    assert _mode(tight) == 0o400  # already private: left alone
    assert _mode(elsewhere) == 0o644  # a link's target is not ours to change


def test_harden_process_reports_nothing_missing_here() -> None:
    script = (
        "import ctypes, resource, sys\n"
        "from vpaphone.hardening import harden_process\n"
        "assert harden_process() == []\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE))\n"
        "print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))\n"  # PR_GET_DUMPABLE
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        preexec_fn=_allow_core_dumps,
    )
    assert done.stdout.split("\n")[:2] == ["(0, 0)", "0"]
