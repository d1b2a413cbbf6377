"""The import wizard: pick a file, check how it will be read, import it in the background, see what happened.

The wizard adds no logic: the preview is `planner.importing.preview_import`,
run again whenever the user changes the encoding, preset, source or a
field's column; the import is `import_requests` on a pool thread with its
own connection and a cancellable progress; a cancel leaves the workspace as
it was because the importer writes in one transaction.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QProgressBar, QPushButton, QTableView, QVBoxLayout, QWizard, QWizardPage,
)

from planner import importing
from planner.errors import PlannerError, Progress
from planner.import_report import write_errors_csv
from ui.context import show_error
from ui.i18n import tr

PAGE_FILE, PAGE_PREVIEW, PAGE_IMPORT, PAGE_RESULT = range(4)

# What each canonical field means, shown next to its column combo.
FIELD_LABELS = {
    "external_id": "ID", "title": "Title", "body": "Body", "created_at": "Created", "requester": "Requester",
    "email": "E-mail", "company": "Company", "segment": "Segment", "mrr": "MRR", "arr": "ARR", "plan": "Plan",
    "votes": "Votes", "importance": "Importance", "status": "Status", "tags": "Tags", "url": "URL",
    "source": "Source",
}
ENCODING_LABELS = {
    "utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "utf-16": "UTF-16", "cp932": "Japanese (Windows, CP932)",
    "euc-jp": "Japanese (EUC-JP)", "cp1252": "Western (Windows-1252)", "latin-1": "Latin-1",
}
DELIMITER_LABELS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
CSV_FILTER = "CSV files (*.csv *.tsv *.txt);;All files (*)"
# Files from this size are previewed on a pool thread (checking a 150 MB file takes about a second).
BACKGROUND_PREVIEW_BYTES = 8 << 20


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"
    text = " ".join(str(value).split())
    return text if len(text) <= 120 else text[:119] + "…"


class DictTableModel(QAbstractTableModel):
    """Read-only rows of dicts with given (key, header) columns: the preview and the error list."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.columns: list[tuple[str, str]] = []
        self.rows: list[dict] = []
        self.tooltips: dict[str, str] = {}

    def set_data(self, columns, rows, tooltips=None) -> None:
        self.beginResetModel()
        self.columns = list(columns)
        self.rows = list(rows)
        self.tooltips = dict(tooltips or {})
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows) or index.column() >= len(self.columns):
            return None
        value = self.rows[index.row()].get(self.columns[index.column()][0])
        if role == Qt.DisplayRole:
            return _cell(value)
        if role == Qt.ToolTipRole and value not in (None, ""):
            return str(value)[:1000]
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation != Qt.Horizontal or not (0 <= section < len(self.columns)):
            return None
        key, label = self.columns[section]
        if role == Qt.DisplayRole:
            return label
        if role == Qt.ToolTipRole:
            return self.tooltips.get(key)
        return None


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


# ---------------------------------------------------------------------- pages

class FilePage(QWizardPage):
    """Choose the file: a button, a typed path, or a file dropped on the page."""

    def __init__(self, wizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(tr("Import requests"))
        self.setSubTitle(tr("Choose a CSV export from your support, sales or feedback tool, or drop it here."))
        self.setAcceptDrops(True)
        self.drop_zone = QLabel(tr("Drop a CSV file here"))
        self.drop_zone.setAlignment(Qt.AlignCenter)
        self.drop_zone.setMinimumHeight(160)
        self.drop_zone.setFrameShape(QFrame.StyledPanel)
        self.drop_zone.setStyleSheet("QLabel { border: 2px dashed palette(mid); border-radius: 8px; font-size: 15px; }")
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(tr("Path of a CSV file"))
        self.browse = QPushButton(tr("Choose file…"))
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        self.hint = QLabel(tr("Jira, Zendesk, Intercom, Canny, productboard, UserVoice, GitHub, Google Forms, "
                              "Salesforce and Fider exports are recognised; any other CSV works by its column names. "
                              "Importing the same file again adds nothing."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(dark);")
        layout = QVBoxLayout(self)
        layout.addWidget(self.drop_zone, 1)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self.browse.clicked.connect(self.choose)
        self.path_edit.textChanged.connect(lambda _t: self.completeChanged.emit())

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Import requests"), self.path_edit.text(), tr(CSV_FILTER))
        if path:
            self.path_edit.setText(path)

    def isComplete(self) -> bool:
        text = self.path_edit.text().strip()
        return bool(text) and Path(text).is_file()

    def validatePage(self) -> bool:
        self.wiz.set_path(self.path_edit.text().strip())
        return True

    def dragEnterEvent(self, event):
        if _local_file(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event):
        path = _local_file(event.mimeData())
        if path:
            event.acceptProposedAction()
            self.path_edit.setText(path)
            self.wiz.next()


def _local_file(mime) -> str | None:
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and Path(url.toLocalFile()).is_file():
            return url.toLocalFile()
    return None


class PreviewPage(QWizardPage):
    """How the file will be read: encoding, delimiter, preset, source, mapping, first rows, problems."""

    def __init__(self, wizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(tr("Check how the file will be read"))
        self.setSubTitle(tr("Change the encoding, the preset or any field's column; the rows below follow at once."))
        self.preview: dict | None = None
        self.overrides: dict[str, str] = {}  # field -> column ('' = not imported) the user chose
        self._filling = False
        self._seq = 0  # the latest preview asked for; older answers are dropped
        self.busy = False

        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.encoding = QComboBox()
        self.encoding.addItem(tr("Detect"), None)
        for enc in importing.ENCODINGS:
            self.encoding.addItem(tr(ENCODING_LABELS.get(enc, enc)), enc)
        self.delimiter_label = QLabel()
        self.delimiter_label.setToolTip(tr("Found by reading the file: comma, semicolon, tab or vertical bar."))
        self.preset = QComboBox()
        self.preset.addItem(tr("Detect"), None)
        for name, preset in importing.PRESETS.items():
            self.preset.addItem(preset.label, name)
        self.source = QLineEdit()
        self.source.setPlaceholderText(tr("e.g. zendesk"))
        self.source.setToolTip(tr("Requests are the same request when their source and ID match; "
                                  "a corrected mapping is remembered for this source."))
        top = QHBoxLayout()
        form_left = QFormLayout()
        form_left.addRow(tr("File:"), self.file_label)
        form_left.addRow(tr("Encoding:"), self.encoding)
        form_left.addRow(tr("Delimiter:"), self.delimiter_label)
        form_right = QFormLayout()
        form_right.addRow(tr("Preset:"), self.preset)
        form_right.addRow(tr("Source:"), self.source)
        top.addLayout(form_left, 1)
        top.addLayout(form_right, 1)

        self.mapping_box = QGroupBox(tr("Columns for each field"))
        grid = QGridLayout(self.mapping_box)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        self.field_combos: dict[str, QComboBox] = {}
        per_row = 3
        for n, field in enumerate(importing.CANONICAL_FIELDS):
            label = QLabel(tr(FIELD_LABELS.get(field, field)) + (" *" if field == "title" else ""))
            combo = QComboBox()
            combo.setMinimumContentsLength(14)
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setObjectName(f"map_{field}")
            label.setBuddy(combo)
            r, c = divmod(n, per_row)
            grid.addWidget(label, r, 2 * c)
            grid.addWidget(combo, r, 2 * c + 1)
            grid.setColumnStretch(2 * c + 1, 1)
            self.field_combos[field] = combo
            combo.currentIndexChanged.connect(lambda _i, f=field: self._mapping_changed(f))

        self.rows_model = DictTableModel(self)
        self.rows_view = _table(self.rows_model)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.RichText)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.mapping_box)
        layout.addWidget(QLabel(tr("First rows, as they will be imported:")))
        layout.addWidget(self.rows_view, 1)
        layout.addWidget(self.message)

        self.encoding.currentIndexChanged.connect(lambda _i: self._settings_changed())
        self.preset.currentIndexChanged.connect(lambda _i: self._preset_changed())
        self.source.editingFinished.connect(self._settings_changed)

    def initializePage(self) -> None:
        self.overrides = {}
        self._filling = True
        self.encoding.setCurrentIndex(0)
        self.preset.setCurrentIndex(0)
        self.source.clear()
        self._filling = False
        self.refresh_preview()

    # -- the user changed something: read the file again with it
    def _settings_changed(self) -> None:
        if not self._filling:
            self.refresh_preview()

    def _preset_changed(self) -> None:
        if self._filling:
            return
        # Another preset brings its own mapping; the user's column picks were for the old one.
        self.overrides = {}
        self.refresh_preview()

    def _mapping_changed(self, field: str) -> None:
        if self._filling:
            return
        self.overrides[field] = self.field_combos[field].currentData() or ""
        self.refresh_preview()

    def options(self) -> dict:
        """The keyword arguments for `preview_import` / `import_requests` as the page shows them."""
        return dict(
            encoding=self.encoding.currentData(),
            preset=self.preset.currentData(),
            source=self.source.text().strip() or None,
            mapping=dict(self.overrides) or None,
        )

    def refresh_preview(self) -> None:
        """Read the file again with the page's settings: at once for a small file, in the background for a big one."""
        path = self.wiz.path
        self.file_label.setText(Path(path).name if path else "")
        self.file_label.setToolTip(str(path or ""))
        self._seq += 1
        seq, options = self._seq, self.options()
        try:
            big = Path(path).stat().st_size >= BACKGROUND_PREVIEW_BYTES
        except OSError:
            big = False
        if not big:
            try:
                result = importing.preview_import(path, rows=20, ws=self.wiz.ctx.ws, **options)
            except PlannerError as exc:
                self._preview_failed(seq, exc)
            else:
                self._show_preview(seq, result)
            return
        # A big file takes a moment to check; the window stays responsive and a stale answer is dropped.
        self.busy = True
        self.preview = None
        self.message.setText(tr("Reading {file}…").format(file=_html(Path(path).name)))
        self.completeChanged.emit()
        self.wiz.ctx.run_task(
            lambda ws, progress: importing.preview_import(path, rows=20, ws=ws, **options),
            on_done=lambda result: self._show_preview(seq, result),
            on_error=lambda exc, details: self._preview_failed(seq, exc, details),
        )

    def _preview_failed(self, seq: int, exc, details: str | None = None) -> None:
        if seq != self._seq:
            return
        self.busy = False
        if not isinstance(exc, PlannerError):
            show_error(self, exc, details)
            exc = PlannerError(tr("The file could not be read."))
        if self.overrides:
            # A column picked under another encoding may not exist any more: start the mapping afresh.
            self.overrides = {}
            self.refresh_preview()
            return
        self.preview = None
        self.rows_model.set_data([], [])
        self.message.setText(f"<span style='color:#b00020'>{_html(exc.message)}</span>"
                             + (f"<br>{_html(exc.hint)}" if exc.hint else ""))
        self._fill_combos([], {})
        self.completeChanged.emit()

    def _show_preview(self, seq: int, result: dict) -> None:
        if seq != self._seq:
            return
        self.busy = False
        self.preview = result
        p = self.preview
        self._filling = True
        self.encoding.setToolTip(tr("Detected: {enc}").format(enc=p["encoding"]))
        if self.encoding.currentData() is None:
            self.encoding.setItemText(0, tr("Detect ({enc})").format(enc=ENCODING_LABELS.get(p["encoding"], p["encoding"])))
        if self.preset.currentData() is None:
            label = importing.PRESETS[p["preset"]].label if p["preset"] in importing.PRESETS else p["preset"]
            self.preset.setItemText(0, tr("Detect ({preset})").format(preset=label))
        if not self.source.text().strip():
            self.source.setPlaceholderText(p["source"])
        self._filling = False
        self.delimiter_label.setText(tr(DELIMITER_LABELS.get(p["delimiter"], repr(p["delimiter"]))) + f"  ( {p['delimiter']!s} )"
                                     if p["delimiter"] != "\t" else tr("tab"))
        self._fill_combos(p["columns"], p["mapping"])
        fields = [f for f in importing.CANONICAL_FIELDS if f in p["mapping"] or f == "title"]
        self.rows_model.set_data(
            [(f, tr(FIELD_LABELS.get(f, f))) for f in fields], p["rows"],
            {f: tr("From column “{col}”").format(col=p["mapping"][f]) if f in p["mapping"]
             else tr("From the first line of the body") for f in fields},
        )
        self.rows_view.resizeColumnsToContents()
        for col in range(self.rows_model.columnCount()):
            if self.rows_view.columnWidth(col) > 260:
                self.rows_view.setColumnWidth(col, 260)
        self.message.setText(self._summary(p))
        self.completeChanged.emit()

    def _fill_combos(self, columns: list[str], mapping: dict) -> None:
        self._filling = True
        named = [c for c in dict.fromkeys(columns) if c.strip()]
        for field, combo in self.field_combos.items():
            combo.clear()
            combo.addItem(tr("(not imported)"), "")
            for column in named:
                combo.addItem(column, column)
            at = combo.findData(mapping.get(field, ""))
            combo.setCurrentIndex(max(at, 0))
            # Fields the user set stand out from the detected ones.
            combo.setStyleSheet("font-weight: bold;" if field in self.overrides else "")
        self._filling = False

    def _summary(self, p: dict) -> str:
        parts = [tr("About {n} rows.").format(n=f"{p['rows_read']:,}")]
        if "title" not in p["mapping"]:
            parts.append(tr("No title column: titles are the first line of the body."))
        for warning in p.get("warnings") or ():
            parts.append(f"<span style='color:#8a5a00'>⚠ {_html(warning)}</span>")
        errors = p.get("errors") or []
        if errors:
            shown = "; ".join(
                tr("row {row}, {column}: {message}").format(row=e["row"], column=e.get("column") or "—",
                                                            message=_html(e["message"]))
                for e in errors[:3]
            )
            more = tr(" (and {n} more)").format(n=len(errors) - 3) if len(errors) > 3 else ""
            failing = tr("Rows that will fail:")
            parts.append(f"<span style='color:#b00020'>{failing} {shown}{more}</span>")
        return "<br>".join(parts)

    def isComplete(self) -> bool:
        return self.preview is not None

    def validatePage(self) -> bool:
        self.wiz.options = self.options()
        return True


class ImportPage(QWizardPage):
    """The import runs in the background; the page shows progress and can cancel it."""

    def __init__(self, wizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(tr("Importing"))
        self.setSubTitle(tr("All or nothing: a cancel or a failure leaves the workspace as it was."))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.cancel_button = QPushButton(tr("Cancel import"))
        self.cancel_button.setToolTip(tr("Stop now; nothing from this file will be kept."))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addStretch(2)
        self.cancel_button.clicked.connect(self.cancel)
        self.task = None
        self.done = False

    def initializePage(self) -> None:
        self.done = False
        self.bar.show()
        self.cancel_button.show()
        self.bar.setRange(0, 0)
        self.bar.setValue(0)
        self.cancel_button.setEnabled(True)
        self.status.setText(tr("Reading {file}…").format(file=Path(self.wiz.path).name))
        self.wiz.start_import()

    def on_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(done)
        if text:
            self.status.setText(text)

    def cancel(self) -> None:
        if self.wiz.cancel_import():
            self.cancel_button.setEnabled(False)
            self.status.setText(tr("Cancelling…"))

    def finish(self, message: str | None = None) -> None:
        self.done = True
        self.cancel_button.setEnabled(False)
        self.bar.setRange(0, 1000)
        self.bar.setValue(1000)
        if message:
            # Nothing was kept: a bar at any length would say otherwise.
            self.bar.hide()
            self.cancel_button.hide()
            self.status.setText(message)
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        # Back to the preview after a cancel or failure: ready for another try.
        self.bar.show()
        self.cancel_button.show()
        self.wiz.setOption(QWizard.NoCancelButton, False)

    def isComplete(self) -> bool:
        return self.done


class ResultPage(QWizardPage):
    """What the import did, and the rows it could not read."""

    def __init__(self, wizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(tr("Import finished"))
        self.setSubTitle(tr("Importing the same file again adds nothing; changed rows update their requests."))
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.RichText)
        self.counts.setWordWrap(True)
        self.errors_label = QLabel()
        self.errors_model = DictTableModel(self)
        self.errors_view = _table(self.errors_model)
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
        r = self.wiz.report or {}
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
            f"<tr><td>{_html(label)}</td><td align='right' style='padding-left:16px'><b>{value:,}</b></td></tr>"
            for label, value in lines
        )
        head = tr("{rows} rows read from {file} · {enc} · {preset}").format(
            rows=f"{r.get('rows_read', 0):,}", file=Path(r.get("file") or self.wiz.path or "").name,
            enc=ENCODING_LABELS.get(r.get("encoding"), r.get("encoding", "?")),
            preset=importing.PRESETS[r["preset"]].label if r.get("preset") in importing.PRESETS else r.get("preset", "?"))
        undo = tr("Wrong file? Undo the whole import from File ▸ Import Batches.") if r.get("batch_id") else ""
        self.counts.setText(f"{_html(head)}<table style='margin:8px 0'>{table}</table>{_html(undo)}")
        self.errors_model.set_data([("row", tr("Row")), ("column", tr("Column")), ("message", tr("Problem"))], errors)
        self.errors_view.resizeColumnToContents(0)
        self.errors_view.resizeColumnToContents(1)
        if errors:
            shown = (tr("1 row could not be read and was left out:") if failed == 1
                     else tr("{n} rows could not be read; they were left out:").format(n=f"{failed:,}"))
        else:
            shown = tr("Every row was read.")
        self.errors_label.setText(shown)
        self.errors_view.setVisible(bool(errors))
        self.save_button.setVisible(bool(errors))

    def save_errors(self) -> None:
        default = str(Path(self.wiz.path).with_name(Path(self.wiz.path).stem + "-errors.csv"))
        path, _ = QFileDialog.getSaveFileName(self, tr("Save errors as CSV"), default, tr("CSV files (*.csv)"))
        if not path:
            return
        try:
            write_errors_csv(self.wiz.report.get("errors") or [], path)
        except PlannerError as exc:
            show_error(self, exc)


def _html(text) -> str:
    return str(text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------------- wizard

class ImportWizard(QWizard):
    def __init__(self, ctx, path=None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.path: str | None = str(path) if path else None
        self.options: dict = {}
        self.report: dict | None = None
        self.task = None
        self.setWindowTitle(tr("Import requests"))
        self.setWizardStyle(QWizard.ClassicStyle)
        self.setOption(QWizard.NoBackButtonOnLastPage, True)
        self.resize(1000, 720)
        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.import_page = ImportPage(self)
        self.result_page = ResultPage(self)
        self.setPage(PAGE_FILE, self.file_page)
        self.setPage(PAGE_PREVIEW, self.preview_page)
        self.setPage(PAGE_IMPORT, self.import_page)
        self.setPage(PAGE_RESULT, self.result_page)
        self.setButtonText(QWizard.CommitButton, tr("Import"))
        self.preview_page.setCommitPage(True)  # no way back to a half-done import
        if self.path:
            self.file_page.path_edit.setText(self.path)
            self.setStartId(PAGE_PREVIEW)

    def set_path(self, path: str) -> None:
        self.path = path

    # -- background import
    def start_import(self) -> None:
        self.report = None
        # The page's own "Cancel import" says what cancelling does; a second Cancel would be ambiguous.
        self.setOption(QWizard.NoCancelButton, True)
        path, options = self.path, dict(self.options or self.preview_page.options())
        progress_page = self.import_page

        def work(ws, progress: Progress):
            # Figures are scaled to 0..1000 here: byte counts of a 2 GB file overflow a Qt int.
            def report(done, total, text):
                progress.update(int(1000 * done / total) if total else 0, 1000 if total else 0, text)

            return importing.import_requests(ws, path, progress=Progress(report), **options)

        self.task = self.ctx.run_task(
            work, on_done=self._import_done, on_error=self._import_failed,
            on_progress=progress_page.on_progress, on_cancel=self._import_cancelled,
        )

    def cancel_import(self) -> bool:
        if self.task is None or self.import_page.done:
            return False
        self.task.cancel()
        return True

    def _import_done(self, report: dict) -> None:
        self.task = None
        self.report = report
        # The result page closes with Finish; a Cancel there would only confuse.
        self.setOption(QWizard.NoCancelButtonOnLastPage, True)
        self.import_page.finish()
        self.ctx.notify("requests", "companies", "batches", "scores")
        if self.currentId() == PAGE_IMPORT:
            self.next()

    def _import_failed(self, exc, details: str) -> None:
        self.task = None
        self.import_page.finish(exc.message if isinstance(exc, PlannerError) else tr("The import failed."))
        self._allow_back()
        show_error(self, exc, None if isinstance(exc, PlannerError) else details)

    def _import_cancelled(self) -> None:
        self.task = None
        self.import_page.finish(tr("Import cancelled; the workspace is unchanged."))
        self._allow_back()

    def _allow_back(self) -> None:
        # The preview page is a commit page; after a failed or cancelled import the user may try again.
        self.preview_page.setCommitPage(False)
        self.button(QWizard.BackButton).setEnabled(True)
        self.button(QWizard.BackButton).setVisible(True)
        self.import_page.setFinalPage(True)
        self.setOption(QWizard.NoBackButtonOnLastPage, False)
        self.button(QWizard.FinishButton).setText(tr("Close"))

    def initializePage(self, page_id: int) -> None:
        if page_id == PAGE_PREVIEW:
            self.preview_page.setCommitPage(True)
            self.import_page.setFinalPage(False)
        super().initializePage(page_id)

    def reject(self) -> None:
        # Closing while importing asks the import to stop; the task reports back and the page says so.
        if self.task is not None and not self.import_page.done:
            self.cancel_import()
            return
        super().reject()

    def nextId(self) -> int:
        # A cancelled or failed import ends the wizard there (Close); a running one leads to the result.
        if self.currentId() == PAGE_IMPORT and self.import_page.done and self.report is None:
            return -1
        return super().nextId()
