"""A small line chart of one metric's values over time, painted with QPainter (QtCharts is not in PySide6-Essentials)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.i18n import tr
from ui.roadmap.style import format_number

LINE_COLOR = QColor("#2f6fd6")


def period_label(period: str) -> str:
    """'2026-03-01' -> 'Mar 2026'; anything else as it is."""
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    try:
        year, month = int(period[:4]), int(period[5:7])
        return f"{months[month - 1]} {year}"
    except (ValueError, IndexError):
        return period


class LineChart(QWidget):
    """A small line chart: values over periods, with min/max and first/last labels."""

    def __init__(self, values: list[tuple[str, float]], unit: str | None = None, parent=None):
        super().__init__(parent)
        self.values = values
        self.unit = unit or ""
        self.setMinimumSize(QSize(320, 120))
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setFixedHeight(130)
        self.setToolTip("\n".join(f"{period_label(p)}: {format_number(v)} {self.unit}".rstrip() for p, v in values))

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1.5))
        fm = QFontMetrics(small)
        p.setFont(small)
        if not self.values:
            p.setPen(QColor("#7b8794"))
            p.drawText(self.rect(), Qt.AlignCenter, tr("No values yet: import them with File ▸ Import Metrics…"))
            p.end()
            return
        numbers = [v for _, v in self.values]
        data_lo, data_hi = min(numbers), max(numbers)
        lo, hi = (data_lo - 1, data_hi + 1) if data_hi == data_lo else (data_lo, data_hi)
        pad = (hi - lo) * 0.1
        lo, hi = lo - pad, hi + pad
        # A fixed margin keeps the charts of all metrics aligned one under another.
        left = 64
        plot = QRectF(left, 8, self.width() - left - 10, self.height() - 8 - fm.height() - 8)

        def y_of(value: float) -> float:
            return plot.bottom() - (value - lo) / (hi - lo) * plot.height()

        # Gridlines and labels at the real lowest and highest values, not at the padded edges.
        for value in ((data_lo, data_hi) if data_hi != data_lo else (data_lo,)):
            y = y_of(value)
            p.setPen(QPen(QColor("#e4e7eb"), 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(QColor("#7b8794"))
            text = format_number(value)
            p.drawText(QPointF(left - 6 - fm.horizontalAdvance(text), y + fm.ascent() / 2 - 1), text)
        n = len(self.values)

        def at(i: int, value: float) -> QPointF:
            x = plot.left() + (plot.width() * i / (n - 1) if n > 1 else plot.width() / 2)
            return QPointF(x, y_of(value))

        points = [at(i, v) for i, (_, v) in enumerate(self.values)]
        area = QPainterPath(QPointF(points[0].x(), plot.bottom()))
        for point in points:
            area.lineTo(point)
        area.lineTo(QPointF(points[-1].x(), plot.bottom()))
        fill = QColor(LINE_COLOR)
        fill.setAlpha(35)
        p.fillPath(area, fill)
        line = QPainterPath(points[0])
        for point in points[1:]:
            line.lineTo(point)
        p.setPen(QPen(LINE_COLOR, 2))
        p.drawPath(line)
        p.setBrush(LINE_COLOR)
        for point in points:
            p.drawEllipse(point, 2.2, 2.2)
        p.setBrush(Qt.NoBrush)
        p.setPen(QColor("#7b8794"))
        first, last = period_label(self.values[0][0]), period_label(self.values[-1][0])
        base = self.height() - 6
        p.drawText(QPointF(plot.left(), base), first)
        if n > 1:
            p.drawText(QPointF(plot.right() - fm.horizontalAdvance(last), base), last)
        p.end()
