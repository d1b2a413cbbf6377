"""Writing a read file of items (`planner.importing.items.read_items`) as one batch: match, add, update, place on lanes.

All inside one transaction (a savepoint when the caller's operation holds
one), so a failure or a cancel leaves the workspace as it was.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from planner import fiscal
from planner.domain import ITEM_FIELDS, validate_item_fields
from planner.importing.item_fields import EXTRA_FIELDS, quarter_named, whole_text
from planner.importing.items import SETTING, ItemsFile, ItemRow, file_sha256
from planner.storage import import_store, queries, writes
from planner.storage.activity import announce
from planner.text import clean_name, name_key, now_iso

_HORIZONS = {"now": "Now", "next": "Next", "later": "Later"}
# Fields stored under their own name on the item.
_SAME = ("title", "description", "kind", "status", "theme", "tags", "owner", "impact", "confidence", "effort", "value",
         "ice_impact", "ice_confidence", "ice_ease", "wsjf_value", "wsjf_time", "wsjf_risk", "wsjf_size",
         "external_id", "url", "start_date", "end_date")


class _DryRun(Exception):
    pass


class _Lanes:
    """Lanes by the names a file gives them: an existing lane (any case), else a new one, made once."""

    def __init__(self, ws):
        from planner.ops.settings import fiscal_year_start

        self.ws = ws
        self.start = fiscal_year_start(ws)
        self.known: dict[str, int] = {}
        self.made: list[str] = []
        self.said: list[str] = []

    def lane_id(self, value) -> int:
        if isinstance(value, (datetime, date)):
            day = value.date() if isinstance(value, datetime) else value
            year, quarter = fiscal.quarter_of(day, self.start)
            return self._quarter(year, quarter, "en", day.isoformat())
        text = whole_text(value)
        key = name_key(text)
        if key not in self.known:
            found = queries.lanes_named(self.ws, clean_name(text))
            if found:
                self.known[key] = found[0]["id"]
            elif (quarter := quarter_named(text)) is not None:
                self.known[key] = self._quarter(*quarter, text)
            elif key in _HORIZONS:
                self.known[key] = self._make(_HORIZONS[key], "horizon", text)
            else:
                self.known[key] = self._make(clean_name(text), "release", text)
        return self.known[key]

    def _quarter(self, year: int, quarter: int, language: str, written: str) -> int:
        """The quarter lane of that fiscal quarter: one named as the planner names it (in either language),
        or one with its dates, else a new one."""
        first, end = fiscal.quarter_dates(year, quarter, self.start)
        for lang in (language, "en", "ja"):
            found = queries.lane_named(self.ws, fiscal.quarter_name(year, quarter, self.start, lang), "quarter")
            if found is not None:
                return found
        same_dates = [q for q in queries.list_lanes(self.ws, kind="quarter")
                      if q["start_date"] == first.isoformat() and q["end_date"] == end.isoformat()]
        if same_dates:
            return same_dates[0]["id"]
        return self._make(fiscal.quarter_name(year, quarter, self.start, language), "quarter", written,
                          start_date=first.isoformat(), end_date=end.isoformat())

    def _make(self, name: str, kind: str, written: str, **dates) -> int:
        lane_id = writes.insert_row(self.ws, "lanes", dict(name=name, kind=kind, position=writes.next_lane_order(self.ws, kind),
                                                           **dates))
        self.made.append(name)
        span = f", {dates['start_date']} to {dates['end_date']}" if dates else ""
        was = f"“{written}” → " if written != name else ""
        self.said.append(f"{was}{name} ({kind}{span})")
        return lane_id

    def warning(self) -> list[str]:
        if not self.said:
            return []
        return [f"New lanes made for this file's lane names: {'; '.join(self.said)}. Rename or merge them in the "
                "Roadmap if they should be other lanes."]


class _Writer:
    """Adds and updates the items of one batch, counting what it did."""

    def __init__(self, ws, read: ItemsFile, batch_id: int, stamp: str):
        self.ws, self.read, self.batch_id, self.stamp = ws, read, batch_id, stamp
        self.source = read.plan.source
        self.has_ids = "external_id" in read.plan.columns
        self.lanes = _Lanes(ws)
        self.counts = {"new": 0, "updated": 0, "unchanged": 0}
        self.errors: list[dict] = []
        existing = import_store.items_to_match(ws.db, self.source)
        self.by_id = {i["external_id"]: i for i in existing if i["source"] == self.source and i["external_id"]}
        self.by_title: dict[str, list[dict]] = {}
        # Items of the source before those typed by hand, older first.
        for item in sorted(existing, key=lambda i: (i["source"] is None, i["id"])):
            self.by_title.setdefault(name_key(item["title"]), []).append(item)
        self.seen_ids: dict[str, int] = {}
        self.seen_titles: dict[str, int] = {}
        self.matched: set[int] = set()

    def _fail(self, row: ItemRow, column_field: str, message: str) -> None:
        column = self.read.plan.mapping[column_field]
        self.errors.append({"row": row.number, "column": column, "message": message})

    def write(self, row: ItemRow) -> None:
        ext = row.values.get("external_id")
        key = name_key(row.values["title"])
        if ext is not None:
            if ext in self.seen_ids:
                return self._fail(row, "external_id", f"the id {ext} is also on row {self.seen_ids[ext]}; "
                                                      "this row was not imported.")
            self.seen_ids[ext] = row.number
        else:
            if key in self.seen_titles:
                return self._fail(row, "title", f"the title is also on row {self.seen_titles[key]}; this row was not "
                                                "imported. Give the rows an id column to import both.")
            self.seen_titles[key] = row.number
        item = self.by_id.get(ext) if ext is not None else None
        if item is None:
            item = next((i for i in self.by_title.get(key, ())
                         if i["id"] not in self.matched and (ext is None or i["external_id"] is None)), None)
        if item is not None:
            self.matched.add(item["id"])
        values = {k: row.values[k] for k in _SAME if k in row.values}
        if "reach" in row.values:
            values["reach_manual"] = row.values["reach"]
        extra = {EXTRA_FIELDS[k]: row.values[k] for k in EXTRA_FIELDS if k in row.values}
        lane_id = self.lanes.lane_id(row.values["lane"]) if "lane" in row.values else None
        validate_item_fields({k: v for k, v in values.items() if k in ITEM_FIELDS})  # read cell by cell: a last guard
        if item is None:
            self._add(values, extra, lane_id)
        else:
            self._update(item, values, extra, lane_id)

    def _add(self, values: dict, extra: dict, lane_id) -> None:
        values.setdefault("kind", "feature")
        values.setdefault("status", "idea")
        if "reach_manual" in values:
            values["reach_mode"] = "manual"
        values.update(source=self.source, batch_id=self.batch_id, created_at=self.stamp, updated_at=self.stamp,
                      fields=_json(extra) if extra else None)
        if lane_id is not None:
            values.update(lane_id=lane_id, lane_position=writes.last_lane_position(self.ws, lane_id) + 1.0)
        writes.insert_row(self.ws, "items", values)
        self.counts["new"] += 1

    def _update(self, item: dict, values: dict, extra: dict, lane_id) -> None:
        changes = {k: v for k, v in values.items() if item[k] != v}
        if "reach_manual" in changes:  # the sheet's reach changed: it is the item's reach again
            changes["reach_mode"] = "manual"
        if item["source"] is None:
            changes["source"] = self.source  # an item typed by hand joins the source, so its id matches next time
        if extra:
            had = json.loads(item["fields"]) if item["fields"] else {}
            if {**had, **extra} != had:
                changes["fields"] = _json({**had, **extra})
        if lane_id is not None and lane_id != item["lane_id"]:
            changes.update(lane_id=lane_id, lane_position=writes.last_lane_position(self.ws, lane_id) + 1.0)
        if not changes:
            self.counts["unchanged"] += 1
            return
        writes.update_rows(self.ws, "items", [item["id"]], {**changes, "updated_at": self.stamp})
        self.counts["updated"] += 1


def _json(fields: dict) -> str:
    return json.dumps(fields, ensure_ascii=False, sort_keys=True)


def _remember(ws, source: str, mapping: dict) -> None:
    key = SETTING.format(source=source)
    merged = dict(queries.get_setting(ws, key) or {})
    merged.update(mapping)
    queries.set_setting(ws, key, merged)


def write_items(ws, read: ItemsFile, *, dry_run: bool = False, progress=None) -> dict:
    """Write `read` as one items batch; the report says what happened. `dry_run` rolls everything back."""
    table, plan = read.table, read.plan
    report = {
        "kind": "items", "batch_id": None, "file": str(read.path), "sheet": table.sheet, "encoding": table.encoding,
        "preset": plan.preset.name, "source": plan.source, "mapping": plan.mapping, "rows_read": len(table.rows),
        "new": 0, "updated": 0, "unchanged": 0, "failed": 0, "errors": [], "warnings": [], "lanes_new": [],
        "score_check": read.score_check, "dry_run": bool(dry_run),
    }
    stamp = now_iso()
    try:
        with announce(ws.path, f"importing {read.path.name}"), ws.db.atomic():
            batch_id = import_store.begin_item_batch(
                ws.db, file_name=read.path.name, sha256=file_sha256(read.path), source=plan.source,
                preset=plan.preset.name, encoding=table.encoding, delimiter=table.delimiter, sheet=table.sheet,
                mapping=plan.mapping, created_at=stamp)
            writer = _Writer(ws, read, batch_id, stamp)
            for done, row in enumerate(read.rows):
                if progress is not None and done % 200 == 0:
                    progress.update(done, len(read.rows), f"{done:,} of {len(read.rows):,} rows")
                writer.write(row)
            errors = sorted(read.errors + writer.errors, key=lambda e: e["row"])
            report.update(writer.counts, batch_id=batch_id, failed=len(errors), errors=errors,
                          warnings=read.warnings + writer.lanes.warning(), lanes_new=writer.lanes.made)
            import_store.finish_item_batch(ws.db, batch_id, report)
            if read.given and not dry_run:
                _remember(ws, plan.source, read.given)
            if dry_run:
                raise _DryRun
    except _DryRun:
        report["batch_id"] = None
    if progress is not None:
        progress.update(len(read.rows), len(read.rows), "Done")
    return report
