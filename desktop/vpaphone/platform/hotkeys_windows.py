"""Global hotkeys on Windows: RegisterHotKey for the Qt thread (no window: WM_HOTKEY arrives in
the thread's message queue, which ui.globalkeys reads through Qt's native event filter).

What is tested on Linux: the portable key text → virtual-key code and MOD_* flags, the ids
given out, a key another program registered (ERROR_HOTKEY_ALREADY_REGISTERED) reported as
taken, and WM_HOTKEY's id → action — against a recording `User32`. The ctypes calls into
user32.dll and the event filter were not run on Windows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Protocol

from vpaphone.platform.hotkeys import HotkeyError, Problem, chord, is_function_key

log = logging.getLogger(__name__)

MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
WM_HOTKEY = 0x0312
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
_MODIFIERS = {"alt": MOD_ALT, "ctrl": MOD_CONTROL, "shift": MOD_SHIFT, "meta": MOD_WIN}
_NAMED_KEYS = {
    "space": 0x20,
    "esc": 0x1B,
    "tab": 0x09,
    "backspace": 0x08,
    "return": 0x0D,
    "enter": 0x0D,
    "ins": 0x2D,
    "del": 0x2E,
    "pause": 0x13,
    "print": 0x2C,
    "home": 0x24,
    "end": 0x23,
    "left": 0x25,
    "up": 0x26,
    "right": 0x27,
    "down": 0x28,
    "pgup": 0x21,
    "pgdown": 0x22,
    "scrolllock": 0x91,
    "media play": 0xB3,
    "toggle media play/pause": 0xB3,
    "media stop": 0xB2,
    "media next": 0xB0,
    "media previous": 0xB1,
    "+": 0xBB,  # VK_OEM_PLUS, "=" and "+" on most layouts
    ",": 0xBC,
    "-": 0xBD,
    ".": 0xBE,
}
_F1 = 0x70  # VK_F1..VK_F24


def windows_key(sequence: str) -> tuple[int, int]:
    """(MOD_* flags, virtual-key code) of a one-chord portable key sequence."""
    found = chord(sequence)
    modifiers = MOD_NOREPEAT  # holding the key down does not answer and hang up in turn
    for name in found.modifiers:
        modifiers |= _MODIFIERS[name]
    key = found.key
    if is_function_key(key) and int(key[1:]) <= 24:
        return modifiers, _F1 + int(key[1:]) - 1
    if len(key) == 1 and (key.isascii() and key.isalnum()):
        return modifiers, ord(key.upper())  # VK_A.. and VK_0.. are the ASCII codes
    named = _NAMED_KEYS.get(key.lower())
    if named is None:
        raise HotkeyError(f"{sequence}: the key {key} cannot be used as a global hotkey")
    return modifiers, named


class User32(Protocol):
    """The two calls of user32.dll used here; `register` returns 0 or GetLastError()."""

    def register(self, hotkey_id: int, modifiers: int, virtual_key: int) -> int: ...

    def unregister(self, hotkey_id: int) -> None: ...


class CtypesUser32:
    """user32.dll through ctypes, for the calling (Qt) thread (not run on Windows yet)."""

    def __init__(self) -> None:
        import ctypes  # noqa: PLC0415

        self._dll = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
        self._last_error: Callable[[], int] = ctypes.get_last_error  # type: ignore[attr-defined,unused-ignore]

    def register(self, hotkey_id: int, modifiers: int, virtual_key: int) -> int:
        if self._dll.RegisterHotKey(None, hotkey_id, modifiers, virtual_key):
            return 0
        return int(self._last_error())

    def unregister(self, hotkey_id: int) -> None:
        self._dll.UnregisterHotKey(None, hotkey_id)


class WindowsHotkeys:
    """RegisterHotKey per sequence; `handle(wparam)` runs the action of a WM_HOTKEY."""

    _FIRST_ID = 0x5650  # ids 0x0000-0xBFFF are the application's

    def __init__(self, user32: User32) -> None:
        self._user32 = user32
        self._actions: dict[int, Callable[[], None]] = {}

    def bind(self, bindings: Mapping[str, Callable[[], None]]) -> dict[str, Problem]:
        self._unregister()
        problems: dict[str, Problem] = {}
        taken: set[tuple[int, int]] = set()
        for number, (sequence, action) in enumerate(bindings.items()):
            try:
                key = windows_key(sequence)
            except HotkeyError as error:
                log.info("global hotkeys: %s", error)
                problems[sequence] = Problem.UNUSABLE
                continue
            if key in taken:
                problems[sequence] = Problem.TWICE
                continue
            hotkey_id = self._FIRST_ID + number
            error_code = self._user32.register(hotkey_id, *key)
            if error_code == ERROR_HOTKEY_ALREADY_REGISTERED:
                log.warning("global hotkeys: %s is taken by another program", sequence)
                problems[sequence] = Problem.TAKEN
            elif error_code:
                log.warning("global hotkeys: RegisterHotKey(%s) failed: %d", sequence, error_code)
                problems[sequence] = Problem.UNUSABLE
            else:
                taken.add(key)
                self._actions[hotkey_id] = action
        return problems

    def handle(self, hotkey_id: int) -> bool:
        """WM_HOTKEY's wParam: True when it was one of ours (and its action ran)."""
        action = self._actions.get(hotkey_id)
        if action is None:
            return False
        action()
        return True

    def _unregister(self) -> None:
        for hotkey_id in self._actions:
            self._user32.unregister(hotkey_id)
        self._actions.clear()

    def close(self) -> None:
        self._unregister()
