"""Child process for test_sip_nat: an ICE call between our engine and an ICE peer
(`tests/fixtures/pjsua_peer.py --ice`).

pjnath never offers loopback addresses as ICE host candidates, so ICE cannot be shown on
127.0.0.1. The test runs this script in a network namespace of its own (`unshare --net`) with
a veth pair: CALLER_IP for our engine, PEER_IP for the peer, nothing else reachable. The engine
calls the peer directly (no registrar), ICE on both sides. Prints one JSON line `RESULT {...}`:
nat_engine_child's figures plus the `a=candidate` lines of the INVITE the peer received and of
the 200 it sent (from the peer's SIP message log).

Usage: python ice_call_child.py WORK_DIR
"""

from __future__ import annotations

import json
import queue
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

from PySide6.QtCore import QCoreApplication

from tests.fixtures.kamailio import die_with_parent
from tests.integration.sip.nat_engine_child import run_engine
from vpaphone.sip.config import SipAccountConfig

CALLER_IP = "10.99.0.1"
PEER_IP = "10.99.0.2"
NUMBER = "+4922100000002"
PEER_SCRIPT = [sys.executable, str(Path(__file__).parents[2] / "fixtures" / "pjsua_peer.py")]
_MESSAGE = re.compile(
    r"(?:RX|TX) \d+ bytes (Request msg INVITE|Response msg 200/INVITE).*?--end msg--", re.S
)


def candidates(log: str) -> dict[str, list[str]]:
    """`a=candidate` lines of the first INVITE received and the first 200 to it sent."""
    found: dict[str, list[str]] = {}
    for match in _MESSAGE.finditer(log):
        kind = "invite" if "Request" in match.group(1) else "ok"
        lines = [x.strip() for x in match.group(0).splitlines() if x.startswith("a=candidate")]
        found.setdefault(kind, lines)
    return found


def ready_port(stdout: IO[str], timeout: float) -> int:
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        for line in stdout:
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    while True:
        line = lines.get(timeout=timeout)
        if line.startswith("READY "):
            return int(line.split()[1])


def main() -> int:
    work = Path(sys.argv[1])
    log_file = work / "peer-sip.log"
    app = QCoreApplication([])
    peer = subprocess.Popen(
        [*PEER_SCRIPT, "--sip-log", str(log_file), "--address", PEER_IP, "--ice", "--tone-hz=440"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        preexec_fn=die_with_parent,  # noqa: PLW1509 (async-signal-safe: one prctl call)
    )
    try:
        assert peer.stdout is not None
        port = ready_port(peer.stdout, 15.0)
        config = SipAccountConfig(
            domain=f"{PEER_IP}:{port}", username="alice", register=False, ice=True
        )
        result = run_engine(app, config, NUMBER)
    finally:
        assert peer.stdin is not None
        peer.stdin.close()
        peer.wait(10)
    result["sdp_candidates"] = candidates(log_file.read_text(errors="replace"))
    print("RESULT " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
