"""Budget conversion (RULES.md, older page): 180 min × 1.3 = 234 min = 3:54, not 3:55."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from vpaphone.core.budget import Rounding, area_budget, convert_budget, format_hmm
from vpaphone.core.model import TelephonyArea
from vpaphone.core.rules import RuleData

A = TelephonyArea


@pytest.fixture(scope="module")
def rules() -> RuleData:
    return RuleData.default()


def test_page_example_180_minutes_eu_factor(rules: RuleData) -> None:
    budget = area_budget(180, rules.area(A.BACKOFFICE_EU))
    assert budget.exact_minutes == 234
    assert budget.minutes == 234
    assert budget.rounding is Rounding.EXACT
    assert format_hmm(budget.minutes) == "3:54"  # the page's "3:55" is an arithmetic slip
    assert format_hmm(budget.minutes) != "3:55"


@pytest.mark.parametrize(
    ("area", "minutes", "hmm"),
    [
        (A.NONE, 180, "3:00"),
        (A.BACKOFFICE_DE, 216, "3:36"),
        (A.BACKOFFICE_EU, 234, "3:54"),
        (A.SALES_DE, 360, "6:00"),
        (A.SALES_EU, 378, "6:18"),
    ],
)
def test_three_hours_at_every_factor(
    rules: RuleData, area: TelephonyArea, minutes: int, hmm: str
) -> None:
    budget = area_budget(180, rules.area(area))
    assert budget.minutes == minutes
    assert format_hmm(budget.minutes) == hmm


def test_individual_quote_has_no_factor_to_convert_with(rules: RuleData) -> None:
    with pytest.raises(ValueError, match="agreed individually"):
        area_budget(180, rules.area(A.INDIVIDUAL_QUOTE))


def test_exact_minutes_are_not_rounded_by_default() -> None:
    budget = convert_budget(7, Decimal("1.3"))
    assert budget.minutes == Fraction(91, 10)  # 9.1 min, exactly
    assert budget.rounded_up_by == 0
    assert format_hmm(budget.minutes) == "0:09:06"


@pytest.mark.parametrize(
    ("rounding", "minutes", "added"),
    [
        (Rounding.EXACT, Fraction(91, 10), Fraction(0)),
        (Rounding.UP_TO_MINUTE, Fraction(10), Fraction(9, 10)),
        (Rounding.UP_TO_5_MINUTES, Fraction(10), Fraction(9, 10)),
    ],
)
def test_rounding_is_explicit_and_named(
    rounding: Rounding, minutes: Fraction, added: Fraction
) -> None:
    budget = convert_budget(7, Decimal("1.3"), rounding)
    assert budget.rounding is rounding
    assert budget.exact_minutes == Fraction(91, 10)
    assert budget.minutes == minutes
    assert budget.rounded_up_by == added


def test_rounding_up_to_five_minutes_on_the_page_example() -> None:
    budget = convert_budget(180, Decimal("1.3"), Rounding.UP_TO_5_MINUTES)
    assert budget.exact_minutes == 234
    assert budget.minutes == 235
    assert format_hmm(budget.minutes) == "3:55"  # only when 5-minute rounding is asked for


def test_floats_are_refused() -> None:
    with pytest.raises(TypeError, match="floats"):
        convert_budget(180.0, Decimal("1.3"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="floats"):
        convert_budget(180, 1.3)  # type: ignore[arg-type]


def test_negative_and_zero_inputs() -> None:
    with pytest.raises(ValueError, match="negative"):
        convert_budget(-1, Decimal("1.3"))
    with pytest.raises(ValueError, match="positive"):
        convert_budget(180, Decimal(0))
    assert convert_budget(0, Decimal("2.1")).minutes == 0


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (0, "0:00"),
        (59, "0:59"),
        (60, "1:00"),
        (234, "3:54"),
        (600, "10:00"),
        (Fraction(1, 120), "0:00:01"),
    ],
)
def test_format_hmm(minutes: int | Fraction, text: str) -> None:
    assert format_hmm(minutes) == text
