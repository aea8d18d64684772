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

DESKTOP_ENTRY = f"""[Desktop Entry]
Type=Application
Name={APP_DISPLAY_NAME}
Exec={APP_NAME}
Icon={APP_NAME}
X-GNOME-Autostart-enabled=true
"""


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
        path.write_text(DESKTOP_ENTRY, encoding="utf-8")
    else:
        path.unlink(missing_ok=True)


def close_to_tray_wanted(settings: QSettings) -> bool:
    return settings.value(CLOSE_TO_TRAY_KEY, True) in (True, "true", "1", 1)


def make_settings_dialog(phone: PhoneService, parent: object) -> SettingsDialog:
    """The dialog, wired so that what OK saves takes effect at once where it can."""
    from PySide6.QtWidgets import QWidget  # noqa: PLC0415 - typing of the parent only

    from vpaphone.audio.settings import DeviceChoice  # noqa: PLC0415 - see TYPE_CHECKING
    from vpaphone.ui.widgets.settings_dialog import SettingsDialog  # noqa: PLC0415

    dialog = SettingsDialog(parent=parent if isinstance(parent, QWidget) else None)

    def devices(choice: DeviceChoice) -> None:
        phone.use_devices(choice)

    def general() -> None:
        apply_start_at_login(QSettings().value(START_AT_LOGIN_KEY, False) in (True, "true"))

    dialog.devices_changed.connect(devices)
    dialog.general_changed.connect(general)
    return dialog
