"""The backlog: every item with its score, searchable, sortable and editable in place.

Edits go through `ui.operations.items` (one core operation each, one undo step
with a menu text that names it); after any change the backlog is rescored and the edited row moves
to its new rank with the selection still on it.

"Since" chooses a snapshot to compare the ranks with: the Move column then says
how far each item moved since (`planner.history.rank_moves`, read in the
background after every rescore, so the moves follow the ranks shown).
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton, QSplitter,
    QVBoxLayout, QWidget,
)

from planner import history, ops
from planner.ops import Changes, Entity
from planner.scoring.settings import get_scoring_settings
from planner.storage import queries
from ui import hotkeys
from ui.backlog.detail import DetailPanel
from ui.backlog.dialogs import BulkEditDialog, MergeDialog, PinDialog
from ui.backlog.explanation import with_explanation
from ui.backlog.filters import BacklogFilters
from ui.backlog.new_item import NewItemDialog
from ui.backlog.model import KEYS, BacklogModel
from ui.backlog.table import BacklogTable
from ui.context import show_error
from ui.i18n import tr
from ui.operations import items as actions
from ui.operations.items import shown_value
from ui.tasks import Latest
from ui.widgets.labels import status_label, lane_kind_label
from ui.widgets.snapshots import fill_snapshot_combo

log = logging.getLogger(__name__)

# What, changed, alters a score, a rank or a shown value.
SHOWN = (Entity.ITEMS, Entity.REQUESTS, Entity.LINKS, Entity.LANES, Entity.COMPANIES, Entity.METRICS, Entity.SETTINGS,
         Entity.SCORES)
# Rescoring slower than this runs in the background so typing never stutters.
SYNC_LIMIT = 0.2
# Above this many items the first load lists the items before their scores arrive.
BIG_WORKSPACE = 5_000
SMALL_WORKSPACE = 1_000


def load_rows(ws) -> list[dict]:
    """Scored rows, best first, without their explanations: the item shown asks for its own (`with_explanation`)."""
    from planner.scoring import score_items

    return score_items(ws, explain=False)


class BacklogView(QWidget):
    scores_shown = Signal()  # rows with their scores are on screen (each time they are set)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = BacklogModel(self)
        self.model.editor = self.edit_field
        self.model.explainer = lambda row: with_explanation(self.ctx.ws, row)  # a score's tooltip, on hover
        self.last_refresh_s = 0.0
        self._loaded = False
        self.scored_generation = -1  # the workspace (`ctx.generation`) whose scores were last shown
        self._rescore = Latest(ctx, self, lambda ws, progress: load_rows(ws), self._rescored, self._rescore_failed)
        self._keep: tuple[list[int], int | None] = ([], None)
        self._select_next: int | None = None  # an item just made: selected as soon as it is listed

        self.filters = BacklogFilters(self.model)
        self.count = QLabel()
        self.since = QComboBox()
        self.since.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.since.setMinimumContentsLength(28)
        self.since.setToolTip(tr("Compare the ranks with a snapshot: the Move column shows how far each item moved since"))
        self.since.addItem(tr("No comparison"), None)
        self.since.currentIndexChanged.connect(lambda _i: self._since_chosen())
        self._moves = Latest(ctx, self, None, self._moves_loaded, self._moves_failed)
        since_label = QLabel(tr("Since:"))
        since_label.setBuddy(self.since)
        bar = QHBoxLayout()
        bar.addWidget(self.filters, 1)
        bar.addWidget(since_label)
        bar.addWidget(self.since)
        bar.addWidget(self.count)

        self.table = BacklogTable(self.model)
        self._deferred_rows = None  # rows that arrived while an estimate was being typed
        self.table.itemDelegate().closeEditor.connect(lambda *_: QTimer.singleShot(0, self._apply_deferred))
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
        split.setSizes([960, 420])  # the explanation table and the history chart need about 400 pixels
        split.setChildrenCollapsible(False)
        self.splitter = split

        # An empty backlog says how to begin, with its own button.
        self.empty_hint = QWidget()
        hint = QHBoxLayout(self.empty_hint)
        hint.setContentsMargins(4, 8, 4, 8)
        hint.addWidget(QLabel(tr("No items yet. Add the first one, or bring in the backlog or the requests you have (File ▸ Import…).")))
        self.new_item_button = QPushButton(tr("New Item…"))
        self.new_item_button.clicked.connect(self.new_item)
        hint.addWidget(self.new_item_button)
        # Moving in: the spreadsheet or tracker export the PdM already keeps is one click away.
        self.import_button = QPushButton(tr("Import a Spreadsheet…"))
        self.import_button.setToolTip(tr("Your RICE sheet, a Jira or Linear export, or requests: CSV or Excel"))
        self.import_button.clicked.connect(self._open_import)
        hint.addWidget(self.import_button)
        hint.addStretch(1)
        self.empty_hint.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.empty_hint)
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

    def focus_search(self) -> None:
        self.filters.focus_search()

    # ------------------------------------------------------------ loading
    @property
    def scores_pending(self) -> bool:
        """A background rescore is under way or waiting: the scores shown are not the latest yet."""
        return self._rescore.busy

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*SHOWN):
            self._refresh_timer.start()  # several notifications in one turn cost one rescore

    def _on_workspace_replaced(self) -> None:
        # Ids of another workspace mean other items: select nothing, and time the new one afresh.
        self._rescore.forget()
        self._moves.forget()
        self.since.blockSignals(True)
        self.since.setCurrentIndex(0)  # another workspace's snapshots are others
        self.since.blockSignals(False)
        self._since_chosen()
        self._keep = ([], None)
        self.table.selectionModel().clear()
        self.last_refresh_s = 0.0
        self._loaded = False
        self._refresh_timer.start()  # the "everything changed" notice that follows shares this refresh

    def refresh(self) -> None:
        """Rescore and reload; in the background when the last rescore was slow.

        A big workspace opens with its items listed at once (unscored) and the
        scores follow from the background, so opening never freezes. While a
        background rescore runs, a new one joins it there: the latest answer wins.
        """
        self._refresh_timer.stop()
        ws = self.ctx.ws
        if not self._loaded and queries.item_count(ws) > BIG_WORKSPACE:
            self._loaded = True
            self.last_refresh_s = float("inf")
            self._apply(queries.list_item_summaries(ws), scored=False)
        if self.last_refresh_s <= SYNC_LIMIT and not self._rescore.busy:
            started = time.perf_counter()
            rows = load_rows(ws)
            # A first load of a few items mostly pays one-off imports: only later rescores tell how slow it is.
            elapsed = time.perf_counter() - started
            self.last_refresh_s = elapsed if self._loaded or len(rows) > SMALL_WORKSPACE else 0.0
            self._loaded = True
            self._apply(rows)
            return
        self._rescore.request()
        self._update_count()

    def _rescored(self, rows: list[dict], seconds: float) -> None:
        self.last_refresh_s = seconds
        self._apply(rows)

    def _rescore_failed(self, exc, details: str) -> None:
        self._update_count()
        show_error(self, exc, details)

    def _apply(self, rows: list[dict], *, scored: bool = True) -> None:
        """Show `rows`; `scored=False`: a big workspace's items listed before their scores arrive."""
        if self.table.state() == QAbstractItemView.EditingState:
            # Resetting the model now would close the editor and drop what the user is typing.
            self._deferred_rows = rows
            return
        self._deferred_rows = None
        themes = sorted({r["theme"] for r in rows if r.get("theme")}, key=str.casefold)
        self.filters.set_choices(themes, [lane["name"] for lane in ops.list_lanes(self.ctx.ws)])
        self.detail.set_themes(themes)
        method = get_scoring_settings(self.ctx.ws)["method"]  # the estimate columns are its inputs
        self.model.set_method(method)
        self.table.show_method(method)
        self.model.set_rows(rows)
        self._update_count()
        self.refresh_snapshots()
        self._request_moves()
        if scored:
            self.scored_generation = self.ctx.generation
            self.scores_shown.emit()

    # ------------------------------------------------------------ rank moves since a snapshot
    def refresh_snapshots(self) -> None:
        """Offer the workspace's snapshots in Since; a chosen one that is gone falls back to no comparison."""
        chosen = self.since.currentData()
        fill_snapshot_combo(self.since, self.ctx.ws, (tr("No comparison"), None))
        if self.since.currentData() != chosen:
            self._since_chosen()

    def choose_since(self, snapshot_id: int | None) -> None:
        """Compare the ranks with this snapshot (None: no comparison)."""
        self.refresh_snapshots()
        self.since.setCurrentIndex(max(self.since.findData(snapshot_id), 0))

    def _since_chosen(self) -> None:
        since = self.since.currentData()
        self.table.setColumnHidden(KEYS.index("move"), since is None)
        if since is None:
            self._moves.forget()
            self.model.set_moves(None)
            return
        self._request_moves()

    def _request_moves(self) -> None:
        since = self.since.currentData()
        if since is not None:
            self._moves.request(lambda ws, progress: (since, history.rank_moves(ws, since)))

    def _moves_loaded(self, answer, _seconds: float) -> None:
        since, moves = answer
        if since == self.since.currentData():
            self.model.set_moves(moves, since=self.since.currentText())

    def _moves_failed(self, exc, details: str) -> None:
        self.model.set_moves(None)
        show_error(self, exc, details)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._loaded:
            self.refresh_snapshots()  # taken in the Changes view, at an export, or by the command line meanwhile

    def _apply_deferred(self) -> None:
        if self._deferred_rows is not None:
            self._apply(self._deferred_rows)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        text = (tr("{n} items").format(n=f"{total:,}") if shown == total
                else tr("{shown} of {total} items").format(shown=f"{shown:,}", total=f"{total:,}"))
        if self._rescore.busy:
            text += " · " + tr("Rescoring…")
        self.count.setText(text)
        self.empty_hint.setVisible(total == 0 and not self._rescore.busy)

    # ------------------------------------------------------------ selection kept by item id
    def selected_ids(self) -> list[int]:
        return self.table.selected_ids()

    def current_id(self) -> int | None:
        return self.table.current_id()

    def _remember_selection(self) -> None:
        if self.model.rowCount():
            self._keep = (self.selected_ids(), self.current_id())

    def _restore_selection(self) -> None:
        self._update_count()
        if self._select_next is not None and self.model.row_of(self._select_next) is not None:
            self._keep = ([self._select_next], self._select_next)
            self._select_next = None
        self.table.select_ids(*self._keep)
        self._show_current()

    def select_item(self, item_id: int) -> None:
        """Select one item and show it (clearing filters that hide it)."""
        if self.model.row_of(item_id) is None:
            self.filters.clear()
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
        pos = self.model.row_of(item_id) if item_id is not None else None
        row = self.model.explained(pos) if pos is not None else None  # the one row shown gets its words
        if row is not None and self.detail.row is row:
            return
        self.detail.show_item(row)

    # ------------------------------------------------------------ edits (all undoable, through ui/operations)
    def edit_field(self, item_id: int, field: str, value) -> bool:
        """Set one estimate or the status of one item, undoably."""
        item = ops.get_item(self.ctx.ws, item_id)
        if item[field] == value and (field != "reach_manual" or item["reach_mode"] == "manual"):
            return False
        # A reach typed by hand becomes the item's own: the core's `reach` also sets the reach source to manual.
        sent = "reach" if field == "reach_manual" else field
        done = actions.set_field(self.ctx, self, item_id, sent, value, shown=shown_value(field, value))
        if done is not None:  # seen at once; the rescore follows
            self.model.patch_row(item_id, **{"reach" if field == "reach_manual" else field: value})
        return done is not None

    def bulk_edit(self, item_ids: list[int], fields: dict) -> bool:
        """Apply the same status/lane/theme to several items in one undo step."""
        if not item_ids or not fields:
            return False
        return actions.edit_items(self.ctx, self, item_ids, fields) is not None

    def bulk_edit_dialog(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        dialog = BulkEditDialog(self.ctx, len(ids), self)
        if dialog.exec() == QDialog.Accepted:
            self.bulk_edit(ids, dialog.fields())

    def _open_import(self) -> None:
        window = self.window()
        if hasattr(window, "open_import_wizard"):
            window.open_import_wizard()

    def new_item(self, *, hint: str | None = None) -> int | None:
        """The New Item form (above it `hint`, a first item's guide); the item made is selected. Returns its id (None
        when cancelled or refused)."""
        dialog = NewItemDialog(self.ctx, self, hint=hint)
        if dialog.exec() != QDialog.Accepted:
            return None
        made = actions.add(self.ctx, self, dialog.fields())
        if made is None:
            return None
        self._select_next = made["id"]  # once the rescore that follows lists it
        if self.model.row_of(made["id"]) is not None:
            self._restore_selection()
        return made["id"]

    def delete_items(self, item_ids: list[int]) -> bool:
        """Delete items, undoably; asks first when requests would go back to the inbox, and says what happened."""
        ids = list(item_ids)
        if not ids:
            return False
        linked = ops.requests_freed(self.ctx.ws, ids)
        if linked:
            what = (tr("“{title}”").format(title=ops.get_item(self.ctx.ws, ids[0])["title"]) if len(ids) == 1
                    else tr("{n} items").format(n=len(ids)))
            answer = QMessageBox.question(
                self, tr("Delete"),
                tr("Delete {what}? {n} linked requests will go back to the inbox. Edit > Undo puts it all back.").format(
                    what=what, n=linked),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
            if answer != QMessageBox.Yes:
                return False
        done = actions.delete_items(self.ctx, self, ids)
        if done is None:
            return False
        back = done["requests_back_in_inbox"]
        said = (tr("Deleted {n} item(s); {m} requests went back to the inbox.").format(n=len(ids), m=back) if back
                else tr("Deleted {n} item(s).").format(n=len(ids)))
        if hasattr(self.window(), "statusBar"):
            self.window().statusBar().showMessage(said, 8000)
        return True

    def delete_selected(self) -> None:
        self.delete_items(self.selected_ids())

    def pin(self, item_id: int, rank: int | None, rationale: str | None) -> bool:
        return actions.pin(self.ctx, self, item_id, rank, rationale) is not None

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

    # ------------------------------------------------------------ duplicate and merge
    def duplicate(self, item_id: int) -> int | None:
        """Copy an item (not its pin nor its requests); the copy is selected. Returns its id."""
        done = actions.duplicate(self.ctx, self, item_id)
        if done is None:
            return None
        self._select_and_say(done["id"], tr("Duplicated as “{title}”; its requests stay linked to the original only.").format(
            title=done["title"]))
        return done["id"]

    def merge_dialog(self, item_ids: list[int]) -> bool:
        """Ask which item to keep, then merge the others into it."""
        dialog = MergeDialog(self.ctx, item_ids, keep=self.current_id(), parent=self)
        if dialog.exec() != QDialog.Accepted:
            return False
        return self.merge(dialog.keep_id(), dialog.other_ids())

    def merge(self, keep_id: int, other_ids: list[int]) -> bool:
        done = actions.merge(self.ctx, self, keep_id, other_ids)
        if done is None:
            return False
        self._select_and_say(keep_id, tr("Merged {n} item(s) into “{title}”; {m} requests moved to it.").format(
            n=len(done["merged"]), title=done["item"]["title"], m=done["requests_moved"]))
        return True

    def _select_and_say(self, item_id: int, said: str) -> None:
        self._select_next = item_id  # once the rescore that follows lists it
        if self.model.row_of(item_id) is not None:
            self._restore_selection()
        if hasattr(self.window(), "statusBar"):
            self.window().statusBar().showMessage(said, 8000)

    # ------------------------------------------------------------ context menu
    def _context_menu(self, pos) -> None:
        ids = self.selected_ids()
        menu = QMenu(self)
        menu.addAction(tr("New Item…"), self.new_item)
        if not ids:
            menu.popup(self.table.viewport().mapToGlobal(pos))
            return
        menu.addSeparator()
        menu.addAction(self.bulk_action)
        status_menu = menu.addMenu(tr("Set status"))
        for status in ops.STATUSES:
            status_menu.addAction(status_label(status), lambda s=status: self.bulk_edit(ids, {"status": s}))
        lane_menu = menu.addMenu(tr("Move to lane"))
        lane_menu.addAction(tr("No lane"), lambda: self.bulk_edit(ids, {"lane_id": None}))
        for lane in ops.list_lanes(self.ctx.ws):
            lane_menu.addAction(f"{lane['name']} ({lane_kind_label(lane['kind'])})", lambda i=lane["id"]: self.bulk_edit(ids, {"lane_id": i}))
        menu.addSeparator()
        if len(ids) == 1:
            menu.addAction(self.pin_action)
            if ops.get_item(self.ctx.ws, ids[0])["pinned_rank"]:
                menu.addAction(tr("Unpin"), lambda: self.unpin(ids[0]))
            menu.addAction(tr("Duplicate"), lambda: self.duplicate(ids[0]))
        else:
            menu.addAction(tr("Merge Items…"), lambda: self.merge_dialog(ids))
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.popup(self.table.viewport().mapToGlobal(pos))
