"""The signed-in page of the main window: connection and caller ID, the active task with its
threshold banner, the phone (dialer or running call) and the call history.

Imported when the VPA signs in (the window shows the sign-in form before this loads).
"""

from __future__ import annotations

import phonenumbers
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from vpaphone.app.phone import READY_STATES
from vpaphone.app.services import AppServices
from vpaphone.core.calls import CallRecord
from vpaphone.myvpa.cache import Snapshot
from vpaphone.myvpa.models import CENTRAL_CALLER_ID
from vpaphone.sip.engine import RegistrationUpdate
from vpaphone.sip.reasons import RegistrationState
from vpaphone.texts.audio import audio_problems_text
from vpaphone.texts.calls import registration_text
from vpaphone.ui.dialer import Confirm
from vpaphone.ui.phonepage import PhonePage
from vpaphone.ui.taskpanel import TaskPanel
from vpaphone.ui.threshold import ThresholdBanner
from vpaphone.ui.tray import TrayState
from vpaphone.ui.widgets.history import HistoryView
from vpaphone.ui.widgets.monitoring import MonitoringNotice
from vpaphone.ui.widgets.plain import plain

CENTRAL_DISPLAY = "+49 221 82829-980"  # as my-vpa writes its central number


def caller_id_text(e164: str) -> str:
    if e164 == CENTRAL_CALLER_ID:
        return CENTRAL_DISPLAY
    try:
        number = phonenumbers.parse(e164)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


class MainPage(QWidget):
    tray_state_changed = Signal(TrayState, str)  # the state, a line of detail
    notification_requested = Signal(str, str)  # title, text: for the desktop (tray)
    message = Signal(str)  # for the status bar
    number_wanted = Signal(str)  # redial from the history

    def __init__(
        self, services: AppServices, confirm: Confirm, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._tasks = services.tasks
        self._phone = services.phone
        self._history = services.history
        self.compact = False
        self.registration = QLabel()
        self.registration.setAccessibleName(self.tr("Phone connection"))
        self.caller_id = QLabel()
        self.caller_id.setAccessibleName(self.tr("Caller ID"))
        self.user_label = QLabel()
        plain(self.user_label, self.caller_id)  # names from my-vpa: never markup
        self.audio_problems = QLabel()
        self.audio_problems.setWordWrap(True)
        self.audio_problems.setStyleSheet("color: #8a4b00;")
        self.audio_problems.hide()
        self.monitoring = MonitoringNotice(services.session)
        self.banner = ThresholdBanner(services.session, services.tasks, services.requests)
        self.tasks = TaskPanel(services.tasks, services.session, services.requests)
        self.phone_page = PhonePage(services, confirm)
        # the phone's parts, as the window and the tests know them
        self.dialer = self.phone_page.dialer
        self.in_call = self.phone_page.in_call
        self.redial_prompt = self.phone_page.redial_prompt
        self.incoming_dialogs = self.phone_page.incoming_dialogs
        self.tabs = QTabWidget()
        self.tabs.addTab(self.phone_page, self.tr("&Phone"))
        self.history = self._make_history()
        self.tabs.addTab(self.history, self.tr("&History"))

        self._lay_out()
        self._connect_main()
        self._show_registration(self._phone.registration)

    def _lay_out(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.registration)
        header.addStretch(1)
        header.addWidget(self.caller_id)
        header.addStretch(1)
        header.addWidget(self.user_label)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addWidget(self.tasks, 2)
        self.body.addWidget(self.tabs, 3)
        main = QVBoxLayout(self)
        main.addLayout(header)
        main.addWidget(self.monitoring)
        main.addWidget(self.banner)
        main.addWidget(self.audio_problems)
        main.addLayout(self.body, 1)

    def _make_history(self) -> HistoryView:
        view = HistoryView(self._history)
        view.redial_requested.connect(self._redial)
        view.retag_requested.connect(self._history.retag)
        self._history.changed.connect(view.refresh)
        self._tasks.tasks_changed.connect(self._history_tasks)
        self._tasks.active_task_changed.connect(self._history_tasks)
        return view

    def _history_tasks(self) -> None:
        self.history.model.set_task_titles({t.id: t.title for t in self._tasks.tasks})
        task = self._tasks.active_task
        self.history.set_active_task(task.id if task else None)

    def _connect_main(self) -> None:
        page = self.phone_page
        self._phone.registration_changed.connect(self._show_registration)
        self._phone.sales_notice_due.connect(self.banner.offer_sales_notice)
        self.banner.notification_requested.connect(self.notification_requested)
        page.message.connect(self.message)
        page.number_wanted.connect(self.number_wanted)
        page.in_call_changed.connect(self.tray_state_changed)
        page.call_shown.connect(lambda: self.tabs.setCurrentWidget(self.phone_page))
        page.call_over.connect(lambda: self._show_registration(self._phone.registration))
        page.quote_wanted.connect(lambda dest: self.tasks.ask_for_quote((dest.region,)))
        self.tasks.search.returnPressed.connect(self.tasks.select_filtered)

    def show_account(self, snapshot: Snapshot) -> None:
        """Who is signed in and which number the other side sees."""
        profile, provisioning = snapshot.profile, snapshot.provisioning
        self.user_label.setText(profile.name)
        self.monitoring.show_once()
        shown = caller_id_text(provisioning.caller_id)
        if provisioning.caller_id_individual:
            text = self.tr("Outgoing calls show your number %1").replace("%1", shown)
        else:
            text = self.tr("Outgoing calls show %1").replace("%1", shown)
        self.caller_id.setText(text)
        self._check_audio()
        self.phone_page.signed_in()

    def _check_audio(self) -> None:
        from vpaphone.audio.settings import load_choice  # noqa: PLC0415 - Qt Multimedia: late
        from vpaphone.audio.status import probe  # noqa: PLC0415

        status = probe(load_choice())
        self.audio_problems.setText(audio_problems_text(status))
        self.audio_problems.setVisible(bool(status.issues))

    def _show_registration(self, update: RegistrationUpdate | None) -> None:
        if update is None:
            return
        texts = {
            RegistrationState.REGISTERED: self.tr("● Ready: registered"),
            RegistrationState.NOT_REQUIRED: self.tr("● Ready (direct calls)"),
            RegistrationState.REGISTERING: self.tr("○ Connecting to the phone server…"),
            RegistrationState.UNREGISTERED: self.tr("○ Not connected to the phone server"),
        }
        text = texts.get(update.state) or self.tr("✕ Not connected: %1").replace(
            "%1", registration_text(update.state, update.sip_status, update.tls_problem)
        )
        self.registration.setText(text)
        ready = update.state in READY_STATES
        self.registration.setStyleSheet("color: #2e7d32;" if ready else "color: #b00020;")
        if self._phone.call is None:
            self.tray_state_changed.emit(TrayState.READY if ready else TrayState.OFFLINE, text)

    # --- width ----------------------------------------------------------------------------------

    def set_compact(self, compact: bool) -> None:
        """Narrow windows (a corner of the screen, 200 % scaling): task and phone stacked, the
        essentials only — number, Call, task and share; registration state always shown."""
        if compact == self.compact:
            return
        self.compact = compact
        self.body.setDirection(
            QBoxLayout.Direction.TopToBottom if compact else QBoxLayout.Direction.LeftToRight
        )
        self.tasks.set_compact(compact)
        self.banner.set_compact(compact)
        self.dialer.set_compact(compact)
        for label in (self.caller_id, self.user_label):
            label.setVisible(not compact)

    # --- numbers from outside (links, `vpaphone dial`, tray, redial) ----------------------------

    def _redial(self, call: CallRecord) -> None:
        self.tabs.setCurrentWidget(self.phone_page)
        self.phone_page.redial(call)

    def fill_number(self, text: str) -> bool:
        """Put a number into the dialer; False while a call runs (the caller keeps it)."""
        if not self.phone_page.fill_number(text):
            return False
        self.tabs.setCurrentWidget(self.phone_page)
        return True

    def focus_number(self) -> None:
        """Ctrl+L, from any tab: the number field (not during a call: the dialer is hidden)."""
        if self._phone.call is None:
            self.tabs.setCurrentWidget(self.phone_page)
            self.phone_page.focus_number()
