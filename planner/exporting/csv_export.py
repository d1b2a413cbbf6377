"""The priorities as CSV: UTF-8 with a byte-order mark, so Excel on Japanese
Windows reads it as UTF-8 rather than Shift-JIS, and CRLF line ends as Excel writes.

Every field goes through `csv_cell`, so no cell becomes a formula whether the
reader splits the lines on `,`, on `;` (French, German, Spanish, Italian
spreadsheets) or on tabs (a paste)."""

from __future__ import annotations

import csv

from planner.exporting.safe import csv_cell


def write_csv(path, header: list[str], rows) -> int:
    n = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow([csv_cell(h) for h in header])
        for row in rows:
            writer.writerow([csv_cell(v) for v in row])
            n += 1
    return n
