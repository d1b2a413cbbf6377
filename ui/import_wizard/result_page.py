"""The result page: what the import did, its warnings, the rows it could not read, and the ways back.

The counts are the kind's (requests, items, companies, metrics). New
segments can be merged into ones the workspace had (a CRM's "大企業" into
"Enterprise"), each one step of Edit ▸ Undo; the import itself is undone
here while it is the last thing done, or with Edit ▸ Undo and File ▸ Import
Batches afterwards.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget, QWizardPage

from planner import ops
from planner.errors import PlannerError
from planner.import_report import write_errors_csv
from ui.context import show_error
from ui.i18n import tr
from ui.import_wizard.cells import CellsModel
from ui.import_wizard.labels import ENCODING_LABELS, preset_label
from ui.import_wizard.messages import for_window
from ui.operations import companies as company_actions
from ui.widgets.files import ask_save_path
from ui.widgets.table_model import list_table

ERROR_COLUMNS = (
    ("row", QT_TRANSLATE_NOOP("", "Row")),
    ("column", QT_TRANSLATE_NOOP("", "Column")),
    ("message", QT_TRANSLATE_NOOP("", "Problem")),
)
WARNINGS_SHOWN = 8
SUBTITLES = {
    "requests": QT_TRANSLATE_NOOP("", "Importing the same file again adds nothing; changed rows update their requests."),
    "items": QT_TRANSLATE_NOOP("", "Importing the same file again adds nothing; changed rows update their items."),
    "companies": QT_TRANSLATE_NOOP("", "Importing the same file again adds nothing; changed rows update their companies."),
    "metrics": QT_TRANSLATE_NOOP("", "Importing the same file again adds nothing; a new figure for a period replaces the old one."),
}


def failed_rows(report: dict) -> int:
    errors = report.get("errors") or []
    failed = report.get("failed", 0)
    if errors and len(errors) == failed:
        # Counted by row: one row can have several unreadable cells.
        failed = len({e.get("row") for e in errors})
    return failed


def count_lines(kind: str, r: dict) -> list[tuple[str, int]]:
    """The figures of an import's report `r`, as the result page lists them."""
    if kind == "metrics":
        return [(tr("Metrics in the file"), len(r.get("metrics") or ())), (tr("New metrics"), len(r.get("metrics_new") or ())),
                (tr("New values"), r.get("values_new", 0)), (tr("Updated values"), r.get("values_updated", 0)),
                (tr("Unchanged values"), r.get("values_unchanged", 0))]
    new = {"requests": tr("New requests"), "items": tr("New items"), "companies": tr("New companies")}[kind]
    lines = [(new, r.get("new", 0)), (tr("Updated"), r.get("updated", 0)),
             (tr("Unchanged (already imported)"), r.get("unchanged", 0))]
    if kind == "requests":
        lines.append((tr("Duplicate rows in the file"), r.get("duplicates", 0)))
    lines.append((tr("Failed rows"), failed_rows(r)))
    if kind == "requests":
        lines.append((tr("New companies"), r.get("companies_new", 0)))
    elif kind == "items":
        lines.append((tr("New lanes"), len(r.get("lanes_new") or ())))
    elif kind == "companies":
        lines.append((tr("New segments"), len(r.get("segments_new") or ())))
    return lines


def score_check_line(r: dict) -> str:
    """What the sheet's own score column said against the planner's scores: the first thing a mover checks."""
    check = r.get("score_check") or {}
    if not check.get("method") or not check.get("checked"):
        return ""
    method = check["method"].upper()  # RICE, ICE, WSJF: said the same in every language
    if not check.get("differ"):
        return tr("✓ The sheet's “{column}” column equals the planner's {method} score on all {n} rows that have one."
                  ).format(column=check["column"], method=method, n=f"{check['checked']:,}")
    return tr("The sheet's “{column}” column differs from the planner's {method} score on {differ} of {n} rows: "
              "the notes below name them.").format(column=check["column"], method=method, differ=f"{check['differ']:,}",
                                                   n=f"{check['checked']:,}")


class ResultPage(QWizardPage):
    """Shows `session.report`; the rows that failed can be saved as a CSV file; new segments can be merged."""

    def __init__(self, session):
        super().__init__()
        self.session = session
        self.setTitle(tr("Import finished"))
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.RichText)
        self.counts.setWordWrap(True)
        self.undo_button = QPushButton(tr("Undo this import"))
        self.undo_button.setToolTip(tr("Take back everything this import added or changed; Edit ▸ Redo puts it back."))
        self.undo_note = QLabel()
        self.undo_note.setWordWrap(True)
        self.undo_note.setStyleSheet("color: palette(dark);")
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.undo_note, 1)
        undo_row.addWidget(self.undo_button)
        self.warnings = QLabel()
        self.warnings.setTextFormat(Qt.RichText)
        self.warnings.setWordWrap(True)
        self.segments_box = QWidget()
        self.segments_grid = QGridLayout(self.segments_box)
        self.segments_grid.setContentsMargins(0, 4, 0, 4)
        self.segment_rows: dict[str, tuple[QLabel, QPushButton]] = {}
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
        layout.addLayout(undo_row)
        layout.addWidget(self.warnings)
        layout.addWidget(self.segments_box)
        layout.addLayout(row)
        layout.addWidget(self.errors_view, 100)
        layout.addStretch(1)  # with no errors to list, the page's lines stay together at the top
        self.save_button.clicked.connect(self.save_errors)
        self.undo_button.clicked.connect(self.undo_import)
        # A method, not a lambda: the connection goes with the page when the wizard is closed.
        session.ctx.undo_stack.indexChanged.connect(self._stack_moved)

    def initializePage(self) -> None:
        kind = self.session.kind
        r = self.session.report or {}
        self.setSubTitle(tr(SUBTITLES[kind]))
        table = "".join(
            f"<tr><td>{escape(label)}</td><td align='right' style='padding-left:16px'><b>{value:,}</b></td></tr>"
            for label, value in count_lines(kind, r)
        )
        check = score_check_line(r) if kind == "items" else ""
        self.counts.setText(f"{escape(self._headline(kind, r))}<table style='margin:8px 0'>{table}</table>"
                            + (f"<p>{escape(check)}</p>" if check else ""))
        self._show_undo()
        self._show_warnings(kind, r)
        self._show_segments(kind, r)
        # Said as in the rest of the wizard: a fix names the page's controls, not a command-line flag.
        errors = [dict(e, message=for_window(e.get("message")) or "") for e in r.get("errors") or []]
        failed = failed_rows(r)
        self.errors_model.set_rows(errors)
        if errors:
            shown = (tr("1 row could not be read and was left out:") if failed == 1
                     else tr("{n} rows could not be read; they were left out:").format(n=f"{failed:,}"))
        else:
            shown = tr("Every row was read.")
        self.errors_label.setText(shown)
        self.errors_view.setVisible(bool(errors))
        self.save_button.setVisible(bool(errors))

    def _headline(self, kind: str, r: dict) -> str:
        """Rows read, from which file (and sheet), read how: what the user checks first."""
        name = Path(r.get("file") or self.session.path or "").name
        if r.get("sheet"):
            name = tr("{file}, sheet “{sheet}”").format(file=name, sheet=r["sheet"])
        parts = [tr("{rows} rows read from {file}").format(rows=f"{r.get('rows_read', 0):,}", file=name)]
        if r.get("encoding") and not r.get("sheet"):
            parts.append(tr(ENCODING_LABELS.get(r["encoding"], r["encoding"])))
        if kind == "requests":
            parts.append(preset_label(r.get("preset")))
        return " · ".join(parts)

    # -- undo
    def _show_undo(self) -> None:
        """Undo here while the import is the last step of Edit ▸ Undo; otherwise say where it stands."""
        state = self.session.undo_state() if self.session.report is not None else None
        self.undo_button.setVisible(state is not None)
        self.undo_button.setEnabled(state == "last")
        self.undo_note.setText({
            None: "",
            "last": tr("Wrong file or wrong columns? Undo takes the whole import back."),
            "undone": tr("The import was undone; Edit ▸ Redo puts it back."),
            "gone": tr("The import was undone."),
            "earlier": tr("Other changes were made since; Edit ▸ Undo or File ▸ Import Batches take the import back."),
        }[state])

    def _stack_moved(self, _index: int) -> None:
        self._show_undo()

    def undo_import(self) -> None:
        if self.session.undo_state() == "last":
            self.session.ctx.undo_stack.undo()

    # -- warnings
    def _show_warnings(self, kind: str, r: dict) -> None:
        said = [w for w in (for_window(w) for w in r.get("warnings") or ()) if w]
        lines = [f"⚠ {escape(w)}" for w in said[:WARNINGS_SHOWN]]
        if len(said) > WARNINGS_SHOWN:
            lines.append(escape(tr("… and {n} more.").format(n=len(said) - WARNINGS_SHOWN)))
        self.warnings.setText(f"<span style='color:#8a5a00'>{'<br>'.join(lines)}</span>" if lines else "")
        self.warnings.setVisible(bool(lines))

    # -- new segments
    def _show_segments(self, kind: str, r: dict) -> None:
        """A row per new segment with "Merge into…", when the workspace had other segments to merge it into."""
        while self.segments_grid.count():
            widget = self.segments_grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.segment_rows = {}
        new = [s for s in r.get("segments_new") or () if s] if kind in ("requests", "companies") else []
        counts = {s["segment"]: s["companies"] for s in ops.list_segments(self.session.ctx.ws)} if new else {}
        others = [s for s in counts if s not in new]
        self.segments_box.setVisible(bool(new and others))
        if not (new and others):
            return
        intro = QLabel(tr("New segments: keep them, or merge one into a segment you had."))
        intro.setWordWrap(True)
        self.segments_grid.addWidget(intro, 0, 0, 1, 3)
        for n, segment in enumerate(new, 1):
            n_companies = counts.get(segment, 0)
            label = QLabel(tr("“{segment}” (1 company)").format(segment=segment) if n_companies == 1
                           else tr("“{segment}” ({n} companies)").format(segment=segment, n=n_companies))
            button = QPushButton(tr("Merge into…"))
            button.setObjectName(f"merge_{segment}")
            menu = QMenu(button)
            for other in others:
                menu.addAction(other, lambda old=segment, into=other: self.merge_segment(old, into))
            button.setMenu(menu)
            self.segments_grid.addWidget(label, n, 0)
            self.segments_grid.addWidget(button, n, 1)
            self.segments_grid.setColumnStretch(2, 1)
            self.segment_rows[segment] = (label, button)

    def merge_segment(self, old: str, into: str) -> None:
        """Merge the new segment `old` into `into`: one step of Edit ▸ Undo."""
        done = company_actions.rename_segment(self.session.ctx, self, old, into, merging=True)
        if done is None:
            return
        label, button = self.segment_rows[old]
        label.setText(tr("“{segment}” was merged into “{into}”.").format(segment=old, into=into))
        button.setEnabled(False)

    def save_errors(self) -> None:
        path = Path(self.session.path)
        path = ask_save_path(self, tr("Save errors as CSV"), str(path.with_name(path.stem + "-errors.csv")),
                             file_filter=tr("CSV files (*.csv)"), suffix=".csv")
        if path is None:
            return
        try:
            write_errors_csv(self.errors_model.rows, path)
        except PlannerError as exc:
            show_error(self, exc)

