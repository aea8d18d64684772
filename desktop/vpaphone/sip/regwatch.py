"""When the phone checks its registration, and when a registrar's silence is told.

pjsua only learns that a registrar is gone from a REGISTER that gets no answer, and only after
pjsip's transaction timeout (32 s, not configurable from pjsua2); until the next refresh it
goes on saying "registered". So the engine re-REGISTERs every `check_s` (a refresh: the
registrar answers it even when it ignores OPTIONS, and a registrar that restarted and forgot
the phone has it again at once), and a REGISTER with no final answer `answer_s` after it went
out makes the phone "not registered" there and then. pjsip keeps retransmitting it until its own
timeout; an answer that comes late registers the phone again.

Plain Python on the engine thread: the loop asks `due`/`went_silent` when `wait_s` said so or
a REGISTER went out or was answered since (`changed`), and waits no longer than `wait_s` for
the next, so this adds no thread, no timer and no work to the turns a call's packets cause.
"""

from __future__ import annotations

import math

# pjsip gives up on an unanswered transaction after 64 × T1 = 32 s and then tells pjsua; a
# REGISTER older than this (plus a margin) no longer holds the checks back, should that report
# ever be missing.
TSX_TIMEOUT_S = 32.0 + 8.0
# What pjsip reports itself when no answer came: nothing, its timeout, a transport error
_NO_ANSWER = frozenset({0, 408, 502, 503, 504})


class RegistrationWatch:
    def __init__(self, check_s: float, answer_s: float, now: float) -> None:
        self._check_s = check_s  # 0: no checks between pjsua's own refreshes
        self._answer_s = answer_s
        self._next_check = now + check_s if check_s > 0 else math.inf
        self._sent_at: float | None = None  # a REGISTER waits for its final answer since
        self._silence_told = False
        # Checks only while registered, or while the server did not answer or failed (what
        # pjsua itself retries): a refused password must not be sent again and again.
        self._worth_checking = False
        self._unreachable = False  # a REGISTER failed for want of an answer (unseen)
        self.changed = True  # a REGISTER went out or was answered since the loop last looked

    def sent(self, now: float) -> None:
        """A REGISTER went out (pjsua's refresh or retry, or a check)."""
        self.changed = True
        self._sent_at = now
        self._silence_told = False
        self._next_check = now + self._check_s if self._check_s > 0 else math.inf

    def answered(self, now: float, code: int, active: bool) -> None:
        """pjsua reported the outcome (`code` 0: no answer arrived, e.g. a lost connection)."""
        self.changed = True
        self._sent_at = None
        self._worth_checking = (200 <= code < 300 and active) or code in (0, 408) or code >= 500
        self._unreachable = self._unreachable or code in _NO_ANSWER
        if self._check_s > 0:
            self._next_check = now + self._check_s

    def due(self, now: float) -> bool:
        """A check REGISTER should go out now (then call `sent`, or `skipped` if none could).
        Not while one waits for its answer: pjsip retransmits that one itself (every 4 s over
        UDP), and pjsua would refuse a second one as busy."""
        return now >= self._check_at()

    def wait_s(self, now: float) -> float:
        """How long until `due` or `went_silent` may turn true: the loop waits no longer, so
        both come on time without a timer of their own."""
        silence_at = math.inf
        if self._sent_at is not None and not self._silence_told:
            silence_at = self._sent_at + self._answer_s
        return max(0.0, min(self._check_at(), silence_at) - now)

    def _check_at(self) -> float:
        if not self._worth_checking:
            return math.inf
        if self._sent_at is not None:
            return max(self._next_check, self._sent_at + TSX_TIMEOUT_S)
        return self._next_check

    def skipped(self, now: float) -> None:
        """No check went out (one is under way already): the next one a full interval later."""
        self._next_check = now + self._check_s

    def failed_unanswered(self) -> bool:
        """True once after a REGISTER failed without the server's answer (pjsip's timeout,
        a transport error such as a vanished local address)."""
        unreachable, self._unreachable = self._unreachable, False
        return unreachable

    def went_silent(self, now: float) -> bool:
        """True once for a REGISTER still unanswered `answer_s` after it went out."""
        if self._sent_at is None or self._silence_told or now - self._sent_at < self._answer_s:
            return False
        self._silence_told = True
        self._worth_checking = True  # no answer is no refusal: keep asking
        return True
