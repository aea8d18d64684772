"""An installation that lost shipped files says so in a window, on stderr and in the log.

Without this, a wheel or bundle missing its `resources/` started, showed the sign-in form and hung
at "connecting…" with an empty log. The check runs before any other window is built.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from vpaphone import APP_DISPLAY_NAME
from vpaphone.shipped import ResourceCheck
from vpaphone.ui.i18n import install_translations

log = logging.getLogger(__name__)
EXIT_BROKEN_INSTALLATION = 4
SHOWN = 5  # missing files named in the message itself


def report_broken_installation(check: ResourceCheck) -> int:
    """Logs and shows what is missing; returns the exit code once the user closed the message."""
    log.error("installation incomplete: %s", check.summary())
    print(f"vpaphone: installation incomplete: {check.summary()}", file=sys.stderr, flush=True)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    translators = install_translations(app, QSettings())  # German, if its file is there
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        APP_DISPLAY_NAME,
        QCoreApplication.translate(
            "BrokenInstallation",
            "The softphone cannot start: files it needs are missing from its installation. "
            "Please reinstall it, or ask your IT department to.",
        ),
        QMessageBox.StandardButton.Close,
    )
    shown = ", ".join(check.missing[:SHOWN]) + (" …" if len(check.missing) > SHOWN else "")
    box.setInformativeText(
        QCoreApplication.translate("BrokenInstallation", "Missing in %1: %2")
        .replace("%1", str(check.root))
        .replace("%2", shown)
    )
    box.setDetailedText("\n".join(check.missing))  # all of them
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    box.setObjectName("broken-installation")
    box.exec()
    del app, translators
    return EXIT_BROKEN_INSTALLATION
