"""Actions on roadmap lanes: rename, capacity, add the next quarter, delete."""

from __future__ import annotations

from planner import ops
from ui.i18n import tr


def rename(ctx, parent, lane: dict, name: str):
    text = tr("Rename lane “{old}” to “{new}”").format(old=lane["name"], new=name)
    return ctx.runner.run(parent, text, lambda ws: ops.edit_lane(ws, lane["id"], name=name))


def set_capacity(ctx, parent, lane: dict, capacity: float | None):
    text = tr("Set capacity of “{lane}” to {n} person-months").format(lane=lane["name"], n=f"{capacity:g}")
    return ctx.runner.run(parent, text, lambda ws: ops.edit_lane(ws, lane["id"], capacity=capacity))


def add_next_quarter(ctx, parent):
    return ctx.runner.run(parent, tr("Add the next quarter"), lambda ws: ops.add_next_quarter(ws))


def delete(ctx, parent, lane: dict):
    text = tr("Delete lane “{lane}”").format(lane=lane["name"])
    return ctx.runner.run(parent, text, lambda ws: ops.delete_lane(ws, lane["id"]))
