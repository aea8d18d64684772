"""From what people type or paste to a bare dial string: an optional '+' and ASCII digits.

Handles copy/paste debris (unicode digits, odd dashes, non-breaking spaces, bidi marks),
`tel:`/`callto:`/`sip:` links, labels such as "Tel.:", extensions, and phone words
(0800-FLOWERS). Whether the digits form a real number is decided in `numbers`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote

from phonenumbers import convert_alpha_characters_in_number

from vpaphone.core.dialerrors import DialHint, DialInputError

MAX_INPUT_CHARS = 200  # far beyond any real number, even with a pasted URI
_URI_SCHEMES = ("tel:", "callto:", "sips:", "sip:")
_LABEL = re.compile(  # "Tel.: ", "Telefon ", "Mobil: " from signatures and web pages
    r"(?:tel\.?\s*-?\s*nr|tel(?:efon)?(?:nummer)?|rufnummer|phone(?:\s*number)?|fon|mobil(?:e)?"
    r"|mob|handy|cell|t|m)(?:\s*\.?\s*:|\.|\s+(?=[+(\d]))\s*",
    re.IGNORECASE,
)
_EXTENSION = re.compile(
    r"(?:ext\.?|extension|durchwahl|dw\.?|x|#)\s*(\d{1,8})\s*$|,\s*(\d{1,8})\s*$",
    re.IGNORECASE,
)
_SEPARATORS = str.maketrans("", "", " \t\r\n-./()[]")
_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1"})
_PHONE_WORD = re.compile(r"[A-Za-z]{3,}")
_TRAILING_TEXT = re.compile(r"(\d+)(\D+)")  # separators are gone: digits, then only text
_MIN_PHONE_WORD_PREFIX = 3  # digits before a phone word: 0800, 1800, +49 800 …


@dataclass(frozen=True, slots=True)
class DialText:
    digits: str  # ASCII digits only, no '+'
    international: bool  # typed with '+' or '00': digits start with the country code
    extension: str = ""  # digits the user appended as an extension ("x 12", ";ext=12")
    phone_word: bool = False  # letters were converted on the keypad (0800-FLOWERS)
    # Letters after the digits ("+49 221 82829980 (Büro)"), and the digits before them: never
    # dialled as they are, but the digits alone may be worth suggesting.
    text_after: str = ""
    digits_before_text: str = ""
    typed: str = ""  # the number as typed, separators kept: its grouping hints at the country
    # "+57 (0)321 …": the digits without the bracketed trunk 0, to try if the number with it is
    # invalid (phonenumbers drops it itself only where the trunk prefix is plain "0").
    without_bracketed_zero: str | None = None


def read_dial_text(text: str) -> DialText:
    """Strip everything that is not part of the number; raise DialInputError for junk."""
    if len(text) > MAX_INPUT_CHARS:
        raise DialInputError(DialHint.FAR_TOO_LONG)
    body = _plain_characters(text).strip()
    if not body:
        raise DialInputError(DialHint.EMPTY)
    body, extension = _strip_link_or_label(body)
    if not extension:
        body, extension = _split_extension(body)
    return _digits_of(body, extension)


def _plain_characters(text: str) -> str:
    """Unicode digits to ASCII, any space to ' ', any dash to '-', invisible marks dropped."""
    if text.isascii():
        return text
    chars: list[str] = []
    for char in unicodedata.normalize("NFKC", text):
        if char.isdecimal():
            chars.append(str(unicodedata.decimal(char)))
        elif char.isspace():
            chars.append(" ")
        else:
            category = unicodedata.category(char)
            if category == "Pd" or char == "\u2212":
                chars.append("-")
            elif category != "Cf":  # Cf: zero-width and bidi marks from copy/paste
                chars.append(char)
    return "".join(chars)


def _strip_link_or_label(body: str) -> tuple[str, str]:
    """The number inside a tel:/callto:/sip: link, or after a label; plus a tel: extension."""
    head = body[:8].lower()
    for scheme in _URI_SCHEMES:
        if head.startswith(scheme):
            rest = unquote(body[len(scheme) :]).lstrip("/").strip()
            return _tel_number(rest) if scheme == "tel:" else (_sip_user(rest), "")
    label = _LABEL.match(body)
    if label and label.end() < len(body):
        return body[label.end() :], ""
    return body, ""


def _tel_number(rest: str) -> tuple[str, str]:
    """RFC 3966: a local number gets its global prefix from `;phone-context=+…`."""
    number, *params = rest.split(";")
    extension = ""
    for param in params:
        key, _, value = param.partition("=")
        key, value = key.strip().lower(), value.strip()
        if key == "phone-context" and value.startswith("+") and not number.strip().startswith("+"):
            number = value + number
        elif key == "ext":
            extension = value.translate(_SEPARATORS)
    if extension and not extension.isdecimal():
        raise DialInputError(DialHint.LINK_EXTENSION)
    return number, extension


def _sip_user(rest: str) -> str:
    """The user part of a SIP/callto address, which must be a phone number to be dialled here."""
    user = rest.split("@", 1)[0].split(";", 1)[0].split("?", 1)[0].partition(":")[0].strip()
    if not user or any(char.isalpha() for char in user):
        raise DialInputError(
            DialHint.SIP_ADDRESS,
        )
    return user


def _split_extension(body: str) -> tuple[str, str]:
    match = _EXTENSION.search(body)
    if not match or not any(char.isdigit() for char in body[: match.start()]):
        return body, ""
    return body[: match.start()], match.group(1) or match.group(2)


def _digits_of(body: str, extension: str) -> DialText:
    compact = body.translate(_SEPARATORS)
    international = compact.startswith("+")
    if international:
        compact = compact[1:]
    phone_word, text_after, digits_before_text = False, "", ""
    if not compact.isdecimal() or not compact.isascii():
        _reject_symbols(compact)
        if any(char.isalpha() for char in compact):
            _reject_letters_in_digits(body, compact)
            trailing = _TRAILING_TEXT.fullmatch(compact)
            if trailing:
                digits_before_text, text_after = trailing.group(1), trailing.group(2)
            phone_word = _is_phone_word(compact)
            if phone_word:
                compact = str(convert_alpha_characters_in_number(compact))
            elif trailing:
                compact = digits_before_text
            else:
                letters = "".join(char for char in compact if char.isalpha())[:12]
                raise DialInputError(
                    DialHint.LETTERS,
                    detail=letters,
                )
    if not compact:
        if international:
            raise DialInputError(DialHint.COUNTRY_CODE_MISSING)
        raise DialInputError(DialHint.EMPTY)
    if not international and compact.startswith("00"):
        international, compact = True, compact[2:]  # 00 is the international prefix in Europe
        digits_before_text = digits_before_text[2:]
    without_zero = None
    if international and "(0)" in body:
        try:
            without_zero = _digits_of(body.replace("(0)", "", 1), extension).digits
        except DialInputError:  # nothing left without it: "+(0)"
            without_zero = None
    return DialText(
        digits=compact,
        international=international,
        extension=extension,
        phone_word=phone_word,
        text_after=text_after,
        digits_before_text=digits_before_text,
        typed=body.strip(),
        without_bracketed_zero=without_zero,
    )


def _reject_symbols(compact: str) -> None:
    for char in compact:
        if char.isdecimal() or char.isalpha():
            continue
        if char == "+":
            raise DialInputError(DialHint.PLUS_INSIDE)
        if char in ",;|&":
            raise DialInputError(DialHint.SEVERAL_NUMBERS)
        raise DialInputError(DialHint.SYMBOL, detail=char)


def _reject_letters_in_digits(body: str, compact: str) -> None:
    """Text without digits, and letters that look like digits (O for 0, l for 1)."""
    letters = "".join(char for char in compact if char.isalpha())
    if not any(char.isdecimal() for char in compact):
        raise DialInputError(DialHint.TEXT_ONLY)
    if letters.translate(_LOOKALIKES).isdecimal():
        raise DialInputError(
            DialHint.LOOKALIKE_LETTER,
            suggestion=body.translate(_LOOKALIKES),
            detail=letters[0],
        )


def _is_phone_word(compact: str) -> bool:
    """0800-FLOWERS, 1-800-GOT-JUNK: a word of 3+ latin letters after a prefix of 3+ digits."""
    word = _PHONE_WORD.search(compact)
    prefix = compact[: word.start()] if word else ""
    return compact.isascii() and len(prefix) >= _MIN_PHONE_WORD_PREFIX and prefix.isdecimal()
