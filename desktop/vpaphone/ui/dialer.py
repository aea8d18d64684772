"""The dialer: country, number, dial pad and the Call button, with the call gate evaluated live."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vpaphone.core import gate
from vpaphone.core.gate import GateResult, evaluate_call
from vpaphone.core.model import CostZone, Decision, Destination, Task
from vpaphone.core.rules import Language, RuleData
from vpaphone.core.share import ShareState
from vpaphone.core.zones import ZoneTable
from vpaphone.texts.gate import reason_text, target_text
from vpaphone.ui.widgets.countries import HOME_REGION
from vpaphone.ui.widgets.country_picker import CountryPicker
from vpaphone.ui.widgets.dialpad import Dialpad
from vpaphone.ui.widgets.number_field import NumberField
from vpaphone.ui.widgets.plain import plain, plain_box, plain_tooltip
from vpaphone.ui.widgets.uilang import ui_language


@dataclass(frozen=True, slots=True)
class GateContext:
    """What the call gate needs from the shell: the active task (None: none) and the rules."""

    task: Task | None
    rules: RuleData
    zones: ZoneTable
    share: ShareState | None = None


# Asks the user to confirm a warned call; gets the dialer (as parent) and the issue's text.
Confirm = Callable[[QWidget, str], bool]


def ask_confirmation(parent: QWidget, issue: str) -> bool:
    """A modal question naming the issue; Cancel is the default button."""
    box = plain_box(QMessageBox(parent))  # gate reasons name provisioned area labels
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("DialerWidget", "Call anyway?"))
    box.setText(issue)
    box.setInformativeText(QCoreApplication.translate("DialerWidget", "Place the call anyway?"))
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Ok).setText(
        QCoreApplication.translate("DialerWidget", "Call")
    )
    return box.exec() == QMessageBox.StandardButton.Ok


class DialerWidget(QWidget):
    """Emits `dial_requested(Destination, CostZone)` only when the gate lets the call through."""

    dial_requested = Signal(Destination, CostZone)
    blocked_attempt = Signal(Destination, CostZone)  # Call/Enter on a number the gate blocks
    quote_requested = Signal(Destination)  # "Ask for a quote…" on a blocked non-EU number

    def __init__(
        self,
        context: GateContext,
        *,
        default_country: str = HOME_REGION,
        feedback: Callable[[str], None] | None = None,
        confirm: Confirm = ask_confirmation,
        language: Language | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._confirm = confirm
        self._language = language or ui_language()
        self._unavailable: str | None = None
        self._result: GateResult | None = None
        self.action_text: str | None = None  # the button's word when not "Call" (transfer)
        self.picker = CountryPicker(
            context.zones, default=default_country, language=self._language, parent=self
        )
        self.number = NumberField(self.picker.country(), self)
        self.dialpad = Dialpad(feedback, self)
        self.call_button = QPushButton(self.tr("Call"), self)
        self.call_button.setAccessibleName(self.tr("Call"))
        self.call_button.setShortcut(QKeySequence("Ctrl+Return"))
        self._make_labels()

        layout = QVBoxLayout(self)
        layout.addWidget(self.outcome_label)
        layout.addWidget(self.picker)
        layout.addWidget(self.number)
        layout.addWidget(self.target_label)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.quote_button)
        pad_row = QHBoxLayout()
        pad_row.addStretch(1)
        pad_row.addWidget(self.dialpad)
        pad_row.addStretch(1)
        layout.addLayout(pad_row)
        layout.addStretch(1)
        layout.addWidget(self.call_button)
        self.setTabOrder(self.picker, self.number)
        self.setTabOrder(self.number, self.call_button)

        self.picker.country_changed.connect(self.number.set_region)
        self.number.country_requested.connect(self.picker.set_country)
        self.number.destination_changed.connect(self._update)
        self.number.edit.textEdited.connect(self.outcome_label.hide)  # the next action
        self.number.submitted.connect(self.dial)
        self.dialpad.typed.connect(self._typed)
        self.call_button.clicked.connect(self.dial)
        self.quote_button.clicked.connect(self._quote)
        self._update()

    def _make_labels(self) -> None:
        self.reason_label = QLabel(self)
        plain(self.reason_label)
        self.reason_label.setAccessibleName(self.tr("Why this call is blocked or needs care"))
        self.reason_label.setWordWrap(True)
        self.reason_label.hide()
        self.outcome_label = QLabel(self)
        self.outcome_label.setAccessibleName(self.tr("How the last call ended"))
        self.outcome_label.setWordWrap(True)
        self.outcome_label.setStyleSheet("color: #b00020;")
        self.outcome_label.hide()
        self.target_label = QLabel(self)
        self.target_label.setAccessibleName(self.tr("What will be dialled"))
        self.target_label.setWordWrap(True)
        self.quote_button = QPushButton(self.tr("Ask the admin team for a &quote…"), self)
        self.quote_button.hide()

    # --- fed by the shell -------------------------------------------------------------------

    def set_context(self, context: GateContext) -> None:
        """The active task, its share or the rules changed: re-evaluate the gate."""
        self._context = context
        self._update()

    def set_unavailable(self, reason: str | None) -> None:
        """Calls cannot be placed right now for a reason outside the gate (not registered,
        already in a call); None when they can again."""
        self._unavailable = reason
        self._update()

    def set_number(self, text: str) -> None:
        """Fill in a number (redial, `tel:` link, quick dial), as if it had been pasted."""
        self.number.set_text(text)
        self.number.setFocus()

    def set_compact(self, compact: bool) -> None:
        """Narrow window: no dial pad (the keyboard types), a shorter country picker."""
        self.dialpad.setVisible(not compact)
        self.picker.setMinimumContentsLength(12 if compact else 20)

    def reset(self) -> None:
        """A fresh start (after a call, at sign-in): empty number, the default country."""
        self.number.clear()
        self.picker.reset()

    def show_outcome(self, text: str) -> None:
        """Why the last call failed: stays until the VPA types or dials again."""
        self.outcome_label.setText(text)
        self.outcome_label.setVisible(bool(text))

    def gate_result(self) -> GateResult | None:
        """The gate's verdict on the current number; None while it is not a dialable number."""
        return self._result

    # --- the user dials ---------------------------------------------------------------------

    def dial(self) -> bool:
        """Call the current number if the gate allows it (asking first when it warns)."""
        destination = self.number.destination()
        if destination is None:
            self.number.show_problem()
            return False
        result = self._result
        if result is not None and result.decision is Decision.BLOCK:
            self.blocked_attempt.emit(destination, self._zone(destination))
            return False
        if self._unavailable is not None or result is None:
            return False
        zone = self._zone(destination)
        self.outcome_label.hide()
        if result.decision is Decision.WARN:
            issue = "\n\n".join(self._texts(result))
            if not self._confirm(self, issue):
                return False
        self.dial_requested.emit(destination, zone)
        return True

    # --- internals ----------------------------------------------------------------------------

    def _quote(self) -> None:
        destination = self.number.destination()
        if destination is not None:
            self.quote_requested.emit(destination)

    def _typed(self, key: str) -> None:
        self.number.type_key(key)
        self.number.setFocus()

    def _zone(self, destination: Destination) -> CostZone:
        return self._context.zones.zone_of(destination.region)

    def _texts(self, result: GateResult) -> list[str]:
        return [reason_text(reason, self._context.rules) for reason in result.reasons]

    def _update(self) -> None:
        destination = self.number.destination()
        context = self._context
        if destination is None:
            self._result = None
        else:
            self._result = evaluate_call(
                destination,
                self._zone(destination),
                context.task,
                context.rules,
                share=context.share,
            )
        result = self._result
        texts: list[str] = []
        if self._unavailable is not None:
            texts.append(self._unavailable)
        if result is not None and destination is not None:
            texts.extend(self._texts(result))
        elif context.task is None:  # say so before the user types a whole number in vain
            texts.append(
                self.tr("No active task: pick the customer task you are working on first.")
            )
        self.target_label.setText(
            target_text(destination, self._zone(destination)) if destination is not None else ""
        )
        blocked = result is not None and result.decision is Decision.BLOCK
        self.quote_button.setVisible(
            result is not None
            and gate.NON_EU_NEEDS_QUOTE in result.codes
            and context.task is not None
        )
        self.call_button.setEnabled(
            result is not None and not blocked and self._unavailable is None
        )
        action = self.action_text or self.tr("Call")
        warned = result is not None and result.decision is Decision.WARN
        self.call_button.setText(f"{action}…" if warned else action)  # … : it asks first
        self.reason_label.setText("\n".join(texts))
        self.reason_label.setVisible(bool(texts))
        self.call_button.setToolTip(plain_tooltip("\n".join(texts)))
