"""The preview page: what the file holds and how it will be read, run again on every change the user makes.

At the top, what the file holds (customer requests, backlog items,
companies or metrics: guessed from its columns by
`planner.importing.kinds.guess_file`, with the columns that told) and, for a
workbook of several sheets, which sheet. Below, that kind's options, a
column per field, the first rows and the problems: the kind's own preview
(`ui.import_wizard.kinds`), at once for a small file, in the background for
a big one, where the latest answer wins.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QScrollArea, QVBoxLayout, QWidget, QWizardPage,
)

from planner import importing
from planner.errors import PlannerError
from planner.importing.kinds import guess_file
from ui.context import show_error
from ui.i18n import tr
from ui.import_wizard.cells import CellsModel
from ui.import_wizard.kinds import KIND_LABELS, KINDS
from ui.import_wizard.labels import DELIMITER_LABELS, ENCODING_LABELS, FIELD_TIPS, field_label, preset_label, shown_value
from ui.import_wizard.messages import error_for_window, for_window
from ui.tasks import Latest
from ui.widgets.combos import refill_combo
from ui.widgets.table_model import list_table

# Files from this size are previewed on a pool thread (checking a 150 MB file takes about a second).
BACKGROUND_PREVIEW_BYTES = 8 << 20
PREVIEW_ROWS = 20
CLUES_SHOWN = 3  # column names said in the guess's reason
CLUE_CHARS = 30  # a long column name (a form's question) is cut there in the reason
MAPPING_LINES = 7  # lines of field combos shown without scrolling


class PreviewPage(QWizardPage):
    """What the file holds, its sheet, encoding, delimiter, preset, source, a column per field, the first rows.

    Reads `session.path` and `session.chosen_kind`; sets `session.kind` as
    the preview shows it and `session.options` when the user goes on.
    """

    def __init__(self, session):
        super().__init__()
        self.session = session
        self.setTitle(tr("Check how the file will be read"))
        self.setSubTitle(tr("Say what the file holds and, for a workbook, which sheet; change the encoding or any "
                            "field's column: the rows below follow at once."))
        self.preview: dict | None = None
        self.guess = None  # planner.importing.kinds.Guess of the file (and sheet) shown
        self.overrides: dict[str, str] = {}  # field -> column ('' = not imported) the user chose
        self.sheet_choice: str | None = None  # the sheet the user picked; None: the one the reader finds
        self.mapped_kind: str | None = None  # the kind the field combos are for
        self.field_combos: dict[str, QComboBox] = {}
        self._previews = Latest(session.ctx, self, None, self._show_preview, self._preview_failed)

        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for name, label in KIND_LABELS.items():
            self.kind.addItem(tr(label), name)
        self.kind.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.kind_reason = QLabel()
        self.kind_reason.setStyleSheet("color: palette(dark);")
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheet")
        self.sheet.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.sheet.setMinimumContentsLength(12)
        self.sheet.setToolTip(tr("The workbook's sheets; the one that looks most like a table is chosen first."))
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
        self.source.setToolTip(tr("Rows are the same when their source and ID match; "
                                  "a corrected mapping is remembered for this source."))

        holds = QHBoxLayout()
        holds.addWidget(self.kind)
        holds.addWidget(self.kind_reason, 1)
        self.what = QFormLayout()
        self.what.addRow(tr("File:"), self.file_label)
        self.what.addRow(tr("Holds:"), holds)
        self.what.addRow(tr("Sheet:"), self.sheet)
        self.how = QFormLayout()
        self.how.addRow(tr("Encoding:"), self.encoding)
        self.how.addRow(tr("Delimiter:"), self.delimiter_label)
        self.how.addRow(tr("Preset:"), self.preset)
        self.how.addRow(tr("Source:"), self.source)
        self.what.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        self.how.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        top = QHBoxLayout()
        top.addLayout(self.what, 1)
        top.addSpacing(24)
        top.addLayout(self.how)

        self.mapping_box = QGroupBox(tr("Columns for each field"))
        self.mapping_grid = QGridLayout()
        self.mapping_grid.setHorizontalSpacing(10)
        self.mapping_grid.setVerticalSpacing(4)
        self.mapping_grid.setContentsMargins(2, 2, 2, 2)
        holder = QWidget()
        holder.setLayout(self.mapping_grid)
        self.mapping_scroll = QScrollArea()
        self.mapping_scroll.setWidget(holder)
        self.mapping_scroll.setWidgetResizable(True)
        self.mapping_scroll.setFrameShape(QFrame.NoFrame)
        self.mapping_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        box_layout = QVBoxLayout(self.mapping_box)
        box_layout.setContentsMargins(6, 4, 6, 4)
        box_layout.addWidget(self.mapping_scroll)
        self.rows_model = CellsModel(parent=self)
        # Columns change with every file: they keep Qt's widths, the last one taking the spare room.
        self.rows_view = list_table(self.rows_model, selection=QAbstractItemView.ExtendedSelection)
        self.rows_view.setWordWrap(False)
        self.rows_view.horizontalHeader().setStretchLastSection(True)
        self.rows_label = QLabel(tr("First rows, as they will be imported:"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.RichText)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.mapping_box)
        layout.addWidget(self.rows_label)
        layout.addWidget(self.rows_view, 1)
        layout.addWidget(self.message)

        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.sheet.currentIndexChanged.connect(lambda _i: self._sheet_changed())
        self.encoding.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        self.preset.currentIndexChanged.connect(lambda _i: self._preset_changed())
        self.source.editingFinished.connect(self.refresh_preview)

    # -- the field combos: one a field of the kind shown
    def _build_mapping(self, kind: str, fields: list[str]) -> None:
        """Combos for `fields`, the fields of `kind`; the old ones go."""
        while self.mapping_grid.count():
            widget = self.mapping_grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for col in range(self.mapping_grid.columnCount()):
            self.mapping_grid.setColumnStretch(col, 0)
        self.field_combos = {}
        self.mapped_kind = kind
        required = KINDS[kind].required
        # Four to a line for a kind with many fields (backlog items), so that fewer lines need scrolling.
        per_row, shown_chars = (4, 10) if len(fields) > 18 else (3, 14)
        for n, field in enumerate(fields):
            label = QLabel(field_label(kind, field) + (" *" if field == required else ""))
            combo = QComboBox()
            combo.setMinimumContentsLength(shown_chars)
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setObjectName(f"map_{field}")
            if field in FIELD_TIPS:
                label.setToolTip(tr(FIELD_TIPS[field]))
                combo.setToolTip(tr(FIELD_TIPS[field]))
            label.setBuddy(combo)
            r, c = divmod(n, per_row)
            self.mapping_grid.addWidget(label, r, 2 * c)
            self.mapping_grid.addWidget(combo, r, 2 * c + 1)
            self.mapping_grid.setColumnStretch(2 * c + 1, 1)
            self.field_combos[field] = combo
            combo.currentIndexChanged.connect(lambda _i, f=field: self._mapping_changed(f))
        # At most seven lines of combos show at once (all of an item's); more would scroll.
        margins = self.mapping_grid.contentsMargins()
        line = max((c.sizeHint().height() for c in self.field_combos.values()), default=0)
        lines = min(-(-len(fields) // per_row), MAPPING_LINES)
        height = lines * line + (lines - 1) * self.mapping_grid.verticalSpacing() + margins.top() + margins.bottom()
        self.mapping_scroll.setFixedHeight(max(height, 0) + 2)
        self.mapping_box.setVisible(bool(fields))

    @property
    def busy(self) -> bool:
        """A preview is being read in the background: the one shown (if any) is not the latest."""
        return self._previews.busy

    def initializePage(self) -> None:
        # Another file (after Back): the kind the user picked for the last one no longer holds.
        self.session.chosen_kind = self.session.asked_kind
        self.overrides = {}
        self.guess = None
        self.sheet_choice = None
        with QSignalBlocker(self.encoding), QSignalBlocker(self.preset), QSignalBlocker(self.sheet):
            self.encoding.setCurrentIndex(0)
            self.preset.setCurrentIndex(0)
            self.sheet.clear()
        self.source.clear()
        self.refresh_preview()

    # -- the user changed something: read the file again with it
    def _kind_changed(self) -> None:
        # The user says what the file holds: the guess no longer decides, and the old kind's column picks go.
        self.session.chosen_kind = self.kind.currentData()
        self.overrides = {}
        self.refresh_preview()

    def _sheet_changed(self) -> None:
        # Another sheet has other columns, and may hold another kind: guess again unless the user chose.
        self.sheet_choice = self.sheet.currentData()
        self.guess = None
        self.overrides = {}
        self.refresh_preview()

    def _preset_changed(self) -> None:
        # Another preset brings its own mapping; the user's column picks were for the old one.
        self.overrides = {}
        self.refresh_preview()

    def _mapping_changed(self, field: str) -> None:
        self.overrides[field] = self.field_combos[field].currentData() or ""
        self.refresh_preview()

    def options(self) -> dict:
        """Every option the page shows; each kind's calls take those they know (`Kind.options`)."""
        sheet = self.sheet_choice or (self.guess.sheet if self.guess is not None else None)
        return dict(
            encoding=self.encoding.currentData(),
            preset=self.preset.currentData(),
            source=self.source.text().strip() or None,
            mapping=dict(self.overrides) or None,
            sheet=sheet,
        )

    def refresh_preview(self) -> None:
        """Read the file again with the page's settings: at once for a small file, in the background for a big one."""
        path = self.session.path
        self.file_label.setText(Path(path).name if path else "")
        self.file_label.setToolTip(str(path or ""))
        work = self._reader(path, self.options(), self.guess, self.session.chosen_kind)
        try:
            big = Path(path).stat().st_size >= BACKGROUND_PREVIEW_BYTES
        except OSError:
            big = False
        if not big:
            self._previews.forget()  # an answer still on its way is older than this one
            try:
                result = work(self.session.ctx.ws)
            except PlannerError as exc:
                self._preview_failed(exc)
            else:
                self._show_preview(result)
            return
        # A big file takes a moment to check; the window stays responsive and only the latest answer is shown.
        self.preview = None
        self.message.setText(tr("Reading {file}…").format(file=escape(Path(path).name)))
        self.completeChanged.emit()
        self._previews.request(lambda ws, progress: work(ws))

    @staticmethod
    def _reader(path, options: dict, guess, chosen_kind):
        """`work(ws)`: the guess (when there is none yet) and the kind's preview, with no widget touched."""

        def work(ws) -> dict:
            found = guess or guess_file(path, sheet=options["sheet"],
                                        encoding=None if options["sheet"] else options["encoding"])
            kind = KINDS[chosen_kind or found.kind]
            asked = dict(options, sheet=options["sheet"] or found.sheet)
            try:
                preview = kind.preview(path, kind.options(asked), ws, PREVIEW_ROWS)
            except PlannerError as exc:
                return {"guess": found, "kind": kind.name, "preview": None, "error": exc}
            return {"guess": found, "kind": kind.name, "preview": preview, "error": None}

        return work

    def _preview_failed(self, exc, details: str | None = None) -> None:
        """The file could not be read at all (not even its header): say why."""
        if not isinstance(exc, PlannerError):
            show_error(self, exc, details)
            exc = PlannerError(tr("The file could not be read."))
        self._show_failure(exc)

    def _show_failure(self, exc: PlannerError) -> None:
        if self.overrides:
            # A column picked under another encoding may not exist any more: start the mapping afresh.
            self.overrides = {}
            self.refresh_preview()
            return
        exc = error_for_window(exc)
        self.preview = None
        self.rows_model.set_table([], [])
        self.message.setText(f"<span style='color:#b00020'>{escape(exc.message)}</span>"
                             + (f"<br>{escape(exc.hint)}" if exc.hint else ""))
        for combo in self.field_combos.values():
            refill_combo(combo, [(tr("(not imported)"), "")], select="")
        self.completeChanged.emit()

    def _show_preview(self, result: dict, _seconds: float | None = None) -> None:
        self.guess = result["guess"]
        self.session.kind = kind = result["kind"]
        self._show_kind(kind)
        p = result["preview"]
        self._show_sheets(p["sheets"] if p else self.guess.sheets, (p or {}).get("sheet") or self.guess.sheet)
        if p is None:
            self._show_options(kind, {"sheet": self.guess.sheet, "delimiter": None})
            self._show_failure(result["error"])
            return
        self.preview = p
        self._show_options(kind, p)
        fields = list(p["fields"]) if KINDS[kind].required else []  # metrics map no fields
        if self.mapped_kind != kind or list(self.field_combos) != fields:
            self._build_mapping(kind, fields)
        self._fill_combos(p["columns"], p["mapping"])
        self._show_rows(kind, p)
        self.message.setText(_summary(kind, p))
        self.completeChanged.emit()

    def _show_kind(self, kind: str) -> None:
        with QSignalBlocker(self.kind):
            self.kind.setCurrentIndex(self.kind.findData(kind))
        guess, chosen = self.guess, self.session.chosen_kind
        clues = ", ".join(c if len(c) <= CLUE_CHARS else c[:CLUE_CHARS - 1] + "…" for c in guess.clues[:CLUES_SHOWN])
        if chosen is None and clues:
            reason = tr("Guessed from its columns {columns}").format(columns=clues)
        elif chosen is None:
            reason = tr("Its columns did not tell what it holds: choose it here.")
        elif guess.kind != chosen and clues:
            reason = tr("Its columns {columns} look like {kind}.").format(columns=clues, kind=tr(KIND_LABELS[guess.kind]).lower())
        elif clues:
            reason = tr("Its columns {columns} fit.").format(columns=clues)
        else:
            reason = ""
        self.kind_reason.setText(reason)
        self.kind_reason.setToolTip(", ".join(guess.clues))

    def _show_sheets(self, sheets: list[str], current: str | None) -> None:
        with QSignalBlocker(self.sheet):
            refill_combo(self.sheet, [(name, name) for name in sheets], select=current)
        self.what.setRowVisible(self.sheet, len(sheets) > 1)

    def _show_options(self, kind: str, p: dict) -> None:
        """Only the options this kind's import takes, and only those that apply to this file."""
        takes = KINDS[kind].takes
        csv_file = not p.get("sheet")
        self.how.setRowVisible(self.encoding, "encoding" in takes and csv_file)
        self.how.setRowVisible(self.delimiter_label, csv_file and bool(p.get("delimiter")))
        self.how.setRowVisible(self.preset, "preset" in takes)
        self.how.setRowVisible(self.source, "source" in takes)
        if p.get("encoding"):
            self.encoding.setToolTip(tr("Detected: {enc}").format(enc=p["encoding"]))
            if self.encoding.currentData() is None:
                self.encoding.setItemText(0, tr("Detect ({enc})").format(
                    enc=tr(ENCODING_LABELS.get(p["encoding"], p["encoding"]))))
        if p.get("preset") and self.preset.currentData() is None:
            self.preset.setItemText(0, tr("Detect ({preset})").format(preset=preset_label(p["preset"])))
        if p.get("source") and not self.source.text().strip():
            self.source.setPlaceholderText(p["source"])
        delimiter = p.get("delimiter")
        if delimiter:
            self.delimiter_label.setText(tr(DELIMITER_LABELS.get(delimiter, repr(delimiter))) + f"  ( {delimiter!s} )"
                                         if delimiter != "\t" else tr("tab"))

    def _show_rows(self, kind: str, p: dict) -> None:
        if KINDS[kind].required is None:  # metrics: the columns as they are
            columns = [(c, c) for c in p["fields"]]
            tips = {}
            self.rows_model.translate_headers = False
        else:
            required = KINDS[kind].required
            fields = [f for f in p["fields"] if f in p["mapping"] or f == required]
            columns = [(f, field_label(kind, f)) for f in fields]
            tips = {f: tr("From column “{col}”").format(col=p["mapping"][f]) if f in p["mapping"]
                    else (tr("From the first line of the body") if kind == "requests" else tr("No column: rows fail"))
                    for f in fields}
            self.rows_model.translate_headers = False  # field_label has translated them
        rows = [{k: shown_value(kind, k, v) for k, v in row.items()} for row in p["rows"]]
        self.rows_model.set_table(columns, rows, tips)
        self.rows_view.resizeColumnsToContents()
        for col in range(self.rows_model.columnCount()):
            if self.rows_view.columnWidth(col) > 260:
                self.rows_view.setColumnWidth(col, 260)

    def _fill_combos(self, columns: list[str], mapping: dict) -> None:
        choices = [(tr("(not imported)"), "")] + [(c, c) for c in dict.fromkeys(columns) if c.strip()]
        for field, combo in self.field_combos.items():
            refill_combo(combo, choices, select=mapping.get(field, ""))
            # Fields the user set stand out from the detected ones.
            combo.setStyleSheet("font-weight: bold;" if field in self.overrides else "")

    def isComplete(self) -> bool:
        return self.preview is not None and not self.preview.get("blocking")

    def validatePage(self) -> bool:
        kind = KINDS[self.session.kind]
        self.session.options = kind.options(dict(self.options(), sheet=self.preview.get("sheet")))
        return True


def _summary(kind: str, p: dict) -> str:
    if kind == "requests":
        parts = [tr("About {n} rows.").format(n=f"{p['rows_read']:,}")]
        if "title" not in p["mapping"]:
            parts.append(tr("No title column: titles are the first line of the body."))
    else:
        parts = [tr("{n} rows.").format(n=f"{p['rows_read']:,}")]
    if p.get("form") == "long":
        parts.append(tr("One row per metric and period: the metric's name, the date and the value."))
    elif p.get("form") == "wide":
        parts.append(tr("A date column, then one column per metric."))
    for warning in p.get("warnings") or ():
        said = for_window(warning)
        if said:
            parts.append(f"<span style='color:#8a5a00'>⚠ {escape(said)}</span>")
    errors = p.get("errors") or []
    if p.get("blocking"):
        parts.extend(f"<span style='color:#b00020'>{escape(e['message'])}</span>" for e in errors)
    elif errors:
        shown = "; ".join(
            tr("row {row}, {column}: {message}").format(row=e["row"], column=e.get("column") or "—",
                                                        message=escape(for_window(e["message"]) or ""))
            for e in errors[:3]
        )
        more = tr(" (and {n} more)").format(n=len(errors) - 3) if len(errors) > 3 else ""
        failing = tr("Rows that will fail:")
        parts.append(f"<span style='color:#b00020'>{failing} {shown}{more}</span>")
    return "<br>".join(parts)
