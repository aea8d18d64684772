"""The clocks of `SipEngine`'s calls: ring timeouts and the call-record heartbeat (Qt thread)."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class CallTimers(QObject):
    """Calls `ring_timed_out(call_id)` when a call rang out unanswered for `ring_timeout_s`,
    and `heartbeat()` every `progress_interval_s` while started (while calls run)."""

    def __init__(
        self,
        ring_timeout_s: float,
        progress_interval_s: float,
        ring_timed_out: Callable[[str], None],
        heartbeat: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ring_timeout_s = ring_timeout_s
        self._ring_timed_out = ring_timed_out
        self._deadlines: dict[str, float] = {}  # call id → time.monotonic() it gives up
        # One timer for every call's deadline, started for the earliest one.
        self._ring_timer = QTimer(self)
        self._ring_timer.setSingleShot(True)
        self._ring_timer.timeout.connect(self._deadlines_due)
        self._progress = QTimer(self)
        self._progress.setInterval(int(progress_interval_s * 1000))
        self._progress.timeout.connect(heartbeat)

    def start_heartbeat(self) -> None:
        """While calls run (an idle phone has no timer here); `stop_heartbeat` when none do."""
        if not self._progress.isActive():
            self._progress.start()

    def stop_heartbeat(self) -> None:
        self._progress.stop()

    def stop(self) -> None:
        self._progress.stop()
        self._ring_timer.stop()
        self._deadlines.clear()

    def ring_started(self, call_id: str) -> None:
        """Bounds set-up and ringing of an outgoing call (a silent peer too)."""
        self._deadlines[call_id] = time.monotonic() + self._ring_timeout_s
        if not self._ring_timer.isActive():  # else it is due earlier, and re-arms when it fires
            self._ring_timer.start(math.ceil(self._ring_timeout_s * 1000))

    def ring_over(self, call_id: str) -> None:
        """Answered or ended: the shared timer finds nothing due, or re-arms for others."""
        self._deadlines.pop(call_id, None)

    def _deadlines_due(self) -> None:
        now = time.monotonic()
        due = [call_id for call_id, at in self._deadlines.items() if at <= now + 0.001]
        for call_id in due:  # a coarse Qt timer may fire a little early: re-armed below
            del self._deadlines[call_id]
            self._ring_timed_out(call_id)
        if self._deadlines:
            next_due = min(self._deadlines.values())
            self._ring_timer.start(max(0, math.ceil((next_due - now) * 1000)))
