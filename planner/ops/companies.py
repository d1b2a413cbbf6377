"""Companies: found by their normalised name, added when new, edited, merged; and their segments.

`upsert_company` is what imports and the demo use (given attributes fill in or
update a company found by name). The others are a user's corrections:
`edit_company` one field or several, `merge_companies` two records of the same
customer, `rename_segment` a segment on every company (which merges two
segments when the new name is taken, e.g. 大企業 into Enterprise).
"""

from __future__ import annotations

import math
from datetime import date

from planner.domain import known_id, number, valid_text
from planner.errors import NotFoundError, ValidationError
from planner.ops.result import OpResult, operation
from planner.storage import queries, writes
from planner.storage.db import Workspace
from planner.text import clean_name, name_key, now_iso


def upsert_company(ws: Workspace, *, name: str, segment: str | None = None, plan: str | None = None,
                   mrr: float | None = None, arr: float | None = None, domain: str | None = None,
                   external_id: str | None = None, batch_id: int | None = None) -> OpResult:
    """Find a company by its normalised name or add it; the value is (row, created).

    The name is kept as first written; given attributes fill in or update the
    existing row, absent ones leave it as it is.
    """
    shown = clean_name(valid_text(name, "company name"))
    if not shown:
        raise ValidationError("A company needs a name.")
    key = name_key(shown)
    mrr = number("mrr", mrr)
    arr = number("arr", arr)
    for label, money in (("MRR", mrr), ("ARR", arr)):
        if money is not None and money < 0:
            raise ValidationError(f"{label} cannot be negative.")
    if mrr is None and arr is not None:
        mrr = arr / 12
    attrs = {k: v for k, v in dict(segment=segment, plan=plan, mrr=mrr, arr=arr, domain=domain,
                                   external_id=external_id).items() if v not in (None, "")}
    with operation(ws, f"Save company “{shown}”") as op:
        existing = queries.company_by_key(ws, key)
        if existing:
            if attrs:
                writes.update_rows(ws, "companies", [existing["id"]], attrs)
            company_id, created = existing["id"], False
        else:
            company_id = writes.insert_row(
                ws, "companies", dict(name=shown, name_key=key, batch_id=batch_id, created_at=now_iso(), **attrs))
            created = True
    return op.result((queries.row(ws, "companies", company_id), created))


def find_company(ws: Workspace, name: str) -> dict | None:
    return queries.company_by_key(ws, name_key(name))


# ---------------------------------------------------------------- corrections

COMPANY_FIELDS = ("name", "segment", "plan", "mrr", "arr", "renewal_date", "owner", "domain")
MONEY_MAX = 1e13  # MRR and ARR; far above any customer, below where floats lose cents
_MONEY_WORDS = "from 0 to 10,000,000,000,000"
# Filled in from the companies merged into the kept one, where it has nothing (money goes as a pair).
_FILLED = ("segment", "plan", "renewal_date", "owner", "domain", "external_id")


def require_company(ws: Workspace, company_id) -> dict:
    """The company with this id, as stored; NotFoundError when there is none."""
    company = queries.row(ws, "companies", company_id) if known_id(company_id) is not None else None
    if company is None:
        raise NotFoundError(f"There is no company {company_id}.", hint="List them with `planner companies`.")
    return company


def _text(value, what: str) -> str | None:
    """A text field as stored: spaces trimmed and folded; None when blank."""
    if value is None:
        return None
    return clean_name(valid_text(str(value), what)) or None


def _money(field: str, value) -> float | None:
    money = number(field, value)
    if money is None:
        return None
    label = "MRR" if field == "mrr" else "ARR"
    if money < 0:
        raise ValidationError(f"{label} cannot be negative: give an amount {_MONEY_WORDS}; got {value!r}.")
    if money > MONEY_MAX:
        raise ValidationError(f"{label} must be an amount {_MONEY_WORDS}; got {value!r}.")
    return money


def _day(value) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(valid_text(str(value), "renewal date").strip()).isoformat()
    except ValueError:
        raise ValidationError(f"The renewal date must be a date like 2027-03-31; got {value!r}.") from None


def _domain(value) -> str | None:
    text = _text(value, "domain")
    if text is None:
        return None
    text = text.lower().removeprefix("@")
    if not text or any(c.isspace() or c in "@/" for c in text) or "." not in text.strip("."):
        raise ValidationError(f"A domain looks like example.com; got {value!r}.")
    return text


def _checked_company(ws: Workspace, company: dict, fields: dict) -> dict:
    """The columns an edit sets, checked; a ValidationError says what is expected."""
    unknown = set(fields) - set(COMPANY_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown company field(s): {', '.join(sorted(unknown))}; "
                              f"a company has {', '.join(COMPANY_FIELDS)}.")
    out: dict = {}
    if "name" in fields:
        shown = _text(fields["name"], "company name")
        if not shown:
            raise ValidationError("A company needs a name.")
        key = name_key(shown)
        other = queries.company_by_key(ws, key)
        if other is not None and other["id"] != company["id"]:
            raise ValidationError(
                f"There is already a company named “{other['name']}” (company {other['id']}).",
                hint=(f"If they are the same customer, merge them: `planner company-merge {other['id']} {company['id']}` "
                      "or Merge Companies… in the Companies view."),
            )
        out["name"], out["name_key"] = shown, key
    for field, what in (("segment", "segment"), ("plan", "plan"), ("owner", "account owner")):
        if field in fields:
            out[field] = _text(fields[field], what)
    if "domain" in fields:
        out["domain"] = _domain(fields["domain"])
    if "renewal_date" in fields:
        out["renewal_date"] = _day(fields["renewal_date"])
    mrr = _money("mrr", fields["mrr"]) if "mrr" in fields else None
    arr = _money("arr", fields["arr"]) if "arr" in fields else None
    if "mrr" in fields and "arr" in fields:
        if mrr is None or arr is None:
            if (mrr is None) != (arr is None):
                raise ValidationError("Give MRR or ARR (the other follows), or clear both.")
        elif not math.isclose(arr, mrr * 12, rel_tol=1e-9, abs_tol=0.005):
            raise ValidationError(f"MRR {mrr:,.2f} and ARR {arr:,.2f} disagree: ARR is 12 × MRR. Give one of them.")
        out["mrr"], out["arr"] = mrr, arr
    elif "mrr" in fields:
        out["mrr"], out["arr"] = mrr, None if mrr is None else mrr * 12
    elif "arr" in fields:
        out["mrr"], out["arr"] = None if arr is None else arr / 12, arr
    return out


def edit_company(ws: Workspace, company_id: int, **fields) -> OpResult:
    """Change a company's name, segment, plan, MRR or ARR (the other follows, ×12 or ÷12), renewal date,
    account owner or domain; the value is the company as it now is, with its request count."""
    company = require_company(ws, company_id)
    values = _checked_company(ws, company, fields)
    changed = {k: v for k, v in values.items() if company.get(k) != v}
    said = [k for k in COMPANY_FIELDS if k in changed]
    what = ", ".join(k.replace("_", " ") if k not in ("mrr", "arr") else k.upper() for k in said) or "nothing"
    with operation(ws, f"Change {what} of company “{company['name']}”") as op:
        if changed:
            writes.update_rows(ws, "companies", [company["id"]], changed)
    return op.result(queries.list_companies(ws, company_id=company["id"])[0])


def merge_companies(ws: Workspace, keep_id: int, other_ids) -> OpResult:
    """Make several records of one customer one: the others' requests move to the kept company, its empty
    fields are filled from the others (in the order given), and the others are deleted. One undo step.

    The value is {"company": the kept company as it now is, "requests_moved": n, "merged": [names]}.
    """
    keep = require_company(ws, keep_id)
    others, seen = [], {keep["id"]}
    for other_id in other_ids:
        other = require_company(ws, other_id)
        if other["id"] == keep["id"]:
            raise ValidationError(f"Company {keep['id']} “{keep['name']}” cannot be merged into itself.")
        if other["id"] not in seen:
            seen.add(other["id"])
            others.append(other)
    if not others:
        raise ValidationError("Name at least one company to merge into the kept one.")
    fill = {}
    for field in _FILLED:
        if keep.get(field) in (None, ""):
            found = next((o[field] for o in others if o.get(field) not in (None, "")), None)
            if found is not None:
                fill[field] = found
    if keep.get("mrr") is None and keep.get("arr") is None:
        source = next((o for o in others if o.get("mrr") is not None or o.get("arr") is not None), None)
        if source is not None:
            fill["mrr"], fill["arr"] = source["mrr"], source["arr"]
    moving = queries.company_request_ids(ws, [o["id"] for o in others])
    names = [o["name"] for o in others]
    what = f"“{names[0]}”" if len(names) == 1 else f"{len(names)} companies"
    with operation(ws, f"Merge {what} into “{keep['name']}”") as op:
        writes.update_rows(ws, "requests", moving, {"company_id": keep["id"], "updated_at": now_iso()})
        if fill:
            writes.update_rows(ws, "companies", [keep["id"]], fill)
        writes.delete_rows(ws, "companies", [o["id"] for o in others])
    company = queries.list_companies(ws, company_id=keep["id"])[0]
    return op.result({"company": company, "requests_moved": len(moving), "merged": names})


def list_segments(ws: Workspace) -> list[dict]:
    """The segments companies have, most companies first: [{"segment", "companies"}]."""
    counts: dict[str, int] = {}
    for _id, segment in queries.company_segments(ws):
        shown = clean_name(segment)
        if shown:
            counts[shown] = counts.get(shown, 0) + 1
    return [{"segment": s, "companies": n} for s, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))]


def rename_segment(ws: Workspace, old: str, new: str) -> OpResult:
    """Rename a segment on every company that has it; when `new` is a segment already, the two become one.

    The value is how many companies changed. When the scoring is filtered to the old segment and no company
    is left in it, the filter follows to the new name (in the same undo step).
    """
    old_shown = _text(old, "segment")
    new_shown = _text(new, "segment")
    if not old_shown:
        raise ValidationError("Name the segment to rename.")
    if not new_shown:
        raise ValidationError(f"Give the new name of segment “{old_shown}”.")
    rows = queries.company_segments(ws)
    ids = [cid for cid, segment in rows if clean_name(segment) == old_shown]
    if not ids:
        known = ", ".join(s["segment"] for s in list_segments(ws)[:12])
        raise NotFoundError(f"No company has the segment “{old_shown}”.",
                            hint=f"Segments: {known}." if known else "No company has a segment yet.")
    stored = dict(rows)
    changing = [cid for cid in ids if stored[cid] != new_shown]
    renamed = set(ids)
    merging = any(clean_name(segment) == new_shown for cid, segment in rows if cid not in renamed)
    text = (f"Merge segment “{old_shown}” into “{new_shown}”" if merging
            else f"Rename segment “{old_shown}” to “{new_shown}”")
    with operation(ws, text) as op:
        writes.update_rows(ws, "companies", changing, {"segment": new_shown})
        _follow_scoring_segment(ws, old_shown, new_shown)
    return op.result(len(changing))


def _follow_scoring_segment(ws: Workspace, old: str, new: str) -> None:
    """Point the scoring's segment filter at the new name when the old one has no company left."""
    from planner.scoring.settings import get_scoring_settings, set_scoring_settings

    chosen = (get_scoring_settings(ws).get("segment") or "").strip().casefold()
    if not chosen or chosen != old.casefold() or old.casefold() == new.casefold():
        return
    if any(clean_name(segment).casefold() == chosen for _id, segment in queries.company_segments(ws)):
        return  # another spelling of it is still in use: the filter still means something
    set_scoring_settings(ws, segment=new)
