"""Export: the roadmap workbook (.xlsx) or the priorities CSV, written in the background.

The export runs on a pool thread with its own connection and can be
cancelled; the exporter writes beside the target and moves the file into
place, so a cancelled or failed export leaves the previous file as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QMessageBox, QProgressBar, QPushButton, QVBoxLayout,
)

from planner.errors import ExportFailed
from ui.context import show_error
from ui.i18n import tr, ui_language
from ui.widgets.files import ask_save_path, open_folder

# Shown through tr(); marked here so lupdate finds them.
EDITION_LABELS = {
    "internal": QT_TRANSLATE_NOOP("", "Internal — every figure, with effort, confidence and notes"),
    "business": QT_TRANSLATE_NOOP("", "Business — for stakeholders, without internal estimates"),
}
LANE_LABELS = {
    "quarters": QT_TRANSLATE_NOOP("", "Quarters"),
    "releases": QT_TRANSLATE_NOOP("", "Releases"),
    "now-next-later": QT_TRANSLATE_NOOP("", "Now / Next / Later"),
}
# The workbook's language: its sheet names, headers and fixed words (the core's own words, planner/exporting/words_ja.py).
LANGUAGE_LABELS = {
    "en": QT_TRANSLATE_NOOP("", "English"),
    "ja": QT_TRANSLATE_NOOP("", "Japanese"),
}
FORMATS = (
    ("xlsx", QT_TRANSLATE_NOOP("", "Roadmap workbook (.xlsx)")),
    ("csv", QT_TRANSLATE_NOOP("", "Priorities list (.csv)")),
)


class ExportDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        from planner.exporting import EDITIONS, LANE_MODES

        self.ctx = ctx
        self.task = None
        self.result = None
        self.setWindowTitle(tr("Export"))
        self.format = QComboBox()
        for key, label in FORMATS:
            self.format.addItem(tr(label), key)
        self.edition = QComboBox()
        for edition in EDITIONS:
            self.edition.addItem(tr(EDITION_LABELS.get(edition, edition)), edition)
        self.lanes = QComboBox()
        for mode in LANE_MODES:
            self.lanes.addItem(tr(LANE_LABELS.get(mode, mode)), mode)
        from planner.exporting import LANGUAGES

        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(tr(LANGUAGE_LABELS.get(code, code)), code)
        # The reader most likely reads the language the window speaks.
        self.language.setCurrentIndex(max(0, self.language.findData(ui_language())))
        self.language.setToolTip(tr("The language of the workbook's sheet names, headers and fixed words."))
        self.include_companies = QCheckBox(tr("Name the companies asking (the internal edition always does)"))
        self.include_companies.setChecked(True)
        self.include_companies.setToolTip(tr("The business edition can leave company names out."))
        self.path = QLineEdit()
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(tr("Format"), self.format)
        form.addRow(tr("Edition"), self.edition)
        form.addRow(tr("Lanes"), self.lanes)
        form.addRow(tr("Language"), self.language)
        form.addRow("", self.include_companies)
        form.addRow(tr("File"), file_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.export_button = self.buttons.addButton(tr("Export"), QDialogButtonBox.AcceptRole)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.cancel_or_close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        self.format.currentIndexChanged.connect(self._format_changed)
        self.edition.currentIndexChanged.connect(self._update_enabled)
        self.path.textChanged.connect(self._update_enabled)
        self._format_changed()

    # ------------------------------------------------------------ form
    def _default_path(self, fmt: str) -> Path:
        folder = Path(self.ctx.ws.path).parent
        stem = f"{self.ctx.ws.name}-{'roadmap' if fmt == 'xlsx' else 'priorities'}"
        return folder / f"{stem}.{fmt}"

    def _format_changed(self) -> None:
        fmt = self.format.currentData()
        current = self.path.text().strip()
        defaults = {str(self._default_path(f)) for f, _label in FORMATS}
        if not current or current in defaults:
            self.path.setText(str(self._default_path(fmt)))  # the name says what is in it: roadmap or priorities
        else:
            self.path.setText(str(Path(current).with_suffix(f".{fmt}")))
        self._update_enabled()

    def _update_enabled(self) -> None:
        busy = self.task is not None
        self.lanes.setEnabled(not busy and self.format.currentData() == "xlsx")
        self.language.setEnabled(not busy and self.format.currentData() == "xlsx")
        self.include_companies.setEnabled(not busy and self.edition.currentData() != "internal")
        for w in (self.format, self.edition, self.path):
            w.setEnabled(not busy)
        self.export_button.setEnabled(not busy and bool(self.path.text().strip()))

    def browse(self) -> None:
        fmt = self.format.currentData()
        pattern = tr("Excel workbook (*.xlsx)") if fmt == "xlsx" else tr("CSV file (*.csv)")
        path = ask_save_path(self, tr("Export to"), self.path.text(), file_filter=pattern, suffix=f".{fmt}")
        if path is not None:
            self.path.setText(path)

    def target(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    # ------------------------------------------------------------ running
    def start(self):
        """Start the export in the background; returns the task (None when the form is not valid)."""
        if self.task is not None:
            return self.task
        path = self.target()
        if not path.parent.exists():
            show_error(self, ExportFailed(tr("The folder {folder} does not exist.").format(folder=path.parent)))
            return None
        fmt = self.format.currentData()
        edition = self.edition.currentData()
        lanes = self.lanes.currentData()
        language = self.language.currentData()
        companies = self.include_companies.isChecked() or edition == "internal"

        def work(ws, progress):
            from planner.exporting import export_priorities_csv, export_roadmap

            if fmt == "csv":
                return export_priorities_csv(ws, path, edition=edition, include_companies=companies, progress=progress)
            return export_roadmap(ws, path, edition=edition, lanes=lanes, include_companies=companies, language=language,
                                  progress=progress)

        self.progress.setRange(0, 0)  # busy until the first figure arrives
        self.progress.show()
        self.status.setText(tr("Exporting…"))
        self.task = self.ctx.run_task(work, on_done=self._done, on_error=self._failed,
                                      on_progress=self._progress, on_cancel=self._cancelled)
        self.buttons.button(QDialogButtonBox.Cancel).setText(tr("Stop"))
        self._update_enabled()
        return self.task

    def _progress(self, done: int, total: int, text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        if text:
            self.status.setText(text)

    def _finish(self) -> None:
        self.task = None
        self.progress.setRange(0, 100)
        self.buttons.button(QDialogButtonBox.Cancel).setText(tr("Close"))
        self._update_enabled()

    def _done(self, result: dict) -> None:
        self.result = result
        self._finish()
        self.progress.setValue(100)
        path = Path(result["file"])
        self.status.setText(tr("Written to {file}.").format(file=path))
        answer = QMessageBox.question(
            self, tr("Export finished"),
            tr("{name} is ready. Open the folder that holds it?").format(name=path.name),
            QMessageBox.Open | QMessageBox.Close, QMessageBox.Open,
        )
        if answer == QMessageBox.Open:
            open_folder(path.parent)

    def _failed(self, exc, details: str) -> None:
        self._finish()
        self.progress.hide()
        self.status.setText(tr("The export failed; any previous file is unchanged."))
        show_error(self, exc, details)

    def _cancelled(self) -> None:
        self._finish()
        self.progress.hide()
        self.status.setText(tr("Stopped; any previous file is unchanged."))

    def cancel_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
        else:
            self.reject()

    def closeEvent(self, event) -> None:
        if self.task is not None:
            self.task.cancel()
        super().closeEvent(event)
