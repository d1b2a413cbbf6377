"""Actions of triage: link requests, mark a duplicate, archive, make an item from requests."""

from __future__ import annotations

from planner import ops
from ui.i18n import tr
from ui.operations.items import _short, _title


def link(ctx, parent, request_ids, item_id: int):
    ids = [int(r) for r in request_ids]
    title = _short(_title(ctx, item_id))
    text = (tr("Link request {id} to “{title}”").format(id=ids[0], title=title) if len(ids) == 1
            else tr("Link {n} requests to “{title}”").format(n=len(ids), title=title))
    result = ctx.runner.run(parent, text, lambda ws: ops.link_requests(ws, ids, item_id))
    note = not_counted_words(result.value) if result is not None else ""
    if note:  # after the runner's "Done: …", so the status bar keeps the reason the score did not move
        ctx.said.emit(tr("Done: {what}").format(what=text) + " — " + note)
    return result


def not_counted_words(value) -> str:
    """Why linked requests add nothing to the score (older than the window, outside the segment), in words."""
    links = value if isinstance(value, list) else [value]
    found = [link["not_counted"] for link in links if isinstance(link, dict) and link.get("not_counted")]
    older = [f for f in found if f["reason"] == "older"]
    other = [f for f in found if f["reason"] != "older"]
    parts = []
    if len(older) == 1:
        parts.append(tr("request {id} (asked {asked}) is older than the {days}-day window and is not counted; "
                        "widen the window (Edit ▸ Workspace Settings)").format(
            id=older[0]["request_id"], asked=older[0]["asked"], days=older[0]["window_days"]))
    elif older:
        parts.append(tr("{n} requests are older than the {days}-day window and are not counted; "
                        "widen the window (Edit ▸ Workspace Settings)").format(n=len(older), days=older[0]["window_days"]))
    if other:
        parts.append(tr("{n} request(s) are not from the segment {segment} and are not counted").format(
            n=len(other), segment=other[0]["segment"]))
    return "; ".join(parts)


def mark_duplicate(ctx, parent, request_id: int, original_id: int):
    text = tr("Mark request {id} as a duplicate of request {of}").format(id=request_id, of=original_id)
    return ctx.runner.run(parent, text, lambda ws: ops.mark_duplicate(ws, request_id, of=original_id))


def archive(ctx, parent, request_ids):
    ids = [int(r) for r in request_ids]
    text = (tr("Archive request {id}").format(id=ids[0]) if len(ids) == 1
            else tr("Archive {n} requests").format(n=len(ids)))
    return ctx.runner.run(parent, text, lambda ws: ops.set_request_status(ws, ids, "archived"))


def create_item(ctx, parent, request_ids, title: str):
    ids = [int(r) for r in request_ids]
    text = (tr("Create item “{title}” from request {id}").format(title=_short(title), id=ids[0]) if len(ids) == 1
            else tr("Create item “{title}” from {n} requests").format(title=_short(title), n=len(ids)))
    return ctx.runner.run(parent, text, lambda ws: ops.create_item_from_requests(ws, ids, title=title))
