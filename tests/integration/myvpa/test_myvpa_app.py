"""`vpaphone --demo` and `vpaphone` as a user runs them (no fakes, children cleaned up)."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from vpaphone.myvpa.client import MyVpaClient
from vpaphone.myvpa.keychain import Keychain
from vpaphone.myvpa.session import Session
from vpaphone.myvpa.transport import Transport, TransportConfig

pytestmark = [pytest.mark.slow, pytest.mark.keyring]


def test_demo_signs_in_and_shows_what_a_vpa_would_see() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vpaphone.cli", "--demo"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert "sign in with demo / demo" in out
    assert "Signed in as Dana Demo (backoffice)" in out
    assert "Caller ID: +4922182829980 (central my-vpa number)" in out
    assert "register: no" in out
    for area in ("none", "backoffice_de", "backoffice_eu", "sales_de", "sales_eu"):
        assert re.search(rf"^T-\d+ +{area} ", out, re.M), area
    assert re.search(r"^T-1003 +backoffice_eu +1\.3 +26\.7 % over", out, re.M)
    assert re.search(r"^T-1006 +individual_quote +quote", out, re.M)
    assert "window is not built yet" in out
    # the demo customer is gone: its port is free again
    port = int(re.search(r"any number at 127\.0\.0\.1:(\d+)", out).group(1))  # type: ignore[union-attr]
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", port))


def test_without_demo_says_the_ui_is_missing() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vpaphone.cli"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "window is not built yet" in result.stderr
    assert "vpaphone --demo" in result.stderr


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
