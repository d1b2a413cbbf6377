"""Pickers: choose the item to link requests to, or the original of a duplicate.

Both show the likeliest choices first (from `planner.triage`) and narrow
as the user types; Enter or a double click takes the highlighted row.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

from planner import ops, triage
from ui.i18n import tr
from ui.inbox.choices import ChoiceModel, ItemChoiceModel, RequestChoiceModel
from ui.widgets.table_model import list_table, selected_row


class PickerDialog(QDialog):
    """A search box over a table of choices; arrows in the box move the table's highlight."""

    def __init__(self, model: ChoiceModel, title: str, prompt: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 460)
        self.model = model
        model.setParent(self)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Type to search…"))
        self.search.setClearButtonEnabled(True)
        self.table = list_table(model, stretch=0)
        self.table.setWordWrap(False)
        # Measure a hundred rows, not all of them: a picker over 10k items must open at once.
        self.table.horizontalHeader().setResizeContentsPrecision(100)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self.model.filter)
        self.search.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.model.modelReset.connect(self._highlight_first)
        self._highlight_first()

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

    def chosen_id(self) -> int | None:
        row = selected_row(self.table)
        return row["id"] if row else None

    def pick(self) -> int | None:
        """Show the picker; the id chosen, or None when the user cancelled."""
        return self.chosen_id() if self.exec() == QDialog.Accepted else None


class ItemPicker(PickerDialog):
    """Choose the item to link one or several requests to; suggestions first."""

    def __init__(self, ctx, request_ids, parent=None):
        ids = [int(r) for r in request_ids]
        prompt = (tr("Link request {id} to which item? The likeliest are first.").format(id=ids[0])
                  if len(ids) == 1 else tr("Link {n} requests to which item? The likeliest are first.").format(n=len(ids)))
        super().__init__(ItemChoiceModel(), tr("Link to item"), prompt, parent)
        suggestions = triage.suggest_items(ctx.ws, ids[0], limit=5) if ids else []
        self.model.set_items(ops.list_items(ctx.ws), suggestions)


class RequestPicker(PickerDialog):
    """Choose the original a request duplicates; similarly worded requests first."""

    def __init__(self, ctx, request_id: int, parent=None):
        request_id = int(request_id)
        super().__init__(
            RequestChoiceModel(), tr("Mark as duplicate"),
            tr("Request {id} repeats which request? Its demand will count once, on the original.").format(id=request_id),
            parent,
        )
        requests = [r for r in ops.list_requests(ctx.ws) if r["id"] != request_id and r["status"] != "duplicate"]
        self.model.set_requests(requests, triage.similar_requests(ctx.ws, request_id, limit=10))


def pick_item(ctx, request_ids, parent=None) -> int | None:
    return ItemPicker(ctx, request_ids, parent).pick()


def pick_original(ctx, request_id, parent=None) -> int | None:
    return RequestPicker(ctx, request_id, parent).pick()
