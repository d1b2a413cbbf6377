"""The priorities as CSV: UTF-8 with a byte-order mark, so Excel on Japanese
Windows reads it as UTF-8 rather than Shift-JIS, and CRLF line ends as Excel writes."""

from __future__ import annotations

import csv

from planner.exporting.safe import csv_text


def write_csv(path, header: list[str], rows) -> int:
    n = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow([csv_text(h) for h in header])
        for row in rows:
            writer.writerow([csv_text(v) for v in row])
            n += 1
    return n
