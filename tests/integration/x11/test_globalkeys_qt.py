"""The Qt side of global hotkeys on a real X server (Xvfb): the settings group writes what the
hotkeys read, the socket notifier delivers keys on the Qt thread, keys act only during calls,
and what cannot be taken is worded for Settings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from tests.fixtures.xserver import XServer, xvfb
from vpaphone.ui.globalkeys import GlobalHotkeys
from vpaphone.ui.settings_keys import (
    GLOBAL_HOTKEYS_KEY,
    HOTKEY_ANSWER_HANG_UP_KEY,
    HOTKEY_HOLD_KEY,
    HOTKEY_MUTE_KEY,
)
from vpaphone.ui.widgets.hotkeys_group import HotkeysGroup

pytestmark = pytest.mark.gui


@pytest.fixture
def xserver(monkeypatch: pytest.MonkeyPatch) -> Iterator[XServer]:
    QSettings().remove("hotkeys")
    with xvfb() as server:
        monkeypatch.setenv("DISPLAY", server.display)
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        try:
            yield server
        finally:
            QSettings().remove("hotkeys")


@pytest.fixture
def pressed(qtbot: QtBot, xserver: XServer) -> Iterator[tuple[GlobalHotkeys, list[str]]]:
    seen: list[str] = []
    hotkeys = GlobalHotkeys(
        toggle=lambda: seen.append("toggle"),
        mute=lambda: seen.append("mute"),
        hold=lambda: seen.append("hold"),
    )
    try:
        yield hotkeys, seen
    finally:
        QSettings().setValue(GLOBAL_HOTKEYS_KEY, False)
        hotkeys.apply()  # gives the keys back before the X server goes


def test_the_group_is_off_by_default_and_saves_portable_text(qtbot: QtBot) -> None:
    QSettings().remove("hotkeys")
    group = HotkeysGroup()
    qtbot.addWidget(group)
    assert not group.isChecked()
    assert group.editors[HOTKEY_ANSWER_HANG_UP_KEY].keySequence().toString() == "Ctrl+Alt+H"
    group.setChecked(True)
    group.editors[HOTKEY_MUTE_KEY].setKeySequence(QKeySequence("Meta+F7"))
    group.editors[HOTKEY_HOLD_KEY].clear()
    settings = QSettings()
    group.save(settings)
    try:
        assert settings.value(GLOBAL_HOTKEYS_KEY) in (True, "true")
        assert settings.value(HOTKEY_MUTE_KEY) == "Meta+F7"
        assert settings.value(HOTKEY_HOLD_KEY) == ""
    finally:
        settings.remove("hotkeys")


def test_keys_act_only_while_a_call_rings_or_runs(
    qtbot: QtBot, xserver: XServer, pressed: tuple[GlobalHotkeys, list[str]]
) -> None:
    hotkeys, seen = pressed
    QSettings().setValue(GLOBAL_HOTKEYS_KEY, True)
    hotkeys.apply()
    assert hotkeys.status() == []
    xserver.key("ctrl+alt+h", "ctrl+alt+m")
    qtbot.wait(800)
    assert seen == []  # no call: the keys are held, but do nothing
    hotkeys.set_call(ringing=True, in_call=False)
    xserver.key("ctrl+alt+h")
    qtbot.waitUntil(lambda: seen == ["toggle"], timeout=5000)
    hotkeys.set_call(ringing=False, in_call=True)
    xserver.key("ctrl+alt+m", "ctrl+alt+p")
    qtbot.waitUntil(lambda: seen == ["toggle", "mute", "hold"], timeout=5000)


def test_what_cannot_be_taken_is_worded_for_settings(
    qtbot: QtBot, xserver: XServer, pressed: tuple[GlobalHotkeys, list[str]]
) -> None:
    hotkeys, seen = pressed
    settings = QSettings()
    settings.setValue(GLOBAL_HOTKEYS_KEY, True)
    settings.setValue(HOTKEY_MUTE_KEY, "Ctrl+Alt+H")  # the answer key's too
    settings.setValue(HOTKEY_HOLD_KEY, "H")  # would take the letter from every program
    hotkeys.apply()
    assert sorted(hotkeys.status()) == [
        "Ctrl+Alt+H is given to two actions.",
        "H cannot be a global hotkey: use Ctrl, Alt or Meta with a key.",
    ]
    hotkeys.set_call(ringing=False, in_call=True)
    xserver.key("ctrl+alt+h")
    qtbot.waitUntil(lambda: seen == ["toggle"], timeout=5000)  # the first action keeps it
    settings.setValue(GLOBAL_HOTKEYS_KEY, False)
    hotkeys.apply()
    assert hotkeys.status() == []
    assert not hotkeys.grabbing
