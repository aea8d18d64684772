"""macOS hands links to the app as a QFileOpenEvent, not in argv.

A click on a `tel:` link starts the app (or reaches the running one) through Launch Services,
which sends an Apple Event; Qt turns it into QEvent.FileOpen on the application object. This
filter takes the link from there and emits it, so that it reaches the same place as
`vpaphone dial LINK` on Linux and Windows (MainWindow.fill_number). Qt delivers the event on
every platform, so the filter is tested here by sending it one.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFileOpenEvent

log = logging.getLogger(__name__)
LINK_SCHEMES = ("tel", "sip", "callto")


class LinkOpenFilter(QObject):
    """Install on the QApplication; `link_opened` carries the link as the user clicked it."""

    link_opened = Signal(str)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        url = event.url()
        if url.scheme().lower() not in LINK_SCHEMES:
            return False  # a file dropped on the Dock icon: not ours to handle
        log.info("a %s: link was opened", url.scheme().lower())  # which number: personal data
        self.link_opened.emit(url.toString())
        return True
