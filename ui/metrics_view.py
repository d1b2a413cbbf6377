"""The Metrics view: each metric's values over time as a small chart, and the items that draw their reach from it.

The charts are painted with QPainter (QtCharts is not part of PySide6-Essentials).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from planner import roadmap
from planner.errors import PlannerError
from ui.context import RefreshWhenShown, show_error
from ui.i18n import tr
from ui.roadmap_style import OK_COLOR, OVER_COLOR, format_number, status_label

REFRESH_AREAS = frozenset({"metrics", "items"})
LINE_COLOR = QColor("#2f6fd6")


def _period_label(period: str) -> str:
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
        self.setToolTip("\n".join(f"{_period_label(p)}: {format_number(v)} {self.unit}".rstrip() for p, v in values))

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
            p.drawText(self.rect(), Qt.AlignCenter, tr("No values yet: import them with File > Import metrics."))
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
        first, last = _period_label(self.values[0][0]), _period_label(self.values[-1][0])
        base = self.height() - 6
        p.drawText(QPointF(plot.left(), base), first)
        if n > 1:
            p.drawText(QPointF(plot.right() - fm.horizontalAdvance(last), base), last)
        p.end()


class MetricPanel(QFrame):
    """One metric: its name and latest value, its chart, and the items tied to it."""

    def __init__(self, ctx, metric: dict, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.data = metric
        self.setFrameShape(QFrame.StyledPanel)
        self.setStyleSheet("MetricPanel { background: #ffffff; border: 1px solid #d5dae1; border-radius: 6px; }")
        name = QLabel(f"<b>{_html(metric['name'])}</b>")
        name.setWordWrap(True)
        bigger = QFont(self.font())
        bigger.setPointSizeF(self.font().pointSizeF() + 2)
        name.setFont(bigger)
        details = " · ".join(x for x in (metric.get("stage"), metric.get("unit")) if x)
        info = QLabel(details)
        info.setStyleSheet("color: #52606d;")
        latest = QLabel()
        if metric["latest"] is not None:
            text = f"<span style='font-size:18pt'>{format_number(metric['latest'])}</span> {_html(metric.get('unit') or '')}"
            change = metric.get("change")
            if change is not None:
                before = _period_label(metric["values"][-2][0])
                if abs(change) < 1e-9:
                    text += "<br><span style='color:#52606d'>" + tr("no change since {period}").format(period=before) + "</span>"
                else:
                    colour = OK_COLOR if change >= 0 else OVER_COLOR
                    sign = "+" if change >= 0 else "−"
                    text += f"<br><span style='color:{colour}'>{sign}{format_number(abs(change))} " + \
                        tr("since {period}").format(period=before) + "</span>"
            latest.setText(text)
        else:
            latest.setText(tr("No values yet"))
        left = QVBoxLayout()
        left.addWidget(name)
        left.addWidget(info)
        left.addSpacing(6)
        left.addWidget(latest)
        left.addStretch(1)
        left_box = QWidget()
        left_box.setLayout(left)
        left_box.setFixedWidth(220)

        self.chart = LineChart(metric["values"], metric.get("unit"))

        drawing = [i for i in metric["items"] if i["draws_reach"]]
        naming = [i for i in metric["items"] if not i["draws_reach"]]
        heading = tr("Items drawing their reach from it")
        lines = [f"<b>{heading}</b>"]
        if drawing:
            for item in drawing:
                share = f" — {format_number(item['share'] * 100)} %" if item.get("share") is not None else ""
                lines.append(f"<a href='item:{item['id']}'>{_html(item['title'])}</a>"
                             f" <span style='color:#52606d'>({status_label(item['status'])}{share})</span>")
        else:
            none_yet = tr("None yet. Set an item’s reach source to this metric.")
            lines.append(f"<span style='color:#7b8794'>{none_yet}</span>")
        if naming:
            also = tr("Also tied to it")
            lines.append(f"<br><b>{also}</b>")
            lines += [f"<a href='item:{i['id']}'>{_html(i['title'])}</a>" for i in naming]
        self.items_label = QLabel("<br>".join(lines))
        self.items_label.setTextFormat(Qt.RichText)
        self.items_label.setWordWrap(True)
        self.items_label.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.items_label.setFixedWidth(300)
        self.items_label.linkActivated.connect(self._open)

        row = QHBoxLayout(self)
        row.addWidget(left_box)
        row.addWidget(self.chart, 1)
        row.addSpacing(8)
        row.addWidget(self.items_label)

    def _open(self, link: str) -> None:
        if link.startswith("item:"):
            self.ctx.item_selected.emit(int(link[5:]))


def _html(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class MetricsView(RefreshWhenShown, QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.metrics: list[dict] = []
        self.panels: list[MetricPanel] = []
        title = QLabel(tr("Metrics over time, and the items whose reach comes from them"))
        title.setStyleSheet("color: #52606d;")
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.scroll, 1)
        self.ctx.changed.connect(self._on_changed)
        self.ctx.workspace_replaced.connect(self.refresh)
        self.refresh()

    def _on_changed(self, areas) -> None:
        if areas & REFRESH_AREAS:
            self.refresh_or_defer()

    def refresh(self) -> None:
        try:
            self.metrics = roadmap.metrics_overview(self.ctx.ws)
        except PlannerError as exc:
            show_error(self, exc)
            return
        for panel in self.panels:
            panel.setParent(None)
            panel.deleteLater()
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.panels = []
        if not self.metrics:
            empty = QLabel(tr("No metrics yet. Import a metrics file (period, metric, value) to see them here."))
            empty.setStyleSheet("color: #7b8794;")
            self.grid.addWidget(empty, 0, 0)
        for row, metric in enumerate(self.metrics):
            panel = MetricPanel(self.ctx, metric)
            self.grid.addWidget(panel, row, 0)
            self.panels.append(panel)
        self.grid.setRowStretch(len(self.metrics) + 1, 1)
