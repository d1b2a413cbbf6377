"""The Metrics view: each metric's values over time as a small chart, and the items that draw their reach from it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from planner import roadmap
from planner.errors import PlannerError
from planner.ops import Changes, Entity
from ui.context import RefreshWhenShown, show_error
from ui.i18n import tr
from ui.metrics.chart import LineChart, period_label
from ui.operations import metrics as metric_actions
from ui.roadmap.style import OK_COLOR, OVER_COLOR, format_number
from ui.widgets.empty import EmptyHint, window_call
from ui.widgets.labels import status_label

SHOWN = (Entity.METRICS, Entity.ITEMS)


class MetricPanel(QFrame):
    """One metric: its name and latest value, its chart, and the items tied to it."""

    def __init__(self, ctx, metric: dict, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.data = metric
        self.setFrameShape(QFrame.StyledPanel)
        self.setStyleSheet("MetricPanel { background: #ffffff; border: 1px solid #d5dae1; border-radius: 6px; }")
        name = QLabel(f"<b>{escape(metric['name'])}</b>")
        name.setWordWrap(True)
        bigger = QFont(self.font())
        bigger.setPointSizeF(self.font().pointSizeF() + 2)
        name.setFont(bigger)
        details = " · ".join(x for x in (metric.get("stage"), metric.get("unit")) if x)
        info = QLabel(details)
        info.setStyleSheet("color: #52606d;")
        latest = QLabel()
        if metric["latest"] is not None:
            text = f"<span style='font-size:18pt'>{format_number(metric['latest'])}</span> {escape(metric.get('unit') or '')}"
            change = metric.get("change")
            if change is not None:
                before = period_label(metric["values"][-2][0])
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
                lines.append(f"<a href='item:{item['id']}'>{escape(item['title'])}</a>"
                             f" <span style='color:#52606d'>({status_label(item['status'])}{share})</span>")
        else:
            none_yet = tr("None yet. In the backlog, choose this metric as an item’s reach source.")
            lines.append(f"<span style='color:#7b8794'>{none_yet}</span>")
        if naming:
            also = tr("Also tied to it")
            lines.append(f"<br><b>{also}</b>")
            lines += [f"<a href='item:{i['id']}'>{escape(i['title'])}</a>" for i in naming]
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
        self.column = QVBoxLayout(self.body)
        self.scroll.setWidget(self.body)
        self.empty = EmptyHint(
            tr("No metrics yet. Import a file of metric values (period, metric, value), or start from the "
               "AARRR metrics and import their values later."),
            [(tr("Import Metrics…"), lambda: window_call(self, "import_metrics")),
             (tr("Add the AARRR Metrics"), lambda: metric_actions.add_template(self.ctx, self, "aarrr"))])
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll, 1)
        self.ctx.changed.connect(self._on_changed)
        self.ctx.workspace_replaced.connect(self.refresh)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*SHOWN):
            self.refresh_or_defer()

    def refresh(self) -> None:
        try:
            self.metrics = roadmap.metrics_overview(self.ctx.ws)
        except PlannerError as exc:
            show_error(self, exc)
            return
        while self.column.count():
            widget = self.column.takeAt(0).widget()
            if widget is not None:
                widget.setParent(None)  # gone from the view now, not at the next turn of the event loop
                widget.deleteLater()
        self.panels = [MetricPanel(self.ctx, metric) for metric in self.metrics]
        for panel in self.panels:
            self.column.addWidget(panel)
        self.column.addStretch(1)
        self.empty.setVisible(not self.metrics)
