"""The sign-in screen: my-vpa user name and password, "stay signed in", the server, clear errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vpaphone.myvpa.errors import InvalidCredentialsError
from vpaphone.texts.myvpa import keychain_problem_text, sign_in_failure_text

if TYPE_CHECKING:
    from vpaphone.app.backend import Backend
    from vpaphone.myvpa.errors import KeychainProblem


class SignInPage(QWidget):
    submitted = Signal(str, str, bool)  # user, password, stay signed in

    def __init__(self, backend: Backend | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._blocked = False  # a problem that signing in cannot get past (see `block`)
        self.title = QLabel(self.tr("Sign in to my-vpa"))
        self.title.setObjectName("title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.title.setFont(font)
        self.hint = QLabel(self.tr("Use your usual my-vpa user name and password."))
        self.hint.setWordWrap(True)

        self.user = QLineEdit()
        self.user.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.remember = QCheckBox(self.tr("&Stay signed in"))
        self.remember.setToolTip(
            self.tr("Keeps your sign-in in the system keychain, so you are not asked at start.")
        )
        self.server = QLabel()
        self.server.setAccessibleName(self.tr("my-vpa server"))
        self.demo = QLabel()
        self.demo.setWordWrap(True)
        self.demo.setObjectName("demo")
        self.demo.hide()

        self.keychain = QLabel()
        self.keychain.setWordWrap(True)
        self.keychain.setObjectName("keychain")
        self.keychain.hide()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setAccessibleName(self.tr("Sign-in problem"))
        self.error.hide()
        self.button = QPushButton(self.tr("Sign &in"))
        self.button.setDefault(True)
        self.button.setAutoDefault(True)
        self._lay_out()
        self.button.clicked.connect(self._submit)
        self.user.returnPressed.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        if backend is None:  # the app is still loading its parts: typing works already
            self.server.setText(self.tr("connecting…"))
            self.button.setEnabled(False)
        else:
            self.set_backend(backend)

    def set_backend(self, backend: Backend) -> None:
        """Which my-vpa this is (server, demo credentials); enables signing in."""
        from PySide6.QtCore import Qt  # noqa: PLC0415 - its enums cost 12 ms: not before frame 1

        self._backend = backend
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # may quote what a server sent
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.server.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.server.setText(backend.server_label or self.tr("not configured"))
        if backend.demo_credentials is not None:
            user, password = backend.demo_credentials
            self.demo.setText(
                self.tr(
                    "Demo mode: this is a demo my-vpa on your computer. "
                    "Sign in with user name %1 and password %2."
                )
                .replace("%1", user)
                .replace("%2", password)
            )
            if not self.user.text():
                self.user.setText(user)
        self.demo.setVisible(backend.demo_credentials is not None)
        if backend.transport is None:
            self.show_problem(backend.problem or self.tr("my-vpa is not configured."))
        self.button.setEnabled(backend.transport is not None and not self._blocked)

    def block(self, problem: str) -> None:
        """Show a problem that no sign-in can get past (the data folder); Sign in stays off."""
        self._blocked = True
        self.show_problem(problem)
        self.button.setEnabled(False)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self.remember)
        form.addRow(self.tr("Server:"), self.server)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        top: tuple[QWidget, ...] = (self.title, self.hint, self.demo)
        bottom: tuple[QWidget, ...] = (self.keychain, self.error, self.button)
        for widget in top:
            layout.addWidget(widget)
        layout.addLayout(form)
        for widget in bottom:
            layout.addWidget(widget)
        layout.addStretch(2)
        self.setMaximumWidth(520)

    def focus_first(self) -> None:
        (self.password if self.user.text() else self.user).setFocus()

    def set_user(self, user: str, remember: bool) -> None:
        if user:
            self.user.setText(user)
        self.remember.setChecked(remember)

    def set_keychain_problem(self, problem: KeychainProblem | None) -> None:
        self.keychain.setText(keychain_problem_text(problem) if problem else "")
        self.keychain.setVisible(problem is not None)

    def set_busy(self, busy: bool) -> None:
        ready = self._backend is not None and self._backend.transport is not None
        self.button.setEnabled(not busy and ready and not self._blocked)
        self.button.setText(self.tr("Signing in…") if busy else self.tr("Sign &in"))
        for field in (self.user, self.password, self.remember):
            field.setEnabled(not busy)

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def show_failure(self, exc: BaseException | None) -> None:
        """The sign-in failed: say why in words the VPA can act on; nothing typed is lost."""
        self.set_busy(False)
        if exc is None:
            self.show_problem("")
            self.focus_first()
            return
        self.show_problem(self.explain(exc))
        if isinstance(exc, InvalidCredentialsError):
            self.password.selectAll()
            self.password.setFocus()

    def explain(self, exc: BaseException) -> str:
        return sign_in_failure_text(exc, self._backend.server_label if self._backend else "")

    def _submit(self) -> None:
        user, password = self.user.text().strip(), self.password.text()
        if not user:
            self.show_problem(self.tr("Enter your my-vpa user name."))
            self.user.setFocus()
            return
        if not password:
            self.show_problem(self.tr("Enter your my-vpa password."))
            self.password.setFocus()
            return
        self.show_problem("")
        self.set_busy(True)
        self.submitted.emit(user, password, self.remember.isChecked())
