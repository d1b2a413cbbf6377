"""The Who to tell sheet: the planned, in-progress and shipped items and the companies that asked for them.

The internal edition is one filterable row per (company, item), with the people
and their e-mails, for a mail merge. The business edition is one block per
company with its items listed under it, so an account manager finds their
customers at a glance and the sheet prints on as few pages as the data allows.
"""

from __future__ import annotations

from planner.exporting.labels import label
from planner.exporting.sheet_writer import LINE_HEIGHT, Column, StreamingBook, row_height
from planner.exporting.snapshot import Snapshot, parse_day
from planner.money import format_money

# The business edition's columns: (header, width); the first holds the company, then its items.
BUSINESS_COLUMNS = (("Company / item", 60), ("When", 14), ("Status", 14), ("Requests", 10), ("Last asked", 12))

TOLD_STATUSES = ("planned", "in_progress", "shipped")


def add_sheet(book: StreamingBook, snap: Snapshot) -> None:
    if not snap.internal:
        _add_grouped_sheet(book, snap)
        return
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
                    lane["name"], str(item["id"]), item["title"], label(item["status"], snap.language), c["company"],
                    c["segment"], c["plan"], c["mrr"], c["requests"], parse_day(c["last_asked"]),
                ]
                if snap.internal:
                    row += [_list(c["requesters"]), _list(c["emails"])]
                rows.append(row)
    book.table("Who to tell", columns, rows, freeze="D2")


def _add_grouped_sheet(book: StreamingBook, snap: Snapshot) -> None:
    """One block per company (name, segment, plan, MRR; its total), its items under it, companies by MRR."""
    say, lang = book.say, snap.language
    by_company: dict[int, dict] = {}
    for lane in snap.lanes:
        for item in lane["items"]:
            if item["status"] not in TOLD_STATUSES:
                continue
            for c in snap.companies.get(item["id"], ()):
                block = by_company.setdefault(c["company_id"], {"company": c, "items": []})
                block["items"].append((item, lane["name"], c["requests"], parse_day(c["last_asked"])))
    blocks = sorted(by_company.values(), key=lambda b: (-(b["company"]["mrr"] or 0), str(b["company"]["company"])))
    sheet = book.sheet("Who to tell")
    ws = sheet.ws
    from openpyxl.utils import get_column_letter

    for n, (_, width) in enumerate(BUSINESS_COLUMNS, 1):
        ws.column_dimensions[get_column_letter(n)].width = width
    book.print_setup(ws, title_rows="3:3", landscape=False)
    ws.freeze_panes = "A4"
    ws.sheet_view.showGridLines = False
    sheet.height(1, 24)
    sheet.append([sheet.cell(f"{say('Who to tell')} · {snap.workspace}", "title")])
    legend = say("Per company: the planned, in-progress and shipped items it asked for, to tell when they arrive.")
    total_width = sum(w for _, w in BUSINESS_COLUMNS)
    sheet.height(2, row_height([(legend, total_width)]))
    sheet.append([sheet.cell(legend, "legend_line")])
    ws.merged_cells.add(f"A2:{get_column_letter(len(BUSINESS_COLUMNS))}2")
    sheet.append([sheet.cell(say(h), "header") for h, _ in BUSINESS_COLUMNS])
    first = BUSINESS_COLUMNS[0][1]
    for block in blocks:
        c = block["company"]
        facts = " · ".join(dict.fromkeys(str(x) for x in (c["segment"], c["plan"]) if x))  # "Enterprise" once
        if c["mrr"] is not None:
            facts += (" · " if facts else "") + f"MRR {format_money(c['mrr'], snap.currency, trim=True)}"
        # One line where it fits: a company's block costs a printed line less.
        head = c["company"] + (f"  ·  {facts}" if facts else "")
        asked = [d for *_, d in block["items"] if d]
        sheet.height(sheet.rows + 1, row_height([(head, first)], bold=True) or LINE_HEIGHT + 5)
        sheet.append([
            sheet.cell(head, "group"), _band(sheet), _band(sheet),
            sheet.cell(sum(n for _, _, n, _ in block["items"]), "group_int"),
            sheet.cell(max(asked), "group_date") if asked else _band(sheet),
        ])
        for item, lane, n, last in block["items"]:
            sheet.height(sheet.rows + 1, row_height([(item["title"], first - 3)]))
            sheet.append([
                sheet.cell(item["title"], "indented"), sheet.cell(lane, "text"),
                sheet.cell(label(item["status"], lang), "text"), sheet.cell(n, "int"), sheet.cell(last, "date"),
            ])
    if not blocks:
        sheet.append([sheet.cell(say("No company asked for the planned, in-progress or shipped items yet."), "text")])
    # Printed, a company's block is short; fit the width and let the pages run down.
    ws.print_area = f"A1:{get_column_letter(len(BUSINESS_COLUMNS))}{max(sheet.rows, 3)}"
    book.finish(sheet)


def _band(sheet) -> str:
    """An empty cell in a company's row, wearing the row's fill."""
    return f' s="{sheet.book.styles.sid("group")}"/>'


def _list(text) -> str | None:
    """A comma-joined list from SQL as one sorted line per distinct entry."""
    if not text:
        return None
    return "\n".join(sorted(set(str(text).split(","))))
