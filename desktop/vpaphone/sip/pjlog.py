"""pjlib's console output, kept off stdout.

`Endpoint.libCreate()` logs pjlib's start-up lines ("pjlib 2.15.1 for POSIX initialized", …) at
pjlib's default level, before `libInit` applies the EpConfig's log levels, through C stdio to
fd 1. With a pipe as stdout (and no PYTHONUNBUFFERED) C stdio holds them until exit — after
everything Python printed: `vpaphone diagnose --json | jq` failed on them. Call
`quiet_until_configured()` before `libCreate()`; `libInit` then sets the configured level.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
from collections.abc import Iterator

import pjsua2 as pj


def quiet_until_configured() -> bool:
    """pjlib's log level 0 until `libInit` sets the configured one. False where the bindings do
    not export pjlib's `pj_log_set_level` (Windows DLLs export only the module's init)."""
    try:
        library = ctypes.CDLL(pj._pjsua2.__file__)  # the loaded extension: same pjlib globals
        set_level = library.pj_log_set_level
    except (OSError, AttributeError):
        return False
    set_level.argtypes = [ctypes.c_int]
    set_level.restype = None
    set_level(0)
    return True


@contextlib.contextmanager
def native_stdout_to_stderr() -> Iterator[None]:
    """Whatever native code writes to fd 1 meanwhile goes to stderr, C stdio buffers included:
    for commands whose stdout is machine-read (`diagnose --json`)."""
    sys.stdout.flush()
    _flush_c_stdio()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        yield
    finally:
        _flush_c_stdio()  # still pointing at stderr: buffered native output lands there
        os.dup2(saved, 1)
        os.close(saved)


def _flush_c_stdio() -> None:
    try:
        libc = ctypes.CDLL(None)  # the process's C library (Linux, macOS)
    except (OSError, TypeError):  # Windows: no handle for the process itself
        return
    libc.fflush(None)
