"""Global hotkeys: Qt's portable key text → the X keysym and modifiers grabbed, the lock
variants, the key events matched back, and the reasons a session has none."""

from __future__ import annotations

import pytest

from vpaphone.platform import hotkeys
from vpaphone.platform.hotkeys import (
    CONTROL_MASK,
    LOCK_MASK,
    MOD1_MASK,
    MOD2_MASK,
    MOD4_MASK,
    SHIFT_MASK,
    HotkeyError,
    Unavailable,
    XKey,
    grabs,
    pressed,
    x_key,
)


@pytest.mark.parametrize(
    ("sequence", "expected"),
    [
        ("Ctrl+Alt+H", XKey(ord("h"), CONTROL_MASK | MOD1_MASK)),  # letters: lower-case keysym
        ("Ctrl+Alt+M", XKey(ord("m"), CONTROL_MASK | MOD1_MASK)),
        ("Meta+Shift+P", XKey(ord("p"), MOD4_MASK | SHIFT_MASK)),
        ("Ctrl+Alt+5", XKey(ord("5"), CONTROL_MASK | MOD1_MASK)),
        ("Ctrl++", XKey(ord("+"), CONTROL_MASK)),  # the plus key, not a separator
        ("Ctrl+Alt+,", XKey(ord(","), CONTROL_MASK | MOD1_MASK)),
        ("F9", XKey(0xFFC6, 0)),  # a function key alone is allowed: XK_F9
        ("Shift+F12", XKey(0xFFC9, SHIFT_MASK)),
        ("Ctrl+F35", XKey(0xFFBE + 34, CONTROL_MASK)),
        ("Ctrl+Alt+Space", XKey(0x20, CONTROL_MASK | MOD1_MASK)),
        ("Ctrl+Shift+PgDown", XKey(0xFF56, CONTROL_MASK | SHIFT_MASK)),
        ("Alt+Del", XKey(0xFFFF, MOD1_MASK)),
        ("Meta+Media Play", XKey(0x1008FF14, MOD4_MASK)),
    ],
)
def test_portable_text_becomes_keysym_and_modifiers(sequence: str, expected: XKey) -> None:
    assert x_key(sequence) == expected


@pytest.mark.parametrize(
    ("sequence", "says"),
    [
        ("", "no key"),
        ("H", "needs Ctrl, Alt or Meta"),  # would stop the VPA typing an h anywhere
        ("Shift+H", "needs Ctrl, Alt or Meta"),
        ("Ctrl+Alt", "a modifier alone"),
        ("Ctrl+K, Ctrl+H", "one key combination"),
        ("Hyper+H", "Hyper is not a modifier"),
        ("Ctrl+Alt+Launch Mail", "cannot be used"),
    ],
)
def test_unusable_sequences_say_why(sequence: str, says: str) -> None:
    with pytest.raises(HotkeyError, match=says):
        x_key(sequence)


def test_grabs_cover_caps_lock_and_num_lock() -> None:
    key = x_key("Ctrl+Alt+H")
    mods = CONTROL_MASK | MOD1_MASK
    assert grabs(key, 43) == [
        (43, mods),
        (43, mods | LOCK_MASK),
        (43, mods | MOD2_MASK),
        (43, mods | LOCK_MASK | MOD2_MASK),
    ]


def test_a_press_with_num_lock_on_matches_the_grab() -> None:
    mods = CONTROL_MASK | MOD1_MASK
    button1_held = 1 << 8  # pointer buttons sit above the modifier byte of the state
    assert pressed(43, mods | MOD2_MASK | LOCK_MASK | button1_held) == (43, mods)
    assert pressed(43, mods | SHIFT_MASK) != (43, mods)  # Shift makes it another key


def test_wayland_and_no_display_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setenv("DISPLAY", ":0")
    assert hotkeys.open_hotkeys("wayland") is Unavailable.WAYLAND
    assert hotkeys.open_hotkeys("offscreen") is Unavailable.WAYLAND  # a Wayland session
    monkeypatch.delenv("WAYLAND_DISPLAY")
    monkeypatch.delenv("DISPLAY")
    assert hotkeys.open_hotkeys("xcb") is Unavailable.NO_DISPLAY


def test_a_display_that_cannot_be_opened_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":987")  # no X server listens there
    assert hotkeys.open_hotkeys("xcb") is Unavailable.DISPLAY_FAILED


def test_windows_and_macos_report_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    for system in ("win32", "darwin"):
        monkeypatch.setattr(hotkeys.sys, "platform", system)
        assert hotkeys.open_hotkeys("windows") is Unavailable.SYSTEM
