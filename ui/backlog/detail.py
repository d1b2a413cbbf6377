"""The side panel of the backlog: everything behind one item's number, and every field of it, editable.

It shows the score's explanation as a table of factors (`explanation.ExplanationTable`),
the item's score and rank over the snapshots (`history_chart.HistoryChart`), the
pinned rank and why, the item's fields in place (`detail_form.ItemForm`: the
current method's inputs first) and the linked requests with their companies, so
a PdM can answer "why is this ranked here?" and change what it rests on without
leaving the table.
"""

from __future__ import annotations

import logging
from collections import Counter

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea, QTableView, QVBoxLayout, QWidget,
)

from planner import history, ops
from planner.errors import PlannerError
from planner.scoring.settings import get_scoring_settings
from ui.backlog.detail_form import ItemForm
from ui.backlog.explanation import ExplanationTable, with_explanation
from ui.backlog.history_chart import HistoryChart
from ui.backlog.model import format_value
from ui.i18n import tr
from ui.roadmap.style import format_money
from ui.operations import items as actions
from ui.tasks import Latest
from ui.widgets.inspector import Section
from ui.widgets.labels import kind_label, status_label
from ui.widgets.table_model import RowsTableModel


log = logging.getLogger(__name__)


class LinkedRequestsModel(RowsTableModel):
    COLUMNS = (
        ("id", QT_TRANSLATE_NOOP("", "#")),
        ("title", QT_TRANSLATE_NOOP("", "Request")),
        ("company", QT_TRANSLATE_NOOP("", "Company")),
        ("segment", QT_TRANSLATE_NOOP("", "Segment")),
        ("mrr", QT_TRANSLATE_NOOP("", "MRR")),
        ("created_at", QT_TRANSLATE_NOOP("", "Date")),
        ("status", QT_TRANSLATE_NOOP("", "Status")),
    )

    def row_data(self, row, key, role):
        value = row.get(key)
        if role == Qt.DisplayRole:
            if value is None:
                return ""
            if key == "mrr":
                return format_money(value, compact=False)
            if key == "created_at":
                return str(value)[:10]
            return str(value)
        if role == Qt.ToolTipRole and key == "title":
            return row.get("body") or row.get("title")
        if role == Qt.TextAlignmentRole and key in ("id", "mrr"):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


def _label(text: str = "", *, bold=False, dim=False, size=None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    style = []
    if bold:
        style.append("font-weight: 600")
    if dim:
        style.append("color: palette(mid)")
    if size:
        style.append(f"font-size: {size}pt")
    if style:
        label.setStyleSheet("; ".join(style))
    return label


class DetailPanel(QWidget):
    pin_requested = Signal(int)
    unpin_requested = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.item_id: int | None = None
        self.row: dict | None = None
        self._window = None  # the window watched for closing

        self.title = _label(bold=True, size=13)
        self.meta = _label(dim=True)
        self.score = _label(bold=True)
        self.explain = ExplanationTable()
        self.explanation = self.explain.text  # the paragraph, folded under the table
        self.chart = HistoryChart()
        self._history = Latest(ctx, self, None, self._history_loaded, self._history_failed)
        self.pin_text = _label()
        self.pin_button = QPushButton(tr("Pin rank…"))
        self.unpin_button = QPushButton(tr("Unpin"))
        self.pin_button.clicked.connect(lambda: self.item_id is not None and self.pin_requested.emit(self.item_id))
        self.unpin_button.clicked.connect(lambda: self.item_id is not None and self.unpin_requested.emit(self.item_id))
        self.form = ItemForm(ctx, self._edit)
        self.demand = _label()
        self.requests_model = LinkedRequestsModel(self)
        self.requests = QTableView()
        self.requests.setModel(self.requests_model)
        self.requests.verticalHeader().hide()
        self.requests.verticalHeader().setDefaultSectionSize(22)
        self.requests.setSelectionBehavior(QTableView.SelectRows)
        self.requests.setAlternatingRowColors(True)
        self.requests.setWordWrap(False)
        header = self.requests.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        self.requests.setMinimumHeight(160)
        self.requests.setMinimumWidth(120)
        self.empty = _label(tr("Select an item to see why it ranks where it does."), dim=True)

        score = Section(tr("Score"))
        score.add_wide(self.score)
        score.add_wide(self.explain)
        self.history_section = Section(tr("History"))
        self.history_section.add_wide(self.chart)
        self.history_section.hide()
        pinned = Section(tr("Pinned rank"))
        pinned.add_wide(self.pin_text)
        pins = QHBoxLayout()
        pins.addWidget(self.pin_button)
        pins.addWidget(self.unpin_button)
        pins.addStretch(1)
        pinned.below.addLayout(pins)
        demand = Section(tr("Requests and companies"))
        demand.add_wide(self.demand)
        demand.add_wide(self.requests)

        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.setSpacing(2)
        lay.addWidget(self.title)
        lay.addWidget(self.meta)
        lay.addWidget(score)
        lay.addWidget(self.history_section)
        lay.addWidget(pinned)
        lay.addWidget(self.form)
        lay.addWidget(demand)
        lay.addStretch(1)
        self.body = body

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # text wraps to the panel's width instead
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.empty)
        outer.addWidget(scroll, 1)
        self.scroll = scroll
        self.show_item(None)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._window is not self.window():
            self._window = self.window()
            self._window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Close and watched is self._window:
            self.form.flush()  # closing the window while typing in a field: what was typed is saved first
        return False

    def set_themes(self, themes) -> None:
        """The themes in use, offered by the theme field."""
        self.form.set_themes(themes)

    def _edit(self, item_id: int, fields: dict, field: str, shown: str):
        return actions.edit_fields(self.ctx, self, item_id, fields, field=field, shown=shown)

    def show_item(self, row: dict | None) -> None:
        """Show one scored row (from the backlog model), or nothing.

        Shown again for the same item (after any change), it keeps what is being typed in its fields.
        """
        ws = self.ctx.ws
        item = None
        if row is not None:
            try:
                item = ops.get_item(ws, row["id"])
            except PlannerError:  # deleted meanwhile: the rescore that follows drops its row
                row = None
        method = get_scoring_settings(ws)["method"] if not ws.closed else (self.form.method or "rice")
        self.form.show_item(item, method)  # first: what was typed for the item shown before is saved for it
        row = with_explanation(ws, row)  # the backlog's rows come without words: this one asks for its own
        self.row = row
        self.item_id = row["id"] if row else None
        self.empty.setVisible(row is None)
        self.scroll.setVisible(row is not None)
        if row is None:
            self.requests_model.set_rows([])
            self.chart.set_points([])
            self.history_section.hide()
            return
        self.title.setText(item["title"])
        bits = [kind_label(item["kind"]), status_label(item["status"])]
        if item.get("lane"):
            bits.append(item["lane"])
        if item.get("theme"):
            bits.append(item["theme"])
        bits.append(f"#{item['id']}")
        self.meta.setText(" · ".join(bits))

        if row.get("score") is None:
            self.score.setText(tr("Not scored"))
        else:
            method = row.get("method") or ""
            self.score.setText(
                tr("{score} ({method}), rank {rank}").format(  # the score as the table shows it: one rounding
                    score=format_value("score", row), method=method.upper() if method else "", rank=row.get("rank") or "—"
                )
            )
        self.explain.show_row(row)
        if row.get("score") is None:
            self.explanation.setText(row.get("unscored_reason") or tr("Fill in the estimates to score it."))
            self.explain.text_toggle.setChecked(True)  # an unscored item's reason is the whole story
        self._load_history(row)

        pinned = item.get("pinned_rank")
        if pinned:
            self.pin_text.setText(
                tr("Pinned at rank {rank} (by score it would be {computed}).\nWhy: {why}").format(
                    rank=pinned, computed=row.get("computed_rank") or "—", why=item.get("pin_rationale") or "—"
                )
            )
        else:
            self.pin_text.setText(tr("Not pinned: the rank follows the score."))
        self.unpin_button.setEnabled(bool(pinned))
        self.pin_button.setText(tr("Change pin…") if pinned else tr("Pin rank…"))

        requests = ops.list_requests(ws, item_id=item["id"])
        self.requests_model.set_rows(requests)
        companies = Counter(r["company"] for r in requests if r.get("company"))
        if requests:
            top = ", ".join(f"{name} ({n})" for name, n in companies.most_common(5))
            more = len(companies) - 5
            self.demand.setText(
                tr("{n} requests from {c} companies").format(n=len(requests), c=len(companies))
                + (f": {top}" if top else "")
                + (tr(" and {more} more").format(more=more) if more > 0 else "")
            )
        else:
            self.demand.setText(tr("No linked requests."))
        self.requests.resizeColumnsToContents()
        self.requests.setColumnWidth(1, min(self.requests.columnWidth(1), 170))
        self.requests.setColumnWidth(2, min(self.requests.columnWidth(2), 150))

    # ------------------------------------------------------------ history
    def _load_history(self, row: dict) -> None:
        """The item's score and rank over the snapshots, read in the background (a year of snapshots is decoded)."""
        item_id = row["id"]
        self._history.request(lambda ws, progress: (item_id, history.item_history(ws, item_id)))

    def _history_loaded(self, answer, _seconds: float) -> None:
        item_id, points = answer
        if item_id != self.item_id:
            return
        points = list(points)
        if points and self.row is not None and self.row.get("score") is not None:
            # The item as it is now ends the line: the move since the last snapshot shows too.
            points.append({"taken_at": tr("now"), "score": self.row.get("score"), "rank": self.row.get("rank")})
        self.chart.set_points(points)
        self.history_section.setVisible(len(points) >= 2)

    def _history_failed(self, exc, details: str) -> None:
        """A history that cannot be read leaves the chart out; the score and the fields still show."""
        log.warning("The item's history could not be read: %s\n%s", exc, details)
        self.chart.set_points([])
        self.history_section.hide()
