"""What the VPA sends my-vpa from the task panel, the banner and the dialer: the "Telefonfaktor"
message for the customer (with the budget raised where my-vpa allows it) and notes to the admin
team. Every dialog is non-modal (`show()`): hang-up and the call controls stay reachable."""

from __future__ import annotations

import math

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vpaphone.app.requests import RequestService
from vpaphone.app.session import SessionService
from vpaphone.app.tasks import TaskService
from vpaphone.core.budget import area_budget
from vpaphone.core.formatting import format_minutes
from vpaphone.core.messages import telephony_factor_message
from vpaphone.core.model import Task, TelephonyArea
from vpaphone.core.rules import Billing, Language
from vpaphone.myvpa.models import AdminRequestKind
from vpaphone.ui.widgets.uilang import ui_language


def message_area(tasks: TaskService, session: SessionService, task: Task) -> TelephonyArea:
    """The factor area the customer message names: the task's own, else the recommended one."""
    rule = session.rules.area(task.area)
    if rule.billing is Billing.FACTOR:
        return task.area
    return tasks.recommendation(task).area


def raised_budget_minutes(session: SessionService, task: Task, area: TelephonyArea) -> int | None:
    """The budget after the Telefonfaktor conversion, in whole minutes (rounded up, so it is
    never less), when my-vpa lets the VPA raise it from here; else None."""
    rule = session.rules.area(area)
    if not task.budget_raisable or task.budget_minutes is None or rule.factor is None:
        return None
    return math.ceil(area_budget(task.budget_minutes, rule).minutes)


class TelefonfaktorDialog(QDialog):
    """The "Telefonfaktor DE/EU" task-chat text: copy it, or post it to the task chat — and,
    where my-vpa allows it, raise the task's budget with the same click."""

    def __init__(
        self,
        session: SessionService,
        tasks: TaskService,
        requests: RequestService,
        task: Task,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._requests = requests
        self._task = task
        self.area = message_area(tasks, session, task)
        self.template = session.rules.area(self.area).template or ""
        self.raise_to = raised_budget_minutes(session, task, self.area)
        self.setWindowTitle(self.tr("Message to the customer: %1").replace("%1", self.template))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the message"))
        self.language.addItem("Deutsch", Language.DE.value)
        self.language.addItem("English", Language.EN.value)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Message text"))
        self.text.setMinimumSize(480, 260)
        self.raise_budget = QCheckBox()
        self.raise_budget.setVisible(self.raise_to is not None)
        self.raise_budget.setChecked(self.raise_to is not None)
        if self.raise_to is not None:
            self.raise_budget.setText(
                self.tr("Raise the task's budget on my-vpa to %1").replace(
                    "%1", format_minutes(self.raise_to, ui_language())
                )
            )
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.post_button = QPushButton(self.tr("&Post to task chat"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.post_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Language:")))
        top.addWidget(self.language)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text)
        layout.addWidget(self.raise_budget)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.language.currentIndexChanged.connect(self._fill)
        self.raise_budget.toggled.connect(self._fill)
        self.copy_button.clicked.connect(self.copy)
        self.post_button.clicked.connect(self.post)
        buttons.rejected.connect(self.reject)
        self._fill()

    def _raising(self) -> bool:
        return self.raise_to is not None and self.raise_budget.isChecked()

    def _fill(self) -> None:
        language = Language(str(self.language.currentData()))
        message = telephony_factor_message(
            self._task,
            self._tasks.share(self._task),
            self.area,
            self._session.rules,
            language,
            budget_raised=self._raising(),
        )
        self.text.setPlainText(message.text)
        if self._raising() or self._task.budget_minutes is None:
            hint = self.tr("The text is sent as you see it; you can edit it first.")
        else:
            hint = self.tr(
                "Raise the task's budget in my-vpa as the message says. The text is sent as "
                "you see it; you can edit it first."
            )
        self.hint.setText(hint)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())

    def post(self) -> None:
        language = Language(str(self.language.currentData()))
        self._requests.post_to_chat(
            self._task.id,
            self.template,
            language,
            self.text.toPlainText(),
            raise_budget_to=self.raise_to if self._raising() else None,
        )
        self.accept()


class AdminNoteDialog(QDialog):
    """A note to the admin team, shown before it is sent (the VPA may add to it)."""

    def __init__(
        self,
        requests: RequestService,
        kind: AdminRequestKind,
        task: Task,
        text: str,
        *,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._requests = requests
        self._kind = kind
        self._task = task
        self.setWindowTitle(title)
        self.text = QPlainTextEdit(text)
        self.text.setAccessibleName(self.tr("Note to the admin team"))
        self.text.setMinimumSize(460, 160)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = QPushButton(self.tr("&Send to the admin team"))
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.send_button.clicked.connect(self.send)
        buttons.rejected.connect(self.reject)

    def send(self) -> None:
        self._requests.tell_admin_team(self._kind, self.text.toPlainText(), self._task.id)
        self.accept()


class QuoteRequestDialog(AdminNoteDialog):
    """RULES.md, outside the EU: ask the admin team for an individual quote — the task, the
    countries (of this number and earlier blocked attempts) and the phone time expected."""

    def __init__(
        self,
        tasks: TaskService,
        requests: RequestService,
        task: Task,
        regions: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            requests,
            AdminRequestKind.INDIVIDUAL_QUOTE,
            task,
            requests.quote_request_text(task, regions, None),
            title=self.tr("Ask for an individual quote"),
            parent=parent,
        )
        self._regions = regions
        self._task = task
        self.expected = QSpinBox()
        self.expected.setAccessibleName(self.tr("Expected phone time in minutes"))
        self.expected.setRange(0, 100_000)
        self.expected.setSingleStep(15)
        self.expected.setSpecialValueText(self.tr("not known yet"))
        self.expected.setSuffix(self.tr(" min"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Expected phone time:")))
        row.addWidget(self.expected)
        row.addStretch(1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(0, row)
        self.expected.valueChanged.connect(self._fill)

    def _fill(self, minutes: int) -> None:
        self.text.setPlainText(
            self._requests.quote_request_text(self._task, self._regions, minutes or None)
        )
