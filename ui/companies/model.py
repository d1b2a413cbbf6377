"""The table model of the Companies view: every company, searched, sorted, edited in place.

Rows are the dicts of `ops.list_companies`; searching and sorting happen on the
Python list. An edit is handed to `editor(company, field, value)` (the view),
which makes it one undo step; the refresh that follows redraws the rows.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ui.i18n import tr
from ui.roadmap.style import format_money
from ui.widgets.table_model import RowsTableModel

COLUMNS = (
    ("name", QT_TRANSLATE_NOOP("", "Company")),
    ("segment", QT_TRANSLATE_NOOP("", "Segment")),
    ("plan", QT_TRANSLATE_NOOP("", "Plan")),
    ("mrr", QT_TRANSLATE_NOOP("", "MRR")),
    ("arr", QT_TRANSLATE_NOOP("", "ARR")),
    ("renewal_date", QT_TRANSLATE_NOOP("", "Renewal")),
    ("owner", QT_TRANSLATE_NOOP("", "Owner")),
    ("requests", QT_TRANSLATE_NOOP("", "Requests")),
    ("last_asked", QT_TRANSLATE_NOOP("", "Last asked")),
)
KEYS = tuple(key for key, _ in COLUMNS)
EDITABLE = frozenset({"name", "segment", "plan", "mrr", "arr", "renewal_date", "owner"})
MONEY = frozenset({"mrr", "arr"})
NUMBERS = MONEY | {"requests"}
SEARCHED = ("name", "segment", "plan", "owner", "domain")

_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable
_EDITABLE_FLAGS = _FLAGS | Qt.ItemIsEditable


def money_text(value) -> str:
    """How an amount of money reads in the window: in the workspace's currency, in full ("¥120,000")."""
    if value is None:
        return ""
    return format_money(float(value), compact=False)


def money_value(text: str) -> str:
    """What the user typed in a money cell, for the core to check: thousands separators and spaces dropped."""
    return "".join(c for c in str(text) if c not in ", _\u00a0\u202f'")


def effective(row: dict, key: str):
    """A company's MRR or ARR: as stored, else worked out from the other (as scoring does)."""
    value = row.get(key)
    if value is not None:
        return value
    other = row.get("arr" if key == "mrr" else "mrr")
    if other is None:
        return None
    return other / 12 if key == "mrr" else other * 12


def _sort_key(value):
    # Blanks last whatever the order; text case-insensitively.
    if value is None or value == "":
        return (1, "")
    if isinstance(value, str):
        return (0, value.casefold())
    return (0, value)


class CompaniesModel(RowsTableModel):
    COLUMNS = COLUMNS

    def __init__(self, parent=None):
        super().__init__(parent)
        self.all_rows: list[dict] = []
        self.search = ""
        self.editor = None  # editor(company: dict, field: str, value) -> bool, set by the view
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # ------------------------------------------------------------ rows
    def set_companies(self, rows) -> None:
        """All the companies; the ones the search matches are shown, in the order the user chose."""
        self.all_rows = list(rows)
        self._show()

    def set_search(self, text: str) -> None:
        self.search = " ".join(text.split()).casefold()
        self._show()

    def _show(self) -> None:
        rows = [r for r in self.all_rows if self._matches(r)] if self.search else list(self.all_rows)
        if self._sort is not None:
            self._sort_rows(rows)
        self.set_rows(rows)

    def _matches(self, row: dict) -> bool:
        return any(self.search in str(row.get(k) or "").casefold() for k in SEARCHED)

    def row_of(self, company_id) -> int:
        for n, row in enumerate(self.rows):
            if row["id"] == company_id:
                return n
        return -1

    # ------------------------------------------------------------ Qt
    def row_data(self, row, key, role):
        if role == Qt.DisplayRole:
            return self.display(row, key)
        if role == Qt.ForegroundRole and key in MONEY and row.get(key) is None and effective(row, key) is not None:
            return QBrush(QColor("#7b8794"))  # worked out from the other figure, not stored
        if role == Qt.ToolTipRole and key in MONEY and row.get(key) is None and effective(row, key) is not None:
            return tr("From the MRR (× 12)") if key == "arr" else tr("From the ARR (÷ 12)")
        if role == Qt.EditRole:
            value = row.get(key)
            if key in MONEY:
                value = effective(row, key)
                return "" if value is None else f"{float(value):.2f}".removesuffix(".00")
            return "" if value is None else str(value)
        if role == Qt.TextAlignmentRole and key in NUMBERS:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and key == "name":
            return " · ".join(str(v) for v in (row.get("name"), row.get("domain")) if v)
        if role == Qt.UserRole:
            return row.get("id")
        return None

    def display(self, row: dict, key: str) -> str:
        value = row.get(key)
        if key in MONEY:
            return money_text(effective(row, key))
        if key == "requests":
            return f"{value or 0:,}"
        if key == "last_asked":
            return (value or "")[:10]
        return "" if value is None else str(value)

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        if self.editor is not None and KEYS[index.column()] in EDITABLE:
            return _EDITABLE_FLAGS
        return _FLAGS

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or not index.isValid() or self.editor is None:
            return False
        key = KEYS[index.column()]
        row = self.row_dict(index.row())
        if key not in EDITABLE or row is None:
            return False
        text = " ".join(str(value or "").split())
        if key in MONEY:
            text = money_value(text)
            current = effective(row, key)
            if (text == "" and current is None) or (text and current is not None and _same_number(text, current)):
                return False
        elif text == (row.get(key) or ""):
            return False
        return bool(self.editor(row, key, text or None))

    def sort(self, column, order=Qt.AscendingOrder):
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self.rows[i.row()]["id"] if i.row() < len(self.rows) else None for i in persistent]
        self._sort_rows(self.rows)
        where = {r["id"]: n for n, r in enumerate(self.rows)}
        self.changePersistentIndexList(
            persistent, [self.index(where[i], p.column()) if i in where else QModelIndex() for i, p in zip(ids, persistent)])
        self.layoutChanged.emit()

    def _sort_rows(self, rows: list[dict]) -> None:
        column, order = self._sort
        key = KEYS[column]
        rows.sort(key=lambda r: r["id"])  # ties in a stable order
        value = (lambda r: effective(r, key)) if key in MONEY else (lambda r: r.get(key))
        blanks = [r for r in rows if value(r) in (None, "")]
        filled = [r for r in rows if value(r) not in (None, "")]
        filled.sort(key=lambda r: _sort_key(value(r)), reverse=order == Qt.SortOrder.DescendingOrder)
        rows[:] = filled + blanks


def _same_number(text: str, current) -> bool:
    try:
        return float(text) == float(current)
    except ValueError:
        return False
