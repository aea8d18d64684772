"""The translation hook of `vpaphone.texts`: English by default, the UI's translator (Qt's,
see `ui.i18n`) once installed.

`translate("Context", "Source %1")` is the name pyside6-lupdate collects (see
resources/translations/update.sh), so strings here go into the same `.ts` file as the widgets'.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from vpaphone.core.rules import Language

_Translator = Callable[[str, str, str | None, int], str]
_translator: _Translator | None = None
_language: Callable[[], Language] = lambda: Language.EN  # noqa: E731 - a default, replaced


def install(translator: _Translator, current_language: Callable[[], Language]) -> None:
    """Route every text through the UI's translator (`ui.i18n` installs Qt's at start)."""
    global _translator, _language
    _translator, _language = translator, current_language


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`source` in the UI language; `%n` becomes `n` (Qt's plural convention)."""
    if _translator is not None:
        return _translator(context, source, disambiguation, n)
    return source.replace("%n", str(n)) if n >= 0 else source


def language() -> Language:
    """The language texts are rendered in: the UI's, English outside the UI."""
    return _language()


def fill(template: str, *args: str) -> str:
    """%1, %2 … replaced in one pass: a "%" inside an argument (typed by the user) stays."""
    return re.sub(r"%(\d)", lambda match: args[int(match.group(1)) - 1], template)
