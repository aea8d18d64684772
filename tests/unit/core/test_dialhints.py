"""Each error names its sentence (hint) and the countries it is about, so the UI can say it
in the user's language as specifically as the English message."""

from __future__ import annotations

import pytest

from vpaphone.core.numbers import DialHint, DialInputError, parse_dial_input
from vpaphone.texts.dial import dial_error_text


def rejected(typed: str, country: str = "DE") -> DialInputError:
    with pytest.raises(DialInputError) as caught:
        parse_dial_input(typed, country)
    return caught.value


# typed, picked country, hint, region, other regions, quoted characters
CASES = [
    ("", "DE", DialHint.EMPTY, None, (), ""),
    ("1" * 201, "DE", DialHint.FAR_TOO_LONG, None, (), ""),
    ("0221 8282998012345678", "DE", DialHint.TOO_LONG, "DE", (), ""),
    ("12345678901234567", "NL", DialHint.TOO_LONG, "NL", (), ""),
    ("+33 1 23 45 67 89 12345678", "DE", DialHint.TOO_LONG, "FR", (), ""),  # +33: France
    ("+800 1234 56789 12", "DE", DialHint.TOO_LONG, None, (), ""),  # global: no country
    ("1", "DE", DialHint.TOO_SHORT, "DE", (), ""),
    ("+800 1", "DE", DialHint.TOO_SHORT, None, (), ""),
    ("0221 1", "DE", DialHint.AREA_CODE_MISSING, "DE", (), ""),
    ("0221 1", "CH", DialHint.AREA_CODE_MISSING, "CH", (), ""),
    ("+800 12345", "DE", DialHint.AREA_CODE_MISSING, None, (), ""),
    ("+", "DE", DialHint.COUNTRY_CODE_MISSING, None, (), ""),
    ("+49", "DE", DialHint.REST_AFTER_COUNTRY_CODE, None, (), ""),
    ("+999 123456789", "DE", DialHint.UNKNOWN_COUNTRY_CODE, None, (), ""),
    ("0221 82829980", "XX", DialHint.NO_COUNTRY_PICKED, None, (), ""),
    ("020 7946 0958", "DE", DialHint.WRONG_COUNTRY, "DE", ("GB",), ""),
    ("01 23 45 67 89", "DE", DialHint.WRONG_COUNTRY, "DE", ("FR",), ""),
    ("0221 82829980", "IT", DialHint.WRONG_COUNTRY, "IT", ("DE",), ""),
    ("0123456789", "DE", DialHint.WRONG_COUNTRY_SEVERAL, "DE", ("AT", "FR", "IT", "IE", "SE"), ""),
    ("6 4620 1234", "IT", DialHint.KEEP_LEADING_ZERO, "IT", (), ""),
    ("+39 6 4620 1234", "DE", DialHint.KEEP_LEADING_ZERO, "IT", (), ""),
    ("+378 549 882555", "DE", DialHint.KEEP_LEADING_ZERO, "SM", (), ""),
    ("0221 12a4567", "DE", DialHint.LETTERS, None, (), "a"),
    ("0221 Müller", "DE", DialHint.LETTERS_AFTER_NUMBER, None, (), ""),
    ("+49 221 82829980 (Büro)", "DE", DialHint.TEXT_AFTER_NUMBER, None, (), ""),
    ("Hallo", "DE", DialHint.TEXT_ONLY, None, (), ""),
    ("O221 82829980", "DE", DialHint.LOOKALIKE_LETTER, None, (), "O"),
    ("1-800-FLOWERS-NOW", "US", DialHint.PHONE_WORD, None, (), ""),
    ("tel:+49-221-82829980;ext=ab", "DE", DialHint.LINK_EXTENSION, None, (), ""),
    ("sip:anna.schmidt@my-vpa.example", "DE", DialHint.SIP_ADDRESS, None, (), ""),
    ("%2B49 221 82829980", "DE", DialHint.SYMBOL, None, (), "%"),
    ("0221 8282+9980", "DE", DialHint.PLUS_INSIDE, None, (), ""),
    ("0221 82829980, 0170 1234567", "DE", DialHint.SEVERAL_NUMBERS, None, (), ""),
    ("+49 221 82829980 ext. 12", "DE", DialHint.EXTENSION, None, (), ""),
    ("+49 1234 567890", "DE", DialHint.NO_SUCH_NUMBER, "DE", (), ""),
]


@pytest.mark.parametrize(("typed", "country", "hint", "region", "regions", "detail"), CASES)
def test_each_error_names_its_sentence_and_countries(
    typed: str,
    country: str,
    hint: DialHint,
    region: str | None,
    regions: tuple[str, ...],
    detail: str,
) -> None:
    error = rejected(typed, country)
    assert (error.hint, error.region, error.regions, error.detail) == (
        hint,
        region,
        regions,
        detail,
    )
    assert error.code is hint.code


def test_every_hint_is_reachable_from_some_input() -> None:
    """The list above covers every sentence the parser has (so the UI tests can use it)."""
    assert {case[2] for case in CASES} == set(DialHint)


def test_the_english_message_names_the_same_countries() -> None:
    error = rejected("0221 82829980", "IT")
    assert dial_error_text(error).startswith("Not a number in Italy, but one in Germany")
    several = rejected("0123456789")
    assert "in Austria, France, Italy …" in dial_error_text(several)


@pytest.mark.parametrize(
    "typed", ["0221 12a4567", "O221 82829980", "0221*82829980", "0221 Müller", "Hallo"]
)
def test_quoted_characters_are_never_digits_of_the_number(typed: str) -> None:
    error = rejected(typed)
    assert not any(char.isdigit() for char in error.detail)
    assert not any(char.isdigit() for char in "".join(error.regions) + (error.region or ""))
