"""A streaming SpreadsheetML (.xlsx) writer: openpyxl writes a workbook's frame, rows are streamed in as XML.

openpyxl in write-only mode sets up the package (styles, widths, panes,
filters, print setup); each sheet's rows are written here to a file of their
own and spliced into openpyxl's package when it is saved, so a 100k-request
workbook fits in memory and time. Text is always text, and text a spreadsheet
would run is written so it stays text (`safe.py`). Knows nothing of roadmaps:
the sheets are built in `sheets/`.
"""

from __future__ import annotations

import math
import numbers
import re
import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Iterator

from openpyxl import Workbook
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from planner.errors import check_progress
from planner.exporting.atomic import TEMP_PREFIX
from planner.exporting.safe import HOSTILE_LEADS, clean_text, is_hostile
from planner.exporting.styles import Styles
from planner.exporting.words_ja import date_format, say

PROGRESS_EVERY = 2000


class Formula(str):
    """A formula the planner wrote; the only kind of formula a workbook may hold.

    `cached` is its result, stored with it for readers that do not calculate.
    """

    cached = None


_INDENTED = {"int", "num", "num2", "score", "pct", "money"}  # right-aligned with an indent: a little wider
LINE_HEIGHT = 13.0  # points per line of 10-point text, with leading


def row_height(cells, *, bold: bool = False) -> float | None:
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


def display_len(value) -> int:
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
    filters, print setup), and `StreamingBook.save` splices these rows into its file.
    """

    def __init__(self, book: "StreamingBook", title: str):
        self.book = book
        title = book.say(title)
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
            height = row_height([(row[n], w) for n, w in wrapped]) if wrapped else None
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


class StreamingBook:
    """A write-only workbook whose sheets stream their rows (`SheetWriter`), with progress and print setup.

    `title` is the document's; `name` goes in every page's footer; `total` is the number of rows expected, for progress.
    `language` ("en" or "ja") is the one sheet names, headers and dates are written in.
    """

    def __init__(self, parts: Path, *, title: str, name: str, cjk: bool, currency, total: int, progress=None,
                 language: str = "en"):
        self.name = name
        self.language = language
        self.wb = Workbook(write_only=True)
        self.wb.properties.title = title
        self.wb.properties.creator = "Roadmap Planner"
        # Excel trusts stored results unless told to recalculate; the formulas are the truth.
        self.wb.calculation.fullCalcOnLoad = True
        self.parts = parts  # each sheet's rows, and openpyxl's package before the rows go in
        self.writers: list[SheetWriter] = []
        self.styles = Styles(self.wb, cjk=cjk, currency=currency, date_format=date_format(language))
        self.progress = progress
        self.done = 0
        self.total = total
        self.sheets: list[str] = []

    def tick(self) -> None:
        self.done += 1
        if self.progress is not None and self.done % PROGRESS_EVERY == 0:
            check_progress(self.progress, self.done, self.total, "Writing the workbook")

    def say(self, text: str | None) -> str | None:
        """`text` in the workbook's language (`words_ja.py`)."""
        return say(text, self.language)

    def sheet(self, title: str) -> SheetWriter:
        """A new sheet to write row by row; `finish` it when its rows are in."""
        return SheetWriter(self, title)

    def finish(self, sheet: SheetWriter) -> None:
        self.sheets.append(sheet.title)

    def print_setup(self, ws, *, title_rows: str | None, landscape: bool = True) -> None:
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
        ws.oddFooter.left.text = clean_text(self.name.replace("&", "&&") + " · &A")
        ws.oddFooter.right.text = "&P / &N" if self.language == "ja" else "Page &P of &N"
        ws.oddFooter.left.size = ws.oddFooter.right.size = 8

    def table(self, title: str, columns: list[Column], rows: list[list], *, freeze: str = "B2", score_col: str | None = None,
              heading: str | None = None, legend: str | None = None, landscape: bool = True) -> SheetWriter:
        """A sheet holding one table: header in row 1, filters, frozen header, fitted widths.

        With a `heading` (and a one-line `legend` saying what the sheet shows) the
        table starts under them, in row 3, as a reader who prints the sheet wants it;
        `freeze` names the cell as if the header were in row 1. Headers are written in
        the workbook's language.
        """
        empty = [n for n, col in enumerate(columns) if col.optional and all(row[n] in (None, "") for row in rows)]
        if empty:
            keep = [n for n in range(len(columns)) if n not in set(empty)]
            columns = [columns[n] for n in keep]
            rows = [[row[n] for n in keep] for row in rows]
        headers = [self.say(col.header) for col in columns]
        sheet = SheetWriter(self, title)
        ws = sheet.ws
        top = 3 if heading else 1  # the header's row
        # A write-only sheet writes its head (properties, panes, widths) with the first
        # row, so everything but the tail is set before any row goes in.
        self.print_setup(ws, title_rows=f"{top}:{top}", landscape=landscape)
        letters = "".join(ch for ch in freeze if ch.isalpha())
        ws.freeze_panes = f"{letters}{int(freeze[len(letters):]) + top - 1}"
        sample = rows[:2000]
        widths = []
        for n, col in enumerate(columns):
            width = max([display_len(headers[n]) * 0.9] + [display_len(row[n]) for row in sample])
            width = max(col.min_width, min(col.max_width, width + (3.5 if col.kind in _INDENTED else 2)))
            widths.append(width)
            ws.column_dimensions[get_column_letter(n + 1)].width = width
        if heading:
            ws.sheet_view.showGridLines = False
            sheet.height(1, 24)
            sheet.append([sheet.cell(heading, "title")])
            # The legend may run past the table's width on screen; in print it wraps within the table.
            sheet.height(2, row_height([(legend, sum(widths))]))
            sheet.append([sheet.cell(legend, "legend_line")])
        wrapped = [(n, widths[n]) for n, col in enumerate(columns) if col.kind == "wrap"]
        sheet.height(top, row_height([(h, w) for h, w in zip(headers, widths)], bold=True))
        sheet.append([sheet.cell(h, "header") for h in headers])
        sheet.write_rows(rows, [col.kind for col in columns], wrapped)
        last = get_column_letter(len(columns))
        end = max(top + 1, len(rows) + top)
        ws.auto_filter.ref = f"A{top}:{last}{end}"
        if heading and legend:
            ws.merged_cells.add(f"A2:{last}2")
        if score_col and rows:
            ws.conditional_formatting.add(
                f"{score_col}{top + 1}:{score_col}{end}",
                ColorScaleRule(start_type="min", start_color="FFFFFF", end_type="max", end_color="63BE7B"),
            )
        self.finish(sheet)
        return sheet

    def save(self, path: Path) -> None:
        """Write the workbook to `path`: openpyxl's package with every sheet's rows spliced in."""
        for writer in self.writers:
            writer.close()
        base = self.parts / "base.xlsx"
        self.wb.save(base)
        _splice_rows(base, path, {f"xl/worksheets/sheet{n}.xml": w.path for n, w in enumerate(self.writers, 1)})

    def close(self) -> None:
        """Close every sheet's file; `save` does, and so does `open_book` however the block ends."""
        for writer in self.writers:
            writer.close()


@contextmanager
def open_book(path: Path, *, parts=None, **settings) -> Iterator[StreamingBook]:
    """A `StreamingBook` (`settings` as it takes them) for writing to `path`; `save` it inside the block.

    Intermediate files go in the folder `parts` (made here, removed when done);
    by default a hidden folder beside `path`, never the system's temporary folder.
    """
    if parts is None:
        parts = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, suffix=".parts", dir=path.parent))
    else:
        parts = Path(parts)
        parts.mkdir()
    book = None
    try:
        book = StreamingBook(parts, **settings)
        yield book
    finally:
        if book is not None:
            book.close()
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
