"""The far end asks the VPA to call another number (a REFER, e.g. a PBX's "transfer"): the offer in
the call view — who asks, the number with its country and cost zone, what the call gate says —
and her choice, "Call <number>" or "Decline". The number goes through the same call gate as
dialling (the same reasons, the same "call anyway?" question, blocked numbers cannot be called);
a target that is no phone number is shown as it is and cannot be called from here. A panel, not
a dialog: the running call's controls stay reachable. The offer outlives the asking call: many
phones hang up right after their REFER is answered (baresip 1.0 within 5 ms of the 603), and
the VPA can still call the number."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from vpaphone.core.model import CostZone, Destination
from vpaphone.sip.engine import TransferRequest
from vpaphone.ui.dialer import Confirm, DialerWidget, GateContext, ask_confirmation
from vpaphone.ui.widgets.history import shown_number
from vpaphone.ui.widgets.plain import plain

_FRAME_STYLE = "QFrame#%s { border: 1px solid palette(mid); border-radius: 4px; }"


class TransferOfferPanel(QFrame):
    """Emits `accepted(call_id, Destination, CostZone)` once the gate lets the call through
    (after its question, if it warns), or `declined(call_id)`; either hides the offer."""

    accepted = Signal(str, Destination, CostZone)
    declined = Signal(str)
    quote_requested = Signal(Destination)  # a blocked number outside the EU: ask the admin team

    def __init__(
        self,
        context: GateContext,
        *,
        confirm: Confirm = ask_confirmation,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transferOffer")
        self.setStyleSheet(_FRAME_STYLE % "transferOffer")
        self.call_id: str | None = None  # the call whose far end asks
        self._request: TransferRequest | None = None
        self._not_ready: str | None = None  # the phone cannot place calls now (registration)
        self.title_label = QLabel(self)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.title_label.setAccessibleName(self.tr("Who asks for the transfer"))
        self.uri_label = QLabel(self)  # a target that is no phone number, as it is
        self.gone_label = QLabel(self.tr("That call has ended; you can still call the number."))
        self.gone_label.setWordWrap(True)
        self.gone_label.hide()
        self.uri_label.setAccessibleName(self.tr("Requested target"))
        self.uri_label.setWordWrap(True)
        plain(self.title_label, self.uri_label)  # what the far end sent: never markup
        # The dialer's gate, reasons, question and quote button, without picker and pad: the
        # number is the far end's, not typed.
        self.dialer = DialerWidget(context, confirm=confirm)
        self.dialer.set_compact(True)
        self.dialer.picker.hide()
        self.dialer.number.hide()
        self.dialer.call_button.setShortcut(QKeySequence())  # Ctrl+Return is the dialer's
        self.call_button = self.dialer.call_button
        self.decline_button = QPushButton(self.tr("Decline"), self)
        self.decline_button.setAccessibleName(self.tr("Decline the transfer"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.decline_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.uri_label)
        layout.addWidget(self.gone_label)
        layout.addWidget(self.dialer)
        layout.addLayout(buttons)
        self.dialer.dial_requested.connect(self._chosen)
        self.dialer.quote_requested.connect(self.quote_requested)
        self.decline_button.clicked.connect(self.decline)
        self.hide()

    def offer(
        self, request: TransferRequest, asker: str, context: GateContext, not_ready: str | None
    ) -> None:
        """Show the far end's request (a newer one replaces the offer shown); `asker` is the
        asking call's number or name, `context` the gate for the task the call would be for,
        `not_ready` why the phone cannot place calls now (None: it can)."""
        self.call_id = request.call_id
        self._request = request
        self._not_ready = not_ready
        self.title_label.setText(self.tr("%1 asks you to call:").replace("%1", shown_number(asker)))
        number = request.target_e164
        self.uri_label.setText("" if number else request.target)
        self.uri_label.setVisible(not number)
        self.gone_label.hide()
        self.dialer.action_text = (
            self.tr("Call %1").replace("%1", shown_number(number)) if number else None
        )
        self.dialer.reset()
        self.dialer.set_context(context)
        self.dialer.set_number(number or "")
        self._apply_unavailable()
        self.show()
        self.call_button.setAccessibleName(self.call_button.text())

    def asker_gone(self) -> None:
        """The asking call ended: the offer stays, saying so."""
        self.gone_label.show()

    @property
    def asker_present(self) -> bool:
        return self.call_id is not None and self.gone_label.isHidden()

    def set_context(self, context: GateContext) -> None:
        """The task's share or the rules moved: the gate weighs the offer again."""
        self.dialer.set_context(context)

    def set_not_ready(self, reason: str | None) -> None:
        self._not_ready = reason
        if self._request is not None:
            self._apply_unavailable()

    def decline(self) -> None:
        call_id = self.call_id
        self.clear()
        if call_id is not None:
            self.declined.emit(call_id)

    def clear(self) -> None:
        """No offer (declined, followed, or the asking call ended)."""
        self.call_id = None
        self._request = None
        self.hide()

    def _apply_unavailable(self) -> None:
        request = self._request
        reason = self._not_ready
        if request is not None and request.target_e164 is None:
            reason = self.tr(
                "This is no phone number: the app calls phone numbers only, each through the "
                "call gate. Decline, or ask for a phone number."
            )
        self.dialer.set_unavailable(reason)

    def _chosen(self, destination: Destination, zone: CostZone) -> None:
        call_id = self.call_id
        self.clear()
        if call_id is not None:
            self.accepted.emit(call_id, destination, zone)
