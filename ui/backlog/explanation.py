"""A score's explanation as a table: each factor, its value, where it came from and its share of the score.

Executives ask "why is this above that?": a table answers at a glance where a
paragraph has to be read. Under it stand the counts behind the score (requests,
companies, requests the window or the segment left out) and, folded, the
paragraph itself, which stays the wording of the workbook and the command line.

The core's factors carry {"name", "value", "text", "source", "share", "unit"};
a key the core does not give is shown blank, never guessed.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QSizePolicy, QStyle, QStyledItemDelegate, QTableView, QToolButton,
    QVBoxLayout, QWidget,
)

from ui.i18n import tr
from ui.roadmap.style import current_theme, format_money
from ui.widgets.table_model import RowsTableModel

# The core names its factors in English; the window says them in the interface's language.
FACTOR_NAMES = {
    "reach": QT_TRANSLATE_NOOP("", "Reach"),
    "impact": QT_TRANSLATE_NOOP("", "Impact"),
    "confidence": QT_TRANSLATE_NOOP("", "Confidence"),
    "effort": QT_TRANSLATE_NOOP("", "Effort"),
    "value": QT_TRANSLATE_NOOP("", "Value"),
    "ease": QT_TRANSLATE_NOOP("", "Ease"),
    "business value": QT_TRANSLATE_NOOP("", "Business value"),
    "time criticality": QT_TRANSLATE_NOOP("", "Time criticality"),
    "risk reduction": QT_TRANSLATE_NOOP("", "Risk reduction"),
    "job size": QT_TRANSLATE_NOOP("", "Job size"),
    "requests": QT_TRANSLATE_NOOP("", "Requests"),
    "companies": QT_TRANSLATE_NOOP("", "Companies"),
    "mrr": QT_TRANSLATE_NOOP("", "MRR"),
}
_EXPLAINED = ("explanation", "factors", "counts")


def with_explanation(ws, row: dict | None) -> dict | None:
    """A backlog row with its explanation, factors and counts: a new dict, as the scorer's rows are shared.

    The backlog is scored without them (`score_items(explain=False)`): worded
    for 100k items at every rescore they cost more than the scores. The one
    item shown, or hovered, asks for its own, from the rescore its row came
    from. Plain item rows (scores still on their way) and rows that have them
    already are left as they are.
    """
    if row is None or "score" not in row or "factors" in row or ws is None or ws.closed:
        return row
    from planner.errors import PlannerError
    from planner.scoring import explain_row

    try:
        full = explain_row(ws, row["id"], as_shown=True)
    except PlannerError:  # deleted meanwhile: the rescore that follows drops its row
        return row
    return {**row, **{key: full[key] for key in _EXPLAINED}}


SHARE_ROLE = Qt.UserRole + 1  # the factor's share as a fraction (negative: it lowers the score), None when not meaningful
BAR_WIDTH = 24  # the share bar beside its percentage
BAR_HEIGHT = 8
VALUE_WIDTH = 86  # "1 person-month" wraps at its space rather than squeezing the source


def factor_name(name) -> str:
    """A factor's name as the window says it (a custom field keeps the user's own name)."""
    name = "" if name is None else str(name)
    known = FACTOR_NAMES.get(name.casefold())
    return tr(known) if known else name


# A value in a known unit, said in the interface's language ("35 people" is 35人). English keeps the core's own
# wording, which knows its singulars ("1 person-month").
UNIT_TEMPLATES = {
    "people": QT_TRANSLATE_NOOP("", "{n} people"),
    "companies": QT_TRANSLATE_NOOP("", "{n} companies"),
    "person-months": QT_TRANSLATE_NOOP("", "{n} person-months"),
    "users": QT_TRANSLATE_NOOP("", "{n} users"),
}
# The core's sources for typed estimates, said in the interface's language.
SOURCE_WORDS = {
    "estimate (percent)": QT_TRANSLATE_NOOP("", "estimate, in percent"),
    "estimate (person-months)": QT_TRANSLATE_NOOP("", "estimate, in person-months"),
    "typed by hand": QT_TRANSLATE_NOOP("", "typed by hand"),
}
ESTIMATE_OF = QT_TRANSLATE_NOOP("", "estimate: {level}")  # "estimate (high)"
_LEVEL = re.compile(r"^(?P<head>.*?)\s*\((?P<word>[a-z ]+)\)$")


def _number(value) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"


def _translated(template: str) -> str | None:
    """The template in the interface's language, None where it has none (English)."""
    said = tr(template)
    return said if said != template else None


def value_text(factor: dict) -> str:
    """The factor's value as the core formatted it, unit included (the one rounding of every figure), in the
    interface's language where the unit is a known one; else its bare value and unit; blank when it has none."""
    text = factor.get("text")
    value = factor.get("value")
    if text is not None and isinstance(value, (int, float)):
        template = _translated(UNIT_TEMPLATES.get(factor.get("unit"), ""))
        if template:
            return template.format(n=_number(value))
        level = _LEVEL.match(str(text))
        if level and _translated(level["word"]):  # impact "2 (high)" reads as the backlog's "2 大"
            return f"{level['head']} {tr(level['word'])}"
    if text is not None:
        return str(text)
    if value is None:
        return ""
    unit = factor.get("unit")
    return f"{_number(value)} {unit}" if unit else _number(value)


def source_text(factor: dict) -> str:
    """Where the factor came from, in the interface's language where the core's wording is a known one."""
    source = str(factor.get("source") or "")
    known = _translated(SOURCE_WORDS.get(source, ""))
    if known:
        return known
    level = _LEVEL.match(source)
    if level and level["head"] == "estimate" and _translated(level["word"]):
        return tr(ESTIMATE_OF).format(level=tr(level["word"]))
    return source


def share_of(factor: dict) -> float | None:
    share = factor.get("share")
    try:
        return None if share is None else float(share)
    except (TypeError, ValueError):
        return None


def share_text(share: float | None) -> str:
    """"84%"; a share that rounds to nothing is 0%, never -0%."""
    if share is None:
        return ""
    percent = round(share * 100)
    return f"{percent + 0:.0f}%"


class FactorsModel(RowsTableModel):
    COLUMNS = (
        ("name", QT_TRANSLATE_NOOP("", "Factor")),
        ("value", QT_TRANSLATE_NOOP("", "Value")),
        ("source", QT_TRANSLATE_NOOP("", "Where from")),  # "From" alone is already a date range's start
        ("share", QT_TRANSLATE_NOOP("", "Share")),
    )

    def row_data(self, row, key, role):
        if role == Qt.DisplayRole:
            if key == "name":
                return factor_name(row.get("name"))
            if key == "value":
                return value_text(row)
            if key == "source":
                return source_text(row)
            return share_text(share_of(row))
        if role == SHARE_ROLE and key == "share":
            return share_of(row)
        if role == Qt.ToolTipRole:
            return self._tooltip(row)
        if role == Qt.TextAlignmentRole and key in ("value", "share"):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    @staticmethod
    def _tooltip(row) -> str:
        """The whole row in words: a narrow panel may cut the source short."""
        parts = [f"{factor_name(row.get('name'))}: {value_text(row) or '—'}"]
        if row.get("source"):
            parts.append(tr("From: {source}").format(source=source_text(row)))
        share = share_of(row)
        if share is not None:
            parts.append(tr("Share of the score: {share}").format(share=share_text(share)))
        return "\n".join(parts)


class ShareDelegate(QStyledItemDelegate):
    """The share column: a bar (its length the share) beside the percentage, in the palette's colours."""

    def paint(self, painter: QPainter, option, index: QModelIndex) -> None:
        share = index.data(SHARE_ROLE)
        if share is None:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        if style is not None:  # the selection and the alternating row colour, without the text
            self.initStyleOption(option, index)
            option.text = ""
            style.drawControl(QStyle.CE_ItemViewItem, option, painter, option.widget)
        theme = current_theme(option.palette)
        # A short horizontal bar on the row's middle line, however tall a wrapped source makes the row.
        bar = QRectF(option.rect.left() + 4, option.rect.center().y() - BAR_HEIGHT / 2, BAR_WIDTH, BAR_HEIGHT)
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(Qt.NoPen)
        painter.setBrush(theme.border)
        painter.drawRoundedRect(bar, 2, 2)
        filled = QRectF(bar)
        filled.setWidth(BAR_WIDTH * min(abs(share), 1.0))
        painter.setBrush(QColor(theme.accent if share >= 0 else theme.over))
        painter.drawRoundedRect(filled, 2, 2)
        painter.setPen(option.palette.color(QPalette.Text))
        text_rect = option.rect.adjusted(BAR_WIDTH + 8, 0, -4, 0)
        painter.drawText(text_rect, int(Qt.AlignRight | Qt.AlignVCenter), share_text(share))
        painter.restore()

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        size.setWidth(max(size.width(), BAR_WIDTH + option.fontMetrics.horizontalAdvance("100%") + 16))
        return size


class FactorDelegate(QStyledItemDelegate):
    """The factor column: the factor's name, and under it, smaller and wrapped to the column, where it came from.

    The panel is narrow: a source in a column of its own wrapped a word a line and was cut; under the name it has
    the table's whole width but the value and the share."""

    PAD = 4

    def __init__(self, table: QTableView):
        super().__init__(table)
        self.table = table

    @staticmethod
    def _source(index: QModelIndex) -> str:
        return index.sibling(index.row(), 2).data() or ""

    @staticmethod
    def _small(font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.88, 6.0))
        return small

    def _source_rect(self, font: QFont, width: int, source: str) -> QRect:
        return QFontMetrics(self._small(font)).boundingRect(QRect(0, 0, max(width, 20), 10_000),
                                                            int(Qt.TextWordWrap), source)

    def sizeHint(self, option, index):
        width = self.table.columnWidth(0) - 2 * self.PAD
        height = option.fontMetrics.height() + 2 * self.PAD
        source = self._source(index)
        if source:
            height += self._source_rect(option.font, width, source).height() + 2
        name_width = option.fontMetrics.horizontalAdvance(index.data() or "") + 2 * self.PAD
        return QSize(max(name_width, 60), height)

    def paint(self, painter: QPainter, option, index: QModelIndex) -> None:
        style = option.widget.style() if option.widget else None
        if style is not None:  # the row's background, without the text
            self.initStyleOption(option, index)
            option.text = ""
            style.drawControl(QStyle.CE_ItemViewItem, option, painter, option.widget)
        rect = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        painter.save()
        painter.setPen(option.palette.color(QPalette.Text))
        line = option.fontMetrics.height()
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line), int(Qt.AlignLeft | Qt.AlignVCenter),
                         index.data() or "")
        source = self._source(index)
        if source:
            painter.setFont(self._small(option.font))
            painter.setPen(option.palette.color(QPalette.PlaceholderText))
            painter.drawText(QRect(rect.left(), rect.top() + line + 2, rect.width(), rect.height() - line),
                             int(Qt.AlignLeft | Qt.AlignTop | Qt.TextWordWrap), source)
        painter.restore()


# The counts behind a score in the interface's language, from the core's fields (English keeps the core's text).
COUNT_WORDS = {
    "requests": QT_TRANSLATE_NOOP("", "{n} requests from {people} people (the last {days} days, since {since})"),
    "companies": QT_TRANSLATE_NOOP("", "{n} companies asking"),
    "without_company": QT_TRANSLATE_NOOP("", "{n} requesters without a company"),
    "older requests not counted": QT_TRANSLATE_NOOP(
        "", "{n} older requests not counted: widen the window (Edit ▸ Workspace Settings)"),
    "outside the segment": QT_TRANSLATE_NOOP("", "{n} requests from outside the segment not counted"),
}


def _count_line(c: dict) -> str | None:
    """One count as the window says it: MRR in the workspace's currency; the rest translated from the core's
    fields where the interface has the words, else the core's own sentence."""
    name, value = c.get("name"), c.get("value")
    if name == "MRR" and isinstance(value, (int, float)):
        return tr("MRR: {amount}").format(amount=format_money(value, compact=False))
    template = _translated(COUNT_WORDS.get(name, ""))
    if template and isinstance(value, int):
        line = template.format(n=f"{value:,}", people=f"{c.get('people', 0):,}", days=c.get("window_days", ""),
                               since=c.get("since", ""))
        if name == "requests" and c.get("segment"):
            line += f" · {tr('Segment')}: {c['segment']}"
        if name == "companies" and c.get("without_company"):
            line += " · " + tr(COUNT_WORDS["without_company"]).format(n=f"{c['without_company']:,}")
        return line
    if c.get("text"):
        return str(c["text"])
    if value is not None:
        return f"{factor_name(name)}: {value_text(c)}"
    return None


def count_lines(row: dict, counts: list[dict] | None) -> list[str]:
    """The counts behind a score, one line each: the core's `counts` when the row carries them (each its own
    sentence, "36 requests from 35 people (…)"), else the row's figures."""
    if counts:
        return [line for line in map(_count_line, counts) if line]
    lines = []
    if row.get("requests") is not None:
        lines.append(tr("Requests: {n}").format(n=f"{row['requests']:,}"))
    if row.get("companies") is not None:
        lines.append(tr("Companies: {n}").format(n=f"{row['companies']:,}"))
    if row.get("mrr"):
        lines.append(tr("MRR: {amount}").format(amount=format_money(row["mrr"], compact=False)))
    return lines


class ExplanationTable(QWidget):
    """Factor (where from under it) | Value | Share, the counts behind them, and the explanation as text (folded)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = FactorsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(0, FactorDelegate(self.table))
        self.table.setItemDelegateForColumn(3, ShareDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.setFocusPolicy(Qt.NoFocus)
        self.table.setWordWrap(True)  # a long source wraps within the panel instead of being cut
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # as tall as its rows: the panel scrolls
        self.table.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.table.setAccessibleName(tr("Factors of the score"))
        # The panel is about 350 wide: the value and the share keep their width, the factor takes the rest, its
        # source wrapped under its name (FactorDelegate); the source's own column stays in the model, hidden.
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(24)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.Fixed)
        header.setSectionResizeMode(3, QHeaderView.ResizeToContents)
        self.table.setColumnHidden(2, True)
        self.table.setColumnWidth(1, VALUE_WIDTH)
        header.sectionResized.connect(lambda *_: self._fit_height())
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.text_toggle = QToolButton()
        self.text_toggle.setText(tr("As text"))
        self.text_toggle.setCheckable(True)
        self.text_toggle.setAutoRaise(True)
        self.text_toggle.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.text_toggle.setArrowType(Qt.RightArrow)
        self.text_toggle.setToolTip(tr("The explanation in words, as the workbook and the command line give it"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.text.hide()
        self.text_toggle.toggled.connect(self._show_text)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.table)
        layout.addWidget(self.counts)
        layout.addWidget(self.text_toggle, 0, Qt.AlignLeft)
        layout.addWidget(self.text)

    def _show_text(self, on: bool) -> None:
        self.text_toggle.setArrowType(Qt.DownArrow if on else Qt.RightArrow)
        self.text.setVisible(on)

    def show_row(self, row: dict | None) -> None:
        """Show a scored row's factors, counts and text; nothing for None."""
        row = row or {}
        factors = [f for f in (row.get("factors") or []) if isinstance(f, dict)]
        self.model.set_rows(factors)
        self.table.setVisible(bool(factors))
        lines = count_lines(row, row.get("counts"))
        self.counts.setText("\n".join(lines))
        self.counts.setVisible(bool(lines))
        self.text.setText(row.get("explanation") or "")
        self.text_toggle.setVisible(bool(row.get("explanation")))
        self._fit_height()

    def _fit_height(self) -> None:
        """The table as tall as its rows, wrapped to the panel's width."""
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(self.model.rowCount()))
        self.table.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def factor_rows(self) -> list[tuple[str, str, str, str]]:
        """What the table shows, row by row (Factor, Value, From, Share): for tests and the accessibility text."""
        model = self.model
        return [tuple(model.index(r, c).data() or "" for c in range(model.columnCount()))
                for r in range(model.rowCount())]
