"""`python -m tests.e2e.layout_probe OUT.json [SHOT_DIR]`: the signed-in window on the screen
Qt was started with (QT_QPA_PLATFORM=offscreen:configfile=…, QT_SCALE_FACTOR=…), against the
demo backend (`vpaphone --demo`'s own), in a wide window that fills the screen and in a
360 px one. Writes what a user would see clipped: every visible widget that sticks out of the
window or is narrower than it needs, and whether the page had to scroll sideways.

A separate process because the scale factor and the screen are fixed when Qt starts.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _wait(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("layout probe: state not reached")
        QApplication.processEvents()
        time.sleep(0.02)


def clipped(window: Any) -> list[str]:
    """Visible widgets that leave the window sideways or are squeezed below their minimum."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QLineEdit, QScrollArea, QWidget

    found: list[str] = []
    for widget in window.centralWidget().findChildren(QWidget):
        if not widget.isVisible() or widget.width() == 0:
            continue
        if isinstance(widget.parentWidget(), QLineEdit):
            continue  # the edit's own clear button: Qt sizes it to the edit (which is checked)
        name = f"{type(widget).__name__}({widget.accessibleName() or widget.objectName()})"
        left = widget.mapTo(window, QPoint(0, 0)).x()
        if left < 0 or left + widget.width() > window.width() + 1:
            found.append(f"{name} at x={left}..{left + widget.width()} of {window.width()}")
        if widget.minimumSizeHint().width() > widget.width() + 1:
            found.append(f"{name} {widget.width()} px < {widget.minimumSizeHint().width()}")
        if isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible():
            found.append(f"{name} scrolls sideways")
    return found


def main(out: Path, shots: Path | None) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from vpaphone.app.services import AppServices
    from vpaphone.demo.backend import DemoSource
    from vpaphone.ui.mainwindow import MainWindow

    app = QApplication(sys.argv[:1])
    screen = app.primaryScreen().availableGeometry()
    report: dict[str, Any] = {"screen": [screen.width(), screen.height()]}
    with tempfile.TemporaryDirectory() as tmp, DemoSource().open() as backend:
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        services = AppServices(backend, settings)
        window = MainWindow(services, confirm=lambda parent, issue: True)
        window.showMaximized()
        window.signin.password.setText("demo")
        window.signin.button.click()
        _wait(lambda: window.pages.currentIndex() == 1)
        main = window.main
        assert main is not None
        index = main.tasks.picker.findData("T-1001")
        main.tasks.picker.setCurrentIndex(index)
        main.tasks.picker.activated.emit(index)
        main.dialer.set_number("0221 82829980")
        for label in ("wide", "narrow"):
            if label == "narrow":
                window.showNormal()
                window.resize(360, screen.height() - 40)
                _wait(lambda: window.width() == 360)
            QApplication.processEvents()
            report[label] = {
                "window": [window.width(), window.height()],
                "frame": [window.frameGeometry().width(), window.frameGeometry().height()],
                "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
                "compact": main.compact,
                "clipped": clipped(window),
                "visible": {
                    "registration": main.registration.isVisible(),
                    "number": main.dialer.number.isVisible(),
                    "call": main.dialer.call_button.isVisible(),
                    "task": main.tasks.picker.isVisible(),
                    "share": main.tasks.gauge.isVisible(),
                },
            }
            if shots is not None:
                shots.mkdir(parents=True, exist_ok=True)
                window.grab().save(str(shots / f"7-{label}-200-percent.png"))
        services.close()
    out.write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None))
