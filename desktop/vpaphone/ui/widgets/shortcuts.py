"""Keyboard shortcuts for calls: Microsoft Teams' keys, which many VPAs already have in their
fingers. Answer and reject belong to the incoming-call window; the running call's keys (mute,
hold, hang up) work in every window of the softphone, dialogs included, so a message being
written never keeps the VPA from ending the call."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton

MUTE = "Ctrl+Shift+M"
HANG_UP = "Ctrl+Shift+H"
HOLD = "Ctrl+Shift+P"  # "pause": Teams has no key for hold
ANSWER = "Ctrl+Shift+A"
REJECT = "Ctrl+Shift+D"


def give_shortcut(
    button: QAbstractButton, keys: str, tip: str, *, everywhere: bool = False
) -> None:
    """`keys` press `button`; its tooltip says what it does and which keys do it.

    `everywhere`: from any window of the softphone while the button is visible and enabled
    (Qt only activates an application shortcut whose parent widget is).
    """
    sequence = QKeySequence(keys)
    if everywhere:
        shortcut = QShortcut(sequence, button)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(button.click)
    else:
        button.setShortcut(sequence)
    shown = sequence.toString(QKeySequence.SequenceFormat.NativeText)
    button.setToolTip(f"{tip} ({shown})")
