"""Keyboard shortcuts for calls: Microsoft Teams' keys, which many VPAs already have in their
fingers. Window shortcuts: they work while the softphone's window (or the incoming-call window)
is active."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton

MUTE = "Ctrl+Shift+M"
HANG_UP = "Ctrl+Shift+H"
ANSWER = "Ctrl+Shift+A"
REJECT = "Ctrl+Shift+D"


def give_shortcut(button: QAbstractButton, keys: str, tip: str) -> None:
    """`keys` press `button`; its tooltip says what it does and which keys do it."""
    sequence = QKeySequence(keys)
    button.setShortcut(sequence)
    shown = sequence.toString(QKeySequence.SequenceFormat.NativeText)
    button.setToolTip(f"{tip} ({shown})")
