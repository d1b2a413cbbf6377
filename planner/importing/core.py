"""The two ways in: `preview_import` reads the first rows without a workspace (the GUI's wizard);
`import_requests` writes a batch, all or nothing.

Where the work is done: `plan.py` decides how columns map to fields, `frame.py`
reads the file into pandas, `convert.py` turns cells into values,
`companies.py` finds or adds companies, `raw_rows.py` keeps each original row,
and `write_requests.py` upserts the rows. An Excel workbook's sheet is read by
`table.read_table` and goes down the same path as a CSV written from it.
"""

from __future__ import annotations

import os
import tempfile
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path

from planner.errors import Cancelled, ImportFailed  # noqa: F401  Cancelled is raised through `progress`
from planner.importing.convert import Converter
from planner.importing.frame import estimate_rows
from planner.importing.mapping import CANONICAL_FIELDS, known_header_count
from planner.importing.plan import make_plan
from planner.importing.reading import sheet_as_csv, sniff
from planner.importing.timing import add as add_time
from planner.importing.timing import stage
from planner.importing.write_requests import BULK_ROWS, StrictFailure, write_batch
from planner.storage import checkpoint, import_store
from planner.storage.activity import announce
from planner.storage.backups import backup_before
from planner.text import now_iso

CACHE_MB = 128  # keeps a 1M-row load's indexes in the cache (`write_requests._indexes_fit`)


class _DryRun(Exception):
    pass


def _remembered(ws):
    if ws is None:
        return None
    from planner.storage.queries import get_setting

    return lambda source: get_setting(ws, f"import.mapping.{source}")


def _remember(ws, source: str, mapping: dict) -> None:
    from planner.storage.queries import get_setting, set_setting

    key = f"import.mapping.{source}"
    merged = dict(get_setting(ws, key) or {})
    merged.update(mapping)
    set_setting(ws, key, merged)


def _is_workbook(path: Path) -> bool:
    """An Excel file by its name (old formats too, for `read_table`'s message to save them as .xlsx)."""
    from planner.importing.table import OLD_EXCEL, WORKBOOK_SUFFIXES, looks_like_workbook

    if path.suffix.lower() in WORKBOOK_SUFFIXES + OLD_EXCEL:
        return True
    if path.is_file() and looks_like_workbook(path):
        # openpyxl goes by the name and refuses a workbook called `.csv`; the user can fix that in a second.
        raise ImportFailed(f"{path.name} is an Excel workbook saved under another name.",
                           hint=f"Rename it to {path.stem}.xlsx and import that.")
    return False


@contextmanager
def _opened(path: Path, *, encoding, sheet):
    """The shape of `path`: a CSV as sniffed, or a workbook's sheet written to a temporary CSV, deleted on leaving."""
    if not _is_workbook(path):
        if sheet:
            raise ImportFailed(f"{path.name} is a CSV file: it has no sheets, so --sheet {sheet!r} cannot apply.",
                               hint="Leave --sheet out for a CSV file.")
        with stage("sniff"):
            shape = sniff(path, encoding=encoding)
        yield shape
        return
    from planner.importing.table import read_table

    table = read_table(path, sheet=sheet, known=known_header_count)
    handle, name = tempfile.mkstemp(prefix="planner-sheet-", suffix=".csv")
    os.close(handle)
    try:
        shape = sheet_as_csv(table, Path(name))
        if len(table.sheets) > 1 and not sheet:
            others = ", ".join(repr(n) for n in table.sheets if n != table.sheet)
            shape.warnings.append(f"The workbook has {len(table.sheets)} sheets; {table.sheet!r} was read (it looks "
                                  f"most like a table). Pass --sheet to read another: {others}.")
        if encoding:
            shape.warnings.append(f"--encoding {encoding} was ignored: a workbook's text has no encoding to choose.")
        yield shape
    finally:
        Path(name).unlink(missing_ok=True)


def preview_import(path, *, source=None, preset=None, mapping=None, encoding=None, rows=20, ws=None, sheet=None) -> dict:
    """What an import would read: encoding, delimiter (or sheet), preset, mapping and the first rows. Writes nothing.

    `ws`, when given, lets a mapping remembered for the source apply. `sheet` picks a workbook's sheet
    (by default the one that looks most like a table; "sheets" lists them all).
    """
    import pandas as pd

    with _opened(Path(path), encoding=encoding, sheet=sheet) as shape:
        plan = make_plan(shape, source=source, preset=preset, mapping=mapping, remembered_for=_remembered(ws))
        conv = Converter(plan)
        sample = shape.sample[: max(0, int(rows))]
        out_rows = []
        if sample:
            df = pd.DataFrame(sample, dtype=str)
            values, keep = conv.convert(df, [shape.row_number(i) for i in range(len(df))])
            shown = [f for f in CANONICAL_FIELDS if f in values]
            cols = {f: (values[f].tolist() if hasattr(values[f], "tolist") else list(values[f])) for f in shown}
            for i in keep.nonzero()[0]:
                out_rows.append({f: (cols[f][i] if cols[f][i] != "" else None) for f in shown})
        workbook = shape.sheet is not None
        return {
            "file": str(path), "sheet": shape.sheet, "sheets": list(shape.sheets),
            "encoding": None if workbook else shape.encoding, "delimiter": None if workbook else shape.delimiter,
            "preset": plan.preset.name, "source": plan.source, "mapping": plan.mapping, "columns": list(shape.header),
            "rows": out_rows, "errors": conv.errors, "cell_warnings": conv.cell_warnings, "rows_read": estimate_rows(shape),
            "warnings": list(plan.warnings) + conv.date_warnings() + conv.cell_warning_lines(),
        }


def _segments(ws) -> list[str]:
    from planner.storage.queries import company_segments

    return list(dict.fromkeys(segment for _, segment in company_segments(ws)))


def import_requests(ws, path, *, source=None, preset=None, mapping=None, encoding=None, strict=False,
                    dry_run=False, progress=None, sheet=None) -> dict:
    """Import a CSV dump or a workbook's sheet as one batch: all of it or, on any failure or cancel, nothing.

    Returns the `import --json` document. `dry_run` runs everything and rolls back. A cell of an
    optional field that cannot be read leaves that field empty ("cell_warnings"); only rows that
    cannot be imported at all count as "failed", and only those make `strict` refuse the batch.
    "segments_new" lists the segment names no company had before this import.
    """
    path = Path(path)
    if progress is not None:
        progress.update(0, None, f"Reading {path.name}")
    with _opened(path, encoding=encoding, sheet=sheet) as shape:
        return _import(ws, path, shape, source=source, preset=preset, mapping=mapping, strict=strict,
                       dry_run=dry_run, progress=progress)


def _import(ws, path: Path, shape, *, source, preset, mapping, strict, dry_run, progress) -> dict:
    plan = make_plan(shape, source=source, preset=preset, mapping=mapping, remembered_for=_remembered(ws))
    report: dict = {}
    # Rebuilding indexes and checking ids of a large existing table thrash a 2 MB page cache.
    cache = import_store.set_cache_mb(ws.db, CACHE_MB)
    if not dry_run:
        with stage("backup"):
            backup_before(ws, reason="before-import")
    # A big batch's commit leaves its WAL checkpoint to a thread (`storage.checkpoint`): the user
    # does not wait for its pages to be written a second time.
    big = not dry_run and estimate_rows(shape) >= BULK_ROWS
    unchecked = import_store.keys_unchecked(ws.db) if big else nullcontext()  # the rows name only this batch's
    try:
        with checkpoint.deferred(ws.db) if big else nullcontext(), unchecked, \
                announce(ws.path, f"importing {path.name}"), ws.db.atomic():
            with stage("segments"):
                before = set(_segments(ws))
            try:
                report = write_batch(ws, plan, stamp=now_iso(), strict=strict, progress=progress)
            except StrictFailure as exc:
                exc.report["segments_new"] = []  # nothing was imported
                raise
            with stage("segments"):
                report["segments_new"] = [s for s in _segments(ws) if s not in before]
            if mapping and not dry_run:
                _remember(ws, plan.source, mapping)
            if dry_run:
                raise _DryRun
            written = time.perf_counter()
        add_time("commit", time.perf_counter() - written)
    except _DryRun:
        report["batch_id"] = None
        report["dry_run"] = True
    finally:
        import_store.restore_cache(ws.db, cache)
    if big:
        checkpoint.in_background(ws.path)
    return report


__all__ = ["preview_import", "import_requests", "StrictFailure", "Cancelled"]
