"""Actions on roadmap lanes: add, rename, dates, capacity, kind, order, add the next quarter, delete."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from planner import fiscal, ops
from ui.i18n import tr
from ui.widgets.labels import lane_kind_label


def interface_language() -> str:
    """The language the window speaks, as lane names are made in: 'ja' under the Japanese translation, else 'en'."""
    app = QCoreApplication.instance()
    for translator in getattr(app, "translators", ()) or ():
        code = (translator.language() or "").replace("-", "_").split("_")[0].lower()
        if code in fiscal.LANGUAGES:
            return code
    return "en"


def _number(value) -> str:
    try:
        return f"{float(value):g}"
    except (TypeError, ValueError):
        return str(value)


def add_lane(ctx, parent, *, name: str, kind: str, start_date=None, end_date=None, capacity=None):
    text = tr("Add the {kind} lane “{name}”").format(kind=lane_kind_label(kind), name=name)
    return ctx.runner.run(parent, text, lambda ws: ops.add_lane(
        ws, name=name, kind=kind, start_date=start_date, end_date=end_date, capacity=capacity))


def rename(ctx, parent, lane: dict, name: str):
    text = tr("Rename lane “{old}” to “{new}”").format(old=lane["name"], new=name)
    return ctx.runner.run(parent, text, lambda ws: ops.edit_lane(ws, lane["id"], name=name))


def set_capacity(ctx, parent, lane: dict, capacity):
    """Capacity in person-months; None or "" clears it."""
    if capacity is None or capacity == "":
        text = tr("Clear the capacity of “{lane}”").format(lane=lane["name"])
    else:
        text = tr("Set capacity of “{lane}” to {n} person-months").format(lane=lane["name"], n=_number(capacity))
    return ctx.runner.run(parent, text, lambda ws: ops.edit_lane(ws, lane["id"], capacity=capacity))


def set_date(ctx, parent, lane: dict, field: str, day: str | None):
    """The lane's start_date or end_date as YYYY-MM-DD; None or "" clears it."""
    assert field in ("start_date", "end_date")
    if day:
        said = tr("Set the start of “{lane}” to {day}") if field == "start_date" else tr("Set the end of “{lane}” to {day}")
    else:
        said = tr("Clear the start of “{lane}”") if field == "start_date" else tr("Clear the end of “{lane}”")
    text = said.format(lane=lane["name"], day=day)
    return ctx.runner.run(parent, text, lambda ws: ops.edit_lane(ws, lane["id"], **{field: day or None}))


def move(ctx, parent, lane: dict, position: int):
    """Put the lane at `position` (from 1) among the lanes of its kind."""
    text = tr("Move lane “{lane}” to position {n}").format(lane=lane["name"], n=position)
    return ctx.runner.run(parent, text, lambda ws: ops.move_lane(ws, lane["id"], position))


def add_next_quarter(ctx, parent, *, language: str | None = None):
    """The fiscal quarter after the last one, named in `language` (default: the window's)."""
    language = language or interface_language()
    return ctx.runner.run(parent, tr("Add the next quarter"), lambda ws: ops.add_next_quarter(ws, language=language))


def delete(ctx, parent, lane: dict, *, move_to: dict | None = None):
    """Delete the lane; its items go to the lane `move_to` (a lane dict) or, with None, off the roadmap."""
    if move_to is None:
        text = tr("Delete lane “{lane}”").format(lane=lane["name"])
        return ctx.runner.run(parent, text, lambda ws: ops.delete_lane(ws, lane["id"]))
    text = tr("Delete lane “{lane}” and move its items to “{to}”").format(lane=lane["name"], to=move_to["name"])
    return ctx.runner.run(parent, text, lambda ws: ops.delete_lane(ws, lane["id"], move_to=move_to["id"]))


def add_default_lanes(ctx, parent):
    """The next four quarters (named in the window's language and the fiscal year) and Now/Next/Later."""
    language = interface_language()
    return ctx.runner.run(parent, tr("Add the next four quarters and Now/Next/Later"),
                          lambda ws: ops.add_default_lanes(ws, language=language))
