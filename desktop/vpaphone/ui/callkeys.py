"""Call keys of headsets and keyboards: answer, hang up, mute. Qt reports a USB headset's
hook-switch and a keyboard's call/media keys as these keys while the softphone (any of its
windows) is active; they are application shortcuts, so the incoming-call window takes them too.
Keys pressed while another program is active go to that program (no global grab)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


class CallKeys(QObject):
    def __init__(
        self,
        window: QWidget,
        *,
        answer: Callable[[], None],
        hang_up: Callable[[], None],
        toggle: Callable[[], None],
        mute: Callable[[], None],
    ) -> None:
        super().__init__(window)
        keys = (
            (Qt.Key.Key_Call, answer),
            (Qt.Key.Key_MediaPlay, answer),
            (Qt.Key.Key_Hangup, hang_up),
            (Qt.Key.Key_MediaStop, hang_up),
            (Qt.Key.Key_ToggleCallHangup, toggle),  # a headset's one call button
            (Qt.Key.Key_MediaTogglePlayPause, toggle),
            (Qt.Key.Key_MicMute, mute),
        )
        self.shortcuts: list[QShortcut] = []
        for key, action in keys:
            shortcut = QShortcut(QKeySequence(key), window)
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            shortcut.activated.connect(action)
            self.shortcuts.append(shortcut)
