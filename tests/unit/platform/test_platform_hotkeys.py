"""Global hotkeys: Qt's portable key text → the X keysym and modifiers grabbed (and Windows'
virtual keys registered, against a recorded user32), the lock
variants, the key events matched back, and the reasons a session has none."""

from __future__ import annotations

import pytest

from vpaphone.platform import hotkeys, hotkeys_windows
from vpaphone.platform.hotkeys import (
    CONTROL_MASK,
    LOCK_MASK,
    MOD1_MASK,
    MOD2_MASK,
    MOD4_MASK,
    SHIFT_MASK,
    HotkeyError,
    Problem,
    Unavailable,
    XKey,
    grabs,
    pressed,
    x_key,
)
from vpaphone.platform.hotkeys_windows import (
    MOD_ALT,
    MOD_CONTROL,
    MOD_NOREPEAT,
    MOD_SHIFT,
    MOD_WIN,
    windows_key,
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


def test_macos_reports_unavailable_and_windows_registers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(hotkeys.sys, "platform", "darwin")
    assert hotkeys.open_hotkeys("cocoa") is Unavailable.SYSTEM
    monkeypatch.setattr(hotkeys.sys, "platform", "win32")
    monkeypatch.setattr(hotkeys_windows, "CtypesUser32", RecordedUser32)
    assert isinstance(hotkeys.open_hotkeys("windows"), hotkeys_windows.WindowsHotkeys)


class RecordedUser32:
    """user32's hotkey table as a dict; keys in `others` were registered by other programs."""

    def __init__(self, others: frozenset[tuple[int, int]] = frozenset()) -> None:
        self.registered: dict[int, tuple[int, int]] = {}
        self.others = others

    def register(self, hotkey_id: int, modifiers: int, virtual_key: int) -> int:
        if (modifiers, virtual_key) in self.others or hotkey_id in self.registered:
            return hotkeys_windows.ERROR_HOTKEY_ALREADY_REGISTERED
        self.registered[hotkey_id] = (modifiers, virtual_key)
        return 0

    def unregister(self, hotkey_id: int) -> None:
        del self.registered[hotkey_id]


@pytest.mark.parametrize(
    ("sequence", "expected"),
    [
        ("Ctrl+Alt+H", (MOD_CONTROL | MOD_ALT | MOD_NOREPEAT, ord("H"))),
        ("Meta+Shift+5", (MOD_WIN | MOD_SHIFT | MOD_NOREPEAT, ord("5"))),
        ("F9", (MOD_NOREPEAT, 0x78)),  # VK_F9
        ("Ctrl+Alt+PgDown", (MOD_CONTROL | MOD_ALT | MOD_NOREPEAT, 0x22)),  # VK_NEXT
        ("Ctrl++", (MOD_CONTROL | MOD_NOREPEAT, 0xBB)),  # VK_OEM_PLUS
        ("Meta+Media Play", (MOD_WIN | MOD_NOREPEAT, 0xB3)),
    ],
)
def test_windows_virtual_keys_and_modifiers(sequence: str, expected: tuple[int, int]) -> None:
    assert windows_key(sequence) == expected


def test_windows_names_a_taken_key_and_runs_the_action_of_its_message() -> None:
    user32 = RecordedUser32(others=frozenset({windows_key("Ctrl+Alt+H")}))
    backend = hotkeys_windows.WindowsHotkeys(user32)
    seen: list[str] = []
    problems = backend.bind(
        {
            "Ctrl+Alt+H": lambda: seen.append("h"),
            "Ctrl+Alt+M": lambda: seen.append("m"),
            "Alt+Ctrl+M": lambda: seen.append("again"),  # the same key, written otherwise
            "Ctrl+Alt+F30": lambda: seen.append("f30"),  # Windows has F1..F24
        }
    )
    assert problems == {
        "Ctrl+Alt+H": Problem.TAKEN,
        "Alt+Ctrl+M": Problem.TWICE,
        "Ctrl+Alt+F30": Problem.UNUSABLE,
    }
    [(mute_id, mute_key)] = user32.registered.items()
    assert mute_key == windows_key("Ctrl+Alt+M")
    assert not backend.handle(mute_id + 100)  # another hotkey of this thread: not ours
    assert backend.handle(mute_id)
    assert seen == ["m"]
    backend.bind({"Ctrl+Alt+P": lambda: None})  # rebinding gives the old keys back
    assert list(user32.registered.values()) == [windows_key("Ctrl+Alt+P")]
    backend.close()
    assert user32.registered == {}
