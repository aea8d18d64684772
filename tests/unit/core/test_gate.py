"""The call gate: RULES.md 5 (tasks only), 7–9 (areas and share), premium numbers, emergencies."""

from __future__ import annotations

from fractions import Fraction

import pytest

from vpaphone.core.gate import GateResult, evaluate_call
from vpaphone.core.model import CostZone, Decision, Destination, NumberKind, Task, TelephonyArea
from vpaphone.core.rules import Language, RuleData
from vpaphone.core.share import TaskTime, phone_share
from vpaphone.texts.gate import reason_text

A = TelephonyArea
DE, EU, NON_EU = CostZone.DE, CostZone.EU, CostZone.NON_EU

COLOGNE = Destination("+4922182829980", "DE", NumberKind.FIXED_LINE)
PARIS = Destination("+33142685300", "FR", NumberKind.FIXED_LINE)
ZURICH = Destination("+41442345678", "CH", NumberKind.FIXED_LINE)
NEW_YORK = Destination("+12125550123", "US", NumberKind.FIXED_LINE_OR_MOBILE)
DE_TOLL_FREE = Destination("+498001234567", "DE", NumberKind.TOLL_FREE)
DE_PREMIUM = Destination("+499001234567", "DE", NumberKind.PREMIUM_RATE)
DE_SHARED = Destination("+4918011234567", "DE", NumberKind.SHARED_COST)
EMERGENCY_112 = Destination("112", "DE", NumberKind.EMERGENCY)
POLICE_110 = Destination("110", "DE", NumberKind.EMERGENCY)


@pytest.fixture(scope="module")
def rules() -> RuleData:
    return RuleData.default()


def task(area: TelephonyArea = A.NONE, *, quote: bool = False) -> Task:
    return Task("T-17", "Hotelrecherche", "Müller GmbH", area, quote)


def codes(result: GateResult) -> list[str]:
    return [r.code for r in result.reasons]


def test_no_active_task_blocks_private_use(rules: RuleData) -> None:
    result = evaluate_call(COLOGNE, DE, None, rules)
    assert result.decision is Decision.BLOCK
    assert codes(result) == ["no_task"]
    assert "private calls are not allowed" in reason_text(result.reasons[0], rules)


@pytest.mark.parametrize("number", [EMERGENCY_112, POLICE_110])
@pytest.mark.parametrize("the_task", [None, task(), task(A.BACKOFFICE_DE)])
def test_emergency_numbers_never_blocked_and_not_task_time(
    rules: RuleData, number: Destination, the_task: Task | None
) -> None:
    result = evaluate_call(number, DE, the_task, rules)
    assert result.decision is Decision.ALLOW
    assert codes(result) == ["emergency"]
    assert result.counts_as_task_time is False


def test_ordinary_calls_count_as_task_time(rules: RuleData) -> None:
    assert evaluate_call(COLOGNE, DE, task(), rules).counts_as_task_time is True


@pytest.mark.parametrize("area", list(TelephonyArea))
def test_non_eu_without_quote_is_blocked_on_every_other_area(
    rules: RuleData, area: TelephonyArea
) -> None:
    result = evaluate_call(NEW_YORK, NON_EU, task(area), rules)
    if area is A.INDIVIDUAL_QUOTE:
        assert result.decision is Decision.ALLOW
        return
    assert result.decision is Decision.BLOCK
    assert codes(result) == ["non_eu_needs_quote"]
    assert result.reasons[0].region == "US"
    text = reason_text(result.reasons[0], rules)
    assert "ask the admin team for one before calling" in text
    assert "United States" in text


def test_switzerland_is_outside_the_eu_for_the_gate(rules: RuleData) -> None:
    assert evaluate_call(ZURICH, NON_EU, task(A.SALES_EU), rules).decision is Decision.BLOCK


def test_non_eu_allowed_with_an_agreed_quote_on_the_task(rules: RuleData) -> None:
    result = evaluate_call(NEW_YORK, NON_EU, task(A.BACKOFFICE_EU, quote=True), rules)
    assert result.decision is Decision.ALLOW
    assert result.reasons == ()


@pytest.mark.parametrize(
    ("area", "better"),
    [(A.BACKOFFICE_DE, "Back-office telephony EU"), (A.SALES_DE, "Sales telephony EU")],
)
def test_eu_call_on_a_de_only_area_warns_to_switch_to_eu(
    rules: RuleData, area: TelephonyArea, better: str
) -> None:
    result = evaluate_call(PARIS, EU, task(area), rules)
    assert result.decision is Decision.WARN
    assert codes(result) == ["area_covers_de_only"]
    reason = result.reasons[0]
    assert (reason.region, reason.zone, reason.area) == ("FR", EU, area)
    assert reason.better_area is not None
    assert rules.area(reason.better_area).label(Language.EN) == better
    assert f"Switch the task to {better}" in reason_text(reason, rules)


@pytest.mark.parametrize(
    ("area", "destination", "zone"),
    [
        (A.NONE, COLOGNE, DE),  # included up to 25 %
        (A.NONE, PARIS, EU),  # the included share is not tied to a destination
        (A.BACKOFFICE_DE, COLOGNE, DE),
        (A.BACKOFFICE_EU, COLOGNE, DE),  # Germany is an EU member state
        (A.BACKOFFICE_EU, PARIS, EU),
        (A.SALES_DE, COLOGNE, DE),
        (A.SALES_EU, COLOGNE, DE),
        (A.SALES_EU, PARIS, EU),
        (A.INDIVIDUAL_QUOTE, COLOGNE, DE),
        (A.INDIVIDUAL_QUOTE, PARIS, EU),
        (A.NONE, DE_TOLL_FREE, DE),
    ],
)
def test_allowed_combinations(
    rules: RuleData, area: TelephonyArea, destination: Destination, zone: CostZone
) -> None:
    result = evaluate_call(destination, zone, task(area), rules)
    assert result.decision is Decision.ALLOW
    assert result.reasons == ()


@pytest.mark.parametrize(
    ("number", "code"), [(DE_PREMIUM, "premium_rate"), (DE_SHARED, "shared_cost")]
)
@pytest.mark.parametrize("area", list(TelephonyArea))
def test_premium_rate_and_shared_cost_always_blocked(
    rules: RuleData, number: Destination, code: str, area: TelephonyArea
) -> None:
    result = evaluate_call(number, DE, task(area, quote=True), rules)
    assert result.decision is Decision.BLOCK
    assert codes(result) == [code]


def test_all_reasons_are_given_block_first(rules: RuleData) -> None:
    result = evaluate_call(DE_PREMIUM, DE, None, rules)
    assert set(codes(result)) == {"premium_rate", "no_task"}
    share = phone_share(TaskTime(3600, 1000), rules)
    result = evaluate_call(PARIS, EU, task(A.NONE), rules, share=share)
    assert codes(result) == ["phone_share_over"]
    premium_fr = Destination("+33899123456", "FR", NumberKind.PREMIUM_RATE)
    result = evaluate_call(premium_fr, EU, task(A.BACKOFFICE_DE), rules, share=share)
    assert result.decision is Decision.BLOCK
    assert codes(result) == ["premium_rate", "area_covers_de_only"]


def test_share_over_25_percent_on_area_none_warns(rules: RuleData) -> None:
    # 16 of 60 minutes phoned: more than 15 min per working hour.
    share = phone_share(TaskTime(3600, 16 * 60), rules)
    result = evaluate_call(COLOGNE, DE, task(A.NONE), rules, share=share)
    assert result.decision is Decision.WARN
    assert codes(result) == ["phone_share_over"]
    assert result.reasons[0].share == Fraction(16, 60)
    assert result.reasons[0].included == Fraction(1, 4)
    assert "over the 25% phone share" in reason_text(result.reasons[0], rules)


def test_share_exactly_25_percent_is_still_included(rules: RuleData) -> None:
    share = phone_share(TaskTime(3600, 15 * 60), rules)
    result = evaluate_call(COLOGNE, DE, task(A.NONE), rules, share=share)
    assert result.decision is Decision.ALLOW
    assert codes(result) == ["phone_share_nearing"]


def test_phone_time_without_working_time_is_over(rules: RuleData) -> None:
    share = phone_share(TaskTime(0, 60), rules)
    result = evaluate_call(COLOGNE, DE, task(A.NONE), rules, share=share)
    assert result.decision is Decision.WARN
    assert codes(result) == ["phone_share_over"]
    assert result.reasons[0].share is None  # no working time yet


@pytest.mark.parametrize("area", [A.BACKOFFICE_DE, A.SALES_DE, A.INDIVIDUAL_QUOTE])
def test_share_over_on_a_billed_area_is_fine(rules: RuleData, area: TelephonyArea) -> None:
    share = phone_share(TaskTime(3600, 50 * 60), rules)
    result = evaluate_call(COLOGNE, DE, task(area), rules, share=share)
    assert result.decision is Decision.ALLOW
    assert result.reasons == ()


def test_blocked_kinds_come_from_rule_data(rules: RuleData) -> None:
    stricter = rules.with_overrides(
        {"blocked_number_kinds": ["premium_rate", "shared_cost", "personal_number"]}
    )
    personal = Destination("+497001234567", "DE", NumberKind.PERSONAL_NUMBER)
    assert evaluate_call(personal, DE, task(), rules).decision is Decision.ALLOW
    result = evaluate_call(personal, DE, task(), stricter)
    assert result.decision is Decision.BLOCK
    assert codes(result) == ["personal_number"]
    assert "(personal number) are blocked" in reason_text(result.reasons[0], rules)
