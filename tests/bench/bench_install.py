"""The installed forms side by side: the one-folder bundle (`make bundle`, inside the .deb) and
the same wheel installed in a venv (build/bundle-venv, the venv the bundle is built from).

- size of the bundle (target ≤ 180 MiB; naive PyInstaller output was 265 MiB) and of the .deb;
- start to window shown, bundle vs venv (target ≤ 1.1×): a fresh process each time, the moment
  read from the app's own log line "window shown" (written after the first pass of its event
  loop; millisecond time stamps), runs alternating, medians compared;
- `vpaphone --version` from start to exit, bundle vs venv (reported): a CLI start must not load
  Qt (PyInstaller's own PySide6 hook did, 2.2× the venv's time).
`make bench` builds the .deb first.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import tempfile
import time
from datetime import datetime
from pathlib import Path

from tests.bench.harness import Row
from vpaphone import __version__

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "build" / "bundle" / "vpaphone"
VENV_APP = ROOT / "build" / "bundle-venv" / "bin" / "vpaphone"
DEB = ROOT / "build" / f"vpaphone_{__version__}-1_amd64.deb"
RUNS = 11
CLI_RUNS = 15
SIZE_TARGET_MIB = 180
START_TARGET = 1.1
MIB = 1024 * 1024


def apparent_size(folder: Path) -> int:
    """Bytes of the files (links counted as links), as `du --apparent-size` adds them up."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir() or p.is_symlink())


def _env(home: str) -> dict[str, str]:
    env = {
        "HOME": home,
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        # a configured (unreachable) my-vpa: the sign-in view, no demo servers to start
        "VPAPHONE_MYVPA_URL": "https://127.0.0.1:9/api/v1",
    }
    for name in ("XDG_RUNTIME_DIR", "DBUS_SESSION_BUS_ADDRESS"):
        if name in os.environ:
            env[name] = os.environ[name]
    return env


def start_to_window(executable: Path, home: str) -> float:
    """Seconds from spawning `executable` to its log line "window shown"."""
    log = Path(home) / ".local" / "state" / "vpaphone" / "log" / "vpaphone.log"
    log.unlink(missing_ok=True)
    began = time.time()
    process = subprocess.Popen(
        [str(executable)],
        env=_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            for line in log.read_text().splitlines() if log.exists() else []:
                if line.endswith("window shown"):
                    stamp = datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")
                    return stamp.timestamp() - began
            time.sleep(0.02)
        raise RuntimeError(f"{executable}: no 'window shown' in its log within 60 s")
    finally:
        process.send_signal(signal.SIGTERM)  # quits; the next start must not hand over to it
        process.wait(timeout=30)


def cli_seconds(executable: Path, home: str) -> float:
    began = time.perf_counter()
    subprocess.run([str(executable), "--version"], env=_env(home), capture_output=True, check=True)
    return time.perf_counter() - began


def run() -> list[Row]:
    bundle_mib = apparent_size(BUNDLE) / MIB
    deb_mib = DEB.stat().st_size / MIB
    with tempfile.TemporaryDirectory(prefix="bench-install-") as home:
        pair = {"bundle": BUNDLE / "vpaphone", "venv": VENV_APP}
        for executable in pair.values():  # warm the file cache for both
            start_to_window(executable, home)
        shown: dict[str, list[float]] = {name: [] for name in pair}
        for _ in range(RUNS):
            for name, executable in pair.items():
                shown[name].append(start_to_window(executable, home))
        cli: dict[str, list[float]] = {name: [] for name in pair}
        for _ in range(CLI_RUNS):
            for name, executable in pair.items():
                cli[name].append(cli_seconds(executable, home))
    bundle_s, venv_s = (statistics.median(shown[n]) for n in ("bundle", "venv"))
    cli_bundle, cli_venv = (statistics.median(cli[n]) for n in ("bundle", "venv"))
    return [
        Row(
            "bundle size (one folder, apparent)",
            bundle_mib,
            "MiB",
            f"<= {SIZE_TARGET_MIB} MiB",
            bundle_mib <= SIZE_TARGET_MIB,
        ),
        Row(".deb size (xz)", deb_mib, "MiB", "", None),
        Row(
            "bundle start to window shown",
            bundle_s * 1000,
            "ms",
            f"<= {START_TARGET}x venv install",
            bundle_s / venv_s <= START_TARGET,
            venv_s * 1000,
        ),
        Row(
            "bundle start to window vs venv install",
            bundle_s / venv_s,
            "ratio",
            f"<= {START_TARGET}",
            bundle_s / venv_s <= START_TARGET,
            venv_s * 1000,
        ),
        Row("CLI --version, bundle (reported)", cli_bundle * 1000, "ms", "", None, cli_venv * 1000),
        Row("CLI --version, bundle vs venv install", cli_bundle / cli_venv, "ratio", "", None),
    ]
