"""Start time and idle memory of the app, side by side with a minimal PySide6 window that
imports pjsua2 (same run, same machine). Targets (issue 6): both ≤ 1.3× that baseline.

Each start is a fresh process (`tests.bench.ui_probe`); the time runs from spawning the
process to the window being shown. The app shows its window (the sign-in form) before it loads
the SIP engine, the my-vpa client and the dialer; the time until those are loaded and signing
in works is reported too (no target). Memory is the RSS two seconds after that, idle. Runs
alternate between the two to share any drift; medians of RUNS starts are compared.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

from tests.bench.harness import Row

RUNS = 7
TARGET = 1.3
READY_TARGET_MS = 1000  # a VPA can type credentials within a second of starting the app


def _start(mode: str, env: dict[str, str]) -> tuple[float, float, float]:
    """(seconds to window shown, seconds to ready, idle RSS in MB) of one fresh process."""
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.bench.ui_probe", mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    shown = ready = rss = None
    for line in process.stdout:
        if line.startswith("SHOWN") and shown is None:
            shown = time.perf_counter() - began
        elif line.startswith("READY") and ready is None:
            ready = time.perf_counter() - began
        elif line.startswith("RSS "):
            rss = int(line.split()[1]) / 1024
    if process.wait(timeout=60) != 0 or shown is None or ready is None or rss is None:
        raise RuntimeError(f"ui probe {mode} failed (exit {process.returncode})")
    return shown, ready, rss


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="bench-ui-") as home:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # a private user directory set, and a configured (unreachable) my-vpa: the sign-in view
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[name] = os.path.join(home, name.lower())
        env["VPAPHONE_MYVPA_URL"] = "https://127.0.0.1:9/api/v1"
        _start("baseline", env)  # warm the file cache for both
        _start("app", env)
        samples: dict[str, list[tuple[float, float, float]]] = {"baseline": [], "app": []}
        for _ in range(RUNS):
            for mode in ("baseline", "app"):
                samples[mode].append(_start(mode, env))
    base_s = statistics.median(s for s, _, _ in samples["baseline"])
    app_s = statistics.median(s for s, _, _ in samples["app"])
    app_ready = statistics.median(r for _, r, _ in samples["app"])
    base_mb = statistics.median(m for _, _, m in samples["baseline"])
    app_mb = statistics.median(m for _, _, m in samples["app"])
    return [
        Row(
            "ui start to window shown",
            app_s * 1000,
            "ms",
            f"<= {TARGET}x baseline",
            app_s / base_s <= TARGET,
            base_s * 1000,
        ),
        Row(
            "ui start to sign-in possible (parts loaded)",
            app_ready * 1000,
            "ms",
            f"<= {READY_TARGET_MS} ms",
            app_ready * 1000 <= READY_TARGET_MS,
        ),
        Row(
            "ui start time vs minimal PySide6+pjsua2 window",
            app_s / base_s,
            "ratio",
            f"<= {TARGET}",
            app_s / base_s <= TARGET,
            base_s * 1000,
        ),
        Row(
            "ui idle memory (RSS)",
            app_mb,
            "MB",
            f"<= {TARGET}x baseline",
            app_mb / base_mb <= TARGET,
            base_mb,
        ),
        Row(
            "ui idle memory vs minimal PySide6+pjsua2 window",
            app_mb / base_mb,
            "ratio",
            f"<= {TARGET}",
            app_mb / base_mb <= TARGET,
            base_mb,
        ),
    ]
