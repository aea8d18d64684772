"""The release smoke test (installer/release/smoke.sh, which release.yml runs on every system)
on the Linux bundle: the script that judges the Windows and macOS builds is itself run here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.installer.conftest import Artifacts

pytestmark = [pytest.mark.installer, pytest.mark.slow]
SMOKE = Path(__file__).resolve().parents[2] / "installer" / "release" / "smoke.sh"


def test_smoke_script_passes_on_the_linux_bundle(artifacts: Artifacts, tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "PYTHON": sys.executable,
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [str(SMOKE), str(artifacts.bundle / "vpaphone")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "smoke: SIP transports: TLS: can be created" in done.stdout
    assert "smoke: check-number: +4922182829980 allow" in done.stdout
    assert done.stdout.rstrip().endswith("smoke: passed")


def test_smoke_script_fails_on_a_bundle_without_german(
    artifacts: Artifacts, tmp_path: Path
) -> None:
    """It can fail: a copy of the bundle that lost its .qm (the trap PLATFORM.md names)."""
    copy = tmp_path / "bundle"
    subprocess.run(["cp", "-a", str(artifacts.bundle), str(copy)], check=True, timeout=300)
    (qm,) = copy.rglob("vpaphone_de.qm")
    qm.unlink()
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    done = subprocess.run(
        [str(SMOKE), str(copy / "vpaphone")],
        env={**env, "PYTHON": sys.executable, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1
    assert "smoke: FAILED: diagnose" in done.stderr
