"""The phone-share gauge: phone time / working time, with the included level's mark (25 %)
and the nearing level; without marks when the customer pays phone time."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from vpaphone.core.formatting import format_percent
from vpaphone.core.share import ShareLevel
from vpaphone.ui.widgets.uilang import ui_language

COLOURS = {
    ShareLevel.OK: QColor("#2e7d32"),
    ShareLevel.NEARING: QColor("#ef8f00"),
    ShareLevel.OVER: QColor("#c62828"),
}
MIN_SCALE = 0.40  # the bar shows at least 0-40 %, so that the 25 % mark sits in the middle


def percent_text(share: Decimal | Fraction | None) -> str:
    """0.2375 → "23.8%" / "23,8 %" (`core.formatting.format_percent`: the app's one way to
    round and write a share); None → "–"."""
    if share is None:
        return "–"
    return format_percent(Fraction(share), ui_language())


class ShareGauge(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._share: Fraction | None = None  # exact (`core.share`): rounding only in the text
        self._level = ShareLevel.OK
        self._included = Fraction(1, 4)
        self._nearing = Fraction(1, 5)
        self._paid = False  # the customer pays phone time: no included level to show
        self.setMinimumHeight(34)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Phone share of the working time"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(260, 38)

    def set_levels(self, included: Decimal | Fraction, nearing: Decimal | Fraction) -> None:
        self._included, self._nearing = Fraction(included), Fraction(nearing)
        self.update()

    def set_share(self, share: Fraction | None, level: ShareLevel, *, paid: bool = False) -> None:
        self._share, self._level, self._paid = share, level, paid
        shown = percent_text(share)
        if paid:
            description = self.tr("%1 on the phone; the customer pays phone time").replace(
                "%1", shown
            )
        else:
            description = (
                self.tr("%1 on the phone; %2 is included")
                .replace("%1", shown)
                .replace("%2", percent_text(self._included))
            )
        self.setAccessibleDescription(description)
        self.setToolTip(self.accessibleDescription())
        self.update()

    @property
    def share(self) -> Fraction | None:
        return self._share

    @property
    def level(self) -> ShareLevel:
        return self._level

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar = QRectF(1, 1, self.width() - 2, self.height() - 16)
        share = float(self._share or 0)
        scale = max(MIN_SCALE, share * 1.15)
        painter.setPen(QPen(self.palette().mid().color()))
        painter.setBrush(self.palette().base())
        painter.drawRoundedRect(bar, 3, 3)
        if share:
            filled = QRectF(
                bar.left(), bar.top(), bar.width() * min(1, share / scale), bar.height()
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.palette().mid() if self._paid else COLOURS[self._level])
            painter.drawRoundedRect(filled, 3, 3)
        text_pen = QPen(self.palette().text().color())
        marks = (
            ()
            if self._paid
            else ((self._nearing, Qt.PenStyle.DashLine), (self._included, Qt.PenStyle.SolidLine))
        )
        for value, style in marks:
            x = bar.left() + bar.width() * float(value) / scale
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
                percent_text(value),
            )
        shown = percent_text(self._share)
        painter.setPen(text_pen)
        painter.drawText(
            bar.adjusted(6, 0, -6, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            shown,
        )
        painter.end()
