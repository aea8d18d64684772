"""Budget conversion with a telephony factor: budget minutes = effective minutes × factor.

RULES.md (older page): 180 min × 1.3 = 234 min. The page writes "3:55 hours"; 234 min is 3:54.
The result is exact; rounding happens only when asked for, and the result names it.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from vpaphone.core.rules import AreaRule


class Rounding(enum.StrEnum):
    EXACT = "exact"  # no rounding: 9.1 min stays 9.1 min
    UP_TO_MINUTE = "up_to_minute"  # next whole minute
    UP_TO_5_MINUTES = "up_to_5_minutes"  # next multiple of 5 minutes

    @property
    def step(self) -> int | None:
        return {Rounding.EXACT: None, Rounding.UP_TO_MINUTE: 1, Rounding.UP_TO_5_MINUTES: 5}[self]


@dataclass(frozen=True, slots=True)
class Budget:
    effective_minutes: Fraction
    factor: Decimal
    exact_minutes: Fraction  # effective × factor, never rounded
    rounding: Rounding
    minutes: Fraction  # exact_minutes after `rounding`

    @property
    def rounded_up_by(self) -> Fraction:
        return self.minutes - self.exact_minutes


def convert_budget(
    effective_minutes: int | Decimal | Fraction,
    factor: Decimal,
    rounding: Rounding = Rounding.EXACT,
) -> Budget:
    """Budget for `effective_minutes` of work at `factor`. Floats are refused: not exact."""
    given: object = effective_minutes
    if isinstance(given, bool | float) or not isinstance(factor, Decimal):
        raise TypeError(
            "use int, Decimal or Fraction minutes and a Decimal factor: floats are inexact"
        )
    effective = Fraction(effective_minutes)
    if effective < 0:
        raise ValueError(f"effective minutes cannot be negative, got {effective}")
    if not factor.is_finite() or factor <= 0:
        raise ValueError(f"factor must be a positive number, got {factor}")
    exact = effective * Fraction(factor)
    step = rounding.step
    minutes = exact if step is None else Fraction(math.ceil(exact / step) * step)
    return Budget(effective, factor, exact, rounding, minutes)


def area_budget(
    effective_minutes: int | Decimal | Fraction,
    area: AreaRule,
    rounding: Rounding = Rounding.EXACT,
) -> Budget:
    if area.factor is None:
        raise ValueError(
            f"{area.area.value}: the factor is agreed individually with the admin team"
        )
    return convert_budget(effective_minutes, area.factor, rounding)


def format_hmm(minutes: int | Decimal | Fraction) -> str:
    """234 → "3:54". A fraction of a minute is shown as seconds ("0:09:06" for 9.1 minutes);
    a remainder below one second is rounded up to the next second, so a budget is never
    shown smaller than it is."""
    value = Fraction(minutes)
    if value < 0:
        raise ValueError(f"minutes cannot be negative, got {value}")
    seconds = math.ceil(value * 60)
    hours, rest = divmod(seconds, 3600)
    whole_minutes, secs = divmod(rest, 60)
    if secs:
        return f"{hours}:{whole_minutes:02d}:{secs:02d}"
    return f"{hours}:{whole_minutes:02d}"
