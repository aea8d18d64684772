"""Input that is not a dialable number: a specific code, a human message, a suggestion."""

from __future__ import annotations

import pytest

from vpaphone.core.numbers import DialErrorCode, DialInputError, parse_dial_input
from vpaphone.texts.dial import dial_error_text


def rejected(typed: str, country: str = "DE") -> DialInputError:
    with pytest.raises(DialInputError) as caught:
        parse_dial_input(typed, country)
    return caught.value


@pytest.mark.parametrize("typed", ["", "   ", "\u00a0\u200b", "tel:", "()", " - / "])
def test_empty(typed: str) -> None:
    error = rejected(typed)
    assert error.code is DialErrorCode.EMPTY
    assert dial_error_text(error) == "Type a phone number."


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("+", "country code after the +"),
        ("+49", "rest of the number"),
        ("0049", "rest of the number"),
        ("1", "Too short for a phone number in Germany"),
        ("+49 1", "rest of the number"),
        ("0221 1", "Too short"),
    ],
)
def test_too_short(typed: str, words: str) -> None:
    error = rejected(typed)
    assert error.code is DialErrorCode.TOO_SHORT
    assert words in dial_error_text(error)


@pytest.mark.parametrize(
    "typed", ["0221 8282998012345678", "+49 221 82829980 82829980", "1" * 19, "1" * 201]
)
def test_too_long(typed: str) -> None:
    assert rejected(typed).code is DialErrorCode.TOO_LONG


@pytest.mark.parametrize("typed", ["+999 123456789", "+379 06 1234", "00999 1234567"])
def test_country_code_that_does_not_exist(typed: str) -> None:
    error = rejected(typed)
    assert error.code is DialErrorCode.INVALID_COUNTRY_CODE
    assert "no country with this code" in dial_error_text(error)


def test_national_number_without_a_usable_picker_asks_for_the_country() -> None:
    error = rejected("0221 82829980", "XX")
    assert error.code is DialErrorCode.INVALID_COUNTRY_CODE
    assert "Pick the destination country" in dial_error_text(error)


@pytest.mark.parametrize(
    ("typed", "country", "message", "suggestion"),
    [
        (
            "020 7946 0958",  # a London number, typed with Germany picked
            "DE",
            "Not a number in Germany, but one in the United Kingdom",
            "+44 20 7946 0958",
        ),
        ("01 23 45 67 89", "DE", "but one in France", "+33 1 23 45 67 89"),
        ("0221 82829980", "IT", "Not a number in Italy, but one in Germany", "+49 221 82829980"),
    ],
)
def test_wrong_country_suggests_the_likely_one(
    typed: str, country: str, message: str, suggestion: str
) -> None:
    error = rejected(typed, country)
    assert error.code is DialErrorCode.WRONG_COUNTRY
    assert message in dial_error_text(error)
    assert error.suggestion == suggestion


def test_wrong_country_without_a_clear_favourite_names_candidates_but_suggests_none() -> None:
    error = rejected("0123456789", "DE")  # ungrouped: Austria, France, Italy … all fit
    assert error.code is DialErrorCode.WRONG_COUNTRY
    assert "It would be one in" in dial_error_text(error)
    assert "France" in dial_error_text(error)
    assert error.suggestion is None


@pytest.mark.parametrize(
    ("typed", "country", "suggestion", "words"),
    [
        ("6 4620 1234", "IT", "06 4620 1234", "Italian landline numbers keep their leading 0"),
        ("+39 6 4620 1234", "DE", "+39 06 4620 1234", "Italian landline"),
        ("0039 2 8058 1234", "DE", "+39 02 8058 1234", "Italian landline"),
        ("549 882555", "SM", "0549 882555", "San Marino landline numbers keep"),
        ("+378 549 882555", "DE", "+378 0549 882555", "San Marino"),
    ],
)
def test_italian_landline_without_its_zero_gets_the_zero_suggested(
    typed: str, country: str, suggestion: str, words: str
) -> None:
    error = rejected(typed, country)
    assert error.code is DialErrorCode.NOT_A_NUMBER
    assert words in dial_error_text(error)
    assert error.suggestion == suggestion
    assert parse_dial_input(suggestion, country).region in {"IT", "SM"}


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [
        ("O221 82829980", "0221 82829980"),  # letter O for zero
        ("0221 8282998O", "0221 82829980"),
        ("0l70 1234567", "0170 1234567"),  # lower-case L for one
        ("0I70 1234567", "0170 1234567"),
    ],
)
def test_letters_that_look_like_digits_get_the_digits_suggested(
    typed: str, suggestion: str
) -> None:
    error = rejected(typed)
    assert error.code is DialErrorCode.LETTERS
    assert "is a letter" in dial_error_text(error)
    assert error.suggestion == suggestion


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("0221 12a4567", "Letters where digits belong: “a”"),
        ("0221 Müller", "Letters where digits belong"),
        ("ab 0221 8282", "Letters where digits belong"),
        ("Hallo", "That is text, not a phone number"),
    ],
)
def test_letters_where_digits_belong(typed: str, words: str) -> None:
    error = rejected(typed)
    assert error.code is DialErrorCode.LETTERS
    assert words in dial_error_text(error)
    assert error.suggestion is None


@pytest.mark.parametrize(
    "pasted",
    [
        "+49 221 82829980 (Büro)",
        "Tel. +49 221 82829980 (office)",  # would spell a (too long) German number on the keypad
        "0221 82829980 Herr Müller",
        "0221 82829980a",
    ],
)
def test_a_note_after_a_number_is_not_dialled_but_the_number_is_suggested(pasted: str) -> None:
    error = rejected(pasted)
    assert error.code is DialErrorCode.LETTERS
    assert dial_error_text(error) == (
        "The text after the number is not part of it: phone numbers are digits only."
    )
    assert error.suggestion == "+49 221 82829980"


def test_a_phone_word_that_spells_no_valid_number() -> None:
    error = rejected("1-800-FLOWERS-NOW", "US")  # 14 digits: too long for a US number
    assert error.code is DialErrorCode.LETTERS
    assert "do not spell a valid number" in dial_error_text(error)


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("0221*82829980", "“*” does not belong"),
        ("*31#0221 82829980", "“*” does not belong"),
        ("0221 82829980, 0170 1234567", "one number at a time"),
        ("0221 82829980; 0170 1234567", "one number at a time"),
        ("0221 8282+9980", "A + belongs only at the start"),
        ("sip:anna.schmidt@my-vpa.example", "not a phone number"),
        ("callto:anna.schmidt", "not a phone number"),
        ("%2B49 221 82829980", "“%” does not belong"),  # percent-encoding only inside links
    ],
)
def test_symbols_and_addresses_that_are_not_numbers(typed: str, words: str) -> None:
    error = rejected(typed)
    assert error.code is DialErrorCode.NOT_A_NUMBER
    assert words in dial_error_text(error)


@pytest.mark.parametrize(
    "typed",
    [
        "+49 221 82829980 ext. 12",
        "+49 221 82829980 x12",
        "0221 82829980 Durchwahl 12",
        "tel:+49-221-82829980;ext=12",
    ],
)
def test_an_extension_is_not_silently_dropped(typed: str) -> None:
    error = rejected(typed)
    assert error.code is DialErrorCode.NOT_A_NUMBER
    assert "key in the extension once the call is answered" in dial_error_text(error)
    assert error.suggestion == "+49 221 82829980"


def test_no_such_number() -> None:
    error = rejected("+49 1234 567890")  # 01234… is no German range
    assert error.code is DialErrorCode.NOT_A_NUMBER
    assert dial_error_text(error) == "There is no such number in Germany: check the digits."


@pytest.mark.parametrize(
    ("typed", "country"),
    [
        ("020 7946 0958", "DE"),
        ("6 4620 1234", "IT"),
        ("0221 8282998012345678", "DE"),
        ("+49 1234 567890", "DE"),
        ("0123456789", "DE"),
        ("+49 221 82829980 ext. 12", "DE"),
    ],
)
def test_messages_do_not_repeat_the_number(typed: str, country: str) -> None:
    """Messages may end up in logs; customer numbers must not (suggestions are for the UI)."""
    error = rejected(typed, country)
    digits = "".join(c for c in typed if c.isdigit())
    for logged in (dial_error_text(error), str(error)):
        assert digits[-6:] not in "".join(c for c in logged if c.isdigit())
