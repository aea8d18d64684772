"""Global hotkeys on a real X server (Xvfb): XGrabKey on the root window, the key typed through
XTEST (xdotool) while no window of ours has the focus, a key another client holds reported as
taken, and the grab given back."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest

from tests.fixtures.xgrab import other_program_grabbing
from tests.fixtures.xserver import XServer, xvfb
from vpaphone.platform.hotkeys import Problem, X11Hotkeys


@pytest.fixture
def xserver() -> Iterator[XServer]:
    with xvfb() as server:
        yield server


def wait_for(hotkeys: X11Hotkeys, done: Callable[[], bool], timeout_s: float = 10) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        hotkeys.dispatch()
        if done():
            return True
        time.sleep(0.05)
    return False


def test_a_grabbed_key_reaches_its_action_whatever_has_the_focus(xserver: XServer) -> None:
    pressed: list[str] = []
    hotkeys = X11Hotkeys(xserver.display)
    try:
        problems = hotkeys.bind(
            {"Ctrl+Alt+H": lambda: pressed.append("h"), "Ctrl+Alt+M": lambda: pressed.append("m")}
        )
        assert problems == {}
        xserver.key("ctrl+alt+m", "ctrl+alt+h", "ctrl+h")  # the last is not a hotkey
        assert wait_for(hotkeys, lambda: len(pressed) >= 2)
        time.sleep(0.3)
        hotkeys.dispatch()
        assert pressed == ["m", "h"]
        xserver.key("Num_Lock", "ctrl+alt+h", "Num_Lock")  # Num Lock on: still the hotkey
        assert wait_for(hotkeys, lambda: len(pressed) == 3)
    finally:
        hotkeys.close()


def test_a_key_another_program_holds_is_reported_and_the_rest_work(xserver: XServer) -> None:
    pressed: list[str] = []
    with other_program_grabbing(xserver, "Ctrl+Alt+H"):
        hotkeys = X11Hotkeys(xserver.display)
        try:
            problems = hotkeys.bind(
                {
                    "Ctrl+Alt+H": lambda: pressed.append("h"),
                    "Ctrl+Alt+M": lambda: pressed.append("m"),
                }
            )
            assert problems == {"Ctrl+Alt+H": Problem.TAKEN}
            xserver.key("ctrl+alt+h", "ctrl+alt+m")
            assert wait_for(hotkeys, lambda: pressed == ["m"])
        finally:
            hotkeys.close()


def test_closing_gives_the_keys_back(xserver: XServer) -> None:
    hotkeys = X11Hotkeys(xserver.display)
    assert hotkeys.bind({"Ctrl+Alt+P": lambda: None}) == {}
    hotkeys.close()
    with other_program_grabbing(xserver, "Ctrl+Alt+P"):  # asserts its grab succeeds
        pass


def test_rebinding_releases_the_old_keys(xserver: XServer) -> None:
    hotkeys = X11Hotkeys(xserver.display)
    try:
        assert hotkeys.bind({"Ctrl+Alt+P": lambda: None}) == {}
        assert hotkeys.bind({"Ctrl+Alt+O": lambda: None}) == {}
        with other_program_grabbing(xserver, "Ctrl+Alt+P"):
            pass
        assert hotkeys.bind({"Ctrl+Alt+O": lambda: None, "Ctrl+Alt+H": lambda: None}) == {}
    finally:
        hotkeys.close()
