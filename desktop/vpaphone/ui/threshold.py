"""Help when a task nears or passes the included phone share (25 %), and the sales notice.

The banner offers the one-click actions RULES.md asks for: switch the task's telephony area,
tell the customer ("Telefonfaktor DE/EU" with budget × factor filled in) and tell the admin team.
Dialogs open non-modally (`open()`), so that the window and the tests keep running.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vpaphone.app.requests import RequestService
from vpaphone.app.session import SessionService
from vpaphone.app.tasks import ShareAlert, TaskService
from vpaphone.core.messages import telephony_factor_message
from vpaphone.core.model import Task, TelephonyArea
from vpaphone.core.rules import Billing, Language
from vpaphone.core.share import ShareLevel
from vpaphone.myvpa.models import AdminRequestKind
from vpaphone.ui.gauge import percent_text
from vpaphone.ui.widgets.plain import plain
from vpaphone.ui.widgets.uilang import ui_language


def message_area(tasks: TaskService, session: SessionService, task: Task) -> TelephonyArea:
    """The factor area the customer message names: the task's own, else the recommended one."""
    rule = session.rules.area(task.area)
    if rule.billing is Billing.FACTOR:
        return task.area
    return tasks.recommendation(task).area


class TelefonfaktorDialog(QDialog):
    """The "Telefonfaktor DE/EU" task-chat text: copy it, or post it to the task chat."""

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
        self.setWindowTitle(self.tr("Message to the customer: %1").replace("%1", self.template))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the message"))
        self.language.addItem("Deutsch", Language.DE.value)
        self.language.addItem("English", Language.EN.value)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Message text"))
        self.text.setMinimumSize(520, 300)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.post_button = QPushButton(self.tr("&Post to task chat"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.post_button, QDialogButtonBox.ButtonRole.AcceptRole)
        hint = QLabel(
            self.tr(
                "Raise the task's budget accordingly. The text is sent as you see it; "
                "you can edit it first."
            )
        )
        hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Language:")))
        top.addWidget(self.language)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.language.currentIndexChanged.connect(self._fill)
        self.copy_button.clicked.connect(self.copy)
        self.post_button.clicked.connect(self.post)
        buttons.rejected.connect(self.reject)
        self._fill()

    def _fill(self) -> None:
        language = Language(str(self.language.currentData()))
        message = telephony_factor_message(
            self._task, self._tasks.share(self._task), self.area, self._session.rules, language
        )
        self.text.setPlainText(message.text)

    def copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.text.toPlainText())

    def post(self) -> None:
        language = Language(str(self.language.currentData()))
        self._requests.post_to_chat(self._task.id, self.template, language, self.text.toPlainText())
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


class ThresholdBanner(QFrame):
    """Shown while the active task (phone time included in the rate) is nearing or over 25 %."""

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
        buttons = QHBoxLayout()
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
        percent = percent_text(None if state.share is None else float(state.share))
        if level is ShareLevel.OVER:
            text = self.tr(
                "“%1” is over the included phone share: %2 of the working time on the phone, "
                "25 % are included. The customer now pays phone costs: pick a telephony area, "
                "tell the customer and the admin team."
            )
            self.setStyleSheet("#thresholdBanner { background: #fdecea; }")
        else:
            text = self.tr(
                "“%1” is nearing the included phone share: %2 of the working time on the phone, "
                "25 % are included. Phoning more than planned? Pick a telephony area now."
            )
            self.setStyleSheet("#thresholdBanner { background: #fff4e5; }")
        self.text.setText(text.replace("%1", task.title).replace("%2", percent))
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
        if level is ShareLevel.OVER:
            text = self.tr("Over 25 %: pick a telephony area and tell the customer.")
        else:
            text = self.tr("Nearing 25 % of the working time on the phone.")
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
            task.id, recommendation.area, lambda: self.area_button.setEnabled(True)
        )

    def prepare_message(self) -> None:
        task = self._tasks.active_task
        if task is None:
            return
        self.dialog = TelefonfaktorDialog(
            self._session, self._tasks, self._requests, task, self.window()
        )
        self.dialog.open()

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
        self.dialog.open()
