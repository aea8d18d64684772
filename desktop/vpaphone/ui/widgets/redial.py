"""Calling a number again from the history: it goes out for the task it was called for.

When that is not the active task, a panel above the dialer asks (never a blocking dialog):
the call's own task, or the active one. A closed task cannot be called for any more.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from vpaphone.app.tasks import TaskService
from vpaphone.core.calls import CallRecord


class RedialPrompt(QFrame):
    number_wanted = Signal(str)  # into the dialer, for the (now) active task

    def __init__(self, tasks: TaskService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._call: CallRecord | None = None
        self.setObjectName("redialPrompt")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#redialPrompt { background: #fff4e5; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAccessibleName(self.tr("Which task this call is for"))
        self.call_task_button = QPushButton()
        self.active_task_button = QPushButton()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.call_task_button)
        buttons.addWidget(self.active_task_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.call_task_button.clicked.connect(self._call_task)
        self.active_task_button.clicked.connect(self._active_task)
        self.cancel_button.clicked.connect(self.hide)
        self.hide()

    def redial(self, call: CallRecord) -> None:
        """Again, for the task the number was called for: at once when that is the active
        task (or none: an emergency call), else after asking."""
        active = self._tasks.active_task
        if call.task_id is None or (active is not None and call.task_id == active.id):
            self.number_wanted.emit(call.e164)
            return
        own = self._tasks.task(call.task_id)
        self._call = call
        self._ask(
            own.title if own else call.task_id, own is not None, active.title if active else None
        )

    def _ask(self, call_task: str, call_task_open: bool, active_task: str | None) -> None:
        """`call_task`: the title (or id) of the task the number was called for."""
        if call_task_open:
            text = self.tr("This number was called for “%1”, not for the active task.")
        else:
            text = self.tr("This number was called for “%1”, which is closed.")
        self.text.setText(text.replace("%1", call_task))
        self.call_task_button.setText(self.tr("Call for “%1”").replace("%1", call_task))
        self.call_task_button.setVisible(call_task_open)
        self.active_task_button.setText(self.tr("Call for “%1”").replace("%1", active_task or ""))
        self.active_task_button.setVisible(active_task is not None)
        self.show()
        (self.call_task_button if call_task_open else self.cancel_button).setFocus()

    def _call_task(self) -> None:
        self.hide()
        call, self._call = self._call, None
        if call is not None:
            self._tasks.select(call.task_id)
            self.number_wanted.emit(call.e164)

    def _active_task(self) -> None:
        self.hide()
        call, self._call = self._call, None
        if call is not None:
            self.number_wanted.emit(call.e164)
