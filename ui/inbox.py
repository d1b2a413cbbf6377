"""The inbox: requests linked to nothing yet, to triage fast.

One key per action (J/K or Down/Up to move, L link, D duplicate, A archive,
N new item); after an action the next request is selected. Requests can be
dragged onto an item in the side list. Every change is a `planner.ops` call
on the undo stack.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QFrame, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit,
    QPushButton, QSplitter, QTableView, QTextBrowser, QToolButton, QVBoxLayout, QWidget,
)

from planner import ops, triage
from ui import item_picker
from ui.i18n import tr
from ui.inbox_model import REQUEST_MIME, InboxModel, ItemChoiceModel, request_ids_from_mime

log = logging.getLogger(__name__)

# One key per triage action; arrows move as well as J/K.
TRIAGE_KEYS = {
    Qt.Key_J: "next", Qt.Key_K: "previous", Qt.Key_L: "link", Qt.Key_D: "duplicate",
    Qt.Key_A: "archive", Qt.Key_N: "new_item",
}
# 1..5 link the request to that suggestion: the commonest triage is two keystrokes, read then 1.
SUGGESTION_KEYS = {Qt.Key_1: 0, Qt.Key_2: 1, Qt.Key_3: 2, Qt.Key_4: 3, Qt.Key_5: 4}
_REFRESH_AREAS = {"requests", "links", "items", "companies", "batches"}
_NO_DATE = QDate(2000, 1, 1)  # the date edits' "any date" value
_BIG_BACKLOG = 1000  # build the suggestion index in the background from this many items


def _one_line(text: str | None, width: int = 48) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


class TriageTable(QTableView):
    """The request list. Triage keys act here before the table's type-to-search takes them."""

    triage_key = Signal(str)
    resized = Signal()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.resized.emit()

    def keyPressEvent(self, event):
        action = TRIAGE_KEYS.get(event.key())
        if event.key() in SUGGESTION_KEYS:
            action = f"suggestion:{SUGGESTION_KEYS[event.key()]}"
        if action and not (event.modifiers() & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier)):
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


class InboxView(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._next_row: int | None = None  # where the selection goes after an action
        self._items: list[dict] = []
        self._stale = False
        self._warming = False
        self._total = 0
        self._build()
        ctx.changed.connect(self._on_changed)
        ctx.workspace_replaced.connect(self.refresh)
        self.refresh()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search requests, companies, people…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(140)
        self.source_filter = QComboBox()
        self.company_filter = QComboBox()
        self.segment_filter = QComboBox()
        # Long company names must not push the search box off a laptop screen.
        for combo, width in ((self.source_filter, 140), (self.company_filter, 180), (self.segment_filter, 130)):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.setMaximumWidth(width)
        self.since = self._date_edit()
        self.until = self._date_edit()
        self.clear_filters_button = QToolButton()
        self.clear_filters_button.setText(tr("Clear"))
        self.clear_filters_button.setToolTip(tr("Clear the search and every filter"))
        self.clear_filters_button.setFocusPolicy(Qt.NoFocus)
        self.clear_filters_button.hide()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 4)
        for label, widget in ((tr("Source"), self.source_filter), (tr("Company"), self.company_filter),
                              (tr("Segment"), self.segment_filter), (tr("From"), self.since), (tr("To"), self.until)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.clear_filters_button)

        self.model = InboxModel(self)
        self.table = TriageTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragOnly)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        # Widths from the font, not from the rows: measuring rows on every reset is slow on big inboxes.
        _fixed_widths(self.table, {1: "Humongous Insur", 2: "Enterprise", 3: "salesforce", 4: "2026-12-31"})
        # The segment is in the company's tooltip, the filter and the detail; the title needs the room.
        self.table.hideColumn(2)
        self.count_label = QLabel()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)

        # Detail of the current request, its suggestions, and the actions.
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_label.setFont(font)
        self.meta_label = QLabel()
        self.meta_label.setWordWrap(True)
        self.meta_label.setStyleSheet("color: palette(dark);")
        self.body = QTextBrowser()
        self.body.setOpenExternalLinks(True)
        self.body.setFocusPolicy(Qt.ClickFocus)
        self.suggest_title = QLabel(tr("Suggested items"))
        self.suggest_title.setStyleSheet("font-weight: bold;")
        self.suggest_box = QVBoxLayout()
        self.suggest_box.setSpacing(4)
        self.suggestion_buttons: list[QPushButton] = []
        self.link_button = QPushButton(tr("&Link…"))
        self.duplicate_button = QPushButton(tr("&Duplicate…"))
        self.archive_button = QPushButton(tr("&Archive"))
        self.new_item_button = QPushButton(tr("&New item"))
        for button, key, tip in (
            (self.link_button, "L", tr("Link to an item chosen from a list, likeliest first")),
            (self.duplicate_button, "D", tr("Mark as a duplicate of another request")),
            (self.archive_button, "A", tr("Archive: not actionable, kept for the record")),
            (self.new_item_button, "N", tr("Create a backlog item from the selected requests")),
        ):
            button.setToolTip(f"{tip} ({key})")
        # Single-key triage works from the table; mnemonics would need Alt.
        for button in (self.link_button, self.duplicate_button, self.archive_button, self.new_item_button):
            button.setText(button.text().replace("&", ""))
            button.setFocusPolicy(Qt.NoFocus)
        actions = QHBoxLayout()
        actions.setSpacing(4)
        for button in (self.link_button, self.duplicate_button, self.archive_button, self.new_item_button):
            actions.addWidget(button)
        self.keys_label = QLabel(tr("Keys: J/K next/previous · 1–5 link to a suggestion · L link… · D duplicate · "
                                    "A archive · N new item"))
        self.keys_label.setStyleSheet("color: palette(dark);")
        self.keys_label.setWordWrap(True)  # else its one line sets the pane's minimum width
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(6, 0, 6, 0)
        detail_layout.addWidget(self.title_label)
        detail_layout.addWidget(self.meta_label)
        detail_layout.addWidget(self.body, 1)
        detail_layout.addWidget(self.suggest_title)
        detail_layout.addLayout(self.suggest_box)
        line = QFrame()
        line.setFrameShape(QFrame.HLine)
        line.setFrameShadow(QFrame.Sunken)
        detail_layout.addWidget(line)
        detail_layout.addLayout(actions)
        detail_layout.addWidget(self.keys_label)

        # Items to drop requests onto.
        self.item_search = QLineEdit()
        self.item_search.setPlaceholderText(tr("Find an item…"))
        self.item_search.setClearButtonEnabled(True)
        self.items_model = ItemChoiceModel(self)
        self.items_table = ItemDropTable()
        self.items_table.setModel(self.items_model)
        self.items_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.items_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.items_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.items_table.verticalHeader().hide()
        self.items_table.setWordWrap(False)
        _fixed_widths(self.items_table, {1: "candidate", 2: "100%"})
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
        self.splitter.addWidget(detail)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 3)
        self._user_sized = False
        self.splitter.splitterMoved.connect(self._splitter_moved)
        self.table.resized.connect(self._fit_columns)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        self.search.textChanged.connect(self._reload)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.search.installEventFilter(self)
        for combo in (self.source_filter, self.company_filter, self.segment_filter):
            combo.currentIndexChanged.connect(self._reload)
        self.since.dateChanged.connect(self._reload)
        self.until.dateChanged.connect(self._reload)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_current())
        self.table.triage_key.connect(self.triage)
        self.link_button.clicked.connect(lambda: self.triage("link"))
        self.duplicate_button.clicked.connect(lambda: self.triage("duplicate"))
        self.archive_button.clicked.connect(lambda: self.triage("archive"))
        self.new_item_button.clicked.connect(lambda: self.triage("new_item"))
        self.item_search.textChanged.connect(self.items_model.filter)
        self.items_table.requests_dropped.connect(self.link_requests)
        self.items_table.doubleClicked.connect(self._link_to_clicked_item)
        self.setFocusProxy(self.table)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setMaximumWidth(115)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText(tr("any"))
        edit.setDate(_NO_DATE)
        return edit

    # ------------------------------------------------------------------ data
    def _on_changed(self, areas) -> None:
        if not areas & _REFRESH_AREAS:
            return
        if self.isVisible():
            self.refresh(items="items" in areas)
        else:
            # Hidden behind another view: catch up when shown, not on every backlog edit.
            self._stale = True

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

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self, *, items: bool = True) -> None:
        """Reload the inbox; `items=False` keeps the item list (a link or an archive does not change it)."""
        self._stale = False
        self._fill_filters()
        if items or not self._items:
            self._items = ops.list_items(self.ctx.ws)
        self._reload()

    def _warm_index(self) -> None:
        if self._warming:
            return
        self._warming = True

        def done(_result=None):
            self._warming = False
            self._show_current()

        def failed(exc, tb):
            self._warming = False
            log.warning("Suggestion index: %s\n%s", exc, tb)

        self.ctx.run_task(lambda ws, progress: triage.suggestion_index(ws) and None, on_done=done, on_error=failed)

    def _fill_filters(self) -> None:
        values = triage.inbox_filters(self.ctx.ws)
        self._total = values["total"]
        for combo, key, everything in (
            (self.source_filter, "sources", tr("All sources")),
            (self.company_filter, "companies", tr("All companies")),
            (self.segment_filter, "segments", tr("All segments")),
        ):
            current = combo.currentData()
            wanted = list(values[key])
            # A value being filtered on stays even when its last request leaves the inbox,
            # so the list does not jump to everything under the user's hands.
            if current is not None and current not in wanted:
                wanted.append(current)
            if wanted == [combo.itemData(i) for i in range(1, combo.count())]:
                continue  # unchanged: refilling a long company list on every action is wasted work
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value in wanted:
                combo.addItem(value, value)
            at = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(at, 0))
            combo.blockSignals(False)
        self.clear_filters_button.setVisible(self._filtering())

    def _filtering(self) -> bool:
        return any(v is not None for v in self.filters().values())

    def clear_filters(self) -> None:
        for widget in (self.search, self.source_filter, self.company_filter, self.segment_filter, self.since, self.until):
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.source_filter, self.company_filter, self.segment_filter):
            combo.setCurrentIndex(0)
        self.since.setDate(_NO_DATE)
        self.until.setDate(_NO_DATE)
        for widget in (self.search, self.source_filter, self.company_filter, self.segment_filter, self.since, self.until):
            widget.blockSignals(False)
        self._reload()

    def filters(self) -> dict:
        since = self.since.date()
        until = self.until.date()
        return dict(
            search=self.search.text().strip() or None,
            source=self.source_filter.currentData(),
            company=self.company_filter.currentData(),
            segment=self.segment_filter.currentData(),
            since=None if since == _NO_DATE else since.toString("yyyy-MM-dd"),
            until=None if until == _NO_DATE else until.toString("yyyy-MM-dd"),
        )

    def _reload(self) -> None:
        keep_ids = self.selected_ids()
        row_hint = self._next_row
        self._next_row = None
        rows = triage.list_inbox(self.ctx.ws, **self.filters())
        self.model.set_rows(rows)
        self.clear_filters_button.setVisible(self._filtering())
        total = self._total
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
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.rows[r]["id"] for r in rows if r < len(self.model.rows)]

    def current_request(self) -> dict | None:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return self.model.row_dict(rows[0]) if rows else None

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
        n = len(self.table.selectionModel().selectedRows())
        for button in (self.link_button, self.duplicate_button, self.archive_button, self.new_item_button):
            button.setEnabled(req is not None)
        self.duplicate_button.setEnabled(n == 1)
        self._clear_suggestions()
        if req is None:
            if self.model.rows:
                self.title_label.setText("")
                self.meta_label.setText("")
            elif self._filtering():
                self.title_label.setText(tr("No request matches"))
                self.meta_label.setText(tr("Change the search or the filters, or clear them."))
            else:
                self.title_label.setText(tr("Nothing to triage"))
                self.meta_label.setText(tr("Every request is linked, marked as a duplicate or archived."))
            self.body.clear()
            self.suggest_title.hide()
            self.items_model.set_items(self._items)
            return
        title = req["title"] if n == 1 else tr("{n} requests selected; the first:").format(n=n) + " " + req["title"]
        self.title_label.setText(title)
        meta = [req.get("company") or tr("no company"), req.get("segment"), req.get("source"),
                (req.get("created_at") or "")[:10], req.get("requester"), f"#{req['id']}"]
        if req.get("mrr"):
            meta.insert(1, tr("MRR {mrr:,.0f}").format(mrr=req["mrr"]))
        self.meta_label.setText(" · ".join(str(m) for m in meta if m))
        self.body.setPlainText(req.get("body") or "")
        if len(self._items) >= _BIG_BACKLOG and not triage.index_is_current(self.ctx.ws):
            # A big backlog's index takes a moment to build: build it off the GUI thread, then come back.
            self._warm_index()
            waiting = QLabel(tr("Finding similar items…"))
            waiting.setStyleSheet("color: palette(dark);")
            self.suggest_box.addWidget(waiting)
            self.suggest_title.setVisible(True)
            self.items_model.set_items(self._items)
            return
        suggestions = triage.suggest_items(self.ctx.ws, req["id"], limit=5)
        self.current_suggestions = suggestions
        self.suggest_title.setVisible(True)
        if not suggestions:
            empty = QLabel(tr("No item looks like this request. Press N to make one."))
            empty.setStyleSheet("color: palette(dark);")
            self.suggest_box.addWidget(empty)
        for n, s in enumerate(suggestions):
            self._add_suggestion_row(s, n)
        self.items_model.set_items(self._items, suggestions)
        self.items_model.filter(self.item_search.text())

    def _clear_suggestions(self) -> None:
        self.current_suggestions = []
        self.suggestion_buttons = []
        while self.suggest_box.count():
            child = self.suggest_box.takeAt(0)
            widget = child.widget()
            if widget is not None:
                # Hidden and unparented now: deleteLater alone leaves it painted until the loop runs.
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()

    def _add_suggestion_row(self, s: dict, n: int = 0) -> None:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        text = QLabel(f"<b>{_escape(_one_line(s['title']))}</b> <span style='color:gray'>{s['score']:.0f}%</span>"
                      f"<br><small>{_escape(self._why_text(s))}</small>")
        text.setWordWrap(True)
        text.setToolTip(s.get("why") or "")
        button = QPushButton(tr("Link  {key}").format(key=n + 1))
        button.setToolTip(tr("Link to “{title}” (key {key})").format(title=s["title"], key=n + 1))
        button.setFocusPolicy(Qt.NoFocus)
        button.clicked.connect(lambda _=False, item_id=s["item_id"]: self.link_requests(self.selected_ids(), item_id))
        layout.addWidget(text, 1)
        layout.addWidget(button, 0, Qt.AlignTop)
        self.suggestion_buttons.append(button)
        self.suggest_box.addWidget(row)

    @staticmethod
    def _why_text(s: dict) -> str:
        # Composed here from the structured parts so the sentence can be translated.
        terms = ", ".join(f"“{t}”" for t in s.get("terms") or ())
        if s.get("matched") == "requests" and s.get("similar_request"):
            return tr("Like a linked request: “{text}” ({n} linked)").format(
                text=_one_line(s["similar_request"]["title"], 40), n=s.get("linked_requests", 0))
        if s.get("matched") == "title":
            return tr("Title shares {terms}").format(terms=terms) if terms else tr("Title worded alike")
        return tr("Description shares {terms}").format(terms=terms) if terms else tr("Description worded alike")

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
            if n < len(self.current_suggestions) and self.selected_ids():
                self.link_requests(self.selected_ids(), self.current_suggestions[n]["item_id"])

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
        item_id = item_picker.pick_item(self.ctx, ids, self)
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
        ws = self.ctx.ws
        title = _one_line(self._item_title(item_id), 40)
        text = (tr("Link request {id} to “{title}”").format(id=ids[0], title=title) if len(ids) == 1
                else tr("Link {n} requests to “{title}”").format(n=len(ids), title=title))
        self._remember_position()

        def do():
            with ws.db.atomic():
                return [ops.link_request(ws, r, item_id) for r in ids]

        def undo():
            with ws.db.atomic():
                for r in ids:
                    ops.unlink_request(ws, r, item_id)

        if self.ctx.run_op(text, do, undo, areas=("links", "requests", "scores"), parent=self) is None:
            self._next_row = None

    def duplicate_with_picker(self) -> None:
        req = self.current_request()
        if req is None:
            return
        original = item_picker.pick_original(self.ctx, req["id"], self)
        if original is not None:
            self.mark_duplicate(req["id"], original)

    def mark_duplicate(self, request_id: int, original_id: int) -> None:
        ws = self.ctx.ws
        state: dict = {}
        self._remember_position()

        def do():
            state.update(ops.mark_duplicate(ws, request_id, of=original_id))
            return state

        def undo():
            ops.restore_request_state(ws, request_id, status=state["before"]["status"],
                                      duplicate_of=state["before"]["duplicate_of"], links=state["links"])

        text = tr("Mark request {id} as a duplicate of request {of}").format(id=request_id, of=original_id)
        if self.ctx.run_op(text, do, undo, areas=("requests", "links", "scores"), parent=self) is None:
            self._next_row = None

    def archive(self, request_ids) -> None:
        ids = [int(r) for r in request_ids]
        if not ids:
            return
        ws = self.ctx.ws
        before: dict[int, dict] = {}
        self._remember_position()

        def do():
            with ws.db.atomic():
                for r in ids:
                    before[r] = ops.set_request_status(ws, r, "archived")
            return before

        def undo():
            with ws.db.atomic():
                for r in ids:
                    ops.restore_request_state(ws, r, status=before[r]["before"], duplicate_of=before[r]["duplicate_of"])

        text = (tr("Archive request {id}").format(id=ids[0]) if len(ids) == 1
                else tr("Archive {n} requests").format(n=len(ids)))
        if self.ctx.run_op(text, do, undo, areas=("requests", "scores"), parent=self) is None:
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
        ws = self.ctx.ws
        made: dict = {}
        self._remember_position()

        def do():
            made["item"] = ops.create_item_from_requests(ws, ids, title=title)
            return made["item"]

        def undo():
            ops.delete_item(ws, made["item"]["id"])

        text = (tr("Create item “{title}” from request {id}").format(title=_one_line(title, 40), id=ids[0])
                if len(ids) == 1 else
                tr("Create item “{title}” from {n} requests").format(title=_one_line(title, 40), n=len(ids)))
        item = self.ctx.run_op(text, do, undo, areas=("items", "links", "requests", "scores"), parent=self)
        if item is None:
            self._next_row = None
            return None
        return item["id"]

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
        action = TRIAGE_KEYS.get(event.key())
        if event.key() in SUGGESTION_KEYS:
            action = f"suggestion:{SUGGESTION_KEYS[event.key()]}"
        if action and not event.modifiers() & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier):
            self.triage(action)
            event.accept()
            return
        if event.matches(QKeySequence.Find):
            self.focus_search()
            return
        super().keyPressEvent(event)


def _fixed_widths(table: QTableView, samples: dict[int, str]) -> None:
    """Column 0 takes the room left; the others fit a typical value and can be dragged wider."""
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    header.setSectionResizeMode(0, QHeaderView.Stretch)
    for column, sample in samples.items():
        header.setSectionResizeMode(column, QHeaderView.Interactive)
        title = str(table.model().headerData(column, Qt.Horizontal) or "")
        header.resizeSection(column, max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title)) + 24)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
