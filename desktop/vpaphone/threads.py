"""Which thread may run what: checks at the entry points of thread-bound code.

Two threads own state here: the Qt thread (widgets, `SipEngine`, the call records) and the SIP
engine thread (every pjsua2 object; see `vpaphone.sip.loop`). Code bound to one of them calls
`assert_qt_thread()` or `assert_engine_thread()` first. The checks run when Python runs with
assertions (`__debug__`, the default; `python -O` turns them into an empty call) and cost a
thread-local read.
"""

from __future__ import annotations

import threading

_local = threading.local()


class ThreadAffinityError(AssertionError):
    """Thread-bound code was called from another thread (a programming error)."""


def mark_engine_thread() -> None:
    """Called once by the SIP engine thread when it starts."""
    _local.engine = True


def on_engine_thread() -> bool:
    return bool(getattr(_local, "engine", False))


def assert_engine_thread() -> None:
    """pjsua2 objects may only be used on the engine thread (PLATFORM.md: GIL deadlocks)."""
    if __debug__ and not getattr(_local, "engine", False):
        raise ThreadAffinityError(
            f"engine-thread code called on thread {threading.current_thread().name!r}"
        )


def assert_qt_thread() -> None:
    """Qt objects of the app (and the state they guard) belong to the thread that runs Qt's
    event loop: the main thread."""
    if __debug__ and threading.current_thread() is not threading.main_thread():
        raise ThreadAffinityError(
            f"Qt-thread code called on thread {threading.current_thread().name!r}"
        )
