"""Start at login, per system: what is written where.

    Linux    ~/.config/autostart/vpaphone.desktop                     (XDG autostart entry)
    Windows  HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run, value "vpaphone"
    macOS    ~/Library/LaunchAgents/de.my-vpa.vpaphone.plist          (launchd, at next login)

The command is this installation's executable with its options (`ui.restart.relaunch_command`);
the text of each entry is built here and unit-tested on every platform. The registry write is
the one call Linux cannot make: it sits behind `RunKey` (the real one: `WinregRunKey`).
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from vpaphone import APP_DISPLAY_NAME, APP_NAME
from vpaphone.platform.policy import MACOS_DOMAIN

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"  # under HKEY_CURRENT_USER
RUN_VALUE = APP_NAME
LAUNCH_AGENT_LABEL = MACOS_DOMAIN


def xdg_entry(command: Sequence[str]) -> str:
    """The XDG autostart entry (Desktop Entry spec quoting)."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_DISPLAY_NAME}\n"
        f"Exec={' '.join(_desktop_quoted(a) for a in command)}\n"
        f"Icon={APP_NAME}\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def _desktop_quoted(argument: str) -> str:
    """An Exec argument as the Desktop Entry spec wants it: % doubled; quoted when it holds
    reserved characters, with " ` $ \\ escaped inside the quotes — and then every backslash
    doubled again, since a desktop file's string values are unescaped before the quoting."""
    argument = argument.replace("%", "%%")
    if not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`"):
        return argument
    quoted = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return '"' + quoted.replace("\\", "\\\\") + '"'


def xdg_file(environ: os._Environ[str] | dict[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    base = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart" / f"{APP_NAME}.desktop"


def windows_run_value(command: Sequence[str]) -> str:
    """The Run value's command line: quoted the way Windows' C runtime splits it again
    ("C:\\Program Files\\..." needs its quotes, or Windows tries C:\\Program.exe first)."""
    return subprocess.list2cmdline(list(command))


def launch_agent_plist(command: Sequence[str]) -> bytes:
    """The LaunchAgent: runs the command once at login in the user's GUI session; launchd
    must not restart it when the user quits (no KeepAlive)."""
    agent = {
        "Label": LAUNCH_AGENT_LABEL,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        "KeepAlive": False,
        "ProcessType": "Interactive",
        "LimitLoadToSessionType": "Aqua",
    }
    return plistlib.dumps(agent, fmt=plistlib.FMT_XML, sort_keys=True)


def launch_agent_file(home: Path | None = None) -> Path:
    return (home or Path.home()) / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"


class RunKey(Protocol):
    """HKCU's Run key: one value per program started at login."""

    def set(self, name: str, command_line: str) -> None: ...
    def delete(self, name: str) -> None: ...


class WinregRunKey:  # pragma: no cover - Windows only; the value it writes is tested
    def set(self, name: str, command_line: str) -> None:
        import winreg  # noqa: PLC0415 - Windows only

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:  # type: ignore[attr-defined,unused-ignore]
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, command_line)  # type: ignore[attr-defined,unused-ignore]

    def delete(self, name: str) -> None:
        import winreg  # noqa: PLC0415 - Windows only

        try:
            with winreg.OpenKey(  # type: ignore[attr-defined,unused-ignore]
                winreg.HKEY_CURRENT_USER,  # type: ignore[attr-defined,unused-ignore]
                RUN_KEY,
                0,
                winreg.KEY_SET_VALUE,  # type: ignore[attr-defined,unused-ignore]
            ) as key:
                winreg.DeleteValue(key, name)  # type: ignore[attr-defined,unused-ignore]
        except FileNotFoundError:
            pass  # nothing to remove


def apply(
    enabled: bool,
    command: Sequence[str],
    *,
    platform: str = sys.platform,
    home: Path | None = None,
    run_key: RunKey | None = None,
) -> str:
    """Writes (or removes) this system's start-at-login entry; says where, for the log."""
    if platform == "win32":
        key = run_key or WinregRunKey()
        if enabled:
            key.set(RUN_VALUE, windows_run_value(command))
        else:
            key.delete(RUN_VALUE)
        return f"HKCU\\{RUN_KEY}\\{RUN_VALUE}"
    if platform == "darwin":
        path = launch_agent_file(home)
        if enabled:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(launch_agent_plist(command))
        else:
            path.unlink(missing_ok=True)
        return str(path)
    path = xdg_file()
    if enabled:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(xdg_entry(command), encoding="utf-8")
    else:
        path.unlink(missing_ok=True)
    return str(path)
