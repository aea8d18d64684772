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
from vpaphone.core.formatting import format_duration
from vpaphone.core.model import Task
from vpaphone.core.rules import Billing
from vpaphone.myvpa.models import AdminRequestKind
from vpaphone.ui.gauge import ShareGauge, percent_text
from vpaphone.ui.requests import AdminNoteDialog, QuoteRequestDialog, TelefonfaktorDialog
from vpaphone.ui.widgets.plain import plain
from vpaphone.ui.widgets.task_area import AreaChooser
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
        self._build()
        self._lay_out()
        self.search.textChanged.connect(self._fill)
        self.picker.activated.connect(self._picked)
        self.area.area_changed.connect(self._open_message)
        self.area.quote_wanted.connect(self.ask_for_quote)
        self.message_button.clicked.connect(self.prepare_message)
        self.project_button.clicked.connect(self.tell_about_project)
        self.work_button.clicked.connect(self._toggle_work)
        tasks.tasks_changed.connect(self._fill)
        tasks.active_task_changed.connect(self._fill)
        tasks.tick.connect(self.refresh)
        tasks.work_changed.connect(self.refresh)
        tasks.work_changed.connect(self.work_note.hide)
        tasks.work_paused.connect(self._work_paused)
        self._fill()

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search tasks (title, customer, ID)"))
        self.search.setAccessibleName(self.tr("Search tasks"))
        self.search.setClearButtonEnabled(True)
        self.picker = QComboBox()
        self.picker.setAccessibleName(self.tr("Active task"))
        self.picker.setMinimumContentsLength(30)
        self.customer = QLabel()
        self.area = AreaChooser(self._tasks, self._session, self._requests)
        # its parts, as the tests know them
        self.area_box, self.recommended = self.area.area_box, self.area.recommended
        self.calls_kind, self.budget = self.area.calls_kind, self.area.budget
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
        self.work_note = QLabel()
        self.work_note.setWordWrap(True)
        self.work_note.setAccessibleName(self.tr("Work timer note"))
        self.work_note.hide()
        plain(self.customer, self.share_text, self.work_note)  # names from my-vpa: never markup

    def _lay_out(self) -> None:
        customer = self._customer_form = QFormLayout()
        customer.addRow(self.tr("Customer:"), self.customer)
        times = self._times_form = QFormLayout()
        times.addRow(self.tr("Working time:"), self.working)
        times.addRow(self.tr("Phone time:"), self.phone)
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
        layout.addLayout(customer)
        layout.addWidget(self.area)
        layout.addLayout(times)
        layout.addWidget(self.gauge)
        layout.addWidget(self.share_text)
        layout.addLayout(actions)
        layout.addLayout(timer)
        layout.addWidget(self.work_note)

    def set_compact(self, compact: bool) -> None:
        """The essentials only: which task, its share, the work timer."""
        self.picker.setMinimumContentsLength(12 if compact else 30)
        for part in (self.search, self.area, self.message_button, self.project_button):
            part.setVisible(not compact)
        for form in (self._customer_form, self._times_form):
            for row in range(form.rowCount()):
                form.setRowVisible(row, not compact)

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
        self.area.fill()
        self.refresh()

    def _picked(self, index: int) -> None:
        task_id = self.picker.itemData(index)
        self._tasks.select(task_id if isinstance(task_id, str) else None)

    def select_filtered(self) -> None:
        """Enter in the search field: take the first task the search matches (the active task
        stays in the list while searching, but is taken only when it matches too)."""
        query = self.search.text().strip().casefold()
        for index in range(self.picker.count()):
            task = self._tasks.task(self.picker.itemData(index))
            if task is not None and query in f"{task.title} {task.customer} {task.id}".casefold():
                self._picked(index)
                self.search.clear()
                return

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

    def _work_paused(self, task: Task) -> None:
        self.work_note.setText(
            self.tr("The work timer of “%1” was stopped: you switched tasks.").replace(
                "%1", task.title
            )
        )
        self.work_note.show()

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
        for widget in (self.work_button, self.gauge, self.project_button):
            widget.setEnabled(task is not None)
        self.area.show_task(task)
        running = self._tasks.work_running
        self.work_button.setChecked(running)
        self.work_button.setText(self.tr("Stop &work") if running else self.tr("Start &work"))
        self.work_clock.setText(_clock(self._tasks.work_seconds() if running else 0))
        if task is None:
            for label in (self.customer, self.working, self.phone, self.share_text):
                label.setText("–")
            self.message_button.setEnabled(False)
            self.gauge.set_share(None, self.gauge.level)
            return
        self.customer.setText(task.customer)
        rule = self._session.rules.area(task.area)
        needs_quote = self._tasks.recommendation(task).needs_quote
        self.message_button.setEnabled(rule.billing is Billing.FACTOR or not needs_quote)
        self._show_share(task)

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
