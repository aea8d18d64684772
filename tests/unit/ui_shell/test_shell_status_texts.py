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
from vpaphone.sip.reasons import LocalEnd, RegistrationState, end_reason
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


def test_english_ui_words_every_code_of_the_lower_layers(qapp: QApplication) -> None:
    """The engine reports codes only; each has its own English sentence here."""
    QLocale.setDefault(QLocale.c())
    texts = {reason: call_end_text(reason) for reason in EndReason}
    assert len(set(texts.values())) == len(EndReason)  # no two reasons read alike
    assert texts[EndReason.BUSY] == "The line is busy"
    assert texts[EndReason.NETWORK_ERROR] == "The phone server cannot be reached"
    assert call_end_text(EndReason.FAILED, no_common_media=True) == (
        "The other side offered no audio format this phone supports"
    )
    expected = {
        401: "Wrong username or password",
        407: "Wrong username or password",
        403: "Forbidden by the server",
        404: "Unknown user at this server",
        408: "Server unreachable",
        503: "Server unreachable",
        None: "Server unreachable",  # no answer at all
        420: "Registration failed (SIP 420)",
    }
    for status, text in expected.items():
        assert registration_text(RegistrationState.FAILED, status) == text
    error = _dial_error("0221 1")
    assert dial_error_text(error) == error.message
