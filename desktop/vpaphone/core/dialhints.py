"""The most helpful error for digits that are no valid number: what is wrong, and a fix.

Italian landlines typed without their 0, numbers typed for the wrong country, incomplete
numbers. Only runs when classification failed, so it may afford a few extra parses.
"""

from __future__ import annotations

import functools
import re

import phonenumbers
from phonenumbers import (
    NumberParseException,
    PhoneNumber,
    PhoneNumberFormat,
    PhoneNumberType,
    ValidationResult,
)
from phonenumbers.phonemetadata import PhoneMetadata

from vpaphone.core.dialerrors import DialHint, DialInputError
from vpaphone.core.dialtext import DialText

_KEEP_LEADING_ZERO = frozenset({39, 378})  # Italy (and Vatican), San Marino
# Where a number typed without +CC that is invalid in the picked country most likely belongs;
# checked in this order, so neighbours and frequent destinations of German VPAs come first.
_LIKELY_REGIONS = (
    "DE", "AT", "CH", "NL", "BE", "LU", "FR", "IT", "ES", "PT", "GB", "IE", "DK", "SE", "NO",
    "FI", "PL", "CZ", "SK", "HU", "SI", "HR", "RO", "BG", "GR", "CY", "MT", "EE", "LV", "LT",
    "LI", "IS", "TR", "US",
)  # fmt: skip
# Shorter input is more likely a mistyped local number than a foreign one (foreign numbers
# with their trunk prefix have 8+ digits: DK 33 12 34 56, BE 02 123 45 67, FR 01 23 45 67 89).
_MIN_FOREIGN_DIGITS = 8
# What a number typed for the wrong country is: a subscriber's, not a short service code.
_SUBSCRIBER_TYPES = frozenset(
    {PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
)


def invalid_number_error(number: PhoneNumber, dial: DialText, region: str | None) -> DialInputError:
    """The most helpful error for a number phonenumbers does not know as valid."""
    if dial.phone_word:
        return DialInputError(DialHint.PHONE_WORD)
    typed_national = (
        not dial.international
        and region is not None
        and number.country_code == phonenumbers.country_code_for_region(region)
    )
    zero_fixed = _with_italian_zero(number)
    if zero_fixed is not None:
        style = PhoneNumberFormat.NATIONAL if typed_national else PhoneNumberFormat.INTERNATIONAL
        return DialInputError(
            DialHint.KEEP_LEADING_ZERO,
            suggestion=phonenumbers.format_number(zero_fixed, style),
            region="SM" if number.country_code == 378 else "IT",
        )
    reason = phonenumbers.is_possible_number_with_reason(number)
    too_short = reason in (
        ValidationResult.TOO_SHORT,
        ValidationResult.IS_POSSIBLE_LOCAL_ONLY,
    ) or _shorter_than_subscriber_numbers(number)
    if typed_national and region and not too_short and len(dial.digits) >= _MIN_FOREIGN_DIGITS:
        wrong_country = _wrong_country(dial, region)
        if wrong_country is not None:
            return wrong_country
    named = named_region(phonenumbers.region_code_for_country_code(number.country_code or 0))
    if too_short:
        return DialInputError(
            DialHint.AREA_CODE_MISSING,
            region=named,
        )
    if reason == ValidationResult.TOO_LONG:
        return DialInputError(DialHint.TOO_LONG, region=named)
    return DialInputError(DialHint.NO_SUCH_NUMBER, region=named)


def text_after_number_error(dial: DialText, region: str | None) -> DialInputError:
    """Text after the digits ("… (Büro)"): LETTERS, suggesting the digits if they are a number.

    The text is not repeated: after a number it is often a name ("… Herr Müller").
    """
    text = f"+{dial.digits_before_text}" if dial.international else dial.digits_before_text
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        return DialInputError(
            DialHint.LETTERS_AFTER_NUMBER,
        )
    return DialInputError(
        DialHint.TEXT_AFTER_NUMBER,
        suggestion=phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL),
    )


def _shorter_than_subscriber_numbers(number: PhoneNumber) -> bool:
    """Shorter than any fixed-line or mobile number of its country ("0221 1" in Germany).

    phonenumbers' own length check also admits short service numbers, which cannot be
    dialled with a country code anyway.
    """
    country_code = number.country_code or 0
    region = phonenumbers.region_code_for_country_code(country_code)
    metadata = PhoneMetadata.metadata_for_region_or_calling_code(country_code, region)
    if metadata is None:
        return False
    lengths = [
        length
        for desc in (metadata.fixed_line, metadata.mobile)
        if desc is not None
        for length in desc.possible_length
        if length > 0
    ]
    nsn = phonenumbers.national_significant_number(number)
    return bool(lengths) and len(nsn) < min(lengths)


def _with_italian_zero(number: PhoneNumber) -> PhoneNumber | None:
    """The number with the leading 0 Italian/San Marino landlines keep, if that makes it valid."""
    if number.country_code not in _KEEP_LEADING_ZERO or number.italian_leading_zero:
        return None
    fixed = PhoneNumber(
        country_code=number.country_code,
        national_number=number.national_number,
        italian_leading_zero=True,
    )
    return fixed if phonenumbers.is_valid_number(fixed) else None


def _wrong_country(dial: DialText, picked: str) -> DialInputError | None:
    """WRONG_COUNTRY if the digits are a valid number elsewhere; suggest it if that is clear.

    Clear means: valid in one likely country only, or grouped the way that country writes
    its numbers ("01 23 45 67 89" is French, "020 7946 0958" British).
    """
    matches = _valid_elsewhere(dial.digits, picked)
    if not matches:
        return None
    typed_groups = _digit_groups(dial.typed)
    grouped_alike = [
        m
        for m in matches
        if _digit_groups(phonenumbers.format_number(m, PhoneNumberFormat.NATIONAL)) == typed_groups
    ]
    best = matches if len(matches) == 1 else grouped_alike[:1]
    regions = [phonenumbers.region_code_for_number(m) or "" for m in best or matches]
    if not best:
        return DialInputError(
            DialHint.WRONG_COUNTRY_SEVERAL,
            region=picked,
            regions=regions,
        )
    return DialInputError(
        DialHint.WRONG_COUNTRY,
        suggestion=phonenumbers.format_number(best[0], PhoneNumberFormat.INTERNATIONAL),
        region=picked,
        regions=regions,
    )


def _digit_groups(text: str) -> list[int]:
    return [len(group) for group in re.findall(r"\d+", text)]


def _valid_elsewhere(digits: str, picked: str) -> list[PhoneNumber]:
    found: list[PhoneNumber] = []
    for candidate in _LIKELY_REGIONS:
        if candidate == picked or not _could_be_number_of(digits, candidate):
            continue
        try:
            number = phonenumbers.parse(digits, candidate)
        except NumberParseException:
            continue
        if phonenumbers.number_type(number) in _SUBSCRIBER_TYPES:
            found.append(number)
    return found


def _could_be_number_of(digits: str, region: str) -> bool:
    """Cheap pre-check before parsing: do the digits, with or without trunk prefix, fit the
    region's numbering plan at all (its lengths and its overall pattern)?"""
    trunk, lengths, pattern = _numbering_plan(region)
    national = [digits]
    if trunk and digits.startswith(trunk):
        national.append(digits[len(trunk) :])
    return any(len(nsn) in lengths and pattern.fullmatch(nsn) for nsn in national)


@functools.cache
def _numbering_plan(region: str) -> tuple[str, frozenset[int], re.Pattern[str]]:
    metadata = PhoneMetadata.metadata_for_region(region)
    desc = metadata.general_desc if metadata is not None else None
    if metadata is None or desc is None or desc.national_number_pattern is None:
        return "", frozenset(), re.compile("(?!)")
    return (
        metadata.national_prefix or "",
        frozenset(desc.possible_length),
        re.compile(desc.national_number_pattern),
    )


def named_region(region: str | None) -> str | None:
    """`region` if it is a country a message can name; None for +800 and other global codes."""
    return region if region in phonenumbers.SUPPORTED_REGIONS else None
