"""The phone-share gauge: phone time / working time, with the 25 % mark and the nearing level."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from vpaphone.core.share import ShareLevel

COLOURS = {
    ShareLevel.OK: QColor("#2e7d32"),
    ShareLevel.NEARING: QColor("#ef8f00"),
    ShareLevel.OVER: QColor("#c62828"),
}
MIN_SCALE = 0.40  # the bar shows at least 0-40 %, so that the 25 % mark sits in the middle


def percent_text(share: float | None, decimals: int = 1) -> str:
    """0.2375 → "23.8 %" / "23,8 %" (the UI locale's decimal sign); None → "–"."""
    if share is None:
        return "–"
    return f"{QLocale().toString(share * 100, 'f', decimals)} %"


class ShareGauge(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._share: float | None = None
        self._level = ShareLevel.OK
        self._included = 0.25
        self._nearing = 0.20
        self.setMinimumHeight(34)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Phone share of the working time"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(260, 38)

    def set_levels(self, included: float, nearing: float) -> None:
        self._included, self._nearing = included, nearing
        self.update()

    def set_share(self, share: float | None, level: ShareLevel) -> None:
        self._share, self._level = share, level
        shown = percent_text(share)
        self.setAccessibleDescription(
            self.tr("%1 on the phone; %2 is included")
            .replace("%1", shown)
            .replace("%2", percent_text(self._included, 0))
        )
        self.setToolTip(self.accessibleDescription())
        self.update()

    @property
    def share(self) -> float | None:
        return self._share

    @property
    def level(self) -> ShareLevel:
        return self._level

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar = QRectF(1, 1, self.width() - 2, self.height() - 16)
        scale = max(MIN_SCALE, (self._share or 0) * 1.15)
        painter.setPen(QPen(self.palette().mid().color()))
        painter.setBrush(self.palette().base())
        painter.drawRoundedRect(bar, 3, 3)
        if self._share:
            filled = QRectF(
                bar.left(), bar.top(), bar.width() * min(1, self._share / scale), bar.height()
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(COLOURS[self._level])
            painter.drawRoundedRect(filled, 3, 3)
        text_pen = QPen(self.palette().text().color())
        for value, style in (
            (self._nearing, Qt.PenStyle.DashLine),
            (self._included, Qt.PenStyle.SolidLine),
        ):
            x = bar.left() + bar.width() * value / scale
            painter.setPen(
                QPen(
                    self.palette().text().color(), 2 if style is Qt.PenStyle.SolidLine else 1, style
                )
            )
            painter.drawLine(int(x), int(bar.top()) - 1, int(x), int(bar.bottom()) + 2)
            painter.setPen(text_pen)
            painter.drawText(
                QRectF(x - 30, bar.bottom() + 1, 60, 14),
                Qt.AlignmentFlag.AlignCenter,
                percent_text(value, 0),
            )
        shown = percent_text(self._share)
        painter.setPen(text_pen)
        painter.drawText(
            bar.adjusted(6, 0, -6, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            shown,
        )
        painter.end()
