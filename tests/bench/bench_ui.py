"""Start time and idle memory of the app, side by side with a minimal PySide6 window that
imports pjsua2 (same run, same machine). Targets (issue 6): both ≤ 1.3× that baseline.

Each start is a fresh process (`tests.bench.ui_probe`); the time runs from spawning the
process to the window being shown. The app shows its window (the sign-in form) before it loads
the SIP engine, the my-vpa client and the dialer; the time until those are loaded and signing
in works is reported too (no target). Memory is the RSS two seconds after that, idle. Runs
alternate between the two to share any drift; medians of RUNS starts are compared.

The target compares the sign-in form. A VPA's app spends the day signed in, with tasks loaded and
the SIP engine running: that idle RSS is reported too (signed in to the demo my-vpa, which runs
in its own process here, with the demo SIP peer), with a bound that catches bloat.

The memory target sits below what the libraries the product must use cost by themselves, so the
same run also measures that floor (`ui_probe.FLOOR_PARTS` on the minimal window) and holds the
app's own share to FLOOR_TARGET × the floor: the part of the memory our code decides.
"""

from __future__ import annotations

import contextlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator

from tests.bench.harness import Row
from vpaphone.demo.launch import start_peer, stop_peer
from vpaphone.demo.server import free_port

RUNS = 7
SIGNED_IN_RUNS = 3
SIGNED_IN_BOUND_MB = 200
TARGET = 1.3
FLOOR_TARGET = 1.15
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


@contextlib.contextmanager
def _demo_my_vpa(env: dict[str, str], tls_dir: str) -> Iterator[dict[str, str]]:
    """The demo my-vpa server and SIP peer as child processes; `env` pointed at them."""
    peer_port = free_port()
    command = [sys.executable, "-m", "vpaphone.demo.server", "--peer-port", str(peer_port)]
    server = subprocess.Popen(
        [*command, "--tls-dir", tls_dir],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    peer = None
    try:
        assert server.stdout is not None
        match = re.match(r"demo my-vpa: (\S+) \(CA: (.+)\)", server.stdout.readline())
        if match is None:
            raise RuntimeError("the demo my-vpa server did not start")
        peer = start_peer(peer_port)
        yield {**env, "VPAPHONE_MYVPA_URL": match[1], "VPAPHONE_CA_BUNDLE": match[2]}
    finally:
        if peer is not None:
            stop_peer(peer)
        server.terminate()
        server.wait(timeout=10)
        if server.stdout is not None:
            server.stdout.close()


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
        with _demo_my_vpa(env, os.path.join(home, "tls")) as demo_env:
            signed_in_mb = statistics.median(
                _start("signed-in", demo_env)[2] for _ in range(SIGNED_IN_RUNS)
            )
    base_s = statistics.median(s for s, _, _ in samples["baseline"])
    app_s = statistics.median(s for s, _, _ in samples["app"])
    app_ready = statistics.median(r for _, r, _ in samples["app"])
    base_mb = statistics.median(m for _, _, m in samples["baseline"])
    app_mb = statistics.median(m for _, _, m in samples["app"])
    floor_mb = statistics.median(m for _, _, m in samples["floor"])
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
        Row(
            "ui idle memory signed in, phone started (reported)",
            signed_in_mb,
            "MB",
            f"<= {SIGNED_IN_BOUND_MB}",
            signed_in_mb <= SIGNED_IN_BOUND_MB,
            base_mb,
        ),
    ]
