"""What the app does against other local users and post-mortem leaks (docs/security.md).

- `harden_process()`: new files private (umask 077), no core dumps: a dump of this process
  holds what its memory holds (the SIP password, both my-vpa tokens, the numbers of the day).
  Linux: RLIMIT_CORE 0 and PR_SET_DUMPABLE 0 (the latter also refuses ptrace by other
  processes of the same user, and catches core handlers that pipe dumps, which ignore the
  limit); macOS: RLIMIT_CORE 0; Windows: nothing to switch off here (Windows Error Reporting
  writes dumps only where IT configured LocalDumps).
- `make_private(folder)`: data, config and log folders 0700 and their files 0600, including
  installs from before this rule.
- `private_runtime_dir()`: a folder only this user can enter, for the single-instance socket
  and the unsaved-records file: $XDG_RUNTIME_DIR/vpaphone, else /tmp/vpaphone-<uid> if it is
  ours and private; never one another user prepared.

Plain standard library: it runs before Qt and the rest of the app load.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import stat
import sys
import tempfile
from pathlib import Path

from vpaphone import APP_NAME

log = logging.getLogger(__name__)
_PR_SET_DUMPABLE = 4  # <linux/prctl.h>


def harden_process() -> list[str]:
    """Private files and no core dumps from now on; returns what could not be done."""
    os.umask(0o077)
    missing: list[str] = []
    if sys.platform == "win32":
        return missing
    import resource  # noqa: PLC0415 - POSIX only

    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError) as exc:
        missing.append(f"RLIMIT_CORE: {exc}")
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
            missing.append(f"PR_SET_DUMPABLE: {os.strerror(ctypes.get_errno())}")
    for problem in missing:
        log.warning("process hardening incomplete: %s", problem)
    return missing


def make_private(folder: Path) -> None:
    """Create `folder` (0700), or tighten it and everything in it: folders 0700, files 0600.

    Only what this user owns is changed; symbolic links are neither followed nor changed.
    On Windows the per-user profile's ACLs do this; mode bits mean nothing there.
    """
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if sys.platform == "win32":
        return
    for root, dirs, files in os.walk(folder, followlinks=False):
        _tighten(Path(root), 0o700)
        for name in files:
            _tighten(Path(root) / name, 0o600)
        dirs[:] = [d for d in dirs if not (Path(root) / d).is_symlink()]


def _tighten(path: Path, mode: int) -> None:
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
            return
        if stat.S_IMODE(info.st_mode) & ~mode:  # looser than wanted (group/others bits)
            os.chmod(path, stat.S_IMODE(info.st_mode) & mode, follow_symlinks=False)
            log.info("permissions of %s tightened", path)
    except OSError as exc:
        log.warning("cannot make %s private: %s", path, exc.strerror)


def private_runtime_dir() -> Path | None:
    """A folder for sockets that only this user can enter, or None (see the module docstring).

    None on Windows (Qt's local sockets are named pipes with a per-user ACL there) and when no
    candidate is safe.
    """
    if sys.platform == "win32":
        return None
    candidates = []
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and _is_private(Path(runtime)):
        candidates.append(Path(runtime) / APP_NAME)
    candidates.append(Path(tempfile.gettempdir()) / f"{APP_NAME}-{os.getuid()}")
    for candidate in candidates:
        with contextlib.suppress(FileExistsError):
            candidate.mkdir(mode=0o700)
        if _is_private(candidate):
            return candidate
        log.warning("%s is not private to this user: not used", candidate)
    return None


def _is_private(folder: Path) -> bool:
    """A real folder (no link), owned by this user, closed to everyone else."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and stat.S_IMODE(info.st_mode) & 0o077 == 0
    )
