"""Pickers: choose the item to link requests to, or the original of a duplicate.

Both show the likeliest choices first (from `planner.triage`) and narrow
as the user types; Enter or a double click takes the highlighted row.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout,
)

from planner import ops, triage
from ui.i18n import tr
from ui.inbox_model import ItemChoiceModel, RequestChoiceModel


class _PickerDialog(QDialog):
    """A search box over a table; arrows in the box move the table's highlight."""

    def __init__(self, model, title: str, prompt: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 460)
        self.model = model
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Type to search…"))
        self.search.setClearButtonEnabled(True)
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # Measure a hundred rows, not all of them: a picker over 10k items must open at once.
        self.table.horizontalHeader().setResizeContentsPrecision(100)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        for col in range(1, model.columnCount()):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeToContents)
        self.table.setAlternatingRowColors(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.model.modelReset.connect(self._highlight_first)
        self._highlight_first()

    def _filter(self, text: str) -> None:
        self.model.filter(text)

    def _highlight_first(self) -> None:
        ok = self.model.rowCount() > 0
        if ok:
            self.table.selectRow(0)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(ok)

    def eventFilter(self, obj, event):
        # Up/Down while typing move through the results, as in a launcher.
        if obj is self.search and event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Up, Qt.Key_Down):
            row = self.current_row() + (1 if event.key() == Qt.Key_Down else -1)
            if 0 <= row < self.model.rowCount():
                self.table.selectRow(row)
            return True
        return super().eventFilter(obj, event)

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select_id(self, row_id) -> bool:
        row = self.model.row_of(row_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def chosen(self) -> dict | None:
        return self.model.row_dict(self.current_row())


class ItemPicker(_PickerDialog):
    """Choose the item to link one or several requests to; suggestions first."""

    def __init__(self, ctx, request_ids, parent=None):
        self.ctx = ctx
        self.request_ids = [int(r) for r in request_ids]
        model = ItemChoiceModel()
        n = len(self.request_ids)
        prompt = (tr("Link request {id} to which item? The likeliest are first.").format(id=self.request_ids[0])
                  if n == 1 else tr("Link {n} requests to which item? The likeliest are first.").format(n=n))
        super().__init__(model, tr("Link to item"), prompt, parent)
        model.setParent(self)
        suggestions = triage.suggest_items(ctx.ws, self.request_ids[0], limit=5) if self.request_ids else []
        model.set_items(ops.list_items(ctx.ws), suggestions)
        self._highlight_first()

    def chosen_item_id(self) -> int | None:
        row = self.chosen()
        return row["id"] if row else None


class RequestPicker(_PickerDialog):
    """Choose the original a request duplicates; similarly worded requests first."""

    def __init__(self, ctx, request_id: int, parent=None):
        self.ctx = ctx
        self.request_id = int(request_id)
        model = RequestChoiceModel()
        super().__init__(
            model, tr("Mark as duplicate"),
            tr("Request {id} repeats which request? Its demand will count once, on the original.").format(id=self.request_id),
            parent,
        )
        model.setParent(self)
        requests = [r for r in ops.list_requests(ctx.ws) if r["id"] != self.request_id and r["status"] != "duplicate"]
        model.set_requests(requests, triage.similar_requests(ctx.ws, self.request_id, limit=10))
        self._highlight_first()

    def chosen_request_id(self) -> int | None:
        row = self.chosen()
        return row["id"] if row else None


def pick_item(ctx, request_ids, parent=None) -> int | None:
    dialog = ItemPicker(ctx, request_ids, parent)
    return dialog.chosen_item_id() if dialog.exec() == QDialog.Accepted else None


def pick_original(ctx, request_id, parent=None) -> int | None:
    dialog = RequestPicker(ctx, request_id, parent)
    return dialog.chosen_request_id() if dialog.exec() == QDialog.Accepted else None
