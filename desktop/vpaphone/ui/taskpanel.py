"""The active task: picker with search, customer, area + factor, times, gauge, work timer."""

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

from vpaphone.app.session import SessionService
from vpaphone.app.tasks import TaskService
from vpaphone.core.formatting import format_duration, format_factor
from vpaphone.core.model import Task
from vpaphone.core.rules import Billing
from vpaphone.ui.gauge import ShareGauge, percent_text
from vpaphone.ui.widgets.plain import plain
from vpaphone.ui.widgets.uilang import ui_language


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


class TaskPanel(QGroupBox):
    def __init__(
        self, tasks: TaskService, session: SessionService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Active task"))
        self._tasks = tasks
        self._session = session
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search tasks (title, customer, ID)"))
        self.search.setAccessibleName(self.tr("Search tasks"))
        self.search.setClearButtonEnabled(True)
        self.picker = QComboBox()
        self.picker.setAccessibleName(self.tr("Active task"))
        self.picker.setMinimumContentsLength(30)
        self.customer = QLabel()
        self.area = QLabel()
        self.area.setWordWrap(True)
        self.working = QLabel()
        self.phone = QLabel()
        self.gauge = ShareGauge()
        self.share_text = QLabel()
        self.share_text.setWordWrap(True)
        plain(self.customer, self.area, self.share_text)  # names and labels from my-vpa
        self.work_button = QPushButton()
        self.work_button.setCheckable(True)
        self.work_clock = QLabel("0:00:00")
        self.work_clock.setAccessibleName(self.tr("Work timer"))

        form = QFormLayout()
        form.addRow(self.tr("Customer:"), self.customer)
        form.addRow(self.tr("Telephony area:"), self.area)
        form.addRow(self.tr("Working time:"), self.working)
        form.addRow(self.tr("Phone time:"), self.phone)
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
        layout.addLayout(timer)

        self.search.textChanged.connect(self._fill)
        self.picker.activated.connect(self._picked)
        self.work_button.clicked.connect(self._toggle_work)
        tasks.tasks_changed.connect(self._fill)
        tasks.active_task_changed.connect(self._fill)
        tasks.tick.connect(self.refresh)
        tasks.work_changed.connect(self.refresh)
        self._fill()

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
        self.refresh()

    def _picked(self, index: int) -> None:
        task_id = self.picker.itemData(index)
        self._tasks.select(task_id if isinstance(task_id, str) else None)

    def select_filtered(self) -> None:
        """Enter in the search field: take the first match."""
        for index in range(self.picker.count()):
            if isinstance(self.picker.itemData(index), str):
                self._picked(index)
                return

    def _toggle_work(self) -> None:
        if self._tasks.work_running:
            self._tasks.stop_work()
        else:
            self._tasks.start_work()
        self.refresh()

    def refresh(self, *_: object) -> None:
        task = self._tasks.active_task
        lang = ui_language()
        rules = self._session.rules
        self.gauge.set_levels(float(rules.included_share), float(rules.nearing_share))
        for widget in (self.work_button, self.gauge):
            widget.setEnabled(task is not None)
        running = self._tasks.work_running
        self.work_button.setChecked(running)
        self.work_button.setText(self.tr("Stop &work") if running else self.tr("Start &work"))
        self.work_clock.setText(_clock(self._tasks.work_seconds() if running else 0))
        if task is None:
            for label in (self.customer, self.area, self.working, self.phone, self.share_text):
                label.setText("–")
            self.gauge.set_share(None, self.gauge.level)
            return
        rule = rules.area(task.area)
        if rule.billing is Billing.FACTOR and rule.factor is not None:
            area = self.tr("%1 · factor %2").replace("%1", rule.label(lang))
            area = area.replace("%2", format_factor(rule.factor, lang))
        elif rule.billing is Billing.QUOTE:
            area = self.tr("%1 · agreed with the admin team").replace("%1", rule.label(lang))
        else:
            area = self.tr("%1 · phone time included up to 25 %").replace("%1", rule.label(lang))
        self.customer.setText(task.customer)
        self.area.setText(area)
        state = self._tasks.share(task)
        self.working.setText(format_duration(state.working_seconds, lang))
        self.phone.setText(format_duration(state.phone_seconds, lang))
        share = None if state.share is None else float(state.share)
        self.gauge.set_share(share, state.level)
        if share is None:
            self.share_text.setText(self.tr("No working time recorded yet."))
        else:
            remaining = format_duration(state.remaining_included_seconds, lang)
            text = self.tr(
                "%1 of the working time on the phone; %2 left within the included share."
            )
            self.share_text.setText(
                text.replace("%1", percent_text(share)).replace("%2", remaining)
            )
