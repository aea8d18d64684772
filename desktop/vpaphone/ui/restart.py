"""Restarting the softphone, so that a newly chosen UI language shows: every window is built in
one language when the app starts (`ui.i18n`).

The new process starts only after this one has shut down (calls ended, records queued, the SIP
account unregistered, the single-instance socket closed): started earlier, it would find this
instance still running and hand over to it.
"""

from __future__ import annotations

import logging
import subprocess
import sys

log = logging.getLogger(__name__)


def relaunch_command(options: tuple[str, ...]) -> list[str]:
    """The command that starts this app again, with `options` (its mode: `--demo`)."""
    if getattr(sys, "frozen", False):  # an installed bundle: its executable is the app
        return [sys.executable, *options]
    return [sys.executable, "-m", "vpaphone.cli", *options]


def relaunch(options: tuple[str, ...]) -> int | None:
    """Starts the app again, detached from this process (which is about to exit); its pid, or
    None (said on stderr and in the log) when it cannot be started."""
    try:
        process = subprocess.Popen(
            relaunch_command(options), stdin=subprocess.DEVNULL, start_new_session=True
        )
    except OSError as exc:
        log.error("restart failed: %s", exc)
        print(
            f"The softphone could not start again ({exc}): please start it yourself.",
            file=sys.stderr,
        )
        return None
    log.info("restarting: new process %d", process.pid)
    return process.pid
