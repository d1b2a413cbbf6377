"""The table model every list of dicts in the app shares."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.i18n import tr


class RowsTableModel(QAbstractTableModel):
    """Rows are dicts; COLUMNS is ((key, header), ...) with headers marked for translation.

    Subclasses answer `row_data`. Sorting and filtering happen on `rows` (a
    Python list) followed by a reset, never through a proxy model.
    """

    COLUMNS: tuple = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_dict(self, row: int) -> dict | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def data(self, index, role=Qt.DisplayRole):
        row = self.row_dict(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < len(self.COLUMNS):
            return None
        return self.row_data(row, self.COLUMNS[index.column()][0], role)

    def row_data(self, row: dict, key: str, role):
        """What `data` gives for `role` in the column `key` of `row`: nothing, unless a subclass says."""

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.COLUMNS):
            return tr(self.COLUMNS[section][1])
        return None


class EditableRowsModel(RowsTableModel):
    """Rows edited in place, each edit saved through `edit(row, key, text) -> bool` (the dialog's undoable action,
    which refreshes the rows): EDITABLE names the keys a user may type in. `edited_text` tidies what was typed;
    a text equal to what is shown changes nothing."""

    EDITABLE: frozenset = frozenset()

    def __init__(self, edit, parent=None):
        super().__init__(parent)
        self.edit = edit

    def key_at(self, column: int) -> str:
        return self.COLUMNS[column][0]

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and self.key_at(index.column()) in self.EDITABLE:
            flags |= Qt.ItemIsEditable
        return flags

    @staticmethod
    def edited_text(value) -> str:
        return str(value if value is not None else "").strip()

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or not index.isValid() or not self.flags(index) & Qt.ItemIsEditable:
            return False
        row, key = self.rows[index.row()], self.key_at(index.column())
        text = self.edited_text(value)
        if text == (self.row_data(row, key, Qt.EditRole) or ""):
            return False
        return bool(self.edit(row, key, text))


def list_table(model, *, stretch: int | None = None, table: QTableView | None = None,
               selection=QAbstractItemView.SingleSelection) -> QTableView:
    """`table` (a new QTableView by default) set up as a read-only list of whole rows of `model`.

    One row is selectable at a time unless `selection` says otherwise. Columns
    fit their contents and column `stretch` takes the spare width; with no
    `stretch` the column widths are left to the caller.
    """
    table = table if table is not None else QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    if stretch is not None:
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.Stretch)
    return table


def selected_rows(table: QTableView) -> list[dict]:
    """The dicts of the rows selected in `table`, a view of a `RowsTableModel`, top to bottom."""
    selection, model = table.selectionModel(), table.model()
    if selection is None:
        return []
    found = (model.row_dict(r) for r in sorted(index.row() for index in selection.selectedRows()))
    return [row for row in found if row is not None]


def selected_row(table: QTableView) -> dict | None:
    """The dict of the (topmost) row selected in `table`; None when nothing is."""
    rows = selected_rows(table)
    return rows[0] if rows else None
