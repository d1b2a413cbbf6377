"""The inbox: requests linked to nothing yet, to triage fast.

One key per action (J/K or Down/Up to move, L link, D duplicate, A archive,
N new item); after an action the next request is selected. Requests can be
dragged onto an item in the side list. Every change is a `planner.ops` call
on the undo stack.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from planner import ops, triage
from planner.ops import Changes, Entity
from planner.storage import queries
from ui.context import RefreshWhenShown
from ui.i18n import tr
import ui.inbox.pickers as pickers
from ui.inbox.choices import ItemChoiceModel
from ui.inbox.detail import RequestDetail
from ui.inbox.filters import InboxFilters
from ui.inbox.model import InboxModel
from ui.inbox.tables import ItemDropTable, TriageTable, fixed_widths, triage_action
from ui.operations import requests as actions
from ui.tasks import Latest
from ui.widgets.empty import EmptyHint, window_call
from ui.widgets.table_model import list_table, selected_row, selected_rows

log = logging.getLogger(__name__)

SHOWN = (Entity.REQUESTS, Entity.LINKS, Entity.ITEMS, Entity.COMPANIES, Entity.BATCHES)
_BIG_BACKLOG = 1000  # build the suggestion index in the background from this many items


class InboxView(RefreshWhenShown, QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._next_row: int | None = None  # where the selection goes after an action
        self._items: list[dict] = []
        self._total = 0
        # A big backlog's suggestion index is built off the GUI thread; the detail is drawn again when it is ready.
        self._index = Latest(ctx, self, lambda ws, progress: triage.suggestion_index(ws) and None,
                             lambda _result, _seconds: self._show_current(), self._index_failed)
        self._build()
        ctx.changed.connect(self._on_changed)
        ctx.workspace_replaced.connect(self._on_workspace_replaced)
        self.refresh()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.filter_bar = InboxFilters()
        self.search = self.filter_bar.search  # what the window's Find focuses

        self.model = InboxModel(self)
        self.table = list_table(self.model, table=TriageTable(), selection=QAbstractItemView.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragOnly)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.DescendingOrder)
        # Widths from the font, not from the rows: measuring rows on every reset is slow on big inboxes.
        fixed_widths(self.table, {1: "Humongous Insur", 2: "Enterprise", 3: "salesforce", 4: "2026-12-31"})
        # The segment is in the company's tooltip, the filter and the detail; the title needs the room.
        self.table.hideColumn(2)
        self.count_label = QLabel()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)

        self.detail = RequestDetail()

        # Items to drop requests onto.
        self.item_search = QLineEdit()
        self.item_search.setPlaceholderText(tr("Find an item…"))
        self.item_search.setClearButtonEnabled(True)
        self.items_model = ItemChoiceModel(self)
        self.items_table = list_table(self.items_model, table=ItemDropTable())
        self.items_table.setWordWrap(False)
        self.items_table.setAlternatingRowColors(False)
        fixed_widths(self.items_table, {1: "candidate", 2: "100%"})
        # Narrow as it is, the side list shows titles; the status is in the picker and the backlog.
        self.items_table.hideColumn(1)
        drop_hint = QLabel(tr("Drag requests onto an item to link them."))
        drop_hint.setWordWrap(True)
        drop_hint.setStyleSheet("color: palette(dark);")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.item_search)
        right_layout.addWidget(self.items_table, 1)
        right_layout.addWidget(drop_hint)

        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 3)
        self._user_sized = False
        self.splitter.splitterMoved.connect(self._splitter_moved)
        self.table.resized.connect(self._fit_columns)
        # An empty inbox says why and how requests come in, with the button that brings them.
        self.empty = EmptyHint("", [(tr("Import Requests…"), lambda: window_call(self, "open_import_wizard"))])
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.splitter, 1)

        self.filter_bar.changed.connect(self._reload)
        self.search.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_current())
        self.table.triage_key.connect(self.triage)
        self.detail.action.connect(self.triage)
        self.detail.suggestions.link_to.connect(lambda item_id: self.link_requests(self.selected_ids(), item_id))
        self.item_search.textChanged.connect(self.items_model.filter)
        self.items_table.requests_dropped.connect(self.link_requests)
        self.items_table.doubleClicked.connect(self._link_to_clicked_item)
        self.setFocusProxy(self.table)

    def _splitter_moved(self, *_args) -> None:
        self._user_sized = True

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._user_sized:
            # Until the user drags a divider, share the width by ratio: the list, the detail, the items.
            total = max(self.width() - 24, 300)
            self.splitter.setSizes([int(total * 0.48), int(total * 0.30), int(total * 0.22)])

    def _fit_columns(self, *_args) -> None:
        # On a narrow list the title comes first: the source, then the company, give way (both are in the detail).
        width = self.table.width()
        self.table.setColumnHidden(3, width < 600)
        self.table.setColumnHidden(1, width < 400)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ------------------------------------------------------------------ data
    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(*SHOWN):
            return
        if self.isVisible():
            self.refresh(items=changes.touches(Entity.ITEMS))
        else:
            # Hidden behind another view: catch up when shown, not on every backlog edit.
            self.refresh_or_defer()

    def _on_workspace_replaced(self) -> None:
        self._index.forget()
        self.refresh()

    def refresh(self, *, items: bool = True) -> None:
        """Reload the inbox; `items=False` keeps the item list (a link or an archive does not change it)."""
        self._refresh_pending = False
        values = triage.inbox_filters(self.ctx.ws)
        self._total = values["total"]
        self.filter_bar.fill(values)
        if items or not self._items:
            self._items = ops.list_items(self.ctx.ws)
        self._reload()

    def _index_failed(self, exc, details) -> None:
        log.warning("Suggestion index: %s\n%s", exc, details)

    def _reload(self) -> None:
        keep_ids = self.selected_ids()
        row_hint = self._next_row
        self._next_row = None
        rows = triage.list_inbox(self.ctx.ws, **self.filter_bar.values())
        self.model.set_rows(rows)
        total = self._total
        if not total:
            self.empty.label.setText(
                tr("Inbox zero: every request is linked to an item, marked a duplicate or archived. "
                   "New ones come in with the next import.") if queries.counts(self.ctx.ws)["requests"]
                else tr("No requests yet. Import what support, sales and success collected: a CSV from Zendesk, "
                        "Intercom, Jira, a form or a sheet."))
        self.empty.setVisible(not total)
        self.count_label.setText(
            tr("{shown} of {total} requests to triage").format(shown=len(rows), total=total)
            if len(rows) != total else tr("{total} requests to triage").format(total=total)
        )
        # Select quietly, then draw the detail once (a selection signal would draw it a second time).
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            if row_hint is not None:
                self.select_row(min(row_hint, len(rows) - 1))
            else:
                rows_kept = [self.model.row_of(i) for i in keep_ids]
                rows_kept = [r for r in rows_kept if r >= 0]
                self.select_row(rows_kept[0] if rows_kept else 0)
        finally:
            selection.blockSignals(False)
        self.table.viewport().update()
        self._show_current()

    # ------------------------------------------------------------------ selection
    def selected_ids(self) -> list[int]:
        return [row["id"] for row in selected_rows(self.table)]

    def current_request(self) -> dict | None:
        return selected_row(self.table)

    def select_row(self, row: int) -> None:
        if row < 0 or row >= self.model.rowCount():
            self.table.clearSelection()
            return
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.scrollTo(self.model.index(row, 0))

    def select_request(self, request_id: int) -> bool:
        row = self.model.row_of(request_id)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def move(self, step: int) -> None:
        rows = [i.row() for i in self.table.selectionModel().selectedRows()]
        current = (max(rows) if step > 0 else min(rows)) if rows else -1
        self.select_row(max(0, min(self.model.rowCount() - 1, current + step)))

    def _show_current(self) -> None:
        req = self.current_request()
        if req is None:
            self.detail.show_none(listed=bool(self.model.rows), filtering=self.filter_bar.filtering())
            self.items_model.set_items(self._items)
            return
        self.detail.show_request(req, len(self.table.selectionModel().selectedRows()))
        suggestions = self.detail.suggestions
        if len(self._items) >= _BIG_BACKLOG and not triage.index_is_current(self.ctx.ws):
            # A big backlog's index takes a moment to build: build it off the GUI thread, then come back.
            if not self._index.busy:
                self._index.request()
            suggestions.show_waiting()
            self.items_model.set_items(self._items)
            return
        found = triage.suggest_items(self.ctx.ws, req["id"], limit=5)
        suggestions.show_suggestions(found)
        self.items_model.set_items(self._items, found)
        self.items_model.filter(self.item_search.text())

    # ------------------------------------------------------------------ actions
    def triage(self, action: str) -> None:
        if action == "next":
            self.move(1)
        elif action == "previous":
            self.move(-1)
        elif action == "link":
            self.link_with_picker()
        elif action == "duplicate":
            self.duplicate_with_picker()
        elif action == "archive":
            self.archive(self.selected_ids())
        elif action == "new_item":
            self.new_item(self.selected_ids())
        elif action.startswith("suggestion:"):
            n = int(action.split(":")[1])
            current = self.detail.suggestions.current_suggestions
            if n < len(current) and self.selected_ids():
                self.link_requests(self.selected_ids(), current[n]["item_id"])

    def _remember_position(self) -> None:
        rows = [i.row() for i in self.table.selectionModel().selectedRows()]
        # The acted-on rows leave the list, so the same row number is the next request.
        self._next_row = min(rows) if rows else 0

    def _item_title(self, item_id: int) -> str:
        for item in self._items:
            if item["id"] == item_id:
                return item["title"]
        # Unknown here: the link itself will say what is wrong.
        return tr("item {id}").format(id=item_id)

    def link_with_picker(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        item_id = pickers.pick_item(self.ctx, ids, self)
        if item_id is not None:
            self.link_requests(ids, item_id)

    def _link_to_clicked_item(self, index) -> None:
        item = self.items_model.row_dict(index.row())
        if item and self.selected_ids():
            self.link_requests(self.selected_ids(), item["id"])

    def link_requests(self, request_ids, item_id: int) -> None:
        ids = [int(r) for r in request_ids]
        if not ids:
            return
        self._remember_position()
        if actions.link(self.ctx, self, ids, item_id) is None:
            self._next_row = None

    def duplicate_with_picker(self) -> None:
        req = self.current_request()
        if req is None:
            return
        original = pickers.pick_original(self.ctx, req["id"], self)
        if original is not None:
            self.mark_duplicate(req["id"], original)

    def mark_duplicate(self, request_id: int, original_id: int) -> None:
        self._remember_position()
        if actions.mark_duplicate(self.ctx, self, request_id, original_id) is None:
            self._next_row = None

    def archive(self, request_ids) -> None:
        ids = [int(r) for r in request_ids]
        if not ids:
            return
        self._remember_position()
        if actions.archive(self.ctx, self, ids) is None:
            self._next_row = None

    def ask_item_title(self, requests: list[dict]) -> str | None:
        title, ok = QInputDialog.getText(
            self, tr("New item"),
            tr("Title of the new backlog item ({n} requests will be linked to it):").format(n=len(requests)),
            QLineEdit.Normal, requests[0]["title"] if requests else "",
        )
        return title.strip() if ok and title.strip() else None

    def new_item(self, request_ids, title: str | None = None) -> int | None:
        ids = [int(r) for r in request_ids]
        if not ids:
            return None
        if title is None:
            chosen = [r for r in self.model.rows if r["id"] in ids]
            title = self.ask_item_title(chosen)
            if title is None:
                return None
        self._remember_position()
        made = actions.create_item(self.ctx, self, ids, title)
        if made is None:
            self._next_row = None
            return None
        return made["id"]

    def eventFilter(self, obj, event):
        # Down or Enter in the search box goes to the list, ready for J/K and the triage keys.
        if obj is self.search and event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Down, Qt.Key_Return, Qt.Key_Enter):
            self.table.setFocus()
            if self.current_request() is None:
                self.select_row(0)
            return True
        return super().eventFilter(obj, event)

    def keyPressEvent(self, event):
        # Keys pressed on the detail pane act like keys on the list.
        action = triage_action(event)
        if action:
            self.triage(action)
            event.accept()
            return
        if event.matches(QKeySequence.Find):
            self.focus_search()
            return
        super().keyPressEvent(event)
