"""The About sheet: how the workbook was made (edition, lanes, scoring method, filters) and what each sheet holds."""

from __future__ import annotations

from datetime import datetime

from planner.exporting.labels import LANE_MODE_NAMES, METHOD_NAMES, label
from planner.exporting.sheet_writer import StreamingBook, row_height
from planner.exporting.snapshot import Snapshot


def add_sheet(book: StreamingBook, snap: Snapshot) -> None:
    s = snap.settings
    sheet = book.sheet("About")
    ws = sheet.ws
    book.print_setup(ws, title_rows=None, landscape=False)
    ws.sheet_view.showGridLines = False
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 80
    method = s.get("method")
    weights = s.get("importance_weights") or {}
    lines = [
        ("About this workbook", "section"),
        ("Workspace", snap.workspace),
        ("Exported", snap.exported_at),
        ("Edition", "Internal: everything, for the product team." if snap.internal else
         "Business: without effort, confidence, internal notes, or the names and e-mails of the people who asked."),
        ("Roadmap lanes", LANE_MODE_NAMES[snap.lanes_mode]),
        ("Scoring method", METHOD_NAMES.get(method, method)),
        ("Demand window", f"Requests from the last {s.get('window_days')} days count towards reach." if s.get("window_days") else None),
        ("Segment filter", s.get("segment") or "All segments"),
        ("Importance weights", ", ".join(f"{label(k)} ×{v:g}" for k, v in weights.items()) if weights else None),
        ("Items", len(snap.items)),
        ("Linked requests", snap.request_count),
        ("", None),
        ("Sheets", "section"),
        ("Roadmap", f"The {LANE_MODE_NAMES[snap.lanes_mode].lower()} side by side; each item is coloured by its status (legend at the top)."),
        ("Priorities", "Every item in rank order with its score and the factors behind it."
         + (" The score is a live formula: change a factor and the score follows (the order does not re-sort)." if snap.internal else "")),
        ("Demand", "Per item: how many requests and companies asked, the MRR at stake, segments and when it was last asked, over all time."),
    ]
    if snap.internal:
        lines.append(("Requests", "Every request linked to an item: what was asked, by whom, when, and how important it is."))
    if snap.show_companies:
        lines.append(("Who to tell", "Per lane, the planned, in-progress and shipped items and the companies that asked for them."))
    lines += [
        ("", None),
        ("Reading the numbers", "section"),
        ("Duplicates and MRR", "Requests marked as duplicates are left out. MRR at stake counts each company once per item."),
    ]
    if not snap.show_companies:
        lines.append(("Companies", "Company names are left out of this edition."))
    for key, value in lines:
        if value == "section":
            sheet.height(sheet.rows + 1, 22)
            sheet.append([sheet.cell(key, "section")])
            continue
        style = "note_datetime" if isinstance(value, datetime) else ("note_int" if isinstance(value, int) else "note")
        sheet.height(sheet.rows + 1, row_height([(value, 80)]))
        sheet.append([sheet.cell(key, "label"), sheet.cell(value, style)])
    book.finish(sheet)
