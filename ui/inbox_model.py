"""Table models behind the inbox and the pickers.

Rows are plain dicts from `planner`; sorting and filtering happen on the
Python list (a proxy model calls Python for every comparison and is slow).
"""

from __future__ import annotations

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMimeData, QModelIndex, Qt
from PySide6.QtGui import QFont

from ui.i18n import tr
from ui.widgets.table_model import RowsTableModel

REQUEST_MIME = "application/x-roadmap-planner-request-ids"

# Qt's sort order enum compares by value; this keeps the intent readable.
_DESCENDING = Qt.SortOrder.DescendingOrder


def _sort_key(value):
    # None last whatever the type; text case-insensitively.
    if value is None or value == "":
        return (1, "")
    if isinstance(value, str):
        return (0, value.casefold())
    return (0, value)


_BOLD: list[QFont] = []


def _bold() -> QFont:
    # Made on first use: a QFont needs the application to exist.
    if not _BOLD:
        font = QFont()
        font.setBold(True)
        _BOLD.append(font)
    return _BOLD[0]


class RowsModel(RowsTableModel):
    """A table of dicts with display, tooltip and sort hooks for subclasses."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- Qt

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role == Qt.DisplayRole:
            return self.display(row, key)
        if role == Qt.ToolTipRole:
            return self.tooltip(row, key)
        if role == Qt.UserRole:
            return row.get("id")
        return None

    def sort(self, column, order=Qt.AscendingOrder):
        if not (0 <= column < len(self.COLUMNS)):
            return
        self._sort = (column, order)
        key = self.COLUMNS[column][0]
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self.rows[i.row()].get("id") for i in persistent]
        self.rows.sort(key=lambda r: _sort_key(self.sort_value(r, key)), reverse=order == _DESCENDING)
        where = {r.get("id"): n for n, r in enumerate(self.rows)}
        self.changePersistentIndexList(
            persistent, [self.index(where[i], p.column()) if i in where else QModelIndex() for i, p in zip(ids, persistent)]
        )
        self.layoutChanged.emit()

    # -- for subclasses
    def display(self, row: dict, key: str):
        value = row.get(key)
        return "" if value is None else str(value)

    def tooltip(self, row: dict, key: str):
        return None

    def sort_value(self, row: dict, key: str):
        return row.get(key)

    # -- for views
    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        if self._sort is not None:
            column, order = self._sort
            key = self.COLUMNS[column][0]
            self.rows.sort(key=lambda r: _sort_key(self.sort_value(r, key)), reverse=order == _DESCENDING)
        self.endResetModel()

    def row_dict(self, row: int) -> dict | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, row_id) -> int:
        for n, r in enumerate(self.rows):
            if r.get("id") == row_id:
                return n
        return -1


class InboxModel(RowsModel):
    """Requests waiting to be triaged; rows can be dragged onto an item."""

    COLUMNS = (
        ("title", QT_TRANSLATE_NOOP("", "Request")),
        ("company", QT_TRANSLATE_NOOP("", "Company")),
        ("segment", QT_TRANSLATE_NOOP("", "Segment")),
        ("source", QT_TRANSLATE_NOOP("", "Source")),
        ("created_at", QT_TRANSLATE_NOOP("", "Date")),
    )

    def display(self, row, key):
        if key == "created_at":
            return (row.get("created_at") or "")[:10]
        if key == "title":
            return " ".join((row.get("title") or "").split())
        return super().display(row, key)

    def tooltip(self, row, key):
        if key == "title":
            body = (row.get("body") or "").strip()
            return body[:400] or None
        if key == "company" and row.get("company"):
            parts = [row["company"], row.get("segment")]
            if row.get("mrr") is not None:
                parts.append(tr("MRR {mrr:,.0f}").format(mrr=row["mrr"]))
            return " · ".join(p for p in parts if p)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled

    def mimeTypes(self):
        return [REQUEST_MIME]

    def mimeData(self, indexes):
        ids = sorted({self.rows[i.row()]["id"] for i in indexes if i.isValid() and i.row() < len(self.rows)})
        mime = QMimeData()
        mime.setData(REQUEST_MIME, json.dumps(ids).encode())
        mime.setText("\n".join(str(i) for i in ids))
        return mime

    def supportedDragActions(self):
        return Qt.LinkAction | Qt.CopyAction


def request_ids_from_mime(mime: QMimeData) -> list[int]:
    if mime is None or not mime.hasFormat(REQUEST_MIME):
        return []
    try:
        return [int(i) for i in json.loads(bytes(mime.data(REQUEST_MIME)).decode())]
    except (ValueError, TypeError):
        return []


class ItemChoiceModel(RowsModel):
    """Items to link to: suggestions (with their score) first, then every item by title.

    `filter(text)` keeps the items whose title has every word typed; the
    suggestions stay on top in their order.
    """

    COLUMNS = (
        ("title", QT_TRANSLATE_NOOP("", "Item")),
        ("status", QT_TRANSLATE_NOOP("", "Status")),
        ("score", QT_TRANSLATE_NOOP("", "Match")),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[dict] = []
        self._suggested: dict[int, dict] = {}
        self._text = ""
        self._source: list[dict] | None = None
        self._by_id: dict[int, dict] = {}
        self._sorted: list[dict] = []

    def set_items(self, items: list[dict], suggestions: list[dict] = ()) -> None:
        if items is not self._source:
            # Sorted once per item list, not on every request the user steps through.
            self._source = items
            self._by_id = {i["id"]: i for i in items}
            self._sorted = [dict(i, score=None, why=None)
                            for i in sorted(items, key=lambda i: (i["title"] or "").casefold())]
        self._suggested = {s["item_id"]: s for s in suggestions}
        top = [dict(self._by_id[s["item_id"]], score=s["score"], why=s.get("why"))
               for s in suggestions if s["item_id"] in self._by_id]
        rest = [i for i in self._sorted if i["id"] not in self._suggested] if self._suggested else self._sorted
        self._all = top + rest
        self._apply()

    def filter(self, text: str) -> None:
        self._text = text or ""
        self._apply()

    def _apply(self) -> None:
        words = self._text.casefold().split()
        rows = self._all
        if words:
            rows = [r for r in rows if all(w in (r["title"] or "").casefold() or w == str(r["id"]) for w in words)]
        self._sort = None  # keep suggestions on top; the order is the meaning here
        self.set_rows(rows)

    def display(self, row, key):
        if key == "score":
            return "" if row.get("score") is None else f"{row['score']:.0f}%"
        if key == "status":
            return tr((row.get("status") or "").replace("_", " "))
        return super().display(row, key)

    def tooltip(self, row, key):
        return row.get("why") or row.get("description") or None

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.FontRole and index.isValid() and index.row() < len(self.rows) and self.rows[index.row()].get("score") is not None:
            return _bold()
        return super().data(index, role)

    def sort(self, column, order=Qt.AscendingOrder):
        # A picker's order is "best match first"; column sorting would hide that.
        return


class RequestChoiceModel(RowsModel):
    """Requests that may be the original of a duplicate: similar ones first."""

    COLUMNS = (
        ("title", QT_TRANSLATE_NOOP("", "Request")),
        ("company", QT_TRANSLATE_NOOP("", "Company")),
        ("status", QT_TRANSLATE_NOOP("", "Status")),
        ("score", QT_TRANSLATE_NOOP("", "Match")),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[dict] = []
        self._text = ""

    def set_requests(self, requests: list[dict], similar: list[dict] = ()) -> None:
        first = {s["request_id"]: s["score"] for s in similar}
        by_id = {r["id"]: r for r in requests}
        top = [dict(by_id[i], score=score) for i, score in first.items() if i in by_id]
        rest = [dict(r, score=None) for r in requests if r["id"] not in first]
        self._all = top + rest
        self._apply()

    def filter(self, text: str) -> None:
        self._text = text or ""
        self._apply()

    def _apply(self) -> None:
        words = self._text.casefold().split()
        rows = self._all
        if words:
            rows = [
                r for r in rows
                if all(w in f"{r.get('title') or ''} {r.get('company') or ''}".casefold() or w == str(r["id"]) for w in words)
            ]
        self._sort = None
        self.set_rows(rows)

    def display(self, row, key):
        if key == "score":
            return "" if row.get("score") is None else f"{row['score']:.0f}%"
        if key == "title":
            return f"#{row['id']}  " + " ".join((row.get("title") or "").split())
        return super().display(row, key)

    def sort(self, column, order=Qt.AscendingOrder):
        return
