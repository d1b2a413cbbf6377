"""Untrusted text made safe to put in a spreadsheet.

Titles, bodies and company names come from CSV dumps and from the user. A
spreadsheet evaluates a cell that starts with `=`, `+`, `-` or `@` (and some
strip a leading tab, CR or LF first, and Japanese input turns the full-width
forms into the ASCII ones), so such text could run a formula or a DDE command
on the reader's machine. In the workbook we store it as a string with Excel's
own "quote prefix" flag, so the text stays exactly as written and is still
text after the reader edits the cell; in CSV, which has no types, we prepend
an apostrophe, the escape spreadsheets recognise.

A CSV field is not always one cell: a spreadsheet in a French, German, Spanish
or Italian locale splits the file on `;`, and a paste splits it on tabs (and
on line breaks, whatever the quoting). So `csv_cell` also puts the apostrophe
before a formula character that follows a `,`, `;`, tab, CR or LF inside the
text (spaces and quote marks in between do not count: a spreadsheet drops
them). Numbers are written as plain numbers, negative ones too (`-3`): a cell
that is only a number is a number, never a formula, in every spreadsheet.
"""

from __future__ import annotations

import re

# The characters that make a spreadsheet read a cell as a formula or command.
HOSTILE_LEADS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")

# A plain number written as text ("-5", "+3.25") is data, not a formula: left alone.
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")

# Control characters that XML 1.0 cannot carry; openpyxl refuses them outright.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

# Excel shows at most this many characters in a cell and refuses longer ones.
EXCEL_MAX_CHARS = 32767


def is_hostile(text: str) -> bool:
    """True when a spreadsheet could evaluate `text` as a formula."""
    return bool(text) and text[0] in HOSTILE_LEADS and not _PLAIN_NUMBER.fullmatch(text)


def clean_text(text: str) -> str:
    """Text an xlsx file can hold: no XML-illegal characters, not over Excel's cell limit."""
    if _ILLEGAL_XML.search(text):
        text = _ILLEGAL_XML.sub("\ufffd", text)
    if len(text) > EXCEL_MAX_CHARS:
        text = text[: EXCEL_MAX_CHARS - 1] + "\u2026"
    return text


# Where a spreadsheet may start a new cell inside one CSV field.
_SPLITS = frozenset(",;\t\r\n")
# The characters that start a formula once a spreadsheet has dropped blanks and quotes.
_FORMULA_LEADS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")


def _number_text(value) -> str:
    """A number as a spreadsheet reads it back exactly: 12.5, -3, 1234567 (never 1.23457e+06)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if value != value or value in (float("inf"), float("-inf")):
        return ""  # NaN and infinity are no number a spreadsheet can hold
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def csv_cell(value) -> str:
    """A value for a CSV field that no spreadsheet turns into a formula, however it splits the line.

    Splitting on `,` (the file's delimiter), `;` (European locales) or tab (a
    paste), no cell starts with `=`, `+`, `-`, `@`, their full-width forms, or
    a tab or CR before one of them. Numbers stay numbers; so does text that is
    only a plain number ("-5").
    """
    if value is None:
        return ""
    if isinstance(value, (bool, int, float)):
        return _number_text(value)
    text = csv_text(value)
    if not any(c in _SPLITS for c in text) and not (text[:1].isspace() or text[:1] == '"'):
        return text
    out = []
    at_start = True  # a new cell may begin here; blanks and quote marks keep it so
    for n, c in enumerate(text):
        if at_start and c in _FORMULA_LEADS and not (n == 0 and _PLAIN_NUMBER.fullmatch(text)):
            out.append("'")
        out.append(c)
        if c in _SPLITS:
            at_start = True
        elif at_start and not (c.isspace() or c == '"'):
            at_start = False
    return "".join(out)


def csv_text(value) -> str:
    """A value for a CSV cell: hostile text gets a leading apostrophe; numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    text = str(value)
    return "'" + text if is_hostile(text) else text
