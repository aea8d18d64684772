"""Applying what the settings dialog (ui.widgets.settings_dialog) saved: devices, start at login,
close to tray. A new language shows after a restart, which the main window offers."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from vpaphone import APP_DISPLAY_NAME, APP_NAME
from vpaphone.ui.settings_keys import CLOSE_TO_TRAY_KEY, START_AT_LOGIN_KEY

if TYPE_CHECKING:
    from vpaphone.app.phone import PhoneService
    from vpaphone.ui.widgets.settings_dialog import SettingsDialog

MINIMIZED_OPTION = "--minimized"  # a login start goes to the tray, not into the user's face


def autostart_entry() -> str:
    """The XDG autostart entry: this installation's executable (an installed bundle's, or this
    venv's interpreter), started to the tray. A bare `vpaphone` would depend on PATH."""
    from vpaphone.ui.restart import relaunch_command  # noqa: PLC0415 - the one way to start us

    arguments = relaunch_command((MINIMIZED_OPTION,))  # the company my-vpa, not the demo
    command = " ".join(_desktop_quoted(a) for a in arguments)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_DISPLAY_NAME}\n"
        f"Exec={command}\n"
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


def autostart_file() -> Path:
    """The XDG autostart entry (Linux desktops)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart" / f"{APP_NAME}.desktop"


def apply_start_at_login(enabled: bool) -> None:
    if not sys.platform.startswith("linux"):
        return  # Windows and macOS: the installer registers the start entry
    path = autostart_file()
    if enabled:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(autostart_entry(), encoding="utf-8")
    else:
        path.unlink(missing_ok=True)


def close_to_tray_wanted(settings: QSettings) -> bool:
    return settings.value(CLOSE_TO_TRAY_KEY, True) in (True, "true", "1", 1)


def make_settings_dialog(phone: PhoneService, parent: object) -> SettingsDialog:
    """The dialog, wired so that what OK saves takes effect at once where it can."""
    from PySide6.QtWidgets import QWidget  # noqa: PLC0415 - typing of the parent only

    from vpaphone.audio.settings import DeviceChoice, ProcessingChoice  # noqa: PLC0415
    from vpaphone.ui.widgets.settings_dialog import SettingsDialog  # noqa: PLC0415

    dialog = SettingsDialog(parent=parent if isinstance(parent, QWidget) else None)

    def devices(choice: DeviceChoice) -> None:
        phone.use_devices(choice)

    def processing(choice: ProcessingChoice) -> None:
        phone.use_processing(choice)

    def general() -> None:
        apply_start_at_login(QSettings().value(START_AT_LOGIN_KEY, False) in (True, "true"))

    dialog.devices_changed.connect(devices)
    dialog.processing_changed.connect(processing)
    dialog.general_changed.connect(general)
    return dialog
