"""The roadmap workbook: one sheet per question a business reader asks.

Roadmap (what comes when), Priorities (why in this order), Demand (who wants
it), Requests (the evidence; internal edition), Who to tell (whom to call when
it ships) and About (how it was made). Sheets are streamed with openpyxl's
write-only mode so a 100k-request workspace fits in memory and time.
"""

from __future__ import annotations

import math
import numbers
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from planner.errors import check_progress
from planner.exporting.atomic import TEMP_PREFIX
from planner.exporting.safe import HOSTILE_LEADS, clean_text, is_hostile
from planner.exporting.snapshot import Snapshot, parse_day
from planner.exporting.styles import STATUS_LABELS, Styles

METHOD_NAMES = {
    "rice": "RICE (reach × impact × confidence ÷ effort)",
    "value-effort": "Value ÷ effort",
    "ice": "ICE (impact × confidence × ease)",
    "wsjf": "WSJF (cost of delay ÷ job size)",
}
LANE_MODE_NAMES = {"quarters": "Quarters", "releases": "Releases", "now-next-later": "Now / Next / Later"}

# The planner's scores, as Excel formulas over the factor cells of the same row.
# Keys are the factor names `planner.scoring` reports; a method whose factors are
# not all present on a row gets the score as a value instead.
SCORE_FORMULAS = {
    "rice": (("reach", "impact", "confidence", "effort"), "{reach}*{impact}*{confidence}/{effort}"),
    "value-effort": (("value", "effort"), "{value}/{effort}"),
    "ice": (("impact", "confidence", "ease"), "{impact}*{confidence}*{ease}"),
    "wsjf": (("business_value", "time_criticality", "risk_reduction", "job_size"),
             "({business_value}+{time_criticality}+{risk_reduction})/{job_size}"),
}
# The same arithmetic in Python, for the value stored beside each formula: readers
# that do not calculate (previews, pandas) then still see the score.
SCORE_VALUES = {
    "rice": lambda v: v["reach"] * v["impact"] * v["confidence"] / v["effort"],
    "value-effort": lambda v: v["value"] / v["effort"],
    "ice": lambda v: v["impact"] * v["confidence"] * v["ease"],
    "wsjf": lambda v: (v["business_value"] + v["time_criticality"] + v["risk_reduction"]) / v["job_size"],
}
# Other spellings of the same factor, so a renamed factor still gets its formula.
FACTOR_ALIASES = {"value": "business_value", "time": "time_criticality", "risk": "risk_reduction",
                  "size": "job_size", "job size": "job_size", "business value": "business_value",
                  "time criticality": "time_criticality", "risk reduction": "risk_reduction"}
# Factors the business edition leaves out: estimates that are the product team's own.
INTERNAL_FACTORS = {"effort", "confidence", "ease", "job_size"}
# RICE keeps confidence in percent; in the sheet it is a % cell holding a fraction.
PERCENT_FACTORS = {"rice": {"confidence"}}

PROGRESS_EVERY = 2000


class Formula(str):
    """A formula the planner wrote; the only kind of formula a workbook may hold.

    `cached` is its result, stored with it for readers that do not calculate.
    """

    cached = None


def label(value) -> str | None:
    """An enumeration ('in_progress', 'quick_win') as a reader writes it."""
    if value is None or value == "":
        return None
    return STATUS_LABELS.get(value) or str(value).replace("_", " ").replace("-", " ").capitalize()


_INDENTED = {"int", "num", "num2", "score", "pct", "money"}  # right-aligned with an indent: a little wider
LINE_HEIGHT = 13.0  # points per line of 10-point text, with leading


def _row_height(cells, *, bold: bool = False) -> float | None:
    """The height a row of wrapped text needs, or None when one line will do.

    Readers do not all fit rows to wrapped text on opening (LibreOffice keeps what
    the file says), so the file says it. Width units are about one digit of the
    default font; wide (CJK) characters count double, estimated from UTF-8 length.
    """
    lines = 1
    for value, width in cells:
        if not isinstance(value, str) or (len(value) * 2 < width and "\n" not in value):
            continue
        per_line = max(1.0, width * (1.0 if bold else 1.1) - 1)
        n = 0
        for para in value.split("\n"):
            size = len(para) + (len(para.encode("utf-8")) - len(para)) // 2
            n += max(1, math.ceil(size / per_line))
        lines = max(lines, n)
    if lines == 1:
        return None
    return round(min(lines, 30) * LINE_HEIGHT + 3, 1)


def _display_len(value) -> int:
    if value is None:
        return 0
    if isinstance(value, float):
        text = f"{value:,.1f}"
    elif isinstance(value, (date, datetime)):
        text = "2026-01-01"
    else:
        text = str(value)
    longest = max(text.split("\n"), key=len) if "\n" in text else text
    # East Asian wide characters take about two Latin widths.
    return len(longest) + sum(1 for ch in longest if ord(ch) >= 0x2E80)


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    kind: str = "text"  # a look from styles.py: text, wrap, id, int, money, date, ...
    max_width: float = 40
    min_width: float = 6
    optional: bool = False  # left out when no row has a value, so a printout is not widened by empty columns


_EPOCH = date(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year quirk already folded in)
_COLUMN_LETTERS = [get_column_letter(n) for n in range(1, 200)]


# Text that needs escaping or cleaning before it can go into the XML as it is.
_NEEDS_CARE = re.compile(r"[&<>\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xml_escape(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _serial(value) -> float:
    if isinstance(value, datetime):
        delta = value - datetime(1899, 12, 30)
        return delta.days + delta.seconds / 86400
    return (value - _EPOCH).days


class SheetWriter:
    """Writes one sheet's rows as SpreadsheetML straight to a file.

    openpyxl spends ~20 µs on every cell it serialises, which puts a 100k-request
    workbook near a minute on a modest laptop. Cells here are a few string joins
    each; openpyxl still writes everything around them (styles, widths, panes,
    filters, print setup), and `save_workbook` splices these rows into its file.
    """

    def __init__(self, book: "RoadmapBook", title: str):
        self.book = book
        self.ws = book.wb.create_sheet(title)
        self.title = title
        self.rows = 0
        self._heights: dict[int, float] = {}
        self.path = book.parts / f"rows-{len(book.writers) + 1}.xml"
        self._out = open(self.path, "w", encoding="utf-8", newline="")
        book.writers.append(self)

    def height(self, row: int, points: float | None) -> None:
        if points:
            self._heights[row] = points

    def cell(self, value, style_name: str) -> str | None:
        """The XML of a cell after its reference; text is always text, hostile text quote-prefixed."""
        styles = self.book.styles
        if value is None:
            return None
        if isinstance(value, Formula):
            body = f'><f>{_xml_escape(str(value)[1:])}</f>'
            if isinstance(value.cached, (int, float)) and math.isfinite(value.cached):
                body += f"<v>{float(value.cached)!r}</v>"
            return f' s="{styles.sid(style_name)}"{body}</c>'
        if isinstance(value, bool):
            value = "Yes" if value else "No"
        if isinstance(value, str):
            if not value:
                return None
            hostile = value[0] in HOSTILE_LEADS and is_hostile(value)
            sid = styles.qsid(style_name) if hostile else styles.sid(style_name)
            text = _xml_escape(clean_text(value))
            space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
            return f' s="{sid}" t="inlineStr"><is><t{space}>{text}</t></is></c>'
        # numbers.* also takes NumPy's scalars, whose repr is not an XML number.
        if isinstance(value, numbers.Integral):
            return f' s="{styles.sid(style_name)}"><v>{int(value)}</v></c>'
        if isinstance(value, numbers.Real):
            value = float(value)
            if not math.isfinite(value):
                return None
            return f' s="{styles.sid(style_name)}"><v>{value!r}</v></c>'
        if isinstance(value, (date, datetime)):
            return f' s="{styles.sid(style_name)}"><v>{_serial(value)}</v></c>'
        return self.cell(str(value), style_name)

    def append(self, cells) -> None:
        self.rows += 1
        r = self.rows
        height = self._heights.get(r)
        parts = [f'<row r="{r}" ht="{height}" customHeight="1">' if height else f'<row r="{r}">']
        letters = _COLUMN_LETTERS
        for n, c in enumerate(cells):
            if c is not None:
                parts.append(f'<c r="{letters[n]}{r}"{c}')
        parts.append("</row>")
        self._out.write("".join(parts))
        self.book.tick()

    def write_rows(self, rows, kinds: list[str], wrapped) -> None:
        """The body of a table, inlined: at 100k rows the per-cell function calls of
        `cell` and `append` would be most of the export's time.

        Plain text, whole numbers and decimals are written here; dates, formulas and
        anything unusual go through `cell`.
        """
        styles = self.book.styles
        sids = [styles.sid(k) for k in kinds]
        qsids = [styles.qsid(k) for k in kinds]
        letters = _COLUMN_LETTERS[: len(kinds)]
        cell, write, tick = self.cell, self._out.write, self.book.tick
        special = _NEEDS_CARE.search
        hostile_leads = HOSTILE_LEADS
        r = self.rows
        for row in rows:
            r += 1
            height = _row_height([(row[n], w) for n, w in wrapped]) if wrapped else None
            parts = [f'<row r="{r}" ht="{height}" customHeight="1">' if height else f'<row r="{r}">']
            for n, value in enumerate(row):
                if value is None or value == "":
                    # An empty cell still wears its column's borders, or the grid has holes.
                    parts.append(f'<c r="{letters[n]}{r}" s="{sids[n]}"/>')
                    continue
                t = type(value)
                if t is str:
                    sid = qsids[n] if value[0] in hostile_leads and is_hostile(value) else sids[n]
                    if special(value) or len(value) > 2000 or value[0].isspace() or value[-1].isspace():
                        parts.append(f'<c r="{letters[n]}{r}"{cell(value, kinds[n])}')
                    else:
                        parts.append(f'<c r="{letters[n]}{r}" s="{sid}" t="inlineStr"><is><t>{value}</t></is></c>')
                elif t is int:
                    parts.append(f'<c r="{letters[n]}{r}" s="{sids[n]}"><v>{value}</v></c>')
                else:
                    xml = cell(value, kinds[n])
                    if xml is not None:
                        parts.append(f'<c r="{letters[n]}{r}"{xml}')
            parts.append("</row>")
            write("".join(parts))
            tick()
        self.rows = r

    def close(self) -> None:
        self._out.close()


class RoadmapBook:
    def __init__(self, snap: Snapshot, parts: Path, *, progress=None):
        self.snap = snap
        self.wb = Workbook(write_only=True)
        # Excel trusts stored results unless told to recalculate; the formulas are the truth.
        self.wb.calculation.fullCalcOnLoad = True
        self.parts = parts  # each sheet's rows, and openpyxl's package before the rows go in
        self.writers: list[SheetWriter] = []
        self.styles = Styles(self.wb, cjk=snap.has_cjk, currency=snap.currency)
        self.progress = progress
        self.done = 0
        self.total = len(snap.items) * 2 + len(snap.requests) + sum(len(rows) for rows in snap.companies.values()) + 50
        self.sheets: list[str] = []
        self.wb.properties.title = f"Roadmap: {snap.workspace}"
        self.wb.properties.creator = "Roadmap Planner"

    def tick(self) -> None:
        self.done += 1
        if self.progress is not None and self.done % PROGRESS_EVERY == 0:
            check_progress(self.progress, self.done, self.total, "Writing the workbook")

    # ------------------------------------------------------------ helpers

    def _print_setup(self, ws, *, title_rows: str | None, landscape: bool = True) -> None:
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.page_margins.header = ws.page_margins.footer = 0.3
        if title_rows:
            ws.print_title_rows = title_rows
        # '&' starts a code in a header or footer; a workspace called "R&D" must stay text.
        ws.oddFooter.left.text = clean_text(self.snap.workspace.replace("&", "&&") + " · &A")
        ws.oddFooter.right.text = "Page &P of &N"
        ws.oddFooter.left.size = ws.oddFooter.right.size = 8

    def table(self, title: str, columns: list[Column], rows: list[list], *, freeze: str = "B2", score_col: str | None = None) -> SheetWriter:
        """A sheet holding one table: header in row 1, filters, frozen header, fitted widths."""
        empty = [n for n, col in enumerate(columns) if col.optional and all(row[n] in (None, "") for row in rows)]
        if empty:
            keep = [n for n in range(len(columns)) if n not in set(empty)]
            columns = [columns[n] for n in keep]
            rows = [[row[n] for n in keep] for row in rows]
        sheet = SheetWriter(self, title)
        ws = sheet.ws
        # A write-only sheet writes its head (properties, panes, widths) with the first
        # row, so everything but the tail is set before any row goes in.
        self._print_setup(ws, title_rows="1:1")
        ws.freeze_panes = freeze
        sample = rows[:2000]
        widths = []
        for n, col in enumerate(columns):
            width = max([_display_len(col.header) * 0.9] + [_display_len(row[n]) for row in sample])
            width = max(col.min_width, min(col.max_width, width + (3.5 if col.kind in _INDENTED else 2)))
            widths.append(width)
            ws.column_dimensions[get_column_letter(n + 1)].width = width
        wrapped = [(n, widths[n]) for n, col in enumerate(columns) if col.kind == "wrap"]
        sheet.height(1, _row_height([(col.header, w) for col, w in zip(columns, widths)], bold=True))
        sheet.append([sheet.cell(col.header, "header") for col in columns])
        sheet.write_rows(rows, [col.kind for col in columns], wrapped)
        last = get_column_letter(len(columns))
        end = max(2, len(rows) + 1)
        ws.auto_filter.ref = f"A1:{last}{end}"
        if score_col and rows:
            ws.conditional_formatting.add(
                f"{score_col}2:{score_col}{end}",
                ColorScaleRule(start_type="min", start_color="FFFFFF", end_type="max", end_color="63BE7B"),
            )
        self.sheets.append(title)
        return sheet

    # ------------------------------------------------------------ sheets

    def roadmap(self) -> None:
        snap = self.snap
        sheet = SheetWriter(self, "Roadmap")
        ws = sheet.ws
        lanes = snap.lanes
        ncols = max(1, len(lanes))
        width = 34 if ncols <= 4 else 28 if ncols <= 6 else 22
        for n in range(ncols):
            ws.column_dimensions[get_column_letter(n + 1)].width = width
        shown = [s for s in STATUS_LABELS if any(i["status"] == s for lane in lanes for i in lane["items"])]
        legend_rows = max(1, math.ceil(len(shown) / ncols)) if shown else 0
        header_row = 4 + legend_rows
        ws.freeze_panes = f"A{header_row + 2}"
        ws.sheet_view.showGridLines = False  # the cards carry their own borders
        self._print_setup(ws, title_rows=f"{header_row}:{header_row + 1}" if lanes else None)
        sheet.height(1, 24)
        method = METHOD_NAMES.get(snap.settings.get("method"), snap.settings.get("method") or "")
        sheet.append([sheet.cell(f"Roadmap · {snap.workspace}", "title")])
        subtitle = (
            f"{LANE_MODE_NAMES[snap.lanes_mode]} · exported {snap.exported_at:%Y-%m-%d %H:%M} · "
            f"ranked by {method} · {snap.edition} edition"
        )
        sheet.append([sheet.cell(subtitle, "subtitle")])
        for r in range(legend_rows):
            chunk = shown[r * ncols:(r + 1) * ncols]
            sheet.append([sheet.cell(STATUS_LABELS[s], f"legend:{s}") for s in chunk])
        sheet.append([])
        if not lanes:
            sheet.append([sheet.cell(f"This workspace has no {LANE_MODE_NAMES[snap.lanes_mode].lower()} lanes yet.", "text")])
            self.sheets.append("Roadmap")
            return
        sheet.height(header_row, 22)
        captions = [self._lane_caption(lane) for lane in lanes]
        sheet.height(header_row + 1, _row_height([(c, width) for c in captions]) or LINE_HEIGHT + 4)
        sheet.append([sheet.cell(lane["name"], "lane_head") for lane in lanes])
        sheet.append([sheet.cell(c, "lane_sub") for c in captions])
        depth = max(len(lane["items"]) for lane in lanes)
        if depth == 0:
            sheet.append([])
            sheet.append([sheet.cell("No items are placed in these lanes yet; the Priorities sheet lists them all.", "subtitle")])
        # Cards of one size read as a board; the size is what the longest title needs
        # (the width less the card's indent), with a little air, at most three lines.
        card = min(3 * LINE_HEIGHT + 3, max(
            [_row_height([(i["title"], width - 3)]) or LINE_HEIGHT for lane in lanes for i in lane["items"]] or [LINE_HEIGHT]
        )) + 6
        for r in range(depth):
            sheet.height(header_row + 2 + r, card)
            row = []
            for lane in lanes:
                items = lane["items"]
                if r < len(items):
                    item = items[r]
                    row.append(sheet.cell(item["title"], f"status:{item['status']}"))
                else:
                    row.append(None)
            sheet.append(row)
        self.sheets.append("Roadmap")

    def _lane_caption(self, lane: dict) -> str:
        parts = []
        start, end = parse_day(lane.get("start_date")), parse_day(lane.get("end_date"))
        if start and end:
            parts.append(f"{start.day} {start:%b} – {end.day} {end:%b %Y}")
        elif start:
            parts.append(f"from {start.day} {start:%b %Y}")
        n = len(lane["items"])
        count = f"{n} item{'s' if n != 1 else ''}"
        if self.snap.internal and lane.get("capacity"):
            effort = sum(i.get("effort") or 0 for i in lane["items"])
            count += f" · {effort:g} of {lane['capacity']:g} person-months"
            if effort > lane["capacity"]:
                count += " (over)"
        parts.append(count)
        return "\n".join(parts)

    def priorities(self) -> None:
        snap = self.snap
        method = snap.settings.get("method") or (snap.items[0]["method"] if snap.items else "rice")
        percent = PERCENT_FACTORS.get(method, set())
        factor_names: list[str] = []
        for item in snap.items:
            for f in item.get("factors") or ():
                name = _factor_key(f.get("name"), method)
                if name and name not in factor_names:
                    factor_names.append(name)
        if not snap.internal:
            factor_names = [n for n in factor_names if n not in INTERNAL_FACTORS]
        columns = [
            Column("Rank", "rank", max_width=7),
            Column("ID", "id", max_width=8),
            Column("Title", "wrap", max_width=40, min_width=24),
            Column("Kind", "text", max_width=14),
            Column("Status", "text", max_width=14),
            Column("Theme", "text", max_width=20),
            Column("Lane", "text", max_width=14),
            Column("Score", "score", max_width=10, min_width=8),
        ]
        first_factor = len(columns)
        for name in factor_names:
            kind = "pct" if name in percent else "num2"
            columns.append(Column(name.replace("_", " ").capitalize(), kind, max_width=12, min_width=8))
        top_n = snap.settings.get("top_n") or 10
        columns += [
            Column("Reach source", "wrap", max_width=26),
            Column("Quadrant", "text", max_width=12, optional=True),
            Column("Requests", "int", max_width=10),
            Column("Companies", "int", max_width=11),
            Column("MRR at stake", "money", max_width=13),
            Column("Single customer", "wrap", max_width=24, optional=True),
            Column(f"Stays in top {top_n}", "pct", max_width=9, optional=True),
            Column("Pinned rank", "int", max_width=8, optional=True),
            Column("Why pinned", "wrap", max_width=36, optional=True),
        ]
        if snap.internal:
            columns += [
                Column("How the score was computed", "wrap", max_width=50, min_width=30, optional=True),
                Column("Notes", "wrap", max_width=36, optional=True),
            ]
        letters = {name: get_column_letter(first_factor + n + 1) for n, name in enumerate(factor_names)}
        needed, template = SCORE_FORMULAS.get(method, ((), ""))
        live = snap.internal and template and all(n in letters for n in needed)
        rows = []
        for r, item in enumerate(snap.items, start=2):
            factors = {_factor_key(f.get("name"), method): f.get("value") for f in item.get("factors") or ()}
            values = {}
            for name in factor_names:
                v = factors.get(name)
                if isinstance(v, (int, float)) and name in percent:
                    v = v / 100.0  # a percentage cell holds a fraction
                values[name] = v
            score = item.get("score")
            if live and score is not None and all(isinstance(values.get(n), (int, float)) for n in needed) and values.get(needed[-1]):
                formula = Formula("=" + template.format(**{n: f"{letters[n]}{r}" for n in needed}))
                formula.cached = SCORE_VALUES[method](values)
                # Only a formula that gives the planner's own score (up to its rounding) goes in;
                # should the scoring ever add a term the formula lacks, the value is shown instead.
                if abs(formula.cached - score) <= 0.0051 + 1e-9 * abs(score):
                    score = formula
            detail = snap.details.get(item["id"], {})
            row = [
                item.get("rank"),
                str(item["id"]),
                item.get("title"),
                label(item.get("kind")),
                label(item.get("status")),
                item.get("theme"),
                item.get("lane"),
                score,
                *(values[n] for n in factor_names),
                _reach_source(item),
                label(item.get("quadrant")),
                item.get("requests"),
                item.get("companies"),
                item.get("mrr"),
                self._single_customer(item),
                item.get("rank_stability"),
                item.get("pinned_rank"),
                item.get("pin_rationale"),
            ]
            if snap.internal:
                row += [item.get("explanation") or item.get("unscored_reason"), detail.get("notes")]
            rows.append(row)
        score_col = get_column_letter(8)
        self.table("Priorities", columns, rows, freeze="D2", score_col=score_col)

    def _single_customer(self, item: dict):
        if not item.get("single_customer"):
            return None
        share = item.get("top_share")
        who = item.get("top_company") if self.snap.show_companies else "one company"
        if share is not None:
            return f"{who} ({share:.0%} of demand)"
        return who

    def demand(self) -> None:
        snap = self.snap
        columns = [
            Column("ID", "id", max_width=8),
            Column("Title", "wrap", max_width=48, min_width=24),
            Column("Status", "text", max_width=14),
            Column("Lane", "text", max_width=14),
            Column("Requests", "int", max_width=10),
            Column("Companies", "int", max_width=11),
            Column("Critical", "int", max_width=9),
            Column("MRR at stake", "money", max_width=14),
            Column("Segments", "wrap", max_width=30),
            Column("Last asked", "date", max_width=12, min_width=11),
        ]
        if snap.show_companies:
            columns.append(Column("Top companies asking", "wrap", max_width=60, min_width=30))
        rows = []
        for item in snap.items:
            d = snap.demand.get(item["id"])
            if not d:
                continue
            row = [
                str(item["id"]), item.get("title"), label(item.get("status")), item.get("lane"),
                d["requests"], d["companies"], d["critical"], d["mrr"], d["segments"], parse_day(d["last_asked"]),
            ]
            if snap.show_companies:
                row.append("\n".join(f"{c['company']} ({c['requests']})" for c in d["top_companies"]) or None)
            rows.append(row)
        rows.sort(key=lambda r: (-(r[7] or 0), -(r[4] or 0)))
        self.table("Demand", columns, rows, freeze="C2")

    def requests(self) -> None:
        columns = [
            Column("Item ID", "id", max_width=8),
            Column("Item", "text", max_width=36),
            Column("Request ID", "id", max_width=9),
            Column("External ID", "id", max_width=14, optional=True),
            Column("Source", "text", max_width=12),
            Column("Title", "wrap", max_width=40, min_width=20),
            Column("Text", "wrap", max_width=50, min_width=30, optional=True),
            Column("Company", "text", max_width=28),
            Column("Segment", "text", max_width=14, optional=True),
            Column("MRR", "money", max_width=12, optional=True),
            Column("Requester", "text", max_width=22, optional=True),
            Column("E-mail", "text", max_width=32, optional=True),
            Column("Asked on", "date", max_width=11, min_width=11),
            Column("Votes", "int", max_width=7, optional=True),
            Column("Importance", "text", max_width=12),
            Column("URL", "text", max_width=30, optional=True),
        ]
        rows = [
            [str(r[0]), r[1], str(r[2]), r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11],
             parse_day(r[12]), r[13], label(r[14]), r[15]]
            for r in self.snap.requests
        ]
        self.table("Requests", columns, rows, freeze="C2")

    def who_to_tell(self) -> None:
        snap = self.snap
        columns = [
            Column("Lane", "text", max_width=14),
            Column("Item ID", "id", max_width=8),
            Column("Item", "wrap", max_width=40, min_width=20),
            Column("Status", "text", max_width=13),
            Column("Company", "text", max_width=30),
            Column("Segment", "text", max_width=14, optional=True),
            Column("Plan", "text", max_width=12),
            Column("MRR", "money", max_width=12, optional=True),
            Column("Requests", "int", max_width=10),
            Column("Last asked", "date", max_width=12, min_width=11),
        ]
        if snap.internal:
            columns += [Column("People who asked", "wrap", max_width=36), Column("E-mails", "wrap", max_width=40)]
        rows = []
        for lane in snap.lanes:
            for item in lane["items"]:
                if item["status"] not in ("planned", "in_progress", "shipped"):
                    continue
                for c in snap.companies.get(item["id"], ()):
                    row = [
                        lane["name"], str(item["id"]), item["title"], label(item["status"]), c["company"],
                        c["segment"], c["plan"], c["mrr"], c["requests"], parse_day(c["last_asked"]),
                    ]
                    if snap.internal:
                        row += [_list(c["requesters"]), _list(c["emails"])]
                    rows.append(row)
        self.table("Who to tell", columns, rows, freeze="D2")

    def about(self) -> None:
        snap = self.snap
        s = snap.settings
        sheet = SheetWriter(self, "About")
        ws = sheet.ws
        self._print_setup(ws, title_rows=None, landscape=False)
        ws.sheet_view.showGridLines = False
        ws.column_dimensions["A"].width = 22
        ws.column_dimensions["B"].width = 80
        method = s.get("method")
        weights = s.get("importance_weights") or {}
        lines = [
            ("About this workbook", "section"),
            ("Workspace", snap.workspace),
            ("Exported", snap.exported_at),
            ("Edition", "Internal: everything, for the product team." if snap.internal else
             "Business: without effort, confidence, internal notes, or the names and e-mails of the people who asked."),
            ("Roadmap lanes", LANE_MODE_NAMES[snap.lanes_mode]),
            ("Scoring method", METHOD_NAMES.get(method, method)),
            ("Demand window", f"Requests from the last {s.get('window_days')} days count towards reach." if s.get("window_days") else None),
            ("Segment filter", s.get("segment") or "All segments"),
            ("Importance weights", ", ".join(f"{label(k)} ×{v:g}" for k, v in weights.items()) if weights else None),
            ("Items", len(snap.items)),
            ("Linked requests", snap.request_count),
            ("", None),
            ("Sheets", "section"),
            ("Roadmap", f"The {LANE_MODE_NAMES[snap.lanes_mode].lower()} side by side; each item is coloured by its status (legend at the top)."),
            ("Priorities", "Every item in rank order with its score and the factors behind it."
             + (" The score is a live formula: change a factor and the score follows (the order does not re-sort)." if snap.internal else "")),
            ("Demand", "Per item: how many requests and companies asked, the MRR at stake, segments and when it was last asked, over all time."),
        ]
        if snap.internal:
            lines.append(("Requests", "Every request linked to an item: what was asked, by whom, when, and how important it is."))
        if snap.show_companies:
            lines.append(("Who to tell", "Per lane, the planned, in-progress and shipped items and the companies that asked for them."))
        lines += [
            ("", None),
            ("Reading the numbers", "section"),
            ("Duplicates and MRR", "Requests marked as duplicates are left out. MRR at stake counts each company once per item."),
        ]
        if not snap.show_companies:
            lines.append(("Companies", "Company names are left out of this edition."))
        for key, value in lines:
            if value == "section":
                sheet.height(sheet.rows + 1, 22)
                sheet.append([sheet.cell(key, "section")])
                continue
            style = "note_datetime" if isinstance(value, datetime) else ("note_int" if isinstance(value, int) else "note")
            sheet.height(sheet.rows + 1, _row_height([(value, 80)]))
            sheet.append([sheet.cell(key, "label"), sheet.cell(value, style)])
        self.sheets.append("About")

    def build(self) -> Workbook:
        self.roadmap()
        self.priorities()
        self.demand()
        if self.snap.internal and self.snap.requests is not None:
            self.requests()
        if self.snap.show_companies:
            self.who_to_tell()
        self.about()
        return self.wb


def _factor_key(name, method: str) -> str:
    key = str(name or "").strip().lower()
    if method == "wsjf":
        key = FACTOR_ALIASES.get(key, key)
    return key.replace(" ", "_")


def _reach_source(item: dict):
    for factor in item.get("factors") or ():
        if factor.get("name") == "reach" and factor.get("source"):
            return factor["source"][:1].upper() + factor["source"][1:]
    return label(item.get("reach_source"))


def _list(text) -> str | None:
    if not text:
        return None
    return "\n".join(sorted(set(str(text).split(","))))


def write_workbook(snap: Snapshot, path, *, progress=None, parts=None) -> list[str]:
    """Build the workbook for `snap` and write it to `path`; returns the sheet names.

    Intermediate files go in the folder `parts` (made here, removed when done);
    by default a hidden folder beside `path`, never the system's temporary folder.
    """
    path = Path(path)
    if parts is None:
        parts = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, suffix=".parts", dir=path.parent))
    else:
        parts = Path(parts)
        parts.mkdir()
    writers: list[SheetWriter] = []
    try:
        book = RoadmapBook(snap, parts, progress=progress)
        writers = book.writers
        book.build()
        for writer in writers:
            writer.close()
        base = parts / "base.xlsx"
        book.wb.save(base)
        _splice_rows(base, path, {f"xl/worksheets/sheet{n}.xml": w.path for n, w in enumerate(writers, 1)})
        return book.sheets
    finally:
        for writer in writers:
            writer.close()
        shutil.rmtree(parts, ignore_errors=True)


_EMPTY_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>")


def _splice_rows(base: Path, target: Path, rows_by_part: dict[str, Path]) -> None:
    """Copy the package openpyxl wrote, with each sheet's rows put into its empty sheetData."""
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=5) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            rows = rows_by_part.get(info.filename)
            if rows is None:
                zout.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
                continue
            match = _EMPTY_SHEET_DATA.search(data)
            if match is None:  # openpyxl wrote rows of its own: a bug here, not the user's problem
                raise RuntimeError(f"{info.filename} has no empty sheetData to fill")
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.compress_type = zipfile.ZIP_DEFLATED
            # The sheets are most of the file; level 1 deflates 3-4x faster for ~20 % more bytes.
            try:
                entry.compress_level = 1
            except AttributeError:  # before Python 3.13 the field was private
                entry._compresslevel = 1
            with zout.open(entry, "w", force_zip64=True) as fh:
                fh.write(data[: match.start()])
                fh.write(b"<sheetData>")
                with open(rows, "rb") as src:
                    shutil.copyfileobj(src, fh, 1 << 20)
                fh.write(b"</sheetData>")
                fh.write(data[match.end():])
