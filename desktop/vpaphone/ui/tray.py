"""The tray icon: state at a glance, quick dial, notifications, and the window's way back."""

from __future__ import annotations

import enum

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from vpaphone import APP_DISPLAY_NAME, paths


class TrayState(enum.Enum):
    READY = "tray-ready"
    IN_CALL = "tray-call"
    OFFLINE = "tray-offline"


def icon(name: str) -> QIcon:
    return QIcon(str(paths.resource("icons", f"{name}.svg")))


class Tray(QObject):
    show_requested = Signal()
    quick_dial_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = TrayState.OFFLINE
        self.icon = QSystemTrayIcon(icon(TrayState.OFFLINE.value), self)
        self.menu = QMenu()
        self.show_action = QAction(self.tr("&Show window"), self)
        self.dial_action = QAction(self.tr("&Quick dial…"), self)
        self.quit_action = QAction(self.tr("&Quit"), self)
        for action in (self.show_action, self.dial_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.icon.setContextMenu(self.menu)
        self.show_action.triggered.connect(self.show_requested.emit)
        self.dial_action.triggered.connect(self.quick_dial_requested.emit)
        self.quit_action.triggered.connect(self.quit_requested.emit)
        self.icon.activated.connect(self._activated)
        self.set_state(TrayState.OFFLINE, self.tr("Not signed in"))

    @property
    def available(self) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        if self.available:
            self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def set_state(self, state: TrayState, detail: str) -> None:
        self.state = state
        self.icon.setIcon(icon(state.value))
        self.icon.setToolTip(f"{APP_DISPLAY_NAME} — {detail}")

    def notify(self, title: str, text: str) -> None:
        """A desktop notification (where the desktop has a tray to show it)."""
        if self.available and self.icon.isVisible():
            self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 10_000)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_requested.emit()

    def close(self) -> None:
        self.icon.hide()
        self.menu.deleteLater()
