"""Country picker: flags and names shipped, order, search by name/ISO/+CC, remembered choice."""

from __future__ import annotations

import json

import phonenumbers
import pytest
from PySide6.QtCore import QMessageLogContext, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from vpaphone.core.model import CostZone
from vpaphone.core.rules import Language
from vpaphone.core.zones import ZoneTable
from vpaphone.paths import resource
from vpaphone.ui.widgets.countries import countries, search
from vpaphone.ui.widgets.country_picker import CountryPicker

pytestmark = pytest.mark.gui


def test_every_dialable_region_has_a_flag_and_names_in_both_languages() -> None:
    names = json.loads(resource("countries", "names.json").read_text(encoding="utf-8"))["names"]
    for region in phonenumbers.SUPPORTED_REGIONS:
        assert resource("flags", f"{region}.svg").is_file(), region
        assert names["de"][region], region
        assert names["en"][region], region
    assert "MIT" in resource("flags", "LICENSE").read_text(encoding="utf-8")
    assert names["de"]["AT"] == "Österreich"
    assert names["en"]["AT"] == "Austria"


def test_flags_render_as_images(qtbot: QtBot) -> None:
    pixmap = QIcon(str(resource("flags", "DE.svg"))).pixmap(32, 24)
    assert not pixmap.isNull()
    image = pixmap.toImage()
    # German flag: black over red over gold.
    top, bottom = image.pixelColor(16, 2), image.pixelColor(16, image.height() - 3)
    assert top.lightness() < 40
    assert bottom.red() > 200
    assert bottom.green() > 150
    assert bottom.blue() < 80


def test_germany_first_then_eu_then_rest_alphabetically(zones: ZoneTable) -> None:
    listed = countries(Language.DE, zones)
    assert listed[0].code == "DE"
    eu_count = sum(1 for c in listed[1:] if zones.zone_of(c.code) is CostZone.EU)
    eu, rest = listed[1 : 1 + eu_count], listed[1 + eu_count :]
    assert all(zones.zone_of(c.code) is CostZone.EU for c in eu)
    assert all(zones.zone_of(c.code) is not CostZone.EU for c in rest)
    eu_names = [c.name for c in eu]
    # Ö sorts with O in German: Niederlande < Österreich < Polen
    assert eu_names.index("Niederlande") < eu_names.index("Österreich") < eu_names.index("Polen")
    assert "Schweiz" in [c.name for c in rest]  # Switzerland is not in the EU


@pytest.mark.parametrize("query", ["+43", "43", "0043", "AT", "at", "Österreich", "Austria", "öst"])
def test_search_finds_austria(zones: ZoneTable, query: str) -> None:
    found = search(countries(Language.EN, zones), query)
    assert found[0].code == "AT"


def test_search_plus_one_puts_the_main_country_first(zones: ZoneTable) -> None:
    found = [c.code for c in search(countries(Language.EN, zones), "+1")]
    assert found[0] == "US"
    assert "CA" in found


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("+43", Language.DE),
        ("AT", Language.EN),
        ("Österreich", Language.DE),
        ("Austria", Language.EN),
    ],
)
def test_typing_a_search_and_enter_picks_the_country(
    qtbot: QtBot, zones: ZoneTable, typed: str, language: Language
) -> None:
    picker = CountryPicker(zones, language=language)
    qtbot.addWidget(picker)
    picker.show()
    picker.setFocus()
    assert picker.country() == "DE"
    with qtbot.waitSignal(picker.country_changed) as changed:
        picker.lineEdit().clear()
        qtbot.keyClicks(picker.lineEdit(), typed)
        qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    assert changed.args == ["AT"]
    assert picker.country() == "AT"
    assert picker.currentText().startswith("Österreich" if language is Language.DE else "Austria")


def test_names_in_the_ui_language(qtbot: QtBot, zones: ZoneTable) -> None:
    german = CountryPicker(zones, language=Language.DE)
    english = CountryPicker(zones, language=Language.EN)
    qtbot.addWidget(german)
    qtbot.addWidget(english)
    german.set_country("CH")
    english.set_country("CH")
    assert german.currentText() == "Schweiz (+41)"
    assert english.currentText() == "Switzerland (+41)"


def test_a_pick_does_not_carry_over_the_default_does(qtbot: QtBot, zones: ZoneTable) -> None:
    """Issue 15: with Italy still picked, Cologne's "0221 1234567" became a Milan number."""
    picker = CountryPicker(zones, default="AT")
    qtbot.addWidget(picker)
    assert picker.country() == "AT"
    picker.set_country("IT")
    picker.reset()  # after a call, at sign-in
    assert picker.country() == "AT"
    picker.set_default("CH")  # Settings: the VPA's country for dialling
    assert picker.country() == "CH"
    assert CountryPicker(zones).country() == "DE"


def test_unfinished_search_is_dropped_on_leaving(qtbot: QtBot, zones: ZoneTable) -> None:
    picker = CountryPicker(zones, language=Language.EN)
    qtbot.addWidget(picker)
    picker.lineEdit().setText("xyz")
    picker._pick_best()
    assert picker.country() == "DE"
    assert picker.currentText() == "Germany (+49)"
    assert picker.lineEdit().text() == "Germany (+49)"


def test_every_flag_renders_without_qt_complaints(qtbot: QtBot) -> None:
    complaints: list[str] = []

    def handler(_mode: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        complaints.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        for region in phonenumbers.SUPPORTED_REGIONS:
            assert not QIcon(str(resource("flags", f"{region}.svg"))).pixmap(24, 18).isNull()
    finally:
        qInstallMessageHandler(previous)
    assert complaints == []
