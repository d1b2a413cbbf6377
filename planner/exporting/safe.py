"""Untrusted text made safe to put in a spreadsheet.

Titles, bodies and company names come from CSV dumps and from the user. A
spreadsheet evaluates a cell that starts with `=`, `+`, `-` or `@` (and some
strip a leading tab, CR or LF first, and Japanese input turns the full-width
forms into the ASCII ones), so such text could run a formula or a DDE command
on the reader's machine. In the workbook we store it as a string with Excel's
own "quote prefix" flag, so the text stays exactly as written and is still
text after the reader edits the cell; in CSV, which has no types, we prepend
an apostrophe, the escape spreadsheets recognise.
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
