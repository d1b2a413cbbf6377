"""Importing backlog items from a spreadsheet (a RICE, ICE or WSJF sheet) or a tracker's export (Jira, Linear, GitHub).

`preview_items` reads a file and shows how its rows would become items,
writing nothing; `import_items` writes them as one batch, all or nothing.
The window's and the command line's undoable step is `planner.ops.imports.import_items`.

How rows find the items they update (so the same file again changes nothing):
- a row with an id (the file has an id column: Jira's Issue key, Linear's ID, GitHub's number)
  updates the item of the same source with that id;
- a row without one, or whose id no item has yet, updates the item with the same title
  (compared without case, width or doubled spaces) among the items of the same source and
  the items typed by hand (no source), which then join the source;
  with an id, only an item that has no id of its own is matched so;
- any other row adds an item. Two rows for one id (or one title, without ids) in a file:
  the second fails.
An update sets only the fields the file maps, and an empty or unreadable cell
never erases what the item has. A number in the reach column is the item's
typed reach (reach source "manual"), so it scores as the sheet did. Story
points and the sheet's own score go to the item's extra fields, never into
effort or a score of ours; the sheet's score is only checked against ours.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from planner.errors import ImportFailed
from planner.importing import item_fields as f
from planner.importing.item_fields import ITEM_FIELDS_IMPORTED, EXTRA_FIELDS, REPEATED, ItemPreset, header_hits
from planner.importing.plan import default_source
from planner.importing.table import Table, cell_text, read_table
from planner.importing.values import DateReader, ValueProblem

SETTING = "import.items.mapping.{source}"  # the mapping a user gave for a source, applied next time
_LISTED = 50  # cell warnings listed one by one; the rest are counted
_UNIT_WORDS = ("day", "week", "hour", "日", "週", "時間")


@dataclass
class ItemPlan:
    """What the file is and which column feeds which item field."""

    preset: ItemPreset
    source: str
    mapping: dict[str, str]  # field -> column name
    columns: dict[str, list[int]]  # field -> column indexes (several for tags and lane)
    warnings: list[str]


@dataclass
class ItemRow:
    number: int  # as the sheet shows it
    values: dict  # field -> value read, only the cells that had one
    blank: set = field(default_factory=set)  # mapped fields whose cell was empty or unreadable


@dataclass
class ItemsFile:
    """A file read and converted, ready to write: what `import_items` writes in one transaction."""

    path: Path
    table: Table
    plan: ItemPlan
    rows: list[ItemRow]
    errors: list[dict]
    warnings: list[str]
    given: dict  # the mapping the caller gave, remembered for the source
    score_check: dict | None = None  # the sheet's own score against ours: see `score_check`


# ---------------------------------------------------------------- which column is which field

def _claim(header: list[str], preset: ItemPreset) -> dict[str, int]:
    forms = [f.key_forms(h) if str(h or "").strip() else () for h in header]
    taken: set[int] = set()
    found: dict[str, int] = {}

    def claim(name_field: str, names) -> None:
        for name in names:
            for i, keys in enumerate(forms):
                if i not in taken and name in keys:
                    found[name_field] = i
                    taken.add(i)
                    return

    for name_field, names in preset.fields.items():
        claim(name_field, names)
    for name_field, names in f.SYNONYMS.items():
        if name_field not in found:
            claim(name_field, names)
    # An ICE sheet (Ease, and neither Reach nor Effort): its Impact and Confidence are ICE's 1-10 parts.
    if "ice_ease" in found and "reach" not in found and "effort" not in found:
        for rice, ice in (("impact", "ice_impact"), ("confidence", "ice_confidence")):
            if rice in found and ice not in found:
                found[ice] = found.pop(rice)
    # One WSJF-like column (Jira's own Business Value) is not a WSJF sheet.
    if sum(1 for p in f.WSJF_PARTS if p in found) < 2:
        for part in f.WSJF_PARTS:
            found.pop(part, None)
    return found


def _column_named(header: list[str], column: str) -> int | None:
    if column in header:
        return header.index(column)
    key = f.item_key(column)
    return next((i for i, h in enumerate(header) if str(h or "").strip() and f.item_key(h) == key), None)


def make_item_plan(table: Table, *, source=None, mapping=None, remembered_for=None) -> ItemPlan:
    """The plan for the table: columns found by name, then a mapping remembered for the source, then `mapping`."""
    header = table.header
    preset = f.detect_preset(header)
    found = _claim(header, preset)
    warnings: list[str] = []
    src = " ".join(str(source or "").split())
    named_after_file = not src and preset.name == "generic"
    if not src:
        src = default_source(preset, table.path)
    remembered = remembered_for(src) if remembered_for else None
    for given, origin in ((remembered or {}, "remembered"), (mapping or {}, "given")):
        for name_field, column in given.items():
            if name_field not in ITEM_FIELDS_IMPORTED:
                raise ImportFailed(f"There is no item field {name_field!r} to map.",
                                   hint=f"Fields: {', '.join(ITEM_FIELDS_IMPORTED)}.")
            if column is None or str(column).strip() == "":
                found.pop(name_field, None)
                continue
            hit = _column_named(header, str(column))
            if hit is None:
                if origin == "remembered":
                    warnings.append(f"The remembered column {column!r} for {name_field} is not in this file.")
                    continue
                shown = ", ".join(h for h in header if h.strip())[:300]
                raise ImportFailed(f"{table.path.name}: there is no column {column!r} to map to {name_field}.",
                                   hint=f"Columns: {shown}.")
            for other, i in list(found.items()):
                if i == hit and other != name_field:
                    found.pop(other)
            found[name_field] = hit
    if "title" not in found:
        shown = ", ".join(h for h in header if h.strip())[:200]
        raise ImportFailed(
            f"{table.path.name}: no column can be an item title (expected one like Title, Feature, Summary, Idea, "
            f"施策名 or 件名; columns: {shown}).",
            hint="Name one with --map title=COLUMN.",
        )
    if "effort" in found and any(w in f.unit_of(header[found["effort"]]) for w in _UNIT_WORDS):
        warnings.append(f"The column {header[found['effort']]!r} seems to count days, weeks or hours, but effort is read "
                        "in person-months: convert it, or leave effort out with --map effort=.")
    if named_after_file:
        by = f"their {header[found['external_id']]!r} column" if "external_id" in found else "title"
        warnings.append(f"The source is {src!r}, after the file name: items are matched again by {by} within it. "
                        "Pass --source to keep the sheets of one backlog together.")
    columns = {}
    for name_field in ITEM_FIELDS_IMPORTED:
        if name_field in found:
            i = found[name_field]
            same = [j for j, h in enumerate(header) if h == header[i]] if name_field in REPEATED else [i]
            columns[name_field] = same
    ordered = {k: header[columns[k][0]] for k in ITEM_FIELDS_IMPORTED if k in columns}
    return ItemPlan(preset, src, ordered, columns, warnings)


# ---------------------------------------------------------------- reading the rows

_READERS = {
    "impact": f.read_impact, "confidence": f.read_confidence, "effort": f.read_effort,
    "story_points": f.read_points, "score": f.read_sheet_score,
    "ice_impact": lambda v: f.read_ice_part("ice_impact", v),
    "ice_confidence": lambda v: f.read_ice_part("ice_confidence", v),
}
_TEXTS = ("title", "description", "theme", "owner", "external_id", "url")
_FORMULA_WORDS = {
    "rice": ("reach × impact × confidence ÷ effort", ("reach", "impact", "confidence", "effort")),
    "ice": ("impact × confidence × ease", ("ice_impact", "ice_confidence", "ice_ease")),
    "wsjf": ("(business value + time criticality + risk reduction) ÷ job size", f.WSJF_PARTS),
}


class _Reader:
    """Turns the table's rows into item values, noting what could not be read."""

    def __init__(self, table: Table, plan: ItemPlan):
        self.table, self.plan = table, plan
        self.errors: list[dict] = []
        self.problems: list[str] = []
        self.unknown = {"kind": Counter(), "status": Counter()}
        self.dates = {}
        for name_field in ("start_date", "end_date"):
            if name_field in plan.columns:
                reader = DateReader(None)
                i = plan.columns[name_field][0]
                reader.decide([r[i] for r in table.rows[:5000] if isinstance(r[i], str)])
                self.dates[name_field] = reader

    def column(self, name_field: str) -> str:
        return self.table.header[self.plan.columns[name_field][0]]

    def row(self, number: int, cells: list) -> ItemRow | None:
        out = ItemRow(number, {})
        for name_field, idx in self.plan.columns.items():
            try:
                value = self._cell(name_field, [cells[i] for i in idx])
            except ValueProblem as exc:
                self.problems.append(f"row {number}, {self.column(name_field)}: {exc}; "
                                     "the row was imported without this cell.")
                value = None
            if value is None:
                out.blank.add(name_field)
            else:
                out.values[name_field] = value
        if "title" not in out.values:
            self.errors.append({"row": number, "column": self.column("title"),
                                "message": "no title: every item needs one. Fill the cell, or map another column "
                                           "with --map title=COLUMN."})
            return None
        if "kind" not in self.plan.columns and out.values.get("tags"):
            # Linear and GitHub have no issue type: a label such as "Bug" says what the issue is.
            kind = f.kind_in_labels(out.values["tags"])
            if kind:
                out.values["kind"] = kind
        start, end = out.values.get("start_date"), out.values.get("end_date")
        if start and end and end < start:
            self.problems.append(f"row {number}, {self.column('end_date')}: the item would end ({end}) before it starts "
                                 f"({start}); the row was imported without its end date.")
            del out.values["end_date"]
            out.blank.add("end_date")
        return out

    def _cell(self, name_field: str, cells: list):
        first = cells[0]
        if name_field == "title":
            return f.whole_text(first)
        if name_field in _TEXTS:
            return cell_text(first) or None
        if name_field == "tags":
            return f.read_tags(cells)
        if name_field == "lane":
            filled = [c for c in cells if cell_text(c)]
            return filled[-1] if filled else None  # a carried-over issue's last sprint is its sprint now
        if name_field in ("kind", "status"):
            value, known = (f.kind_of if name_field == "kind" else f.status_of)(first)
            if not known:
                self.unknown[name_field][cell_text(first)] += 1
            return value
        if name_field in self.dates:
            return f.read_date(first, self.dates[name_field])
        if name_field in _READERS:
            return _READERS[name_field](first)
        return f.read_score_part(name_field, first)

    def warnings(self, rows: list[ItemRow]) -> list[str]:
        out = []
        for name_field, (one, many), default, kinds in (
                ("kind", ("a kind", "kinds"), "features", "feature, improvement, bug, tech_debt, research"),
                ("status", ("a status", "statuses"), "ideas", "idea, candidate, planned, in_progress, shipped, wont_do")):
            seen = self.unknown[name_field]
            if seen:
                said = ", ".join(f"{word!r} ({n} row{'s' if n > 1 else ''})" for word, n in seen.most_common(10))
                more = f" and {len(seen) - 10} more" if len(seen) > 10 else ""
                verb = f"is not {one}" if len(seen) == 1 else f"are not {many}"
                out.append(f"{self.column(name_field)}: {said}{more} {verb} this importer knows; "
                           f"those rows were imported as {default} ({many}: {kinds}).")
        out += self.problems[:_LISTED]
        if len(self.problems) > _LISTED:
            out.append(f"... and {len(self.problems) - _LISTED} more cells could not be read.")
        out += score_check(rows, self.plan)["warnings"]
        return out


def score_check(rows: list[ItemRow], plan: ItemPlan) -> dict:
    """The sheet's own score against what the planner computes from the same cells, beyond the sheet's rounding.

    {"method", "column", "checked", "differ", "warnings"}: "method" is None when the file has no score column or
    not every input of a formula; "warnings" names the rows whose score differs.
    """
    from planner.scoring.methods import FORMULAS

    check = {"method": None, "column": plan.mapping.get("score"), "checked": 0, "differ": 0, "warnings": []}
    if "score" not in plan.columns:
        return check
    method = next((m for m, (_, parts) in _FORMULA_WORDS.items() if all(p in plan.columns for p in parts)), None)
    if method is None:
        return check
    words, parts = _FORMULA_WORDS[method]
    out = []
    for row in rows:
        given = row.values.get("score")
        if given is None or any(row.values.get(p) is None for p in parts):
            continue
        check["checked"] += 1
        factors = [row.values[p] / (100 if p == "confidence" else 1) for p in parts]
        ours = FORMULAS[method].arithmetic(*factors)
        decimals = len(cell_text(float(given)).partition(".")[2])
        if abs(ours - given) > 0.5 * 10 ** -decimals + 1e-9 * abs(ours):
            out.append(f"row {row.number}: the sheet's score {_figure(given)} differs from {words} = {_figure(ours)}"
                       + (" (the sheet seems to take the confidence as a whole number, not a percentage)"
                          if method == "rice" and ours and abs(given / ours - 100) < 0.01 else "") + ".")
    check.update(method=method, differ=len(out))
    if len(out) > 20:
        out = out[:20] + [f"... and {len(out) - 20} more rows whose score differs."]
    check["warnings"] = out
    return check


def _figure(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".")


# ---------------------------------------------------------------- the two ways in

def _remembered(ws):
    if ws is None:
        return None
    from planner.storage.queries import get_setting

    return lambda source: get_setting(ws, SETTING.format(source=source))


def read_items(path, *, sheet=None, source=None, mapping=None, encoding=None, ws=None) -> ItemsFile:
    """Read and convert a file of items without writing anything (`ws` lets a remembered mapping apply)."""
    path = Path(path)
    table = read_table(path, sheet=sheet, encoding=encoding, known=f.header_hits)
    plan = make_item_plan(table, source=source, mapping=mapping, remembered_for=_remembered(ws))
    reader = _Reader(table, plan)
    rows = [r for r in (reader.row(n, cells) for n, cells in zip(table.row_numbers, table.rows)) if r is not None]
    warnings = list(table.warnings) + plan.warnings + reader.warnings(rows)
    checked = {k: v for k, v in score_check(rows, plan).items() if k != "warnings"}
    return ItemsFile(path, table, plan, rows, reader.errors, warnings, dict(mapping or {}), checked)


def preview_items(path, *, sheet=None, source=None, mapping=None, encoding=None, rows=20, ws=None) -> dict:
    """What an import of `path` would read: the sheet, the mapping and the first rows as item values. Writes nothing."""
    read = read_items(path, sheet=sheet, source=source, mapping=mapping, encoding=encoding, ws=ws)
    shown = [{k: r.values.get(k) for k in read.plan.mapping} for r in read.rows[: max(0, int(rows))]]
    for row in shown:
        if row.get("lane") is not None:
            row["lane"] = cell_text(row["lane"])
    return {
        "file": str(read.path), "sheet": read.table.sheet, "sheets": read.table.sheets, "encoding": read.table.encoding,
        "preset": read.plan.preset.name, "source": read.plan.source, "mapping": read.plan.mapping,
        "columns": list(read.table.header), "rows": shown, "rows_read": len(read.table.rows),
        "errors": read.errors, "warnings": read.warnings, "fields": list(ITEM_FIELDS_IMPORTED),
        "score_check": read.score_check,
    }


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def import_items(ws, path, *, sheet=None, source=None, mapping=None, encoding=None, dry_run=False,
                 progress=None) -> dict:
    """Import a file of items as one batch: all of it or, on any failure or cancel, nothing.

    Returns the report (`items-import --json`); `dry_run` does everything and rolls back.
    """
    from planner.importing.write_items import write_items
    from planner.storage.backups import backup_before

    if progress is not None:
        progress.update(0, None, f"Reading {Path(path).name}")
    read = read_items(path, sheet=sheet, source=source, mapping=mapping, encoding=encoding, ws=ws)
    if not dry_run:
        backup_before(ws, reason="before-import")
    return write_items(ws, read, dry_run=dry_run, progress=progress)


__all__ = ["ITEM_FIELDS_IMPORTED", "EXTRA_FIELDS", "header_hits", "preview_items", "import_items", "read_items", "make_item_plan"]
