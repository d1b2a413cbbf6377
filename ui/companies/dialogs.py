"""The Companies view's dialogs: which company to keep when merging, and the segments (rename or merge one)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton,
    QRadioButton, QVBoxLayout,
)

from planner import ops
from planner.ops import Changes, Entity
from ui.i18n import tr
from ui.operations import companies as actions
from ui.widgets.table_model import RowsTableModel, list_table, selected_row


class MergeCompaniesDialog(QDialog):
    """Pick the company to keep among those selected; says how many requests move to it."""

    def __init__(self, companies: list[dict], parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Merge Companies"))
        self.companies = list(companies)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Keep which company? The others' requests move to it and the others are deleted. "
                          "Fields the kept company has empty are filled from the others."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.buttons: dict[int, QRadioButton] = {}
        for company in self.companies:
            parts = [company.get("segment"), company.get("plan"),
                     tr("{n} requests").format(n=f"{company.get('requests') or 0:,}")]
            button = QRadioButton(f"{company['name']}  ({', '.join(p for p in parts if p)})")
            self.group.addButton(button)
            self.buttons[company["id"]] = button
            layout.addWidget(button)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.box.button(QDialogButtonBox.Ok).setText(tr("Merge"))
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)
        layout.addWidget(self.box)
        self.group.buttonToggled.connect(lambda *_: self._summarise())
        # The one most requests name is the likeliest to be the right record.
        default = max(self.companies, key=lambda c: (c.get("requests") or 0, -self.companies.index(c)))
        self.choose(default["id"])

    def choose(self, company_id: int) -> None:
        self.buttons[company_id].setChecked(True)
        self._summarise()

    def keep(self) -> dict:
        for company in self.companies:
            if self.buttons[company["id"]].isChecked():
                return company
        return self.companies[0]

    def others(self) -> list[dict]:
        keep = self.keep()
        return [c for c in self.companies if c["id"] != keep["id"]]

    def requests_moving(self) -> int:
        return sum(c.get("requests") or 0 for c in self.others())

    def _summarise(self) -> None:
        self.summary.setText(tr("“{company}” is kept. Requests moving to it: {n}. Deleted: {names}.").format(
            company=self.keep()["name"], n=f"{self.requests_moving():,}",
            names=", ".join(f"“{c['name']}”" for c in self.others())))


class SegmentsModel(RowsTableModel):
    COLUMNS = (("segment", QT_TRANSLATE_NOOP("", "Segment")), ("companies", QT_TRANSLATE_NOOP("", "Companies")))

    def row_data(self, row, key, role):
        if role == Qt.DisplayRole:
            return f"{row[key]:,}" if key == "companies" else row[key]
        if role == Qt.TextAlignmentRole and key == "companies":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def row_of(self, segment: str) -> int:
        for n, row in enumerate(self.rows):
            if row["segment"] == segment:
                return n
        return -1


class SegmentsDialog(QDialog):
    """The segments with their company counts; rename the selected one, or merge it into another."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Segments"))
        self.resize(460, 420)
        self.model = SegmentsModel(self)
        self.table = list_table(self.model, stretch=0)
        self.target = QComboBox()
        self.target.setEditable(True)
        self.target.setInsertPolicy(QComboBox.NoInsert)
        self.target.lineEdit().setPlaceholderText(tr("New name, or a segment to merge into"))
        self.apply_button = QPushButton(tr("Rename"))
        self.apply_button.setDefault(True)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        hint = QLabel(tr("Choose an existing segment to merge the two (大企業 → Enterprise, say): "
                         "every company of the selected segment moves to it. Edit ▸ Undo takes it back."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(dark);")
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Rename to:")))
        row.addWidget(self.target, 1)
        row.addWidget(self.apply_button)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.preview)
        layout.addWidget(hint)
        layout.addWidget(close)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.target.currentTextChanged.connect(lambda *_: self._describe())
        self.apply_button.clicked.connect(self.apply)
        ctx.changed.connect(self._on_changed)
        self.refresh()

    # ------------------------------------------------------------ data
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Entity.COMPANIES):
            self.refresh()

    def refresh(self, select: str | None = None) -> None:
        current = select or self.selected_segment()
        self.model.set_rows(ops.list_segments(self.ctx.ws))
        at = self.model.row_of(current) if current else -1
        self.table.selectRow(at if at >= 0 else 0)
        self._selected()

    def segments(self) -> list[str]:
        return [r["segment"] for r in self.model.rows]

    def selected_segment(self) -> str | None:
        row = selected_row(self.table)
        return row["segment"] if row else None

    def _selected(self) -> None:
        chosen = self.selected_segment()
        typed = self.target.currentText()
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItems([s for s in self.segments() if s != chosen])
        self.target.setEditText(typed if typed != chosen else "")
        self.target.blockSignals(False)
        self._describe()

    def _count(self, segment: str) -> int:
        at = self.model.row_of(segment)
        return self.model.rows[at]["companies"] if at >= 0 else 0

    def _describe(self) -> None:
        old, new = self.selected_segment(), " ".join(self.target.currentText().split())
        merging = bool(new) and new != old and new in self.segments()
        self.apply_button.setText(tr("Merge") if merging else tr("Rename"))
        self.apply_button.setEnabled(bool(old and new and new != old))
        if not old:
            self.preview.setText(tr("No company has a segment yet."))
        elif not new or new == old:
            self.preview.setText(tr("Type a new name for “{segment}”, or pick a segment to merge it into.").format(segment=old))
        elif merging:
            self.preview.setText(tr("The {n} companies of “{old}” join the {m} of “{new}”.").format(
                n=f"{self._count(old):,}", old=old, m=f"{self._count(new):,}", new=new))
        else:
            self.preview.setText(tr("The {n} companies of “{old}” will be in “{new}”.").format(
                n=f"{self._count(old):,}", old=old, new=new))

    # ------------------------------------------------------------ action
    def apply(self) -> bool:
        """Rename the selected segment to the text typed (a merge when that segment exists); one undo step."""
        old, new = self.selected_segment(), " ".join(self.target.currentText().split())
        if not old or not new or new == old:
            return False
        done = actions.rename_segment(self.ctx, self, old, new, merging=new in self.segments())
        if done is None:
            return False
        self.target.setEditText("")
        self.refresh(select=new)
        return True
