"""UI language: German for German locales (or when chosen in the settings), else English."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from vpaphone import paths
from vpaphone.platform.policy import PolicyError, read_policy
from vpaphone.texts import translate as texts
from vpaphone.ui.widgets.uilang import ui_language

log = logging.getLogger(__name__)
LANGUAGE_KEY = "ui/language"  # "de", "en" or "" (the system's)


def chosen_locale(settings: QSettings, policy_language: str | None = None) -> QLocale:
    """The user's choice; without one, IT's DefaultLanguage policy; else the system's."""
    choice = str(settings.value(LANGUAGE_KEY, "") or "") or (policy_language or "")
    # Locale names, not QLocale's enums: those take ~10 ms to load, before the first frame.
    if choice == "de":
        return QLocale("de_DE")
    if choice == "en":
        return QLocale("en_GB")
    return QLocale.system()


def install_translations(app: QCoreApplication, settings: QSettings) -> list[QTranslator]:
    """Sets the default locale and loads our and Qt's own German texts when it is German."""
    try:
        policy_language = read_policy().default_language
    except PolicyError:  # reported by sign-in and `vpaphone diagnose`
        policy_language = None
    locale = chosen_locale(settings, policy_language)
    QLocale.setDefault(locale)
    texts.install(_qt_translate, ui_language)  # the texts package speaks the UI language
    installed: list[QTranslator] = []
    if not locale.name().startswith("de"):
        return installed
    ours = QTranslator(app)
    ours_file = paths.resource("translations", "vpaphone_de.qm")
    if ours.load(str(ours_file)):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    # Support sees at once when an installation lost its German texts (the UI falls back to
    # English without a word otherwise).
    log.log(
        logging.INFO if len(installed) == 2 else logging.WARNING,
        "UI language %s: app texts %s (%s), Qt texts %s (%s)",
        locale.name(),
        "loaded" if ours in installed else "MISSING",
        ours_file,
        "loaded" if qt in installed else "MISSING",
        qt_dir,
    )
    return installed


def _qt_translate(context: str, source: str, disambiguation: str | None, n: int) -> str:
    return QCoreApplication.translate(context, source, disambiguation, n)
