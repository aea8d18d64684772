"""The twelve-key pad: types into the number field, or sends DTMF during a call."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QToolButton, QWidget

KEYS = (
    ("1", ""), ("2", "ABC"), ("3", "DEF"),
    ("4", "GHI"), ("5", "JKL"), ("6", "MNO"),
    ("7", "PQRS"), ("8", "TUV"), ("9", "WXYZ"),
    ("*", ""), ("0", "+"), ("#", ""),
)  # fmt: skip
LONG_PRESS_MS = 600  # holding 0 this long types "+", as on a mobile phone


class Dialpad(QWidget):
    """Emits `typed(key)` outside a call (keys 0-9 * # and "+"), `dtmf(key)` in a call.

    `feedback(key)`, if given, is called for every key (the key-click tone); it gets only
    DTMF keys, never "+".
    """

    typed = Signal(str)
    dtmf = Signal(str)

    def __init__(
        self, feedback: Callable[[str], None] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._feedback = feedback
        self._in_call = False
        self._plus_sent = False
        self._long_press = QTimer(self)
        self._long_press.setSingleShot(True)
        self._long_press.setInterval(LONG_PRESS_MS)
        self._long_press.timeout.connect(self._zero_held)
        self.buttons: dict[str, QToolButton] = {}
        layout = QGridLayout(self)
        layout.setSpacing(4)
        for index, (key, letters) in enumerate(KEYS):
            button = QToolButton(self)
            button.setText(f"{key}\n{letters}" if letters else key)
            button.setMinimumSize(QSize(56, 44))
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAccessibleName(self._key_name(key))
            if key == "0":
                button.setToolTip(self.tr("Hold for +"))
                button.pressed.connect(self._zero_pressed)
                button.released.connect(self._zero_released)
            else:
                button.clicked.connect(lambda _=False, k=key: self.press(k))
            layout.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button
        self.setAccessibleName(self.tr("Dial pad"))

    def set_in_call(self, in_call: bool) -> None:
        self._in_call = in_call
        self.buttons["0"].setToolTip("" if in_call else self.tr("Hold for +"))

    def in_call(self) -> bool:
        return self._in_call

    def set_feedback(self, feedback: Callable[[str], None] | None) -> None:
        self._feedback = feedback

    def press(self, key: str) -> None:
        """One key, from a button, the keyboard or a test."""
        if key == "+":
            if not self._in_call:
                self.typed.emit("+")
            return
        if self._feedback is not None:
            self._feedback(key)
        (self.dtmf if self._in_call else self.typed).emit(key)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        text = event.text()
        if text and text in "0123456789*#+":
            self.press(text)
            return
        super().keyPressEvent(event)

    def _key_name(self, key: str) -> str:
        names = {"*": self.tr("Star"), "#": self.tr("Hash")}
        return names.get(key, key)

    def _zero_pressed(self) -> None:
        self._plus_sent = False
        if not self._in_call:
            self._long_press.start()

    def _zero_held(self) -> None:
        self._plus_sent = True
        self.press("+")

    def _zero_released(self) -> None:
        self._long_press.stop()
        if not self._plus_sent:
            self.press("0")
        self._plus_sent = False
