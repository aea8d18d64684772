"""Numbers and times as the VPA's texts show them, German and English.

Each helper says how it rounds, if it does: these numbers end up in front of customers.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from vpaphone.core.budget import format_hmm
from vpaphone.core.rules import Language

DE = Language.DE


def format_factor(factor: Decimal, language: Language) -> str:
    """1.3 → "1,3" (de) / "1.3" (en); at least one decimal, as the page writes them ("2,0")."""
    text = f"{factor:.1f}" if factor == factor.to_integral_value() else f"{factor.normalize():f}"
    return text.replace(".", ",") if language is DE else text


def format_percent(share: Fraction, language: Language) -> str:
    """0.25 → "25 %" (de) / "25%" (en): to the nearest tenth of a percent, half up — the one
    rounding of shares in the app (the UI and the customer message both use this). Whether a
    share is over the included level is decided exactly (`core.share`), never from this text."""
    value = (Decimal(share.numerator * 100) / Decimal(share.denominator)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    text = f"{value:f}".removesuffix(".0")
    return f"{text.replace('.', ',')} %" if language is DE else f"{text}%"


def format_minutes(minutes: Fraction | int, language: Language) -> str:
    """234 → "234 Minuten (3:54 Std.)" / "234 minutes (3:54 h)"."""
    value = Fraction(minutes)
    if language is DE:
        return f"{minutes_number(value, language)} Minuten ({format_hmm(value)} Std.)"
    return f"{minutes_number(value, language)} minutes ({format_hmm(value)} h)"


def minutes_number(minutes: Fraction, language: Language) -> str:
    """Exact when the value has a finite decimal form (every budget from whole minutes × a
    decimal factor does: "9,1"); otherwise "≈" and two decimals."""
    count = _exact_decimal(minutes)
    if count is None:
        number = Decimal(minutes.numerator) / Decimal(minutes.denominator)
        count = "≈" + f"{number.quantize(Decimal('0.01')):f}"
    return count.replace(".", ",") if language is DE else count


def _exact_decimal(value: Fraction) -> str | None:
    """The finite decimal form of `value`, or None if it has none (e.g. 1/3)."""
    rest = value.denominator
    for prime in (2, 5):
        while rest % prime == 0:
            rest //= prime
    if rest != 1:
        return None
    number = Decimal(value.numerator) / Decimal(value.denominator)  # exact: finite expansion
    return f"{number.normalize():f}" if number != number.to_integral_value() else str(int(number))


def format_duration(seconds: Fraction | float, language: Language) -> str:
    """Working or phone time to the nearest minute (half a minute rounds up):
    3300 s → "55 Min." / "55 min", 9000 s → "2:30 Std." / "2:30 h"."""
    minutes = math.floor(Fraction(seconds) / 60 + Fraction(1, 2))
    if minutes < 60:
        return f"{minutes} {'Min.' if language is DE else 'min'}"
    return f"{format_hmm(minutes)} {'Std.' if language is DE else 'h'}"
