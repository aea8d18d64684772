"""macOS delivers tel:/sip:/callto: links as QFileOpenEvent: they reach the same place as
`vpaphone dial LINK` (MainWindow.fill_number); other opened files are left to Qt."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from vpaphone.platform.fileopen import LinkOpenFilter


def _open(app: QApplication, url: str) -> bool:
    return QCoreApplication.sendEvent(app, QFileOpenEvent(QUrl(url)))


def test_links_reach_the_dial_path(qapp: QApplication) -> None:
    links = LinkOpenFilter(qapp)
    opened: list[str] = []
    links.link_opened.connect(opened.append)
    qapp.installEventFilter(links)
    try:
        for url in ("tel:+49-221-82829-980", "sip:anna@example.org", "CALLTO:+4930123456"):
            assert _open(qapp, url)
        assert not _open(qapp, "file:///Users/vpa/notes.txt")
        assert not _open(qapp, "https://example.org/")
    finally:
        qapp.removeEventFilter(links)
    assert opened == ["tel:+49-221-82829-980", "sip:anna@example.org", "callto:+4930123456"]
