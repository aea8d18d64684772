"""Where the application finds its shipped resources and keeps its per-user files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from vpaphone import APP_NAME


def resources_dir() -> Path:
    """The shipped `resources/` folder.

    Installed (wheel, PyInstaller bundle, .deb) it sits inside the package as
    `vpaphone/resources/`; in a source checkout or an editable install it is the top-level
    `resources/` folder. `VPAPHONE_RESOURCES` overrides both. When none exists, the installed
    location is returned, so that errors name where the files belong (`vpaphone.shipped`
    checks for them and says what is missing).
    """
    override = os.environ.get("VPAPHONE_RESOURCES")
    if override:
        return Path(override)
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    source_tree = package.parents[1] / "resources"
    for candidate in (installed, source_tree):
        if candidate.is_dir():
            return candidate
    return installed


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    """Per-user data (SQLite database). Created on first use, private (0700)."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def config_dir() -> Path:
    path = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def managed_config_dir() -> Path:
    """System-wide settings that IT deploys (read-only for the app; may not exist)."""
    override = os.environ.get("VPAPHONE_MANAGED_CONFIG")
    if override:
        return Path(override)
    if sys.platform == "win32" or sys.platform == "darwin":
        return Path(platformdirs.site_config_dir(APP_NAME, appauthor=False))
    return Path("/etc") / APP_NAME  # not /etc/xdg: where Linux admins look for it


def log_dir() -> Path:
    path = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
