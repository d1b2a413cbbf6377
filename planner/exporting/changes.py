"""What moved on the roadmap since the last exported workbook, in the words the Changes sheet shows.

`planner.history.changes` lists every difference between a snapshot and now,
rank moves and estimates included. A sales reader asks four things only: what is
new on the roadmap, what moved (and whether later or earlier), what shipped and
what was dropped. `since_last_export` reads the history before the new export's
own snapshot is taken; `group` turns its rows into those four groups, each item
once (dropped, then shipped, then moved, then new: the most final news wins).
"""

from __future__ import annotations

from datetime import datetime

GROUPS = ("New on the roadmap", "Moved", "Shipped", "Dropped")
_PRECEDENCE = {"Dropped": 0, "Shipped": 1, "Moved": 2, "New on the roadmap": 3}


def since_last_export(ws) -> tuple[list[dict] | None, datetime | None]:
    """(the history's change rows since the last export snapshot, when it was taken); (None, None) when there was none."""
    from planner import history

    last = next((s for s in history.list_snapshots(ws) if s["kind"] == "export"), None)
    if last is None:
        return None, None
    taken = datetime.fromisoformat(last["taken_at"])
    if taken.tzinfo is not None:
        taken = taken.astimezone().replace(tzinfo=None)  # the reader's clock, as the workbook's other times
    return history.changes(ws, since=last["id"]), taken


def group(rows: list[dict], items: dict[int, dict], *, hidden: set[int] = frozenset()) -> dict[str, list[dict]]:
    """The change rows as {heading: [{"item_id", "title", "sentence", "values"}]}, headings in GROUPS order.

    `items` are the items the workbook shows now, by id (for the lane an item sits
    in now); `hidden` those the edition leaves out, which appear only as dropped.
    A sentence is English with {placeholders} (translated by the sheet), `values` fills them.
    """
    best: dict[int, tuple[str, dict]] = {}

    def put(item_id, title, heading, sentence, **values):
        entry = {"item_id": item_id, "title": title, "sentence": sentence, "values": values}
        held = best.get(item_id)
        if held is None or _PRECEDENCE[heading] < _PRECEDENCE[held[0]]:
            best[item_id] = (heading, entry)

    for row in rows:
        item_id, title, change = row["item_id"], row["title"], row["change"]
        now = items.get(item_id)
        if change == "removed":
            put(item_id, title, "Dropped", "Removed from the plan.")
        elif change == "status" and row["after"] == "wont_do":
            put(item_id, title, "Dropped", "No longer planned.")
        elif item_id in hidden or now is None:
            continue
        elif change == "status" and row["after"] == "shipped":
            lane = now.get("lane")
            put(item_id, title, "Shipped", "Shipped in {lane}." if lane else "Shipped.", lane=lane)
        elif change == "added" and now.get("lane"):
            put(item_id, title, "New on the roadmap", "Added to {lane}.", lane=now["lane"])
        elif change == "lane":
            before, after, detail = row["before"], row["after"], row["detail"]
            if before is None and after is not None:
                put(item_id, title, "New on the roadmap", "Placed in {lane}.", lane=after)
            elif after is None:
                put(item_id, title, "Moved", "Taken off {before}; no date yet.", before=before)
            elif detail == "slipped":
                put(item_id, title, "Moved", "{before} → {after}: later than planned.", before=before, after=after)
            elif detail == "pulled in":
                put(item_id, title, "Moved", "{before} → {after}: earlier than planned.", before=before, after=after)
            else:
                put(item_id, title, "Moved", "{before} → {after}.", before=before, after=after)
        # rank and estimate rows: noise for a sales reader, and estimates are the product team's own
    grouped: dict[str, list[dict]] = {heading: [] for heading in GROUPS}
    for heading, entry in best.values():
        grouped[heading].append(entry)
    return grouped
