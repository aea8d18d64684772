"""Text from outside shown as text: my-vpa (profile, task and customer names, area labels) and
callers (SIP display names) may send markup; Qt would render `<a>`, `<img src=file:…>` in a
label or tooltip that "looks rich". Every label that can show such text goes through here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox


def plain(*labels: QLabel) -> None:
    """These labels show their text as it is, never as markup."""
    for label in labels:
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_box(box: QMessageBox) -> QMessageBox:
    """A message box whose text and informative text are shown as they are."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def plain_tooltip(text: str) -> str:
    """A tooltip showing `text` as it is (Qt renders a tooltip that looks rich as rich text)."""
    return GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""
