"""The softphone as an MPRIS player during calls (ui.mediaplayer), driven by playerctl over the
suite's own session D-Bus: headset buttons and media keys reach it while another program is
active, only while a call rings or runs, and only when the VPA turned it on."""

from __future__ import annotations

import re
import subprocess
import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.fixtures.mpris import call_method, playerctl, players
from vpaphone import APP_NAME
from vpaphone.ui.mediaplayer import MediaPlayerKeys, available

pytestmark = [pytest.mark.gui, pytest.mark.dbus]


@pytest.fixture
def pressed() -> Iterator[tuple[MediaPlayerKeys, list[str]]]:
    assert available(), "the suite runs in a D-Bus session of its own (tests/run-suite)"
    seen: list[str] = []
    keys = MediaPlayerKeys(
        toggle=lambda: seen.append("toggle"),
        hang_up=lambda: seen.append("hang up"),
        raise_window=lambda: seen.append("raise"),
    )
    yield keys, seen
    keys.set_enabled(False)


def test_the_player_exists_only_during_calls_and_only_when_wanted(
    qtbot: QtBot, pressed: tuple[MediaPlayerKeys, list[str]]
) -> None:
    keys, _seen = pressed
    keys.set_call(ringing=True, in_call=False)
    assert APP_NAME not in players(qtbot)  # off by default: the music player keeps the keys
    keys.set_enabled(True)
    assert APP_NAME in players(qtbot)
    assert playerctl(qtbot, "status") == "Playing"  # desktops send the keys to who plays
    title = playerctl(qtbot, "metadata", "xesam:title")
    assert title == "Incoming call"
    assert not re.search(r"\d", title)  # no number on the lock screen
    keys.set_call(ringing=False, in_call=True)
    assert playerctl(qtbot, "metadata", "xesam:title") == "Call"
    keys.set_call(ringing=False, in_call=False)
    assert APP_NAME not in players(qtbot)


def test_play_pause_answers_or_ends_stop_ends_raise_shows_the_window(
    qtbot: QtBot, pressed: tuple[MediaPlayerKeys, list[str]]
) -> None:
    keys, seen = pressed
    keys.set_enabled(True)
    keys.set_call(ringing=True, in_call=False)
    for command in ("play-pause", "play", "pause", "stop"):
        playerctl(qtbot, command)
    call_method(qtbot, "org.mpris.MediaPlayer2", "Raise")
    assert seen == ["toggle", "toggle", "toggle", "hang up", "raise"]
    with pytest.raises(AssertionError, match="No player could handle"):
        playerctl(qtbot, "next")  # not a call key: the player says it cannot


def test_desktops_following_the_player_see_the_call_answered(
    qtbot: QtBot, pressed: tuple[MediaPlayerKeys, list[str]]
) -> None:
    """PropertiesChanged with the signature clients accept ("sa{sv}as")."""
    keys, _seen = pressed
    keys.set_enabled(True)
    keys.set_call(ringing=True, in_call=False)
    follow = subprocess.Popen(
        ["playerctl", "--player", APP_NAME, "--follow", "metadata", "xesam:title"],
        stdout=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    assert follow.stdout is not None
    reader = threading.Thread(target=lambda: lines.extend(iter(follow.stdout.readline, "")))
    reader.start()
    try:
        qtbot.waitUntil(lambda: lines == ["Incoming call\n"], timeout=10_000)
        keys.set_call(ringing=False, in_call=True)
        qtbot.waitUntil(lambda: lines[-1:] == ["Call\n"], timeout=10_000)
    finally:
        follow.terminate()
        follow.wait(timeout=10)
        reader.join(timeout=10)
