"""The main window: navigation between the views, menus, status bar."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QMainWindow, QStackedWidget, QTableView, QWidget,
)

from planner import ops
from planner.storage import queries
from ui.context import AppContext, tr


class ItemsModel(QAbstractTableModel):
    COLUMNS = (("id", "ID"), ("title", "Title"), ("kind", "Kind"), ("status", "Status"), ("theme", "Theme"), ("lane", "Lane"))

    def __init__(self, rows=None, parent=None):
        super().__init__(parent)
        self.rows = rows or []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role != Qt.DisplayRole:
            return None
        value = self.rows[index.row()].get(self.COLUMNS[index.column()][0])
        return "" if value is None else str(value)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return tr(self.COLUMNS[section][1])
        return None


class MainWindow(QMainWindow):
    VIEWS = ("Backlog", "Inbox", "Roadmap", "Matrix", "Metrics")

    def __init__(self, ws, parent=None):
        super().__init__(parent)
        self.ctx = AppContext(ws, self)
        self.setWindowTitle(tr("Roadmap Planner") + f" — {ws.name}")
        self.resize(1200, 760)
        self.nav = QListWidget()
        self.nav.addItems([tr(v) for v in self.VIEWS])
        self.nav.setFixedWidth(140)
        self.stack = QStackedWidget()
        self.items_model = ItemsModel()
        self.backlog = QTableView()
        self.backlog.setModel(self.items_model)
        self.stack.addWidget(self.backlog)
        for name in self.VIEWS[1:]:
            self.stack.addWidget(QLabel(tr(name)))
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.setCurrentRow(0)
        self.ctx.changed.connect(lambda areas: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.items_model.set_rows(ops.list_items(self.ctx.ws))
        c = queries.counts(self.ctx.ws)
        self.statusBar().showMessage(
            tr("{path} — {items} items, {requests} requests ({unlinked} to triage), {companies} companies").format(
                path=self.ctx.ws.path, **c
            )
        )

    def load_demo(self) -> None:
        from planner.demo import load_demo

        load_demo(self.ctx.ws)
        self.ctx.notify()
