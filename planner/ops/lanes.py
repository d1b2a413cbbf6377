"""Roadmap lanes: quarters, releases and Now/Next/Later buckets, with dates and capacity."""

from __future__ import annotations

from datetime import date

from planner.domain import LANE_KINDS, check_choice, number, valid_text
from planner.errors import ValidationError
from planner.ops.result import OpResult, operation
from planner.storage import queries, writes
from planner.storage.db import Workspace
from planner.text import clean_name


def add_lane(ws: Workspace, *, name: str, kind: str = "quarter", start_date: str | None = None,
             end_date: str | None = None, capacity: float | None = None, position: int | None = None) -> OpResult:
    name = clean_name(valid_text(name, "lane name"))
    if not name:
        raise ValidationError("A lane needs a name.")
    check_choice("lane kind", kind, LANE_KINDS)
    capacity = number("capacity", capacity)
    if capacity is not None and capacity < 0:
        raise ValidationError("Capacity cannot be negative.")
    for label, day in (("start", start_date), ("end", end_date)):
        if day:
            try:
                date.fromisoformat(day)
            except ValueError:
                raise ValidationError(f"The lane's {label} date must look like 2026-04-01.") from None
    if start_date and end_date and end_date < start_date:
        raise ValidationError("A lane cannot end before it starts.")
    if queries.lane_named(ws, name, kind) is not None:
        raise ValidationError(f"There is already a {kind} lane named {name!r}.")
    with operation(ws, f"Add lane “{name}”") as op:
        if position is None:
            position = writes.next_lane_order(ws, kind)
        lane_id = writes.insert_row(ws, "lanes", dict(name=name, kind=kind, position=position, start_date=start_date,
                                                      end_date=end_date, capacity=capacity))
    return op.result(queries.row(ws, "lanes", lane_id))


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
