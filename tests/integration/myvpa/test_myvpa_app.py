"""The demo my-vpa server as its own process (app launch: tests/e2e/test_e2e_launch.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from vpaphone.myvpa.client import MyVpaClient
from vpaphone.myvpa.keychain import Keychain
from vpaphone.myvpa.session import Session
from vpaphone.myvpa.transport import Transport, TransportConfig

pytestmark = [pytest.mark.slow, pytest.mark.keyring]


def test_demo_server_runs_as_its_own_process(tmp_path: Path, no_keychain: Keychain) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "vpaphone.demo.server", "--tls-dir", str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        found = re.match(r"demo my-vpa: (\S+) \(CA: (\S+)\)", line)
        assert found, line
        config = TransportConfig(found.group(1), ca_bundle=Path(found.group(2)))
        session = Session(Transport(config), no_keychain)
        session.sign_in("sales", "demo")
        assert MyVpaClient(session).profile().name == "Sami Sales"
    finally:
        process.terminate()
        assert process.wait(timeout=10) == 0
        if process.stdout is not None:
            process.stdout.close()
