"""Where the application finds its shipped resources and keeps its per-user files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from vpaphone import APP_NAME


def resources_dir() -> Path:
    """The shipped `resources/` folder: env override, PyInstaller bundle, source tree, install."""
    override = os.environ.get("VPAPHONE_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundle) / "resources"] if bundle else []
    candidates += [
        Path(__file__).resolve().parents[2] / "resources",  # source tree / editable install
        Path(sys.prefix) / "share" / APP_NAME / "resources",  # wheel data files
    ]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("vpaphone resources not found; set VPAPHONE_RESOURCES")


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
