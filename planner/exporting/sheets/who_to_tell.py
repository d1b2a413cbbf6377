"""The Who to tell sheet: per lane, the planned, in-progress and shipped items and the companies that asked for them."""

from __future__ import annotations

from planner.exporting.labels import label
from planner.exporting.sheet_writer import Column, StreamingBook
from planner.exporting.snapshot import Snapshot, parse_day

TOLD_STATUSES = ("planned", "in_progress", "shipped")


def add_sheet(book: StreamingBook, snap: Snapshot) -> None:
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
            if item["status"] not in TOLD_STATUSES:
                continue
            for c in snap.companies.get(item["id"], ()):
                row = [
                    lane["name"], str(item["id"]), item["title"], label(item["status"]), c["company"],
                    c["segment"], c["plan"], c["mrr"], c["requests"], parse_day(c["last_asked"]),
                ]
                if snap.internal:
                    row += [_list(c["requesters"]), _list(c["emails"])]
                rows.append(row)
    book.table("Who to tell", columns, rows, freeze="D2")


def _list(text) -> str | None:
    """A comma-joined list from SQL as one sorted line per distinct entry."""
    if not text:
        return None
    return "\n".join(sorted(set(str(text).split(","))))
