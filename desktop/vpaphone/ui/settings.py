"""Applying what the settings dialog (ui.widgets.settings_dialog) saved: devices, start at login,
close to tray. A new language shows after a restart, which the main window offers."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from vpaphone.platform import autostart
from vpaphone.platform.policy import PolicyError, read_policy
from vpaphone.ui.settings_keys import CLOSE_TO_TRAY_KEY, START_AT_LOGIN_KEY

if TYPE_CHECKING:
    from vpaphone.app.phone import PhoneService
    from vpaphone.ui.widgets.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)
MINIMIZED_OPTION = "--minimized"  # a login start goes to the tray, not into the user's face


def autostart_command() -> list[str]:
    """This installation's executable (an installed bundle's, or this venv's interpreter),
    started to the tray. A bare `vpaphone` would depend on PATH."""
    from vpaphone.ui.restart import relaunch_command  # noqa: PLC0415 - the one way to start us

    return relaunch_command((MINIMIZED_OPTION,))  # the company my-vpa, not the demo


def autostart_entry() -> str:
    """The XDG autostart entry (Linux desktops)."""
    return autostart.xdg_entry(autostart_command())


def autostart_file() -> Path:
    """The XDG autostart entry (Linux desktops)."""
    return autostart.xdg_file()


def start_at_login_allowed() -> bool:
    """False when IT's policy (StartAtLoginAllowed = 0) forbids it; an unusable policy is
    reported where it matters (sign-in, `vpaphone diagnose`) and allows it here."""
    try:
        return read_policy().start_at_login_allowed is not False
    except PolicyError:
        return True


def apply_start_at_login(enabled: bool) -> None:
    """Writes or removes this system's login entry (vpaphone.platform.autostart)."""
    allowed = start_at_login_allowed()
    where = autostart.apply(enabled and allowed, autostart_command())
    if enabled and not allowed:
        log.info("start at login is switched off by policy: removed %s", where)


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
