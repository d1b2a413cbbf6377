"""Backlog items: add, edit, delete, pin, duplicate, merge, and move between lanes (the one way to place an item)."""

from __future__ import annotations

from planner.domain import IMPORTANCES, ITEM_FIELDS, known_id, valid_text, validate_item_fields
from planner.errors import NotFoundError, ValidationError
from planner.ops.result import OpResult, operation
from planner.storage import queries, writes
from planner.storage import roadmap_queries as rq
from planner.storage.db import Workspace
from planner.text import now_iso

# Below this gap between neighbours a midpoint loses precision: the lane is renumbered.
MIN_GAP = 1e-6


def require_item(ws: Workspace, item_id) -> dict:
    known = known_id(item_id)
    item = None if known is None else queries.get_item(ws, known)
    if item is None:
        raise NotFoundError(f"There is no item {item_id}.", hint="List them with `planner items`.")
    return item


def get_item(ws: Workspace, item_id: int) -> dict:
    return require_item(ws, item_id)


def _short(title: str, limit: int = 40) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


def resolve_lane(ws: Workspace, lane) -> int | None:
    """A lane given by id or by name (any case); None or "" is no lane."""
    if lane is None or lane == "":
        return None
    if isinstance(lane, int):
        if known_id(lane) is None or not queries.lane_exists(ws, lane):
            raise NotFoundError(f"There is no lane {lane}.")
        return lane
    found = queries.lane_named(ws, valid_text(str(lane), "lane name").strip())
    if found is None:
        names = ", ".join(queries.lane_names(ws))
        raise NotFoundError(f"There is no lane named {lane!r}.", hint=f"Lanes: {names}." if names else "Create lanes first.")
    return found


def add_item(ws: Workspace, *, title: str, kind: str = "feature", status: str = "idea", lane=None,
             reach: float | None = None, **fields) -> OpResult:
    """Add a backlog item. `reach` sets a manual reach; `lane` is a name or id (the item goes last in it)."""
    fields.update(title=title, kind=kind, status=status)
    if reach is not None:
        fields["reach_manual"] = reach
        fields.setdefault("reach_mode", "manual")
    values = validate_item_fields(fields)
    _check_dates(values.get("start_date"), values.get("end_date"))
    lane_id = resolve_lane(ws, lane)
    position = values.pop("lane_position", None)
    stamp = now_iso()
    values.update(created_at=stamp, updated_at=stamp)
    with operation(ws, f"Add “{_short(values['title'])}”") as op:
        item_id = writes.insert_row(ws, "items", values)
        if lane_id is not None:
            _place(ws, [item_id], lane_id, position=position)
    return op.result(require_item(ws, item_id))


def _checked_edit(items: list[dict], fields: dict) -> dict:
    """The fields as stored, checked once, then against each item (a metric to take reach from, a pin's reason)."""
    if "reach" in fields:
        reach = fields.pop("reach")
        fields["reach_manual"] = reach
        if reach is not None:
            fields.setdefault("reach_mode", "manual")
    values = validate_item_fields(fields)
    for item in items:
        if values.get("reach_mode") == "metric" and values.get("metric_id") is None and item["metric_id"] is None:
            raise ValidationError("Choose a metric before taking reach from one.")
        if values.get("pinned_rank") is not None and not (values.get("pin_rationale") or item["pin_rationale"]):
            raise ValidationError("Say why the rank is pinned: a pinned rank needs a rationale.")
        _check_dates(values.get("start_date", item["start_date"]), values.get("end_date", item["end_date"]))
    return values


def _check_dates(start, end) -> None:
    if start and end and end < start:
        raise ValidationError(f"An item cannot end before it starts: it starts {start} and ends {end}.")


def _lane_of(ws: Workspace, fields: dict):
    """Pop a lane given as `lane` (name or id) or `lane_id`; returns (given, lane id)."""
    if "lane" in fields:
        return True, resolve_lane(ws, fields.pop("lane"))
    if "lane_id" in fields:
        return True, resolve_lane(ws, validate_item_fields({"lane_id": fields.pop("lane_id")})["lane_id"])
    return False, None


def edit_item(ws: Workspace, item_id: int, **fields) -> OpResult:
    """Change some fields of an item; the result's value is the item as it now is."""
    return _edit(ws, [item_id], fields, single=True)


def edit_items(ws: Workspace, item_ids, **fields) -> OpResult:
    """The same change to several items (status, lane, theme...), all or nothing; the value is the rows as they now are."""
    return _edit(ws, item_ids, fields, single=False)


def _edit(ws: Workspace, item_ids, fields: dict, *, single: bool) -> OpResult:
    items = [require_item(ws, i) for i in item_ids]
    if not items:
        raise ValidationError("Pick at least one item.")
    fields = dict(fields)
    moving, lane_id = _lane_of(ws, fields)
    values = _checked_edit(items, fields)
    what = ", ".join(sorted(set(values) | ({"lane"} if moving else set()))) or "nothing"
    text = (f"Change {what} of “{_short(items[0]['title'])}”" if len(items) == 1
            else f"Change {what} of {len(items)} items")
    # Only what differs is written: an edit to the values an item already has changes nothing, not even updated_at.
    values = {k: v for k, v in values.items() if any(item[k] != v for item in items)}
    to_place = [i["id"] for i in items if i["lane_id"] != lane_id] if moving else []
    with operation(ws, text) as op:
        if values:
            writes.update_rows(ws, "items", [i["id"] for i in items], {**values, "updated_at": now_iso()})
        if to_place:
            _place(ws, to_place, lane_id)
    rows = [require_item(ws, i["id"]) for i in items]
    return op.result(rows[0] if single else rows)


def pin(ws: Workspace, item_id: int, rank: int | None, rationale: str | None = None) -> OpResult:
    """Pin an item at a rank with a reason (a pinned rank always has one), or unpin it (rank None)."""
    item = require_item(ws, item_id)
    if rank is None:
        text = f"Unpin “{_short(item['title'])}”"
        values = validate_item_fields({"pinned_rank": None, "pin_rationale": None})
    else:
        values = validate_item_fields({"pinned_rank": rank, "pin_rationale": rationale})
        if not values.get("pin_rationale"):
            raise ValidationError("Say why the rank is pinned: a pinned rank needs a rationale.")
        text = f"Pin “{_short(item['title'])}” at rank {values['pinned_rank']}"
    with operation(ws, text) as op:
        writes.update_rows(ws, "items", [item["id"]], {**values, "updated_at": now_iso()})
    return op.result(require_item(ws, item_id))


def delete_items(ws: Workspace, item_ids) -> OpResult:
    """Delete items and their links; requests left with no link go back to the inbox (the value counts them:
    a request still linked to another item stays out of it). Undo puts all back."""
    items = [require_item(ws, i) for i in item_ids]
    if not items:
        raise ValidationError("Pick at least one item to delete.")
    requests = {link["request_id"] for item in items for link in queries.links_of(ws, item_id=item["id"])}
    text = f"Delete “{_short(items[0]['title'])}”" if len(items) == 1 else f"Delete {len(items)} items"
    with operation(ws, text) as op:
        writes.delete_rows(ws, "items", [i["id"] for i in items])
        writes.refresh_request_status(ws, requests)
    return op.result({"items": [i["id"] for i in items], "requests_back_in_inbox": queries.count_in_inbox(ws, requests)})


def requests_freed(ws: Workspace, item_ids) -> int:
    """How many requests deleting these items would send back to the inbox: those linked to none of the others."""
    ids = {int(require_item(ws, i)["id"]) for i in item_ids}
    requests = {link["request_id"] for i in ids for link in queries.links_of(ws, item_id=i)}
    return sum(1 for r in requests
               if queries.row(ws, "requests", r)["status"] in ("new", "linked")
               and all(link["item_id"] in ids for link in queries.links_of(ws, request_id=r)))


def delete_item(ws: Workspace, item_id: int) -> OpResult:
    return delete_items(ws, [item_id])


# ---------------------------------------------------------------- placing items on lanes

def move_items(ws: Workspace, item_ids, *, lane, before_item_id: int | None = None) -> OpResult:
    """Move items to a lane (a name or id; None takes them off the roadmap), in the order given,
    just before `before_item_id` or at the end. The only way an item changes lane."""
    ids = [int(require_item(ws, i)["id"]) for i in item_ids]
    if not ids:
        raise ValidationError("Pick at least one item to move.")
    lane_id = resolve_lane(ws, lane)
    if before_item_id is not None and int(before_item_id) in ids:
        if len(ids) == 1:  # dropped just before itself: it stays where it is
            return OpResult(require_item(ws, ids[0]), text="Move")
        raise ValidationError("An item cannot be moved before itself.")
    first = require_item(ws, ids[0])
    where = queries.row(ws, "lanes", lane_id)["name"] if lane_id is not None else "Not planned"
    text = (f"Move “{_short(first['title'])}” to {where}" if len(ids) == 1 else f"Move {len(ids)} items to {where}")
    with operation(ws, text) as op:
        _place(ws, ids, lane_id, before_item_id=before_item_id)
    rows = [require_item(ws, i) for i in ids]
    return op.result(rows[0] if len(rows) == 1 else rows)


def _place(ws: Workspace, ids, lane_id: int | None, *, before_item_id=None, position: float | None = None) -> None:
    """Write lane and position of items (inside the caller's operation)."""
    stamp = now_iso()
    for item_id in ids:
        if lane_id is None:
            spot = None
        elif position is not None:
            spot = position
        else:
            spot = _position_before(ws, lane_id, item_id, before_item_id)
        writes.update_rows(ws, "items", [item_id], {"lane_id": lane_id, "lane_position": spot, "updated_at": stamp})


def _position_before(ws: Workspace, lane_id: int, item_id: int, before_item_id: int | None) -> float:
    """The position that puts `item_id` just before `before_item_id` (None: at the end), renumbering
    the lane first when its positions are missing or too close to split."""
    rows = [(i, p) for i, p in rq.lane_positions(ws, lane_id) if i != int(item_id)]

    def renumber():
        nonlocal rows
        rows = [(i, float(n + 1)) for n, (i, p) in enumerate(rows)]
        rq.set_positions(ws, dict(rows))

    if any(p is None for _, p in rows):
        renumber()
    if before_item_id is None:
        return rows[-1][1] + 1.0 if rows else 1.0
    ids = [i for i, _ in rows]
    if int(before_item_id) not in ids:
        raise ValidationError(f"Item {before_item_id} is not in that lane.")
    for _ in range(2):
        at = ids.index(int(before_item_id))
        after = rows[at][1]
        before = rows[at - 1][1] if at > 0 else after - 2.0
        if after - before >= MIN_GAP:
            return (before + after) / 2.0
        renumber()
    raise AssertionError("renumbering leaves whole-number gaps")



# ---------------------------------------------------------------- duplicating and merging

# What a copy leaves out: the pin (a rank promised for one item), the place on the roadmap (the copy gets its own,
# just after the original), and the stamps.
_NOT_COPIED = frozenset({"pinned_rank", "pin_rationale", "lane_id", "lane_position"})


def duplicate_item(ws: Workspace, item_id) -> OpResult:
    """Copy an item: every field a user sets (the title gets " (copy)"), in the same lane just after the original.

    The pin is not copied, nor are the request links: demand is counted once,
    on the original, and a copy linked to the same requests would count it twice.
    The result's value is the new item.
    """
    item = require_item(ws, item_id)
    values = {k: item[k] for k in sorted(ITEM_FIELDS - _NOT_COPIED)}
    values["title"] = f"{item['title']} (copy)"
    stamp = now_iso()
    values.update(created_at=stamp, updated_at=stamp)
    with operation(ws, f"Duplicate “{_short(item['title'])}”") as op:
        new_id = writes.insert_row(ws, "items", values)
        if item["lane_id"] is not None:
            order = [i for i, _ in rq.lane_positions(ws, item["lane_id"])]
            at = order.index(item["id"])
            following = order[at + 1] if at + 1 < len(order) else None
            _place(ws, [new_id], item["lane_id"], before_item_id=following)
    return op.result(require_item(ws, new_id))


# Fields a merge fills on the kept item when they are empty there, taken from the first other item that has them.
# A group is filled whole or not at all, so a range or a pair of dates never mixes two items' halves.
_FILLED_TOGETHER = (
    ("impact",), ("confidence",), ("effort",), ("value",), ("reach_manual",),
    ("impact_low", "impact_high"), ("confidence_low", "confidence_high"), ("effort_low", "effort_high"),
    ("ice_impact",), ("ice_confidence",), ("ice_ease",),
    ("wsjf_value",), ("wsjf_time",), ("wsjf_risk",), ("wsjf_size",),
    ("metric_id", "metric_share"), ("theme",), ("tags",), ("owner",), ("notes",), ("start_date", "end_date"),
)
_IMPORTANCE_RANK = {name: n for n, name in enumerate(IMPORTANCES)}


def _merge_parts(ws: Workspace, keep_id, other_ids):
    """The kept item, the others, and the links the kept item will have: {request id: (importance, link moved or None)}."""
    keep = require_item(ws, keep_id)
    others, seen = [], set()
    for other_id in other_ids:
        other = require_item(ws, other_id)
        if other["id"] == keep["id"]:
            raise ValidationError(f"Item {keep['id']} cannot be merged into itself: pick the other items to merge into it.")
        if other["id"] not in seen:
            seen.add(other["id"])
            others.append(other)
    if not others:
        raise ValidationError(f"Pick at least one other item to merge into item {keep['id']}.")
    kept_links = {link["request_id"]: link for link in queries.links_of(ws, item_id=keep["id"])}
    links: dict = {}  # request id -> the strongest link of the others
    for other in others:
        for link in queries.links_of(ws, item_id=other["id"]):
            best = links.get(link["request_id"])
            if best is None or _IMPORTANCE_RANK[link["importance"]] > _IMPORTANCE_RANK[best["importance"]]:
                links[link["request_id"]] = link
    return keep, others, kept_links, links


def merge_preview(ws: Workspace, keep_id, other_ids) -> dict:
    """What `merge_items` would do, without doing it: requests that would move, those already linked to the kept item."""
    keep, others, kept_links, links = _merge_parts(ws, keep_id, other_ids)
    return {"kept": keep["id"], "merged": [o["id"] for o in others],
            "requests_moved": len(set(links) - set(kept_links)),
            "requests_already_linked": len(set(links) & set(kept_links))}


def merge_items(ws: Workspace, keep_id, other_ids) -> OpResult:
    """Merge other items into one, in one undoable step.

    The requests linked to the others move to the kept item (a request linked
    to both stays linked once, with the higher importance); fields empty on the
    kept item are filled from the others (the first that has them); each
    other's description is appended under "Merged from #12 Audit trail:".
    The kept item keeps its own title, kind, status, reach source, lane and pin.
    The others are deleted. The value says what happened: the kept id, the
    merged ids, how many requests moved, how many were already linked to the
    kept item, the fields filled, and the kept item as it now is.
    """
    keep, others, kept_links, links = _merge_parts(ws, keep_id, other_ids)
    values: dict = {}
    filled: list[str] = []
    for group in _FILLED_TOGETHER:
        if all(keep[k] is None for k in group):
            source = next((o for o in others if any(o[k] is not None for k in group)), None)
            if source is not None:
                values.update({k: source[k] for k in group})
                filled.extend(k for k in group if source[k] is not None)
    notes = [f"Merged from #{o['id']} {o['title']}:\n{o['description']}" for o in others if o["description"]]
    if notes:
        values["description"] = "\n\n".join(([keep["description"]] if keep["description"] else []) + notes)
    moved = sorted(set(links) - set(kept_links))
    stronger = [r for r in set(links) & set(kept_links)
                if _IMPORTANCE_RANK[links[r]["importance"]] > _IMPORTANCE_RANK[kept_links[r]["importance"]]]
    text = (f"Merge “{_short(others[0]['title'])}” into “{_short(keep['title'])}”" if len(others) == 1
            else f"Merge {len(others)} items into “{_short(keep['title'])}”")
    stamp = now_iso()
    with operation(ws, text) as op:
        for request_id in moved:
            link = links[request_id]
            writes.put_link(ws, {**link, "item_id": keep["id"]})
        for request_id in stronger:
            writes.upsert_link(ws, request_id, keep["id"], links[request_id]["importance"], stamp)
        writes.update_rows(ws, "items", [keep["id"]], {**values, "updated_at": stamp})
        writes.delete_rows(ws, "items", [o["id"] for o in others])
        writes.refresh_request_status(ws, list(links))
    return op.result({
        "kept": keep["id"], "merged": [o["id"] for o in others], "requests_moved": len(moved),
        "requests_already_linked": len(links) - len(moved), "fields_filled": filled, "item": require_item(ws, keep["id"]),
    })
