"""Handing the call over: who takes it, checked by the same call gate as dialling (the same
reasons, the same "call anyway?" question), then transferred at once (blind) or after talking to
them first (attended: the caller waits on hold). A panel in the call view, not a dialog: the
call controls stay reachable."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from vpaphone.core.model import CostZone, Destination
from vpaphone.ui.dialer import Confirm, DialerWidget, GateContext, ask_confirmation
from vpaphone.ui.widgets.countries import HOME_REGION


class TransferPanel(QFrame):
    transfer_requested = Signal(Destination, CostZone)  # blind: the call leaves at once
    consult_requested = Signal(Destination, CostZone)  # attended: call them first
    cancelled = Signal()

    def __init__(
        self,
        context: GateContext,
        *,
        confirm: Confirm = ask_confirmation,
        default_country: str = HOME_REGION,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transferPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._attended = False
        self.title = QLabel(self.tr("Transfer the call to:"))
        self.dialer = DialerWidget(context, confirm=confirm, default_country=default_country)
        self.dialer.set_compact(True)  # no dial pad: the number is typed or pasted
        self.dialer.action_text = self.tr("Transfer now")
        self.dialer.call_button.setAccessibleName(self.tr("Transfer now"))
        self.consult_button = QPushButton(self.tr("Talk to them first"))
        self.consult_button.setToolTip(
            self.tr("Call them while the caller waits on hold; then hand the call over")
        )
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.consult_button.hide()  # shown by `open` when the phone can consult
        buttons = QHBoxLayout()
        buttons.addWidget(self.consult_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.dialer)
        layout.addLayout(buttons)
        self.dialer.dial_requested.connect(self._chosen)
        self.dialer.number.destination_changed.connect(self._update)
        self.consult_button.clicked.connect(self._consult)
        self.cancel_button.clicked.connect(self.cancel)
        self.hide()

    def open(self, context: GateContext, *, consult: bool = True) -> None:
        """Shown for the running call (its task and rules decide the gate); `consult`: the
        VPA may talk to the target first (no other call is on hold)."""
        self.consult_button.setVisible(consult)
        self.dialer.reset()
        self.dialer.set_context(context)
        self._update()
        self.show()
        self.dialer.number.setFocus()

    def cancel(self) -> None:
        self.hide()
        self.cancelled.emit()

    def _update(self) -> None:
        self.consult_button.setEnabled(self.dialer.call_button.isEnabled())

    def _consult(self) -> None:
        self._attended = True
        try:
            self.dialer.dial()  # the gate and its question, as for a call
        finally:
            self._attended = False

    def _chosen(self, destination: Destination, zone: CostZone) -> None:
        self.hide()
        signal = self.consult_requested if self._attended else self.transfer_requested
        signal.emit(destination, zone)
