"""Starting the softphone: display check, single instance, translations, window, tray, shutdown.

    run_app(source, number=None) -> exit code

`source` (`vpaphone.app.backend.BackendSource`) is the backend the entry point chose: the
configured company my-vpa or the embedded demo. Without a display the app says so in one line
(`vpaphone.ui.display`) and exits before Qt loads a platform plugin. The window (sign-in form)
is shown first; the services (SIP engine, my-vpa client) and the backend load right after the
first frame (`Shell.load`), while the VPA starts typing.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSocketNotifier, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from vpaphone import APP_DISPLAY_NAME, APP_NAME, paths
from vpaphone.hardening import harden_process, make_private
from vpaphone.logsetup import configure_logging
from vpaphone.platform.fileopen import LinkOpenFilter
from vpaphone.platform.identity import claim_app_user_model_id
from vpaphone.shipped import check_resources
from vpaphone.ui.broken_install import report_broken_installation
from vpaphone.ui.display import EXIT_NO_DISPLAY, display_problem
from vpaphone.ui.i18n import install_translations
from vpaphone.ui.mainwindow import MainWindow
from vpaphone.ui.single import InstanceServer, instance_address, send_to_running
from vpaphone.ui.tray import Tray

if TYPE_CHECKING:
    from vpaphone.app.backend import BackendSource
    from vpaphone.app.services import AppServices

EXIT_DEMO_FAILED = 1
_SIGNAL_SOCKETS: list[socket.socket] = []
log = logging.getLogger(__name__)


def run_app(
    source: BackendSource,
    number: str | None = None,
    *,
    handover: Sequence[Path] = (),
    minimized: bool = False,
) -> int:
    """`handover`: data folders of other backends whose running instance may take the request
    too (`vpaphone dial` reaches a running `--demo` softphone). `minimized`: a start at login
    (to the tray)."""
    problem = display_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_NO_DISPLAY
    harden_process()  # before anything is written or any secret is in memory
    for folder in (paths.data_dir(), paths.config_dir(), paths.log_dir()):
        make_private(folder)  # also what older versions left readable to others
    configure_logging()
    app = _application()
    settings_dir = Path(QSettings().fileName()).parent  # Linux: ~/.config/my-vpa
    if settings_dir.name == app.organizationName():  # a folder of ours (not macOS' Preferences)
        make_private(settings_dir)
    address = instance_address(source.data_dir)
    request = f"dial {number}" if number else "show"
    if any(send_to_running(instance_address(d), request) for d in (source.data_dir, *handover)):
        print("vpaphone is already running: handed over to it.")
        return 0
    resources = check_resources()
    if not resources.complete:
        return report_broken_installation(resources)
    instance = InstanceServer(address)
    instance.listen()
    shell = Shell(QSettings())
    instance.show_requested.connect(shell.window.bring_to_front)
    instance.dial_requested.connect(shell.window.fill_number)
    links = LinkOpenFilter(app)  # macOS: links arrive as QFileOpenEvent, not in argv
    links.link_opened.connect(shell.window.fill_number)
    app.installEventFilter(links)
    shell.show(source, number, minimized=minimized and number is None)
    _quit_on_signals(app, shell.window.quit)
    code = app.exec()
    instance.close()
    shell.close()
    if shell.restart_wanted:
        from vpaphone.ui.restart import relaunch  # noqa: PLC0415 - rarely needed

        relaunch(source.launch_options)
    return shell.exit_code if shell.exit_code is not None else int(code)


def _application() -> QApplication:
    claim_app_user_model_id()  # Windows: the Start-menu shortcut's ID, before any window
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("my-vpa")
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setDesktopFileName(APP_NAME)
    return app


def _quit_on_signals(app: QApplication, quit_app: Callable[[], None]) -> None:
    """SIGTERM/SIGINT end the app like Quit: calls hung up, records queued, children stopped.

    Python runs a signal handler only when it gets control back from Qt: the signal's byte on
    a socket pair (`set_wakeup_fd`) wakes the event loop at once — no polling timer (an idle
    phone wakes nobody). The quit is queued, so a signal that arrives before the loop runs,
    or inside a dialog's loop, still ends the app the first time. Through the window's Quit
    (`quit_app`): a bare app.quit() is refused while the window only hides to the tray on
    close — the session's SIGTERM at logout went unanswered.
    """
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)  # the handler below has run by the time this returns

    def stop(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, quit_app)

    notifier.activated.connect(drain)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    _SIGNAL_SOCKETS[:] = [reader, writer]  # alive as long as the process


class Shell:
    """The running app: window and tray at once; services and backend right after."""

    def __init__(self, settings: QSettings) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        install_translations(app, settings)  # before any widget exists
        self.settings = settings
        self.services: AppServices | None = None
        self.tray: Tray | None = None
        self.exit_code: int | None = None
        self.restart_wanted = False  # run_app starts the app again once this one has shut down
        self._backends = contextlib.ExitStack()  # the demo server and peer, while running
        self.window = MainWindow()
        self.window.quit_requested.connect(app.quit)
        self.window.restart_requested.connect(self._restart)

    def show(self, source: BackendSource, number: str | None, *, minimized: bool = False) -> None:
        """Show the window now; load the rest as soon as the event loop runs. `minimized` (the
        login start): no window, only the tray icon — or a minimized window without a tray."""
        if not minimized:
            self.window.show()
            # After the first pass of the event loop: the time support (and make bench) sees.
            QTimer.singleShot(0, lambda: log.info("window shown"))
        if number:
            self.window.fill_number(number)
        QTimer.singleShot(0, lambda: self.load(source, minimized=minimized))

    def load(self, source: BackendSource, *, minimized: bool = False) -> None:
        from vpaphone.app.services import (  # noqa: PLC0415 - after the first frame
            AppServices,
            DataFolderError,
        )
        from vpaphone.ui.settings import close_to_tray_wanted  # noqa: PLC0415

        try:
            backend = self._backends.enter_context(source.open())
        except RuntimeError as exc:  # the demo peer or server could not start
            print(f"The demo could not start: {exc}", file=sys.stderr)
            self.exit_code = EXIT_DEMO_FAILED
            QApplication.quit()
            return
        if backend.demo_credentials is not None:
            user, password = backend.demo_credentials
            print(f"Demo my-vpa at {backend.server_label}: sign in with {user} / {password}")
            if sys.stdout is not None:  # None in Windows' windowed vpaphone.exe
                sys.stdout.flush()
        self._add_tray()
        try:
            self.services = AppServices(backend, self.settings)
        except DataFolderError as exc:  # the window says what is wrong where, and what to do
            log.error("the local data cannot be used (%s): %s", exc.problem.value, exc)
            self.window.show_data_problem(backend, exc)
            if minimized:
                self.window.bring_to_front()  # a login start must not hide what blocks sign-in
            return
        self.window.attach(self.services)
        self.window.close_to_tray = self.window.tray_available and close_to_tray_wanted(
            self.settings
        )
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(not self.window.close_to_tray)
        if minimized and not self.window.tray_available:
            self.window.showMinimized()  # nowhere else to come back from
        log.info("ready for sign-in: %s", backend.server_label or "my-vpa not configured")
        self.services.session.check_keychain()
        self.services.session.resume()

    def _add_tray(self) -> None:
        """Icons (SVG) and tray come with the rest, after the first frame."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.setWindowIcon(QIcon(str(paths.resource("icons", "vpaphone.svg"))))
        tray = Tray()
        self.window.tray_state_changed.connect(tray.set_state)
        self.window.notification_requested.connect(tray.notify)
        tray.show_requested.connect(self.window.bring_to_front)
        tray.quick_dial_requested.connect(self._quick_dial)
        tray.quit_requested.connect(self.window.quit)
        tray.show()
        self.window.tray_available = tray.available
        self.tray = tray

    def _restart(self) -> None:
        self.restart_wanted = True
        self.window.quit()

    def _quick_dial(self) -> None:
        self.window.bring_to_front()
        self.window.focus_number()

    def close(self) -> None:
        if self.tray is not None:
            self.tray.close()
        if self.services is not None:
            self.services.close()
        self._backends.close()
        self.window.deleteLater()
