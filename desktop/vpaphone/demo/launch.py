"""The demo customer SIP peer as a child process: `python -m vpaphone.demo.peer --port N`.

A child process because pjsua2 allows one endpoint per process and the app has its own.
Used by `vpaphone --demo`, the screenshots and the tests, so all start and stop it alike.
"""

from __future__ import annotations

import subprocess
import sys
import time
from typing import IO

START_TIMEOUT_S = 15.0
STOP_TIMEOUT_S = 10.0


def start_peer(port: int, stderr: int | IO[str] = subprocess.DEVNULL) -> subprocess.Popen[str]:
    """The running peer on 127.0.0.1:`port`; RuntimeError if it did not come up."""
    peer = subprocess.Popen(
        [sys.executable, "-m", "vpaphone.demo.peer", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
    )
    assert peer.stdout is not None
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        line = peer.stdout.readline()
        if not line:  # exited
            break
        if "listening on" in line:
            return peer
    stop_peer(peer)
    raise RuntimeError(f"the demo customer SIP peer did not start on 127.0.0.1:{port}")


def stop_peer(peer: subprocess.Popen[str]) -> None:
    """SIGTERM (the peer hangs up and exits cleanly), SIGKILL if it does not."""
    if peer.poll() is None:
        peer.terminate()
        try:
            peer.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            peer.kill()
            peer.wait()
    if peer.stdout is not None:
        peer.stdout.close()
