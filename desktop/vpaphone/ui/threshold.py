"""Help when a task nears or passes the included phone share (25 %: rule data), and the sales
notice.

The banner offers the one-click actions RULES.md asks for: switch the task's telephony area,
tell the customer ("Telefonfaktor DE/EU" with budget × factor filled in) and tell the admin team.
Its dialogs (`ui.requests`) are non-modal: hang-up and the call controls stay reachable.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vpaphone.app.requests import RequestService
from vpaphone.app.session import SessionService
from vpaphone.app.tasks import ShareAlert, TaskService
from vpaphone.core.model import Task
from vpaphone.core.rules import Billing
from vpaphone.core.share import ShareLevel
from vpaphone.myvpa.models import AdminRequestKind
from vpaphone.texts.translate import fill
from vpaphone.ui.gauge import percent_text
from vpaphone.ui.requests import AdminNoteDialog, TelefonfaktorDialog
from vpaphone.ui.widgets.plain import plain
from vpaphone.ui.widgets.uilang import ui_language


class ThresholdBanner(QFrame):
    """Shown while the active task (phone time included in the rate) is nearing or over the
    included share."""

    notification_requested = Signal(str, str)  # title, text: the tray shows it on the desktop

    def __init__(
        self,
        session: SessionService,
        tasks: TaskService,
        requests: RequestService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._requests = requests
        self._dismissed: tuple[str, ShareLevel] | None = None
        self.dialog: QDialog | None = None  # the last dialog an action opened
        self.setObjectName("thresholdBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel()
        plain(self.text)  # the task's title comes from my-vpa
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Phone share warning"))
        self.video_hint = QLabel(
            self.tr(
                "Tip: a video call (task chat, Teams, Zoom, Meet) is cheaper for the customer "
                "and better for the relation."
            )
        )
        self.video_hint.setWordWrap(True)
        self.area_button = QPushButton()
        self.message_button = QPushButton(self.tr("Prepare customer &message…"))
        self.admin_button = QPushButton(self.tr("Tell the &admin team…"))
        self.later_button = QPushButton(self.tr("Later"))
        buttons = self._buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        for button in (self.area_button, self.message_button, self.admin_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.video_hint)
        layout.addLayout(buttons)
        self.area_button.clicked.connect(self.change_area)
        self.message_button.clicked.connect(self.prepare_message)
        self.admin_button.clicked.connect(self.tell_admin_team)
        self.later_button.clicked.connect(self._dismiss)
        tasks.tick.connect(self.refresh)
        tasks.active_task_changed.connect(self.refresh)
        tasks.share_level_reached.connect(self._reached)
        self.hide()

    def set_compact(self, compact: bool) -> None:
        """A narrow window: the actions one below the other."""
        self._buttons.setDirection(
            QBoxLayout.Direction.TopToBottom if compact else QBoxLayout.Direction.LeftToRight
        )

    def _task_needing_help(self) -> tuple[Task, ShareLevel] | None:
        task = self._tasks.active_task
        if task is None:
            return None
        if self._session.rules.area(task.area).billing is not Billing.INCLUDED:
            return None  # the customer already pays phone time (factor) or has a quote
        level = self._tasks.share(task).level
        return None if level is ShareLevel.OK else (task, level)

    def refresh(self) -> None:
        found = self._task_needing_help()
        if found is None or self._dismissed == (found[0].id, found[1]):
            self.hide()
            return
        task, level = found
        state = self._tasks.share(task)
        percent = percent_text(state.share)
        if level is ShareLevel.OVER:
            text = self.tr(
                "“%1” is over the included phone share: %2 of the working time on the phone, "
                "%3 are included. The customer now pays phone costs: pick a telephony area, "
                "tell the customer and the admin team."
            )
            self.setStyleSheet("#thresholdBanner { background: #fdecea; }")
        else:
            text = self.tr(
                "“%1” is nearing the included phone share: %2 of the working time on the phone, "
                "%3 are included. Phoning more than planned? Pick a telephony area now."
            )
            self.setStyleSheet("#thresholdBanner { background: #fff4e5; }")
        included = percent_text(self._session.rules.included_share)
        self.text.setText(fill(text, task.title, percent, included))
        recommendation = self._tasks.recommendation(task)
        if recommendation.needs_quote:
            self.area_button.setText(self.tr("Ask for an individual &quote…"))
        else:
            label = self._session.rules.area(recommendation.area).label(ui_language())
            self.area_button.setText(self.tr("Switch to “%1”").replace("%1", label))
        self.show()

    def _dismiss(self) -> None:
        found = self._task_needing_help()
        if found is not None:
            self._dismissed = (found[0].id, found[1])
        self.hide()

    def _reached(self, alert: ShareAlert) -> None:
        task = alert.task
        if self._session.rules.area(task.area).billing is not Billing.INCLUDED:
            return
        level = alert.state.level
        title = self.tr("Phone share: %1").replace("%1", task.title)
        included = percent_text(self._session.rules.included_share)
        if level is ShareLevel.OVER:
            text = self.tr("Over %1: pick a telephony area and tell the customer.")
        else:
            text = self.tr("Nearing %1 of the working time on the phone.")
        text = fill(text, included)
        self.notification_requested.emit(title, text)
        self.refresh()

    # --- actions -------------------------------------------------------------------------------

    def change_area(self) -> None:
        task = self._tasks.active_task
        if task is None:
            return
        recommendation = self._tasks.recommendation(task)
        if recommendation.needs_quote:
            self._admin_dialog(
                AdminRequestKind.INDIVIDUAL_QUOTE,
                task,
                self._requests.more_than_planned_text(task),
                self.tr("Ask for an individual quote"),
            )
            return
        self.area_button.setEnabled(False)
        self._requests.set_task_area(
            task.id, recommendation.area, lambda _changed: self.area_button.setEnabled(True)
        )

    def prepare_message(self) -> None:
        task = self._tasks.active_task
        if task is None:
            return
        self.dialog = TelefonfaktorDialog(
            self._session, self._tasks, self._requests, task, self.window()
        )
        self.dialog.show()

    def tell_admin_team(self) -> None:
        task = self._tasks.active_task
        if task is None:
            return
        self._admin_dialog(
            AdminRequestKind.MORE_PHONING,
            task,
            self._requests.more_than_planned_text(task),
            self.tr("Phoning more than planned"),
        )

    def offer_sales_notice(self, task: Task) -> None:
        """Sales (RULES.md 11): the first call on a task offers the notice to the admin team."""
        self._admin_dialog(
            AdminRequestKind.SALES_CALL_NOTICE,
            task,
            self._requests.sales_notice_text(task),
            self.tr("Tell the admin team you phone over our system"),
        )

    def _admin_dialog(self, kind: AdminRequestKind, task: Task, text: str, title: str) -> None:
        self.dialog = AdminNoteDialog(
            self._requests, kind, task, text, title=title, parent=self.window()
        )
        self.dialog.show()
