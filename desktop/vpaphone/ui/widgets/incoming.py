"""An incoming call (VPAs with an individual number): who calls, for which task, answer or not."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vpaphone.core.model import Task
from vpaphone.ui.widgets import shortcuts
from vpaphone.ui.widgets.history import shown_number
from vpaphone.ui.widgets.plain import plain


def fill_tasks(box: QComboBox, tasks: Sequence[Task], selected: str | None) -> None:
    """The tasks an incoming call may belong to, `selected` (the suggestion) picked."""
    box.clear()
    for task in tasks:
        box.addItem(f"{task.title} — {task.customer}", task.id)
    if selected is not None:
        box.setCurrentIndex(max(0, box.findData(selected)))


class IncomingCallDialog(QDialog):
    """Emits `answered(task_id)` or `declined()`, once; the shell then closes it.

    (QDialog's own accept()/reject() are slots, hence the other names.)
    """

    answered = Signal(str)
    declined = Signal()

    def __init__(
        self,
        caller_e164: str | None,
        display_name: str,
        tasks: Sequence[Task],
        active_task_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._done = False
        self.setWindowTitle(self.tr("Incoming call"))
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        number = shown_number(caller_e164) if caller_e164 else self.tr("Unknown number")
        self.caller_label = QLabel(number, self)
        self.caller_label.setAccessibleName(self.tr("Caller"))
        font = self.caller_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.caller_label.setFont(font)
        self.name_label = QLabel(display_name, self)
        plain(self.caller_label, self.name_label)  # what the caller sent: never markup
        self.name_label.setAccessibleName(self.tr("Caller name"))
        self.name_label.setVisible(bool(display_name) and display_name != caller_e164)
        self.task_box = QComboBox(self)
        self.task_box.setAccessibleName(self.tr("Task this call belongs to"))
        fill_tasks(self.task_box, tasks, active_task_id)
        self.answer_button = QPushButton(self.tr("Answer"), self)
        self.answer_button.setAccessibleName(self.tr("Answer the call"))
        self.answer_button.setEnabled(bool(tasks))
        self.answer_button.setDefault(True)
        self.reject_button = QPushButton(self.tr("Reject"), self)
        self.reject_button.setAccessibleName(self.tr("Reject the call"))
        self.no_task_label = QLabel(
            self.tr("No task to attribute this call to: calls belong to a customer task."), self
        )
        self.no_task_label.setWordWrap(True)
        self.no_task_label.setVisible(not tasks)

        shortcuts.give_shortcut(self.answer_button, shortcuts.ANSWER, self.tr("Answer the call"))
        shortcuts.give_shortcut(self.reject_button, shortcuts.REJECT, self.tr("Reject the call"))
        form = QFormLayout()
        form.addRow(self.tr("For task:"), self.task_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        buttons.addWidget(self.answer_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caller_label)
        layout.addWidget(self.name_label)
        layout.addLayout(form)
        layout.addWidget(self.no_task_label)
        layout.addLayout(buttons)
        self.answer_button.clicked.connect(self._answer)
        self.reject_button.clicked.connect(self._decline)

    def task_id(self) -> str | None:
        data = self.task_box.currentData()
        return str(data) if data is not None else None

    def reject(self) -> None:
        """Escape or the window's close button: the call is rejected."""
        self._decline()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self._decline()
        event.accept()

    def answer_call(self) -> None:
        """Answer for the task picked here (also the headset's answer key)."""
        self._answer()

    def decline_call(self) -> None:
        self._decline()

    def _answer(self) -> None:
        task_id = self.task_id()
        if self._done or task_id is None:
            return
        self._done = True
        self.answered.emit(task_id)
        self.done(QDialog.DialogCode.Accepted)

    def _decline(self) -> None:
        if self._done:
            return
        self._done = True
        self.declined.emit()
        self.done(QDialog.DialogCode.Rejected)
