"""Backlog items: add, edit, delete, pin, and move between lanes (the one way to place an item)."""

from __future__ import annotations

from planner.domain import known_id, valid_text, validate_item_fields
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
    return values


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
    """Delete items and their links; requests left with no link go back to the inbox. Undo puts all back."""
    items = [require_item(ws, i) for i in item_ids]
    if not items:
        raise ValidationError("Pick at least one item to delete.")
    requests = {link["request_id"] for item in items for link in queries.links_of(ws, item_id=item["id"])}
    text = f"Delete “{_short(items[0]['title'])}”" if len(items) == 1 else f"Delete {len(items)} items"
    with operation(ws, text) as op:
        writes.delete_rows(ws, "items", [i["id"] for i in items])
        writes.refresh_request_status(ws, requests)
    return op.result({"items": [i["id"] for i in items], "requests_back_in_inbox": len(requests)})


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

