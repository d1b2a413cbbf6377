"""What the commands print: one JSON document under --json, else lines and aligned tables for people."""

from __future__ import annotations

import json
import sys

# Characters that drive a terminal (C0 and C1 controls: escape, bell, ...; DEL) or
# reorder what it shows (bidirectional overrides): never printed raw in a table.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNPRINTABLE = {c: "\ufffd" for c in [*range(0x20), 0x7F, *range(0x80, 0xA0), *map(ord, _BIDI)]}
_UNPRINTABLE.update({ord("\t"): " ", ord("\n"): " ", ord("\r"): " ", 0x2028: " ", 0x2029: " "})


def printable(text) -> str:
    """Text for a terminal line: controls and bidi overrides become \ufffd (spaces for tab and line breaks).

    Only for what is printed for people; --json output stays exact.
    """
    text = "" if text is None else str(text)
    text = text.translate(_UNPRINTABLE)
    return text.encode("utf-8", "replace").decode("utf-8") if any("\ud800" <= c <= "\udfff" for c in text) else text


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def emit(args, data, text) -> int:
    """Print `data` as one JSON document under --json, else `text` for people; returns the exit code, 0.

    `text` is the line to print, or a function that prints `data` for people.
    """
    if getattr(args, "json", False):
        print_json(data)
    elif callable(text):
        text(data)
    else:
        print(text)
    return 0


def emit_rows(args, rows: list[dict], columns: list[str]) -> int:
    """A list command's output: `rows` as one JSON list under --json, else as a table of `columns`."""
    return emit(args, rows, lambda rows: print_rows(rows, columns))


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 request', '2,000 requests'; `many` for a plural not made with an s."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def print_table(header: list[str], lines: list[list[str]], *, max_width: int | None = None) -> None:
    """Columns of text aligned under `header`; a cell wider than `max_width` is cut."""
    widths = [max([len(h)] + [len(line[i]) for line in lines]) for i, h in enumerate(header)]
    if max_width is not None:
        widths = [min(max_width, w) for w in widths]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    for line in lines:
        print("  ".join(v[:w].ljust(w) for v, w in zip(line, widths)))


def cell(value) -> str:
    """A value as a table shows it: nothing for None, floats short, text printable."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return printable(value)  # a title may hold terminal escapes: shown, never obeyed


def print_rows(rows: list[dict], columns: list[str]) -> None:
    """`rows` as a table of `columns`, each at most 48 characters wide; '(none)' for no rows."""
    if not rows:
        print("(none)")
        return
    print_table(columns, [[cell(row.get(c)) for c in columns] for row in rows], max_width=48)
