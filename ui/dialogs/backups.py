"""File > Restore from Backup: the workspace's backups, newest first, and restoring one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QMessageBox,
    QPushButton, QVBoxLayout,
)

from planner.errors import PlannerError
from planner.ops import Changes
from planner.storage import backups, restore
from ui.context import show_error
from ui.i18n import tr
from ui.widgets.files import open_folder
from ui.widgets.table_model import RowsTableModel, list_table, selected_row

# The reasons' labels (planner.storage.backups.REASONS), marked here so lupdate finds them.
REASON_LABELS = {
    "daily": QT_TRANSLATE_NOOP("", "Daily"),
    "before-import": QT_TRANSLATE_NOOP("", "Before an import"),
    "before-undo-import": QT_TRANSLATE_NOOP("", "Before undoing an import"),
    "before-upgrade": QT_TRANSLATE_NOOP("", "Before an upgrade"),
    "before-restore": QT_TRANSLATE_NOOP("", "Before a restore"),
    "manual": QT_TRANSLATE_NOOP("", "Made by hand"),
    backups.OTHER: QT_TRANSLATE_NOOP("", "Other copy"),
}


def local_time(when) -> str:
    """A backup's time in the user's own short date and time format."""
    return when.strftime("%Y-%m-%d %H:%M")  # as the command line shows it; a bare system locale garbles short formats


def reason_text(row: dict) -> str:
    return tr(REASON_LABELS[row["reason"]]) if row["reason"] in REASON_LABELS else row["label"]


class BackupsModel(RowsTableModel):
    COLUMNS = (
        ("when", QT_TRANSLATE_NOOP("", "Date")),
        ("reason", QT_TRANSLATE_NOOP("", "Reason")),
        ("items", QT_TRANSLATE_NOOP("", "Items")),
        ("requests", QT_TRANSLATE_NOOP("", "Requests")),
        ("size", QT_TRANSLATE_NOOP("", "Size")),
    )
    NUMBERS = {"items", "requests", "size"}

    def row_data(self, row, key, role):
        if role == Qt.DisplayRole:
            if key == "when":
                return local_time(row["when"])
            if key == "reason":
                return reason_text(row)
            if key == "size":
                return QLocale().formattedDataSize(int(row["size"]))
            if row["error"]:
                return tr("unreadable") if key == "items" else ""
            return f"{int(row[key]):,}"
        if role == Qt.TextAlignmentRole and key in self.NUMBERS:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole:
            return str(row["file"]) + (f"\n{row['error']}" if row["error"] else "")
        if role == Qt.ForegroundRole and row["error"]:
            from PySide6.QtGui import QColor

            return QColor("gray")
        return None


class BackupsDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Restore from Backup"))
        self.resize(760, 400)
        self.model = BackupsModel(self)
        self.table = list_table(self.model, stretch=1)
        intro = QLabel(tr("Roadmap Planner keeps a copy of the workspace once a day, before imports and before "
                          "upgrades; it keeps the newest {n}, and the first of each of the last {n} days. Restoring one replaces what the workspace holds now, "
                          "which is kept as a backup first.").format(n=backups.BACKUPS_KEPT))
        intro.setWordWrap(True)
        self.empty = QLabel(tr("There are no backups of this workspace yet."))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.restore_button = QPushButton(tr("Restore…"))
        self.restore_button.setToolTip(tr("Replace the workspace with the selected backup"))
        self.folder_button = QPushButton(tr("Open Folder"))
        self.folder_button.setToolTip(tr("Show the backups in the file manager"))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addWidget(self.folder_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.result)
        layout.addLayout(row)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self.open_folder)
        self.table.doubleClicked.connect(lambda *_: self.restore_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        ctx.workspace_replaced.connect(self.refresh)  # File > Open while the list is shown
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(backups.list_backups(self.ctx.ws.path))
        self.empty.setVisible(not self.model.rows)
        if self.model.rows:
            self.table.selectRow(0)
        self._update_buttons()

    def selected_backup(self) -> dict | None:
        return selected_row(self.table)

    def select_file(self, file) -> None:
        for n, r in enumerate(self.model.rows):
            if Path(r["file"]) == Path(file):
                self.table.selectRow(n)

    def _update_buttons(self) -> None:
        chosen = self.selected_backup()
        self.restore_button.setEnabled(bool(chosen) and not chosen["error"])

    def folder(self) -> Path:
        """The backups folder, or the workspace's folder while there is none."""
        folder = backups.backups_folder(self.ctx.ws.path)
        return folder if folder.is_dir() else Path(self.ctx.ws.path).parent

    def open_folder(self) -> None:
        open_folder(self.folder())

    def restore_selected(self) -> dict | None:
        chosen = self.selected_backup()
        if chosen is None or chosen["error"]:
            return None
        answer = QMessageBox.question(
            self, tr("Restore from Backup"),
            tr("Replace the workspace with the copy from {when} ({reason}: {items} items, {requests} requests)? "
               "The current state is kept as a backup first.").format(
                when=local_time(chosen["when"]), reason=reason_text(chosen),
                items=f"{chosen['items']:,}", requests=f"{chosen['requests']:,}"),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No,
        )
        if answer != QMessageBox.Yes:
            return None
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            # The open workspace itself, not its path: its connection receives the copy.
            done = restore.restore_backup(self.ctx.ws, chosen["file"])
        except PlannerError as exc:
            QApplication.restoreOverrideCursor()
            show_error(self, exc)
            return None
        QApplication.restoreOverrideCursor()
        self.ctx.undo_stack.clear()  # undo steps describe the state that was replaced
        self.ctx.broadcast(Changes.all())  # the whole workspace is another one now
        self.refresh()
        self.result.setText(tr("Restored the copy from {when}. The previous state was kept as {name}.").format(
            when=local_time(chosen["when"]), name=Path(done["kept_current_as"]).name))
        return done
