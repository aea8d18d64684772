"""Phone share (RULES.md 7–9): 15 min per working hour, levels, forecast, recommended area."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from fractions import Fraction

import pytest

from vpaphone.core.calls import CallRecord
from vpaphone.core.model import CallDirection, CostZone, Role, Task, TelephonyArea
from vpaphone.core.rules import RuleData
from vpaphone.core.share import (
    LocalSpan,
    ShareLevel,
    TaskTime,
    phone_share,
    recommend_area,
    seconds_until_over,
)

A = TelephonyArea
DE, EU, NON_EU = CostZone.DE, CostZone.EU, CostZone.NON_EU
HOUR = 3600


@pytest.fixture(scope="module")
def rules() -> RuleData:
    return RuleData.default()


def test_fifteen_minutes_per_working_hour_are_included(rules: RuleData) -> None:
    state = phone_share(TaskTime(HOUR, 0), rules)
    assert state.included_seconds == 15 * 60
    state = phone_share(TaskTime(8 * HOUR, 0), rules)
    assert state.included_seconds == 2 * HOUR  # 8 working hours → 2 h of calls included


@pytest.mark.parametrize(
    ("phone_seconds", "level"),
    [
        (0, ShareLevel.OK),
        (11 * 60 + 59, ShareLevel.OK),  # 19.97 %
        (12 * 60, ShareLevel.NEARING),  # exactly 20 %
        (15 * 60, ShareLevel.NEARING),  # exactly 25 %: still included
        (15 * 60 + 1, ShareLevel.OVER),  # more than 25 %: the customer pays
        (30 * 60, ShareLevel.OVER),
    ],
)
def test_levels_at_the_page_boundaries(
    rules: RuleData, phone_seconds: int, level: ShareLevel
) -> None:
    state = phone_share(TaskTime(HOUR, phone_seconds), rules)
    assert state.level is level
    assert state.share == Fraction(phone_seconds, HOUR)


def test_nearing_level_is_configurable(rules: RuleData) -> None:
    stricter = rules.with_overrides({"phone_share": {"nearing": "0.10"}})
    assert phone_share(TaskTime(HOUR, 6 * 60), rules).level is ShareLevel.OK
    assert phone_share(TaskTime(HOUR, 6 * 60), stricter).level is ShareLevel.NEARING


def test_remaining_included_time(rules: RuleData) -> None:
    assert phone_share(TaskTime(2 * HOUR, 20 * 60), rules).remaining_included_seconds == 10 * 60
    assert phone_share(TaskTime(HOUR, 40 * 60), rules).remaining_included_seconds == 0


def test_no_working_time(rules: RuleData) -> None:
    idle = phone_share(TaskTime(0, 0), rules)
    assert (idle.share, idle.level) == (None, ShareLevel.OK)
    calling = phone_share(TaskTime(0, 30), rules)
    assert (calling.share, calling.level) == (None, ShareLevel.OVER)


def test_reported_local_time_is_not_counted_twice(rules: RuleData) -> None:
    # my-vpa knows 2 h of work (incl. the reported 30 min session) and 20 min of calls.
    task = Task("T-1", "t", "c", working_seconds=2 * HOUR, phone_seconds=20 * 60)
    time = TaskTime.of_task(
        task,
        local_work=[LocalSpan(30 * 60, reported=True), LocalSpan(HOUR, reported=False)],
        local_calls=[LocalSpan(20 * 60, reported=True), LocalSpan(5 * 60, reported=False)],
    )
    assert time.working_seconds == 3 * HOUR
    assert time.phone_seconds == 25 * 60
    state = phone_share(time, rules)
    assert state.share == Fraction(25, 180)


def _call(minutes: float, *, emergency: bool = False) -> CallRecord:
    start = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
    return CallRecord(
        id="c1",
        task_id=None if emergency else "T-1",
        direction=CallDirection.OUTGOING,
        e164="112" if emergency else "+4922182829980",
        zone=DE,
        area=A.NONE,
        started_at=start,
        answered_at=start + timedelta(seconds=10),
        ended_at=start + timedelta(seconds=10, minutes=minutes),
        counts_as_task_time=not emergency,
    )


def test_call_records_count_talk_time_and_emergencies_count_nothing() -> None:
    assert LocalSpan.of_call(_call(4), synced=False) == LocalSpan(240, reported=False)
    assert LocalSpan.of_call(_call(4, emergency=True), synced=False).seconds == 0


def test_forecast_with_the_work_timer_running(rules: RuleData) -> None:
    # 60 min worked, 10 min phoned: 600 + t = 0.25 (3600 + t)  →  t = 400 s.
    start = TaskTime(HOUR, 10 * 60)
    assert seconds_until_over(start, 0, working_timer_running=True, rules=rules) == 400
    # 100 s into the call: 300 s left.
    assert seconds_until_over(start, 100, working_timer_running=True, rules=rules) == 300


def test_forecast_with_the_work_timer_stopped(rules: RuleData) -> None:
    # Working time stays at 60 min: 15 min included, 10 used → 5 min left.
    start = TaskTime(HOUR, 10 * 60)
    assert seconds_until_over(start, 0, working_timer_running=False, rules=rules) == 300
    assert seconds_until_over(start, 299, working_timer_running=False, rules=rules) == 1


def test_forecast_none_when_already_over(rules: RuleData) -> None:
    start = TaskTime(HOUR, 15 * 60)
    assert seconds_until_over(start, 0, working_timer_running=True, rules=rules) == 0
    assert seconds_until_over(start, 1, working_timer_running=True, rules=rules) is None


@pytest.mark.parametrize("running", [True, False])
def test_share_is_exactly_the_included_level_at_the_forecast(
    rules: RuleData, running: bool
) -> None:
    start = TaskTime(5 * HOUR + 17, 41 * 60 + 3)
    elapsed = 125.5
    t = seconds_until_over(start, elapsed, working_timer_running=running, rules=rules)
    assert t is not None
    grown = Fraction(elapsed) + Fraction(t)
    later = TaskTime(
        start.server_working_seconds + (float(grown) if running else 0),
        start.server_phone_seconds + float(grown),
    )
    share = phone_share(later, rules).share
    assert share is not None
    assert abs(share - Fraction(1, 4)) < Fraction(1, 10**9)


@pytest.mark.parametrize(
    ("role", "zones", "area", "quote"),
    [
        (Role.BACKOFFICE, set(), A.BACKOFFICE_DE, False),  # nothing called yet: DE variant
        (Role.BACKOFFICE, {DE}, A.BACKOFFICE_DE, False),
        (Role.BACKOFFICE, {DE, EU}, A.BACKOFFICE_EU, False),
        (Role.BACKOFFICE, {EU}, A.BACKOFFICE_EU, False),
        (Role.SALES, {DE}, A.SALES_DE, False),
        (Role.SALES, {DE, EU}, A.SALES_EU, False),
        (Role.BACKOFFICE, {DE, NON_EU}, A.INDIVIDUAL_QUOTE, True),
        (Role.SALES, {NON_EU}, A.INDIVIDUAL_QUOTE, True),
    ],
)
def test_recommended_area_by_role_and_destinations(
    rules: RuleData, role: Role, zones: set[CostZone], area: TelephonyArea, quote: bool
) -> None:
    recommendation = recommend_area(role, zones, A.NONE, rules)
    assert recommendation.area is area
    assert recommendation.needs_quote is quote
    assert recommendation.change_needed is True


@pytest.mark.parametrize(
    ("role", "zones", "current", "change"),
    [
        (Role.BACKOFFICE, {DE}, A.BACKOFFICE_DE, False),
        (Role.BACKOFFICE, {DE}, A.BACKOFFICE_EU, False),  # covered already, no downgrade needed
        (Role.BACKOFFICE, {DE, EU}, A.BACKOFFICE_DE, True),
        (Role.SALES, {DE}, A.BACKOFFICE_DE, True),  # sales phone under sales areas
        (Role.SALES, {DE, NON_EU}, A.INDIVIDUAL_QUOTE, False),
    ],
)
def test_change_needed_only_when_the_current_area_does_not_cover(
    rules: RuleData, role: Role, zones: set[CostZone], current: TelephonyArea, change: bool
) -> None:
    assert recommend_area(role, zones, current, rules).change_needed is change
