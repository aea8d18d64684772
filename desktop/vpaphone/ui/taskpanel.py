"""The active task: picker with search, customer, telephony area (chosen here, with the
recommended one and why), kind of calls, budget × factor, times, gauge, the customer message,
the admin team, and the work timer."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vpaphone.app.requests import RequestService
from vpaphone.app.session import SessionService
from vpaphone.app.tasks import TaskService
from vpaphone.core.admin_notes import bigger_project_note
from vpaphone.core.budget import area_budget
from vpaphone.core.formatting import format_duration, format_factor, format_minutes
from vpaphone.core.model import Role, Task, TelephonyArea
from vpaphone.core.rules import Billing
from vpaphone.myvpa.models import AdminRequestKind
from vpaphone.texts.tasks import recommendation_text
from vpaphone.ui.gauge import ShareGauge, percent_text
from vpaphone.ui.requests import AdminNoteDialog, QuoteRequestDialog, TelefonfaktorDialog
from vpaphone.ui.widgets.uilang import ui_language


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


class TaskPanel(QGroupBox):
    def __init__(
        self,
        tasks: TaskService,
        session: SessionService,
        requests: RequestService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Active task"))
        self._tasks = tasks
        self._session = session
        self._requests = requests
        self.dialog: QWidget | None = None  # the last dialog opened here (tests look at it)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search tasks (title, customer, ID)"))
        self.search.setAccessibleName(self.tr("Search tasks"))
        self.search.setClearButtonEnabled(True)
        self.picker = QComboBox()
        self.picker.setAccessibleName(self.tr("Active task"))
        self.picker.setMinimumContentsLength(30)
        self.customer = QLabel()
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
        self.working = QLabel()
        self.phone = QLabel()
        self.gauge = ShareGauge()
        self.share_text = QLabel()
        self.share_text.setWordWrap(True)
        self.message_button = QPushButton(self.tr("Customer &message…"))
        self.message_button.setToolTip(self.tr("The “Telefonfaktor” message for the task chat"))
        self.project_button = QPushButton(self.tr("Phone &project…"))
        self.project_button.setToolTip(
            self.tr("Tell the admin team about a bigger phone project (answering machine, …)")
        )
        self.work_button = QPushButton()
        self.work_button.setCheckable(True)
        self.work_clock = QLabel("0:00:00")
        self.work_clock.setAccessibleName(self.tr("Work timer"))
        self._lay_out()
        self.search.textChanged.connect(self._fill)
        self.picker.activated.connect(self._picked)
        self.area_box.activated.connect(self._area_picked)
        self.calls_kind.activated.connect(self._kind_picked)
        self.message_button.clicked.connect(self.prepare_message)
        self.project_button.clicked.connect(self.tell_about_project)
        self.work_button.clicked.connect(self._toggle_work)
        tasks.tasks_changed.connect(self._fill)
        tasks.active_task_changed.connect(self._fill)
        tasks.tick.connect(self.refresh)
        tasks.work_changed.connect(self.refresh)
        self._fill()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Customer:"), self.customer)
        form.addRow(self.tr("Telephony area:"), self.area_box)
        form.addRow("", self.recommended)
        form.addRow(self.tr("Calls:"), self.calls_kind)
        form.addRow(self.tr("Budget:"), self.budget)
        form.addRow(self.tr("Working time:"), self.working)
        form.addRow(self.tr("Phone time:"), self.phone)
        actions = QHBoxLayout()
        actions.addWidget(self.message_button)
        actions.addWidget(self.project_button)
        actions.addStretch(1)
        timer = QHBoxLayout()
        timer.addWidget(self.work_button)
        timer.addWidget(self.work_clock)
        timer.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.picker)
        layout.addLayout(form)
        layout.addWidget(self.gauge)
        layout.addWidget(self.share_text)
        layout.addLayout(actions)
        layout.addLayout(timer)

    def _label(self, task: Task) -> str:
        return f"{task.title} — {task.customer} ({task.id})"

    def _fill(self) -> None:
        query = self.search.text().strip().casefold()
        active = self._tasks.active_task
        shown = [
            t
            for t in self._tasks.tasks
            if not query
            or query in f"{t.title} {t.customer} {t.id}".casefold()
            or (active is not None and t.id == active.id)
        ]
        self.picker.blockSignals(True)
        self.picker.clear()
        if active is None:
            self.picker.addItem(self.tr("— pick the task you work on —"), None)
        for task in shown:
            self.picker.addItem(self._label(task), task.id)
        index = self.picker.findData(active.id) if active is not None else 0
        self.picker.setCurrentIndex(max(index, 0))
        self.picker.blockSignals(False)
        if query and len(shown) == 1 and active is None:
            self.picker.setCurrentIndex(1)
        self._fill_areas()
        self.refresh()

    def _fill_areas(self) -> None:
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

    def _picked(self, index: int) -> None:
        task_id = self.picker.itemData(index)
        self._tasks.select(task_id if isinstance(task_id, str) else None)

    def select_filtered(self) -> None:
        """Enter in the search field: take the first match."""
        for index in range(self.picker.count()):
            if isinstance(self.picker.itemData(index), str):
                self._picked(index)
                return

    # --- the telephony area --------------------------------------------------------------------

    def _area_picked(self, index: int) -> None:
        task = self._tasks.active_task
        if task is None:
            return
        area = TelephonyArea(str(self.area_box.itemData(index)))
        if area is task.area:
            return
        if area is TelephonyArea.INDIVIDUAL_QUOTE and not task.individual_quote:
            self._fill_areas()  # only the admin team agrees a quote: ask for one
            self.ask_for_quote()
            return
        self.area_box.setEnabled(False)

        def done(ok: bool) -> None:
            self.area_box.setEnabled(True)
            self._fill_areas()
            changed = self._tasks.task(task.id)
            if ok and changed is not None and self._session.rules.area(area).template:
                self._open_message(changed)  # RULES.md 10: tell the customer right away

        self._requests.set_task_area(task.id, area, done)

    def _kind_picked(self, index: int) -> None:
        task = self._tasks.active_task
        if task is not None:
            self._tasks.set_call_role(task.id, Role(str(self.calls_kind.itemData(index))))

    # --- actions -------------------------------------------------------------------------------

    def prepare_message(self) -> None:
        task = self._tasks.active_task
        if task is not None:
            self._open_message(task)

    def _open_message(self, task: Task) -> None:
        dialog = TelefonfaktorDialog(
            self._session, self._tasks, self._requests, task, self.window()
        )
        self._show(dialog)

    def ask_for_quote(self, regions: tuple[str, ...] = ()) -> None:
        task = self._tasks.active_task
        if task is not None:
            self._show(
                QuoteRequestDialog(self._tasks, self._requests, task, regions, self.window())
            )

    def tell_about_project(self) -> None:
        task = self._tasks.active_task
        if task is None:
            return
        dialog = AdminNoteDialog(
            self._requests,
            AdminRequestKind.BIGGER_PROJECT,
            task,
            bigger_project_note(task, "", ui_language()),
            title=self.tr("A bigger phone project"),
            parent=self.window(),
        )
        self._show(dialog)

    def _show(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.show()

    def _toggle_work(self) -> None:
        if self._tasks.work_running:
            self._tasks.stop_work()
        else:
            self._tasks.start_work()
        self.refresh()

    # --- figures -------------------------------------------------------------------------------

    def refresh(self, *_: object) -> None:
        task = self._tasks.active_task
        rules = self._session.rules
        self.gauge.set_levels(rules.included_share, rules.nearing_share)
        for widget in (
            self.work_button,
            self.gauge,
            self.area_box,
            self.calls_kind,
            self.project_button,
        ):
            widget.setEnabled(task is not None)
        running = self._tasks.work_running
        self.work_button.setChecked(running)
        self.work_button.setText(self.tr("Stop &work") if running else self.tr("Start &work"))
        self.work_clock.setText(_clock(self._tasks.work_seconds() if running else 0))
        if task is None:
            for label in (self.customer, self.budget, self.working, self.phone, self.share_text):
                label.setText("–")
            self.recommended.setText("")
            self.message_button.setEnabled(False)
            self.gauge.set_share(None, self.gauge.level)
            return
        self.customer.setText(task.customer)
        self._show_area(task)
        self._show_share(task)

    def _show_area(self, task: Task) -> None:
        rules, lang = self._session.rules, ui_language()
        rule = rules.area(task.area)
        recommendation = self._tasks.recommendation(task)
        self.recommended.setText(recommendation_text(recommendation, rules))
        self.recommended.setVisible(bool(self.recommended.text()))
        self.calls_kind.setCurrentIndex(self.calls_kind.findData(self._tasks.call_role(task).value))
        self.calls_kind.setEnabled(rule.role is None)  # a factor area says which kind itself
        has_message = rule.billing is Billing.FACTOR or not recommendation.needs_quote
        self.message_button.setEnabled(has_message)
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

    def _show_share(self, task: Task) -> None:
        lang = ui_language()
        state = self._tasks.share(task)
        paid = self._session.rules.area(task.area).billing is not Billing.INCLUDED
        self.working.setText(format_duration(state.working_seconds, lang))
        self.phone.setText(format_duration(state.phone_seconds, lang))
        self.gauge.set_share(state.share, state.level, paid=paid)
        if state.share is None:
            self.share_text.setText(self.tr("No working time recorded yet."))
        elif paid:  # the customer pays phone time: a cost, not a limit
            self.share_text.setText(
                self.tr(
                    "%1 of the working time on the phone; the customer pays phone time."
                ).replace("%1", percent_text(state.share))
            )
        else:
            text = self.tr("%1 of the working time on the phone; %2 left within the included %3.")
            self.share_text.setText(
                text.replace("%1", percent_text(state.share))
                .replace("%2", format_duration(state.remaining_included_seconds, lang))
                .replace("%3", percent_text(self._session.rules.included_share))
            )
