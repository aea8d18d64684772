"""Call waiting in the call view: the second call knocking (who, for which task, answer or turn
away) and, once answered, the call on hold behind the running one (swap, end).

Both are panels inside the phone page, not dialogs: the running call's controls stay reachable.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vpaphone.app.calls import ActiveCall
from vpaphone.core.model import Task
from vpaphone.sip.engine import CallState
from vpaphone.ui.widgets import shortcuts
from vpaphone.ui.widgets.history import shown_number
from vpaphone.ui.widgets.incoming import fill_tasks
from vpaphone.ui.widgets.plain import plain
from vpaphone.ui.widgets.shrink import shrinkable

_FRAME_STYLE = "QFrame#%s { border: 1px solid palette(mid); border-radius: 4px; }"


class WaitingCallPanel(QFrame):
    """A second call rings in during a call. Emits `answered(call_id, task_id)` (the phone holds
    the running call first) or `turned_away(call_id)`, once per call."""

    answered = Signal(str, str)
    turned_away = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waitingCall")
        self.setStyleSheet(_FRAME_STYLE % "waitingCall")
        self.call_id: str | None = None
        self.title_label = QLabel(self.tr("Another call is waiting"), self)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.caller_label = QLabel(self)
        self.caller_label.setAccessibleName(self.tr("Waiting caller"))
        self.name_label = QLabel(self)
        self.name_label.setAccessibleName(self.tr("Waiting caller's name"))
        plain(self.caller_label, self.name_label)  # what the caller sent: never markup
        self.task_box = QComboBox(self)
        self.task_box.setAccessibleName(self.tr("Task the waiting call belongs to"))
        shrinkable(self.task_box)  # task titles from my-vpa, in a 360 px window
        self.answer_button = QPushButton(self.tr("Hold and answer"), self)
        self.answer_button.setAccessibleName(self.tr("Hold the call and answer the waiting one"))
        self.reject_button = QPushButton(self)
        shortcuts.give_shortcut(
            self.answer_button,
            shortcuts.ANSWER,
            self.tr("Hold the call and answer the waiting one"),
        )
        who = QHBoxLayout()
        who.addWidget(self.caller_label)
        who.addWidget(self.name_label)
        who.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        buttons.addWidget(self.answer_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(who)
        layout.addWidget(self.task_box)
        layout.addLayout(buttons)
        self.answer_button.clicked.connect(self.answer_call)
        self.reject_button.clicked.connect(self.turn_away_call)
        self.hide()

    def show_call(
        self,
        call_id: str,
        caller_e164: str | None,
        display_name: str,
        tasks: Sequence[Task],
        suggested_task_id: str | None,
        *,
        to_voicemail: bool,
    ) -> None:
        """The knocking call: its number and name, the task suggested for it (the one this
        number was last called for), and where turning it away sends it."""
        self.call_id = call_id
        self.caller_label.setText(
            shown_number(caller_e164) if caller_e164 else self.tr("Unknown number")
        )
        self.name_label.setText(display_name)
        self.name_label.setVisible(bool(display_name) and display_name != caller_e164)
        fill_tasks(self.task_box, tasks, suggested_task_id)
        self.answer_button.setEnabled(bool(tasks))
        text = self.tr("To voicemail") if to_voicemail else self.tr("Busy")
        self.reject_button.setText(text)
        self.reject_button.setAccessibleName(
            self.tr("Send the waiting call to the answering machine")
            if to_voicemail
            else self.tr("Tell the waiting caller you are busy")
        )
        self.show()

    def task_id(self) -> str | None:
        data = self.task_box.currentData()
        return str(data) if data is not None else None

    def answer_call(self) -> None:
        call_id, task_id = self.call_id, self.task_id()
        if call_id is None or task_id is None:
            return
        self.clear()
        self.answered.emit(call_id, task_id)

    def turn_away_call(self) -> None:
        call_id = self.call_id
        if call_id is None:
            return
        self.clear()
        self.turned_away.emit(call_id)

    def clear(self) -> None:
        """The call was answered, turned away, or the caller gave up."""
        self.call_id = None
        self.hide()


class HeldCallBar(QFrame):
    """The call on hold behind the running one: who, its state, swap to it, or end it."""

    swap_clicked = Signal()
    end_clicked = Signal(str)  # call id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heldCall")
        self.setStyleSheet(_FRAME_STYLE % "heldCall")
        self.call_id: str | None = None
        self.label = QLabel(self)
        self.label.setAccessibleName(self.tr("Call on hold"))
        self.label.setWordWrap(True)
        plain(self.label)
        self.swap_button = QPushButton(self.tr("Swap"), self)
        self.swap_button.setAccessibleName(self.tr("Swap to the call on hold"))
        self.end_button = QPushButton(self.tr("End"), self)
        self.end_button.setAccessibleName(self.tr("End the call on hold"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.swap_button)
        layout.addWidget(self.end_button)
        self.swap_button.clicked.connect(self.swap_clicked)
        self.end_button.clicked.connect(self._end)
        self.hide()

    def show_call(self, call: ActiveCall, task_title: str) -> None:
        self.call_id = call.call_id
        number = shown_number(call.number)
        held = call.state is CallState.ON_HOLD
        text = self.tr("On hold: %1 (%2)") if held else self.tr("Putting on hold: %1 (%2)")
        self.label.setText(text.replace("%1", number).replace("%2", task_title))
        self.show()

    def clear(self) -> None:
        self.call_id = None
        self.hide()

    def _end(self) -> None:
        if self.call_id is not None:
            self.end_clicked.emit(self.call_id)
