"""Start at login on Windows (Run value) and macOS (LaunchAgent): what is written where; and
IT's StartAtLoginAllowed = 0 keeps every system's entry away."""

from __future__ import annotations

import plistlib
import sys
from pathlib import Path

import pytest

from vpaphone.platform import autostart
from vpaphone.platform.policy import Policy
from vpaphone.ui import settings as ui_settings

WINDOWS_EXE = r"C:\Program Files\my-vpa\vpaphone\vpaphone.exe"


class RecordedRunKey:
    """HKCU's Run key as a dict: the values a real WinregRunKey would hold afterwards."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def set(self, name: str, command_line: str) -> None:
        self.values[name] = command_line

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def test_windows_run_value_quotes_program_files() -> None:
    # unquoted, Windows would try C:\Program.exe first (and run whatever sits there)
    line = autostart.windows_run_value([WINDOWS_EXE, "--minimized"])
    assert line == f'"{WINDOWS_EXE}" --minimized'


def test_windows_run_value_of_a_path_with_quotes_and_trailing_backslash() -> None:
    # the C runtime's rules: backslashes before a quote are doubled
    line = autostart.windows_run_value([r"C:\a b\vp.exe", 'x"y', "c:\\dir with space\\"])
    assert line == r'"C:\a b\vp.exe" x\"y "c:\dir with space\\"'


def test_windows_writes_and_removes_the_run_value() -> None:
    key = RecordedRunKey()
    where = autostart.apply(True, [WINDOWS_EXE, "--minimized"], platform="win32", run_key=key)
    assert where == r"HKCU\Software\Microsoft\Windows\CurrentVersion\Run\vpaphone"
    assert key.values == {"vpaphone": f'"{WINDOWS_EXE}" --minimized'}
    autostart.apply(False, [WINDOWS_EXE, "--minimized"], platform="win32", run_key=key)
    assert key.values == {}


def test_macos_launch_agent(tmp_path: Path) -> None:
    command = ["/Applications/my-vpa Phone.app/Contents/MacOS/vpaphone", "--minimized"]
    where = autostart.apply(True, command, platform="darwin", home=tmp_path)
    path = tmp_path / "Library" / "LaunchAgents" / "de.my-vpa.vpaphone.plist"
    assert where == str(path)
    agent = plistlib.loads(path.read_bytes())
    assert agent == {
        "Label": "de.my-vpa.vpaphone",
        "ProgramArguments": command,  # an argument list: no shell, no quoting to get wrong
        "RunAtLoad": True,
        "KeepAlive": False,  # quitting the app must not make launchd start it again
        "ProcessType": "Interactive",
        "LimitLoadToSessionType": "Aqua",
    }
    autostart.apply(False, command, platform="darwin", home=tmp_path)
    assert not path.exists()


def test_policy_keeps_start_at_login_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/vpaphone/vpaphone")
    entry = tmp_path / "autostart" / "vpaphone.desktop"
    ui_settings.apply_start_at_login(True)
    assert entry.is_file()
    forbidden = Policy(source="test policy", start_at_login_allowed=False)
    monkeypatch.setattr(ui_settings, "read_policy", lambda: forbidden)
    assert not ui_settings.start_at_login_allowed()
    ui_settings.apply_start_at_login(True)  # the user's old choice: IT's policy now says no
    assert not entry.exists()
