"""Number errors in the UI language: as specific in German as in English, countries named in
German, English names with their article."""

from __future__ import annotations

import pytest

from vpaphone.core.numbers import DialInputError, parse_dial_input
from vpaphone.texts.dial import dial_error_text

pytestmark = pytest.mark.gui

# One input per sentence the parser has (tests/unit/core/test_dialhints.py
# checks that these are all of them), plus the variants without a country to name.
INPUTS = [
    ("", "DE"),
    ("1" * 201, "DE"),
    ("0221 8282998012345678", "DE"),
    ("+800 1234 56789 12", "DE"),
    ("1", "DE"),
    ("+800 1", "DE"),
    ("0221 1", "DE"),
    ("+800 12345", "DE"),
    ("+", "DE"),
    ("+49", "DE"),
    ("+999 123456789", "DE"),
    ("0221 82829980", "XX"),
    ("01 23 45 67 89", "DE"),
    ("0123456789", "DE"),
    ("6 4620 1234", "IT"),
    ("+378 549 882555", "DE"),
    ("0221 12a4567", "DE"),
    ("0221 Müller", "DE"),
    ("+49 221 82829980 (Büro)", "DE"),
    ("Hallo", "DE"),
    ("O221 82829980", "DE"),
    ("1-800-FLOWERS-NOW", "US"),
    ("tel:+49-221-82829980;ext=ab", "DE"),
    ("sip:anna.schmidt@my-vpa.example", "DE"),
    ("%2B49 221 82829980", "DE"),
    ("0221 8282+9980", "DE"),
    ("0221 82829980, 0170 1234567", "DE"),
    ("+49 221 82829980 ext. 12", "DE"),
    ("+49 1234 567890", "DE"),
]


def rejected(typed: str, country: str = "DE") -> DialInputError:
    with pytest.raises(DialInputError) as caught:
        parse_dial_input(typed, country)
    return caught.value


@pytest.mark.usefixtures("english")
def test_english_text_differs_per_sentence_and_names_its_countries() -> None:
    errors = [rejected(typed, country) for typed, country in INPUTS]
    texts = [dial_error_text(error) for error in errors]
    assert len(set(texts)) == len(texts), "two different problems read the same"
    for text in texts:
        assert "%1" not in text
        assert "%2" not in text


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(
    ("typed", "country", "expected"),
    [
        ("020 7946 0958", "DE", "Not a number in Germany, but one in the United Kingdom: "),
        ("12345678901234567", "NL", "Too long for a phone number in the Netherlands."),
        ("0221 1", "CH", "Too short for a phone number in Switzerland: "),
    ],
)
def test_english_puts_the_article_where_a_country_needs_it(
    typed: str, country: str, expected: str
) -> None:
    assert dial_error_text(rejected(typed, country)).startswith(expected)


@pytest.mark.usefixtures("english")
def test_german_text_differs_per_sentence_and_is_no_english(request: pytest.FixtureRequest) -> None:
    errors = [rejected(typed, country) for typed, country in INPUTS]
    english = [dial_error_text(error) for error in errors]
    request.getfixturevalue("german")
    texts = [dial_error_text(error) for error in errors]
    assert len(set(texts)) == len(texts), "two different problems read the same"
    for error, text, source in zip(errors, texts, english, strict=True):
        assert text != source, f"{error.hint} is shown in English"
        assert "%1" not in text
        assert "%2" not in text


@pytest.mark.usefixtures("german")
@pytest.mark.parametrize(
    ("typed", "country", "expected"),
    [
        ("6 4620 1234", "IT", "Italienische Festnetznummern behalten ihre führende 0."),
        (
            "+378 549 882555",
            "DE",
            "Festnetznummern behalten hier ihre führende 0 (San Marino).",
        ),
        (
            "01 23 45 67 89",
            "DE",
            "Keine Nummer aus dem gewählten Land (Deutschland), aber eine gültige aus einem "
            "anderen (Frankreich): Wähle dieses Land aus oder gib die Nummer mit "
            "Ländervorwahl ein.",
        ),
        (
            "0221 82829980",
            "IT",
            "Keine Nummer aus dem gewählten Land (Italien), aber eine gültige aus einem "
            "anderen (Deutschland): Wähle dieses Land aus oder gib die Nummer mit "
            "Ländervorwahl ein.",
        ),
        (
            "0123456789",
            "DE",
            "Keine Nummer aus dem gewählten Land (Deutschland). Gültig wäre sie in anderen "
            "Ländern (Österreich, Frankreich, Italien …): Wähle das richtige Land aus "
            "oder gib die Nummer mit Ländervorwahl ein.",
        ),
        ("0221 1", "DE", "Zu kurz für eine Telefonnummer (Deutschland): Fehlt die Vorwahl?"),
        ("0221 1", "CH", "Zu kurz für eine Telefonnummer (Schweiz): Fehlt die Vorwahl?"),
        ("+800 12345", "DE", "Zu kurz für eine Telefonnummer: Fehlt die Vorwahl?"),
        ("1", "DE", "Zu kurz für eine Telefonnummer (Deutschland)."),
        ("12345678901234567", "NL", "Zu lang für eine Telefonnummer (Niederlande)."),
        ("+33 1 23 45 67 89 12345678", "DE", "Zu lang für eine Telefonnummer (Frankreich)."),
        (
            "+49 1234 567890",
            "DE",
            "Diese Nummer gibt es nicht (Deutschland): Prüf die Ziffern.",
        ),
        (
            "0221 12a4567",
            "DE",
            "Buchstaben statt Ziffern: „a“. Buchstabenwörter gehen nur nach einer Vorwahl "
            "wie 0800.",
        ),
        ("%2B49 221 82829980", "DE", "„%“ gehört nicht in eine Telefonnummer."),
        ("+49", "DE", "Gib nach der Ländervorwahl den Rest der Nummer ein."),
    ],
)
def test_german_names_the_countries_in_german(typed: str, country: str, expected: str) -> None:
    assert dial_error_text(rejected(typed, country)) == expected


@pytest.mark.usefixtures("german")
def test_german_wrong_country_text_names_the_suggested_country() -> None:
    """The same digits, picked in two countries: the German text follows the countries."""
    london_from_de = dial_error_text(rejected("020 7946 0958", "DE"))
    london_from_ch = dial_error_text(rejected("020 7946 0958", "CH"))
    assert "(Deutschland)" in london_from_de
    assert "(Schweiz)" in london_from_ch
    assert london_from_de.count("Vereinigtes Königreich") == 1
    assert london_from_ch.count("Vereinigtes Königreich") == 1
