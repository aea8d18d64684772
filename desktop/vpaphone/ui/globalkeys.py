"""Global hotkeys on the Qt side: the setting, the backend (vpaphone.platform.hotkeys) read on
the Qt thread through a socket notifier, and the call the keys act on.

Off by default. Turned on, the keys are grabbed at once — so Settings can say at once which one
another program holds — and act only while a call rings or runs (as the media keys do):
answer/hang up answers what rings and ends what runs, mute and hold work on the running call.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractNativeEventFilter,
    QByteArray,
    QCoreApplication,
    QObject,
    QSettings,
    QSocketNotifier,
)
from PySide6.QtGui import QGuiApplication

from vpaphone.platform.hotkeys import Hotkeys, Problem, Unavailable, X11Hotkeys, open_hotkeys
from vpaphone.platform.hotkeys_windows import WM_HOTKEY, WindowsHotkeys
from vpaphone.ui.settings_keys import (
    DEFAULT_HOTKEYS,
    GLOBAL_HOTKEYS_KEY,
    HOTKEY_ANSWER_HANG_UP_KEY,
    HOTKEY_HOLD_KEY,
    HOTKEY_MUTE_KEY,
)

log = logging.getLogger(__name__)


class _HotkeyMessages(QAbstractNativeEventFilter):
    """Windows: WM_HOTKEY comes to the Qt thread's queue (not run on Windows yet)."""

    def __init__(self, backend: WindowsHotkeys) -> None:
        super().__init__()
        self._backend = backend

    def nativeEventFilter(  # noqa: N802 - Qt's name
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: int, /
    ) -> object:
        if QByteArray(event_type).data() != b"windows_generic_MSG":
            return False, 0
        from ctypes import wintypes  # noqa: PLC0415

        msg = wintypes.MSG.from_address(int(message))
        if msg.message != WM_HOTKEY:
            return False, 0
        return self._backend.handle(int(msg.wParam)), 0


def hotkeys_wanted(settings: QSettings) -> bool:
    return settings.value(GLOBAL_HOTKEYS_KEY, False) in (True, "true", "1", 1)


def hotkey(settings: QSettings, key: str) -> str:
    """One action's key sequence (portable text); "" when the VPA cleared it."""
    return str(settings.value(key, DEFAULT_HOTKEYS[key]) or "")


def unavailable_text(reason: Unavailable) -> str:
    if reason is Unavailable.WAYLAND:
        return QCoreApplication.translate(
            "GlobalHotkeys", "Global hotkeys are not available on this desktop (Wayland)."
        )
    if reason is Unavailable.NO_DISPLAY:
        return QCoreApplication.translate("GlobalHotkeys", "Global hotkeys need an X11 desktop.")
    if reason is Unavailable.DISPLAY_FAILED:
        return QCoreApplication.translate(
            "GlobalHotkeys", "Global hotkeys are not available: the X display cannot be opened."
        )
    return QCoreApplication.translate(
        "GlobalHotkeys", "Global hotkeys are not available on this system."
    )


def problem_text(sequence: str, problem: Problem) -> str:
    if problem is Problem.TAKEN:
        text = QCoreApplication.translate("GlobalHotkeys", "%1 is taken by another program.")
    elif problem is Problem.UNUSABLE:
        text = QCoreApplication.translate(
            "GlobalHotkeys", "%1 cannot be a global hotkey: use Ctrl, Alt or Meta with a key."
        )
    elif problem is Problem.NO_SUCH_KEY:
        text = QCoreApplication.translate("GlobalHotkeys", "%1: this keyboard has no such key.")
    else:
        text = QCoreApplication.translate("GlobalHotkeys", "%1 is given to two actions.")
    return text.replace("%1", sequence)


class GlobalHotkeys(QObject):
    """`apply()` follows the settings; `set_call(ringing, in_call)` follows the phone;
    `status()` says what Settings shows (empty: every hotkey works)."""

    def __init__(
        self,
        *,
        toggle: Callable[[], None],
        mute: Callable[[], None],
        hold: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._actions = {
            HOTKEY_ANSWER_HANG_UP_KEY: toggle,
            HOTKEY_MUTE_KEY: mute,
            HOTKEY_HOLD_KEY: hold,
        }
        self._backend: Hotkeys | None = None
        self._notifier: QSocketNotifier | None = None
        self._messages: _HotkeyMessages | None = None
        self._unavailable: Unavailable | None = None
        self.problems: dict[str, Problem] = {}
        self._ringing = self._in_call = False

    def set_call(self, *, ringing: bool, in_call: bool) -> None:
        self._ringing, self._in_call = ringing, in_call

    def apply(self) -> None:
        settings = QSettings()
        if not hotkeys_wanted(settings):
            self._close()
            self.problems = {}
            return
        backend = self._open()
        if backend is None:
            return
        bindings: dict[str, Callable[[], None]] = {}
        twice: dict[str, Problem] = {}
        for key, action in self._actions.items():
            sequence = hotkey(settings, key)
            if sequence in bindings:
                twice[sequence] = Problem.TWICE  # the first action keeps it
            elif sequence:
                bindings[sequence] = self._during_calls(action)
        self.problems = backend.bind(bindings) | twice
        if isinstance(backend, X11Hotkeys):
            backend.dispatch()  # what the grab's round trips read off the connection meanwhile

    def status(self) -> list[str]:
        if self._unavailable is not None:
            return [unavailable_text(self._unavailable)]
        return [problem_text(sequence, problem) for sequence, problem in self.problems.items()]

    @property
    def grabbing(self) -> bool:
        return self._backend is not None

    def _during_calls(self, action: Callable[[], None]) -> Callable[[], None]:
        def act() -> None:
            if self._ringing or self._in_call:
                action()
            else:
                log.debug("global hotkey outside a call: ignored")

        return act

    def _open(self) -> Hotkeys | None:
        if self._backend is not None:
            return self._backend
        opened = open_hotkeys(QGuiApplication.platformName())
        if isinstance(opened, Unavailable):
            self._unavailable = opened
            return None
        self._unavailable = None
        self._backend = opened
        if isinstance(opened, X11Hotkeys):
            self._notifier = QSocketNotifier(opened.fileno(), QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._dispatch)
        elif isinstance(opened, WindowsHotkeys):
            self._messages = _HotkeyMessages(opened)
            application = QCoreApplication.instance()
            if application is not None:
                application.installNativeEventFilter(self._messages)
        return opened

    def _dispatch(self) -> None:
        if not isinstance(self._backend, X11Hotkeys):
            return
        try:
            self._backend.dispatch()
        except Exception as error:  # the X server went away (python-xlib: many kinds)
            log.warning("global hotkeys: the X display is gone: %s", error)
            self._close()
            self._unavailable = Unavailable.DISPLAY_FAILED

    def _close(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._messages is not None:
            application = QCoreApplication.instance()
            if application is not None:
                application.removeNativeEventFilter(self._messages)
            self._messages = None
        if self._backend is not None:
            self._backend.close()
            self._backend = None
        self._unavailable = None
