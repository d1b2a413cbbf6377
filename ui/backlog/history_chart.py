"""One item's score and rank over the snapshots: a small line chart for the detail panel.

"What changed since last month?" for one item: the score (left scale) and the
rank (right scale, 1 at the top, so climbing the ranking climbs the chart), one
point per snapshot and the item as it is now last, with the dates under it.
Painted with QPainter (no chart library); colours come from the palette so a
dark desktop reads as well as a light one. The chart says its figures in its
tooltip and accessible description, for a screen reader and for tests.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.i18n import tr
from ui.roadmap.style import current_theme, format_number, readable
from ui.widgets.snapshots import when_text

SCORE_HUE = "#2f6fd6"
RANK_HUE = "#d9822b"
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 44, 34, 20, 22


def _day(taken_at) -> str:
    """The day of a point, in the computer's time zone; "now" stays as it is."""
    return when_text(taken_at)[:10]


class HistoryChart(QWidget):
    """`set_points([{"taken_at", "score", "rank"}, ...])`, oldest first; hidden with fewer than two points."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.points: list[dict] = []
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setMouseTracking(True)
        self.setAccessibleName(tr("Score and rank over time"))
        self.hide()

    def sizeHint(self) -> QSize:
        return QSize(300, 130)

    def set_points(self, points: list[dict]) -> None:
        self.points = [dict(p) for p in points]
        enough = len(self.points) >= 2
        self.setVisible(enough)
        summary = self.summary() if enough else ""
        self.setToolTip(summary)
        self.setAccessibleDescription(summary)
        self.update()

    def summary(self) -> str:
        """The figures in words: first and last score and rank, and the dates they span."""
        first, last = self.points[0], self.points[-1]
        lines = [tr("Score {first} → {last}, rank {first_rank} → {last_rank}, {n} points from {start} to {end}").format(
            first=format_number(first.get("score")), last=format_number(last.get("score")),
            first_rank=first.get("rank") or "–", last_rank=last.get("rank") or "–", n=len(self.points),
            start=_day(first.get("taken_at")), end=_day(last.get("taken_at")))]
        for p in self.points:
            lines.append(tr("{day}: score {score}, rank {rank}").format(
                day=_day(p.get("taken_at")), score=format_number(p.get("score")), rank=p.get("rank") or "–"))
        return "\n".join(lines)

    # ------------------------------------------------------------ geometry
    def _plot(self) -> QRectF:
        return QRectF(MARGIN_LEFT, MARGIN_TOP, max(self.width() - MARGIN_LEFT - MARGIN_RIGHT, 10),
                      max(self.height() - MARGIN_TOP - MARGIN_BOTTOM, 10))

    def _x(self, i: int, plot: QRectF) -> float:
        return plot.left() + plot.width() * i / max(len(self.points) - 1, 1)

    @staticmethod
    def _span(values: list[float]) -> tuple[float, float]:
        low, high = min(values), max(values)
        if high == low:
            pad = abs(high) * 0.1 or 1.0
            return low - pad, high + pad
        return low, high

    def _line(self, key: str, plot: QRectF, *, invert: bool) -> tuple[QPainterPath, list[QPointF], tuple]:
        """The path through the points that have a `key`, scaled to the plot (rank: 1 at the top when `invert`)."""
        known = [(i, float(p[key])) for i, p in enumerate(self.points) if p.get(key) is not None]
        path = QPainterPath()
        dots: list[QPointF] = []
        if not known:
            return path, dots, (0.0, 0.0)
        low, high = self._span([v for _i, v in known])
        for i, value in known:
            share = (value - low) / (high - low)
            y = plot.top() + plot.height() * share if invert else plot.bottom() - plot.height() * share
            point = QPointF(self._x(i, plot), y)
            if dots:
                path.lineTo(point)
            else:
                path.moveTo(point)
            dots.append(point)
        return path, dots, (low, high)

    def colours(self) -> tuple[QColor, QColor]:
        """The score's and the rank's line colours, made readable on the palette's base."""
        base = self.palette().color(QPalette.Base)
        return readable(QColor(SCORE_HUE), base, 3.0), readable(QColor(RANK_HUE), base, 3.0)

    # ------------------------------------------------------------ painting
    def paintEvent(self, event) -> None:
        if len(self.points) < 2:
            return
        theme = current_theme(self.palette())
        score_colour, rank_colour = self.colours()
        plot = self._plot()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.fillRect(self.rect(), theme.background)
        painter.setPen(QPen(theme.border, 1))
        painter.drawRect(plot)
        metrics = painter.fontMetrics()

        lines = (("score", score_colour, False, Qt.AlignRight, tr("Score")),
                 ("rank", rank_colour, True, Qt.AlignLeft, tr("Rank")))
        for key, colour, invert, align, label in lines:
            path, dots, _span = self._line(key, plot, invert=invert)
            if not dots:
                continue
            painter.setPen(QPen(colour, 2))
            painter.setBrush(Qt.NoBrush)
            painter.drawPath(path)
            painter.setBrush(colour)
            for dot in dots:
                painter.drawEllipse(dot, 2.5, 2.5)
            # The highest and lowest values reached, level with their points: the score on the left, the rank on
            # the right (one label when the line is flat).
            painter.setPen(colour)
            values = [float(p[key]) for p in self.points if p.get(key) is not None]
            for value in sorted({min(values), max(values)}):
                y = dots[values.index(value)].y()
                shown = f"#{value:.0f}" if key == "rank" else format_number(value)
                box = (QRectF(0, y - 8, MARGIN_LEFT - 4, 16) if align == Qt.AlignRight
                       else QRectF(plot.right() + 4, y - 8, MARGIN_RIGHT - 4, 16))
                painter.drawText(box, int(align | Qt.AlignVCenter), shown)

        # Legend above the plot, dates below it.
        x = plot.left()
        for _key, colour, _inv, _align, label in lines:
            painter.setPen(QPen(colour, 2))
            painter.drawLine(QPointF(x, 9), QPointF(x + 14, 9))
            painter.setPen(theme.soft)
            painter.drawText(QPointF(x + 18, 13), label)
            x += 18 + metrics.horizontalAdvance(label) + 14
        painter.setPen(theme.muted)
        y = plot.bottom() + 4
        first, last = _day(self.points[0].get("taken_at")), _day(self.points[-1].get("taken_at"))
        painter.drawText(QRectF(plot.left(), y, plot.width() / 2, 16), int(Qt.AlignLeft | Qt.AlignTop), first)
        painter.drawText(QRectF(plot.center().x(), y, plot.width() / 2, 16), int(Qt.AlignRight | Qt.AlignTop), last)
        painter.end()

    def mouseMoveEvent(self, event) -> None:
        """Hovering near a point says its date, score and rank."""
        if len(self.points) < 2:
            return
        plot = self._plot()
        i = round((event.position().x() - plot.left()) / plot.width() * (len(self.points) - 1))
        i = min(max(i, 0), len(self.points) - 1)
        p = self.points[i]
        self.setToolTip(tr("{day}: score {score}, rank {rank}").format(
            day=_day(p.get("taken_at")), score=format_number(p.get("score")), rank=p.get("rank") or "–"))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        self.setToolTip(self.summary() if len(self.points) >= 2 else "")
        super().leaveEvent(event)
