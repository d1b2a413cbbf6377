"""The Lanes editor: every lane in board order with its dates, capacity and planned effort; each change one undo step.

Quarters, releases and Now/Next/Later buckets are listed by kind, each kind in
the order of the board's columns. Name, dates and capacity are edited in the
table; the buttons add the next fiscal quarter, a release or a bucket, move a
lane within its kind and delete it, asking where its items go.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
    QPushButton, QVBoxLayout,
)

from planner import ops
from planner.errors import PlannerError
from planner.ops import Changes, Entity
from ui.context import show_error
from ui.i18n import tr
from ui.operations import lanes as actions
from ui.roadmap.style import OVER_COLOR, format_number
from ui.widgets.labels import lane_kind_label
from ui.widgets.table_model import EditableRowsModel, list_table, selected_row
from ui.widgets.undo_keys import add_undo_keys

SHOWN = (Entity.LANES, Entity.ITEMS)  # lanes, and the items whose effort fills them


class LanesModel(EditableRowsModel):
    COLUMNS = (
        ("name", QT_TRANSLATE_NOOP("", "Lane")),
        ("kind", QT_TRANSLATE_NOOP("", "Kind")),
        ("start_date", QT_TRANSLATE_NOOP("", "Start")),
        ("end_date", QT_TRANSLATE_NOOP("", "End")),
        ("capacity", QT_TRANSLATE_NOOP("", "Capacity (person-months)")),
        ("effort_planned", QT_TRANSLATE_NOOP("", "Planned effort")),
        ("items", QT_TRANSLATE_NOOP("", "Items")),
    )
    EDITABLE = frozenset({"name", "start_date", "end_date", "capacity"})
    NUMBERS = frozenset({"capacity", "effort_planned", "items"})

    def row_data(self, row, key, role):
        value = row.get(key)
        if role == Qt.DisplayRole:
            if key == "kind":
                return lane_kind_label(value)
            if key in ("capacity", "effort_planned"):
                return "" if value is None else format_number(value)
            return "" if value is None else str(value)
        if role == Qt.EditRole:
            if key == "capacity":
                return "" if value is None else f"{value:g}"
            return "" if value is None else str(value)
        if role == Qt.TextAlignmentRole and key in self.NUMBERS:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if row.get("over_capacity") and key in ("capacity", "effort_planned"):
            if role == Qt.ForegroundRole:
                return QColor(OVER_COLOR)
            if role == Qt.ToolTipRole:
                return tr("{planned} person-months are planned: over the capacity of {cap} by {over}.").format(
                    planned=format_number(row["effort_planned"]), cap=format_number(row["capacity"]),
                    over=format_number(row["over_by"]))
        if role == Qt.ToolTipRole and key in ("start_date", "end_date"):
            return tr("A date as YYYY-MM-DD, such as 2027-04-01; empty clears it.")
        if role == Qt.ToolTipRole and row.get("unestimated") and key == "effort_planned":
            return tr("{n} items on this lane have no effort estimate yet.").format(n=row["unestimated"])
        return None


class WhereItemsGoDialog(QDialog):
    """Where the items of a lane being deleted go: another lane (at its end), or off the roadmap."""

    def __init__(self, ctx, lane: dict, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Delete Lane"))
        lanes = ops.list_lanes(ctx.ws)
        this = next((row for row in lanes if row["id"] == lane["id"]), lane)
        self.count = int(this.get("items") or 0)
        question = QLabel(tr("The lane “{lane}” holds {n} items. Where should they go?").format(
            lane=this["name"], n=self.count))
        question.setWordWrap(True)
        self.where = QComboBox()
        self.where.addItem(tr("Not planned (keep in the backlog)"), None)
        for other in lanes:
            if other["id"] != this["id"]:
                self.where.addItem(f"{other['name']} ({lane_kind_label(other['kind'])})", other)
        hint = QLabel(tr("Items moved to another lane go after the items already there. Edit > Undo puts the lane "
                         "and its items back."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.delete_button = buttons.addButton(tr("Delete Lane"), QDialogButtonBox.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.where)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def target(self) -> dict | None:
        """The lane the items go to; None: off the roadmap."""
        return self.where.currentData()


def delete_lane_asking(ctx, parent, lane: dict):
    """Delete `lane`, first asking where its items go when it has any; one undo step. None when cancelled or failed."""
    dialog = WhereItemsGoDialog(ctx, lane, parent)
    if dialog.count == 0:
        return actions.delete(ctx, parent, lane)
    if dialog.exec() != QDialog.Accepted:
        return None
    return actions.delete(ctx, parent, lane, move_to=dialog.target())


class LanesDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Edit Lanes"))
        add_undo_keys(self, ctx)  # Ctrl+Z works here too, not only in the main window
        self.resize(820, 460)
        self.model = LanesModel(self.edit_cell, self)
        self.table = list_table(self.model, stretch=0)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                   | QAbstractItemView.SelectedClicked)
        intro = QLabel(tr("Quarters, releases and Now/Next/Later buckets, in the order of the board's columns. "
                          "Double-click a name, a date or a capacity to change it; capacity is in person-months."))
        intro.setWordWrap(True)
        self.add_quarter_button = QPushButton(tr("Add Quarter"))
        self.add_quarter_button.setToolTip(tr("Add the fiscal quarter after the last one, with its capacity"))
        self.add_release_button = QPushButton(tr("Add Release…"))
        self.add_bucket_button = QPushButton(tr("Add Bucket…"))
        self.add_bucket_button.setToolTip(tr("Add a Now/Next/Later bucket: a lane with no dates"))
        self.up_button = QPushButton(tr("Move Up"))
        self.down_button = QPushButton(tr("Move Down"))
        self.delete_button = QPushButton(tr("Delete…"))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.add_quarter_button, self.add_release_button, self.add_bucket_button):
            row.addWidget(button)
        row.addSpacing(12)
        for button in (self.up_button, self.down_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        self.empty = QLabel(tr("No lanes yet. Add Quarter adds the next quarter of the fiscal year; a release has "
                               "its own dates; buckets (Now, Next, Later) plan without dates."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(mid)")
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

        self.add_quarter_button.clicked.connect(self.add_quarter)
        self.add_release_button.clicked.connect(lambda: self.ask_new_lane("release"))
        self.add_bucket_button.clicked.connect(lambda: self.ask_new_lane("horizon"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._later = QTimer(self)  # a refresh asked for while a cell is being edited waits for the editor to close
        self._later.setSingleShot(True)
        self._later.timeout.connect(self.refresh)
        ctx.changed.connect(self._on_changed)
        ctx.workspace_replaced.connect(self.refresh)
        self.refresh()

    # ------------------------------------------------------------ showing

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*SHOWN):
            if self.table.state() == QAbstractItemView.EditingState:
                self._later.start(0)
            else:
                self.refresh()

    def refresh(self) -> None:
        keep = self.selected_lane()
        try:
            rows = ops.list_lanes(self.ctx.ws)
        except PlannerError as exc:
            show_error(self, exc)
            return
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        if keep is not None:
            self.select_lane(keep["id"])
        self._update_buttons()

    def lane_rows(self) -> list[dict]:
        return list(self.model.rows)

    def selected_lane(self) -> dict | None:
        return selected_row(self.table)

    def select_lane(self, lane_id) -> None:
        for n, row in enumerate(self.model.rows):
            if row["id"] == lane_id:
                self.table.selectRow(n)
                return

    def _siblings(self, lane: dict) -> list[dict]:
        return [row for row in self.model.rows if row["kind"] == lane["kind"]]

    def _update_buttons(self) -> None:
        lane = self.selected_lane()
        siblings = self._siblings(lane) if lane else []
        place = next((n for n, row in enumerate(siblings) if row["id"] == lane["id"]), -1) if lane else -1
        self.up_button.setEnabled(place > 0)
        self.down_button.setEnabled(0 <= place < len(siblings) - 1)
        self.delete_button.setEnabled(lane is not None)

    # ------------------------------------------------------------ actions

    def edit_cell(self, lane: dict, key: str, text: str) -> bool:
        """Save one cell typed in the table; an empty date or capacity clears it."""
        if key == "name":
            if not text:
                return False
            done = actions.rename(self.ctx, self, lane, text)
        elif key == "capacity":
            done = actions.set_capacity(self.ctx, self, lane, text or None)
        else:
            done = actions.set_date(self.ctx, self, lane, key, text or None)
        return done is not None

    def _added(self, done) -> None:
        if done is not None and isinstance(done.value, dict):
            self.refresh()
            self.select_lane(done.value["id"])

    def add_quarter(self) -> None:
        self._added(actions.add_next_quarter(self.ctx, self))

    def ask_new_lane(self, kind: str) -> None:
        if kind == "release":
            title, label = tr("Add Release"), tr("Name of the release, such as v5.1:")
        else:
            title, label = tr("Add Bucket"), tr("Name of the bucket, such as Soon:")
        name, ok = QInputDialog.getText(self, title, label, QLineEdit.Normal, "")
        if ok and name.strip():
            self._added(actions.add_lane(self.ctx, self, name=name.strip(), kind=kind))

    def move_selected(self, step: int) -> None:
        lane = self.selected_lane()
        if lane is None:
            return
        siblings = self._siblings(lane)
        place = next(n for n, row in enumerate(siblings) if row["id"] == lane["id"]) + 1 + step
        if 1 <= place <= len(siblings):
            actions.move(self.ctx, self, lane, place)
            self.select_lane(lane["id"])
            self._update_buttons()

    def delete_selected(self) -> None:
        lane = self.selected_lane()
        if lane is not None:
            delete_lane_asking(self.ctx, self, lane)

    def index_of(self, lane_id, key: str) -> QModelIndex:
        """The cell of `key` on the row of `lane_id` (for keyboard and tests)."""
        row = next(n for n, r in enumerate(self.model.rows) if r["id"] == lane_id)
        column = [k for k, _ in self.model.COLUMNS].index(key)
        return self.model.index(row, column)
