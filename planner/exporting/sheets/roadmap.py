"""The Roadmap sheet: what comes when, the lanes side by side with each item a card coloured by its status."""

from __future__ import annotations

import math

from openpyxl.utils import get_column_letter

from planner.exporting.labels import LANE_MODE_NAMES, METHOD_NAMES
from planner.exporting.sheet_writer import LINE_HEIGHT, StreamingBook, row_height
from planner.exporting.snapshot import Snapshot, parse_day
from planner.exporting.styles import STATUS_LABELS
from planner.exporting.words_ja import say_date


def add_sheet(book: StreamingBook, snap: Snapshot) -> None:
    sheet = book.sheet("Roadmap")
    ws = sheet.ws
    lanes = snap.lanes
    ncols = max(1, len(lanes))
    width = 34 if ncols <= 4 else 28 if ncols <= 6 else 22
    for n in range(ncols):
        ws.column_dimensions[get_column_letter(n + 1)].width = width
    shown = [s for s in STATUS_LABELS if any(i["status"] == s for lane in lanes for i in lane["items"])]
    legend_rows = max(1, math.ceil(len(shown) / ncols)) if shown else 0
    header_row = 4 + legend_rows
    ws.freeze_panes = f"A{header_row + 2}"
    ws.sheet_view.showGridLines = False  # the cards carry their own borders
    book.print_setup(ws, title_rows=f"{header_row}:{header_row + 1}" if lanes else None)
    sheet.height(1, 24)
    say = book.say
    sheet.append([sheet.cell(f"{say('Roadmap')} · {snap.workspace}", "title")])
    sheet.append([sheet.cell(_subtitle(snap, say), "subtitle")])
    for r in range(legend_rows):
        chunk = shown[r * ncols:(r + 1) * ncols]
        sheet.append([sheet.cell(say(STATUS_LABELS[s]), f"legend:{s}") for s in chunk])
    sheet.append([])
    if not lanes:
        mode = say(LANE_MODE_NAMES[snap.lanes_mode])
        sheet.append([sheet.cell(say("This workspace has no {lanes} lanes yet.").format(
            lanes=mode if snap.language == "ja" else mode.lower()), "text")])
        book.finish(sheet)
        return
    sheet.height(header_row, 22)
    captions = [_lane_caption(lane, internal=snap.internal, lang=snap.language) for lane in lanes]
    sheet.height(header_row + 1, row_height([(c, width) for c in captions]) or LINE_HEIGHT + 4)
    sheet.append([sheet.cell(lane["name"], "lane_head") for lane in lanes])
    sheet.append([sheet.cell(c, "lane_sub") for c in captions])
    depth = max(len(lane["items"]) for lane in lanes)
    if depth == 0:
        sheet.append([])
        sheet.append([sheet.cell(say("No items are placed in these lanes yet; the Priorities sheet lists them all."), "subtitle")])
    # Cards of one size read as a board; the size is what the longest title needs
    # (the width less the card's indent), with a little air, at most three lines.
    card = min(3 * LINE_HEIGHT + 3, max(
        [row_height([(i["title"], width - 3)]) or LINE_HEIGHT for lane in lanes for i in lane["items"]] or [LINE_HEIGHT]
    )) + 6
    for r in range(depth):
        sheet.height(header_row + 2 + r, card)
        row = []
        for lane in lanes:
            items = lane["items"]
            if r < len(items):
                item = items[r]
                row.append(sheet.cell(item["title"], f"status:{item['status']}"))
            else:
                row.append(None)
        sheet.append(row)
    book.finish(sheet)


def _subtitle(snap: Snapshot, say) -> str:
    """Lanes, when (with the fiscal quarter) and the edition; the scoring method only for the product team."""
    from planner import fiscal

    year, quarter = fiscal.quarter_of(snap.exported_at.date(), snap.fiscal_start)
    values = {
        "mode": say(LANE_MODE_NAMES[snap.lanes_mode]),
        "when": say_date(snap.exported_at, snap.language, with_time=True),
        "quarter": f" ({fiscal.quarter_name(year, quarter, snap.fiscal_start, snap.language)})",
        "edition": say(snap.edition),
    }
    if snap.internal:
        method = say(METHOD_NAMES.get(snap.settings.get("method"), snap.settings.get("method") or ""))
        return say("{mode} · exported {when}{quarter} · ranked by {method} · {edition} edition").format(method=method, **values)
    return say("{mode} · exported {when}{quarter} · {edition} edition").format(**values)


def _lane_caption(lane: dict, *, internal: bool, lang: str = "en") -> str:
    parts = []
    start, end = parse_day(lane.get("start_date")), parse_day(lane.get("end_date"))
    if lang == "ja":
        if start and end:
            parts.append(f"{say_date(start, lang)} – {say_date(end, lang)}")
        elif start:
            parts.append(f"{say_date(start, lang)}から")
        n = len(lane["items"])
        parts.append(f"{n}件")
        if internal and lane.get("capacity"):
            effort = sum(i.get("effort") or 0 for i in lane["items"])
            parts[-1] += f" · 工数 {effort:g} / {lane['capacity']:g} 人月" + ("(超過)" if effort > lane["capacity"] else "")
        return "\n".join(parts)
    if start and end:
        parts.append(f"{start.day} {start:%b} – {end.day} {end:%b %Y}")
    elif start:
        parts.append(f"from {start.day} {start:%b %Y}")
    n = len(lane["items"])
    count = f"{n} item{'s' if n != 1 else ''}"
    if internal and lane.get("capacity"):
        effort = sum(i.get("effort") or 0 for i in lane["items"])
        count += f" · {effort:g} of {lane['capacity']:g} person-months"
        if effort > lane["capacity"]:
            count += " (over)"
    parts.append(count)
    return "\n".join(parts)
