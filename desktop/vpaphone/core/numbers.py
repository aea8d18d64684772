"""Dial input → Destination: the number we may dial, its region and its type (phonenumbers)."""

from __future__ import annotations

import re
from dataclasses import replace

import phonenumbers
from phonenumbers import (
    NumberParseException,
    PhoneNumber,
    PhoneNumberFormat,
    PhoneNumberType,
)
from phonenumbers.shortnumberinfo import is_emergency_number

from vpaphone.core.dialerrors import DialErrorCode, DialHint, DialInputError
from vpaphone.core.dialhints import (
    invalid_number_error,
    named_region,
    text_after_number_error,
)
from vpaphone.core.dialtext import DialText, read_dial_text
from vpaphone.core.model import Destination, NumberKind

__all__ = ["DialErrorCode", "DialHint", "DialInputError", "masked", "parse_dial_input"]

ALWAYS_EMERGENCY = frozenset({"112", "110"})
_MAX_SHORT_CODE = 6
_KINDS = {
    PhoneNumberType.FIXED_LINE: NumberKind.FIXED_LINE,
    PhoneNumberType.MOBILE: NumberKind.MOBILE,
    PhoneNumberType.FIXED_LINE_OR_MOBILE: NumberKind.FIXED_LINE_OR_MOBILE,
    PhoneNumberType.TOLL_FREE: NumberKind.TOLL_FREE,
    PhoneNumberType.PREMIUM_RATE: NumberKind.PREMIUM_RATE,
    PhoneNumberType.SHARED_COST: NumberKind.SHARED_COST,
    PhoneNumberType.VOIP: NumberKind.VOIP,
    PhoneNumberType.PERSONAL_NUMBER: NumberKind.PERSONAL_NUMBER,
    PhoneNumberType.PAGER: NumberKind.PAGER,
    PhoneNumberType.UAN: NumberKind.UAN,
    PhoneNumberType.VOICEMAIL: NumberKind.VOICEMAIL,
}


def parse_dial_input(text: str, country: str) -> Destination:
    """Classify what the user typed, `country` being the ISO code picked in the UI.

    Raises DialInputError (and nothing else) for input that is not a dialable number.
    """
    picked = country.strip().upper()
    region = picked if picked in phonenumbers.SUPPORTED_REGIONS else None
    dial = read_dial_text(text)
    if dial.text_after:  # "… 82829980 (office)" is a number plus a note, not a phone word
        annotated = text_after_number_error(dial, region)
        if annotated.suggestion or not dial.phone_word:
            raise annotated
    if not dial.international and len(dial.digits) <= _MAX_SHORT_CODE:
        emergency = _emergency(dial.digits, region)
        if emergency is not None:
            return emergency
    number = _parse(dial, region)
    kind, number_region = _classified(number)
    if number_region is None and dial.without_bracketed_zero:
        retry = _parse(replace(dial, digits=dial.without_bracketed_zero), region)
        retry_kind, retry_region = _classified(retry)
        if retry_region is not None:
            number, kind, number_region = retry, retry_kind, retry_region
    if number_region is None:
        raise invalid_number_error(number, dial, region)
    if (
        region is not None
        and number_region != region
        and phonenumbers.is_valid_number_for_region(number, region)
    ):
        # Regions that share a numbering plan (+590: Guadeloupe, Saint-Barthélemy, Saint-Martin)
        # overlap; phonenumbers names one of them. The country the VPA picked decides.
        number_region = region
    international = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    if dial.extension:
        raise DialInputError(
            DialHint.EXTENSION,
            suggestion=international,
        )
    return Destination(
        e164=phonenumbers.format_number(number, PhoneNumberFormat.E164),
        region=number_region,
        kind=kind,
        national=phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL),
        international=international,
    )


def region_of(e164: str) -> str | None:
    """The country (ISO code) of an E.164 number; None for what is no number (an anonymous
    caller's "Anonymous", a SIP user)."""
    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        return None
    return phonenumbers.region_code_for_number(number)


def mask_e164(number: str) -> str:
    """`+4922182829980` → `+49 221 ***80`, for a bare number (e.g. an incoming caller's)."""
    if len(number) <= 5:
        return "***"
    return f"{number[:3]} {number[3:6]} ***{number[-2:]}"


def masked(destination: Destination) -> str:
    """The number as logs may show it: country and area code, last two digits ("+49 221 ***80")."""
    if destination.is_emergency or not destination.international:
        return destination.e164
    groups = re.split(r"[ -]", destination.international)
    kept = groups[:2] if len(groups) > 2 else groups[:1]
    return f"{' '.join(kept)} ***{destination.e164[-2:]}"


def _emergency(digits: str, region: str | None) -> Destination | None:
    if digits in ALWAYS_EMERGENCY or (region and is_emergency_number(digits, region)):
        region = region or phonenumbers.UNKNOWN_REGION
        return Destination(digits, region, NumberKind.EMERGENCY, digits, international=digits)
    return None


def _classified(number: PhoneNumber) -> tuple[NumberKind, str | None]:
    """Kind and region of a valid number; region None if it is invalid."""
    kind = _KINDS.get(phonenumbers.number_type(number), NumberKind.UNKNOWN)
    region = phonenumbers.region_code_for_number(number)
    if kind is NumberKind.UNKNOWN:  # number_type is UNKNOWN exactly for invalid numbers
        return kind, None
    return kind, region


def _parse(dial: DialText, region: str | None) -> PhoneNumber:
    text = f"+{dial.digits}" if dial.international else dial.digits
    try:
        return phonenumbers.parse(text, region)
    except NumberParseException as error:
        raise _parse_error(error, dial, region) from None


def _parse_error(error: NumberParseException, dial: DialText, region: str | None) -> DialInputError:
    # "+33 …" is about France whatever country is picked.
    named = named_region(_dialled_region(dial.digits) if dial.international else region)
    if error.error_type == NumberParseException.INVALID_COUNTRY_CODE:
        if dial.international:
            return DialInputError(
                DialHint.UNKNOWN_COUNTRY_CODE,
            )
        return DialInputError(
            DialHint.NO_COUNTRY_PICKED,
        )
    if error.error_type == NumberParseException.TOO_LONG:
        return DialInputError(DialHint.TOO_LONG, region=named)
    if dial.international and len(dial.digits) <= 3:
        return DialInputError(DialHint.REST_AFTER_COUNTRY_CODE)
    return DialInputError(DialHint.TOO_SHORT, region=named)


def _dialled_region(digits: str) -> str | None:
    """The main region of the country code the digits start with (codes are prefix-free)."""
    for length in (1, 2, 3):
        code = int(digits[:length] or 0)
        if code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            return phonenumbers.region_code_for_country_code(code)
    return None
