"""The Companies view: every company, searchable and sortable, corrected in place; merge companies and segments.

Name, segment, plan, MRR, ARR, renewal date and owner edit inline; each edit,
merge or segment rename is one `planner.ops` call on the undo stack (through
`ui.operations.companies`). The view redraws when a change touches companies
or requests, keeping the selected rows.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu, QPushButton, QStyledItemDelegate,
    QTableView, QVBoxLayout, QWidget,
)

from planner import ops
from planner.ops import Changes, Entity
from ui.companies.dialogs import MergeCompaniesDialog, SegmentsDialog
from ui.companies.model import KEYS, MONEY, CompaniesModel, money_text
from ui.context import RefreshWhenShown
from ui.i18n import tr
from ui.operations import companies as actions

SHOWN = (Entity.COMPANIES, Entity.REQUESTS, Entity.BATCHES)
WIDTHS = {"name": 220, "segment": 110, "plan": 90, "mrr": 90, "arr": 100, "renewal_date": 90, "owner": 120,
          "requests": 70, "last_asked": 90}


class CompanyDelegate(QStyledItemDelegate):
    """The segment is typed or picked from the segments companies already have (an editable combo)."""

    def __init__(self, segments, parent=None):
        super().__init__(parent)
        self.segments = segments  # () -> list[str]

    def createEditor(self, parent, option, index):
        key = KEYS[index.column()]
        if key == "segment":
            box = QComboBox(parent)
            box.setEditable(True)
            box.setInsertPolicy(QComboBox.NoInsert)
            box.addItems(self.segments())
            return box
        editor = super().createEditor(parent, option, index)
        if key == "renewal_date" and isinstance(editor, QLineEdit):
            editor.setPlaceholderText(tr("YYYY-MM-DD"))
        return editor

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            editor.setEditText(index.data(Qt.EditRole) or "")
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.EditRole)
        else:
            super().setModelData(editor, model, index)


class CompaniesView(RefreshWhenShown, QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._segments: list[str] = []
        self.dialogs: dict[str, QWidget] = {}
        self._build()
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(0)
        self._refresh_soon.timeout.connect(self.refresh)
        ctx.changed.connect(self._on_changed)  # a new workspace broadcasts Changes.all() too
        self.refresh()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Find a company, segment, plan or owner…"))
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.merge_button = QPushButton(tr("Merge Companies…"))
        self.merge_button.setToolTip(tr("Select two or more companies that are the same customer."))
        self.segments_button = QPushButton(tr("Segments…"))
        self.segments_button.setToolTip(tr("Rename a segment, or merge it into another."))
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.merge_button)
        bar.addWidget(self.segments_button)

        # A new workspace: companies come with the requests imported.
        self.empty_hint = QWidget()
        hint = QHBoxLayout(self.empty_hint)
        hint.setContentsMargins(4, 8, 4, 8)
        self.empty_label = QLabel(tr("No companies yet. Import your account list from the CRM (Salesforce, "
                                     "HubSpot or a sheet), or let them come with the requests you import "
                                     "(from their organization column or the requesters' e-mail domains)."))
        self.empty_label.setWordWrap(True)
        self.import_button = QPushButton(tr("Import Companies…"))
        hint.addWidget(self.empty_label, 1)
        hint.addWidget(self.import_button)
        self.empty_hint.hide()

        self.model = CompaniesModel(self)
        self.model.editor = self.edit_field
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(CompanyDelegate(lambda: list(self._segments), self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed | QAbstractItemView.SelectedClicked)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, key in enumerate(KEYS):
            self.table.setColumnWidth(column, WIDTHS.get(key, 90))
        header.setStretchLastSection(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        self.table.setContextMenuPolicy(Qt.CustomContextMenu)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)

        self.search.textChanged.connect(self._search)
        self.merge_button.clicked.connect(self.open_merge)
        self.segments_button.clicked.connect(self.open_segments)
        self.import_button.clicked.connect(self._open_import)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.setFocusProxy(self.table)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ------------------------------------------------------------------ data
    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(*SHOWN):
            return
        if self.table.state() == QAbstractItemView.EditingState:
            self._refresh_soon.start()  # the edit being saved: redraw once its editor has closed
        else:
            self.refresh_or_defer()  # hidden behind another view: catch up when shown

    def refresh(self) -> None:
        """Reload the companies, keeping the search, the order and the selected rows."""
        if self._refresh_soon.isActive():
            self._refresh_soon.stop()
        self._refresh_pending = False
        keep, current = self.selected_ids(), self._current_id()
        rows = ops.list_companies(self.ctx.ws)
        self._segments = [s["segment"] for s in ops.list_segments(self.ctx.ws)]
        self.model.set_companies(rows)
        self._select(keep, current)
        self.empty_hint.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self._count(len(rows))
        self._enable()

    def _search(self, text: str) -> None:
        keep, current = self.selected_ids(), self._current_id()
        self.model.set_search(text)
        self._select(keep, current)
        self._count(len(self.model.all_rows))

    def _count(self, total: int) -> None:
        shown = self.model.rowCount()
        self.count_label.setText(tr("{shown} of {total} companies").format(shown=f"{shown:,}", total=f"{total:,}")
                                 if shown != total else tr("{total} companies").format(total=f"{total:,}"))

    def _enable(self) -> None:
        self.merge_button.setEnabled(len(self.selected_ids()) >= 2)
        self.segments_button.setEnabled(bool(self._segments))

    def _open_import(self) -> None:
        window = self.window()
        if hasattr(window, "open_import_wizard"):
            window.open_import_wizard(kind="companies")

    # ------------------------------------------------------------------ selection
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r]["id"] for r in rows if r < len(self.model.rows)]

    def selected_companies(self) -> list[dict]:
        return [self.model.rows[self.model.row_of(i)] for i in self.selected_ids()]

    def _current_id(self) -> int | None:
        index = self.table.currentIndex()
        row = self.model.row_dict(index.row()) if index.isValid() else None
        return row["id"] if row else None

    def select_companies(self, company_ids, current: int | None = None) -> None:
        self._select(list(company_ids), current)

    def _select(self, company_ids, current: int | None) -> None:
        selection = self.table.selectionModel()
        rows = sorted(r for r in (self.model.row_of(i) for i in company_ids) if r >= 0)
        chosen = QItemSelection()
        last = self.model.columnCount() - 1
        for row in rows:
            chosen.select(self.model.index(row, 0), self.model.index(row, last))
        selection.select(chosen, QItemSelectionModel.ClearAndSelect)
        at = self.model.row_of(current) if current is not None else -1
        if at < 0 and rows:
            at = rows[0]
        if at >= 0:
            selection.setCurrentIndex(self.model.index(at, 0), QItemSelectionModel.NoUpdate)
            self.table.scrollTo(self.model.index(at, 0))

    # ------------------------------------------------------------------ actions (each one undo step)
    def edit_field(self, company: dict, field: str, value) -> bool:
        """Set one field of one company, as typed in its cell."""
        shown = money_text(_number_or_none(value)) if field in MONEY and _number_or_none(value) is not None else None
        return actions.set_field(self.ctx, self, company, field, value, shown=shown) is not None

    def merge(self, keep_id: int, other_ids) -> dict | None:
        """Merge companies into `keep_id`; the value of the merge (requests moved), None when refused."""
        keep = ops.require_company(self.ctx.ws, keep_id)
        others = [ops.require_company(self.ctx.ws, i) for i in other_ids]
        done = actions.merge(self.ctx, self, keep, others)
        if done is None:
            return None
        self.select_companies([keep_id], keep_id)
        return done.value

    def open_merge(self) -> MergeCompaniesDialog | None:
        """Ask which of the selected companies to keep, then merge the others into it."""
        chosen = self.selected_companies()
        if len(chosen) < 2:
            return None
        dialog = MergeCompaniesDialog(chosen, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.merge(dialog.keep()["id"], [c["id"] for c in dialog.others()]))
        dialog.open()
        return dialog

    def open_segments(self) -> SegmentsDialog:
        """The segments dialog (one at a time): rename a segment, or merge it into another."""
        dialog = self.dialogs.get("segments")
        if dialog is None:
            dialog = SegmentsDialog(self.ctx, self)
            dialog.setAttribute(Qt.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda: self.dialogs.pop("segments", None))
            self.dialogs["segments"] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        merge = menu.addAction(tr("Merge Companies…"), self.open_merge)
        merge.setEnabled(len(self.selected_ids()) >= 2)
        menu.addAction(tr("Segments…"), self.open_segments).setEnabled(bool(self._segments))
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def keyPressEvent(self, event):
        if event.matches(QKeySequence.Find):
            self.focus_search()
            return
        super().keyPressEvent(event)


def _number_or_none(value):
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
