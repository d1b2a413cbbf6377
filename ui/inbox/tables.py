"""The inbox's two tables: the requests, which take the triage keys, and the items requests are dropped onto."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui import hotkeys
from ui.inbox.model import REQUEST_MIME, request_ids_from_mime

def triage_action(event) -> str | None:
    """The triage action a key press asks for ("next", "link", "suggestion:0", …; see `ui.hotkeys`), or None.

    Shift and the keypad are ignored (J and Shift+J, 1 and keypad 1 act alike); with Ctrl, Alt or Meta a
    key belongs to the window's shortcuts.
    """
    if event.modifiers() & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier):
        return None
    return hotkeys.TRIAGE_KEYS.get(QKeySequence(event.key()))


class TriageTable(QTableView):
    """The request list. Triage keys act here before the table's type-to-search takes them."""

    triage_key = Signal(str)
    resized = Signal()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.resized.emit()

    def keyPressEvent(self, event):
        action = triage_action(event)
        if action:
            self.triage_key.emit(action)
            event.accept()
            return
        super().keyPressEvent(event)


class ItemDropTable(QTableView):
    """Items that requests can be dropped onto (the drop links them)."""

    requests_dropped = Signal(list, int)  # request ids, item id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DropOnly)
        self.setDropIndicatorShown(True)
        self.viewport().setAcceptDrops(True)

    def _target(self, event):
        if not event.mimeData().hasFormat(REQUEST_MIME):
            return None
        index = self.indexAt(event.position().toPoint())
        return self.model().row_dict(index.row()) if index.isValid() else None

    def dragEnterEvent(self, event):
        if event.mimeData().hasFormat(REQUEST_MIME):
            event.setDropAction(Qt.LinkAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event):
        target = self._target(event)
        if target is not None:
            self.selectRow(self.indexAt(event.position().toPoint()).row())
            event.setDropAction(Qt.LinkAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event):
        target = self._target(event)
        ids = request_ids_from_mime(event.mimeData())
        if target is None or not ids:
            event.ignore()
            return
        event.setDropAction(Qt.LinkAction)
        event.accept()
        self.requests_dropped.emit(ids, int(target["id"]))


def fixed_widths(table: QTableView, samples: dict[int, str]) -> None:
    """Column 0 takes the room left; the others fit a typical value and can be dragged wider."""
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    header.setSectionResizeMode(0, QHeaderView.Stretch)
    for column, sample in samples.items():
        header.setSectionResizeMode(column, QHeaderView.Interactive)
        title = str(table.model().headerData(column, Qt.Horizontal) or "")
        header.resizeSection(column, max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title)) + 24)
