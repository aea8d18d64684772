"""The one error dial input can raise: a code the UI can act on, and the structured detail
(hint, countries, quoted characters) that `vpaphone.texts.dial` turns into a sentence."""

from __future__ import annotations

import enum
from collections.abc import Sequence


class DialErrorCode(enum.StrEnum):
    EMPTY = "empty"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    INVALID_COUNTRY_CODE = "invalid_country_code"
    WRONG_COUNTRY = "wrong_country"  # valid in another country, typed without +CC
    LETTERS = "letters"  # letters where digits belong (not a phone word like 0800-FLOWERS)
    NOT_A_NUMBER = "not_a_number"  # plausible length, but no such number


class DialHint(enum.StrEnum):
    """Which sentence explains the error: one member per distinct sentence of the parser.

    `region` (and for WRONG_COUNTRY* `regions`) of the error fill in the countries the
    sentence names; `detail` the characters it quotes.
    """

    code: DialErrorCode

    def __new__(cls, value: str, code: DialErrorCode) -> DialHint:
        member = str.__new__(cls, value)
        member._value_ = value
        member.code = code
        return member

    EMPTY = "empty", DialErrorCode.EMPTY
    FAR_TOO_LONG = "far_too_long", DialErrorCode.TOO_LONG  # more than any paste of a number
    TOO_LONG = "too_long", DialErrorCode.TOO_LONG  # region: where it is too long, if known
    TOO_SHORT = "too_short", DialErrorCode.TOO_SHORT  # region, if known
    AREA_CODE_MISSING = "area_code_missing", DialErrorCode.TOO_SHORT  # region, if known
    COUNTRY_CODE_MISSING = "country_code_missing", DialErrorCode.TOO_SHORT  # just "+"
    REST_AFTER_COUNTRY_CODE = "rest_after_country_code", DialErrorCode.TOO_SHORT  # "+49"
    UNKNOWN_COUNTRY_CODE = "unknown_country_code", DialErrorCode.INVALID_COUNTRY_CODE
    NO_COUNTRY_PICKED = "no_country_picked", DialErrorCode.INVALID_COUNTRY_CODE
    WRONG_COUNTRY = "wrong_country", DialErrorCode.WRONG_COUNTRY  # region → regions[0]
    WRONG_COUNTRY_SEVERAL = "wrong_country_several", DialErrorCode.WRONG_COUNTRY
    LETTERS = "letters", DialErrorCode.LETTERS  # detail: the letters
    LETTERS_AFTER_NUMBER = "letters_after_number", DialErrorCode.LETTERS  # no number before
    TEXT_AFTER_NUMBER = "text_after_number", DialErrorCode.LETTERS  # a number before it
    TEXT_ONLY = "text_only", DialErrorCode.LETTERS
    LOOKALIKE_LETTER = "lookalike_letter", DialErrorCode.LETTERS  # detail: O for 0, l for 1
    PHONE_WORD = "phone_word", DialErrorCode.LETTERS  # spells no valid number
    LINK_EXTENSION = "link_extension", DialErrorCode.LETTERS  # tel:…;ext=abc
    SIP_ADDRESS = "sip_address", DialErrorCode.NOT_A_NUMBER  # sip:anna@…
    SYMBOL = "symbol", DialErrorCode.NOT_A_NUMBER  # detail: the symbol
    PLUS_INSIDE = "plus_inside", DialErrorCode.NOT_A_NUMBER
    SEVERAL_NUMBERS = "several_numbers", DialErrorCode.NOT_A_NUMBER
    KEEP_LEADING_ZERO = "keep_leading_zero", DialErrorCode.NOT_A_NUMBER  # region: IT or SM
    EXTENSION = "extension", DialErrorCode.NOT_A_NUMBER
    NO_SUCH_NUMBER = "no_such_number", DialErrorCode.NOT_A_NUMBER  # region, if known


class DialInputError(ValueError):
    """What the user typed is not a number we can dial.

    The core writes no prose: `hint` says which sentence explains it (`vpaphone.texts.dial`
    words it for the UI and the CLI), `region` is the ISO code of the country it is about,
    `regions` the other countries it names (candidates for WRONG_COUNTRY), `detail` the
    characters it quotes. `str()` of it (for logs) never contains the typed number;
    `suggestion`, when set, is the corrected number to offer ("Did you mean …?") — personal
    data, don't log it.
    """

    def __init__(
        self,
        hint: DialHint,
        *,
        suggestion: str | None = None,
        region: str | None = None,
        regions: Sequence[str] = (),
        detail: str = "",
    ) -> None:
        super().__init__(f"{hint.value} ({region})" if region else hint.value)
        self.hint = hint
        self.code = hint.code
        self.suggestion = suggestion
        self.region = region
        self.regions = tuple(regions)
        self.detail = detail
