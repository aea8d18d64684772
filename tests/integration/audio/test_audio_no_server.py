"""No audio server at all: calls still connect; the user and support are told what is missing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.fixtures.pulseaudio import PulseServer
from tests.integration.audio.conftest import Peer

ROOT = Path(__file__).resolve().parents[3]


def _own_folders(env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """User folders of this test's own: diagnose's "Local data" section judges what is in them,
    and other tests of the run leave data of their own in the suite's shared folders."""
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        env[name] = str(tmp_path / name.lower())
    return env


def _no_server_env(tmp_path: Path) -> dict[str, str]:
    env = _own_folders(dict(os.environ), tmp_path)
    client_conf = tmp_path / "client.conf"
    client_conf.write_text("autospawn = no\n", encoding="utf-8")
    env.update(
        PULSE_SERVER=f"unix:{tmp_path / 'no-such-socket'}", PULSE_CLIENTCONFIG=str(client_conf)
    )
    return env


def test_call_connects_without_audio_server_and_status_says_why(
    tmp_path: Path, far_end: Callable[..., Peer]
) -> None:
    peer = far_end(1000)
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("no_server_call.py")), peer.uri],
        env=_no_server_env(tmp_path) | {"PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
    result = json.loads(line.removeprefix("RESULT "))
    assert result["state"] == "CONFIRMED"
    assert result["media_active"]
    assert result["stream_running"]  # runs, with nothing to open: no crash, no busy loop
    assert result["errors"] == []
    assert not result["can_talk"]
    assert result["problems"] == ["no_devices"]


def test_diagnose_reports_missing_audio(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vpaphone.cli", "diagnose", "--json"],
        env=_no_server_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-1000:]
    sections = {s["title"]: dict(map(tuple, s["lines"])) for s in json.loads(done.stdout)}
    assert sections["Audio devices"]["outputs"] == "none"
    assert sections["Audio devices"]["inputs"] == "none"
    assert "No audio devices found" in sections["Audio devices"]["problem"]
    assert sections["Audio engine"]["pjsua2 null device"].startswith("works")


@pytest.mark.pulseaudio
def test_diagnose_lists_the_devices_qt_sees(pulse: PulseServer, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vpaphone.cli", "diagnose"],
        env=_own_folders(dict(pulse.env), tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-1000:]
    assert "speakers  (system default)" in done.stdout
    assert "headset_mic" in done.stdout
    assert "works:" in done.stdout
