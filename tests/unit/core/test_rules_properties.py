"""Property tests: share is monotonic, budgets are exact, rule validation only raises its error."""

from __future__ import annotations

import contextlib
import copy
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from vpaphone.core.budget import Rounding, area_budget, format_hmm
from vpaphone.core.gate import evaluate_call
from vpaphone.core.model import CostZone, Decision, Destination, NumberKind, Task, TelephonyArea
from vpaphone.core.rules import Billing, RuleData, RuleDataError
from vpaphone.core.share import ShareLevel, TaskTime, phone_share, seconds_until_over
from vpaphone.texts.gate import reason_text

RULES = RuleData.default()
LEVEL_ORDER = [ShareLevel.OK, ShareLevel.NEARING, ShareLevel.OVER]
seconds = st.integers(min_value=0, max_value=10**7)
FACTOR_AREAS = [r for r in RULES.areas.values() if r.factor is not None]


@given(working=seconds, phone=seconds, more=seconds)
def test_share_is_monotonic_in_phone_time(working: int, phone: int, more: int) -> None:
    low = phone_share(TaskTime(working, phone), RULES)
    high = phone_share(TaskTime(working, phone + more), RULES)
    if low.share is not None and high.share is not None:
        assert low.share <= high.share
    assert LEVEL_ORDER.index(low.level) <= LEVEL_ORDER.index(high.level)
    assert high.remaining_included_seconds <= low.remaining_included_seconds


@given(working=seconds, phone=seconds, more=seconds)
def test_more_working_time_never_raises_the_level(working: int, phone: int, more: int) -> None:
    low = phone_share(TaskTime(working + more, phone), RULES)
    high = phone_share(TaskTime(working, phone), RULES)
    assert LEVEL_ORDER.index(low.level) <= LEVEL_ORDER.index(high.level)


@given(
    working=seconds,
    phone=seconds,
    elapsed=st.integers(min_value=0, max_value=10**5),
    running=st.booleans(),
)
def test_forecast_lands_exactly_on_the_included_share(
    working: int, phone: int, elapsed: int, running: bool
) -> None:
    start = TaskTime(working, phone)
    t = seconds_until_over(start, elapsed, working_timer_running=running, rules=RULES)
    r = Fraction(RULES.included_share)
    if t is None:
        assert phone + elapsed > r * (working + (elapsed if running else 0))
        return
    assert t >= 0
    total = Fraction(elapsed) + Fraction(t)
    phone_then = phone + total
    working_then = working + (total if running else 0)
    assert abs(phone_then - r * working_then) <= Fraction(1, 10**6) * max(1, working_then)


@given(minutes=st.integers(min_value=0, max_value=10**6), area=st.sampled_from(FACTOR_AREAS))
def test_budget_is_exact_for_every_factor(minutes: int, area: Any) -> None:
    budget = area_budget(minutes, area)
    assert budget.exact_minutes == Fraction(Decimal(minutes) * area.factor)
    assert budget.minutes == budget.exact_minutes
    assert (budget.exact_minutes * 10).denominator == 1  # one-decimal factors: tenths of minutes
    rounded = area_budget(minutes, area, Rounding.UP_TO_5_MINUTES)
    assert 0 <= rounded.rounded_up_by < 5
    assert rounded.minutes % 5 == 0
    if budget.minutes.denominator == 1:
        hours, mins = format_hmm(budget.minutes).split(":")
        assert int(hours) * 60 + int(mins) == budget.minutes


json_leaf = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
json_value = st.recursive(
    json_leaf,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@given(junk=json_value)
def test_from_mapping_on_junk_raises_only_its_error(junk: object) -> None:
    with contextlib.suppress(RuleDataError):
        RuleData.from_mapping(junk)


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(doc, dict):
        for key, value in doc.items():
            found += _paths(value, (*prefix, key))
    return found


DOC_PATHS = _paths(RULES.to_mapping())


@given(path=st.sampled_from(DOC_PATHS), junk=json_value)
def test_one_bad_field_in_a_valid_document_raises_only_its_error(
    path: tuple[Any, ...], junk: object
) -> None:
    doc = copy.deepcopy(RULES.to_mapping())
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = junk
    try:
        rules = RuleData.from_mapping(doc)
    except RuleDataError:
        return
    assert Decimal(0) < rules.nearing_share < rules.included_share < Decimal(1)
    assert all(r.factor is None or r.factor >= 1 for r in rules.areas.values())


@given(junk=json_value)
def test_overrides_on_junk_raise_only_its_error(junk: object) -> None:
    with contextlib.suppress(RuleDataError):
        RULES.with_overrides(junk)


@given(
    kind=st.sampled_from(list(NumberKind)),
    zone=st.sampled_from(list(CostZone)),
    area=st.sampled_from(list(TelephonyArea)),
    quote=st.booleans(),
    has_task=st.booleans(),
)
def test_gate_decides_every_combination(
    kind: NumberKind, zone: CostZone, area: TelephonyArea, quote: bool, has_task: bool
) -> None:
    destination = Destination(
        "+4922182829980" if kind is not NumberKind.EMERGENCY else "112", "DE", kind
    )
    task = Task("T-1", "t", "c", area, quote) if has_task else None
    result = evaluate_call(destination, zone, task, RULES)
    if kind is NumberKind.EMERGENCY:
        assert result.decision is Decision.ALLOW
        return
    if task is None or kind in RULES.blocked_kinds:
        assert result.decision is Decision.BLOCK
    elif zone is CostZone.NON_EU:
        covered = quote or RULES.area(area).billing is Billing.QUOTE
        assert result.decision is (Decision.ALLOW if covered else Decision.BLOCK)
    assert all(r.code and reason_text(r, RULES).endswith(".") for r in result.reasons)
