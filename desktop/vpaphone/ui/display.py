"""Is there a display to show a window on? Checked before Qt is imported at all.

Without one, Qt's platform plugin prints a dump and aborts; the user gets one line instead, with
how to proceed, and exit code EXIT_NO_DISPLAY. Importing Qt Multimedia alone already prints
warnings on some machines, hence no Qt import here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

EXIT_NO_DISPLAY = 3
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs")
# Works for every installed form (no make, no repository); Xvfb is not installed by anything.
VIRTUAL_DISPLAY_HINT = "apt-get install xvfb, then put xvfb-run in front of the command"


def display_problem(environ: Mapping[str, str] | None = None) -> str | None:
    """Why no window can be shown here (one line, with how to proceed), or None."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0].split(";", 1)[0]
    if platform in HEADLESS_PLATFORMS:
        return None
    wayland, x11 = env.get("WAYLAND_DISPLAY", ""), env.get("DISPLAY", "")
    if platform == "wayland" and wayland:
        return None
    if x11 and _x11_reachable(x11, env):
        return None
    if wayland and platform != "xcb":
        return None
    if x11:
        return (
            f"vpaphone cannot open a window: the X display {x11} does not answer. Start it from "
            f"your desktop session, or under a virtual display: {VIRTUAL_DISPLAY_HINT}"
        )
    return (
        "vpaphone cannot open a window: no display found (DISPLAY and WAYLAND_DISPLAY are not "
        f"set). Start it from your desktop session, or under a virtual display: "
        f"{VIRTUAL_DISPLAY_HINT}"
    )


def _x11_reachable(display: str, env: Mapping[str, str]) -> bool:
    """A local display ":N" has a socket in /tmp/.X11-unix; remote ones are left to Qt."""
    host, _, rest = display.partition(":")
    if host and host not in ("unix", "localhost"):
        return True
    number = rest.split(".", 1)[0]
    if not number.isdigit():
        return False
    return Path(f"/tmp/.X11-unix/X{number}").exists()  # noqa: S108 - the X server's own path
