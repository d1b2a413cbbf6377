"""A small workbook of one lane's release notes and whom to tell (`planner release-notes LANE --output FILE.xlsx`).

Two sheets, header row frozen, text wrapped in readable widths: "Release notes"
(theme, title, summary, status, asked for by) and "Whom to tell" (the mail-merge
columns of `planner.releases.whom_columns`). Written beside the target and moved
into place, so a failed write leaves the previous file as it was.
"""

from __future__ import annotations

import math
import unicodedata

from planner.releases import STATUS_WORDS, whom_cell, whom_columns

# Column widths in characters; anything unnamed gets the default.
_WIDTHS = {"Theme": 18, "Title": 38, "Summary": 60, "Status": 12, "Requests": 10, "Asked for by": 60,
           "company": 28, "item_id": 8, "item": 38, "requests": 10, "requesters": 28, "emails": 34, "owner": 18,
           "words": 60, "informed_at": 12}
_DEFAULT_WIDTH = 16
LINE_HEIGHT = 15  # points per line of 11-point text


def _lines(value, width: int) -> int:
    """How many lines `value` takes wrapped in a column `width` characters wide (East Asian characters count two)."""
    if value is None or isinstance(value, (int, float)):
        return 1
    total = 0
    for line in str(value).split("\n"):
        shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
        total += max(1, math.ceil(shown / max(width, 1)))
    return total


def _sheet(book, title: str, header: list[str], rows: list[list]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    wrap = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = bold, fill, Alignment(vertical="top", wrap_text=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    widths = [_WIDTHS.get(name, _DEFAULT_WIDTH) for name in header]
    for n, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = width + 2
    # Spreadsheets do not grow a row for wrapped text written by a program: each row gets the height of its
    # tallest cell, or wrapped lines would print on top of the next row.
    for n, row in enumerate(rows, start=2):
        lines = max((_lines(value, width) for value, width in zip(row, widths)), default=1)
        if lines > 1:
            sheet.row_dimensions[n].height = LINE_HEIGHT * lines
    sheet.freeze_panes = "A2"
    # Printed as it is read: landscape, every column on the page's width, the header on each page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    if rows:
        sheet.auto_filter.ref = sheet.dimensions


def write_release_book(path, notes: dict, whom: list[dict], *, workspace=None) -> None:
    """Write the notes and the whom-to-tell rows to `path` (.xlsx); `workspace` is the open one's path, never replaced."""
    from openpyxl import Workbook

    from planner.exporting.atomic import replacing

    book = Workbook()
    book.remove(book.active)
    header = ["Theme", "Title", "Summary", "Status", "Requests"] + (["Asked for by"] if notes["companies_shown"] else [])
    lines = []
    for group in notes["themes"]:
        for item in group["items"]:
            line = [group["theme"], item["title"], item["summary"] or "",
                    STATUS_WORDS.get(item["status"], item["status"]), item["requests"]]
            if notes["companies_shown"]:
                line.append(", ".join(item["companies"]))
            lines.append(line)
    _sheet(book, "Release notes", header, lines)
    columns = whom_columns(notes["edition"])
    _sheet(book, "Whom to tell", columns,
           [[row[c] if c in ("item_id", "requests") else
             ("\n".join(row[c]) if c == "words" else whom_cell(row.get(c))) for c in columns] for row in whom])
    with replacing(path, workspace=workspace) as scratch:
        book.save(scratch.file)
