"""The app's identity towards Windows' shell: its AppUserModelID.

Windows groups the taskbar button and routes notifications by this ID; it must be the one the
Start-menu shortcut carries (installer/windows/shortcut-property.idt, and ShortcutProperty in
vpaphone.wxs for the WiX toolset), or notifications are not shown for a shortcut-started app.
"""

from __future__ import annotations

import sys

APP_USER_MODEL_ID = "my-vpa.vpaphone"


def claim_app_user_model_id(platform: str = sys.platform) -> bool:
    """Windows: sets this process's AppUserModelID (before any window exists)."""
    if platform != "win32":
        return False
    import ctypes  # noqa: PLC0415 - Windows only  # pragma: no cover

    shell32 = ctypes.windll.shell32  # type: ignore[attr-defined,unused-ignore]  # pragma: no cover
    return bool(
        shell32.SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID) == 0
    )  # pragma: no cover
