"""`python -m tests.e2e.restart_driver`: runs the demo app as `vpaphone --demo` does
(`ui.app.run_app`) and, once its parts are loaded, chooses "Restart now" the way the language
question does (the main window's `restart_requested`). The test then looks for the new process."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from vpaphone.demo.backend import DemoSource
from vpaphone.ui.app import _application, run_app
from vpaphone.ui.mainwindow import MainWindow


def _restart_when_loaded(app: QApplication) -> None:
    for window in app.topLevelWidgets():
        if isinstance(window, MainWindow):
            try:
                window.services  # noqa: B018 - raises until Shell.load has attached it
            except RuntimeError:
                break
            print("RESTARTING", flush=True)
            window.restart_requested.emit()
            return
    QTimer.singleShot(50, lambda: _restart_when_loaded(app))


def main() -> int:
    app = _application()
    QTimer.singleShot(50, lambda: _restart_when_loaded(app))
    return run_app(DemoSource())


if __name__ == "__main__":
    sys.exit(main())
