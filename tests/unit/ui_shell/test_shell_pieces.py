"""Pieces of the shell: caller ID text, provisioning → SIP config, single instance, gauge."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from vpaphone import paths
from vpaphone.app.backend import Backend
from vpaphone.app.phone import sip_config
from vpaphone.core.share import ShareLevel
from vpaphone.core.zones import ZoneTable
from vpaphone.demo.data import rule_data, zone_data
from vpaphone.myvpa.models import Provisioning, SipAccount
from vpaphone.sip.config import SrtpMode, Transport
from vpaphone.ui.gauge import ShareGauge, percent_text
from vpaphone.ui.i18n import LANGUAGE_KEY, install_translations
from vpaphone.ui.mainpage import caller_id_text
from vpaphone.ui.signin import SignInPage
from vpaphone.ui.single import InstanceServer, send_to_running

pytestmark = pytest.mark.gui


def test_central_number_is_shown_as_my_vpa_writes_it() -> None:
    assert caller_id_text("+4922182829980") == "+49 221 82829-980"
    assert caller_id_text("+4922182829987") == "+49 221 82829987"
    assert caller_id_text("not a number") == "not a number"


def _provisioning(**sip: object) -> Provisioning:
    values: dict[str, object] = {
        "registrar": "sip.example:5061",
        "domain": "example.org",
        "username": "vpa-7",
        "auth_username": "auth-7",
        "password": "s3cret",
        "transport": "tls",
        "outbound_proxy": "proxy.example:5061",
        "register": True,
        "srtp": "mandatory",
    }
    values.update(sip)
    return Provisioning(
        sip=SipAccount(**values),  # type: ignore[arg-type]
        caller_id="+4922182829980",
        caller_id_individual=False,
        rules=rule_data(),
        zones=zone_data(),
        issued_at=datetime.now(UTC),
    )


def test_provisioned_account_becomes_the_engine_config() -> None:
    config = sip_config(_provisioning())
    assert config.transport is Transport.TLS
    assert config.srtp is SrtpMode.MANDATORY
    assert (config.registrar, config.outbound_proxy) == ("sip.example:5061", "proxy.example:5061")
    assert (config.username, config.auth_username, config.password) == ("vpa-7", "auth-7", "s3cret")
    assert config.caller_id == "+4922182829980"
    assert "s3cret" not in repr(_provisioning().sip)


def test_provisioned_zones_decide_the_cost_zone() -> None:
    table = ZoneTable.from_mapping(zone_data())
    assert table.zone_of("DE").value == "DE"
    assert table.zone_of("FR").value == "EU"
    assert table.zone_of("CH").value == "NON_EU"


def test_second_start_hands_its_number_to_the_first(qtbot: QtBot) -> None:
    name = f"vpaphone-test-{uuid.uuid4().hex[:8]}"
    server = InstanceServer(name)
    assert server.listen()
    try:
        with qtbot.waitSignal(server.dial_requested, timeout=3000) as got:
            assert send_to_running(name, "dial tel:+49-221-82829980")
        assert got.args == ["tel:+49-221-82829980"]
        with qtbot.waitSignal(server.show_requested, timeout=3000):
            assert send_to_running(name, "show")
    finally:
        server.close()
    assert not send_to_running(name, "show")  # nobody listens any more


def test_gauge_shows_share_and_level(qtbot: QtBot) -> None:
    gauge = ShareGauge()
    qtbot.addWidget(gauge)
    gauge.set_levels(Fraction(1, 4), Fraction(1, 5))
    gauge.set_share(Fraction(19, 80), ShareLevel.NEARING)
    assert gauge.level is ShareLevel.NEARING
    assert gauge.accessibleDescription() == "23.8% on the phone; 25% is included"
    gauge.set_share(Fraction(1, 3), ShareLevel.OVER, paid=True)  # a task whose customer pays
    assert gauge.accessibleDescription() == "33.3% on the phone; the customer pays phone time"
    gauge.resize(300, 40)
    assert not gauge.grab().isNull()  # paints without error


def test_german_ui_is_complete_and_used_for_german(qtbot: QtBot, tmp_path: Path) -> None:
    """Every string in the translation file is translated, and a German UI uses it."""
    ts = ET.parse(paths.resource("translations", "vpaphone_de.ts")).getroot()
    messages = list(ts.iter("message"))
    assert len(messages) > 150
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") is not None  # type: ignore[union-attr]
    ]
    assert unfinished == []
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, "de")
    installed = install_translations(app, settings)
    try:
        assert installed, "vpaphone_de.qm did not load"
        backend = Backend(None, "nicht eingerichtet", "x", tmp_path)
        page = SignInPage(backend)
        qtbot.addWidget(page)
        assert page.title.text() == "Bei my-vpa anmelden"
        assert page.button.text() == "&Anmelden"
        assert percent_text(Fraction(19, 80)) == "23,8 %"
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale.c())
