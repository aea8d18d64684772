"""The monitoring notice (RULES.md 5), shown once per VPA after the first sign-in on this
computer; Settings → About shows it again. A panel, not a dialog: nothing blocks the phone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from vpaphone.app.session import SessionService
from vpaphone.texts.rules import monitoring_notice

NOTICE = "monitoring"


class MonitoringNotice(QFrame):
    def __init__(self, session: SessionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("monitoringNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#monitoringNotice { background: #e8f0fe; }")
        self.text = QLabel(monitoring_notice())
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAccessibleName(self.tr("Monitoring of calls"))
        self.ok_button = QPushButton(self.tr("Understood"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.ok_button)
        self.ok_button.clicked.connect(self._seen)
        self.hide()

    def show_once(self) -> None:
        """Shown until the signed-in VPA confirms it once on this computer."""
        self.setVisible(not self._session.notice_seen(NOTICE))

    def _seen(self) -> None:
        self._session.mark_notice_seen(NOTICE)
        self.hide()
