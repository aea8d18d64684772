"""Dial input → Destination for what VPAs really type or paste (RULES.md "Calling" 2)."""

from __future__ import annotations

import pytest

from vpaphone.core.model import NumberKind
from vpaphone.core.numbers import (
    DialErrorCode,
    DialInputError,
    mask_e164,
    masked,
    parse_dial_input,
)

CENTRAL = "+4922182829980"  # my-vpa's central number, +49 221 82829-980 (RULES.md 3)


@pytest.mark.parametrize(
    "typed",
    [
        "221 82829980",  # as the help page says: without the leading zero
        "0221 82829980",  # with it
        "+49 221 82829-980",
        "+49 (0)221 82829-980",  # the trunk zero in brackets after the country code
        "+49 0221 82829980",
        "0049 221 82829980",
        "0049 (0) 221 / 828 299 80",
        "(+49) 221 82829980",
        "0221/82829980",
        "0221.828.299.80",
        "0221-82829-980",
        "[0221] 82829980",
        "tel:+49-221-82829980",
        "TEL:+49-221-82829980",
        "tel://+4922182829980",
        "tel:%2B49-221-82829980",
        "tel:82829980;phone-context=+49-221",
        "tel:0221-82829980;phone-context=+49",
        "callto:+49 221 82829980",
        "callto://+4922182829980",
        "sip:+4922182829980@sip.my-vpa.example;user=phone",
        "sips:004922182829980@sip.my-vpa.example",
        "Tel.: +49 221 82829980",
        "Telefon: 0221 82829980",
        "Phone: +49 221 82829980",
        "Tel. +49 221 82829980",
        "Mobil 0221 82829980",
        "Tel.-Nr.: 0221 82829980",
        "Telefonnummer: 0221 82829980",
        "Phone number: +49 221 82829980",
        "  +49 221 82829980\n",
    ],
)
def test_german_forms_of_the_central_number_give_one_e164(typed: str) -> None:
    destination = parse_dial_input(typed, "DE")
    assert destination.e164 == CENTRAL
    assert destination.region == "DE"
    assert destination.kind is NumberKind.FIXED_LINE
    assert destination.national == "0221 82829980"
    assert destination.international == "+49 221 82829980"


@pytest.mark.parametrize(
    "pasted",
    [
        "+49\u00a0221\u00a082829980",  # non-breaking spaces
        "+49\u202f221\u202f82829980",  # narrow no-break spaces (French typography)
        "+49 221\u201182829\u2013980",  # non-breaking hyphen, en dash
        "+49 221 82829\u2212980",  # minus sign
        "\u202a+49 221 82829980\u202c",  # bidi embedding marks from mail clients
        "\u200e+49 221 82829980\u200b",  # LRM, zero-width space
        "\ufeff+49 221 82829980",  # byte order mark
        "＋４９ ２２１ ８２８２９９８０",  # full-width, from East Asian keyboards
        "+٤٩ ٢٢١ ٨٢٨٢٩٩٨٠",  # Arabic-Indic digits
        "+۴۹ ۲۲۱ ۸۲۸۲۹۹۸۰",  # Persian digits
    ],
)
def test_copy_paste_debris_is_ignored(pasted: str) -> None:
    assert parse_dial_input(pasted, "DE").e164 == CENTRAL


def test_a_plus_number_gives_the_region_of_the_number_not_of_the_picker() -> None:
    destination = parse_dial_input("+33 1 23 45 67 89", "DE")
    assert (destination.e164, destination.region) == ("+33123456789", "FR")
    assert destination.national == "01 23 45 67 89"


def test_00_prefix_works_whatever_country_is_picked() -> None:
    assert parse_dial_input("0033 1 23 45 67 89", "US").e164 == "+33123456789"


def test_the_picked_countrys_own_international_prefix_works() -> None:
    assert parse_dial_input("011 49 221 82829980", "US").e164 == CENTRAL


@pytest.mark.parametrize(
    ("typed", "country", "e164", "region"),
    [
        ("06 4620 1234", "IT", "+390646201234", "IT"),  # Rome, keeps its 0
        ("+39 06 4620 1234", "DE", "+390646201234", "IT"),
        ("0039 06 46201234", "DE", "+390646201234", "IT"),
        ("02 8058 1234", "IT", "+390280581234", "IT"),  # Milan
        ("+39 (0)6 4620 1234", "DE", "+390646201234", "IT"),  # the (0) is NOT dropped
        ("+39 06 6988 3427", "DE", "+390669883427", "VA"),  # Vatican, under +39
        ("0549 882555", "SM", "+3780549882555", "SM"),  # San Marino
        ("+378 0549 882555", "DE", "+3780549882555", "SM"),
        ("333 123 4567", "IT", "+393331234567", "IT"),  # Italian mobiles have no 0
    ],
)
def test_italy_san_marino_and_vatican_keep_the_leading_zero(
    typed: str, country: str, e164: str, region: str
) -> None:
    destination = parse_dial_input(typed, country)
    assert (destination.e164, destination.region) == (e164, region)


@pytest.mark.parametrize(
    ("typed", "country", "e164", "kind"),
    [
        ("0170 1234567", "DE", "+491701234567", NumberKind.MOBILE),
        ("0800 3569377", "DE", "+498003569377", NumberKind.TOLL_FREE),
        ("0900 1 234567", "DE", "+499001234567", NumberKind.PREMIUM_RATE),
        ("01805 123456", "DE", "+491805123456", NumberKind.SHARED_COST),
        ("+44 20 7946 0958", "DE", "+442079460958", NumberKind.FIXED_LINE),
        ("+1 650-253-0000", "DE", "+16502530000", NumberKind.FIXED_LINE_OR_MOBILE),
        ("+800 1234 5678", "DE", "+80012345678", NumberKind.TOLL_FREE),
        ("06 12345678", "NL", "+31612345678", NumberKind.MOBILE),
    ],
)
def test_number_types_come_from_phonenumbers(
    typed: str, country: str, e164: str, kind: NumberKind
) -> None:
    destination = parse_dial_input(typed, country)
    assert (destination.e164, destination.kind) == (e164, kind)


def test_non_geographic_numbers_have_region_001() -> None:
    assert parse_dial_input("+800 1234 5678", "DE").region == "001"


@pytest.mark.parametrize(
    ("typed", "country", "e164"),
    [
        ("0800-FLOWERS", "DE", "+498003569377"),
        ("0800 flowers", "DE", "+498003569377"),
        ("+49 800 FLOWERS", "AT", "+498003569377"),
        ("1-800-FLOWERS", "US", "+18003569377"),
        ("1-800-GOT-JUNK", "US", "+18004685865"),
    ],
)
def test_phone_words_are_dialled_on_the_keypad(typed: str, country: str, e164: str) -> None:
    assert parse_dial_input(typed, country).e164 == e164


@pytest.mark.parametrize(
    ("typed", "country"),
    [
        ("112", "DE"),
        ("110", "DE"),
        ("112", "FR"),
        ("110", "FR"),  # 110 is emergency whatever the picker says
        ("112", "ZZ"),  # … and so is 112 with no usable picker
        ("15", "FR"),  # SAMU, emergency per phonenumbers' short-number data
        ("17", "FR"),
        ("911", "US"),
        ("999", "GB"),
        ("tel:112", "DE"),
        (" 1 1 2 ", "IT"),
    ],
)
def test_emergency_numbers_keep_their_short_code(typed: str, country: str) -> None:
    destination = parse_dial_input(typed, country)
    assert destination.kind is NumberKind.EMERGENCY
    assert destination.is_emergency
    assert destination.e164 == typed.replace("tel:", "").replace(" ", "")
    assert destination.region == (country if country != "ZZ" else "ZZ")


def test_another_countrys_emergency_code_is_not_an_emergency_here() -> None:
    with pytest.raises(DialInputError) as caught:
        parse_dial_input("911", "DE")
    assert caught.value.code is DialErrorCode.TOO_SHORT


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("+49 221 82829980", "+49 221 ***80"),
        ("+1 650-253-0000", "+1 650 ***00"),
        ("+33 1 23 45 67 89", "+33 1 ***89"),
        ("112", "112"),
    ],
)
def test_masked_form_for_logs_keeps_country_area_and_two_digits(typed: str, shown: str) -> None:
    assert masked(parse_dial_input(typed, "DE")) == shown


def test_bare_number_masked_for_logs_hides_the_middle() -> None:
    assert mask_e164("+4922182829980") == "+49 221 ***80"
    assert mask_e164("112") == "***"


@pytest.mark.parametrize("typed", ["0590 27 12 34", "0590 87 12 34", "+590 590 29 12 34"])
def test_the_picked_region_decides_where_numbering_plans_overlap(typed: str) -> None:
    """+590 is shared by Guadeloupe, Saint-Barthélemy and Saint-Martin; phonenumbers answers
    BL (outside the EU) for fixed-line ranges assigned to both BL and MF (an EU outermost
    region). A VPA who picks Saint-Martin calls Saint-Martin."""
    assert parse_dial_input(typed, "MF").region == "MF"
    assert parse_dial_input(typed, "BL").region == "BL"


def test_a_pick_the_number_is_not_valid_for_does_not_decide() -> None:
    assert parse_dial_input("+49 221 82829980", "MF").region == "DE"
