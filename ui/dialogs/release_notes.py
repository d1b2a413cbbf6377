"""Release Notes and Whom to Tell: a lane's draft in customer words, and the people waiting to hear it ships.

A lane chooser and an edition chooser on top; two tabs. *Notes*: the draft
(Markdown or plain text for chat) with Copy and Save As…, and the lane's items,
whose public title and summary are edited in place (each edit one undo step).
*Whom to tell*: one row per company and item not yet informed (all with "Show
informed too"), Mark Informed for the selected rows or the whole lane, and
Save CSV… for a mail merge. The core (`planner.releases`) does the work.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPlainTextEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from planner import ops, releases
from planner.errors import PlannerError
from planner.ops import Changes, Entity
from ui.context import show_error
from ui.i18n import tr
from ui.operations import releases as actions
from ui.widgets.combos import refill_combo
from ui.widgets.files import ask_save_path
from ui.widgets.labels import lane_kind_label, status_label
from ui.widgets.table_model import EditableRowsModel, RowsTableModel, list_table, selected_rows
from ui.widgets.undo_keys import add_undo_keys

SHOWN = (Entity.ITEMS, Entity.LINKS, Entity.REQUESTS, Entity.COMPANIES, Entity.LANES)


def draft_words() -> dict:
    """The words of the draft in the interface's language (`releases.WORDS` holds the English ones)."""
    return {
        "shipped": tr("shipped"), "in_progress": tr("in progress"), "planned": tr("planned"),
        "candidate": tr("candidate"), "idea": tr("idea"),
        "asked_for_by": tr("Asked for by {names}."), "names": tr("{names} and {last}"),
        "more": tr("{names} and {n} more"), "nothing": tr("Nothing is planned on this lane yet."),
        releases.OTHER_THEME: tr("Other"),
    }


class PublicTextModel(EditableRowsModel):
    """The lane's items: their own title and status, and the public title and summary, edited in place."""

    COLUMNS = (
        ("title", QT_TRANSLATE_NOOP("", "Item")),
        ("status", QT_TRANSLATE_NOOP("", "Status")),
        ("public_title", QT_TRANSLATE_NOOP("", "Public title")),
        ("public_summary", QT_TRANSLATE_NOOP("", "Public summary")),
    )
    EDITABLE = frozenset(actions.PUBLIC_FIELDS)

    @staticmethod
    def edited_text(value) -> str:
        return " ".join(str(value if value is not None else "").split())  # one line, single spaces

    def row_data(self, row, key, role):
        value = row.get(key)
        if role in (Qt.DisplayRole, Qt.EditRole):
            if key == "status":
                return status_label(value)
            return value or ""
        if role == Qt.ForegroundRole and key == "public_title" and not value:
            return QGuiApplication.palette().placeholderText()
        if role == Qt.ToolTipRole and key == "public_title":
            return tr("The title customers read. Blank: the item's own title is used.")
        if role == Qt.ToolTipRole and key == "public_summary":
            return tr("One or two sentences for customers. Double-click to edit.")
        return None

    def data(self, index, role=Qt.DisplayRole):
        row = self.row_dict(index.row()) if index.isValid() else None
        if (row is not None and role == Qt.DisplayRole and self.key_at(index.column()) == "public_title"
                and not row.get("public_title")):
            return row["title"]  # shown greyed: what the notes use while no public title is written
        return super().data(index, role)


class WhomModel(RowsTableModel):
    """Whom to tell: one row per company and item; the internal edition adds the people and their words."""

    BUSINESS = (
        ("company", QT_TRANSLATE_NOOP("", "Company")),
        ("item", QT_TRANSLATE_NOOP("", "Item")),
        ("requests", QT_TRANSLATE_NOOP("", "Requests")),
        ("informed_at", QT_TRANSLATE_NOOP("", "Informed")),
    )
    INTERNAL = BUSINESS + (
        ("requesters", QT_TRANSLATE_NOOP("", "People")),
        ("emails", QT_TRANSLATE_NOOP("", "E-mails")),
        ("owner", QT_TRANSLATE_NOOP("", "Account owner")),
        ("words", QT_TRANSLATE_NOOP("", "What they asked")),
    )
    COLUMNS = INTERNAL

    def set_edition(self, edition: str) -> None:
        self.beginResetModel()
        self.COLUMNS = self.INTERNAL if edition == "internal" else self.BUSINESS
        self.endResetModel()

    def row_data(self, row, key, role):
        value = row.get(key)
        if role == Qt.DisplayRole:
            if key == "company":
                return value or tr("(no company)")
            if key == "informed_at":
                if value:
                    return value
                return tr("{n} of {total}").format(n=row["informed"], total=row["requests"]) if row["informed"] else ""
            if isinstance(value, list):
                return "; ".join(value)
            return "" if value is None else str(value)
        if role == Qt.ToolTipRole and key == "words" and value:
            return "\n".join(value)
        if role == Qt.TextAlignmentRole and key == "requests":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


class ReleaseNotesDialog(QDialog):
    def __init__(self, ctx, parent=None, *, lane_id=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Release Notes and Whom to Tell"))
        add_undo_keys(self, ctx)  # Ctrl+Z works here too, not only in the main window
        self.resize(1120, 640)
        self.notes: dict | None = None
        self.whom: list[dict] = []

        self.lane = QComboBox()
        self.edition = QComboBox()
        self.edition.addItem(tr("Internal (people, e-mails, what they asked)"), "internal")
        self.edition.addItem(tr("Business (companies only)"), "business")
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Lane:")))
        top.addWidget(self.lane, 1)
        top.addSpacing(12)
        top.addWidget(QLabel(tr("Edition:")))
        top.addWidget(self.edition, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._notes_tab(), tr("Notes"))
        self.tabs.addTab(self._whom_tab(), tr("Whom to tell"))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

        self.lane.currentIndexChanged.connect(lambda *_: self.refresh())
        self.edition.currentIndexChanged.connect(lambda *_: self.refresh())
        self.format.currentIndexChanged.connect(lambda *_: self._show_draft())
        self.show_informed.toggled.connect(lambda *_: self.refresh())
        self._later = QTimer(self)  # a refresh asked for while a cell is being edited waits for the editor to close
        self._later.setSingleShot(True)
        self._later.timeout.connect(self.refresh)
        ctx.changed.connect(self._on_changed)
        ctx.workspace_replaced.connect(self.refresh)
        self.refresh(select=lane_id)

    # ------------------------------------------------------------ building

    def _notes_tab(self) -> QWidget:
        tab = QWidget()
        self.format = QComboBox()
        self.format.addItem(tr("Markdown"), "md")
        self.format.addItem(tr("Plain text (for chat)"), "text")
        self.copy_button = QPushButton(tr("Copy"))
        self.save_button = QPushButton(tr("Save As…"))
        self.copy_button.clicked.connect(self.copy_draft)
        self.save_button.clicked.connect(self.save_draft)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Format:")))
        row.addWidget(self.format)
        row.addStretch(1)
        row.addWidget(self.copy_button)
        row.addWidget(self.save_button)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))
        self.items_model = PublicTextModel(self.edit_public, self)
        self.items = list_table(self.items_model)
        self.items.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                   | QAbstractItemView.SelectedClicked)
        self.items.setWordWrap(False)
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        hint = QLabel(tr("Customers read the public title and summary; double-click one to write it. "
                         "A blank public title uses the item's own (shown grey)."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.preview, 3)
        layout.addWidget(hint)
        layout.addWidget(self.items, 2)
        return tab

    def _whom_tab(self) -> QWidget:
        tab = QWidget()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.show_informed = QCheckBox(tr("Show informed too"))
        self.whom_model = WhomModel(self)
        self.table = list_table(self.whom_model, selection=QAbstractItemView.ExtendedSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        self.mark_button = QPushButton(tr("Mark Informed"))
        self.mark_button.setToolTip(tr("Record today that the selected companies and people were told; "
                                       "they leave the list. Edit > Undo brings them back."))
        self.mark_all_button = QPushButton(tr("Mark Whole Lane Informed"))
        self.csv_button = QPushButton(tr("Save CSV…"))
        self.csv_button.setToolTip(tr("A mail-merge file, UTF-8 with a BOM so Excel reads Japanese right"))
        self.mark_button.clicked.connect(self.mark_selected)
        self.mark_all_button.clicked.connect(self.mark_lane)
        self.csv_button.clicked.connect(self.save_csv)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        row = QHBoxLayout()
        row.addWidget(self.show_informed)
        row.addStretch(1)
        for button in (self.mark_button, self.mark_all_button, self.csv_button):
            row.addWidget(button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        return tab

    # ------------------------------------------------------------ showing

    def current_lane(self) -> dict | None:
        return self.lane.currentData()

    def current_edition(self) -> str:
        return self.edition.currentData()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*SHOWN):
            if self.items.state() == QAbstractItemView.EditingState:
                self._later.start(0)
            else:
                self.refresh()

    def refresh(self, *, select=None) -> None:
        try:
            lanes = ops.list_lanes(self.ctx.ws)
            keep = select if select is not None else (self.current_lane() or {}).get("id")
            refill_combo(self.lane, [(f"{lane['name']} ({lane_kind_label(lane['kind'])})",
                                      {k: lane[k] for k in ("id", "name", "kind")}) for lane in lanes],
                         select=next(({k: lane[k] for k in ("id", "name", "kind")} for lane in lanes
                                      if lane["id"] == keep), None))
            lane, edition = self.current_lane(), self.current_edition()
            if lane is None:
                self.notes, self.whom = None, []
                self.items_model.set_rows([])
            else:
                self.notes = releases.release_notes(self.ctx.ws, lane["id"], edition=edition)
                self.items_model.set_rows(releases.lane_items(self.ctx.ws, lane["id"]))
                self.whom = releases.whom_to_tell(self.ctx.ws, lane["id"], edition=edition,
                                                  include_informed=self.show_informed.isChecked())
        except PlannerError as exc:
            show_error(self, exc)
            return
        if self.whom_model.COLUMNS != (WhomModel.INTERNAL if edition == "internal" else WhomModel.BUSINESS):
            self.whom_model.set_edition(edition)
        self.whom_model.set_rows(self.whom)
        # The Informed column says something only when informed rows are shown.
        for column, (key, _) in enumerate(self.whom_model.COLUMNS):
            self.table.setColumnHidden(column, key == "informed_at" and not self.show_informed.isChecked())
        self._fit_columns()
        self._show_draft()
        self._say_summary()
        self._update_buttons()

    def _fit_columns(self) -> None:
        for table, cap in ((self.items, 320), (self.table, 220)):
            table.resizeColumnsToContents()
            for column in range(table.model().columnCount()):
                table.setColumnWidth(column, min(table.columnWidth(column), cap))

    def draft(self) -> str:
        if self.notes is None:
            return ""
        return releases.format_notes(self.notes, self.format.currentData(), words=draft_words())

    def _show_draft(self) -> None:
        self.preview.setPlainText(self.draft() if self.notes is not None else tr("Add a lane first: Roadmap > Edit Lanes…"))

    def _say_summary(self) -> None:
        lane = self.current_lane()
        if lane is None:
            self.summary.setText(tr("No lanes yet."))
        elif not self.notes or not self.notes["count"]:
            self.summary.setText(tr("“{lane}” has no items yet: nobody to tell.").format(lane=lane["name"]))
        elif not self.whom:
            self.summary.setText(tr("Everyone who asked for the items of “{lane}” has been told.").format(lane=lane["name"]))
        else:
            waiting = sum(row["requests"] - row["informed"] for row in self.whom)
            self.summary.setText(tr("{n} request(s) for the items of “{lane}” wait to hear back.").format(
                n=waiting, lane=lane["name"]))

    def _update_buttons(self) -> None:
        has_items = bool(self.notes and self.notes["count"])
        waiting = [row for row in selected_rows(self.table) if row["informed"] < row["requests"]]
        self.mark_button.setEnabled(bool(waiting))
        self.mark_all_button.setEnabled(has_items and any(row["informed"] < row["requests"] for row in self.whom))
        self.csv_button.setEnabled(has_items)
        self.copy_button.setEnabled(has_items)
        self.save_button.setEnabled(has_items)

    # ------------------------------------------------------------ actions

    def edit_public(self, item: dict, key: str, text: str) -> bool:
        return actions.set_public(self.ctx, self, item["id"], key, text or None) is not None

    def mark_selected(self):
        pairs = [(r, row["item_id"]) for row in selected_rows(self.table) for r in row["request_ids"]]
        if pairs:
            return actions.mark_informed(self.ctx, self, self.current_lane(), pairs=pairs)
        return None

    def mark_lane(self):
        lane = self.current_lane()
        return actions.mark_informed(self.ctx, self, lane) if lane else None

    def copy_draft(self) -> None:
        QGuiApplication.clipboard().setText(self.draft())
        self.ctx.said.emit(tr("Copied the release notes of {lane}").format(lane=self.current_lane()["name"]))

    def _save(self, title: str, stem: str, file_filter: str, suffix: str, text: str, *, bom: bool) -> str | None:
        folder = self.ctx.ws.path.parent if getattr(self.ctx.ws, "path", None) else ""
        path = ask_save_path(self, title, str(folder / f"{stem}{suffix}") if folder else stem + suffix,
                             file_filter=file_filter, suffix=suffix)
        if path is None:
            return None
        try:
            releases.save_text(path, text, bom=bom, workspace=self.ctx.ws.path)
        except PlannerError as exc:
            show_error(self, exc)
            return None
        self.ctx.said.emit(tr("Saved {path}").format(path=path))
        return path

    def save_draft(self) -> str | None:
        md = self.format.currentData() == "md"
        name = self.current_lane()["name"]
        return self._save(tr("Save Release Notes"), tr("{lane} release notes").format(lane=name),
                          tr("Markdown (*.md)") if md else tr("Text files (*.txt)"), ".md" if md else ".txt",
                          self.draft(), bom=False)

    def save_csv(self) -> str | None:
        name = self.current_lane()["name"]
        return self._save(tr("Save Whom to Tell"), tr("{lane} whom to tell").format(lane=name),
                          tr("CSV files (*.csv)"), ".csv", releases.whom_csv(self.whom, self.current_edition()),
                          bom=True)
