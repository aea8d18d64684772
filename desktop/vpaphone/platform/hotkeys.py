"""Global hotkeys: key combinations that reach the softphone while another program has the focus.

The key sequences come as Qt's portable text ("Ctrl+Alt+H", from QKeySequence.toString); what a
platform grabs is built from it here, in plain Python, and unit-tested:

    X11      XGrabKey on the root window (python-xlib), once per combination of the lock
             modifiers (Caps Lock, Num Lock) so a hotkey works whatever those are. A key another
             client grabbed first fails with BadAccess: that key is reported as taken.
    Wayland  a client may not grab keys; the desktop portal's GlobalShortcuts would hand them
             out but is not used yet: reported as not available on this desktop.
    Windows  RegisterHotKey (platform.hotkeys_windows): its key conversion is unit-tested here,
             the user32 calls were not run on Windows.
    macOS    not implemented: reported as not available.

`open_hotkeys()` gives the backend for this session or why there is none (`Unavailable`). The X
backend's connection is read on the caller's thread: it exposes `fileno()` for a socket notifier
and `dispatch()` to read what arrived (ui.globalkeys does both on the Qt thread).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

log = logging.getLogger(__name__)

# X11 modifier masks (X.h)
SHIFT_MASK, LOCK_MASK, CONTROL_MASK, MOD1_MASK, MOD2_MASK, MOD4_MASK = 1, 2, 4, 8, 16, 64
_MODIFIERS = {"ctrl": CONTROL_MASK, "shift": SHIFT_MASK, "alt": MOD1_MASK, "meta": MOD4_MASK}
# Caps Lock and Num Lock (Mod2 on every common keymap) must not stop a hotkey
LOCK_VARIANTS = (0, LOCK_MASK, MOD2_MASK, LOCK_MASK | MOD2_MASK)

# Qt's portable key names → X keysyms (keysymdef.h); printable ASCII is its own keysym
_NAMED_KEYSYMS = {
    "space": 0x20,
    "esc": 0xFF1B,
    "tab": 0xFF09,
    "backspace": 0xFF08,
    "return": 0xFF0D,
    "enter": 0xFF8D,
    "ins": 0xFF63,
    "del": 0xFFFF,
    "pause": 0xFF13,
    "print": 0xFF61,
    "home": 0xFF50,
    "end": 0xFF57,
    "left": 0xFF51,
    "up": 0xFF52,
    "right": 0xFF53,
    "down": 0xFF54,
    "pgup": 0xFF55,
    "pgdown": 0xFF56,
    "scrolllock": 0xFF14,
    "media play": 0x1008FF14,
    "media stop": 0x1008FF15,
    "media previous": 0x1008FF16,
    "media next": 0x1008FF17,
    "toggle media play/pause": 0x1008FF14,
    "microphone mute": 0x1008FFB2,
    "hangup": 0x1008FF2A,  # XF86PowerOff has no better neighbour; Qt's Key_Hangup maps here
}
_F1 = 0xFFBE  # F1..F35 follow one another


class HotkeyError(ValueError):
    """A key sequence no global hotkey can be made of (said in the message)."""


class Problem(Enum):
    """Why a hotkey was not taken (the UI words it)."""

    UNUSABLE = "unusable"  # not one chord, or no Ctrl/Alt/Meta, or a key X has no name for
    NO_SUCH_KEY = "no_such_key"  # the keyboard map has no key for it
    TWICE = "twice"  # given to two actions
    TAKEN = "taken"  # another program grabbed it first


class Unavailable(Enum):
    """Why this session has no global hotkeys."""

    WAYLAND = "wayland"
    NO_DISPLAY = "no_display"
    DISPLAY_FAILED = "display_failed"
    SYSTEM = "system"  # Windows, macOS: not implemented


@dataclass(frozen=True)
class XKey:
    """One X grab: a keysym and the modifier mask that must be held with it."""

    keysym: int
    modifiers: int


@dataclass(frozen=True)
class Chord:
    """One key combination: its modifiers ("ctrl", "shift", "alt", "meta") and Qt's key name."""

    modifiers: frozenset[str]
    key: str


def chord(sequence: str) -> Chord:
    """The one chord of a portable key sequence, e.g. "Ctrl+Alt+H", checked for use as a
    global hotkey (HotkeyError says what is wrong)."""
    text = sequence.strip()
    if not text:
        raise HotkeyError("no key given")
    if ", " in text:
        raise HotkeyError(f"{text}: a hotkey is one key combination, not a sequence of them")
    parts = _split(text)
    for name in parts[:-1]:
        if name.lower() not in _MODIFIERS:
            raise HotkeyError(f"{text}: {name} is not a modifier key")
    modifiers = frozenset(name.lower() for name in parts[:-1])
    key = parts[-1]
    if key.lower() in _MODIFIERS:
        raise HotkeyError(f"{text}: a modifier alone is no hotkey")
    if not modifiers - {"shift"} and not is_function_key(key):
        # a plain letter (or Shift+letter) grabbed everywhere would stop the user typing it
        raise HotkeyError(f"{text}: needs Ctrl, Alt or Meta (or a function key)")
    return Chord(modifiers, key)


def x_key(sequence: str) -> XKey:
    """The X keysym and modifiers of a one-chord portable key sequence, e.g. "Ctrl+Alt+H"."""
    found = chord(sequence)
    modifiers = 0
    for name in found.modifiers:
        modifiers |= _MODIFIERS[name]
    return XKey(_keysym(sequence.strip(), found.key), modifiers)


def _split(text: str) -> list[str]:
    """ "Ctrl++" is Ctrl and the plus key: a "+" right after a separator is the key itself."""
    parts: list[str] = []
    current = ""
    for char in text:
        if char == "+" and current:
            parts.append(current)
            current = ""
        else:
            current += char
    if current:
        parts.append(current)
    return parts


def is_function_key(key: str) -> bool:
    return key[:1] in "Ff" and key[1:].isdigit() and 1 <= int(key[1:]) <= 35


def _keysym(text: str, key: str) -> int:
    if is_function_key(key):
        return _F1 + int(key[1:]) - 1
    if len(key) == 1 and " " < key < "\x7f":
        return ord(key.lower())  # X names letters by their lower-case keysym
    named = _NAMED_KEYSYMS.get(key.lower())
    if named is None:
        raise HotkeyError(f"{text}: the key {key} cannot be used as a global hotkey")
    return named


def grabs(key: XKey, keycode: int) -> list[tuple[int, int]]:
    """The (keycode, modifiers) pairs to grab so Caps Lock and Num Lock do not matter."""
    return [(keycode, key.modifiers | lock) for lock in LOCK_VARIANTS]


def pressed(keycode: int, state: int) -> tuple[int, int]:
    """A KeyPress event's (keycode, modifiers) without the lock modifiers, as `grabs` keys it."""
    return keycode, state & ~(LOCK_MASK | MOD2_MASK) & 0xFF


class Hotkeys(Protocol):
    """A platform's global hotkeys. `bind` replaces every earlier binding and returns the
    sequences that could not be taken, each with the reason."""

    def bind(self, bindings: Mapping[str, Callable[[], None]]) -> dict[str, Problem]: ...

    def close(self) -> None: ...


class X11Hotkeys:
    """XGrabKey on the root window of the X display, on a connection of its own."""

    def __init__(self, display_name: str) -> None:
        from Xlib import display as xdisplay  # noqa: PLC0415 - only on X11

        self._display: Any = xdisplay.Display(display_name)
        self._root = self._display.screen().root
        self._actions: dict[tuple[int, int], Callable[[], None]] = {}
        self._grabbed: list[tuple[int, int]] = []

    def fileno(self) -> int:
        return int(self._display.fileno())

    def bind(self, bindings: Mapping[str, Callable[[], None]]) -> dict[str, Problem]:
        from Xlib import X  # noqa: PLC0415
        from Xlib.error import BadAccess, CatchError  # noqa: PLC0415

        self._ungrab()
        problems: dict[str, Problem] = {}
        for sequence, action in bindings.items():
            try:
                key = x_key(sequence)
            except HotkeyError as error:
                log.info("global hotkeys: %s", error)
                problems[sequence] = Problem.UNUSABLE
                continue
            keycode = self._display.keysym_to_keycode(key.keysym)
            if not keycode:
                problems[sequence] = Problem.NO_SUCH_KEY
                continue
            pairs = grabs(key, keycode)
            if any(pair in self._actions for pair in pairs):
                problems[sequence] = Problem.TWICE
                continue
            refused = CatchError(BadAccess)
            for code, modifiers in pairs:
                self._root.grab_key(
                    code, modifiers, False, X.GrabModeAsync, X.GrabModeAsync, onerror=refused
                )
            self._display.sync()  # BadAccess arrives by now
            if refused.get_error() is not None:
                for code, modifiers in pairs:
                    self._root.ungrab_key(code, modifiers)
                self._display.sync()
                log.warning("global hotkeys: %s is taken by another program", sequence)
                problems[sequence] = Problem.TAKEN
                continue
            self._grabbed.extend(pairs)
            for pair in pairs:
                self._actions[pressed(*pair)] = action
        self._display.flush()
        return problems

    def dispatch(self) -> None:
        """Runs the action of each hotkey pressed since the last call (never blocks)."""
        from Xlib import X  # noqa: PLC0415

        while self._display.pending_events():
            event = self._display.next_event()
            if event.type != X.KeyPress:
                continue
            action = self._actions.get(pressed(event.detail, event.state))
            if action is not None:
                action()

    def _ungrab(self) -> None:
        for code, modifiers in self._grabbed:
            self._root.ungrab_key(code, modifiers)
        self._grabbed.clear()
        self._actions.clear()
        self._display.sync()

    def close(self) -> None:
        """Gives the keys back; quiet when the X server has gone already."""
        try:
            self._ungrab()
            self._display.close()
        except Exception as error:
            log.info("global hotkeys: closing a broken X connection: %s", error)


def open_hotkeys(platform_name: str) -> Hotkeys | Unavailable:
    """This session's backend, or why there is none (`platform_name`: Qt's, "xcb", "wayland").
    On X11 the display is the session's $DISPLAY."""
    if sys.platform == "win32":
        from vpaphone.platform.hotkeys_windows import (  # noqa: PLC0415
            CtypesUser32,
            WindowsHotkeys,
        )

        try:
            return WindowsHotkeys(CtypesUser32())
        except (OSError, AttributeError) as error:  # no user32.dll to load
            log.warning("global hotkeys: user32 cannot be loaded: %s", error)
            return Unavailable.SYSTEM
    if sys.platform == "darwin":
        return Unavailable.SYSTEM  # Carbon's RegisterEventHotKey would go here
    display = os.environ.get("DISPLAY", "")
    if platform_name == "wayland" or (os.environ.get("WAYLAND_DISPLAY") and platform_name != "xcb"):
        return Unavailable.WAYLAND
    if not display:
        return Unavailable.NO_DISPLAY
    try:
        return X11Hotkeys(display)
    except Exception as error:  # python-xlib raises many kinds (socket, auth, protocol)
        log.warning("global hotkeys: cannot open the X display: %s", error)
        return Unavailable.DISPLAY_FAILED
