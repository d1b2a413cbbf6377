"""The preview page: how the file will be read, run again on every change the user makes.

The preview is `planner.importing.preview_import`: at once for a small
file, in the background for a big one, where the latest answer wins.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout,
    QWizardPage,
)

from planner import importing
from planner.errors import PlannerError
from ui.context import show_error
from ui.i18n import tr
from ui.import_wizard.cells import CellsModel
from ui.import_wizard.labels import DELIMITER_LABELS, ENCODING_LABELS, FIELD_LABELS, preset_label
from ui.tasks import Latest
from ui.widgets.combos import refill_combo
from ui.widgets.table_model import list_table

# Files from this size are previewed on a pool thread (checking a 150 MB file takes about a second).
BACKGROUND_PREVIEW_BYTES = 8 << 20
PREVIEW_ROWS = 20


class PreviewPage(QWizardPage):
    """Encoding, delimiter, preset, source, a column per field, the first rows and the problems.

    Reads `session.path`; sets `session.options` when the user goes on.
    """

    def __init__(self, session):
        super().__init__()
        self.session = session
        self.setTitle(tr("Check how the file will be read"))
        self.setSubTitle(tr("Change the encoding, the preset or any field's column; the rows below follow at once."))
        self.preview: dict | None = None
        self.overrides: dict[str, str] = {}  # field -> column ('' = not imported) the user chose
        self._previews = Latest(session.ctx, self, None, self._show_preview, self._preview_failed)

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
        self.field_combos = self._field_combos(QGridLayout(self.mapping_box))
        self.rows_model = CellsModel(parent=self)
        # Columns change with every file: they keep Qt's widths, the last one taking the spare room.
        self.rows_view = list_table(self.rows_model, selection=QAbstractItemView.ExtendedSelection)
        self.rows_view.setWordWrap(False)
        self.rows_view.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.RichText)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.mapping_box)
        layout.addWidget(QLabel(tr("First rows, as they will be imported:")))
        layout.addWidget(self.rows_view, 1)
        layout.addWidget(self.message)

        self.encoding.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        self.preset.currentIndexChanged.connect(lambda _i: self._preset_changed())
        self.source.editingFinished.connect(self.refresh_preview)

    def _field_combos(self, grid: QGridLayout, per_row: int = 3) -> dict[str, QComboBox]:
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        combos = {}
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
            combos[field] = combo
            combo.currentIndexChanged.connect(lambda _i, f=field: self._mapping_changed(f))
        return combos

    @property
    def busy(self) -> bool:
        """A preview is being read in the background: the one shown (if any) is not the latest."""
        return self._previews.busy

    def initializePage(self) -> None:
        self.overrides = {}
        with QSignalBlocker(self.encoding), QSignalBlocker(self.preset):
            self.encoding.setCurrentIndex(0)
            self.preset.setCurrentIndex(0)
        self.source.clear()
        self.refresh_preview()

    # -- the user changed something: read the file again with it
    def _preset_changed(self) -> None:
        # Another preset brings its own mapping; the user's column picks were for the old one.
        self.overrides = {}
        self.refresh_preview()

    def _mapping_changed(self, field: str) -> None:
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
        path = self.session.path
        self.file_label.setText(Path(path).name if path else "")
        self.file_label.setToolTip(str(path or ""))
        options = self.options()
        try:
            big = Path(path).stat().st_size >= BACKGROUND_PREVIEW_BYTES
        except OSError:
            big = False
        if not big:
            self._previews.forget()  # an answer still on its way is older than this one
            try:
                result = importing.preview_import(path, rows=PREVIEW_ROWS, ws=self.session.ctx.ws, **options)
            except PlannerError as exc:
                self._preview_failed(exc)
            else:
                self._show_preview(result)
            return
        # A big file takes a moment to check; the window stays responsive and only the latest answer is shown.
        self.preview = None
        self.message.setText(tr("Reading {file}…").format(file=escape(Path(path).name)))
        self.completeChanged.emit()
        self._previews.request(lambda ws, progress: importing.preview_import(path, rows=PREVIEW_ROWS, ws=ws, **options))

    def _preview_failed(self, exc, details: str | None = None) -> None:
        if not isinstance(exc, PlannerError):
            show_error(self, exc, details)
            exc = PlannerError(tr("The file could not be read."))
        if self.overrides:
            # A column picked under another encoding may not exist any more: start the mapping afresh.
            self.overrides = {}
            self.refresh_preview()
            return
        self.preview = None
        self.rows_model.set_table([], [])
        self.message.setText(f"<span style='color:#b00020'>{escape(exc.message)}</span>"
                             + (f"<br>{escape(exc.hint)}" if exc.hint else ""))
        self._fill_combos([], {})
        self.completeChanged.emit()

    def _show_preview(self, result: dict, _seconds: float | None = None) -> None:
        self.preview = p = result
        self.encoding.setToolTip(tr("Detected: {enc}").format(enc=p["encoding"]))
        if self.encoding.currentData() is None:
            self.encoding.setItemText(0, tr("Detect ({enc})").format(enc=ENCODING_LABELS.get(p["encoding"], p["encoding"])))
        if self.preset.currentData() is None:
            self.preset.setItemText(0, tr("Detect ({preset})").format(preset=preset_label(p["preset"])))
        if not self.source.text().strip():
            self.source.setPlaceholderText(p["source"])
        self.delimiter_label.setText(tr(DELIMITER_LABELS.get(p["delimiter"], repr(p["delimiter"]))) + f"  ( {p['delimiter']!s} )"
                                     if p["delimiter"] != "\t" else tr("tab"))
        self._fill_combos(p["columns"], p["mapping"])
        fields = [f for f in importing.CANONICAL_FIELDS if f in p["mapping"] or f == "title"]
        self.rows_model.set_table(
            [(f, FIELD_LABELS.get(f, f)) for f in fields], p["rows"],
            {f: tr("From column “{col}”").format(col=p["mapping"][f]) if f in p["mapping"]
             else tr("From the first line of the body") for f in fields},
        )
        self.rows_view.resizeColumnsToContents()
        for col in range(self.rows_model.columnCount()):
            if self.rows_view.columnWidth(col) > 260:
                self.rows_view.setColumnWidth(col, 260)
        self.message.setText(_summary(p))
        self.completeChanged.emit()

    def _fill_combos(self, columns: list[str], mapping: dict) -> None:
        choices = [(tr("(not imported)"), "")] + [(c, c) for c in dict.fromkeys(columns) if c.strip()]
        for field, combo in self.field_combos.items():
            refill_combo(combo, choices, select=mapping.get(field, ""))
            # Fields the user set stand out from the detected ones.
            combo.setStyleSheet("font-weight: bold;" if field in self.overrides else "")

    def isComplete(self) -> bool:
        return self.preview is not None

    def validatePage(self) -> bool:
        self.session.options = self.options()
        return True


def _summary(p: dict) -> str:
    parts = [tr("About {n} rows.").format(n=f"{p['rows_read']:,}")]
    if "title" not in p["mapping"]:
        parts.append(tr("No title column: titles are the first line of the body."))
    for warning in p.get("warnings") or ():
        parts.append(f"<span style='color:#8a5a00'>⚠ {escape(warning)}</span>")
    errors = p.get("errors") or []
    if errors:
        shown = "; ".join(
            tr("row {row}, {column}: {message}").format(row=e["row"], column=e.get("column") or "—",
                                                        message=escape(e["message"]))
            for e in errors[:3]
        )
        more = tr(" (and {n} more)").format(n=len(errors) - 3) if len(errors) > 3 else ""
        failing = tr("Rows that will fail:")
        parts.append(f"<span style='color:#b00020'>{failing} {shown}{more}</span>")
    return "<br>".join(parts)
