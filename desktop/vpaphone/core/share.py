"""Phone share of a task: phone time / working time, its level, the forecast, the area to pick.

RULES.md 7–9: up to 25 % of the working time (15 min per working hour) is included in the hourly
rate; above that the customer pays and the task needs a telephony area with a factor.
Arithmetic is exact (`Fraction`): levels are compared at the boundary, where floats would flip.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from vpaphone.core.calls import CallRecord
from vpaphone.core.model import CostZone, Role, Task, TelephonyArea
from vpaphone.core.rules import AreaRule, Billing, RuleData


class ShareLevel(enum.StrEnum):
    OK = "ok"  # below the nearing level
    NEARING = "nearing"  # at or above the nearing level, still included
    OVER = "over"  # above the included share: the customer pays phone costs


@dataclass(frozen=True, slots=True)
class LocalSpan:
    """Time recorded on this device (a work session or a call) and whether my-vpa has it yet.

    Reported spans are already inside the task's server-known seconds, so they are skipped:
    that is what keeps time from being counted twice.
    """

    seconds: float
    reported: bool

    @classmethod
    def of_call(cls, record: CallRecord, *, synced: bool) -> LocalSpan:
        """A call's talk time; emergency calls count as no task time at all."""
        seconds = record.talk_seconds if record.counts_as_task_time else 0.0
        return cls(seconds, synced)


@dataclass(frozen=True, slots=True)
class TaskTime:
    """Working and phone time of one task: what my-vpa knows plus what only this device knows."""

    server_working_seconds: float
    server_phone_seconds: float
    local_work: tuple[LocalSpan, ...] = ()
    local_calls: tuple[LocalSpan, ...] = ()

    @classmethod
    def of_task(
        cls, task: Task, local_work: Iterable[LocalSpan] = (), local_calls: Iterable[LocalSpan] = ()
    ) -> TaskTime:
        return cls(task.working_seconds, task.phone_seconds, tuple(local_work), tuple(local_calls))

    @property
    def working_seconds(self) -> Fraction:
        return _total(self.server_working_seconds, self.local_work)

    @property
    def phone_seconds(self) -> Fraction:
        return _total(self.server_phone_seconds, self.local_calls)


def _total(server: float, local: tuple[LocalSpan, ...]) -> Fraction:
    return Fraction(server) + sum(
        (Fraction(s.seconds) for s in local if not s.reported), Fraction()
    )


@dataclass(frozen=True, slots=True)
class ShareState:
    working_seconds: Fraction
    phone_seconds: Fraction
    share: Fraction | None  # None while there is no working time yet
    level: ShareLevel
    included_seconds: Fraction  # phone time included in the hourly rate so far
    remaining_included_seconds: Fraction  # 0 once over

    @property
    def percent(self) -> float | None:
        return None if self.share is None else float(self.share * 100)


def phone_share(time: TaskTime, rules: RuleData) -> ShareState:
    working, phone = time.working_seconds, time.phone_seconds
    if working < 0 or phone < 0:
        raise ValueError("working and phone time cannot be negative")
    included = working * Fraction(rules.included_share)
    share = phone / working if working else None
    if phone > included:  # also phone time without any working time: nothing is included
        level = ShareLevel.OVER
    elif share is not None and share >= Fraction(rules.nearing_share):
        level = ShareLevel.NEARING
    else:
        level = ShareLevel.OK
    return ShareState(working, phone, share, level, included, max(Fraction(0), included - phone))


def seconds_until_over(
    at_call_start: TaskTime, elapsed: float, *, working_timer_running: bool, rules: RuleData
) -> float | None:
    """Seconds from now until the share exceeds the included level if the running call goes on.

    `at_call_start` is the task's time when the call started (the call itself not included),
    `elapsed` the call's talk time so far. Phone time grows at 1 s/s; working time at 1 s/s too
    while the work timer runs, else not at all. If the timer is started or stopped mid-call, pass
    the current time as `at_call_start` with `elapsed` 0. None if the share is already over.
    Solves  P + e + t = r (W + w (e + t))  for t, with r < 1, so it always has an answer.
    """
    if elapsed < 0:
        raise ValueError("elapsed call time cannot be negative")
    rate = Fraction(1 if working_timer_running else 0)
    r = Fraction(rules.included_share)
    e = Fraction(elapsed)
    phone_now = at_call_start.phone_seconds + e
    working_now = at_call_start.working_seconds + rate * e
    headroom = r * working_now - phone_now
    if headroom < 0:
        return None
    return float(headroom / (1 - r * rate))


@dataclass(frozen=True, slots=True)
class Recommendation:
    """The area a task should carry, given who phones and where."""

    area: TelephonyArea
    needs_quote: bool  # an individual quote is needed: only the admin team can agree one
    change_needed: bool  # the task's current area does not already cover this role and zones
    role: Role  # why: the kind of calls …
    zones: frozenset[CostZone]  # … and where they went


def recommend_area(
    role: Role, zones_called: Iterable[CostZone], current: TelephonyArea, rules: RuleData
) -> Recommendation:
    """RULES.md 8–9: backoffice or sales by the kind of calls; DE or EU by the destinations called
    on the task (`role` is the task's kind of calls, not necessarily the VPA's profile).

    The cheapest factor area of the role that covers every zone called (DE only → the DE variant,
    any EU non-DE destination → the EU variant); anything no factor area covers (NON_EU) needs an
    individual quote through the admin team.
    """
    zones = frozenset(zones_called)
    candidates = [
        r
        for r in rules.areas.values()
        if r.billing is Billing.FACTOR and r.role is role and zones <= r.zones
    ]
    best: AreaRule
    if candidates:
        best = min(candidates, key=lambda r: (r.factor or 0, r.area.value))
    else:
        best = rules.area(TelephonyArea.INDIVIDUAL_QUOTE)
    now = rules.area(current)
    already_covered = (
        now.billing is not Billing.INCLUDED
        and zones <= now.zones
        and (now.role is None or now.role is role)
    )
    return Recommendation(
        area=best.area,
        needs_quote=best.billing is Billing.QUOTE,
        change_needed=not already_covered,
        role=role,
        zones=zones,
    )
