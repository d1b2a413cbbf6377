"""The list of imports, each undoable as a whole."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QMessageBox, QPushButton,
    QVBoxLayout,
)

from planner import importing
from planner.errors import PlannerError
from planner.ops import Changes, Entity
from planner.importing.batch import undo_import_preview
from ui.context import show_error
from ui.i18n import tr
from ui.operations import imports as actions
from ui.widgets.table_model import RowsTableModel, list_table, selected_row


def _local_time(stamp) -> str:
    """Stored times are UTC; the user thinks in their own clock."""
    from datetime import datetime

    try:
        when = datetime.fromisoformat(str(stamp))
    except ValueError:
        return str(stamp)
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.strftime("%Y-%m-%d %H:%M")


class BatchesModel(RowsTableModel):
    COLUMNS = (
        ("id", QT_TRANSLATE_NOOP("", "Batch")),
        ("created_at", QT_TRANSLATE_NOOP("", "Imported")),
        ("file_name", QT_TRANSLATE_NOOP("", "File")),
        ("source", QT_TRANSLATE_NOOP("", "Source")),
        ("new", QT_TRANSLATE_NOOP("", "New")),
        ("updated", QT_TRANSLATE_NOOP("", "Updated")),
        ("unchanged", QT_TRANSLATE_NOOP("", "Unchanged")),
        ("failed", QT_TRANSLATE_NOOP("", "Failed")),
        ("requests_now", QT_TRANSLATE_NOOP("", "Requests now")),
        ("undone_at", QT_TRANSLATE_NOOP("", "Undone")),
    )
    NUMBERS = {"id", "new", "updated", "unchanged", "failed", "requests_now"}

    def row_data(self, row, key, role):
        value = row.get(key)
        if role == Qt.DisplayRole:
            if value is None:
                return ""
            if key in ("created_at", "undone_at"):
                return _local_time(value)
            if key in self.NUMBERS:
                return f"{int(value):,}"
            return str(value)
        if role == Qt.TextAlignmentRole and key in self.NUMBERS:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ForegroundRole and row.get("undone_at"):
            from PySide6.QtGui import QColor

            return QColor("gray")
        if role == Qt.ToolTipRole:
            encoding, preset = tr("Encoding"), tr("Preset")
            details = [f"{encoding}: {row.get('encoding') or '?'}", f"{preset}: {row.get('preset') or '?'}"]
            mapping = row.get("mapping")
            if isinstance(mapping, dict):
                details.append(tr("Mapping") + ": " + ", ".join(f"{k} ← {v}" for k, v in mapping.items()))
            return "\n".join(details)
        return None


class BatchesDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Import batches"))
        self.resize(920, 420)
        self.model = BatchesModel(self)
        self.table = list_table(self.model, stretch=2)
        self.empty = QLabel(tr("Nothing has been imported into this workspace yet."))
        self.undo_button = QPushButton(tr("Undo import…"))
        self.undo_button.setToolTip(tr("Remove the requests this import added, and companies nothing else uses"))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addStretch(1)
        row.addWidget(buttons)
        intro = QLabel(tr("Every import is a batch. Undoing one removes the requests it added, their links, "
                          "and the companies nothing else uses; requests it only updated keep their values."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        self.undo_button.clicked.connect(self.undo_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        ctx.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Entity.BATCHES, Entity.REQUESTS):
            self.refresh()

    def refresh(self) -> None:
        keep = self.selected_batch()
        self.model.set_rows(importing.list_batches(self.ctx.ws))
        self.empty.setVisible(not self.model.rows)
        row = next((n for n, r in enumerate(self.model.rows) if keep and r["id"] == keep["id"]), 0)
        if self.model.rows:
            self.table.selectRow(row)
        self._update_buttons()

    def selected_batch(self) -> dict | None:
        return selected_row(self.table)

    def _update_buttons(self) -> None:
        batch = self.selected_batch()
        self.undo_button.setEnabled(bool(batch) and not batch.get("undone_at"))

    def select_batch(self, batch_id: int) -> None:
        for n, r in enumerate(self.model.rows):
            if r["id"] == batch_id:
                self.table.selectRow(n)

    def undo_question(self, preview: dict) -> str:
        """What undoing would remove and, first and plainly, what of the work done since it would lose."""
        text = tr("Remove the {n} requests that “{file}” added ({links} links, {companies} companies nothing else "
                  "uses)? Requests it only updated keep their values.").format(
            n=f"{preview['requests']:,}", file=preview.get("file_name") or "?",
            links=f"{preview['links']:,}", companies=f"{preview['companies']:,}")
        lines = []
        hand, dups, updates = preview["hand_links"], preview["duplicates"], preview["updates"]
        if hand["count"]:
            lines.append(tr("{n} links made since the import would be removed, e.g. request {req} “{title}” → "
                            "“{item}”.").format(n=f"{hand['count']:,}", req=hand["examples"][0]["request_id"],
                                                title=hand["examples"][0]["request"], item=hand["examples"][0]["item"]))
        if dups["count"]:
            lines.append(tr("{n} requests marked duplicate of one of these would go back to new, e.g. request {req} "
                            "“{title}”.").format(n=f"{dups['count']:,}", req=dups["examples"][0]["request_id"],
                                                 title=dups["examples"][0]["request"]))
        if updates["count"]:
            lines.append(tr("{n} of these requests were updated by a later import, whose changes would go with them, "
                            "e.g. request {req} “{title}” (batch {batch}).").format(
                n=f"{updates['count']:,}", req=updates["examples"][0]["request_id"],
                title=updates["examples"][0]["request"], batch=updates["examples"][0]["batch_id"]))
        if lines:
            text += "\n\n" + tr("This would also lose work done since the import:") + "\n" + "\n".join(
                "• " + line for line in lines)
        return text + "\n\n" + tr("Edit > Undo puts it all back.")

    def undo_selected(self) -> None:
        batch = self.selected_batch()
        if batch is None or batch.get("undone_at"):
            return
        try:
            preview = undo_import_preview(self.ctx.ws, batch["id"])
        except PlannerError as exc:
            show_error(self, exc)
            self.refresh()
            return
        answer = QMessageBox.question(
            self, tr("Undo import"), self.undo_question(preview),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No,
        )
        if answer != QMessageBox.Yes:
            return
        self.undo_button.setEnabled(False)  # until the batch is gone (a big one takes seconds, off the GUI thread)
        actions.undo_import(self.ctx, self, batch, on_done=lambda result: self.refresh())
        self.refresh()
