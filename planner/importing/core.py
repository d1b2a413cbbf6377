"""The two ways in: `preview_import` reads the first rows without a workspace (the GUI's wizard);
`import_requests` writes a batch, all or nothing.

Where the work is done: `plan.py` decides how columns map to fields, `frame.py`
reads the file into pandas, `convert.py` turns cells into values,
`companies.py` finds or adds companies, `raw_rows.py` keeps each original row,
and `write_requests.py` upserts the rows.
"""

from __future__ import annotations

from pathlib import Path

from planner.errors import Cancelled  # noqa: F401  raised through `progress`
from planner.importing.convert import Converter
from planner.importing.frame import estimate_rows
from planner.importing.mapping import CANONICAL_FIELDS
from planner.importing.plan import make_plan
from planner.importing.reading import sniff
from planner.importing.write_requests import StrictFailure, write_batch
from planner.storage import import_store
from planner.storage.activity import announce
from planner.storage.backups import backup_before
from planner.text import now_iso

CACHE_MB = 64


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


def preview_import(path, *, source=None, preset=None, mapping=None, encoding=None, rows=20, ws=None) -> dict:
    """What an import would read: encoding, delimiter, preset, mapping and the first rows. Writes nothing.

    `ws`, when given, lets a mapping remembered for the source apply.
    """
    import pandas as pd

    shape = sniff(path, encoding=encoding)
    plan = make_plan(shape, source=source, preset=preset, mapping=mapping, remembered_for=_remembered(ws))
    conv = Converter(plan)
    sample = shape.sample[: max(0, int(rows))]
    out_rows = []
    if sample:
        df = pd.DataFrame(sample, dtype=str)
        numbers = [shape.header_row + 1 + i for i in range(len(df))]
        values, keep = conv.convert(df, numbers)
        shown = [f for f in CANONICAL_FIELDS if f in values]
        cols = {f: (values[f].tolist() if hasattr(values[f], "tolist") else list(values[f])) for f in shown}
        for i in keep.nonzero()[0]:
            out_rows.append({f: (cols[f][i] if cols[f][i] != "" else None) for f in shown})
    return {
        "file": str(path), "encoding": shape.encoding, "delimiter": shape.delimiter, "preset": plan.preset.name,
        "source": plan.source, "mapping": plan.mapping, "columns": list(shape.header),
        "rows": out_rows, "errors": conv.errors, "rows_read": estimate_rows(shape),
        "warnings": list(plan.warnings) + conv.date_warnings(),
    }


def import_requests(ws, path, *, source=None, preset=None, mapping=None, encoding=None, strict=False,
                    dry_run=False, progress=None) -> dict:
    """Import a CSV dump as one batch: all of it or, on any failure or cancel, nothing.

    Returns the `import --json` document. `dry_run` runs everything and rolls back.
    """
    path = Path(path)
    if progress is not None:
        progress.update(0, None, f"Reading {path.name}")
    shape = sniff(path, encoding=encoding)
    plan = make_plan(shape, source=source, preset=preset, mapping=mapping, remembered_for=_remembered(ws))
    report: dict = {}
    # Rebuilding indexes and checking ids of a large existing table thrash a 2 MB page cache.
    cache = import_store.set_cache_mb(ws.db, CACHE_MB)
    if not dry_run:
        backup_before(ws, reason="before-import")
    try:
        with announce(ws.path, f"importing {path.name}"), ws.db.atomic():
            report = write_batch(ws, plan, stamp=now_iso(), strict=strict, progress=progress)
            if mapping and not dry_run:
                _remember(ws, plan.source, mapping)
            if dry_run:
                raise _DryRun
    except _DryRun:
        report["batch_id"] = None
        report["dry_run"] = True
    finally:
        import_store.restore_cache(ws.db, cache)
    return report


__all__ = ["preview_import", "import_requests", "StrictFailure", "Cancelled"]
