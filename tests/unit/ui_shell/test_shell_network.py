"""Network changes reported by Qt make the SIP engine rebuild its transports and re-register."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtNetwork import QNetworkInformation
from pytestqt.qtbot import QtBot

from vpaphone.sip.engine import SipEngine
from vpaphone.ui import controller as controller_module
from vpaphone.ui.backend import Backend
from vpaphone.ui.controller import Controller

pytestmark = pytest.mark.gui

Reachability = QNetworkInformation.Reachability


@pytest.fixture
def controller(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Controller]:
    monkeypatch.setattr(controller_module, "NETWORK_SETTLE_MS", 50)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    controller = Controller(Backend(None, "not configured", "x", tmp_path / "data"), settings)
    try:
        yield controller
    finally:
        controller.close()


def _engine_calls(controller: Controller, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """An engine (not started: no sockets) whose network_changed() calls are recorded."""
    calls: list[str] = []
    engine = SipEngine(controller.store.calls, parent=controller)
    monkeypatch.setattr(engine, "network_changed", lambda: calls.append("network_changed"))
    controller.engine = engine
    return calls


def test_network_change_re_registers_once_it_settles(
    controller: Controller, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    calls = _engine_calls(controller, monkeypatch)
    controller.network_changed(Reachability.Online)
    controller.network_changed(Reachability.Site)  # the same change, reported twice
    qtbot.waitUntil(lambda: calls == ["network_changed"], timeout=2_000)
    qtbot.wait(200)
    assert calls == ["network_changed"]


def test_going_offline_does_not_re_register_until_the_network_is_back(
    controller: Controller, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    calls = _engine_calls(controller, monkeypatch)
    controller.network_changed(Reachability.Online)
    controller.network_changed(Reachability.Disconnected)
    qtbot.wait(200)
    assert calls == []
    controller.network_changed(Reachability.Online)
    qtbot.waitUntil(lambda: calls == ["network_changed"], timeout=2_000)


def test_qt_network_signals_reach_the_engine(
    controller: Controller, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    calls = _engine_calls(controller, monkeypatch)
    controller._watch_network()
    info = QNetworkInformation.instance()
    assert info is not None, f"no backend among {QNetworkInformation.availableBackends()}"
    info.transportMediumChanged.emit(QNetworkInformation.TransportMedium.WiFi)
    if info.reachability() is Reachability.Disconnected:  # the sandbox has no route out
        assert calls == []
        info.reachabilityChanged.emit(Reachability.Online)
    qtbot.waitUntil(lambda: calls == ["network_changed"], timeout=2_000)
