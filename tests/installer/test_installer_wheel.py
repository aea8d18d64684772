"""The wheel, installed into a fresh venv the way a user or IT does it, used from elsewhere.

Nothing of the repository is on the path: the venv's own `vpaphone`, started in another
directory with a near-empty environment.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.fixtures.pulseaudio import PulseServer
from tests.fixtures.xserver import XServer, xvfb
from tests.installer.conftest import Artifacts
from tests.installer.installed_app import (
    WINDOW_TITLE,
    InstalledApp,
    call_and_hear_the_echo,
    sign_in,
)
from vpaphone.shipped import REQUIRED_FILES

pytestmark = [pytest.mark.installer, pytest.mark.slow]

# What a fresh venv is made with on Debian 12 (the project's target); this interpreter elsewhere.
SYSTEM_PYTHON = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable
DE_TASK = "T-1002"  # the demo's back-office DE task: the demo customer's number may be called


@dataclass(frozen=True)
class WheelInstall:
    venv: Path
    home: Path  # the user's home: config, data, log
    elsewhere: Path  # the directory commands are started in

    @property
    def vpaphone(self) -> str:
        return str(self.venv / "bin" / "vpaphone")

    @property
    def resources(self) -> Path:
        found = list(self.venv.glob("lib/python3*/site-packages/vpaphone/resources"))
        assert len(found) == 1, found
        return found[0]

    @property
    def log_file(self) -> Path:
        return self.home / ".local" / "state" / "vpaphone" / "log" / "vpaphone.log"

    def env(self, **extra: str) -> dict[str, str]:
        """What a desktop session gives a program, plus `extra`: the session bus (here the
        suite's, with its keyring), no PYTHONUNBUFFERED or other developer settings."""
        env = {"HOME": str(self.home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
        if "DBUS_SESSION_BUS_ADDRESS" in os.environ:
            env["DBUS_SESSION_BUS_ADDRESS"] = os.environ["DBUS_SESSION_BUS_ADDRESS"]
        return env | extra

    def run(self, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.vpaphone, *args],
            cwd=self.elsewhere,
            env=self.env(**extra),
            capture_output=True,  # pipes, as `| jq` would
            text=True,
            timeout=120,
            check=False,
        )


@pytest.fixture(scope="module")
def wheel_install(artifacts: Artifacts, tmp_path_factory: pytest.TempPathFactory) -> WheelInstall:
    base = tmp_path_factory.mktemp("wheel")
    venv = base / "venv"
    subprocess.run([SYSTEM_PYTHON, "-m", "venv", str(venv)], check=True, timeout=120)
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(artifacts.wheel)],
        cwd=base,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    (base / "home").mkdir()
    (base / "elsewhere").mkdir()
    return WheelInstall(venv, base / "home", base / "elsewhere")


def test_the_wheel_carries_the_resources_and_not_their_generators(artifacts: Artifacts) -> None:
    names = set(zipfile.ZipFile(artifacts.wheel).namelist())
    missing = [f for f in REQUIRED_FILES if f"vpaphone/resources/{f}" not in names]
    assert missing == []
    assert len([n for n in names if n.startswith("vpaphone/resources/flags/")]) > 240
    assert not [n for n in names if n.startswith("vpaphone/resources/") and n.endswith(".py")]
    assert "vpaphone/resources/translations/vpaphone_de.ts" not in names


def test_check_number_and_diagnose_from_another_directory(wheel_install: WheelInstall) -> None:
    checked = wheel_install.run("check-number", "--country", "DE", "0221 82829980")
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["e164"] == "+4922182829980"

    diagnosed = wheel_install.run("diagnose", "--json")
    report = json.loads(diagnosed.stdout)
    assert [s["title"] for s in report if s["failed"]] == []  # the session's keychain answers
    assert diagnosed.returncode == 0, diagnosed.stderr[-3000:]
    sections = {s["title"]: dict(s["lines"]) for s in report}
    installation = sections["Installation"]
    assert installation["kind"] == "installed package"
    assert installation["resources"].startswith(str(wheel_install.resources))
    assert "all" in installation["resources"]
    assert "present" in installation["resources"]
    assert sections["Audio engine"]["pjsua2 null device"].startswith("works")


@pytest.mark.pulseaudio
def test_demo_sign_in_and_call_with_audio(wheel_install: WheelInstall, pulse: PulseServer) -> None:
    """`vpaphone --demo` of the wheel: sign in with the keyboard, call the demo customer, hear
    the echo, hang up, quit."""
    settings = wheel_install.home / ".config" / "my-vpa" / "vpaphone.conf"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f"[tasks]\nactive={DE_TASK}\n", encoding="utf-8")  # a returning user
    with xvfb() as x, _started(wheel_install, x, pulse, "--demo") as app:
        app.wait_stdout("sign in with demo / demo")
        sign_in(app, x, user=None, password="demo")
        call_and_hear_the_echo(app, x, pulse, number="0221 8282 9980")
        assert app.stop() == 0
        left = {pid: _command(pid) for pid in group_members(app.process.pid)}
        assert left == {}, "outlived the app"


def test_a_missing_resource_is_named_in_diagnose_check_number_window_and_log(
    wheel_install: WheelInstall,
) -> None:
    zones = wheel_install.resources / "rules" / "zones.json"
    saved = zones.read_bytes()
    zones.unlink()
    try:
        diagnosed = wheel_install.run("diagnose", "--json")
        assert diagnosed.returncode == 1
        sections = {s["title"]: s for s in json.loads(diagnosed.stdout)}
        assert sections["Installation"]["failed"]
        assert "rules/zones.json" in dict(sections["Installation"]["lines"])["resources"]

        checked = wheel_install.run("check-number", "0221 82829980")
        assert checked.returncode == 3  # broken shipped rule data
        assert str(zones) in checked.stderr

        with xvfb() as x, _started(wheel_install, x, None, "--demo") as app:
            box = x.wait_window(WINDOW_TITLE)  # the message, instead of a hanging sign-in
            line = app.wait_log("installation incomplete")
            assert "rules/zones.json" in line
            assert "reinstall" in line
            x.focus(box)
            x.key("Return")  # Close
            assert app.process.wait(timeout=30) == 4
    finally:
        zones.write_bytes(saved)


@contextlib.contextmanager
def _started(
    install: WheelInstall, x: XServer, pulse: PulseServer | None, *args: str
) -> Iterator[InstalledApp]:
    runtime = install.home / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    extra = {**x.env, "XDG_RUNTIME_DIR": str(runtime), "QT_QPA_PLATFORM": "xcb"}
    if pulse is not None:
        extra |= {k: pulse.env[k] for k in ("PULSE_SERVER", "PULSE_CLIENTCONFIG")}
    app = InstalledApp.start(
        [install.vpaphone, *args],
        install.env(**extra),
        install.log_file,
        lambda: _kill_group(app.process),
        cwd=install.elsewhere,
    )
    try:
        yield app
    except BaseException:
        x.screenshot(install.home / "failure.png")  # look at it when this test fails
        raise
    finally:
        app.close()


def _kill_group(process: subprocess.Popen[str]) -> None:
    """Whatever of the app's process group is still there (its demo peer) goes too."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def _command(pid: int) -> str:
    with contextlib.suppress(OSError):
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    return "?"


def group_members(pgid: int) -> list[int]:
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(stat[2]) == pgid:
                    members.append(int(entry.name))
    return members
