"""One reading layer for every kind of file that comes in: a CSV (any encoding a real tool writes) or an Excel workbook.

`read_table(path)` gives the header and the rows of the table in the file,
whatever it holds: requests, backlog items, companies or metrics. The
importers of each kind read rows from here; only the request importer,
built for million-row dumps, streams CSV files on its own (`frame.py`).

In a workbook (`.xlsx`, `.xlsm`): the sheet that looks most like a table
is read unless one is named; a title row, merged title cells and blank rows
above the header are skipped; real numbers and dates stay numbers and dates
(a number in a cell formatted as a percentage comes as `Percent`, so 0.8
means 80 %); a formula gives its cached value, or an empty cell when the
file was written by a program and holds none (counted in a warning).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from planner.errors import ImportFailed

MAX_ROWS = 200_000  # a backlog, a CRM export or a sheet of metrics; past this, it is something else
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
OLD_EXCEL = (".xls", ".xlsb", ".ods", ".numbers")
_HEADER_SCAN = 30  # rows looked at for the header


class Percent(float):
    """A number read from a cell formatted as a percentage: `Percent(0.8)` was shown as 80 %."""

    def __repr__(self) -> str:
        return f"Percent({float(self)!r})"


@dataclass
class Table:
    path: Path
    header: list[str]
    rows: list[list]  # cells: text for a CSV; text, int, float (or Percent), datetime, date, bool or None from a workbook
    row_numbers: list[int]  # each row's number as the spreadsheet shows it
    header_row: int  # the header's row number (1-based)
    sheet: str | None = None  # the sheet read, for a workbook
    sheets: list[str] = field(default_factory=list)  # every sheet of a workbook, in order
    encoding: str | None = None  # for a CSV
    delimiter: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def is_workbook(self) -> bool:
        return self.sheet is not None

    def column(self, name: str) -> int | None:
        """The index of the column named `name` (the first, if two share it)."""
        return next((i for i, h in enumerate(self.header) if h == name), None)


def is_workbook(path) -> bool:
    return Path(path).suffix.lower() in WORKBOOK_SUFFIXES


def cell_text(value) -> str:
    """A cell as text: a whole number without `.0`, a date as ISO, a percentage as `80%`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, Percent):
        return f"{_plain(float(value) * 100)}%"
    if isinstance(value, float):
        return _plain(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value).strip()


def _plain(number: float) -> str:
    if number == int(number) and abs(number) < 1e15:
        return str(int(number))
    return repr(round(number, 10))


def read_table(path, *, sheet: str | None = None, encoding: str | None = None, known=None,
               max_rows: int = MAX_ROWS) -> Table:
    """The table in `path`: a CSV, or a workbook's `sheet` (by default the one that looks most like a table).

    `known(header_cells) -> int` counts the cells a caller recognises as column
    names; it helps find the header row under a title. Raises `ImportFailed`
    with a message a user can act on.
    """
    path = Path(path)
    if not path.exists():
        raise ImportFailed(f"{path}: there is no such file.")
    if path.is_dir():
        raise ImportFailed(f"{path}: this is a folder, not a file to import.")
    suffix = path.suffix.lower()
    if suffix in OLD_EXCEL:
        raise ImportFailed(f"{path.name}: files of type {suffix} cannot be read.",
                           hint="Open it and save it as an Excel workbook (.xlsx) or as CSV.")
    if suffix in WORKBOOK_SUFFIXES or looks_like_workbook(path):
        return read_workbook(path, sheet=sheet, known=known, max_rows=max_rows)
    if sheet:
        raise ImportFailed(f"{path.name} is a CSV file: it has no sheets, so --sheet {sheet!r} cannot apply.")
    return read_csv_table(path, encoding=encoding, max_rows=max_rows)


def looks_like_workbook(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            if fh.read(4) != b"PK\x03\x04":
                return False
        with zipfile.ZipFile(path) as zf:
            return "xl/workbook.xml" in zf.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


# ---------------------------------------------------------------- CSV

def read_csv_table(path: Path, *, encoding: str | None = None, max_rows: int = MAX_ROWS) -> Table:
    """A CSV file's header and rows, read as `sniff` finds it written (encoding, delimiter, header row, footer)."""
    from planner.importing.reading import sniff
    from planner.importing.streams import open_text

    shape = sniff(path, encoding=encoding)
    rows: list[list] = []
    numbers: list[int] = []
    number = shape.header_row
    text, _ = open_text(shape)
    try:
        reader = csv.reader(text, delimiter=shape.delimiter)
        while True:
            try:
                record = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                raise ImportFailed(f"{path.name}: row {number + 1} cannot be read as CSV ({exc}).") from None
            except UnicodeDecodeError as exc:
                raise ImportFailed(f"{path.name}: some bytes after row {number} are not valid {shape.encoding} ({exc.reason}).",
                                   hint="Save the file again as UTF-8, or name its encoding.") from None
            number = shape.header_row + reader.line_num
            if not any(c.strip() for c in record):
                continue
            if len(rows) >= max_rows:
                raise ImportFailed(f"{path.name} has more than {max_rows:,} rows; this importer reads at most that many.")
            rows.append(record)
            numbers.append(number)
    finally:
        text.close()
    width = max([len(shape.header)] + [len(r) for r in rows])
    header = list(shape.header) + [""] * (width - len(shape.header))
    rows = [r + [""] * (width - len(r)) for r in rows]
    warnings = list(shape.warnings)
    return Table(path=path, header=header, rows=rows, row_numbers=numbers, header_row=shape.header_row,
                 encoding=shape.encoding, delimiter=shape.delimiter, warnings=warnings)


# ---------------------------------------------------------------- workbooks

def sheet_names(path) -> list[str]:
    """The sheets of a workbook, in order."""
    book = _open_book(Path(path))
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def _open_book(path: Path):
    import openpyxl

    try:
        # data_only: a formula reads as the value Excel cached when it saved the file.
        return openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except zipfile.BadZipFile:
        raise ImportFailed(f"{path.name}: the workbook is damaged or not an Excel file.",
                           hint="Open it in Excel or LibreOffice and save it again as .xlsx.") from None
    except KeyError as exc:
        raise ImportFailed(f"{path.name}: the workbook is incomplete ({exc}).",
                           hint="Open it in Excel or LibreOffice and save it again as .xlsx.") from None
    except Exception as exc:  # openpyxl raises many kinds (InvalidFileException, XML errors)
        if "encrypt" in str(exc).lower() or "password" in str(exc).lower():
            raise ImportFailed(f"{path.name}: the workbook is protected by a password.",
                               hint="Save a copy without the password and import that.") from None
        raise ImportFailed(f"{path.name}: the workbook cannot be read ({type(exc).__name__}: {str(exc)[:160]}).",
                           hint="Open it in Excel or LibreOffice and save it again as .xlsx.") from None


def _cells(ws, limit: int):
    """(row number, cells) of a sheet, at most `limit` rows."""
    # A read-only sheet pads missing rows and cells with empty cells that carry
    # no row number, so the row number is counted here rather than read.
    for number, row in enumerate(ws.iter_rows(max_row=limit), start=1):
        if not row:
            continue
        yield number, row


def _value(cell):
    value = cell.value
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        fmt = getattr(cell, "number_format", "") or ""
        if "%" in fmt:
            return Percent(value)
    return value


def _read_sheet(ws, limit: int):
    """The rows of `ws` as lists of values (trailing empty cells dropped), with their numbers."""
    out: list[tuple[int, list]] = []
    for number, cells in _cells(ws, limit):
        values = [_value(c) for c in cells]
        while values and values[-1] is None:
            values.pop()
        out.append((number, values))
    return out


def _header_index(rows: list[tuple[int, list]], known) -> int:
    """Which of `rows` is the header: the first with two or more known names, else the first filled like the table."""
    filled = [sum(1 for v in values if v is not None) for _, values in rows]
    widths = [f for f in filled if f > 1]
    modal = max(set(widths), key=widths.count) if widths else 1
    scan = rows[:_HEADER_SCAN]
    if known is not None:
        for i, (_, values) in enumerate(scan):
            names = [cell_text(v) for v in values if isinstance(v, str)]
            if known(names) >= 2 and filled[i] >= modal * 0.5:
                return i
    for i, (_, values) in enumerate(scan):
        # A header names its columns: text, not numbers or dates.
        texts = sum(1 for v in values if isinstance(v, str))
        if filled[i] >= 2 and filled[i] >= 0.4 * modal and texts >= filled[i] * 0.6:
            return i
    for i in range(len(scan)):
        if filled[i] >= 1:
            return i
    return -1


def _table_score(rows: list[tuple[int, list]], known) -> int:
    """How much a sheet looks like a table: rows with two or more values, more for a header with known names."""
    if not rows:
        return 0
    score = sum(1 for _, values in rows if sum(1 for v in values if v is not None) >= 2)
    h = _header_index(rows, known)
    if h >= 0 and known is not None:
        score += 10 * known([cell_text(v) for v in rows[h][1] if isinstance(v, str)])
    return score


def read_workbook(path: Path, *, sheet: str | None = None, known=None, max_rows: int = MAX_ROWS) -> Table:
    book = _open_book(path)
    try:
        names = list(book.sheetnames)
        if not names:
            raise ImportFailed(f"{path.name}: the workbook has no sheets.")
        if sheet is not None:
            hit = sheet if sheet in names else next((n for n in names if n.casefold() == sheet.strip().casefold()), None)
            if hit is None:
                raise ImportFailed(f"{path.name} has no sheet named {sheet!r}.", hint=f"Sheets: {', '.join(names)}.")
            chosen, rows = hit, _read_sheet(book[hit], max_rows + _HEADER_SCAN + 1)
        else:
            chosen, rows, best = names[0], None, -1
            for name in names:
                ws = book[name]
                if getattr(ws, "sheet_state", "visible") != "visible" and len(names) > 1:
                    continue
                read = _read_sheet(ws, max_rows + _HEADER_SCAN + 1)
                score = _table_score(read, known)
                if score > best:
                    chosen, rows, best = name, read, score
            if rows is None:
                rows = _read_sheet(book[chosen], max_rows + _HEADER_SCAN + 1)
        formulas_without_value = _formulas_without_value(path, chosen)
    finally:
        book.close()
    where = f"{path.name}, sheet {chosen!r}" if len(names) > 1 else path.name
    h = _header_index(rows, known)
    if h < 0:
        raise ImportFailed(f"{where}: the sheet is empty.", hint="Pick the sheet that holds the table." if len(names) > 1 else None)
    header_number, header_values = rows[h]
    data = [(n, v) for n, v in rows[h + 1:] if any(x is not None for x in v)]
    if not data:
        raise ImportFailed(f"{where}: the sheet has a header but no rows.")
    if len(data) > max_rows:
        raise ImportFailed(f"{where} has more than {max_rows:,} rows; this importer reads at most that many.")
    width = max([len(header_values)] + [len(v) for _, v in data])
    header = [cell_text(v) for v in header_values] + [""] * (width - len(header_values))
    warnings: list[str] = []
    if h > 0:
        warnings.append(f"Skipped {h} row(s) above the header (row {header_number}).")
    if formulas_without_value:
        warnings.append(
            f"{formulas_without_value} formula cell(s) have no saved value (the file was not saved by a spreadsheet app); "
            "they were read as empty. Open the file in Excel or LibreOffice and save it to keep their results."
        )
    return Table(
        path=path, header=header, rows=[v + [None] * (width - len(v)) for _, v in data],
        row_numbers=[n for n, _ in data], header_row=header_number, sheet=chosen, sheets=names, warnings=warnings,
    )


def _formulas_without_value(path: Path, sheet: str) -> int:
    """How many formula cells of `sheet` carry no cached value (a file written by a program, never opened in Excel)."""
    import re

    try:
        with zipfile.ZipFile(path) as zf:
            target = _sheet_part(zf, sheet)
            if target is None or target not in zf.namelist():
                return 0
            with zf.open(target) as fh:
                text = io.TextIOWrapper(fh, encoding="utf-8", errors="replace").read(64 << 20)
    except (OSError, zipfile.BadZipFile, KeyError):
        return 0
    count = 0
    # <c r="F2"><f>D2*E2</f><v /></c>: a formula and no value (`<v>` absent or empty).
    has_value = re.compile(r"<v>[^<]")
    for cell in re.finditer(r"<c\b[^>]*>(.*?)</c>", text, re.S):
        inner = cell.group(1)
        if "<f" in inner and not has_value.search(inner):
            count += 1
    return count


def _sheet_part(zf: zipfile.ZipFile, sheet: str) -> str | None:
    import re
    from xml.etree import ElementTree

    try:
        book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return None
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    rid = None
    for node in book.iterfind(".//m:sheets/m:sheet", ns):
        if node.get("name") == sheet:
            rid = next((v for k, v in node.attrib.items() if k.endswith("}id")), None)
    if rid is None:
        return None
    for rel in rels:
        if rel.get("Id") == rid:
            target = rel.get("Target") or ""
            target = re.sub(r"^/", "", target)
            return target if target.startswith("xl/") else "xl/" + target
    return None
