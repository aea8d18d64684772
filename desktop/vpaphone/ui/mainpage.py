"""The signed-in page of the main window: connection and caller ID, the active task with its
threshold banner, the dialer or the running call, and the call history.

Imported when the VPA signs in (the window shows the sign-in form before this loads).
"""

from __future__ import annotations

import phonenumbers
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from vpaphone.app.calls import ActiveCall, DialRefusedError
from vpaphone.app.phone import READY_STATES
from vpaphone.app.services import AppServices
from vpaphone.core.model import CostZone, Destination
from vpaphone.myvpa.cache import Snapshot
from vpaphone.myvpa.models import CENTRAL_CALLER_ID
from vpaphone.sip.engine import CallUpdate, IncomingCall, RegistrationUpdate
from vpaphone.sip.reasons import RegistrationState
from vpaphone.texts.audio import audio_problems_text
from vpaphone.texts.calls import call_end_text, registration_text
from vpaphone.texts.notices import dial_refused_text
from vpaphone.ui.dialer import Confirm, DialerWidget, GateContext
from vpaphone.ui.taskpanel import TaskPanel
from vpaphone.ui.threshold import ThresholdBanner
from vpaphone.ui.tray import TrayState
from vpaphone.ui.widgets.history import HistoryView
from vpaphone.ui.widgets.in_call import CallPhase, InCallPanel
from vpaphone.ui.widgets.incoming import IncomingCallDialog
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
        self._session = services.session
        self._tasks = services.tasks
        self._phone = services.phone
        self._history = services.history
        self._confirm = confirm
        self.incoming_dialogs: dict[str, IncomingCallDialog] = {}
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
        self.banner = ThresholdBanner(services.session, services.tasks, services.requests)
        self.tasks = TaskPanel(services.tasks, services.session)
        self.dialer = DialerWidget(self._gate_context(), confirm=self._confirm)
        self.in_call = InCallPanel()
        self.in_call.hide()
        self.phone_page = QWidget()
        phone = QVBoxLayout(self.phone_page)
        phone.addWidget(self.dialer)
        phone.addWidget(self.in_call)
        phone.addStretch(1)
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
        body = QHBoxLayout()
        body.addWidget(self.tasks, 2)
        body.addWidget(self.tabs, 3)
        main = QVBoxLayout(self)
        main.addLayout(header)
        main.addWidget(self.banner)
        main.addWidget(self.audio_problems)
        main.addLayout(body, 1)

    def _make_history(self) -> HistoryView:
        view = HistoryView(self._history)
        view.redial_requested.connect(self.number_wanted)
        self._history.changed.connect(view.refresh)
        self._tasks.tasks_changed.connect(self._history_tasks)
        self._tasks.active_task_changed.connect(self._history_tasks)
        return view

    def _history_tasks(self) -> None:
        self.history.model.set_task_titles({t.id: t.title for t in self._tasks.tasks})
        task = self._tasks.active_task
        self.history.set_active_task(task.id if task else None)

    def _connect_main(self) -> None:
        phone, tasks = self._phone, self._tasks
        phone.registration_changed.connect(self._show_registration)
        phone.call_changed.connect(self._call_changed)
        phone.call_ended.connect(self._call_ended)
        phone.incoming_call.connect(self._incoming)
        tasks.active_task_changed.connect(self._update_gate)
        tasks.tasks_changed.connect(self._update_gate)
        tasks.tick.connect(self._tick)
        self.banner.notification_requested.connect(self.notification_requested)
        phone.sales_notice_due.connect(self.banner.offer_sales_notice)
        self.dialer.dial_requested.connect(self._dial)
        self.in_call.hangup_clicked.connect(phone.hangup)
        self.in_call.mute_toggled.connect(phone.set_mute)
        self.in_call.hold_toggled.connect(phone.set_hold)
        self.in_call.dtmf.connect(phone.send_dtmf)
        self.in_call.transfer_requested.connect(phone.transfer)
        self.in_call.audio_device_chosen.connect(self._speaker_chosen)
        self.tasks.search.returnPressed.connect(self.tasks.select_filtered)

    def show_account(self, snapshot: Snapshot) -> None:
        """Who is signed in and which number the other side sees."""
        profile, provisioning = snapshot.profile, snapshot.provisioning
        self.user_label.setText(profile.name)
        shown = caller_id_text(provisioning.caller_id)
        if provisioning.caller_id_individual:
            text = self.tr("Outgoing calls show your number %1").replace("%1", shown)
        else:
            text = self.tr("Outgoing calls show %1").replace("%1", shown)
        self.caller_id.setText(text)
        self._check_audio()
        self._update_gate()

    def _check_audio(self) -> None:
        from vpaphone.audio.settings import load_choice  # noqa: PLC0415 - Qt Multimedia: late
        from vpaphone.audio.status import probe  # noqa: PLC0415

        status = probe(load_choice())
        self.audio_problems.setText(audio_problems_text(status))
        self.audio_problems.setVisible(bool(status.issues))

    # --- registration, gate, calls ---------------------------------------------------------------

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
            "%1", registration_text(update.state, update.sip_status)
        )
        self.registration.setText(text)
        ready = update.state in READY_STATES
        self.registration.setStyleSheet("color: #2e7d32;" if ready else "color: #b00020;")
        self._update_gate()
        if self._phone.call is None:
            self.tray_state_changed.emit(TrayState.READY if ready else TrayState.OFFLINE, text)

    def _gate_context(self) -> GateContext:
        task = self._tasks.active_task
        share = self._tasks.share(task) if task is not None else None
        return GateContext(task, self._session.rules, self._session.zones, share)

    def _update_gate(self) -> None:
        self.dialer.set_context(self._gate_context())
        self.dialer.set_unavailable(self._unavailable_reason())

    def _unavailable_reason(self) -> str | None:
        if self._phone.call is not None:
            return self.tr("A call is running: hang up first.")
        registration = self._phone.registration
        if registration is None:
            return self.tr("The phone is not connected yet.")
        if registration.state not in READY_STATES:
            return self.tr("The phone is not connected: %1").replace(
                "%1", registration_text(registration.state, registration.sip_status)
            )
        return None

    def _tick(self) -> None:
        self._update_gate()
        seconds = self._tasks.forecast_seconds()
        if seconds is None:
            call = self._phone.call
            task = self._tasks.task(call.task_id) if call else None
            over = task is not None and call is not None and call.answered_at is not None
            self.in_call.set_forecast(
                self.tr("This task is over the included 25 %.") if over else ""
            )
        else:
            minutes = max(1, round(seconds / 60))
            self.in_call.set_forecast(
                self.tr("At this pace this task passes 25 % in %n min.", "", minutes)
            )

    def _dial(self, destination: Destination, zone: CostZone) -> None:
        try:
            self._phone.dial(destination, zone)
        except DialRefusedError as exc:
            self.message.emit(dial_refused_text(exc, self._session.rules))
            return
        task = self._tasks.active_task
        self.in_call.start_call(destination, task.title if task else self.tr("(no task)"))
        self._show_call(True)

    def _show_call(self, in_call: bool) -> None:
        self.dialer.setVisible(not in_call)
        self.in_call.setVisible(in_call)
        speaker = self._phone.speaker_id()
        if in_call and speaker is not None:
            from vpaphone.audio.devices import list_devices  # noqa: PLC0415 - loaded by now
            from vpaphone.audio.settings import DeviceRole  # noqa: PLC0415

            devices = [(d.id, d.description) for d in list_devices(DeviceRole.SPEAKER)]
            self.in_call.set_audio_devices(devices, speaker)
        if in_call:
            self.tabs.setCurrentWidget(self.phone_page)
            self.in_call.hangup_button.setFocus()

    def _call_changed(self, call: ActiveCall) -> None:
        if not self.in_call.isVisible():  # an answered incoming call
            task = self._tasks.task(call.task_id)
            self.in_call.start_call(call.number, task.title if task else self.tr("(no task)"))
            self._show_call(True)
        self.in_call.set_phase(CallPhase(call.state.value))
        self._update_gate()
        self.tray_state_changed.emit(TrayState.IN_CALL, self.in_call.state_label.text())

    def _call_ended(self, update: CallUpdate) -> None:
        self._close_incoming(update.call_id)
        self.in_call.end_call()
        self._show_call(False)
        self.message.emit(call_end_text(update.end_reason, no_common_media=update.no_common_media))
        self._update_gate()
        ready = self._phone.ready
        self.tray_state_changed.emit(
            TrayState.READY if ready else TrayState.OFFLINE, self.registration.text()
        )
        self.dialer.number.setFocus()

    def _speaker_chosen(self, device_id: str) -> None:
        from vpaphone.audio.settings import DeviceRole, load_choice, save_choice  # noqa: PLC0415

        choice = load_choice().with_device(DeviceRole.SPEAKER, device_id)
        save_choice(choice)
        self._phone.use_devices(choice)

    # --- numbers from outside (links, `vpaphone dial`, tray, redial) ----------------------------

    def fill_number(self, text: str) -> bool:
        """Put a number into the dialer; False while a call runs (the caller keeps it)."""
        if self._phone.call is not None:
            return False
        self.tabs.setCurrentWidget(self.phone_page)
        self.dialer.set_number(text)
        return True

    def focus_number(self) -> None:
        if self.dialer.isVisible():
            self.tabs.setCurrentWidget(self.phone_page)
            self.dialer.number.setFocus()

    # --- incoming calls (VPAs with an individual number) ------------------------------------------

    def _incoming(self, incoming: IncomingCall) -> None:
        phone = self._phone
        task = self._tasks.active_task
        dialog = IncomingCallDialog(
            incoming.caller_e164,
            incoming.display,
            self._tasks.tasks,
            task.id if task else None,
            self,
        )
        dialog.answered.connect(lambda task_id: phone.answer(incoming.call_id, task_id))
        dialog.declined.connect(lambda: phone.reject(incoming.call_id))
        self.incoming_dialogs[incoming.call_id] = dialog
        window = self.window()
        window.showNormal()
        window.raise_()
        window.activateWindow()
        dialog.open()

    def _close_incoming(self, call_id: str) -> None:
        dialog = self.incoming_dialogs.pop(call_id, None)
        if dialog is not None and dialog.isVisible():
            dialog.declined.disconnect()  # the caller gave up: nothing left to reject
            dialog.close()
