"""Roadmap lanes: quarters, releases and Now/Next/Later buckets, with dates, capacity and an order."""

from __future__ import annotations

from datetime import date, timedelta

from planner import fiscal
from planner.domain import LANE_KINDS, check_choice, known_id, number, valid_text
from planner.errors import NotFoundError, ValidationError
from planner.ops.items import move_items
from planner.ops.result import OpResult, operation
from planner.ops.settings import fiscal_year_start
from planner.roadmap.board import lane_list
from planner.storage import queries, writes
from planner.storage import roadmap_queries as rq
from planner.storage.db import Workspace
from planner.text import clean_name

HORIZONS = ("Now", "Next", "Later")  # the Now/Next/Later buckets, named alike in every language
_ONE_DAY = timedelta(days=1)


def _checked(ws: Workspace, values: dict, *, kind: str, lane_id: int | None = None) -> dict:
    """A lane's name, dates and capacity as stored, or a ValidationError that says what is expected."""
    out = dict(values)
    if "name" in out:
        out["name"] = clean_name(valid_text(out["name"] or "", "lane name"))
        if not out["name"]:
            raise ValidationError("A lane needs a name.")
        same = queries.lane_named(ws, out["name"], kind)
        if same is not None and same != lane_id:
            raise ValidationError(f"There is already a {kind} lane named {out['name']!r}.")
    if "capacity" in out:
        out["capacity"] = number("capacity", out["capacity"])
        if out["capacity"] is not None and not 0 <= out["capacity"] <= 10_000:
            raise ValidationError("Capacity is in person-months, from 0 to 10,000.")
    for label in ("start", "end"):
        day = out.get(f"{label}_date")
        if day:
            try:
                date.fromisoformat(day)
            except (TypeError, ValueError):
                raise ValidationError(f"The lane's {label} date must look like 2026-04-01.") from None
    return out


def require_lane(ws: Workspace, lane_id) -> dict:
    lane = queries.row(ws, "lanes", lane_id) if known_id(lane_id) is not None else None
    if lane is None:
        raise NotFoundError(f"There is no lane {lane_id}.", hint="List them with `planner lanes`.")
    return lane


def find_lane(ws: Workspace, lane) -> dict:
    """A lane given by its id or its name (any case); a name of digits is tried as an id first.

    A name that several kinds of lane share is refused: give the id.
    """
    if isinstance(lane, bool) or lane is None or lane == "":
        raise ValidationError("Name a lane, by its id or its name.")
    if isinstance(lane, int):
        return require_lane(ws, lane)
    text = valid_text(str(lane), "lane name").strip()
    if text.isdigit() and known_id(text) is not None:
        found = queries.row(ws, "lanes", int(text))
        if found is not None:
            return found
    named = queries.lanes_named(ws, clean_name(text))
    if len(named) > 1:
        kinds = " and a ".join(row["kind"] for row in named)
        ids = ", ".join(str(row["id"]) for row in named)
        raise ValidationError(f"There is a {kinds} lane named {text!r}; give its id ({ids}).")
    if not named:
        names = ", ".join(queries.lane_names(ws))
        missing = f"{text} (no lane has that id or that name)" if text.isdigit() else repr(text)
        raise NotFoundError(f"There is no lane {missing}.",
                            hint=f"Lanes: {names}." if names else "Add lanes first with `planner lane-add`.")
    return queries.row(ws, "lanes", named[0]["id"])


def list_lanes(ws: Workspace, *, kind: str | None = None) -> list[dict]:
    """Every lane (of `kind` when given) in board order: quarters, releases, then Now/Next/Later.

    Each row: id, name, kind, position, start_date, end_date, capacity, items
    (how many are on it), effort_planned (person-months, won't-do items left
    out), over_capacity, over_by and unestimated, as the board counts them.
    """
    if kind is not None:
        check_choice("lane kind", kind, LANE_KINDS)
    rows = []
    for lane in lane_list(ws, kind=kind):
        lane["items"] = lane.pop("item_count")
        rows.append(lane)
    return rows


def add_lane(ws: Workspace, *, name: str, kind: str = "quarter", start_date: str | None = None,
             end_date: str | None = None, capacity: float | None = None, position: int | None = None) -> OpResult:
    check_choice("lane kind", kind, LANE_KINDS)
    values = _checked(ws, dict(name=name, start_date=start_date or None, end_date=end_date or None,
                               capacity=capacity), kind=kind)
    if values["start_date"] and values["end_date"] and values["end_date"] < values["start_date"]:
        raise ValidationError("A lane cannot end before it starts.")
    with operation(ws, f"Add lane “{values['name']}”") as op:
        if position is None:
            position = writes.next_lane_order(ws, kind)
        lane_id = writes.insert_row(ws, "lanes", dict(values, kind=kind, position=position))
    return op.result(queries.row(ws, "lanes", lane_id))


LANE_FIELDS = ("name", "start_date", "end_date", "capacity", "kind", "position")


def _place_number(position, count: int, kind: str) -> int:
    """A lane's place among the `count` lanes of its kind, from 1 (first), or a ValidationError."""
    place = None
    if not isinstance(position, bool):
        try:
            whole = float(position)
            place = int(whole) if whole.is_integer() else None
        except (TypeError, ValueError, OverflowError):
            place = None
    if place is None or not 1 <= place <= count:
        raise ValidationError(f"A {kind} lane's position is a whole number from 1 (first) to {count}; got {position!r}.")
    return place


def _put_at(ws: Workspace, lane_id: int, kind: str, place: int) -> None:
    """Put the lane at `place` (from 1) among the lanes of `kind`, numbering them 1, 2, 3... in their
    new order; rows already numbered right are left alone (inside the caller's operation)."""
    order = [i for i, _ in rq.lane_order(ws, kind) if i != lane_id]
    order.insert(place - 1, lane_id)
    stored = dict(rq.lane_order(ws, kind))
    for n, i in enumerate(order, 1):
        if stored.get(i) != n:
            writes.update_rows(ws, "lanes", [i], {"position": n})


def _order_changes(ws: Workspace, lane_id: int, kind: str, place: int) -> bool:
    order = [i for i, _ in rq.lane_order(ws, kind)]
    return lane_id not in order or order.index(lane_id) != place - 1


def edit_lane(ws: Workspace, lane_id: int, **fields) -> OpResult:
    """Rename a lane, change its dates, capacity (person-months) or kind, or move it to `position`
    (its place among the lanes of its kind, from 1). A lane given another kind goes last among
    those lanes unless a position is given. The value is the lane as it now is."""
    lane = require_lane(ws, lane_id)
    unknown = set(fields) - set(LANE_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown lane field(s): {', '.join(sorted(unknown))}.")
    fields = dict(fields)
    kind = fields.pop("kind", None) or lane["kind"]
    check_choice("lane kind", kind, LANE_KINDS)
    position = fields.pop("position", None)
    values = _checked(ws, {k: (v or None) if k.endswith("_date") else v for k, v in fields.items()},
                      kind=kind, lane_id=lane["id"])
    if kind != lane["kind"] and "name" not in values:
        _checked(ws, {"name": lane["name"]}, kind=kind, lane_id=lane["id"])  # the name must be free among those lanes
    start, end = values.get("start_date", lane["start_date"]), values.get("end_date", lane["end_date"])
    if start and end and end < start:
        raise ValidationError("A lane cannot end before it starts.")
    moving_kind = kind != lane["kind"]
    count = len(rq.lane_order(ws, kind)) + (1 if moving_kind else 0)
    place = _place_number(position, count, kind) if position is not None else (count if moving_kind else None)
    said = [k.replace("_", " ") for k in values] + (["kind"] if moving_kind else []) + (
        ["position"] if position is not None else [])
    with operation(ws, f"Change {', '.join(said) or 'nothing'} of lane “{lane['name']}”") as op:
        if moving_kind:
            values["kind"] = kind
        if values:
            writes.update_rows(ws, "lanes", [lane["id"]], values)
        if place is not None and _order_changes(ws, lane["id"], kind, place):
            _put_at(ws, lane["id"], kind, place)
    return op.result(queries.row(ws, "lanes", lane["id"]))


def move_lane(ws: Workspace, lane_id: int, position: int) -> OpResult:
    """Move a lane to `position`, its place among the lanes of its kind (1 is first); the board and
    every list show the new order. The value is the lane as it now is."""
    lane = require_lane(ws, lane_id)
    place = _place_number(position, len(rq.lane_order(ws, lane["kind"])), lane["kind"])
    with operation(ws, f"Move lane “{lane['name']}” to position {place}") as op:
        if _order_changes(ws, lane["id"], lane["kind"], place):
            _put_at(ws, lane["id"], lane["kind"], place)
    return op.result(queries.row(ws, "lanes", lane["id"]))


def delete_lane(ws: Workspace, lane_id: int, *, move_to=None) -> OpResult:
    """Delete a lane. Its items go to the lane `move_to` (an id or a name), after the items already
    there and in their order, or, with no `move_to`, stay in the backlog off the roadmap.

    The value says where they went: {"lane", "items_off_the_roadmap"}, and with `move_to`
    also "moved_to" (that lane's name) and "items_moved".
    """
    lane = require_lane(ws, lane_id)
    target = find_lane(ws, move_to) if move_to is not None and move_to != "" else None
    if target is not None and target["id"] == lane["id"]:
        raise ValidationError(f"The items of “{lane['name']}” cannot go to the lane being deleted; "
                              "name another lane, or none to take them off the roadmap.")
    items = [item_id for item_id, _ in rq.lane_positions(ws, lane["id"])]
    text = f"Delete lane “{lane['name']}”" + (f" and move its items to “{target['name']}”" if target and items else "")
    with operation(ws, text) as op:
        if target is not None and items:
            move_items(ws, items, lane=target["id"])
        else:
            writes.update_rows(ws, "items", items, {"lane_id": None, "lane_position": None})
        writes.delete_rows(ws, "lanes", [lane["id"]])
    if target is None:
        return op.result({"lane": lane["name"], "items_off_the_roadmap": len(items)})
    return op.result({"lane": lane["name"], "moved_to": target["name"], "items_moved": len(items),
                      "items_off_the_roadmap": 0})


def fiscal_start(ws: Workspace) -> int:
    """The month (1-12) the workspace's fiscal year starts in, read as the workspace settings read it."""
    return fiscal_year_start(ws)


def add_next_quarter(ws: Workspace, *, capacity: float | None = None, language: str = "en") -> OpResult:
    """The fiscal quarter after the last one (the current quarter when there is none), with the
    last one's capacity, named after the workspace's fiscal year start in `language` ('en' or 'ja')."""
    language = fiscal.language_of(language)
    start = fiscal_start(ws)
    quarters = [q for q in queries.list_lanes(ws, kind="quarter") if q["end_date"]]
    last = max(quarters, key=lambda q: q["end_date"], default=None)
    if last is not None:
        year, q, first, end = fiscal.quarter_starting_from(date.fromisoformat(last["end_date"]) + _ONE_DAY, start)
    else:
        year, q, first, end = fiscal.quarter_containing(date.today(), start)
    return add_lane(ws, name=fiscal.quarter_name(year, q, start, language), kind="quarter", start_date=first.isoformat(),
                    end_date=end.isoformat(),
                    capacity=capacity if capacity is not None else (last["capacity"] if last else None))


def quarter_of(day: date, start: int = 1) -> tuple[int, int]:
    """(fiscal year, quarter) of `day`; with the default January start, the calendar year and quarter."""
    return fiscal.quarter_of(day, start)


def add_default_lanes(ws: Workspace, *, today: date | None = None, capacity: float | None = 12.0,
                      language: str = "en") -> OpResult:
    """The four fiscal quarters from today's (with dates and capacity) and Now/Next/Later, where missing;
    quarters are named after the fiscal year start in `language`. The value lists those made."""
    language = fiscal.language_of(language)
    start = fiscal_start(ws)
    today = today or date.today()
    year, q = fiscal.quarter_of(today, start)
    made = []
    with operation(ws, "Add the next four quarters and Now/Next/Later") as op:
        for _ in range(4):
            first, end = fiscal.quarter_dates(year, q, start)
            name = fiscal.quarter_name(year, q, start, language)
            if queries.lane_named(ws, name, "quarter") is None:
                made.append(add_lane(ws, name=name, kind="quarter", start_date=first.isoformat(),
                                     end_date=end.isoformat(), capacity=capacity).value)
            year, q = fiscal.following_quarter(year, q)
        for name in HORIZONS:
            if queries.lane_named(ws, name, "horizon") is None:
                made.append(add_lane(ws, name=name, kind="horizon").value)
    return op.result(made)
