"""Which of the shipped languages the UI speaks: German for German locales, else English."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from vpaphone.core.rules import Language


def ui_language(locale: QLocale | None = None) -> Language:
    """The language of `locale`, by default Qt's default locale (the app sets it at start)."""
    language = (locale or QLocale()).language()
    return Language.DE if language == QLocale.Language.German else Language.EN
