"""Use-cases: every change a user can make to a workspace, as plain functions.

The GUI and the CLI are thin callers of these. Each takes keyword arguments,
validates them, writes atomically and returns what changed (the row as it now
is, or a snapshot that undo can put back). Errors are `PlannerError`s.
"""

from __future__ import annotations

import json
import math
import sqlite3
from datetime import date

from planner.errors import NotFoundError, ValidationError
from planner.storage import queries, writes
from planner.storage.db import Workspace
from planner.text import clean_name, content_hash, name_key, now_iso

KINDS = ("feature", "improvement", "bug", "tech_debt", "research")
STATUSES = ("idea", "candidate", "planned", "in_progress", "shipped", "wont_do")
IMPACTS = (3.0, 2.0, 1.0, 0.5, 0.25)
IMPACT_NAMES = {3.0: "massive", 2.0: "high", 1.0: "medium", 0.5: "low", 0.25: "minimal"}
IMPORTANCES = ("nice_to_have", "important", "critical")
REACH_MODES = ("requests", "companies", "weighted", "mrr", "metric", "manual")
LANE_KINDS = ("quarter", "release", "horizon")
REQUEST_STATUSES = ("new", "linked", "duplicate", "archived")

# Fields a user may set on an item, and how each is checked.
_TEXT_FIELDS = {"title", "description", "notes", "theme", "tags", "owner", "pin_rationale", "start_date", "end_date"}
_NUMBER_FIELDS = {
    "reach_manual", "metric_share", "impact", "confidence", "effort", "value",
    "impact_low", "impact_high", "confidence_low", "confidence_high", "effort_low", "effort_high",
    "ice_impact", "ice_confidence", "ice_ease", "wsjf_value", "wsjf_time", "wsjf_risk", "wsjf_size",
    "lane_position",
}
_OTHER_FIELDS = {"kind", "status", "reach_mode", "metric_id", "lane_id", "pinned_rank"}
ITEM_FIELDS = _TEXT_FIELDS | _NUMBER_FIELDS | _OTHER_FIELDS
WSJF_SIZES = (1, 2, 3, 5, 8, 13, 20)


# ---------------------------------------------------------------- validation

# The sane range of each estimate a user types: (lowest, highest, how it is said).
# Scoring refuses a stored number outside these too (a hand-edited workspace).
EFFORT_RANGE = (0.05, 1000.0)
AMOUNT_MAX = 1e9  # reach, value, votes
ID_MAX = 2**63 - 1  # SQLite integers are 64-bit
PIN_RANK_MAX = 1_000_000
_EFFORT_WORDS = "more than 0 person-months: from 0.05 to 1000"
_AMOUNT_WORDS = "from 0 to 1,000,000,000"
FIELD_LIMITS = {
    "effort": (*EFFORT_RANGE, _EFFORT_WORDS),
    "effort_low": (*EFFORT_RANGE, _EFFORT_WORDS),
    "effort_high": (*EFFORT_RANGE, _EFFORT_WORDS),
    "reach_manual": (0.0, AMOUNT_MAX, _AMOUNT_WORDS),
    "value": (0.0, AMOUNT_MAX, _AMOUNT_WORDS),
    "metric_share": (0.0, 1.0, "a fraction from 0 to 1"),
    "impact": (0.25, 3.0, "on the RICE scale: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal"),
    "confidence": (0.0, 100.0, "a percentage from 0 to 100"),
}
for _k in ("impact", "confidence"):
    FIELD_LIMITS[f"{_k}_low"] = FIELD_LIMITS[f"{_k}_high"] = FIELD_LIMITS[_k]
for _k in ("ice_impact", "ice_confidence", "ice_ease", "wsjf_value", "wsjf_time", "wsjf_risk"):
    FIELD_LIMITS[_k] = (1.0, 20.0, "from 1 to 10 (WSJF parts to 20)")
FIELD_LIMITS["wsjf_size"] = (1.0, 20.0, f"one of {', '.join(map(str, (1, 2, 3, 5, 8, 13, 20)))}")
_BOUNDED = ("effort", "effort_low", "effort_high", "reach_manual", "value")  # the others have their own checks below
_LABELS = {"reach_manual": "Reach", "mrr": "MRR", "arr": "ARR", "wsjf_size": "WSJF job size"}


def field_label(field: str) -> str:
    return _LABELS.get(field) or field.replace("_", " ").capitalize()


def _number(field: str, value) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise ValidationError(f"{field_label(field)} must be a number, not {value!r}.") from None
    limits = FIELD_LIMITS.get(field)
    if not math.isfinite(number):
        if limits:
            raise ValidationError(f"{field_label(field)} must be a finite number, {limits[2]}; got {value!r}.")
        raise ValidationError(f"{field_label(field)} must be a finite number; got {value!r}.")
    if field in _BOUNDED and not limits[0] <= number <= limits[1]:
        raise ValidationError(f"{field_label(field)} must be {limits[2]}; got {value!r}.")
    return number


def _whole(what: str, value, low: int, high: int) -> int:
    """A whole number from low to high (bounded: SQLite integers are 64-bit)."""
    try:
        number = int(value)
        if isinstance(value, float) and number != value:
            raise ValueError
    except (TypeError, ValueError, OverflowError):
        raise ValidationError(f"{what} is a whole number from {low:,} to {high:,}; got {value!r}.") from None
    if not low <= number <= high:
        raise ValidationError(f"{what} is a whole number from {low:,} to {high:,}; got {value!r}.")
    return number


def valid_text(text, what: str = "text"):
    """Text that can be stored as UTF-8: a lone surrogate (an undecodable byte typed on the command line) is refused."""
    if isinstance(text, str):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise ValidationError(
                f"The {what} is not valid text (it holds a byte that is not UTF-8); type it again."
            ) from None
    return text


def _check_choice(field: str, value, choices) -> None:
    if value not in choices:
        raise ValidationError(f"{field.replace('_', ' ').capitalize()} must be one of {', '.join(map(str, choices))}; got {value!r}.")


def _validate_item_fields(fields: dict) -> dict:
    unknown = set(fields) - ITEM_FIELDS
    if unknown:
        raise ValidationError(f"Unknown item field(s): {', '.join(sorted(unknown))}.")
    out: dict = {}
    for key, value in fields.items():
        if key in _NUMBER_FIELDS:
            out[key] = _number(key, value)
        elif key in _TEXT_FIELDS:
            out[key] = None if value is None else valid_text(str(value), field_label(key).lower()).strip() or None
        else:
            out[key] = value
    if "title" in fields and not out.get("title"):
        raise ValidationError("An item needs a title.")
    if "kind" in out:
        _check_choice("kind", out["kind"], KINDS)
    if "status" in out:
        _check_choice("status", out["status"], STATUSES)
    if "reach_mode" in out:
        _check_choice("reach source", out["reach_mode"], REACH_MODES)
    for key in ("impact", "impact_low", "impact_high"):
        if out.get(key) is not None and out[key] not in IMPACTS:
            raise ValidationError(
                "Impact must be on the RICE scale: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal; "
                f"got {fields[key]!r}."
            )
    for key in ("confidence", "confidence_low", "confidence_high"):
        if out.get(key) is not None and not 0 <= out[key] <= 100:
            raise ValidationError(f"Confidence is a percentage from 0 to 100; got {fields[key]!r}.")
    if out.get("metric_share") is not None and out["metric_share"] < 0:
        raise ValidationError(f"Metric share cannot be negative; got {fields['metric_share']!r}.")
    if out.get("metric_share") is not None and out["metric_share"] > 1:
        raise ValidationError("The metric share is a fraction from 0 to 1.")
    for key in ("ice_impact", "ice_confidence", "ice_ease", "wsjf_value", "wsjf_time", "wsjf_risk"):
        if out.get(key) is not None and not 1 <= out[key] <= 20:
            raise ValidationError(f"{key.replace('_', ' ').upper()} must be from 1 to 10 (WSJF parts to 20); got {fields[key]!r}.")
    if out.get("wsjf_size") is not None and out["wsjf_size"] not in WSJF_SIZES:
        raise ValidationError(f"WSJF job size must be one of {', '.join(map(str, WSJF_SIZES))}; got {fields['wsjf_size']!r}.")
    if out.get("pinned_rank") is not None:
        out["pinned_rank"] = _whole("A pinned rank", out["pinned_rank"], 1, PIN_RANK_MAX)
    for key in ("metric_id", "lane_id"):
        if out.get(key) is not None:
            out[key] = _whole(f"A {key[:-3]} id", out[key], 1, ID_MAX)
    for key in ("start_date", "end_date"):
        if out.get(key):
            try:
                date.fromisoformat(out[key])
            except ValueError:
                raise ValidationError(f"{key.replace('_', ' ').capitalize()} must be a date like 2026-04-01.") from None
    return out


# ---------------------------------------------------------------- items

def _known_id(value) -> int | None:
    """An id as a whole number, or None when no row can have it (not a whole number, or past 64 bits)."""
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if 1 <= number <= ID_MAX else None


def _require_item(ws: Workspace, item_id: int) -> dict:
    known = _known_id(item_id)
    item = None if known is None else queries.get_item(ws, known)
    if item is None:
        raise NotFoundError(f"There is no item {item_id}.", hint="List them with `planner items`.")
    return item


def get_item(ws: Workspace, item_id: int) -> dict:
    return _require_item(ws, item_id)


def _resolve_lane(ws: Workspace, lane) -> int | None:
    if lane is None or lane == "":
        return None
    if isinstance(lane, int):
        if _known_id(lane) is None or not ws.db["lanes"].count_where("id = ?", [lane]):
            raise NotFoundError(f"There is no lane {lane}.")
        return lane
    rows = list(ws.db["lanes"].rows_where("name = ? COLLATE NOCASE", [valid_text(str(lane), "lane name").strip()], select="id"))
    if not rows:
        names = ", ".join(r["name"] for r in ws.db["lanes"].rows_where(order_by="kind, position"))
        raise NotFoundError(f"There is no lane named {lane!r}.", hint=f"Lanes: {names}." if names else "Create lanes first.")
    return rows[0]["id"]


def add_item(
    ws: Workspace,
    *,
    title: str,
    kind: str = "feature",
    status: str = "idea",
    lane=None,
    reach: float | None = None,
    **fields,
) -> dict:
    """Add a backlog item. `reach` sets a manual reach; `lane` is a name or id."""
    fields.update(title=title, kind=kind, status=status)
    if reach is not None:
        fields["reach_manual"] = reach
        fields.setdefault("reach_mode", "manual")
    values = _validate_item_fields(fields)
    values["lane_id"] = _resolve_lane(ws, lane)
    if values["lane_id"] is not None:
        values.setdefault("lane_position", _next_position(ws, values["lane_id"]))
    stamp = now_iso()
    values.update(created_at=stamp, updated_at=stamp)
    with ws.db.atomic():
        item_id = ws.db["items"].insert(values).last_pk
    return _require_item(ws, item_id)


def edit_item(ws: Workspace, item_id: int, **fields) -> dict:
    """Change some fields of an item; returns the item as it now is."""
    _require_item(ws, item_id)
    if "lane" in fields:
        fields["lane_id"] = _resolve_lane(ws, fields.pop("lane"))
    if "reach" in fields:
        reach = fields.pop("reach")
        fields["reach_manual"] = reach
        if reach is not None:
            fields.setdefault("reach_mode", "manual")
    values = _validate_item_fields(fields)
    if values.get("reach_mode") == "metric" and values.get("metric_id") is None:
        if ws.db["items"].get(item_id)["metric_id"] is None:
            raise ValidationError("Choose a metric before taking reach from one.")
    if values.get("pinned_rank") is not None and not (values.get("pin_rationale") or _require_item(ws, item_id)["pin_rationale"]):
        raise ValidationError("Say why the rank is pinned: a pinned rank needs a rationale.")
    if not values:
        return _require_item(ws, item_id)
    values["updated_at"] = now_iso()
    with ws.db.atomic():
        ws.db["items"].update(int(item_id), values)
    return _require_item(ws, item_id)


def edit_items(ws: Workspace, item_ids, **fields) -> list[dict]:
    """Bulk edit (status, lane, theme, ...): all or nothing. Returns the rows as they were."""
    ids = [int(i) for i in item_ids]
    before = [_require_item(ws, i) for i in ids]
    if "lane" in fields:
        fields["lane_id"] = _resolve_lane(ws, fields.pop("lane"))
    values = _validate_item_fields(fields)
    values["updated_at"] = now_iso()
    with ws.db.atomic():
        for item_id in ids:
            ws.db["items"].update(item_id, values)
    return before


def delete_item(ws: Workspace, item_id: int) -> dict:
    """Delete an item and its links; returns a snapshot that `restore_item` puts back."""
    _require_item(ws, item_id)
    row = ws.db["items"].get(int(item_id))
    links = list(ws.db["links"].rows_where("item_id = ?", [int(item_id)]))
    with ws.db.atomic():
        ws.db["items"].delete(int(item_id))
        _refresh_request_status(ws, [link["request_id"] for link in links])
    return {"item": row, "links": links}


def restore_item(ws: Workspace, snapshot: dict) -> dict:
    with ws.db.atomic():
        ws.db["items"].insert(snapshot["item"])
        if snapshot["links"]:
            ws.db["links"].insert_all(snapshot["links"])
        _refresh_request_status(ws, [link["request_id"] for link in snapshot["links"]])
    return _require_item(ws, snapshot["item"]["id"])


# ---------------------------------------------------------------- companies

def upsert_company(
    ws: Workspace,
    *,
    name: str,
    segment: str | None = None,
    plan: str | None = None,
    mrr: float | None = None,
    arr: float | None = None,
    domain: str | None = None,
    external_id: str | None = None,
    batch_id: int | None = None,
) -> tuple[dict, bool]:
    """Find a company by its normalised name or add it; returns (row, created).

    The name is kept as first written; given attributes fill in or update the
    existing row, absent ones leave it as it is.
    """
    shown = clean_name(valid_text(name, "company name"))
    if not shown:
        raise ValidationError("A company needs a name.")
    key = name_key(shown)
    mrr = _number("mrr", mrr)
    arr = _number("arr", arr)
    for label, money in (("MRR", mrr), ("ARR", arr)):
        if money is not None and money < 0:
            raise ValidationError(f"{label} cannot be negative.")
    if mrr is None and arr is not None:
        mrr = arr / 12
    attrs = {k: v for k, v in dict(segment=segment, plan=plan, mrr=mrr, arr=arr, domain=domain, external_id=external_id).items() if v not in (None, "")}
    with ws.db.atomic():
        existing = list(ws.db["companies"].rows_where("name_key = ?", [key]))
        if existing:
            row = existing[0]
            if attrs:
                ws.db["companies"].update(row["id"], attrs)
            return ws.db["companies"].get(row["id"]), False
        company_id = ws.db["companies"].insert(
            dict(name=shown, name_key=key, batch_id=batch_id, created_at=now_iso(), **attrs)
        ).last_pk
    return ws.db["companies"].get(company_id), True


def find_company(ws: Workspace, name: str) -> dict | None:
    rows = list(ws.db["companies"].rows_where("name_key = ?", [name_key(name)]))
    return rows[0] if rows else None


# ---------------------------------------------------------------- requests

def add_request(
    ws: Workspace,
    *,
    title: str,
    body: str | None = None,
    source: str = "manual",
    external_id: str | None = None,
    requester: str | None = None,
    email: str | None = None,
    company: str | None = None,
    created_at: str | None = None,
    votes: int | None = None,
    importance: str | None = None,
    url: str | None = None,
    tags: str | None = None,
) -> dict:
    """Record one customer request by hand."""
    title = valid_text(title or "", "title").strip()
    if not title:
        raise ValidationError("A request needs a title.")
    for what, text in (("body", body), ("requester", requester), ("email", email), ("company name", company), ("tags", tags)):
        valid_text(text, what)
    if votes is not None:
        votes = _whole("Votes", votes, 0, int(AMOUNT_MAX))
    with ws.db.atomic():
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
            request_id = ws.db["requests"].insert(row).last_pk
        except sqlite3.IntegrityError as exc:
            if getattr(exc, "sqlite_errorname", "") == "SQLITE_CONSTRAINT_UNIQUE":  # (source, id) or content hash
                raise ValidationError("This request is already in the workspace.") from None
            raise
    return request(ws, request_id)


def request(ws: Workspace, request_id: int) -> dict:
    known = _known_id(request_id)
    rows = [] if known is None else list(ws.db["requests"].rows_where("id = ?", [known]))
    row = rows[0] if rows else None
    if row is None:
        raise NotFoundError(f"There is no request {request_id}.", hint="List them with `planner requests`.")
    return row


def _refresh_request_status(ws: Workspace, request_ids) -> None:
    writes.refresh_request_status(ws, request_ids)


def link_request(ws: Workspace, request_id: int, item_id: int, *, importance: str = "important") -> dict:
    """Link a request to an item (or change the link's importance)."""
    _check_choice("importance", importance, IMPORTANCES)
    req = request(ws, request_id)
    _require_item(ws, item_id)
    if req["status"] == "duplicate":
        raise ValidationError(
            f"Request {request_id} is a duplicate of request {req['duplicate_of']}; link that one instead."
        )
    with ws.db.atomic():
        writes.upsert_link(ws, request_id, item_id, importance, now_iso())
        if req["status"] == "archived":
            ws.db["requests"].update(int(request_id), {"status": "new"})
        _refresh_request_status(ws, [request_id])
    return {"request_id": int(request_id), "item_id": int(item_id), "importance": importance}


def unlink_request(ws: Workspace, request_id: int, item_id: int) -> dict | None:
    """Remove a link; returns the link as it was (for undo), or None if there was none."""
    rows = list(ws.db["links"].rows_where("request_id = ? AND item_id = ?", [int(request_id), int(item_id)]))
    if not rows:
        return None
    with ws.db.atomic():
        writes.delete_link(ws, request_id, item_id)
        _refresh_request_status(ws, [request_id])
    return rows[0]


def mark_duplicate(ws: Workspace, request_id: int, *, of: int) -> dict:
    """Mark a request as a duplicate of another. Its links move to the original.

    A duplicate never counts towards demand: the same customer asking twice
    through two channels is one request.
    """
    if int(request_id) == int(of):
        raise ValidationError("A request cannot be a duplicate of itself.")
    dup = request(ws, request_id)
    original = request(ws, of)
    if original["status"] == "duplicate":
        of = original["duplicate_of"]
    before = {"status": dup["status"], "duplicate_of": dup["duplicate_of"]}
    links = list(ws.db["links"].rows_where("request_id = ?", [int(request_id)]))
    with ws.db.atomic():
        for link in links:
            writes.add_link_if_absent(ws, of, link["item_id"], link["importance"], now_iso())
        writes.delete_links_of_request(ws, request_id)
        ws.db["requests"].update(int(request_id), {"status": "duplicate", "duplicate_of": int(of), "updated_at": now_iso()})
        _refresh_request_status(ws, [of])
    return {"request_id": int(request_id), "duplicate_of": int(of), "before": before, "links": links}


def set_request_status(ws: Workspace, request_id: int, status: str) -> dict:
    """Archive a request or bring it back ('archived' or 'new'); returns the old status."""
    _check_choice("status", status, ("archived", "new"))
    req = request(ws, request_id)
    with ws.db.atomic():
        ws.db["requests"].update(int(request_id), {"status": status, "duplicate_of": None, "updated_at": now_iso()})
        if status == "new":
            _refresh_request_status(ws, [request_id])
    return {"request_id": int(request_id), "before": req["status"], "duplicate_of": req["duplicate_of"]}


def restore_request_state(ws: Workspace, request_id: int, *, status: str, duplicate_of=None, links=()) -> None:
    """Put a request back as it was before a duplicate/archive (for undo)."""
    with ws.db.atomic():
        ws.db["requests"].update(int(request_id), {"status": status, "duplicate_of": duplicate_of})
        for link in links:
            writes.put_link(ws, link)
        _refresh_request_status(ws, [request_id])


def create_item_from_requests(ws: Workspace, request_ids, *, title: str | None = None, importance: str = "important", **fields) -> dict:
    """Make a backlog item out of one or several requests and link them to it."""
    ids = [int(r) for r in request_ids]
    if not ids:
        raise ValidationError("Pick at least one request.")
    reqs = [request(ws, r) for r in ids]
    with ws.db.atomic():
        item = add_item(ws, title=title or reqs[0]["title"], description=fields.pop("description", reqs[0]["body"]), **fields)
        for r in ids:
            link_request(ws, r, item["id"], importance=importance)
    return _require_item(ws, item["id"])


# ---------------------------------------------------------------- lanes

def _next_position(ws: Workspace, lane_id: int) -> float:
    return writes.last_lane_position(ws, lane_id) + 1.0


def add_lane(
    ws: Workspace,
    *,
    name: str,
    kind: str = "quarter",
    start_date: str | None = None,
    end_date: str | None = None,
    capacity: float | None = None,
    position: int | None = None,
) -> dict:
    name = clean_name(valid_text(name, "lane name"))
    if not name:
        raise ValidationError("A lane needs a name.")
    _check_choice("lane kind", kind, LANE_KINDS)
    capacity = _number("capacity", capacity)
    if capacity is not None and capacity < 0:
        raise ValidationError("Capacity cannot be negative.")
    for label, d in (("start", start_date), ("end", end_date)):
        if d:
            try:
                date.fromisoformat(d)
            except ValueError:
                raise ValidationError(f"The lane's {label} date must look like 2026-04-01.") from None
    if start_date and end_date and end_date < start_date:
        raise ValidationError("A lane cannot end before it starts.")
    if ws.db["lanes"].count_where("kind = ? AND name = ? COLLATE NOCASE", [kind, name]):
        raise ValidationError(f"There is already a {kind} lane named {name!r}.")
    if position is None:
        position = writes.next_lane_order(ws, kind)
    with ws.db.atomic():
        lane_id = ws.db["lanes"].insert(
            dict(name=name, kind=kind, position=position, start_date=start_date, end_date=end_date, capacity=capacity)
        ).last_pk
    return ws.db["lanes"].get(lane_id)


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def add_default_lanes(ws: Workspace, *, today: date | None = None, capacity: float | None = 12.0) -> list[dict]:
    """The next four quarters (with dates and capacity) and Now/Next/Later, if missing."""
    today = today or date.today()
    year, q = quarter_of(today)
    made = []
    for n in range(4):
        qq = q + n
        y = year + (qq - 1) // 4
        qq = (qq - 1) % 4 + 1
        start = date(y, 3 * qq - 2, 1)
        end = date(y + (qq == 4), 1 if qq == 4 else 3 * qq + 1, 1)
        end = date.fromordinal(end.toordinal() - 1)
        name = f"{y} Q{qq}"
        if not ws.db["lanes"].count_where("kind = 'quarter' AND name = ?", [name]):
            made.append(add_lane(ws, name=name, kind="quarter", start_date=start.isoformat(), end_date=end.isoformat(), capacity=capacity))
    for name in ("Now", "Next", "Later"):
        if not ws.db["lanes"].count_where("kind = 'horizon' AND name = ?", [name]):
            made.append(add_lane(ws, name=name, kind="horizon"))
    return made


def move_item(ws: Workspace, item_id: int, *, lane=None, position: float | None = None) -> dict:
    """Move an item to a lane (None: off the roadmap) at a position; returns where it was."""
    item = _require_item(ws, item_id)
    lane_id = _resolve_lane(ws, lane)
    if position is None and lane_id is not None:
        position = item["lane_position"] if item["lane_id"] == lane_id else _next_position(ws, lane_id)
    with ws.db.atomic():
        ws.db["items"].update(int(item_id), {"lane_id": lane_id, "lane_position": position, "updated_at": now_iso()})
    return {"item_id": int(item_id), "lane_id": item["lane_id"], "lane_position": item["lane_position"]}


def list_items(ws: Workspace, **kw) -> list[dict]:
    return queries.list_items(ws, **kw)


def list_requests(ws: Workspace, **kw) -> list[dict]:
    return queries.list_requests(ws, **kw)


def list_companies(ws: Workspace) -> list[dict]:
    return queries.list_companies(ws)


def list_lanes(ws: Workspace, **kw) -> list[dict]:
    return queries.list_lanes(ws, **kw)


def dumps(rows) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2, default=str)
