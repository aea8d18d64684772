"""The one error dial input can raise: a code the UI can act on, a message a user can read."""

from __future__ import annotations

import enum


class DialErrorCode(enum.StrEnum):
    EMPTY = "empty"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    INVALID_COUNTRY_CODE = "invalid_country_code"
    WRONG_COUNTRY = "wrong_country"  # valid in another country, typed without +CC
    LETTERS = "letters"  # letters where digits belong (not a phone word like 0800-FLOWERS)
    NOT_A_NUMBER = "not_a_number"  # plausible length, but no such number


class DialInputError(ValueError):
    """What the user typed is not a number we can dial.

    `message` never contains the typed number (it may end up in a log); `suggestion`, when
    set, is the corrected number to offer ("Did you mean …?") — personal data, don't log it.
    """

    def __init__(self, code: DialErrorCode, message: str, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.suggestion = suggestion
