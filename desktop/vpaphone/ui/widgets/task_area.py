"""The telephony area of the active task, chosen here (sent to my-vpa): the area, the one
recommended and why, the kind of calls (back office or sales) and the budget × factor."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from vpaphone.app.requests import RequestService
from vpaphone.app.session import SessionService
from vpaphone.app.tasks import TaskService
from vpaphone.core.budget import area_budget
from vpaphone.core.formatting import format_factor, format_minutes
from vpaphone.core.model import Role, Task, TelephonyArea
from vpaphone.core.rules import Billing
from vpaphone.texts.tasks import recommendation_text
from vpaphone.ui.gauge import percent_text
from vpaphone.ui.widgets.plain import plain
from vpaphone.ui.widgets.uilang import ui_language


class AreaChooser(QWidget):
    area_changed = Signal(Task)  # my-vpa took the new area: time to tell the customer
    quote_wanted = Signal()  # "Individual quote" picked: only the admin team can agree one

    def __init__(
        self,
        tasks: TaskService,
        session: SessionService,
        requests: RequestService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._session = session
        self._requests = requests
        self.area_box = QComboBox()
        self.area_box.setAccessibleName(self.tr("Telephony area of the task"))
        self.recommended = QLabel()
        self.recommended.setWordWrap(True)
        self.calls_kind = QComboBox()
        self.calls_kind.setAccessibleName(self.tr("Kind of calls for this task"))
        self.calls_kind.addItem(self.tr("Back-office calls"), Role.BACKOFFICE.value)
        self.calls_kind.addItem(self.tr("Sales calls"), Role.SALES.value)
        self.budget = QLabel()
        self.budget.setAccessibleName(self.tr("Budget"))
        plain(self.recommended, self.budget)  # area labels come from my-vpa's rule data
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Telephony area:"), self.area_box)
        form.addRow("", self.recommended)
        form.addRow(self.tr("Calls:"), self.calls_kind)
        form.addRow(self.tr("Budget:"), self.budget)
        self.area_box.activated.connect(self._area_picked)
        self.calls_kind.activated.connect(self._kind_picked)

    def fill(self) -> None:
        """The areas the rule data knows, the active task's one current."""
        rules, lang = self._session.rules, ui_language()
        self.area_box.blockSignals(True)
        self.area_box.clear()
        for area in TelephonyArea:
            rule = rules.area(area)
            if rule.billing is Billing.FACTOR and rule.factor is not None:
                text = self.tr("%1 · factor %2").replace("%1", rule.label(lang))
                text = text.replace("%2", format_factor(rule.factor, lang))
            elif rule.billing is Billing.QUOTE:
                text = self.tr("%1 · agreed with the admin team").replace("%1", rule.label(lang))
            else:
                text = self.tr("%1 · phone time included up to %2").replace("%1", rule.label(lang))
                text = text.replace("%2", percent_text(rules.included_share))
            self.area_box.addItem(text, area.value)
        task = self._tasks.active_task
        if task is not None:
            self.area_box.setCurrentIndex(self.area_box.findData(task.area.value))
        self.area_box.blockSignals(False)

    def show_task(self, task: Task | None) -> None:
        for widget in (self.area_box, self.calls_kind):
            widget.setEnabled(task is not None)
        if task is None:
            self.budget.setText("–")
            self.recommended.setText("")
            return
        rules, lang = self._session.rules, ui_language()
        rule = rules.area(task.area)
        self.recommended.setText(recommendation_text(self._tasks.recommendation(task), rules))
        self.recommended.setVisible(bool(self.recommended.text()))
        self.calls_kind.setCurrentIndex(self.calls_kind.findData(self._tasks.call_role(task).value))
        self.calls_kind.setEnabled(rule.role is None)  # a factor area says which kind itself
        if task.budget_minutes is None:
            self.budget.setText(self.tr("none set"))
        elif rule.factor is not None and rule.billing is Billing.FACTOR:
            budget = area_budget(task.budget_minutes, rule)
            self.budget.setText(
                self.tr("%1 × %2 = %3")
                .replace("%1", format_minutes(budget.effective_minutes, lang))
                .replace("%2", format_factor(budget.factor, lang))
                .replace("%3", format_minutes(budget.minutes, lang))
            )
        else:
            self.budget.setText(format_minutes(task.budget_minutes, lang))

    def _area_picked(self, index: int) -> None:
        task = self._tasks.active_task
        if task is None:
            return
        area = TelephonyArea(str(self.area_box.itemData(index)))
        if area is task.area:
            return
        if area is TelephonyArea.INDIVIDUAL_QUOTE and not task.individual_quote:
            self.fill()  # only the admin team agrees a quote: ask for one
            self.quote_wanted.emit()
            return
        self.area_box.setEnabled(False)

        def done(ok: bool) -> None:
            self.area_box.setEnabled(True)
            self.fill()
            changed = self._tasks.task(task.id)
            if ok and changed is not None and self._session.rules.area(area).template:
                self.area_changed.emit(changed)  # RULES.md 10: tell the customer right away

        self._requests.set_task_area(task.id, area, done)

    def _kind_picked(self, index: int) -> None:
        task = self._tasks.active_task
        if task is not None:
            self._tasks.set_call_role(task.id, Role(str(self.calls_kind.itemData(index))))
