"""Properties over any input: a Destination or a DialInputError, and E.164 that re-parses."""

from __future__ import annotations

import re

import phonenumbers
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from vpaphone.core.model import Destination, NumberKind
from vpaphone.core.numbers import DialErrorCode, DialInputError, parse_dial_input
from vpaphone.texts.dial import dial_error_text

REGIONS = sorted(phonenumbers.SUPPORTED_REGIONS)
PICKERS = st.one_of(st.sampled_from(REGIONS), st.text(max_size=4))
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like dial input far more often than random unicode does.
_PIECES = st.sampled_from(
    ["+", "00", "0", "(0)", " ", "-", "/", ".", "(", ")", "tel:", "sip:", "@host", ";ext=",
     "x", "ext. ", ";phone-context=+49", "FLOWERS", "O", "l", "\u00a0", "\u2013", "٣", "*",
     "112", "49", "39", "221", "82829980", "%2B", "Tel. ", "(Büro)", "Herr Müller"]
)  # fmt: skip
DIAL_LIKE = st.lists(st.one_of(_PIECES, st.from_regex(r"[0-9]{1,6}", fullmatch=True))).map("".join)
ANY_TEXT = st.one_of(st.text(), DIAL_LIKE, st.text(alphabet="0123456789+ -()"))


def classify(text: str, country: str) -> Destination | DialInputError:
    try:
        return parse_dial_input(text, country)
    except DialInputError as error:
        return error


@SETTINGS
@given(text=ANY_TEXT, country=PICKERS)
@example(text="+", country="DE")
@example(text="tel:;phone-context=+", country="DE")
@example(text="sip:@", country="")
@example(text="0" * 200, country="DE")
@example(text="\U0001d7ce\U0001d7cf\U0001d7d0", country="DE")  # mathematical digits
def test_any_text_gives_a_destination_or_a_documented_error(text: str, country: str) -> None:
    result = classify(text, country)  # anything else escaping fails the test
    if isinstance(result, DialInputError):
        assert isinstance(result.code, DialErrorCode)
        text = dial_error_text(result)
        assert text.strip()
        assert not re.search(r"\d{5}", text), "messages must not carry the number"
        assert not re.search(r"\d{5}", str(result)), "logs must not carry the number"
        assert result.code is result.hint.code
        assert not re.search(r"\d", result.detail), "quoted characters are never digits"
        named = {result.region, *result.regions} - {None}
        assert named <= phonenumbers.SUPPORTED_REGIONS, "only countries the UI can name"
    else:
        assert result.e164
        assert result.kind is NumberKind.EMERGENCY or result.e164.startswith("+")


NATIONAL_DIGITS = st.from_regex(r"0?[1-9][0-9]{5,11}", fullmatch=True)


@SETTINGS
@given(digits=NATIONAL_DIGITS, picked=st.sampled_from(REGIONS), other=PICKERS)
def test_e164_output_re_parses_to_itself_with_any_picker(
    digits: str, picked: str, other: str
) -> None:
    result = classify(digits, picked)
    if isinstance(result, Destination) and not result.is_emergency:
        again = parse_dial_input(result.e164, other)
        assert (again.e164, again.kind) == (result.e164, result.kind)
        if again.region != result.region:  # overlapping plans (+47 NO/SJ, +590 BL/MF, +1 800):
            number = phonenumbers.parse(result.e164)  # each pick names a region it is valid in
            assert phonenumbers.is_valid_number_for_region(number, result.region)
            assert phonenumbers.is_valid_number_for_region(number, again.region)


def _example_numbers() -> list[phonenumbers.PhoneNumber]:
    kinds = (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE)
    found = [
        phonenumbers.example_number_for_type(region, kind) for region in REGIONS for kind in kinds
    ]
    return [number for number in found if number is not None]


def _typed_forms(number: phonenumbers.PhoneNumber) -> list[tuple[str, str]]:
    """(typed, picked country) in every style people use, with assorted separators."""
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    region = phonenumbers.region_code_for_number(number)
    assert region is not None
    international = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    forms = [("00" + e164[1:], "FR"), (f"sip:{e164}@pbx.example;user=phone", "IT")]
    forms.append(("tel:" + phonenumbers.format_number(number, PhoneNumberFormat.RFC3966)[4:], "ZZ"))
    for separator in (" ", "-", "/", "\u00a0", "\u2011", ""):
        forms.append((international.replace(" ", separator), "DE"))
        forms.append((national.replace(" ", separator), region))
    if phonenumbers.ndd_prefix_for_region(region, True) == "0":  # "(0)" marks a trunk 0 …
        forms.append((international.replace(" ", " (0)", 1), "DE"))  # … not Italy's own 0
    return forms


def test_every_countrys_numbers_survive_every_typing_style() -> None:
    """All 245 regions' example numbers (phonenumbers), typed in every style: about 5,000 cases."""
    failures = []
    for number in _example_numbers():
        expected = (
            phonenumbers.format_number(number, PhoneNumberFormat.E164),
            phonenumbers.region_code_for_number(number),
        )
        for typed, picked in _typed_forms(number):
            result = classify(typed, picked)
            got = (result.e164, result.region) if isinstance(result, Destination) else result
            if got != expected:
                failures.append((typed, picked, got, expected))
    assert failures == []
