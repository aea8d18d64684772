"""What is wrong with a typed number, as specific as the parser can tell (UI and CLI)."""

from __future__ import annotations

from vpaphone.core.dialerrors import DialHint, DialInputError
from vpaphone.texts.countries import place
from vpaphone.texts.translate import fill, translate


def dial_error_text(error: DialInputError) -> str:
    """What is wrong with the typed number, as specific as the parser's English sentence.

    %1 is the country the sentence is about (or the characters it quotes), %2 the other
    countries it names. German phrases around articles ("… (Schweiz)", "Land: Frankreich")
    instead of guessing them; English puts "the" before the names that need it.
    """
    others = [place(region) for region in error.regions]
    listed = ", ".join(others[:3]) + (" …" if len(others) > 3 else "")
    first = place(error.region) if error.region else error.detail
    return fill(_dial_error_template(error), first, listed)


def _dial_error_template(error: DialInputError) -> str:
    if error.region is None:  # sentences that may name a country, when there is none to name
        unnamed = {
            DialHint.TOO_LONG: translate("StatusText", "Too long for a phone number."),
            DialHint.TOO_SHORT: translate("StatusText", "Too short for a phone number."),
            DialHint.AREA_CODE_MISSING: translate(
                "StatusText", "Too short for a phone number: is the area code missing?"
            ),
            DialHint.NO_SUCH_NUMBER: translate(
                "StatusText", "There is no such number: check the digits."
            ),
        }
        if error.hint in unnamed:
            return unnamed[error.hint]
    if error.hint is DialHint.KEEP_LEADING_ZERO and error.region == "IT":
        return translate("StatusText", "Italian landline numbers keep their leading 0.")
    texts = {
        DialHint.EMPTY: translate("StatusText", "Type a phone number."),
        DialHint.FAR_TOO_LONG: translate("StatusText", "That is far too long for a phone number."),
        DialHint.TOO_LONG: translate("StatusText", "Too long for a phone number in %1."),
        DialHint.TOO_SHORT: translate("StatusText", "Too short for a phone number in %1."),
        DialHint.AREA_CODE_MISSING: translate(
            "StatusText", "Too short for a phone number in %1: is the area code missing?"
        ),
        DialHint.COUNTRY_CODE_MISSING: translate(
            "StatusText", "Type the country code after the +."
        ),
        DialHint.REST_AFTER_COUNTRY_CODE: translate(
            "StatusText", "Type the rest of the number after the country code."
        ),
        DialHint.UNKNOWN_COUNTRY_CODE: translate(
            "StatusText", "There is no country with this code: check the digits after the +."
        ),
        DialHint.NO_COUNTRY_PICKED: translate(
            "StatusText",
            "Pick the destination country, or type the number with + and its country code.",
        ),
        DialHint.WRONG_COUNTRY: translate(
            "StatusText",
            "Not a number in %1, but one in %2: pick that country or dial with its country code.",
        ),
        DialHint.WRONG_COUNTRY_SEVERAL: translate(
            "StatusText",
            "Not a number in %1. It would be one in %2: pick the right country or dial with its "
            "country code.",
        ),
        DialHint.LETTERS: translate(
            "StatusText",
            "Letters where digits belong: “%1”. Phone words work only after a prefix such as 0800.",
        ),
        DialHint.LETTERS_AFTER_NUMBER: translate(
            "StatusText", "Letters where digits belong: phone numbers are digits only."
        ),
        DialHint.TEXT_AFTER_NUMBER: translate(
            "StatusText",
            "The text after the number is not part of it: phone numbers are digits only.",
        ),
        DialHint.TEXT_ONLY: translate("StatusText", "That is text, not a phone number."),
        DialHint.LOOKALIKE_LETTER: translate(
            "StatusText", "“%1” is a letter — numbers use the digits 0–9 only."
        ),
        DialHint.PHONE_WORD: translate(
            "StatusText", "These letters do not spell a valid number (phone word)."
        ),
        DialHint.LINK_EXTENSION: translate("StatusText", "The link's extension is not a number."),
        DialHint.SIP_ADDRESS: translate(
            "StatusText", "This address names a person or device, not a phone number."
        ),
        DialHint.SYMBOL: translate("StatusText", "“%1” does not belong in a phone number."),
        DialHint.PLUS_INSIDE: translate(
            "StatusText", "A + belongs only at the start, before the country code."
        ),
        DialHint.SEVERAL_NUMBERS: translate("StatusText", "Paste one number at a time."),
        DialHint.KEEP_LEADING_ZERO: translate(
            "StatusText", "%1 landline numbers keep their leading 0."
        ),
        DialHint.EXTENSION: translate(
            "StatusText",
            "Extensions can't be dialled with the number: call the main number and key in the "
            "extension once the call is answered.",
        ),
        DialHint.NO_SUCH_NUMBER: translate(
            "StatusText", "There is no such number in %1: check the digits."
        ),
    }
    return texts[error.hint]
