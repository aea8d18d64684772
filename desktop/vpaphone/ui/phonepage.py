"""The phone tab: the dialer, or the running call, with everything around them — the call gate
fed by the active task, the redial prompt, the incoming-call dialogs, call waiting (the knocking
call and the call on hold: ui.widgets.waiting), the far end's transfer request
(ui.widgets.transfer_offer), the work-timer offer and the share forecast during a call. Nothing
here is modal: the call controls stay reachable."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from vpaphone.app.calls import ActiveCall, DialRefusedError
from vpaphone.app.phone import READY_STATES
from vpaphone.app.services import AppServices
from vpaphone.core.calls import CallRecord
from vpaphone.core.model import CostZone, Destination, EndReason, Task
from vpaphone.core.rules import Billing
from vpaphone.sip.engine import CallUpdate, IncomingCall, TransferRequest
from vpaphone.texts.audio import audio_moved_text
from vpaphone.texts.calls import call_end_text, registration_text
from vpaphone.texts.notices import dial_refused_text
from vpaphone.ui.callkeys import CallKeys
from vpaphone.ui.dialer import Confirm, DialerWidget, GateContext
from vpaphone.ui.gauge import percent_text
from vpaphone.ui.settings_keys import BACKGROUND_CALL_KEYS_KEY, DEFAULT_COUNTRY_KEY
from vpaphone.ui.tray import TrayState
from vpaphone.ui.widgets.countries import HOME_REGION
from vpaphone.ui.widgets.history import shown_number
from vpaphone.ui.widgets.in_call import CallPhase, InCallPanel
from vpaphone.ui.widgets.incoming import IncomingCallDialog
from vpaphone.ui.widgets.redial import RedialPrompt
from vpaphone.ui.widgets.transfer import TransferPanel
from vpaphone.ui.widgets.transfer_offer import TransferOfferPanel
from vpaphone.ui.widgets.waiting import HeldCallBar, WaitingCallPanel

if TYPE_CHECKING:
    from vpaphone.ui.globalkeys import GlobalHotkeys
    from vpaphone.ui.mediaplayer import MediaPlayerKeys


def dialling_country() -> str:
    """The country each dial starts from (Settings → General; Germany by default)."""
    return str(QSettings().value(DEFAULT_COUNTRY_KEY, HOME_REGION) or HOME_REGION)


class PhonePage(QWidget):
    message = Signal(str)  # for the status bar
    number_wanted = Signal(str)  # redial: into the dialer, through the window
    in_call_changed = Signal(TrayState, str)  # the tray follows the call
    call_shown = Signal()  # a call started: the window brings this page to the front
    call_over = Signal()  # the call ended: the window shows the registration state again
    quote_wanted = Signal(Destination)  # a blocked non-EU number: ask the admin team

    def __init__(
        self, services: AppServices, confirm: Confirm, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = services.session
        self._tasks = services.tasks
        self._phone = services.phone
        self._history = services.history
        self.incoming_dialogs: dict[str, IncomingCallDialog] = {}
        self.dialer = DialerWidget(
            self._gate_context(), confirm=confirm, default_country=dialling_country()
        )
        self.in_call = InCallPanel()
        self.in_call.hide()
        self._shown_call: str | None = None  # the call the in-call panel shows
        self.waiting = WaitingCallPanel()
        self._waiting_call: IncomingCall | None = None  # what knocks in `waiting`
        self.held_bar = HeldCallBar()
        self.transfer = TransferPanel(
            self._gate_context(), confirm=confirm, default_country=dialling_country()
        )
        self.transfer_offer = TransferOfferPanel(self._gate_context(), confirm=confirm)
        self._offer_task: Task | None = None  # the task a call to the offered number is for
        self.redial_prompt = RedialPrompt(services.tasks)
        layout = QVBoxLayout(self)
        layout.addWidget(self.redial_prompt)
        layout.addWidget(self.dialer)
        layout.addWidget(self.waiting)
        layout.addWidget(self.transfer_offer)
        layout.addWidget(self.held_bar)
        layout.addWidget(self.in_call)
        layout.addWidget(self.transfer)
        layout.addStretch(1)
        self._connect()
        self.keys = CallKeys(
            self,
            answer=self.answer_key,
            hang_up=self.hang_up_key,
            toggle=self.toggle_key,
            mute=self.mute_key,
        )
        self.media_keys: MediaPlayerKeys | None = None  # loaded once the VPA turns them on
        self.hotkeys: GlobalHotkeys | None = None  # likewise (Settings → General)
        self.use_background_keys()

    def _connect(self) -> None:
        phone, tasks = self._phone, self._tasks
        phone.registration_changed.connect(self._update_gate)
        phone.call_changed.connect(self._call_changed)
        phone.call_ended.connect(self._call_ended)
        phone.incoming_call.connect(self._incoming)
        phone.held_changed.connect(self._held_changed)
        phone.audio_moved.connect(self._audio_moved)
        phone.transfer_requested.connect(self._transfer_offered)
        self.transfer_offer.accepted.connect(self._follow_transfer)
        self.transfer_offer.quote_requested.connect(self.quote_wanted)
        self.waiting.answered.connect(phone.answer)
        self.waiting.turned_away.connect(phone.reject)
        self.held_bar.swap_clicked.connect(phone.swap)
        self.held_bar.end_clicked.connect(phone.hangup)
        tasks.active_task_changed.connect(self._update_gate)
        tasks.tasks_changed.connect(self._update_gate)
        tasks.tick.connect(self._tick)
        tasks.work_changed.connect(self._work_changed)
        self.dialer.dial_requested.connect(self._dial)
        self.dialer.blocked_attempt.connect(phone.record_blocked)
        self.dialer.quote_requested.connect(self.quote_wanted)
        self.redial_prompt.number_wanted.connect(self.number_wanted)
        self.in_call.hangup_clicked.connect(phone.hangup)
        self.in_call.mute_toggled.connect(phone.set_mute)
        self.in_call.hold_toggled.connect(phone.set_hold)
        self.in_call.dtmf.connect(phone.send_dtmf)
        self.in_call.transfer_wanted.connect(self._open_transfer)
        self.transfer.transfer_requested.connect(self._transfer)
        self.transfer.consult_requested.connect(self._consult)
        self.in_call.connect_them_clicked.connect(self._connect_them)
        self.in_call.back_to_caller_clicked.connect(phone.back_to_caller)
        phone.consult_changed.connect(self._show_consulting)
        self.in_call.audio_device_chosen.connect(self._speaker_chosen)
        self.in_call.work_timer_wanted.connect(tasks.start_work)

    # --- call keys (headset, keyboard: ui.callkeys) ---------------------------------------------

    def _ringing(self) -> IncomingCallDialog | None:
        return next((d for d in self.incoming_dialogs.values() if d.isVisible()), None)

    def answer_key(self) -> None:
        """Answers what rings; a waiting call: the running call goes on hold first."""
        if self.waiting.call_id is not None:
            self.waiting.answer_call()
            return
        ringing = self._ringing()
        if ringing is not None:
            ringing.answer_call()

    def hang_up_key(self) -> None:
        """Ends the call; with none running, turns a ringing call away."""
        ringing = self._ringing()
        if self._phone.call is not None:
            self._phone.hangup()
        elif ringing is not None:
            ringing.decline_call()

    def toggle_key(self) -> None:
        """One button: answer what rings (a waiting call too), else end the call."""
        if self.waiting.call_id is not None or (
            self._ringing() is not None and self._phone.call is None
        ):
            self.answer_key()
        else:
            self.hang_up_key()

    def mute_key(self) -> None:
        if self._phone.call is not None:
            self.in_call.mute_button.click()

    def hold_key(self) -> None:
        if self._phone.call is not None:
            self.in_call.hold_button.click()

    def use_background_keys(self) -> None:
        """Settings → General: headset buttons and media keys also while another program is
        active (ui.mediaplayer; off by default, as the music player would lose them in calls)."""
        wanted = QSettings().value(BACKGROUND_CALL_KEYS_KEY, False) in (True, "true")
        if wanted and self.media_keys is None:
            from vpaphone.ui.mediaplayer import MediaPlayerKeys  # noqa: PLC0415 - QtDBus

            self.media_keys = MediaPlayerKeys(
                toggle=self.toggle_key,
                hang_up=self.hang_up_key,
                raise_window=self._raise_window,
                parent=self,
            )
        if self.media_keys is not None:
            self.media_keys.set_enabled(wanted)
        self._use_global_hotkeys()
        self._follow_call_keys()

    def _use_global_hotkeys(self) -> None:
        """Settings → General → Global hotkeys (ui.globalkeys; off by default)."""
        from vpaphone.ui.globalkeys import GlobalHotkeys, hotkeys_wanted  # noqa: PLC0415

        if self.hotkeys is None and hotkeys_wanted(QSettings()):
            self.hotkeys = GlobalHotkeys(
                toggle=self.toggle_key, mute=self.mute_key, hold=self.hold_key, parent=self
            )
        if self.hotkeys is not None:
            self.hotkeys.apply()
            for problem in self.hotkeys.status():
                self.message.emit(problem)

    def _follow_call_keys(self) -> None:
        ringing = self._ringing() is not None or self.waiting.call_id is not None
        in_call = self._phone.call is not None
        if self.media_keys is not None:
            self.media_keys.set_call(ringing=ringing, in_call=in_call)
        if self.hotkeys is not None:
            self.hotkeys.set_call(ringing=ringing, in_call=in_call)

    def _raise_window(self) -> None:
        window = self.window()
        window.showNormal()
        window.raise_()
        window.activateWindow()

    def signed_in(self) -> None:
        """A new session: no country pick of an earlier one carries over."""
        self.dialer.picker.set_default(dialling_country())
        self._update_gate()

    # --- the gate and the call ---------------------------------------------------------------

    def _gate_context(self, task: Task | None = None) -> GateContext:
        """What the gate weighs: `task` (the active one) with its share and the rules."""
        task = task or self._tasks.active_task
        share = self._tasks.share(task) if task is not None else None
        return GateContext(task, self._session.rules, self._session.zones, share)

    def _update_gate(self, *_: object) -> None:
        self.dialer.set_context(self._gate_context())
        self.dialer.set_unavailable(self._unavailable_reason())
        offer = self.transfer_offer
        if offer.call_id is not None:
            offer.set_context(self._gate_context(self._offer_task))
            offer.set_not_ready(self._not_connected_reason())

    def _unavailable_reason(self) -> str | None:
        if self._phone.call is not None:
            return self.tr("A call is running: hang up first.")
        return self._not_connected_reason()

    def _not_connected_reason(self) -> str | None:
        registration = self._phone.registration
        if registration is None:
            return self.tr("The phone is not connected yet.")
        if registration.state not in READY_STATES:
            return self.tr("The phone is not connected: %1").replace(
                "%1",
                registration_text(
                    registration.state, registration.sip_status, registration.tls_problem
                ),
            )
        return None

    def _tick(self) -> None:
        self._update_gate()
        self.in_call.set_forecast(self._forecast_text())

    def _forecast_text(self) -> str:
        """While a call runs on a task whose phone time is included: when it passes the share."""
        call = self._phone.call
        task = self._tasks.task(call.task_id) if call else None
        rules = self._session.rules
        if call is None or task is None or call.answered_at is None:
            return ""
        if rules.area(task.area).billing is not Billing.INCLUDED:
            return ""  # the customer pays phone time: there is no limit to count down to
        included = percent_text(rules.included_share)
        seconds = self._tasks.forecast_seconds()
        if seconds is None:
            return self.tr("This task is over the included %1.").replace("%1", included)
        minutes = max(1, round(seconds / 60))
        text = self.tr("At this pace this task passes %1 in %n min.", "", minutes)
        return text.replace("%1", included)

    def _dial(self, destination: Destination, zone: CostZone) -> None:
        try:
            self._phone.dial(destination, zone)
        except DialRefusedError as exc:
            self.message.emit(dial_refused_text(exc, self._session.rules))
            return
        task = self._tasks.active_task
        self.in_call.start_call(destination, task.title if task else self.tr("(no task)"))
        self._offer_work_timer()
        self._show_call(True)

    def _open_transfer(self) -> None:
        call = self._phone.call
        if call is not None:  # gated for the call's own task (an answered call may have another)
            context = self._gate_context(self._tasks.task(call.task_id))
            self.transfer.open(context, consult=self._phone.held is None)

    def _transfer(self, destination: Destination, zone: CostZone) -> None:
        try:
            self._phone.transfer(destination, zone)
        except DialRefusedError as exc:
            self.message.emit(dial_refused_text(exc, self._session.rules))

    def _transfer_offered(self, request: TransferRequest) -> None:
        """The far end of a call asks the VPA to call another number: offered in the call
        view, gated for the task that call is for (a newer request replaces the offer)."""
        phone = self._phone
        asking = next(
            (c for c in (phone.call, phone.held) if c is not None and c.call_id == request.call_id),
            None,
        )
        if asking is None:
            return  # that call is over already
        self._offer_task = phone.transfer_task(request.call_id)
        context = self._gate_context(self._offer_task)
        self.transfer_offer.offer(request, asking.number, context, self._not_connected_reason())
        self.message.emit(
            self.tr("%1 asks you to call %2.")
            .replace("%1", shown_number(asking.number))
            .replace("%2", shown_number(request.target))
        )
        self.call_shown.emit()

    def _follow_transfer(self, call_id: str, destination: Destination, zone: CostZone) -> None:
        """The VPA agreed: the call leaves like her own dial; the call view follows it."""
        try:
            self._phone.follow_transfer(call_id, destination, zone, self._offer_task)
        except DialRefusedError as exc:
            self.message.emit(dial_refused_text(exc, self._session.rules))

    def _consult(self, destination: Destination, zone: CostZone) -> None:
        """Attended transfer: call the target while the caller waits on hold."""
        try:
            self._phone.consult(destination, zone)
        except DialRefusedError as exc:
            self.message.emit(dial_refused_text(exc, self._session.rules))

    def _connect_them(self) -> None:
        try:
            self._phone.connect_consulted()
        except DialRefusedError as exc:
            self.message.emit(dial_refused_text(exc, self._session.rules))
            return
        self.in_call.connect_them_button.setEnabled(False)  # once: the outcome follows
        self.message.emit(self.tr("Connecting them…"))

    def _show_consulting(self) -> None:
        """The consultation in front offers "Connect them" and "Back to the caller"."""
        consultation, front = self._phone.consultation, self._phone.call
        if consultation is None or front is None or front.call_id != consultation.call_id:
            self.in_call.set_consulting(False)
            return
        self.in_call.set_consulting(True, consultation.answered_at is not None)

    def _work_changed(self, running: bool) -> None:
        if running:
            self.in_call.work_prompt.hide()

    def _offer_work_timer(self) -> None:
        """Phone time counts against working time: a call on the active task without its
        work timer running offers to start it."""
        task = self._tasks.active_task
        call = self._phone.call
        ours = task is not None and call is not None and call.task_id == task.id
        if ours and task is not None and not self._tasks.work_running:
            self.in_call.offer_work_timer(task.title)

    def _show_call(self, in_call: bool) -> None:
        self.dialer.setVisible(not in_call)
        self.in_call.setVisible(in_call)
        if in_call:
            self._list_speakers()
        if in_call:
            self.call_shown.emit()
            self.in_call.hangup_button.setFocus()

    def _list_speakers(self) -> None:
        """The in-call device menu: the speakers there are, the one in use ticked."""
        speaker = self._phone.speaker_id()
        if speaker is not None:
            from vpaphone.audio.devices import list_devices  # noqa: PLC0415 - loaded by now
            from vpaphone.audio.settings import DeviceRole  # noqa: PLC0415

            devices = [(d.id, d.description) for d in list_devices(DeviceRole.SPEAKER)]
            self.in_call.set_audio_devices(devices, speaker)

    def _call_changed(self, call: ActiveCall) -> None:
        offer = self.transfer_offer
        if offer.call_id not in (None, call.call_id) and not offer.asker_present:
            offer.clear()  # another call began after the asking one ended: the offer is stale
        if self.in_call.isHidden() or call.call_id != self._shown_call:
            # an answered incoming call (the tab may be another), or another call came to the
            # front (a waiting call answered, a swap, the call in front ended)
            task = self._tasks.task(call.task_id)
            self.in_call.start_call(call.number, task.title if task else self.tr("(no task)"))
            if call.answered_at is not None:  # its talk time goes on from its answer
                elapsed = (datetime.now(UTC) - call.answered_at).total_seconds()
                self.in_call.set_answered_at(time.monotonic() - max(0.0, elapsed))
            self.in_call.show_muted(call.muted)
            self._shown_call = call.call_id
            self._offer_work_timer()
            self._show_call(True)
        self.in_call.set_phase(CallPhase(call.state.value))
        self._show_consulting()
        self._update_gate()
        self.in_call_changed.emit(TrayState.IN_CALL, self.in_call.state_label.text())
        self._follow_call_keys()

    def _call_ended(self, update: CallUpdate) -> None:
        self._close_incoming(update.call_id)
        if self.transfer_offer.call_id == update.call_id:
            self.transfer_offer.asker_gone()  # the number may still be called (see there)
        if self._phone.call is not None:  # the other call goes on (it comes to the front)
            self.message.emit(call_end_text(update.end_reason, no_common_media=False))
            self._follow_call_keys()
            return
        self._shown_call = None
        still_ringing, self._waiting_call = self._waiting_call, None
        self.waiting.clear()
        self.held_bar.clear()
        self.in_call.end_call()
        self.transfer.hide()
        self._show_call(False)
        self.dialer.reset()  # the next number starts from the default country
        text = call_end_text(
            update.end_reason,
            no_common_media=update.no_common_media,
            sip_status=update.sip_status,
            srtp_refused=update.srtp_refused,
        )
        self.message.emit(text)
        if update.end_reason not in (EndReason.COMPLETED, None):
            self.dialer.show_outcome(text)  # stays until the next action
        self._update_gate()
        self.call_over.emit()
        self.dialer.number.setFocus()
        self._follow_call_keys()
        if still_ringing is not None and self._phone.is_ringing(still_ringing.call_id):
            self._incoming(still_ringing)  # it knocked during the call: now it rings as usual

    def _speaker_chosen(self, device_id: str) -> None:
        from vpaphone.audio.settings import DeviceRole, load_choice, save_choice  # noqa: PLC0415

        choice = load_choice().with_device(DeviceRole.SPEAKER, device_id)
        save_choice(choice)
        self._phone.use_devices(choice)

    # --- numbers from outside (links, `vpaphone dial`, tray, redial) ----------------------------

    def redial(self, call: CallRecord) -> None:
        self.redial_prompt.redial(call)

    def fill_number(self, text: str) -> bool:
        """Put a number into the dialer; False while a call runs (the caller keeps it)."""
        if self._phone.call is not None:
            return False
        self.dialer.set_number(text)
        return True

    def focus_number(self) -> None:
        """Ctrl+L, from any tab: the number field (not during a call: the dialer is hidden)."""
        if self._phone.call is None:
            self.dialer.number.setFocus()

    # --- incoming calls (VPAs with an individual number) ------------------------------------------

    def _incoming(self, incoming: IncomingCall) -> None:
        phone = self._phone
        # the task this number was last called for, if still open; else the active one
        last = self._tasks.task(self._history.last_task_for(incoming.caller_e164))
        task = last or self._tasks.active_task
        if phone.call is not None:  # call waiting: it knocks in the call view
            self._waiting_call = incoming
            self.waiting.show_call(
                incoming.call_id,
                incoming.caller_e164,
                incoming.display,
                self._tasks.tasks,
                task.id if task else None,
                to_voicemail=bool(phone.voicemail_uri),
            )
            self.call_shown.emit()
            self._raise_window()
            self._follow_call_keys()
            return
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
        self._raise_window()
        dialog.show()  # non-modal: the running call's controls stay reachable
        self._follow_call_keys()

    def _held_changed(self, call: ActiveCall | None) -> None:
        if call is None:
            self.held_bar.clear()
            return
        task = self._tasks.task(call.task_id)
        self.held_bar.show_call(call, task.title if task else self.tr("(no task)"))

    def _audio_moved(self, description: str) -> None:
        """The call's sound moved to another device mid-call: said in the call view and the
        status bar, so that nobody talks on unaware through the laptop's speakers."""
        text = audio_moved_text(description)
        self.in_call.show_notice(text)
        self.message.emit(text)
        self._list_speakers()  # the device menu ticks the one in use now

    def _close_incoming(self, call_id: str) -> None:
        if self.waiting.call_id == call_id:  # the waiting caller gave up
            self._waiting_call = None
            self.waiting.clear()
            self._follow_call_keys()
        dialog = self.incoming_dialogs.pop(call_id, None)
        if dialog is not None and dialog.isVisible():
            dialog.declined.disconnect()  # the caller gave up: nothing left to reject
            dialog.close()
