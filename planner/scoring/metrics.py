"""Product metrics: CSV import (long or wide form) and starter templates.

A metric's latest value can be an item's reach ("15 % of weekly active users
hit this"). Files are read with the request importer's rules (encoding,
delimiter, header and footer detection, Japanese numbers and dates), and a
file is written all or nothing: one bad row and nothing changes, with the rows
named, so a wrong number never slips in.
"""

from __future__ import annotations

import csv
import re
from datetime import date

from planner.errors import ImportFailed
from planner.storage import demand as store
from planner.storage.db import Workspace

TEMPLATES = {
    "aarrr": [
        ("Acquisition: new sign-ups", "users", "Acquisition"),
        ("Activation: activated accounts", "users", "Activation"),
        ("Retention: weekly active users", "users", "Retention"),
        ("Referral: invites sent", "invites", "Referral"),
        ("Revenue: MRR", "currency", "Revenue"),
    ],
    "north-star": [
        ("North star: weekly active projects", "projects", "North star"),
        ("Input: teams creating a project", "teams", "North star input"),
        ("Input: projects updated weekly", "projects", "North star input"),
    ],
}

_METRIC_HEADERS = {"metric", "metric name", "name", "kpi", "指標", "指標名", "メトリクス"}
_VALUE_HEADERS = {"value", "amount", "count", "値", "数値", "実績"}
_DATE_HEADERS = {"date", "period", "month", "week", "day", "quarter", "日付", "期間", "月", "年月"}
_SEGMENT_HEADERS = {"segment", "セグメント"}
_UNIT_HEADERS = {"unit", "単位"}
_STAGE_HEADERS = {"stage", "aarrr", "ステージ"}
_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})\s*[-/ ]?\s*q([1-4])$", re.I)
_MAX_PROBLEMS = 5


def add_template(ws: Workspace, name: str) -> list[str]:
    """Add a template's metrics (those missing); returns the names added."""
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    if key not in TEMPLATES:
        raise ImportFailed(f"There is no metric template {name!r}.", hint=f"Templates: {', '.join(TEMPLATES)}.")
    added = []
    with ws.db.atomic():
        for metric, unit, stage in TEMPLATES[key]:
            _, created = store.ensure_metric(ws, name=metric, unit=unit, stage=stage)
            if created:
                added.append(metric)
    return added


def _key(header: str) -> str:
    import unicodedata

    return " ".join(unicodedata.normalize("NFKC", header or "").strip().casefold().replace("_", " ").split())


def parse_period(text: str, date_reader) -> str:
    """A period as an ISO date: 2026-04-01; '2026-04' and '2026 Q2' start their month or quarter."""
    from planner.importing.values import nfkc

    text = nfkc(text or "")
    if not text:
        raise ValueError("the date is empty")
    m = _MONTH.match(text)
    if m:
        return date(int(m.group(1)), int(m.group(2)), 1).isoformat()
    m = _QUARTER.match(text)
    if m:
        return date(int(m.group(1)), 3 * int(m.group(2)) - 2, 1).isoformat()
    parsed = date_reader(text)
    if not parsed:
        raise ValueError("the date is empty")
    return parsed[:10]


def _read_rows(path) -> tuple[list[str], list[tuple[int, list[str]]], list[str]]:
    from planner.importing.reading import open_text, sniff

    shape = sniff(path)
    text, raw = open_text(shape)
    try:
        rows = [(shape.header_row + n, r) for n, r in enumerate(csv.reader(text, delimiter=shape.delimiter), 1) if any(c.strip() for c in r)]
    except UnicodeDecodeError:
        raise ImportFailed(f"{path}: the file is not valid {shape.encoding}.") from None
    finally:
        raw.close()
    return shape.header, rows, shape.warnings


def import_metrics(ws: Workspace, path) -> dict:
    """Import metric values from a CSV file in long form (metric, date, value[, segment])
    or wide form (a date column and one column per metric). All or nothing."""
    from planner.importing.values import DateReader, ValueProblem, parse_number

    header, rows, warnings = _read_rows(path)
    keys = [_key(h) for h in header]

    def find(names):
        for i, k in enumerate(keys):
            if k in names:
                return i
        return None

    date_col = find(_DATE_HEADERS)
    metric_col, value_col = find(_METRIC_HEADERS), find(_VALUE_HEADERS)
    segment_col, unit_col, stage_col = find(_SEGMENT_HEADERS), find(_UNIT_HEADERS), find(_STAGE_HEADERS)
    if date_col is None:
        raise ImportFailed(
            f"{path}: no date column was found (looked for {', '.join(sorted(_DATE_HEADERS - {'日付', '期間', '月', '年月'}))}).",
            hint="Name one column 'date' or 'period'.",
        )
    long_form = metric_col is not None and value_col is not None
    if not long_form:
        skip = {date_col, segment_col}
        metric_cols = [i for i, h in enumerate(header) if i not in skip and h.strip()]
        if not metric_cols:
            raise ImportFailed(f"{path}: besides the date, no metric columns were found.",
                               hint="Long form: metric, date, value[, segment]. Wide form: date, then one column per metric.")
    def cell(r, i):
        return r[i].strip() if i is not None and i < len(r) else ""

    reader = DateReader(None)
    reader.decide([cell(r, date_col) for _, r in rows[:5000]])
    values: dict[tuple[str, str, str], float] = {}
    units: dict[str, str] = {}
    stages: dict[str, str] = {}
    problems: list[str] = []

    for line, r in rows:
        try:
            period = parse_period(cell(r, date_col), reader)
            segment = cell(r, segment_col)
            if long_form:
                name = " ".join(cell(r, metric_col).split())
                if not name:
                    raise ValueError("the metric name is empty")
                number = parse_number(cell(r, value_col))
                if number is None:
                    raise ValueError("the value is empty")
                values[(name, period, segment)] = number
                if cell(r, unit_col):
                    units.setdefault(name, cell(r, unit_col))
                if cell(r, stage_col):
                    stages.setdefault(name, cell(r, stage_col))
            else:
                for i in metric_cols:
                    number = parse_number(cell(r, i)) if cell(r, i) else None
                    if number is not None:  # a blank cell: no figure that period
                        values[(" ".join(header[i].split()), period, segment)] = number
        except (ValueError, ValueProblem) as exc:
            problems.append(f"row {line}: {exc}")
    if problems:
        more = f" and {len(problems) - _MAX_PROBLEMS} more" if len(problems) > _MAX_PROBLEMS else ""
        raise ImportFailed(
            f"{path}: {len(problems)} row(s) could not be read, so nothing was imported: "
            + "; ".join(problems[:_MAX_PROBLEMS]) + more + ".",
            hint="Fix those rows and import the file again.",
        )
    if not values:
        raise ImportFailed(f"{path}: the file has no metric values.")
    names = sorted({k[0] for k in values})
    with ws.db.atomic():
        ids, created = {}, []
        for name in names:
            ids[name], new = store.ensure_metric(ws, name=name, unit=units.get(name), stage=stages.get(name))
            if new:
                created.append(name)
        new_values, updated = store.upsert_metric_values(
            ws, [(ids[n], period, seg, v) for (n, period, seg), v in sorted(values.items())]
        )
    return {
        "file": str(path),
        "form": "long" if long_form else "wide",
        "rows_read": len(rows),
        "metrics": names,
        "metrics_new": created,
        "values_new": new_values,
        "values_updated": updated,
        "values_unchanged": len(values) - new_values - updated,
        "warnings": warnings,
    }
