"""Customer requests: record one, link it to items, mark duplicates, archive, make an item from several."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from planner.domain import AMOUNT_MAX, IMPORTANCES, check_choice, known_id, valid_text, whole
from planner.errors import NotFoundError, ValidationError
from planner.ops.companies import upsert_company
from planner.ops.items import _short, add_item, require_item
from planner.ops.result import OpResult, operation
from planner.storage import queries, writes
from planner.storage.db import Workspace
from planner.text import content_hash, now_iso


def request(ws: Workspace, request_id) -> dict:
    known = known_id(request_id)
    row = None if known is None else queries.row(ws, "requests", known)
    if row is None:
        raise NotFoundError(f"There is no request {request_id}.", hint="List them with `planner requests`.")
    return row


def add_request(ws: Workspace, *, title: str, body: str | None = None, source: str = "manual",
                external_id: str | None = None, requester: str | None = None, email: str | None = None,
                company: str | None = None, created_at: str | None = None, votes: int | None = None,
                importance: str | None = None, url: str | None = None, tags: str | None = None) -> OpResult:
    """Record one customer request by hand."""
    title = valid_text(title or "", "title").strip()
    if not title:
        raise ValidationError("A request needs a title.")
    for what, text in (("body", body), ("requester", requester), ("email", email), ("company name", company), ("tags", tags)):
        valid_text(text, what)
    if votes is not None:
        votes = whole("Votes", votes, 0, int(AMOUNT_MAX))
    with operation(ws, f"Add request “{_short(title)}”") as op:
        company_id = upsert_company(ws, name=company)[0]["id"] if company and company.strip() else None
        stamp = now_iso()
        row = dict(
            source=source, external_id=external_id, title=title, body=body, requester=requester,
            email=email, company_id=company_id, created_at=created_at or stamp[:10], votes=votes,
            importance=importance, url=url, tags=tags, status="new",
            content_hash=content_hash(source, title, body, requester, email, company, created_at),
            imported_at=stamp, updated_at=stamp,
        )
        try:
            request_id = writes.insert_row(ws, "requests", row)
        except sqlite3.IntegrityError as exc:
            if getattr(exc, "sqlite_errorname", "") == "SQLITE_CONSTRAINT_UNIQUE":  # (source, id) or content hash
                raise ValidationError("This request is already in the workspace.") from None
            raise
    return op.result(request(ws, request_id))


def _linkable(ws: Workspace, request_id) -> dict:
    req = request(ws, request_id)
    if req["status"] == "duplicate":
        raise ValidationError(f"Request {request_id} is a duplicate of request {req['duplicate_of']}; link that one instead.")
    return req


def link_requests(ws: Workspace, request_ids, item_id: int, *, importance: str = "important") -> OpResult:
    """Link requests to an item (or change the links' importance); an archived request comes back."""
    check_choice("importance", importance, IMPORTANCES)
    reqs = [_linkable(ws, r) for r in request_ids]
    if not reqs:
        raise ValidationError("Pick at least one request.")
    item = require_item(ws, item_id)
    text = (f"Link request {reqs[0]['id']} to “{_short(item['title'])}”" if len(reqs) == 1
            else f"Link {len(reqs)} requests to “{_short(item['title'])}”")
    stamp = now_iso()
    with operation(ws, text) as op:
        for req in reqs:
            writes.upsert_link(ws, req["id"], item["id"], importance, stamp)
            if req["status"] == "archived":
                writes.set_request_state(ws, req["id"], {"status": "new"})
        writes.refresh_request_status(ws, [r["id"] for r in reqs])
    from planner.scoring.settings import get_scoring_settings

    settings = get_scoring_settings(ws)
    links = [{"request_id": r["id"], "item_id": item["id"], "importance": importance,
              "not_counted": not_counted(ws, r, settings=settings)} for r in reqs]
    return op.result(links[0] if len(links) == 1 else links)


def not_counted(ws: Workspace, req: dict, *, today: date | None = None, settings: dict | None = None) -> dict | None:
    """Why a request, once linked, adds nothing to the score, or None when it counts.

    {"request_id", "reason": "older" | "segment", "asked", "window_days",
    "since", "segment", "text"}: linking such a request changes no number, so
    saying why keeps the user from thinking the link was lost.
    """
    if settings is None:
        from planner.scoring.settings import get_scoring_settings

        settings = get_scoring_settings(ws)
    today = today or date.today()
    start = today - timedelta(days=settings["window_days"])
    try:
        asked = date.fromisoformat(str(req.get("created_at") or "")[:10])
    except ValueError:
        asked = None  # undated: always counted, as the scorer does
    segment = (settings.get("segment") or "").strip() or None
    out = {"request_id": req["id"], "asked": asked.isoformat() if asked else None,
           "window_days": settings["window_days"], "since": start.isoformat(), "segment": segment}
    if asked is not None and asked < start:
        return dict(out, reason="older", text=(
            f"Request {req['id']} (asked {asked.isoformat()}) is older than the scoring window (the last "
            f"{settings['window_days']} days, since {start.isoformat()}) and is not counted: widen the window"))
    if segment:
        company = queries.row(ws, "companies", req["company_id"]) if req.get("company_id") else None
        if ((company or {}).get("segment") or "").strip().casefold() != segment.casefold():
            return dict(out, reason="segment", text=(
                f"Request {req['id']} is not from the segment {segment} and is not counted: choose segment all to count it"))
    return None


def link_request(ws: Workspace, request_id: int, item_id: int, *, importance: str = "important") -> OpResult:
    return link_requests(ws, [request_id], item_id, importance=importance)


def unlink_request(ws: Workspace, request_id: int, item_id: int) -> OpResult:
    """Remove a link; the value is the link as it was, or None when there was none."""
    rows = queries.links_of(ws, request_id=request(ws, request_id)["id"], item_id=require_item(ws, item_id)["id"])
    with operation(ws, f"Unlink request {request_id} from item {item_id}") as op:
        if rows:
            writes.delete_link(ws, request_id, item_id)
            writes.refresh_request_status(ws, [request_id])
    return op.result(rows[0] if rows else None)


def mark_duplicate(ws: Workspace, request_id: int, *, of: int) -> OpResult:
    """Mark a request as a duplicate of another; its links move to the original.

    A duplicate never counts towards demand: the same customer asking twice
    through two channels is one request.
    """
    if int(request_id) == int(of):
        raise ValidationError("A request cannot be a duplicate of itself.")
    dup = request(ws, request_id)
    original = request(ws, of)
    if original["status"] == "duplicate":
        of = original["duplicate_of"]
    links = queries.links_of(ws, request_id=dup["id"])
    stamp = now_iso()
    with operation(ws, f"Mark request {request_id} as a duplicate of request {of}") as op:
        for link in links:
            writes.add_link_if_absent(ws, of, link["item_id"], link["importance"], stamp)
        writes.delete_links_of_request(ws, request_id)
        writes.set_request_state(ws, request_id, {"status": "duplicate", "duplicate_of": int(of), "updated_at": stamp})
        writes.refresh_request_status(ws, [of])
    return op.result({"request_id": int(request_id), "duplicate_of": int(of), "links_moved": len(links)})


def set_request_status(ws: Workspace, request_ids, status: str) -> OpResult:
    """Archive requests or bring them back ('archived' or 'new')."""
    check_choice("status", status, ("archived", "new"))
    ids = [request(ws, r)["id"] for r in ([request_ids] if isinstance(request_ids, (int, str)) else request_ids)]
    if not ids:
        raise ValidationError("Pick at least one request.")
    verb = "Archive" if status == "archived" else "Bring back"
    text = f"{verb} request {ids[0]}" if len(ids) == 1 else f"{verb} {len(ids)} requests"
    stamp = now_iso()
    with operation(ws, text) as op:
        for r in ids:
            writes.set_request_state(ws, r, {"status": status, "duplicate_of": None, "updated_at": stamp})
        if status == "new":
            writes.refresh_request_status(ws, ids)
    return op.result(ids)


def create_item_from_requests(ws: Workspace, request_ids, *, title: str | None = None,
                              importance: str = "important", **fields) -> OpResult:
    """Make a backlog item out of one or several requests and link them to it."""
    ids = [int(r) for r in request_ids]
    if not ids:
        raise ValidationError("Pick at least one request.")
    reqs = [_linkable(ws, r) for r in ids]
    title = title or reqs[0]["title"]
    text = (f"Create item “{_short(title)}” from request {ids[0]}" if len(ids) == 1
            else f"Create item “{_short(title)}” from {len(ids)} requests")
    with operation(ws, text) as op:
        item = add_item(ws, title=title, description=fields.pop("description", reqs[0]["body"]), **fields).value
        link_requests(ws, ids, item["id"], importance=importance)
    return op.result(require_item(ws, item["id"]))
