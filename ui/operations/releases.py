"""Actions of the Release Notes dialog: the public words of an item, and marking requesters informed."""

from __future__ import annotations

from planner import ops, releases
from ui.i18n import tr
from ui.operations.items import _short, _title

PUBLIC_FIELDS = ("public_title", "public_summary")


def set_public(ctx, parent, item_id: int, field: str, value: str | None):
    """Set an item's public title or summary (blank: the release notes use its title, or no summary)."""
    assert field in PUBLIC_FIELDS
    text = (tr("Set public title of “{title}”") if field == "public_title"
            else tr("Set public summary of “{title}”")).format(title=_short(_title(ctx, item_id)))
    return ctx.runner.run(parent, text, lambda ws: ops.edit_item(ws, item_id, **{field: value}))


def mark_informed(ctx, parent, lane: dict, *, pairs=None):
    """Mark the lane's requesters informed today: the given (request id, item id) pairs, or the whole lane."""
    requests = len({r for r, _ in pairs}) if pairs is not None else None
    if requests is None:
        text = tr("Mark everyone informed for {lane}").format(lane=lane["name"])
    else:
        text = tr("Mark {n} request(s) informed for {lane}").format(n=requests, lane=lane["name"])
    return ctx.runner.run(parent, text, lambda ws: releases.mark_informed(ws, lane["id"], pairs=pairs))
