"""The Requests sheet (internal edition): the evidence, every request linked to an item."""

from __future__ import annotations

from planner.exporting.labels import label
from planner.exporting.sheet_writer import Column, StreamingBook
from planner.exporting.snapshot import Snapshot, parse_day


def add_sheet(book: StreamingBook, snap: Snapshot) -> None:
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
        Column("Importance", "text", max_width=16),  # "あれば望ましい" in Japanese
        Column("URL", "text", max_width=30, optional=True),
    ]
    rows = [
        [str(r[0]), r[1], str(r[2]), r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11],
         parse_day(r[12]), r[13], label(r[14], snap.language), r[15]]
        for r in snap.requests
    ]
    book.table("Requests", columns, rows, freeze="C2")
