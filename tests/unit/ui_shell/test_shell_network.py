"""Network changes reported by Qt settle into one re-registration (the phone service follows)."""

from __future__ import annotations

import pytest
from PySide6.QtNetwork import QNetworkInformation
from pytestqt.qtbot import QtBot

from vpaphone.app.network import NetworkWatcher

pytestmark = pytest.mark.gui

Reachability = QNetworkInformation.Reachability


def _changes(watcher: NetworkWatcher) -> list[str]:
    seen: list[str] = []
    watcher.changed.connect(lambda: seen.append("changed"))
    return seen


def test_network_change_re_registers_once_it_settles(qtbot: QtBot) -> None:
    watcher = NetworkWatcher(settle_ms=50)
    seen = _changes(watcher)
    watcher.reachability_changed(Reachability.Online)
    watcher.reachability_changed(Reachability.Site)  # the same change, reported twice
    qtbot.waitUntil(lambda: seen == ["changed"], timeout=2_000)
    qtbot.wait(200)
    assert seen == ["changed"]


def test_going_offline_does_not_re_register_until_the_network_is_back(qtbot: QtBot) -> None:
    watcher = NetworkWatcher(settle_ms=50)
    seen = _changes(watcher)
    watcher.reachability_changed(Reachability.Online)
    watcher.reachability_changed(Reachability.Disconnected)
    qtbot.wait(200)
    assert seen == []
    watcher.reachability_changed(Reachability.Online)
    qtbot.waitUntil(lambda: seen == ["changed"], timeout=2_000)


def test_qt_network_signals_reach_the_watcher(qtbot: QtBot) -> None:
    watcher = NetworkWatcher(settle_ms=50)
    seen = _changes(watcher)
    assert watcher.watch(), f"no backend among {QNetworkInformation.availableBackends()}"
    info = QNetworkInformation.instance()
    assert info is not None
    info.transportMediumChanged.emit(QNetworkInformation.TransportMedium.WiFi)
    if info.reachability() is Reachability.Disconnected:  # the sandbox has no route out
        assert seen == []
        info.reachabilityChanged.emit(Reachability.Online)
    qtbot.waitUntil(lambda: seen == ["changed"], timeout=2_000)
