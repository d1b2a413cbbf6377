"""The row errors of an import, saved as a CSV the user can fix their file from."""

from __future__ import annotations

import csv
from pathlib import Path

from planner.errors import ExportFailed

ERROR_COLUMNS = ("row", "column", "message")


def write_errors_csv(errors, path) -> Path:
    """Write [{row, column, message}] to `path` (UTF-8 with BOM so Excel reads Japanese text)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(ERROR_COLUMNS)
            for error in errors:
                # A cell starting with = + - @ would be run as a formula by a spreadsheet.
                writer.writerow([_safe(error.get(key)) for key in ERROR_COLUMNS])
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportFailed(f"Could not write {path}: {exc.strerror or exc}.") from None
    return path


def _safe(value):
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value
