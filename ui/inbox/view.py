"""The inbox: requests linked to nothing yet, to triage fast.

One key per action (J/K or Down/Up to move, L link, D duplicate, A archive,
N new item, 1-5 a suggestion; the keys are in `ui.hotkeys`). Opening the inbox
puts the keyboard on the request list. After an action the next request is
selected and the banner says what was done ("Linked to SSO — 3 left from
Acme"), how to undo it, and offers the same action for the waiting requests
that say the same thing (`planner.inbox_flow.same_requests`, found off the GUI
thread), taken with one key (Y). Requests can be dragged onto an item in the
side list. Every change is a `planner.ops` call on the undo stack.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from planner import inbox_flow, ops, triage
from planner.ops import Changes, Entity
from planner.storage import queries
from ui.context import RefreshWhenShown
from ui import hotkeys
from ui.i18n import tr
import ui.inbox.pickers as pickers
from ui.inbox.banner import FlowBanner, key_text
from ui.inbox.choices import ItemChoiceModel
from ui.inbox.detail import RequestDetail
from ui.inbox.filters import InboxFilters
from ui.inbox.model import InboxModel
from ui.inbox.tables import ItemDropTable, TriageTable, fixed_widths, triage_action
from ui.roadmap.style import current_theme
from ui.operations import requests as actions
from ui.tasks import Latest
from ui.widgets.empty import EmptyHint, window_call
from ui.widgets.table_model import list_table, selected_row, selected_rows

log = logging.getLogger(__name__)

SHOWN = (Entity.REQUESTS, Entity.LINKS, Entity.ITEMS, Entity.COMPANIES, Entity.BATCHES)
_BIG_BACKLOG = triage.BUILD_AHEAD_FROM  # build the suggestion index in the background from this many items
_SAME_FROM = 5  # repeats are looked for after an action on this many of the requests acted on, at most
_CAME_BACK = 5  # up to this many requests back in the inbox at once (an undo) are selected; more is an import


class InboxView(RefreshWhenShown, QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._next_row: int | None = None  # where the selection goes after an action
        self._watch_returns = False  # the next reload follows a change: select a request that came back
        self._items: list[dict] = []
        self._total = 0
        # A big backlog's suggestion index is built off the GUI thread; the detail is drawn again when it is ready.
        self._index = Latest(ctx, self, lambda ws, progress: triage.suggestion_index(ws) and None,
                             lambda _result, _seconds: self._show_current(), self._index_failed)
        # After an action, the waiting requests that say the same thing: looked for off the GUI thread
        # (a big inbox takes a moment), offered when found, unless another action came first.
        self._same = Latest(ctx, self, None, self._same_found, self._same_failed)
        self._offer: dict | None = None  # what the banner offers: {action, ids, item_id, title}
        self._asked_same = 0  # the action the running search is for
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
        self.drop_hint = drop_hint
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
        self.banner = FlowBanner()
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.banner)
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
        self.banner.accepted.connect(self.accept_offer)
        self.banner.undo.connect(self.ctx.undo_stack.undo)
        self.setFocusProxy(self.table)
        self._restyle()

    def _restyle(self) -> None:
        """Secondary text in the palette's muted colour: readable on a light and on a dark desktop."""
        muted = f"color: {current_theme().muted.name()};"
        for label in (self.drop_hint, self.detail.meta_label, self.detail.keys_label):
            if label.styleSheet() != muted:  # a style sheet changes the palette: set it only when it differs
                label.setStyleSheet(muted)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.PaletteChange, QEvent.ApplicationPaletteChange):
            self._restyle()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.focus_list()

    def focus_list(self) -> None:
        """The keyboard on the request list, on the request selected before (or the first): ready for J/K and the triage keys."""
        if self.current_request() is None and self.model.rowCount():
            self.select_row(0)
        self.table.setFocus(Qt.OtherFocusReason)

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
        # An undo, another window's change or this view's own action (which says so again just after):
        # what the banner said and offered may no longer hold.
        self._drop_offer()
        self.banner.clear()
        if self.isVisible():
            self._watch_returns = True
            self.refresh(items=changes.touches(Entity.ITEMS))
        else:
            # Hidden behind another view: catch up when shown, not on every backlog edit.
            self.refresh_or_defer()

    def _on_workspace_replaced(self) -> None:
        self._index.forget()
        self._same.forget()
        self._drop_offer()
        self.banner.clear()
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
        before = {r["id"] for r in self.model.rows} if self._watch_returns else set()
        self._watch_returns = False
        rows = triage.list_inbox(self.ctx.ws, **self.filter_bar.values())
        self.model.set_rows(rows)
        # Requests back in the inbox (an undo, most often) are what the user wants to look at again.
        came_back = [r["id"] for r in rows if r["id"] not in before] if before else []
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
            elif 0 < len(came_back) <= _CAME_BACK:
                self.select_row(min(self.model.row_of(i) for i in came_back))
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
        # Not selectRow: it reads the keyboard's modifiers, and Ctrl still held from Ctrl+2 would toggle the row off.
        index = self.model.index(row, 0)
        selection = self.table.selectionModel()
        selection.setCurrentIndex(index, QItemSelectionModel.NoUpdate)
        selection.select(index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.table.scrollTo(index)

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
        elif action == "same_too":
            self.accept_offer()
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

    def _company_of(self, request_ids) -> tuple[int | None, str | None]:
        """The company of the first of these requests that has one (as the list shows it)."""
        for row in self.model.rows:
            if row["id"] in request_ids and row.get("company_id") is not None:
                return row["company_id"], row["company"]
        return None, None

    # -- what an action says

    def _left(self, company: tuple[int | None, str | None] = (None, None)) -> str:
        """"3 left from Acme" when the request had a company, else "12 left in the inbox"."""
        company_id, name = company
        if company_id is not None:
            return tr("{n} left from {company}").format(n=inbox_flow.waiting(self.ctx.ws, company_id=company_id), company=name)
        return tr("{n} left in the inbox").format(n=inbox_flow.waiting(self.ctx.ws))

    def _say(self, done: str, left: str) -> None:
        """Say what was done, in the banner and the status bar, with the key that takes it back."""
        sentence = tr("{done} — {left}").format(done=done, left=left)
        if not sentence.endswith("."):  # a company may end in one: "Acme Inc."
            sentence += "."
        text = sentence + " " + tr("{undo} undoes it.").format(undo=key_text(hotkeys.UNDO))
        self.banner.said(text)
        self.ctx.said.emit(text)

    # -- the same action for the requests that say the same thing

    def _look_for_same(self, action: str, request_ids, *, item_id: int | None = None, title: str = "") -> None:
        """After `action` on `request_ids`, look for the waiting requests that repeat them, to offer the same."""
        self._drop_offer()
        asked, ids = self._asked_same, [int(r) for r in request_ids]

        def find(ws, progress):
            found: dict[int, dict] = {}
            for request_id in ids[:_SAME_FROM]:
                for row in inbox_flow.same_requests(ws, request_id):
                    if row["request_id"] not in ids:
                        found.setdefault(row["request_id"], row)
            return asked, action, list(found.values()), item_id, title

        self._same.request(find)

    def _same_found(self, answer, _seconds) -> None:
        asked, action, rows, item_id, title = answer
        if asked != self._asked_same or not rows:
            return  # another action came since: this offer is about a request the user has left behind
        self._offer = {"action": action, "ids": [r["request_id"] for r in rows], "item_id": item_id, "title": title}
        names, more = inbox_flow.companies_named(rows)
        who = ", ".join(names) + ("…" if more else "")
        n = len(rows)
        if action == "archive":
            question = tr("archive it too?") if n == 1 else tr("archive them too?")
            button = tr("Archive it too") if n == 1 else tr("Archive them too")
        else:
            question = (tr("link it to “{title}” too?") if n == 1 else tr("link them to “{title}” too?")).format(title=title)
            button = tr("Link it too") if n == 1 else tr("Link them too")
        said = (tr("1 more request says the same thing ({who}): {question}") if n == 1
                else tr("{n} more requests say the same thing ({who}): {question}"))
        self.banner.offer(said.format(n=n, who=who or tr("no company"), question=question), button)

    def _same_failed(self, exc, details) -> None:
        log.warning("Looking for the same requests: %s\n%s", exc, details)

    @property
    def looking_for_same(self) -> bool:
        """A search for the repeats of the last action is under way (its offer may follow)."""
        return self._same.busy

    def _drop_offer(self) -> None:
        """No offer any more, and none from a search still under way."""
        self._offer = None
        self._asked_same += 1
        self.banner.withdraw()

    def accept_offer(self) -> None:
        """Do the offered action to the requests that say the same thing (the Y key)."""
        offer = self._offer
        self._drop_offer()
        if offer is None:
            return
        if offer["action"] == "archive":
            self.archive(offer["ids"], offered=True)
        else:
            self.link_requests(offer["ids"], offer["item_id"], offered=True)

    # -- the actions

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

    def link_requests(self, request_ids, item_id: int, *, offered: bool = False) -> None:
        """Link requests to an item. `offered`: the banner's repeats, not the selection, which stays where it is."""
        ids = [int(r) for r in request_ids]
        if not ids:
            return
        company = self._company_of(ids)
        if not offered:
            self._remember_position()
        if actions.link(self.ctx, self, ids, item_id) is None:
            self._next_row = None
            return
        title = self._item_title(item_id)
        if offered:
            done = (tr("Linked 1 more request to {title}") if len(ids) == 1
                    else tr("Linked {n} more requests to {title}")).format(n=len(ids), title=title)
        else:
            done = (tr("Linked to {title}") if len(ids) == 1
                    else tr("Linked {n} requests to {title}")).format(n=len(ids), title=title)
        # The offered repeats come from several companies: then the inbox's count says more.
        self._say(done, self._left(company if not offered else (None, None)))
        if not offered:
            self._look_for_same("link", ids, item_id=item_id, title=title)

    def duplicate_with_picker(self) -> None:
        req = self.current_request()
        if req is None:
            return
        original = pickers.pick_original(self.ctx, req["id"], self)
        if original is not None:
            self.mark_duplicate(req["id"], original)

    def mark_duplicate(self, request_id: int, original_id: int) -> None:
        self._remember_position()
        made = actions.mark_duplicate(self.ctx, self, request_id, original_id)
        if made is None:
            self._next_row = None
            return
        # A duplicate of a duplicate is filed under its original: say the one it counts on.
        self._say(tr("Marked as a duplicate of #{id}").format(id=made.value["duplicate_of"]), self._left())

    def archive(self, request_ids, *, offered: bool = False) -> None:
        ids = [int(r) for r in request_ids]
        if not ids:
            return
        if not offered:
            self._remember_position()
        if actions.archive(self.ctx, self, ids) is None:
            self._next_row = None
            return
        if offered:
            done = (tr("Archived 1 more request") if len(ids) == 1 else tr("Archived {n} more requests")).format(n=len(ids))
        else:
            done = (tr("Archived") if len(ids) == 1 else tr("Archived {n} requests")).format(n=len(ids))
        self._say(done, self._left())
        if not offered:
            self._look_for_same("archive", ids)

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
        company = self._company_of(ids)
        self._remember_position()
        made = actions.create_item(self.ctx, self, ids, title)
        if made is None:
            self._next_row = None
            return None
        done = tr("Created “{title}” from a request") if len(ids) == 1 else tr("Created “{title}” from {n} requests")
        self._say(done.format(title=made["title"], n=len(ids)), self._left(company))
        self._look_for_same("new_item", ids, item_id=made["id"], title=made["title"])
        return made["id"]

    def eventFilter(self, obj, event):
        # Down or Enter in the search box goes to the list, ready for J/K and the triage keys.
        if obj is self.search and event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Down, Qt.Key_Return, Qt.Key_Enter):
            self.focus_list()
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
