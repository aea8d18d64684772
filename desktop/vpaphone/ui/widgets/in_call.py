"""The running call: who, for which task, how long, and the controls. Plain signals only;
the shell connects them to the SIP engine and the audio devices."""

from __future__ import annotations

import enum
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vpaphone.core.dialerrors import DialInputError
from vpaphone.core.model import Destination
from vpaphone.core.numbers import parse_dial_input
from vpaphone.ui.widgets import shortcuts
from vpaphone.ui.widgets.dialpad import Dialpad
from vpaphone.ui.widgets.plain import plain


class CallPhase(enum.StrEnum):
    """What the panel shows; the values are those of the engine's CallState."""

    ANSWERING = "incoming"  # a waiting call the VPA just answered, not connected yet
    CALLING = "calling"
    RINGING = "ringing"
    EARLY_MEDIA = "early_media"
    CONNECTED = "connected"
    ON_HOLD = "on_hold"
    HELD_BY_PEER = "held_by_peer"


def format_talk_time(seconds: float) -> str:
    """0:07, 12:34, 1:02:03."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class InCallPanel(QWidget):
    hangup_clicked = Signal()
    mute_toggled = Signal(bool)
    hold_toggled = Signal(bool)  # True: put on hold, False: resume
    transfer_wanted = Signal()  # "Transfer…": the phone page asks whom to (ui.widgets.transfer)
    connect_them_clicked = Signal()  # attended transfer: hand the caller over to this call
    back_to_caller_clicked = Signal()  # attended transfer: end this call, resume the caller
    dtmf = Signal(str)
    work_timer_wanted = Signal()  # "Start the work timer" for the call's task
    audio_device_chosen = Signal(str)  # device id

    def __init__(
        self,
        *,
        country: str = "DE",
        feedback: Callable[[str], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._country = country
        self._clock = clock
        self._answered_at: float | None = None
        self._phase = CallPhase.CALLING
        self._digits = ""  # DTMF keys sent in this call, shown back to the VPA
        self._build_labels()
        self._build_controls(feedback)
        self._lay_out()
        self._ticker = QTimer(self)
        self._ticker.setInterval(500)
        self._ticker.timeout.connect(self._tick)
        self.mute_button.toggled.connect(self.mute_toggled)
        self.mute_button.toggled.connect(self._show_muted)
        self.hold_button.toggled.connect(self._hold)
        self.transfer_button.clicked.connect(self.transfer_wanted)
        self.connect_them_button.clicked.connect(self.connect_them_clicked)
        self.back_button.clicked.connect(self.back_to_caller_clicked)
        self.keypad_button.toggled.connect(self.dialpad.setVisible)
        self.hangup_button.clicked.connect(self.hangup_clicked)
        self.work_prompt.clicked.connect(self.work_prompt.hide)
        self.work_prompt.clicked.connect(self.work_timer_wanted)
        self.dialpad.dtmf.connect(self.dtmf)
        self.dialpad.dtmf.connect(self._show_digit)
        self.audio_menu.triggered.connect(self._device_picked)
        self.set_phase(CallPhase.CALLING)

    def _build_labels(self) -> None:
        self.number_label = QLabel(self)
        self.number_label.setAccessibleName(self.tr("Remote number"))
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.number_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.number_label.setFont(font)
        self.task_label = QLabel(self)
        plain(self.number_label, self.task_label)  # caller's name, task title: no markup
        self.task_label.setAccessibleName(self.tr("Task of this call"))
        self.state_label = QLabel(self)
        self.state_label.setAccessibleName(self.tr("Call state"))
        self.timer_label = QLabel("0:00", self)
        self.timer_label.setAccessibleName(self.tr("Talk time"))
        self.forecast_label = QLabel(self)
        self.forecast_label.setAccessibleName(self.tr("Phone share forecast"))
        self.forecast_label.setWordWrap(True)
        self.forecast_label.hide()
        self.muted_badge = QLabel(self.tr("MUTED"), self)
        self.muted_badge.setAccessibleName(self.tr("Your microphone is muted"))
        self.muted_badge.setStyleSheet(
            "QLabel { background: #c62828; color: white; font-weight: bold; padding: 2px 8px;"
            " border-radius: 3px; }"
        )
        self.muted_badge.hide()
        self.work_prompt = QPushButton(self)
        self.work_prompt.setAccessibleName(self.tr("Start the work timer for this task"))
        self.work_prompt.hide()
        self.notice_label = QLabel(self)
        self.notice_label.setAccessibleName(self.tr("Notice about this call"))
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet("QLabel { color: #8a4b00; font-weight: bold; }")
        plain(self.notice_label)  # device names come from the system
        self.notice_label.hide()
        self.digits_label = QLabel(self)
        self.digits_label.setAccessibleName(self.tr("Keys sent in this call"))
        self.digits_label.hide()

    def _build_controls(self, feedback: Callable[[str], None] | None) -> None:
        self.mute_button = self._button(self.tr("Mute"), checkable=True)
        self.hold_button = self._button(self.tr("Hold"), checkable=True)
        self.transfer_button = self._button(self.tr("Transfer…"))
        self.keypad_button = self._button(self.tr("Keypad"), checkable=True)
        # attended transfer: shown while the VPA talks to the target and the caller waits
        self.connect_them_button = QPushButton(self.tr("Connect them"), self)
        self.connect_them_button.setAccessibleName(self.tr("Connect them"))
        self.connect_them_button.setToolTip(
            self.tr("Hand the caller over to this person; your calls end")
        )
        self.back_button = QPushButton(self.tr("Back to the caller"), self)
        self.back_button.setAccessibleName(self.tr("Back to the caller"))
        self.back_button.setToolTip(self.tr("End this call and take the caller up again"))
        self.connect_them_button.hide()
        self.back_button.hide()
        self.audio_button = QToolButton(self)
        self.audio_button.setText(self.tr("Audio device"))
        self.audio_button.setAccessibleName(self.tr("Audio device"))
        self.audio_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.audio_menu = QMenu(self.audio_button)
        self.audio_button.setMenu(self.audio_menu)
        self.hangup_button = QPushButton(self.tr("Hang up"), self)
        self.hangup_button.setAccessibleName(self.tr("Hang up"))
        self.hangup_button.setStyleSheet("QPushButton { background: #c62828; color: white; }")
        for button, keys, tip in (
            (self.mute_button, shortcuts.MUTE, self.tr("Mute or unmute your microphone")),
            (self.hold_button, shortcuts.HOLD, self.tr("Put the call on hold or resume it")),
            (self.hangup_button, shortcuts.HANG_UP, self.tr("End the call")),
        ):
            shortcuts.give_shortcut(button, keys, tip, everywhere=True)
        self.dialpad = Dialpad(feedback, self)
        self.dialpad.set_in_call(True)
        self.dialpad.hide()

    def _lay_out(self) -> None:
        controls = QGridLayout()
        for index, button in enumerate(
            (
                self.mute_button,
                self.hold_button,
                self.transfer_button,
                self.keypad_button,
                self.audio_button,
            )
        ):
            controls.addWidget(button, index // 3, index % 3)
        head = QHBoxLayout()
        head.addWidget(self.state_label)
        head.addWidget(self.muted_badge)
        head.addStretch(1)
        head.addWidget(self.timer_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number_label)
        layout.addWidget(self.task_label)
        layout.addLayout(head)
        layout.addWidget(self.forecast_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.digits_label)
        layout.addWidget(self.work_prompt)
        consult = QHBoxLayout()
        consult.addWidget(self.connect_them_button)
        consult.addWidget(self.back_button)
        layout.addLayout(consult)
        layout.addLayout(controls)
        layout.addWidget(self.dialpad)
        layout.addWidget(self.hangup_button)

    # --- fed by the shell -------------------------------------------------------------------

    def start_call(self, number: Destination | str, task_title: str) -> None:
        """A new call: reset every control. `number` is shown formatted when it is a number."""
        if isinstance(number, Destination):
            shown = number.international or number.e164
        else:
            shown = _formatted(number)
        self.number_label.setText(shown)
        self.task_label.setText(self.tr("Task: %1").replace("%1", task_title))
        self._answered_at = None
        self.timer_label.setText("0:00")
        for button in (self.mute_button, self.hold_button, self.keypad_button):
            button.blockSignals(True)
            button.setChecked(False)
            button.blockSignals(False)
        self.dialpad.hide()
        self.set_forecast("")
        self._digits = ""
        self.digits_label.hide()
        self.show_notice("")
        self._show_muted(False)
        self.work_prompt.hide()
        self.set_phase(CallPhase.CALLING)

    def set_phase(self, phase: CallPhase | str) -> None:
        self._phase = CallPhase(phase)
        names = {
            CallPhase.ANSWERING: self.tr("Answering…"),
            CallPhase.CALLING: self.tr("Calling…"),
            CallPhase.RINGING: self.tr("Ringing…"),
            CallPhase.EARLY_MEDIA: self.tr("Ringing…"),
            CallPhase.CONNECTED: self.tr("Connected"),
            CallPhase.ON_HOLD: self.tr("On hold"),
            CallPhase.HELD_BY_PEER: self.tr("On hold by the other side"),
        }
        self.state_label.setText(names[self._phase])
        talking = self._phase in (CallPhase.CONNECTED, CallPhase.ON_HOLD, CallPhase.HELD_BY_PEER)
        if talking and self._answered_at is None:
            self._answered_at = self._clock()  # talk time counts from the answer
            self._ticker.start()
        for button in (self.hold_button, self.transfer_button, self.keypad_button):
            button.setEnabled(talking)
        self.hold_button.blockSignals(True)
        self.hold_button.setChecked(self._phase is CallPhase.ON_HOLD)
        self.hold_button.setText(
            self.tr("Resume") if self._phase is CallPhase.ON_HOLD else self.tr("Hold")
        )
        self.hold_button.blockSignals(False)
        self._tick()

    def phase(self) -> CallPhase:
        return self._phase

    def set_answered_at(self, monotonic: float) -> None:
        """When the answer happened on the panel's clock, if it was earlier than shown."""
        self._answered_at = monotonic
        self._ticker.start()
        self._tick()

    def show_muted(self, muted: bool) -> None:
        """The call brought to the front is muted (or not): the button and badge say so."""
        self.mute_button.blockSignals(True)
        self.mute_button.setChecked(muted)
        self.mute_button.blockSignals(False)
        self._show_muted(muted)

    def set_consulting(self, consulting: bool, answered: bool = False) -> None:
        """This call is the consultation of an attended transfer: "Connect them" (once the
        target answered) and "Back to the caller" are offered; no second transfer from it."""
        self.connect_them_button.setVisible(consulting)
        self.connect_them_button.setEnabled(answered)
        self.back_button.setVisible(consulting)
        self.transfer_button.setVisible(not consulting)

    def show_notice(self, text: str) -> None:
        """Something the VPA must know about this call ("Audio moved to …"); "" clears it."""
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def end_call(self) -> None:
        self._ticker.stop()

    def offer_work_timer(self, task_title: str) -> None:
        """The call's task has no running work timer: one click starts it."""
        self.work_prompt.setText(
            self.tr("Work timer off: start it for “%1”").replace("%1", task_title)
        )
        self.work_prompt.show()

    def set_forecast(self, text: str) -> None:
        """The shell's share forecast ("At this pace this task passes 25 % in 6 min")."""
        self.forecast_label.setText(text)
        self.forecast_label.setVisible(bool(text))

    def set_audio_devices(self, devices: Sequence[tuple[str, str]], current: str | None) -> None:
        """The quick-switch menu: (id, name) pairs, the one in use checked."""
        self.audio_menu.clear()
        for device_id, name in devices:
            action = QAction(name, self.audio_menu)
            action.setData(device_id)
            action.setCheckable(True)
            action.setChecked(device_id == current)
            self.audio_menu.addAction(action)
        self.audio_button.setEnabled(bool(devices))

    def talk_seconds(self) -> float:
        return 0.0 if self._answered_at is None else max(0.0, self._clock() - self._answered_at)

    # --- user actions -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        text = event.text()
        if text and text in "0123456789*#" and self._phase is CallPhase.CONNECTED:
            self.dialpad.press(text)
            return
        super().keyPressEvent(event)

    # --- internals ----------------------------------------------------------------------------

    def _button(self, text: str, *, checkable: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text)
        button.setCheckable(checkable)
        return button

    def _show_muted(self, muted: bool) -> None:
        """Muted must be obvious: a red badge and a red button, not a slightly darker one."""
        self.muted_badge.setVisible(muted)
        self.mute_button.setText(self.tr("Unmute") if muted else self.tr("Mute"))
        self.mute_button.setStyleSheet(
            "QPushButton { background: #c62828; color: white; }" if muted else ""
        )

    def _show_digit(self, digit: str) -> None:
        self._digits += digit
        self.digits_label.setText(self.tr("Keys sent: %1").replace("%1", self._digits[-24:]))
        self.digits_label.show()

    def _hold(self, on: bool) -> None:
        self.hold_toggled.emit(on)

    def _device_picked(self, action: QAction) -> None:
        for other in self.audio_menu.actions():
            other.setChecked(other is action)
        self.audio_device_chosen.emit(str(action.data()))

    def _tick(self) -> None:
        self.timer_label.setText(format_talk_time(self.talk_seconds()))


def _formatted(number: str) -> str:
    """E.164 as "+49 221 82829980"; anything else (a SIP user) as it is."""
    try:
        destination = parse_dial_input(number, "DE")
    except DialInputError:
        return number
    return destination.international or number
