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
    return ctx.runner.run(parent, text, lambda ws: ops.link_requests(ws, ids, item_id))


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
