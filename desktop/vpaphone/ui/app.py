"""Starting the softphone: display check, single instance, translations, window, tray, shutdown.

    run_app(demo=True, number=None) -> exit code

Without a display the app says so in one line (`vpaphone.ui.display`) and exits before Qt loads
a platform plugin. The window (sign-in form) is shown first; the SIP engine, the my-vpa client
and the demo backend load right after the first frame (`Shell.load`), while the VPA starts typing.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from vpaphone import APP_DISPLAY_NAME, APP_NAME, paths
from vpaphone.logsetup import configure_logging
from vpaphone.shipped import check_resources
from vpaphone.ui.broken_install import report_broken_installation
from vpaphone.ui.display import EXIT_NO_DISPLAY, display_problem
from vpaphone.ui.i18n import install_translations
from vpaphone.ui.mainwindow import MainWindow
from vpaphone.ui.single import InstanceServer, send_to_running, server_name
from vpaphone.ui.tray import Tray

if TYPE_CHECKING:
    from vpaphone.ui.backend import Backend
    from vpaphone.ui.controller import Controller

log = logging.getLogger(__name__)
EXIT_DEMO_FAILED = 1


def run_app(*, demo: bool, number: str | None = None, minimized: bool = False) -> int:
    problem = display_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_NO_DISPLAY
    configure_logging()
    app = _application()
    name = instance_name(demo)
    if send_to_running(name, f"dial {number}" if number else "show"):
        print("vpaphone is already running: handed over to it.")
        return 0
    resources = check_resources()
    if not resources.complete:
        return report_broken_installation(resources)
    instance = InstanceServer(name)
    instance.listen()
    shell = Shell(QSettings())
    instance.show_requested.connect(shell.window.bring_to_front)
    instance.dial_requested.connect(shell.window.fill_number)
    shell.show(demo, number, minimized=minimized and number is None)
    _quit_on_signals(app, shell.window.quit)
    code = app.exec()
    instance.close()
    shell.close()
    if shell.restart_wanted:
        from vpaphone.ui.restart import relaunch  # noqa: PLC0415 - rarely needed

        relaunch(demo=demo)
    return shell.exit_code if shell.exit_code is not None else int(code)


def instance_name(demo: bool) -> str:
    from vpaphone.ui.backend import demo_data_dir  # noqa: PLC0415 - light, but only here

    return server_name(demo_data_dir() if demo else paths.data_dir())


def _application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("my-vpa")
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setDesktopFileName(APP_NAME)
    return app


def _quit_on_signals(app: QApplication, quit_app: Callable[[], None]) -> None:
    """SIGTERM/SIGINT end the app like Quit: calls hung up, records queued, children stopped.
    Through the window's Quit: a bare app.quit() is refused while the window only hides to the
    tray on close (the session's SIGTERM at logout went unanswered)."""

    def stop(_signum: int, _frame: object) -> None:
        quit_app()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    wake = QTimer(app)  # Python runs signal handlers only when it gets control back from Qt
    wake.timeout.connect(lambda: None)
    wake.start(250)


class Shell:
    """The running app: window and tray at once; controller and backend right after."""

    def __init__(self, settings: QSettings) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        install_translations(app, settings)  # before any widget exists
        self.settings = settings
        self.controller: Controller | None = None
        self.tray: Tray | None = None
        self.exit_code: int | None = None
        self.restart_wanted = False  # run_app starts the app again once this one has shut down
        self._backends = contextlib.ExitStack()  # the demo server and peer, while running
        self.window = MainWindow()
        self.window.quit_requested.connect(app.quit)
        self.window.restart_requested.connect(self._restart)

    def show(self, demo: bool, number: str | None, *, minimized: bool = False) -> None:
        """Show the window now; load the rest as soon as the event loop runs. `minimized` (the
        login start): no window, only the tray icon — or a minimized window without a tray."""
        if not minimized:
            self.window.show()
            # After the first pass of the event loop: the time support (and make bench) sees.
            QTimer.singleShot(0, lambda: log.info("window shown"))
        if number:
            self.window.fill_number(number)
        QTimer.singleShot(0, lambda: self.load(demo, minimized=minimized))

    def load(self, demo: bool, *, minimized: bool = False) -> None:
        from vpaphone.ui.backend import configured_backend, demo_backend  # noqa: PLC0415
        from vpaphone.ui.controller import Controller  # noqa: PLC0415
        from vpaphone.ui.settings import close_to_tray_wanted  # noqa: PLC0415

        try:
            backend: Backend = (
                self._backends.enter_context(demo_backend()) if demo else configured_backend()
            )
        except RuntimeError as exc:  # the demo peer or server could not start
            print(f"The demo could not start: {exc}", file=sys.stderr)
            self.exit_code = EXIT_DEMO_FAILED
            QApplication.quit()
            return
        if backend.demo_credentials is not None:
            user, password = backend.demo_credentials
            print(f"Demo my-vpa at {backend.server_label}: sign in with {user} / {password}")
            sys.stdout.flush()
        self._add_tray()
        self.controller = Controller(backend, self.settings)
        self.window.attach(self.controller)
        self.window.close_to_tray = self.window.tray_available and close_to_tray_wanted(
            self.settings
        )
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(not self.window.close_to_tray)
        if minimized and not self.window.tray_available:
            self.window.showMinimized()  # nowhere else to come back from
        log.info("ready for sign-in: %s", backend.server_label or "my-vpa not configured")
        self.controller.check_keychain()
        self.controller.resume()

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
        if self.controller is not None:
            self.controller.close()
        self._backends.close()
        self.window.deleteLater()
