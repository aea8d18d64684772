"""'Start when I log in': the autostart entry names this installation's executable and starts it
in the tray — not a bare `vpaphone` that no PATH of a real install provides."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from vpaphone.ui.settings import apply_start_at_login, autostart_entry, autostart_file


def _exec_line(entry: str) -> str:
    return next(line for line in entry.splitlines() if line.startswith("Exec="))


def test_an_installed_bundle_starts_its_own_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/vpaphone/vpaphone")
    assert _exec_line(autostart_entry()) == "Exec=/opt/vpaphone/vpaphone --minimized"


def test_a_venv_install_starts_its_interpreter() -> None:
    line = _exec_line(autostart_entry())
    assert line == f"Exec={sys.executable} -m vpaphone.cli --minimized"


def test_a_path_with_spaces_is_quoted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/home/vpa/My Apps/vpaphone")
    assert _exec_line(autostart_entry()) == 'Exec="/home/vpa/My Apps/vpaphone" --minimized'


def test_the_written_entry_is_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/vpaphone/vpaphone")
    apply_start_at_login(True)
    path = autostart_file()
    assert path == tmp_path / "autostart" / "vpaphone.desktop"
    done = subprocess.run(
        ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    apply_start_at_login(False)
    assert not path.exists()
