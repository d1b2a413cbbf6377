"""Roadmap lanes: quarters, releases and Now/Next/Later buckets, with dates and capacity."""

from __future__ import annotations

from datetime import date, timedelta

from planner.domain import LANE_KINDS, check_choice, known_id, number, valid_text
from planner.errors import NotFoundError, ValidationError
from planner.ops.result import OpResult, operation
from planner.storage import queries, writes
from planner.storage.db import Workspace
from planner.text import clean_name


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
            except ValueError:
                raise ValidationError(f"The lane's {label} date must look like 2026-04-01.") from None
    return out


def require_lane(ws: Workspace, lane_id) -> dict:
    lane = queries.row(ws, "lanes", lane_id) if known_id(lane_id) is not None else None
    if lane is None:
        raise NotFoundError(f"There is no lane {lane_id}.", hint="List them with `planner lanes`.")
    return lane


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


LANE_FIELDS = ("name", "start_date", "end_date", "capacity")


def edit_lane(ws: Workspace, lane_id: int, **fields) -> OpResult:
    """Rename a lane, or change its dates or capacity (person-months); the value is the lane as it now is."""
    lane = require_lane(ws, lane_id)
    unknown = set(fields) - set(LANE_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown lane field(s): {', '.join(sorted(unknown))}.")
    values = _checked(ws, {k: (v or None) if k.endswith("_date") else v for k, v in fields.items()},
                      kind=lane["kind"], lane_id=lane["id"])
    start, end = values.get("start_date", lane["start_date"]), values.get("end_date", lane["end_date"])
    if start and end and end < start:
        raise ValidationError("A lane cannot end before it starts.")
    what = ", ".join(k.replace("_", " ") for k in values) or "nothing"
    with operation(ws, f"Change {what} of lane “{lane['name']}”") as op:
        if values:
            writes.update_rows(ws, "lanes", [lane["id"]], values)
    return op.result(queries.row(ws, "lanes", lane["id"]))


def delete_lane(ws: Workspace, lane_id: int) -> OpResult:
    """Delete a lane; its items stay in the backlog, off the roadmap. The value says how many items that was."""
    lane = require_lane(ws, lane_id)
    items = [i["id"] for i in queries.list_items(ws) if i["lane_id"] == lane["id"]]
    with operation(ws, f"Delete lane “{lane['name']}”") as op:
        writes.update_rows(ws, "items", items, {"lane_id": None, "lane_position": None})
        writes.delete_rows(ws, "lanes", [lane["id"]])
    return op.result({"lane": lane["name"], "items_off_the_roadmap": len(items)})


def add_next_quarter(ws: Workspace, *, capacity: float | None = None) -> OpResult:
    """The quarter after the last one (the current quarter when there is none), with the last one's capacity."""
    quarters = [q for q in queries.list_lanes(ws, kind="quarter") if q["end_date"]]
    last = max(quarters, key=lambda q: q["end_date"], default=None)
    start = date.fromisoformat(last["end_date"]) + timedelta(days=1) if last else date.today()
    year, q = quarter_of(start)
    first = date(year, 3 * q - 2, 1)
    end = date.fromordinal(date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1).toordinal() - 1)
    return add_lane(ws, name=f"{year} Q{q}", kind="quarter", start_date=first.isoformat(), end_date=end.isoformat(),
                    capacity=capacity if capacity is not None else (last["capacity"] if last else None))


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def add_default_lanes(ws: Workspace, *, today: date | None = None, capacity: float | None = 12.0) -> OpResult:
    """The next four quarters (with dates and capacity) and Now/Next/Later, where missing; the value lists those made."""
    today = today or date.today()
    year, q = quarter_of(today)
    made = []
    with operation(ws, "Add the next four quarters and Now/Next/Later") as op:
        for n in range(4):
            qq = q + n
            y = year + (qq - 1) // 4
            qq = (qq - 1) % 4 + 1
            start = date(y, 3 * qq - 2, 1)
            end = date.fromordinal(date(y + (qq == 4), 1 if qq == 4 else 3 * qq + 1, 1).toordinal() - 1)
            name = f"{y} Q{qq}"
            if queries.lane_named(ws, name, "quarter") is None:
                made.append(add_lane(ws, name=name, kind="quarter", start_date=start.isoformat(),
                                     end_date=end.isoformat(), capacity=capacity).value)
        for name in ("Now", "Next", "Later"):
            if queries.lane_named(ws, name, "horizon") is None:
                made.append(add_lane(ws, name=name, kind="horizon").value)
    return op.result(made)
