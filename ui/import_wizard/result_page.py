"""The result page: what the import did, and the rows it could not read."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWizardPage

from planner.errors import PlannerError
from planner.import_report import write_errors_csv
from ui.context import show_error
from ui.i18n import tr
from ui.import_wizard.cells import CellsModel
from ui.import_wizard.labels import ENCODING_LABELS, preset_label
from ui.widgets.files import ask_save_path
from ui.widgets.table_model import list_table

ERROR_COLUMNS = (
    ("row", QT_TRANSLATE_NOOP("", "Row")),
    ("column", QT_TRANSLATE_NOOP("", "Column")),
    ("message", QT_TRANSLATE_NOOP("", "Problem")),
)


class ResultPage(QWizardPage):
    """Shows `session.report`; the rows that failed can be saved as a CSV file."""

    def __init__(self, session):
        super().__init__()
        self.session = session
        self.setTitle(tr("Import finished"))
        self.setSubTitle(tr("Importing the same file again adds nothing; changed rows update their requests."))
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.RichText)
        self.counts.setWordWrap(True)
        self.errors_label = QLabel()
        self.errors_model = CellsModel(ERROR_COLUMNS, self)
        self.errors_view = list_table(self.errors_model, stretch=2)
        self.errors_view.setWordWrap(False)
        self.save_button = QPushButton(tr("Save errors as CSV…"))
        row = QHBoxLayout()
        row.addWidget(self.errors_label, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addLayout(row)
        layout.addWidget(self.errors_view, 1)
        self.save_button.clicked.connect(self.save_errors)

    def initializePage(self) -> None:
        r = self.session.report or {}
        errors = r.get("errors") or []
        failed = r.get("failed", 0)
        if errors and len(errors) == failed:
            # Counted by row: one row can have several unreadable cells.
            failed = len({e.get("row") for e in errors})
        lines = [
            (tr("New requests"), r.get("new", 0)), (tr("Updated"), r.get("updated", 0)),
            (tr("Unchanged (already imported)"), r.get("unchanged", 0)), (tr("Duplicate rows in the file"), r.get("duplicates", 0)),
            (tr("Failed rows"), failed), (tr("New companies"), r.get("companies_new", 0)),
        ]
        table = "".join(
            f"<tr><td>{escape(label)}</td><td align='right' style='padding-left:16px'><b>{value:,}</b></td></tr>"
            for label, value in lines
        )
        head = tr("{rows} rows read from {file} · {enc} · {preset}").format(
            rows=f"{r.get('rows_read', 0):,}", file=Path(r.get("file") or self.session.path or "").name,
            enc=ENCODING_LABELS.get(r.get("encoding"), r.get("encoding", "?")), preset=preset_label(r.get("preset")))
        undo = tr("Wrong file? Undo the whole import from File ▸ Import Batches.") if r.get("batch_id") else ""
        self.counts.setText(f"{escape(head)}<table style='margin:8px 0'>{table}</table>{escape(undo)}")
        self.errors_model.set_rows(errors)
        if errors:
            shown = (tr("1 row could not be read and was left out:") if failed == 1
                     else tr("{n} rows could not be read; they were left out:").format(n=f"{failed:,}"))
        else:
            shown = tr("Every row was read.")
        self.errors_label.setText(shown)
        self.errors_view.setVisible(bool(errors))
        self.save_button.setVisible(bool(errors))

    def save_errors(self) -> None:
        path = Path(self.session.path)
        path = ask_save_path(self, tr("Save errors as CSV"), str(path.with_name(path.stem + "-errors.csv")),
                             file_filter=tr("CSV files (*.csv)"), suffix=".csv")
        if path is None:
            return
        try:
            write_errors_csv(self.session.report.get("errors") or [], path)
        except PlannerError as exc:
            show_error(self, exc)
