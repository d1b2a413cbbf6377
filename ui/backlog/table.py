"""The backlog's table: whole rows selected by item id, estimates edited in place, columns chosen from the header.

The estimate columns shown are the scoring method's inputs (`show_method`); the other methods' are hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDoubleSpinBox, QHeaderView, QMenu, QSpinBox, QStyledItemDelegate, QTableView,
)

from planner import ops
from ui.backlog.model import COLUMNS, ESTIMATES, KEYS, METHOD_INPUTS
from ui.i18n import tr
from ui.widgets.labels import status_label

WIDTHS = {"pinned": 30, "rank": 50, "move": 54, "title": 230, "score": 62, "reach": 56, "impact": 86, "confidence": 82,
          "effort": 52, "value": 50, "requests": 70, "companies": 78, "mrr": 72, "single_customer": 64,
          "rank_stability": 70, "status": 86, "kind": 88, "lane": 76, "theme": 110, "ice_impact": 92,
          "ice_confidence": 96, "ice_ease": 50, "wsjf_value": 100, "wsjf_time": 106, "wsjf_risk": 100, "wsjf_size": 80}
# Ranges of the whole-number inputs of ICE and WSJF, as the spin boxes offer them.
WHOLE_RANGES = {"ice_impact": (1, 10), "ice_confidence": (1, 10), "ice_ease": (1, 10),
                "wsjf_value": (1, 20), "wsjf_time": (1, 20), "wsjf_risk": (1, 20)}


class BacklogDelegate(QStyledItemDelegate):
    """Editors that only accept what the core accepts: the RICE scale, 0–100 %, effort > 0, ICE 1–10,
    WSJF parts 1–20 and job sizes 1, 2, 3, 5, 8, 13, 20."""

    def createEditor(self, parent, option, index):
        key = KEYS[index.column()]
        if key == "impact":
            box = QComboBox(parent)
            for value in ops.IMPACTS:
                box.addItem(f"{value:g} — {tr(ops.IMPACT_NAMES[value])}", value)
            return box
        if key == "status":
            box = QComboBox(parent)
            for status in ops.STATUSES:
                box.addItem(status_label(status), status)
            return box
        if key == "wsjf_size":
            box = QComboBox(parent)
            for size in ops.WSJF_SIZES:
                box.addItem(str(size), float(size))
            return box
        if key == "confidence":
            spin = QSpinBox(parent)
            spin.setRange(0, 100)
            spin.setSuffix("%")
            return spin
        if key in WHOLE_RANGES:
            spin = QSpinBox(parent)
            spin.setRange(*WHOLE_RANGES[key])
            return spin
        if key == "reach":
            spin = QDoubleSpinBox(parent)
            spin.setDecimals(1)
            spin.setRange(0.0, 1_000_000_000)
            return spin
        if key in ("effort", "value"):
            spin = QDoubleSpinBox(parent)
            spin.setDecimals(1)
            spin.setRange(0.1 if key == "effort" else 0.0, 1_000_000)
            spin.setSingleStep(0.5 if key == "effort" else 1.0)
            return spin
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):
        value = index.data(Qt.EditRole)
        if isinstance(editor, QComboBox):
            pos = editor.findData(value)
            editor.setCurrentIndex(max(pos, 0))
        elif isinstance(editor, QSpinBox):
            editor.setValue(editor.minimum() if value is None else round(value))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(editor.minimum() if value is None else value)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.EditRole)
        elif isinstance(editor, (QSpinBox, QDoubleSpinBox)):
            editor.interpretText()
            model.setData(index, float(editor.value()), Qt.EditRole)
        else:
            super().setModelData(editor, model, index)


class BacklogTable(QTableView):
    """The table over a `BacklogModel`; its selection is read and restored as item ids, not rows."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(BacklogDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed | QAbstractItemView.SelectedClicked
        )
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(24)
        self.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)  # no per-row measuring on 100k rows
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSortIndicator(KEYS.index("rank"), Qt.AscendingOrder)
        self.setSortingEnabled(True)
        for col, key in enumerate(KEYS):
            self.setColumnWidth(col, WIDTHS.get(key, 80))
        # Kind has its own filter; its column is one click away in the header menu.
        self.setColumnHidden(KEYS.index("kind"), True)
        self.setColumnHidden(KEYS.index("move"), True)  # shown while a snapshot is chosen in Since
        self.method: str | None = None
        self.show_method("rice")
        header.setContextMenuPolicy(Qt.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)

    def show_method(self, method: str) -> None:
        """Show the estimate columns of this scoring method, hide the other methods' (on a change of method only:
        a column the user hid stays hidden through refreshes)."""
        if method == self.method:
            return
        self.method = method
        inputs = METHOD_INPUTS.get(method, ())
        for key in ESTIMATES:
            self.setColumnHidden(KEYS.index(key), key not in inputs)

    def _header_menu(self, pos) -> None:
        """Show or hide columns: the full table is wider than most screens."""
        menu = QMenu(self)
        inputs = METHOD_INPUTS.get(self.method, ())
        for col, (key, label, _tip) in enumerate(COLUMNS):
            if key in ("title", "rank", "move") or (key in ESTIMATES and key not in inputs):
                continue
            action = menu.addAction(tr(label))
            action.setCheckable(True)
            action.setChecked(not self.isColumnHidden(col))
            action.toggled.connect(lambda on, c=col: self.setColumnHidden(c, not on))
        menu.popup(self.horizontalHeader().mapToGlobal(pos))

    def selected_ids(self) -> list[int]:
        # From the selection's ranges: selectedRows() asks the model for every cell's flags, seconds on 100k rows.
        rows = set()
        for rng in self.selectionModel().selection():
            rows.update(range(rng.top(), rng.bottom() + 1))
        model = self.model()
        count = model.rowCount()
        return [model.item_id(r) for r in sorted(rows) if r < count]

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return self.model().item_id(index.row()) if index.isValid() else None

    def select_ids(self, ids: list[int], current: int | None) -> None:
        """Select these items wherever they are now, and make `current` the current one."""
        model, selection = self.model(), self.selectionModel()
        rows = sorted(r for r in map(model.row_of, ids) if r is not None)
        if rows:
            # One range per run of adjacent rows: selecting 100k rows one by one takes seconds.
            chosen = QItemSelection()
            last = model.columnCount() - 1
            start = prev = rows[0]
            for row in rows[1:] + [None]:
                if row is not None and row == prev + 1:
                    prev = row
                    continue
                chosen.select(model.index(start, 0), model.index(prev, last))
                if row is not None:
                    start = prev = row
            selection.select(chosen, QItemSelectionModel.Select | QItemSelectionModel.Rows)
        if current is not None and model.row_of(current) is not None:
            target = model.index(model.row_of(current), 0)
            selection.setCurrentIndex(target, QItemSelectionModel.NoUpdate)
            self.scrollTo(target, QAbstractItemView.EnsureVisible)
