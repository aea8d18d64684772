"""Suite-wide settings. Component fixtures live in tests/fixtures/ (one module per component)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fixtures.pulseaudio import PulseServer, pulse_server

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

# Qt Multimedia binds to the first PulseAudio server it sees in a process, so there is one
# server for the whole run, started before any test can initialise Qt's audio.
_AUDIO_MARKERS = ("pulseaudio", "gui")


@pytest.fixture(scope="session")
def pulse(request: pytest.FixtureRequest) -> Iterator[PulseServer]:
    """The run's private PulseAudio server (null sinks; see tests/fixtures/pulseaudio.py)."""
    with pulse_server() as server:
        yield server


@pytest.fixture(scope="session", autouse=True)
def _audio_server_first(request: pytest.FixtureRequest) -> None:
    """Start the PulseAudio server up front when any selected test may touch Qt audio."""
    items = request.session.items
    if any(item.get_closest_marker(m) for item in items for m in _AUDIO_MARKERS):
        request.getfixturevalue("pulse")


@pytest.fixture
def german(qapp: object, tmp_path: Path) -> Iterator[None]:
    """The German UI, installed the way the app does it at start (translators, locale, texts).

    Request it before fixtures that build widgets: every window is built in one language.
    """
    from PySide6.QtCore import QLocale, QSettings
    from PySide6.QtWidgets import QApplication

    from vpaphone.ui.i18n import LANGUAGE_KEY, install_translations

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings = QSettings(str(tmp_path / "language.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, "de")
    installed = install_translations(app, settings)
    assert installed, "vpaphone_de.qm did not load"
    try:
        yield
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale.c())


@pytest.fixture
def english(qapp: object) -> None:
    """The English UI (the source language): Qt's C locale, no translator."""
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale.c())
