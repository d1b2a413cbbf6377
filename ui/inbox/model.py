"""The table model behind the inbox's request list, and the rows it drags.

Rows are plain dicts from `planner`; sorting and filtering happen on the
Python list (a proxy model calls Python for every comparison and is slow).
"""

from __future__ import annotations

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMimeData, QModelIndex, Qt

from ui.i18n import tr
from ui.roadmap.style import format_money
from ui.widgets.table_model import RowsTableModel

REQUEST_MIME = "application/x-roadmap-planner-request-ids"


def _sort_key(value):
    # None last whatever the type; text case-insensitively.
    if value is None or value == "":
        return (1, "")
    if isinstance(value, str):
        return (0, value.casefold())
    return (0, value)


class RowsModel(RowsTableModel):
    """A table of dicts with display, tooltip and sort hooks for subclasses."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- Qt

    def row_data(self, row, key, role):
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
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self.rows[i.row()].get("id") for i in persistent]
        self._sort_rows(self.rows)
        where = {r.get("id"): n for n, r in enumerate(self.rows)}
        self.changePersistentIndexList(
            persistent, [self.index(where[i], p.column()) if i in where else QModelIndex() for i, p in zip(ids, persistent)]
        )
        self.layoutChanged.emit()

    def _sort_rows(self, rows: list[dict]) -> None:
        column, order = self._sort
        key = self.COLUMNS[column][0]
        rows.sort(key=lambda r: _sort_key(self.sort_value(r, key)), reverse=order == Qt.SortOrder.DescendingOrder)

    # -- for subclasses
    def display(self, row: dict, key: str):
        value = row.get(key)
        return "" if value is None else str(value)

    def tooltip(self, row: dict, key: str):
        return None

    def sort_value(self, row: dict, key: str):
        return row.get(key)

    # -- for views
    def set_rows(self, rows) -> None:
        rows = list(rows)
        if self._sort is not None:
            self._sort_rows(rows)  # new rows keep the order the user chose
        super().set_rows(rows)

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
                parts.append(tr("MRR {mrr}").format(mrr=format_money(row["mrr"], compact=False)))
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
