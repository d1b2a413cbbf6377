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
    say, lang = book.say, snap.language
    mode = say(LANE_MODE_NAMES[snap.lanes_mode])
    lines = [
        ("About this workbook", "section"),
        ("Workspace", snap.workspace),
        ("Exported", snap.exported_at),
        ("Edition", say("Internal: everything, for the product team.") if snap.internal else
         say("Business: for sales and customer teams; what comes when, and who asked for it.")),
        ("Roadmap lanes", mode),
        ("Currency", snap.currency),
    ]
    if snap.internal:  # how the order was reached is the product team's working
        lines += [
            ("Scoring method", say(METHOD_NAMES.get(method, method))),
            ("Demand window", say("Requests from the last {days} days count towards reach.").format(days=s.get("window_days"))
             if s.get("window_days") else None),
            ("Segment filter", s.get("segment") or say("All segments")),
            ("Importance weights", ", ".join(f"{label(k, lang)} ×{v:g}" for k, v in weights.items()) if weights else None),
        ]
    lines += [
        ("Items", len(snap.items)),
        ("Linked requests", snap.request_count),
        ("", None),
        ("Sheets", "section"),
        ("Roadmap", say("The {lanes} side by side; each item is coloured by its status (legend at the top).").format(
            lanes=mode if lang == "ja" else mode.lower())),
        ("Changes", say("What moved since the last workbook: new on the roadmap, moved, shipped and dropped.")),
        ("Priorities", say("Every item in rank order with its score and the factors behind it.")
         + say(" The score is a live formula: change a factor and the score follows (the order does not re-sort).")
         if snap.internal else say("Every item in the order the product team plans to work on it, with the demand behind it.")),
        ("Demand", say("Per item: how many requests and companies asked, the MRR at stake, segments and when it was last asked, over all time.")),
    ]
    if snap.internal:
        lines.append(("Requests", say("Every request linked to an item: what was asked, by whom, when, and how important it is.")))
    if snap.show_companies:
        lines.append(("Who to tell", say("Per lane, the planned, in-progress and shipped items and the companies that asked for them.")
                      if snap.internal else
                      say("Per company: the planned, in-progress and shipped items it asked for, to tell when they arrive.")))
    lines += [
        ("", None),
        ("Reading the numbers", "section"),
        ("Duplicates and MRR", say("Requests marked as duplicates are left out. MRR at stake counts each company once per item.")),
    ]
    if not snap.show_companies:
        lines.append(("Companies", say("Company names are left out of this edition.")))
    lines = [(say(key) if key else key, value if value == "section" or not isinstance(value, str) else value)
             for key, value in lines]
    for key, value in lines:
        if value == "section":
            sheet.height(sheet.rows + 1, 22)
            sheet.append([sheet.cell(key, "section")])
            continue
        style = "note_datetime" if isinstance(value, datetime) else ("note_int" if isinstance(value, int) else "note")
        sheet.height(sheet.rows + 1, row_height([(value, 80)]))
        sheet.append([sheet.cell(key, "label"), sheet.cell(value, style)])
    book.finish(sheet)
