"""The Demand sheet: per item, who wants it: requests, companies, MRR at stake, segments, last asked."""

from __future__ import annotations

from planner.exporting.labels import label
from planner.exporting.sheet_writer import Column, StreamingBook
from planner.exporting.snapshot import Snapshot, parse_day


def add_sheet(book: StreamingBook, snap: Snapshot) -> None:
    columns = [
        Column("ID", "id", max_width=8),
        Column("Title", "wrap", max_width=48, min_width=24),
        Column("Status", "text", max_width=14),
        Column("Lane" if snap.internal else "When", "text", max_width=14),
        Column("Requests", "int", max_width=10),
        Column("Companies", "int", max_width=11),
        Column("Critical", "int", max_width=9),
        Column("MRR at stake", "money", max_width=14),
        Column("Segments", "wrap", max_width=30),
        Column("Last asked", "date", max_width=12, min_width=11),
    ]
    if snap.show_companies:
        columns.append(Column("Top companies asking", "wrap", max_width=60, min_width=30))
    rows = []
    for item in snap.items:
        d = snap.demand.get(item["id"])
        if not d:
            continue
        row = [
            str(item["id"]), item.get("title"), label(item.get("status"), snap.language), item.get("lane"),
            d["requests"], d["companies"], d["critical"], d["mrr"], d["segments"], parse_day(d["last_asked"]),
        ]
        if snap.show_companies:
            row.append("\n".join(f"{c['company']} ({c['requests']})" for c in d["top_companies"]) or None)
        rows.append(row)
    rows.sort(key=lambda r: (-(r[7] or 0), -(r[4] or 0)))
    if snap.internal:
        book.table("Demand", columns, rows, freeze="C2")
        return
    book.table("Demand", columns, rows, freeze="C2", heading=f"{book.say('Demand')} · {snap.workspace}",
               legend=book.say("Per item: how many requests and companies asked, the MRR at stake, segments and when it was last asked."))
