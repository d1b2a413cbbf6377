"""The roadmap workbook: one sheet per question a business reader asks.

Roadmap (what comes when), Changes (what moved since the last workbook), Priorities (why in this order), Demand (who wants
it), Requests (the evidence; internal edition), Who to tell (whom to call when
it ships) and About (how it was made). Each sheet is built in `sheets/` and
streamed by `sheet_writer.py`, so a 100k-request workspace fits in memory and time.
"""

from __future__ import annotations

from pathlib import Path

from planner.exporting.sheet_writer import open_book
from planner.exporting.sheets import about, changes, demand, priorities, requests, roadmap, who_to_tell
from planner.exporting.snapshot import Snapshot


def write_workbook(snap: Snapshot, path, *, progress=None, parts=None) -> list[str]:
    """Build the workbook for `snap` and write it to `path`; returns the sheet names.

    Intermediate files go in the folder `parts` (made here, removed when done);
    by default a hidden folder beside `path`, never the system's temporary folder.
    """
    path = Path(path)
    rows = len(snap.items) * 2 + len(snap.requests) + sum(len(rows) for rows in snap.companies.values()) + 50
    with open_book(path, parts=parts, title=f"Roadmap: {snap.workspace}", name=snap.workspace, cjk=snap.has_cjk,
                   currency=snap.currency, total=rows, progress=progress, language=snap.language) as book:
        roadmap.add_sheet(book, snap)
        changes.add_sheet(book, snap)
        priorities.add_sheet(book, snap)
        demand.add_sheet(book, snap)
        if snap.internal and snap.requests is not None:
            requests.add_sheet(book, snap)
        if snap.show_companies:
            who_to_tell.add_sheet(book, snap)
        about.add_sheet(book, snap)
        book.save(path)
        return book.sheets
