"""The status bar's standing note about records my-vpa does not have yet: not saved (disk full),
not accepted (with my-vpa's reasons), waiting for upload. Hidden when everything is confirmed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from vpaphone.app.sync import RecordsState
from vpaphone.texts.myvpa import refusal_text
from vpaphone.ui.widgets.plain import plain, plain_tooltip


class RecordStatus(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        plain(self)
        self.setAccessibleName(self.tr("Records not yet with my-vpa"))
        self.hide()

    def show_state(self, state: RecordsState) -> None:
        parts = []
        if state.unsaved:
            parts.append(self.tr("%n call record(s) not saved yet", "", state.unsaved))
        if state.refused:
            parts.append(self.tr("%n record(s) not accepted by my-vpa", "", state.refused))
        queued = state.waiting - state.refused
        if queued > 0:
            parts.append(self.tr("%n record(s) waiting for upload", "", queued))
        self.setText(" · ".join(parts))
        alarming = bool(state.unsaved or state.refused)
        self.setStyleSheet("color: #b00020;" if alarming else "")
        reasons = [refusal_text(code) for code in state.refusal_codes]
        self.setToolTip(plain_tooltip("\n".join(reasons)))
        self.setVisible(bool(parts))
