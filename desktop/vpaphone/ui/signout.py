"""Signing out, as the VPA is asked about it: what leaves the computer, and what may not yet.

Records my-vpa has not confirmed are never deleted. The first question says they are uploaded
first; if some still cannot go up (my-vpa unreachable, or refusing them), the second question
says how many and why, and lets the VPA stay signed in or sign out keeping them here — they go
up at their own next sign-in.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from vpaphone.app.notices import failure_notice
from vpaphone.app.services import AppServices
from vpaphone.app.session import SignOutBlocked
from vpaphone.texts.notices import notice_text
from vpaphone.ui.widgets.plain import plain_box


class SignOutFlow(QObject):
    """The sign-out questions of the main window (non-modal: `box` is the open one)."""

    message = Signal(str)  # for the status bar

    def __init__(self, window: QWidget, services: AppServices) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self.box: QMessageBox | None = None
        self.confirm_button: QWidget | None = None  # the box's "go ahead" button
        services.session.sign_out_blocked.connect(self._blocked)

    def start(self) -> None:
        """Sign out menu: ask, then upload and sign out (or say why not)."""
        services = self._services
        if services.phone.call is not None:
            self.message.emit(self.tr("Hang up before signing out."))
            return
        text = self.tr("Sign out? Your tasks and call history are removed from this computer.")
        waiting = services.sync.waiting()
        if waiting:
            text += " " + self.tr(
                "%n record(s) my-vpa has not confirmed yet are uploaded first; none is deleted.",
                "",
                waiting,
            )
        box = self._ask(self.tr("Sign out"), text, "")
        self.confirm_button = box.addButton(self.tr("Sign out"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.buttonClicked.connect(
            lambda clicked: self._confirmed() if clicked is self.confirm_button else None
        )
        box.show()

    def _blocked(self, blocked: SignOutBlocked) -> None:
        session = self._services.session
        user = session.snapshot.user if session.snapshot else ""
        if blocked.count:
            text = self.tr("%n record(s) are not confirmed by my-vpa yet.", "", blocked.count)
        else:
            text = self.tr("It is not known whether my-vpa has all your records.")
        if blocked.refused:
            text += " " + self.tr("my-vpa did not accept %n of them.", "", blocked.refused)
        if blocked.error is not None:
            text += " " + notice_text(failure_notice(blocked.error, 0), session.rules)
        detail = self.tr(
            "Sign out anyway: they stay on this computer (nothing else of yours) and are uploaded "
            "when you sign in again as %1. Stay signed in: the softphone keeps trying."
        ).replace("%1", user)
        box = self._ask(self.tr("Records not uploaded"), text, detail)
        self.confirm_button = box.addButton(
            self.tr("Keep them and sign out"), QMessageBox.ButtonRole.AcceptRole
        )
        stay = box.addButton(self.tr("Stay signed in"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.buttonClicked.connect(
            lambda clicked: (
                self._keep_and_sign_out()
                if clicked is self.confirm_button
                else session.cancel_sign_out()
            )
        )
        box.show()

    def _confirmed(self) -> None:
        if self._services.phone.call is not None:  # one came in while the question was open
            self.message.emit(self.tr("Hang up before signing out."))
            return
        self._services.session.sign_out()

    def _keep_and_sign_out(self) -> None:
        if self._services.phone.call is not None:
            self._services.session.cancel_sign_out()
            self.message.emit(self.tr("Hang up before signing out."))
            return
        self._services.session.finish_sign_out()

    def _ask(self, title: str, text: str, detail: str) -> QMessageBox:
        box = plain_box(QMessageBox(QMessageBox.Icon.Question, title, text, parent=self._window))
        box.setWindowModality(Qt.WindowModality.NonModal)  # a call may come in meanwhile
        if detail:
            box.setInformativeText(detail)
        self.box = box
        return box
