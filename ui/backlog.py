"""The backlog: every item with its score, searchable, sortable and editable in place.

Edits go through `ctx.run_op` so each one can be undone with a menu text that
names it; after any change the backlog is rescored and the edited row moves
to its new rank with the selection still on it.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QMenu, QSpinBox, QSplitter, QStyledItemDelegate, QTableView, QVBoxLayout, QWidget,
)

from planner import ops
from planner.storage import queries
from ui import hotkeys
from ui.backlog_model import KEYS, NO_LANE, BacklogModel
from ui.context import show_error
from ui.i18n import tr
from ui.detail_panel import DetailPanel, PinDialog

log = logging.getLogger(__name__)

# Areas whose change alters a score, a rank or a shown value.
SHOWN_AREAS = frozenset({"items", "requests", "links", "lanes", "companies", "metrics", "settings", "scores"})
# Rescoring slower than this runs in the background so typing never stutters.
SYNC_LIMIT = 0.2
# Above this many items the first load lists the items before their scores arrive.
BIG_WORKSPACE = 5_000
SMALL_WORKSPACE = 1_000
FIELD_NAMES = {"impact": "impact", "confidence": "confidence", "effort": "effort", "value": "value", "status": "status"}


def load_rows(ws) -> list[dict]:
    """Scored rows, best first; plain item rows while scoring is not installed."""
    from planner.scoring import score_items

    return score_items(ws)


def _status_label(status: str) -> str:
    return tr(status.replace("_", " "))


def _shown_value(field: str, value) -> str:
    if value is None:
        return tr("blank")
    if field == "impact":
        return f"{float(value):g} ({tr(ops.IMPACT_NAMES.get(float(value), ''))})"
    if field == "confidence":
        return f"{float(value):g}%"
    if field == "status":
        return _status_label(value)
    return f"{float(value):g}" if isinstance(value, (int, float)) else str(value)


class BacklogDelegate(QStyledItemDelegate):
    """Editors that only accept what the core accepts: the RICE scale, 0–100 %, effort > 0."""

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
                box.addItem(_status_label(status), status)
            return box
        if key == "confidence":
            spin = QSpinBox(parent)
            spin.setRange(0, 100)
            spin.setSuffix("%")
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
        elif isinstance(editor, (QSpinBox, QDoubleSpinBox)):
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


class BulkEditDialog(QDialog):
    """Set status, lane and/or theme of several items at once; unticked fields stay as they are."""

    def __init__(self, ctx, count: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Edit {n} items").format(n=count))
        self.setMinimumWidth(380)
        self.use_status = QCheckBox(tr("Status"))
        self.status = QComboBox()
        for status in ops.STATUSES:
            self.status.addItem(_status_label(status), status)
        self.use_lane = QCheckBox(tr("Lane"))
        self.lane = QComboBox()
        self.lane.addItem(tr("No lane"), None)
        for lane in ops.list_lanes(ctx.ws):
            self.lane.addItem(f"{lane['name']} ({tr(lane['kind'])})", lane["id"])
        self.use_theme = QCheckBox(tr("Theme"))
        self.theme = QComboBox()
        self.theme.setEditable(True)
        themes = sorted({r["theme"] for r in ops.list_items(ctx.ws) if r.get("theme")}, key=str.casefold)
        self.theme.addItems(themes)
        self.theme.setCurrentText("")
        form = QFormLayout(self)
        hint = QLabel(tr("The ticked fields are set on all {n} items; the others stay as they are.").format(n=count))
        hint.setWordWrap(True)
        form.addRow(hint)
        for check, widget in ((self.use_status, self.status), (self.use_lane, self.lane), (self.use_theme, self.theme)):
            form.addRow(check, widget)
            widget.setEnabled(False)
            check.toggled.connect(widget.setEnabled)
            check.toggled.connect(self._update_ok)
        self.status.activated.connect(lambda: self.use_status.setChecked(True))
        self.lane.activated.connect(lambda: self.use_lane.setChecked(True))
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(
            any(c.isChecked() for c in (self.use_status, self.use_lane, self.use_theme))
        )

    def fields(self) -> dict:
        out = {}
        if self.use_status.isChecked():
            out["status"] = self.status.currentData()
        if self.use_lane.isChecked():
            out["lane_id"] = self.lane.currentData()
        if self.use_theme.isChecked():
            out["theme"] = self.theme.currentText().strip() or None
        return out


class BacklogView(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = BacklogModel(self)
        self.model.editor = self.edit_field
        self.last_refresh_s = 0.0
        self._generation = 0
        self._loaded = False
        self._scoring = False
        self._pending = None  # a background rescore under way
        self._keep: tuple[list[int], int | None] = ([], None)

        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search titles and themes…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.search.textChanged.connect(lambda text: self.model.set_filter(text=text))
        self.status_filter = self._combo(tr("All statuses"), [(s, _status_label(s)) for s in ops.STATUSES], "status")
        self.kind_filter = self._combo(tr("All kinds"), [(k, tr(k.replace("_", " "))) for k in ops.KINDS], "kind")
        self.theme_filter = self._combo(tr("All themes"), [], "theme")
        self.lane_filter = self._combo(tr("All lanes"), [], "lane")
        self.single_filter = QCheckBox(tr("Single-customer only"))
        self.single_filter.toggled.connect(lambda on: self.model.set_filter(single=on))
        self.count = QLabel()

        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        for w in (self.status_filter, self.kind_filter, self.theme_filter, self.lane_filter, self.single_filter):
            bar.addWidget(w)
        bar.addStretch(0)
        bar.addWidget(self.count)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(BacklogDelegate(self.table))
        self._deferred_rows = None  # rows that arrived while an estimate was being typed
        self.table.itemDelegate().closeEditor.connect(lambda *_: QTimer.singleShot(0, self._apply_deferred))
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed | QAbstractItemView.SelectedClicked
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)  # no per-row measuring on 100k rows
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSortIndicator(KEYS.index("rank"), Qt.AscendingOrder)
        self.table.setSortingEnabled(True)
        self._set_column_widths()
        header.setContextMenuPolicy(Qt.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.table.setContextMenuPolicy(Qt.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)

        self.detail = DetailPanel(ctx)
        self.detail.setMinimumWidth(280)
        self.detail.pin_requested.connect(self.pin_dialog)
        self.detail.unpin_requested.connect(self.unpin)

        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1060, 300])
        split.setChildrenCollapsible(False)
        self.splitter = split

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

        self._actions()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.changed.connect(self._on_changed)
        ctx.item_selected.connect(self.select_item)
        ctx.workspace_replaced.connect(self._on_workspace_replaced)
        self.refresh()

    # ------------------------------------------------------------ building
    def _combo(self, all_text: str, choices, key: str) -> QComboBox:
        box = QComboBox()
        box.addItem(all_text, None)
        for value, text in choices:
            box.addItem(text, value)
        box.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        box.currentIndexChanged.connect(lambda _i: self.model.set_filter(**{key: box.currentData()}))
        return box

    def _set_column_widths(self) -> None:
        widths = {"pinned": 30, "rank": 50, "title": 230, "score": 62, "reach": 56, "impact": 86, "confidence": 82,
                  "effort": 52, "value": 50, "requests": 70, "companies": 78, "mrr": 72, "single_customer": 64,
                  "rank_stability": 70, "status": 86, "kind": 88, "lane": 76, "theme": 110}
        for col, key in enumerate(KEYS):
            self.table.setColumnWidth(col, widths.get(key, 80))
        # Kind has its own filter; its column is one click away in the header menu.
        self.table.setColumnHidden(KEYS.index("kind"), True)

    def _header_menu(self, pos) -> None:
        """Show or hide columns: the full table is wider than most screens."""
        from ui.backlog_model import COLUMNS

        menu = QMenu(self)
        for col, (key, label, _tip) in enumerate(COLUMNS):
            if key in ("title", "rank"):
                continue
            action = menu.addAction(tr(label))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(col))
            action.toggled.connect(lambda on, c=col: self.table.setColumnHidden(c, not on))
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    def _actions(self) -> None:
        def add(text, keys, slot):
            action = QAction(text, self)
            action.setShortcut(keys)
            # Only while the table itself has focus: Delete in an open cell editor edits text, not the backlog.
            action.setShortcutContext(Qt.WidgetShortcut)
            action.triggered.connect(slot)
            self.table.addAction(action)
            return action

        self.delete_action = add(tr("Delete"), hotkeys.DELETE_ITEM, self.delete_selected)
        self.bulk_action = add(tr("Edit selected…"), hotkeys.BULK_EDIT, self.bulk_edit_dialog)
        self.pin_action = add(tr("Pin rank…"), hotkeys.PIN_ITEM, lambda: self.pin_dialog(self.current_id()))
        clear = QAction(self)
        clear.setShortcut(hotkeys.CLEAR_SEARCH)
        clear.setShortcutContext(Qt.WidgetShortcut)
        clear.triggered.connect(self.search.clear)
        self.search.addAction(clear)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.ShortcutFocusReason)
        self.search.selectAll()

    # ------------------------------------------------------------ loading
    def _on_changed(self, areas) -> None:
        if areas & SHOWN_AREAS:
            self._refresh_timer.start()  # several notifications in one turn cost one rescore

    def _on_workspace_replaced(self) -> None:
        # Ids of another workspace mean other items: select nothing, and time the new one afresh.
        self._keep = ([], None)
        self.table.selectionModel().clear()
        self.last_refresh_s = 0.0
        self._loaded = False
        self._refresh_timer.start()  # the "everything changed" notice that follows shares this refresh

    def refresh(self) -> None:
        """Rescore and reload; in the background when the last rescore was slow.

        A big workspace opens with its items listed at once (unscored) and the
        scores follow from the background, so opening never freezes.
        """
        self._refresh_timer.stop()
        self._generation += 1
        ws = self.ctx.ws
        if not self._loaded and queries.item_count(ws) > BIG_WORKSPACE:
            rows = queries.list_item_summaries(ws)
            self._loaded = True
            self.last_refresh_s = float("inf")
            self._apply(rows)
        if self.last_refresh_s <= SYNC_LIMIT:
            started = time.perf_counter()
            rows = load_rows(ws)
            # A first load of a few items mostly pays one-off imports: only later rescores tell how slow it is.
            elapsed = time.perf_counter() - started
            self.last_refresh_s = elapsed if self._loaded or len(rows) > SMALL_WORKSPACE else 0.0
            self._loaded = True
            self._apply(rows)
            return
        generation = self._generation
        self._scoring = True
        self._update_count()
        started = time.perf_counter()

        def done(rows):
            if getattr(ws, "_closed", False) or self.ctx.ws is not ws:
                return  # the workspace was closed or replaced while scoring
            if generation == self._generation:  # a newer rescore supersedes this one
                self._scoring = False
                self.last_refresh_s = time.perf_counter() - started
                self._pending = None
                self._apply(rows)

        def failed(exc, details):
            if generation == self._generation:
                self._scoring = False
                self._pending = None
                self._update_count()
            show_error(self, exc, details)

        self._pending = self.ctx.run_task(lambda bg_ws, progress: load_rows(bg_ws), on_done=done, on_error=failed)

    def _apply(self, rows: list[dict]) -> None:
        if self.table.state() == QAbstractItemView.EditingState:
            # Resetting the model now would close the editor and drop what the user is typing.
            self._deferred_rows = rows
            return
        self._deferred_rows = None
        self._update_choices(rows)
        self.model.set_rows(rows)
        self._update_count()

    def _apply_deferred(self) -> None:
        if self._deferred_rows is not None:
            self._apply(self._deferred_rows)

    def _update_choices(self, rows: list[dict]) -> None:
        themes = sorted({r["theme"] for r in rows if r.get("theme")}, key=str.casefold)
        lanes = [(lane["name"], lane["name"]) for lane in ops.list_lanes(self.ctx.ws)]
        self._fill(self.theme_filter, tr("All themes"), [(t, t) for t in themes])
        self._fill(self.lane_filter, tr("All lanes"), [(NO_LANE, tr("No lane"))] + lanes)

    def _fill(self, box: QComboBox, all_text: str, choices) -> None:
        current = box.currentData()
        wanted = [None] + [v for v, _ in choices]
        if [box.itemData(i) for i in range(box.count())] == wanted:
            return
        with QSignalBlocker(box):
            box.clear()
            box.addItem(all_text, None)
            for value, text in choices:
                box.addItem(text, value)
            pos = box.findData(current)
            box.setCurrentIndex(max(pos, 0))
        if pos < 0 and current is not None:
            self.model.set_filter(**{"theme" if box is self.theme_filter else "lane": None})

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        text = (tr("{n} items").format(n=f"{total:,}") if shown == total
                else tr("{shown} of {total} items").format(shown=f"{shown:,}", total=f"{total:,}"))
        if self._scoring:
            text += " · " + tr("Rescoring…")
        self.count.setText(text)

    # ------------------------------------------------------------ selection kept by item id
    def selected_ids(self) -> list[int]:
        # From the selection's ranges: selectedRows() asks the model for every cell's flags, seconds on 100k rows.
        rows = set()
        for rng in self.table.selectionModel().selection():
            rows.update(range(rng.top(), rng.bottom() + 1))
        count = self.model.rowCount()
        return [self.model.item_id(r) for r in sorted(rows) if r < count]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.item_id(index.row()) if index.isValid() else None

    def _remember_selection(self) -> None:
        if self.model.rowCount():
            self._keep = (self.selected_ids(), self.current_id())

    def _restore_selection(self) -> None:
        ids, current = self._keep
        self._update_count()
        selection = self.table.selectionModel()
        rows = sorted(r for r in map(self.model.row_of, ids) if r is not None)
        if rows:
            # One range per run of adjacent rows: selecting 100k rows one by one takes seconds.
            chosen = QItemSelection()
            last = self.model.columnCount() - 1
            start = prev = rows[0]
            for row in rows[1:] + [None]:
                if row is not None and row == prev + 1:
                    prev = row
                    continue
                chosen.select(self.model.index(start, 0), self.model.index(prev, last))
                if row is not None:
                    start = prev = row
            selection.select(chosen, QItemSelectionModel.Select | QItemSelectionModel.Rows)
        if current is not None and self.model.row_of(current) is not None:
            target = self.model.index(self.model.row_of(current), 0)
            selection.setCurrentIndex(target, QItemSelectionModel.NoUpdate)
            self.table.scrollTo(target, QAbstractItemView.EnsureVisible)
        self._show_current()

    def select_item(self, item_id: int) -> None:
        """Select one item and show it (clearing filters that hide it)."""
        if self.model.row_of(item_id) is None:
            self.search.clear()
            for box in (self.status_filter, self.kind_filter, self.theme_filter, self.lane_filter):
                box.setCurrentIndex(0)
            self.single_filter.setChecked(False)
        row = self.model.row_of(item_id)
        if row is None:
            return
        index = self.model.index(row, KEYS.index("title"))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
        )
        self.table.scrollTo(index)

    def _show_current(self) -> None:
        item_id = self.current_id()
        row = self.model.row_dict(self.model.row_of(item_id)) if item_id is not None else None
        if row is not None and self.detail.row is row:
            return
        self.detail.show_item(row)

    # ------------------------------------------------------------ edits (all undoable)
    def _title(self, item_id: int) -> str:
        return ops.get_item(self.ctx.ws, item_id)["title"]

    def edit_field(self, item_id: int, field: str, value) -> bool:
        """Set one estimate or the status of one item, undoably."""
        before = ops.get_item(self.ctx.ws, item_id)
        old = before[field]
        if old == value:
            return False
        text = tr("Set {field} of “{title}” to {value}").format(
            field=tr(FIELD_NAMES.get(field, field)), title=before["title"], value=_shown_value(field, value)
        )
        result = self.ctx.run_op(
            text,
            lambda: ops.edit_item(self.ctx.ws, item_id, **{field: value}),
            lambda: ops.edit_item(self.ctx.ws, item_id, **{field: old}),
            areas=("items", "scores"),
            parent=self,
        )
        if result is not None:
            self.model.patch_row(item_id, **{field: value})
        return result is not None

    def bulk_edit(self, item_ids: list[int], fields: dict) -> bool:
        """Apply the same status/lane/theme to several items in one undo step."""
        if not item_ids or not fields:
            return False
        ids = list(item_ids)
        keep: dict = {}

        def do():
            keep["before"] = ops.edit_items(self.ctx.ws, ids, **fields)
            return keep["before"]

        def undo():
            for row in keep["before"]:
                ops.edit_item(self.ctx.ws, row["id"], **{k: row[k] for k in fields})

        names = ", ".join(tr(k.replace("_id", "")) for k in fields)
        text = tr("Change {fields} of {n} items").format(fields=names, n=len(ids)) if len(ids) > 1 else \
            tr("Change {fields} of “{title}”").format(fields=names, title=self._title(ids[0]))
        return self.ctx.run_op(text, do, undo, areas=("items", "lanes", "scores"), parent=self) is not None

    def bulk_edit_dialog(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        dialog = BulkEditDialog(self.ctx, len(ids), self)
        if dialog.exec() == QDialog.Accepted:
            self.bulk_edit(ids, dialog.fields())

    def delete_items(self, item_ids: list[int]) -> bool:
        ids = list(item_ids)
        if not ids:
            return False
        keep: dict = {}
        text = tr("Delete “{title}”").format(title=self._title(ids[0])) if len(ids) == 1 else \
            tr("Delete {n} items").format(n=len(ids))

        def do():
            keep["snapshots"] = [ops.delete_item(self.ctx.ws, i) for i in ids]
            return keep["snapshots"]

        def undo():
            for snapshot in reversed(keep["snapshots"]):
                ops.restore_item(self.ctx.ws, snapshot)

        return self.ctx.run_op(text, do, undo, areas=("items", "links", "requests", "scores"), parent=self) is not None

    def delete_selected(self) -> None:
        self.delete_items(self.selected_ids())

    def pin(self, item_id: int, rank: int | None, rationale: str | None) -> bool:
        item = ops.get_item(self.ctx.ws, item_id)
        old = {"pinned_rank": item["pinned_rank"], "pin_rationale": item["pin_rationale"]}
        new = {"pinned_rank": rank, "pin_rationale": rationale if rank else None}
        text = (tr("Pin “{title}” at rank {rank}").format(title=item["title"], rank=rank) if rank
                else tr("Unpin “{title}”").format(title=item["title"]))

        def apply(values):
            # Clear the rank before the reason and set the reason before the rank: a pinned rank always has one.
            if values["pinned_rank"] is None:
                ops.edit_item(self.ctx.ws, item_id, pinned_rank=None)
                return ops.edit_item(self.ctx.ws, item_id, pin_rationale=values["pin_rationale"])
            return ops.edit_item(self.ctx.ws, item_id, **values)

        return self.ctx.run_op(text, lambda: apply(new), lambda: apply(old), areas=("items", "scores"), parent=self) is not None

    def unpin(self, item_id: int) -> None:
        self.pin(item_id, None, None)

    def pin_dialog(self, item_id: int | None) -> None:
        if item_id is None:
            return
        item = ops.get_item(self.ctx.ws, item_id)
        row = self.model.row_of(item_id)
        rank = item["pinned_rank"] or (self.model.row_dict(row).get("rank") if row is not None else 1)
        dialog = PinDialog(title=item["title"], rank=rank or 1, rationale=item["pin_rationale"] or "", parent=self)
        if dialog.exec() == QDialog.Accepted:
            self.pin(item_id, *dialog.values())

    # ------------------------------------------------------------ context menu
    def _context_menu(self, pos) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        menu.addAction(self.bulk_action)
        status_menu = menu.addMenu(tr("Set status"))
        for status in ops.STATUSES:
            status_menu.addAction(_status_label(status), lambda s=status: self.bulk_edit(ids, {"status": s}))
        lane_menu = menu.addMenu(tr("Move to lane"))
        lane_menu.addAction(tr("No lane"), lambda: self.bulk_edit(ids, {"lane_id": None}))
        for lane in ops.list_lanes(self.ctx.ws):
            lane_menu.addAction(f"{lane['name']} ({tr(lane['kind'])})", lambda i=lane["id"]: self.bulk_edit(ids, {"lane_id": i}))
        menu.addSeparator()
        if len(ids) == 1:
            menu.addAction(self.pin_action)
            if ops.get_item(self.ctx.ws, ids[0])["pinned_rank"]:
                menu.addAction(tr("Unpin"), lambda: self.unpin(ids[0]))
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.popup(self.table.viewport().mapToGlobal(pos))
