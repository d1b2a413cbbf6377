"""The four kinds of file the wizard imports, each as the core calls it: its preview, its import, its options.

The pages ask `KINDS[name]` what to show and what to call; every kind's
preview comes back as one dict shape (file, sheet, sheets, encoding,
mapping, columns, rows, rows_read, errors, warnings, fields), so the preview
page draws them all alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from planner import importing, ops
from planner.errors import ImportFailed
from ui.i18n import tr

# Shown through tr(); marked here so lupdate finds them.
KIND_LABELS = {
    "requests": QT_TRANSLATE_NOOP("", "Customer requests"),
    "items": QT_TRANSLATE_NOOP("", "Backlog items"),
    "companies": QT_TRANSLATE_NOOP("", "Companies"),
    "metrics": QT_TRANSLATE_NOOP("", "Metrics"),
}
METRICS_FROM_CSV_ONLY = QT_TRANSLATE_NOOP(
    "", "Metrics are imported from CSV files only: save this sheet as CSV (in Excel: File ▸ Save As ▸ CSV UTF-8) "
        "and import that file.")


@dataclass(frozen=True)
class Kind:
    name: str
    takes: frozenset  # the options its calls take, of: encoding, preset, source, mapping, sheet
    required: str | None  # the field it cannot do without (marked * beside its column)
    cancellable: bool  # whether its import stops at a cancel (it reports progress) or runs to the end
    preview: Callable  # (path, options, ws, rows) -> the preview dict
    run: Callable  # (ws, path, options, progress) -> OpResult

    @property
    def label(self) -> str:
        return KIND_LABELS[self.name]

    def options(self, options: dict) -> dict:
        """The page's options this kind's calls take; no sheet for a CSV file."""
        return {k: v for k, v in options.items() if k in self.takes and not (k == "sheet" and v is None)}


def _preview_requests(path, options, ws, rows):
    p = importing.preview_import(path, rows=rows, ws=ws, **options)
    return {"sheet": None, "sheets": [], "fields": list(importing.CANONICAL_FIELDS), **p}


def _run_requests(ws, path, options, progress):
    return ops.import_requests(ws, path, progress=progress, **options)


def _preview_items(path, options, ws, rows):
    from planner.importing.items import preview_items

    return {"delimiter": None, "preset": None, **preview_items(path, rows=rows, ws=ws, **options)}


def _run_items(ws, path, options, progress):
    from planner.ops.imports import import_items

    return import_items(ws, path, progress=progress, **options)


def _preview_companies(path, options, ws, rows):
    from planner.importing.crm import preview_companies

    return {"delimiter": None, "preset": None, "source": None,
            **preview_companies(path, rows=rows, ws=ws, **options)}


def _run_companies(ws, path, options, progress):
    from planner.ops.company_imports import import_companies

    return import_companies(ws, path, progress=progress, **options)


def _preview_metrics(path, options, ws, rows):
    """The file's first rows as they are (the metrics importer reads them by its own column names)."""
    from planner.importing.kinds import metrics_form
    from planner.importing.table import cell_text, read_table

    table = read_table(path, sheet=options.get("sheet"))
    header = [h or f"({n + 1})" for n, h in enumerate(table.header)]
    form = metrics_form(table.header)
    errors = []
    if table.is_workbook:
        errors.append({"row": None, "column": None, "message": tr(METRICS_FROM_CSV_ONLY)})
    if form is None:
        errors.append({"row": table.header_row, "column": None,
                       "message": tr("No date column: name one column “date” or “period”.")})
    return {
        "file": str(path), "sheet": table.sheet, "sheets": table.sheets, "encoding": table.encoding,
        "delimiter": table.delimiter, "preset": None, "source": None, "mapping": {}, "columns": header,
        "fields": header, "form": form,
        "rows": [{h: cell_text(v) or None for h, v in zip(header, row)} for row in table.rows[:rows]],
        "rows_read": len(table.rows), "errors": errors, "warnings": list(table.warnings), "blocking": bool(errors),
    }


def _run_metrics(ws, path, options, progress):
    from planner.importing.table import is_workbook

    if is_workbook(path):
        raise ImportFailed(tr(METRICS_FROM_CSV_ONLY))
    progress.update(0, 0, "")
    return ops.import_metrics(ws, path)


KINDS = {
    "requests": Kind("requests", frozenset({"encoding", "preset", "source", "mapping", "sheet"}), "title", True,
                     _preview_requests, _run_requests),
    "items": Kind("items", frozenset({"encoding", "source", "mapping", "sheet"}), "title", True,
                  _preview_items, _run_items),
    "companies": Kind("companies", frozenset({"encoding", "mapping", "sheet"}), "name", True,
                      _preview_companies, _run_companies),
    "metrics": Kind("metrics", frozenset({"sheet"}), None, False, _preview_metrics, _run_metrics),
}
