"""Rows as the importer reads them, one cell a field: the preview's first rows and the rows that failed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.widgets.table_model import RowsTableModel


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"
    if isinstance(value, float):
        # A computed cell (a sheet's score, say) holds 1.6666666666666667: show it as a sheet would.
        return f"{value:,.4f}".rstrip("0").rstrip(".") if abs(value) >= 1 else f"{value:.4g}"
    text = " ".join(str(value).split())
    return text if len(text) <= 120 else text[:119] + "…"


class CellsModel(RowsTableModel):
    """Read-only rows of dicts; the columns ((key, header), ...) are given, or change with `set_table`."""

    def __init__(self, columns=(), parent=None):
        super().__init__(parent)
        self.COLUMNS = tuple(columns)
        self.header_tips: dict[str, str] = {}
        self.translate_headers = True  # False when the headers are a file's own column names

    def set_table(self, columns, rows, header_tips=None) -> None:
        """New columns (headers untranslated, as in COLUMNS), their rows, and a tooltip per column key."""
        self.beginResetModel()
        self.COLUMNS = tuple(columns)
        self.rows = list(rows)
        self.header_tips = dict(header_tips or {})
        self.endResetModel()

    def row_data(self, row, key, role):
        value = row.get(key)
        if role == Qt.DisplayRole:
            return cell(value)
        if role == Qt.ToolTipRole and value not in (None, ""):
            return str(value)[:1000]
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.ToolTipRole and orientation == Qt.Horizontal and 0 <= section < len(self.COLUMNS):
            return self.header_tips.get(self.COLUMNS[section][0])
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and not self.translate_headers:
            return self.COLUMNS[section][1] if 0 <= section < len(self.COLUMNS) else None
        return super().headerData(section, orientation, role)
