"""The Changes sheet: what moved on the roadmap since the last workbook, under four headings, in plain words.

New on the roadmap, moved (from → to, later or earlier than planned), shipped
and dropped; rank moves and estimates are left out (`planner.exporting.changes`).
The first workbook of a workspace says in one line that there is nothing to
compare with yet, rather than showing an empty sheet.
"""

from __future__ import annotations

from planner.exporting.changes import GROUPS
from planner.exporting.sheet_writer import LINE_HEIGHT, StreamingBook, row_height
from planner.exporting.snapshot import Snapshot
from planner.exporting.words_ja import say_date

ITEM_WIDTH = 50
WHAT_WIDTH = 56


def add_sheet(book: StreamingBook, snap: Snapshot) -> None:
    say = book.say
    sheet = book.sheet("Changes")
    ws = sheet.ws
    ws.sheet_view.showGridLines = False
    ws.column_dimensions["A"].width = ITEM_WIDTH
    ws.column_dimensions["B"].width = WHAT_WIDTH
    grouped = snap.changes
    any_change = bool(grouped) and any(grouped.values())
    book.print_setup(ws, title_rows="3:3" if any_change else None, landscape=False)
    if any_change:
        ws.freeze_panes = "A4"
    sheet.height(1, 24)
    sheet.append([sheet.cell(f"{say('Changes')} · {snap.workspace}", "title")])
    if snap.changes_unread:
        line = say("The changes since the last workbook could not be read ({why}); the other sheets are complete.").format(
            why=snap.changes_unread)
    elif grouped is None:
        line = say("This is the first workbook exported from this workspace: the next one will list what changed since this one.")
    else:
        since = say_date(snap.changes_since, snap.language, with_time=True) if snap.changes_since else ""
        template = "What moved on the roadmap since the last workbook, {since}." if any_change else \
            "Nothing on the roadmap moved since the last workbook, {since}."
        line = say(template).format(since=since)
    sheet.height(2, row_height([(line, ITEM_WIDTH + WHAT_WIDTH)]))
    sheet.append([sheet.cell(line, "legend_line")])
    ws.merged_cells.add("A2:B2")
    if not any_change:
        book.finish(sheet)
        return
    headers = [say("Item"), say("What changed")]
    sheet.append([sheet.cell(h, "header") for h in headers])
    for heading in GROUPS:
        entries = grouped.get(heading) or []
        if not entries:
            continue
        sheet.height(sheet.rows + 1, 20)
        sheet.append([sheet.cell(f"{say(heading)} ({len(entries)})", "group"), _blank(sheet)])
        for entry in entries:
            sentence = say(entry["sentence"]).format(**{k: v or "" for k, v in entry["values"].items()})
            # A little air under each line: the sheet is read, not filtered.
            sheet.height(sheet.rows + 1, row_height([(entry["title"], ITEM_WIDTH - 3), (sentence, WHAT_WIDTH)])
                         or LINE_HEIGHT + 4)
            sheet.append([sheet.cell(entry["title"], "indented"), sheet.cell(sentence, "wrap")])
    book.finish(sheet)


def _blank(sheet) -> str:
    """An empty cell that still wears the group's fill, so the heading reads as one band."""
    return f' s="{sheet.book.styles.sid("group")}"/>'
