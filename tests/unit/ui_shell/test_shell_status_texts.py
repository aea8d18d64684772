"""The SIP engine's, audio check's and number parser's outcomes are shown in the UI language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from vpaphone.audio.settings import DeviceRole
from vpaphone.audio.status import AudioProblem, ProblemKind
from vpaphone.core.dialerrors import DialInputError
from vpaphone.core.model import CallDirection, EndReason
from vpaphone.core.numbers import parse_dial_input
from vpaphone.sip.reasons import (
    END_REASON_TEXT,
    NO_COMMON_MEDIA_TEXT,
    LocalEnd,
    RegistrationState,
    end_reason,
    registration_reason,
)
from vpaphone.ui.i18n import LANGUAGE_KEY, install_translations
from vpaphone.ui.widgets.status_texts import (
    audio_problem_text,
    call_end_text,
    dial_error_text,
    registration_text,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def german(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, "de")
    installed = install_translations(qapp, settings)
    assert installed, "vpaphone_de.qm did not load"
    try:
        yield
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale.c())


def _dial_error(text: str) -> DialInputError:
    with pytest.raises(DialInputError) as caught:
        parse_dial_input(text, "DE")
    return caught.value


@pytest.mark.usefixtures("german")
def test_german_ui_names_busy_calls_and_wrong_passwords_in_german() -> None:
    busy = end_reason(CallDirection.OUTGOING, False, 486, LocalEnd.NONE, heard_from_peer=True)
    assert call_end_text(busy) == "Die Leitung ist besetzt"
    assert (
        registration_text(RegistrationState.FAILED, 401)
        == "Falscher Benutzername oder falsches Passwort"
    )
    assert registration_text(RegistrationState.FAILED, 503) == "Server nicht erreichbar"
    assert call_end_text(EndReason.FAILED, no_common_media=True).startswith("Die Gegenseite")
    assert audio_problem_text(AudioProblem(ProblemKind.NO_DEVICES)).startswith(
        "Keine Audiogeräte gefunden"
    )
    assert audio_problem_text(
        AudioProblem(ProblemKind.CHOSEN_MISSING, DeviceRole.MICROPHONE, "Built-in")
    ) == ("Das gewählte Mikrofon ist nicht angeschlossen; stattdessen wird “Built-in” verwendet.")
    assert dial_error_text(_dial_error("0221 1")) == (
        "Zu kurz für eine Telefonnummer (Deutschland): Fehlt die Vorwahl?"
    )


def test_english_ui_says_what_the_lower_layers_say(qapp: QApplication) -> None:
    """The UI's English source texts and the engine's English (logs, diagnostics) agree."""
    QLocale.setDefault(QLocale.c())
    for reason, text in END_REASON_TEXT.items():
        assert call_end_text(reason) == text
    assert call_end_text(EndReason.FAILED, no_common_media=True) == NO_COMMON_MEDIA_TEXT
    for status in (401, 403, 404, 407, 408, 503):
        expected = registration_reason(status, "reason phrase")
        assert registration_text(RegistrationState.FAILED, status) == expected
    error = _dial_error("0221 1")
    assert dial_error_text(error) == error.message
