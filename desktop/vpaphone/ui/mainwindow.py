"""The main window: the sign-in form, then the signed-in page (`ui.mainpage`).

The window is light on purpose: it shows the sign-in form before the SIP engine, the my-vpa client
and the dialer are loaded. `attach(services)` connects it once they are (`ui.app` does that
right after the first frame; tests pass the services at once).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from vpaphone import APP_DISPLAY_NAME
from vpaphone.ui.signin import SignInPage
from vpaphone.ui.tray import TrayState

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QResizeEvent
    from PySide6.QtWidgets import QDialog

    from vpaphone.app.backend import Backend
    from vpaphone.app.notices import Notice
    from vpaphone.app.services import AppServices, DataFolderError
    from vpaphone.app.session import KeychainState, SignInFailure
    from vpaphone.ui.dialer import Confirm
    from vpaphone.ui.mainpage import MainPage
    from vpaphone.ui.signout import SignOutFlow


COMPACT_SIZE = QSize(380, 640)
COMPACT_BELOW = 640  # px (logical): narrower windows show the essentials (ui.mainpage)


class MainWindow(QMainWindow):
    tray_state_changed = Signal(TrayState, str)  # the state, a line of detail
    notification_requested = Signal(str, str)  # title, text: for the desktop (tray)
    quit_requested = Signal()
    restart_requested = Signal()  # the user chose to restart now (a new language shows then)

    def __init__(
        self,
        services: AppServices | None = None,
        *,
        confirm: Confirm | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._confirm = confirm  # None: ask with the dialer's own question box
        self.main: MainPage | None = None  # built at the first sign-in
        self.close_to_tray = False  # set by the app when a tray exists and the user wants it
        self.tray_available = False  # the app says whether a tray icon exists
        self.dialog: QDialog | None = None  # the last non-modal dialog opened (tests look at it)
        self.settings_dialog: QDialog | None = None
        self.restart_box: QDialog | None = None  # the open "restart for the language?" question
        self.signing_out: SignOutFlow | None = None  # its questions (made with the services)
        self._quitting = False
        self._pending_number: str | None = None
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.resize(980, 680)
        self._wide_size: QSize | None = None  # the size before "Compact window"
        self.restore_geometry()

        self.signin = SignInPage(services.backend if services else None)
        sign_in_holder = QWidget()
        holder = QHBoxLayout(sign_in_holder)
        holder.addStretch(1)
        holder.addWidget(self.signin)
        holder.addStretch(1)
        self.pages = QStackedWidget()
        self.pages.addWidget(sign_in_holder)
        self.setCentralWidget(self.pages)
        if services is not None:
            self.attach(services)

    @property
    def services(self) -> AppServices:
        if self._services is None:
            raise RuntimeError("the main window has no services yet")
        return self._services

    def attach(self, services: AppServices) -> None:
        """The app's parts are loaded: sign-in and everything after it work from now on."""
        from vpaphone.ui.recordstatus import RecordStatus  # noqa: PLC0415 - after the first frame
        from vpaphone.ui.signout import SignOutFlow  # noqa: PLC0415

        self._services = services
        self._make_menu()  # 13 ms for the first menu bar: after the first frame, with the rest
        session = services.session
        self.signin.set_backend(services.backend)
        self.signin.submitted.connect(session.sign_in)
        session.keychain_checked.connect(self._keychain_checked)
        session.sign_in_failed.connect(self._sign_in_failed)
        session.signed_in.connect(self.show_main)
        session.signed_out.connect(self.show_sign_in)
        for source in services.notice_sources:
            source.notice.connect(self._notice)
        self.signing_out = SignOutFlow(self, services)
        self.signing_out.message.connect(self._message)
        self.record_status = RecordStatus()
        self.statusBar().addPermanentWidget(self.record_status)
        services.sync.records_changed.connect(self.record_status.show_state)
        services.sync.publish()  # records an earlier run left (the VPA sees them at once)
        self.show_sign_in()

    def show_data_problem(self, backend: Backend, problem: DataFolderError) -> None:
        """The data folder cannot be used: say what is wrong where; no sign-in until fixed."""
        from vpaphone.texts.storage import data_problem_text  # noqa: PLC0415 - rarely needed

        self.signin.set_backend(backend)
        path = str(problem.path or backend.data_dir)
        self.signin.block(data_problem_text(problem.problem, path))

    def _make_menu(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence  # noqa: PLC0415 - after the first frame

        menu = self.menuBar().addMenu(self.tr("&Softphone"))
        self.sign_out_action = QAction(self.tr("Sign &out"), self)
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        for action in (self.settings_action, self.sign_out_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action.triggered.connect(self.quit)
        self.focus_number_action = QAction(self.tr("Dial a &number"), self)
        self.focus_number_action.setShortcut(QKeySequence("Ctrl+L"))
        self.focus_number_action.triggered.connect(self.focus_number)
        self.addAction(self.focus_number_action)
        view = self.menuBar().addMenu(self.tr("&View"))
        self.compact_action = QAction(self.tr("&Compact window"), self)
        self.compact_action.setCheckable(True)
        self.compact_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.compact_action.toggled.connect(self.set_compact_window)
        view.addAction(self.compact_action)

    # --- pages -----------------------------------------------------------------------------------

    def show_sign_in(self) -> None:
        self.pages.setCurrentIndex(0)
        self.signin.set_busy(False)
        session = self.services.session
        self.signin.set_user(session.last_user, session.stay_signed_in)
        self.signin.password.clear()
        self.signin.focus_first()
        self.sign_out_action.setEnabled(False)
        self.tray_state_changed.emit(TrayState.OFFLINE, self.tr("Not signed in"))

    def show_main(self) -> None:
        snapshot = self.services.session.snapshot
        if snapshot is None:
            return
        main = self._main_page()
        self.signin.set_busy(False)
        self.pages.setCurrentIndex(1)
        self.sign_out_action.setEnabled(True)
        main.show_account(snapshot)
        main.focus_number()
        self._fill_pending()

    def _fill_pending(self, *_: object) -> None:
        """A number that arrived while signed out or in a call, now that the dialer is free."""
        if self._pending_number:
            text, self._pending_number = self._pending_number, None
            self.fill_number(text)

    def _main_page(self) -> MainPage:
        if self.main is None:
            from vpaphone.ui.dialer import ask_confirmation  # noqa: PLC0415 - see module doc
            from vpaphone.ui.mainpage import MainPage  # noqa: PLC0415

            main = MainPage(self.services, self._confirm or ask_confirmation)
            main.set_compact(self.width() < COMPACT_BELOW)
            main.tray_state_changed.connect(self.tray_state_changed)
            main.notification_requested.connect(self.notification_requested)
            main.message.connect(self._message)
            main.number_wanted.connect(self.fill_number)
            self.services.phone.call_ended.connect(self._fill_pending)
            # scrolls rather than clips when the screen is small (200 % scaling on a laptop)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(main)
            self.pages.addWidget(scroll)
            self.main = main
        return self.main

    def _sign_in_failed(self, failure: SignInFailure) -> None:
        self.show_sign_in()
        self.signin.show_failure(failure.error)

    def _keychain_checked(self, state: KeychainState) -> None:
        self.signin.set_keychain_problem(state.problem)

    # --- user actions ----------------------------------------------------------------------------

    def fill_number(self, text: str) -> None:
        """A number from a link, `vpaphone dial`, the tray or a redial: ready to call."""
        self.bring_to_front()
        main = self.main
        if main is None or self.pages.currentIndex() != 1 or not main.fill_number(text):
            self._pending_number = text  # filled in after sign-in / after the call

    def focus_number(self) -> None:
        if self.main is not None and self.pages.currentIndex() == 1:
            self.main.focus_number()

    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def sign_out(self) -> None:
        if self.signing_out is not None:
            self.signing_out.start()

    def open_settings(self) -> None:
        if self.settings_dialog is not None and self.settings_dialog.isVisible():
            self.settings_dialog.raise_()
            self.settings_dialog.activateWindow()
            return
        from vpaphone.ui.settings import (  # noqa: PLC0415 - Qt Multimedia: only when opened
            make_settings_dialog,
        )

        dialog = make_settings_dialog(self.services.phone, self)
        # asked once the dialog has closed and saved the rest
        dialog.language_changed.connect(lambda _code: QTimer.singleShot(0, self._offer_restart))
        dialog.general_changed.connect(self._general_changed)
        if self.main is not None and self.main.phone_page.hotkeys is not None:
            dialog.general.hotkeys.show_status(self.main.phone_page.hotkeys.status())
        self.dialog = self.settings_dialog = dialog
        dialog.show()  # non-modal: a running call's controls stay reachable

    def _general_changed(self) -> None:
        from vpaphone.ui.settings import close_to_tray_wanted  # noqa: PLC0415 - as above

        self.close_to_tray = self.tray_available and close_to_tray_wanted(QSettings())
        if self.main is not None:
            self.main.phone_page.use_background_keys()

    def _offer_restart(self) -> None:
        """A new language shows after a restart: offer one now, unless a call is on."""
        later = self.tr("The new language is used from the next start of the softphone.")
        session = self.services.session
        if self.services.phone.call is not None:
            self._message(later)
            return
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - rarely needed

        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Language"),
            self.tr("The softphone shows the new language after a restart."),
            parent=self,
        )
        box.setWindowModality(Qt.WindowModality.NonModal)  # a call may come in meanwhile
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if session.active and not session.stay_signed_in:
            box.setInformativeText(self.tr("You will need to sign in again."))
        restart = box.addButton(self.tr("Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restart)

        def answered(clicked: object) -> None:
            self.restart_box = None
            if clicked is restart and self.services.phone.call is None:
                self.restart_requested.emit()
            else:  # Later, or a call came in meanwhile
                self._message(later)

        box.buttonClicked.connect(answered)
        self.restart_box = box
        box.show()

    def quit(self) -> None:
        self._quitting = True
        self.save_geometry()
        self.quit_requested.emit()

    # --- size and place ---------------------------------------------------------------------

    def _geometry_key(self) -> str:
        """Per screen: a laptop's own display and the office monitor keep their own places."""
        screen = self.screen()
        return f"window/geometry/{screen.name() if screen is not None else 'default'}"

    def save_geometry(self) -> None:
        QSettings().setValue(self._geometry_key(), self.saveGeometry())

    def restore_geometry(self) -> None:
        saved = QSettings().value(self._geometry_key())
        if isinstance(saved, QByteArray | bytes) and saved:
            self.restoreGeometry(QByteArray(saved))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.main is not None:  # by the window's width: the page itself may scroll
            self.main.set_compact(event.size().width() < COMPACT_BELOW)

    def set_compact_window(self, compact: bool) -> None:
        """View → Compact window: number, Call, task and share in a narrow window."""
        if compact:
            self._wide_size = self.size()
            self.resize(COMPACT_SIZE)
        elif self._wide_size is not None:
            self.resize(self._wide_size)

    def _notice(self, notice: Notice) -> None:
        from vpaphone.texts.notices import notice_text  # noqa: PLC0415 - loaded by now

        self._message(notice_text(notice, self.services.session.rules))

    def _message(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text, 15_000)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.save_geometry()
        if self.close_to_tray and not self._quitting:
            event.ignore()
            self.hide()
            return
        event.accept()
        if not self._quitting:
            self.quit()
