"""Start time and idle memory of the app, side by side with a minimal PySide6 window (same run,
same machine). Target (issue 6): start to window shown ≤ 1.3× that baseline.

Each start is a fresh process (`tests.bench.ui_probe`); the time runs from spawning the
process to the window being shown. The app shows its window (the sign-in form) before it loads
the SIP engine, the my-vpa client and the dialer; so does the baseline with pjsua2 (loaded after
its first frame, as the app loads it). Memory is the RSS two seconds after that, idle. Runs
alternate between the modes to share any drift; medians of RUNS starts are compared.

The libraries the product must load before sign-in cost more than the minimal window's 1.3×
by themselves (issue 16: 1.42-1.51×), so the memory target is held against that floor, measured
in the same run (`ui_probe.FLOOR_PARTS` loaded into the minimal window after its first frame):
the app ≤ FLOOR_TARGET × the floor — the part of the memory our code decides. The ratio to the
minimal window is reported. Sign-in possible (the parts loaded) is held to the same 1.3× against
the floor's parts loaded: what the libraries take to load is not ours to save, the rest is.
The app signed in, after typing, calls and idling, next to Twinkle and Linphone Desktop: bench_day.
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
FLOOR_TARGET = 1.15


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
        modes = ("baseline", "floor", "app")
        samples: dict[str, list[tuple[float, float, float]]] = {mode: [] for mode in modes}
        for _ in range(RUNS):
            for mode in modes:
                samples[mode].append(_start(mode, env))
    base_s = statistics.median(s for s, _, _ in samples["baseline"])
    app_s = statistics.median(s for s, _, _ in samples["app"])
    app_ready = statistics.median(r for _, r, _ in samples["app"])
    floor_ready = statistics.median(r for _, r, _ in samples["floor"])
    base_mb = statistics.median(m for _, _, m in samples["baseline"])
    app_mb = statistics.median(m for _, _, m in samples["app"])
    floor_mb = statistics.median(m for _, _, m in samples["floor"])
    for mode in modes:
        shown = sorted(round(s * 1000) for s, _, _ in samples[mode])
        rss = sorted(round(m, 1) for _, _, m in samples[mode])
        print(f"  {mode}: shown {shown} ms, RSS {rss} MB")
    return [
        Row(
            "ui start to window shown (baseline: minimal window, pjsua2 after it shows)",
            app_s * 1000,
            "ms",
            f"<= {TARGET}x baseline",
            app_s / base_s <= TARGET,
            base_s * 1000,
        ),
        Row(
            "ui start to sign-in possible (parts loaded) vs the floor's parts loaded",
            app_ready / floor_ready,
            "ratio",
            f"<= {TARGET}",
            app_ready / floor_ready <= TARGET,
            floor_ready * 1000,
        ),
        Row("ui start to sign-in possible (reported)", app_ready * 1000, "ms", "", None),
        Row("ui idle memory, sign-in window (RSS, reported)", app_mb, "MB", "", None, base_mb),
        Row(
            "ui idle memory vs minimal PySide6 window (reported)",
            app_mb / base_mb,
            "ratio",
            "",
            None,
            base_mb,
        ),
        Row(
            "ui idle memory floor: minimal window + required libraries (reported)",
            floor_mb / base_mb,
            "ratio",
            "",
            None,
            base_mb,
        ),
        Row(
            "ui idle memory vs that floor (our code's share)",
            app_mb / floor_mb,
            "ratio",
            f"<= {FLOOR_TARGET}",
            app_mb / floor_mb <= FLOOR_TARGET,
            floor_mb,
        ),
    ]
