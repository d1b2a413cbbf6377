"""Companies: found by their normalised name, added when new, updated from what is given."""

from __future__ import annotations

from planner.domain import number, valid_text
from planner.errors import ValidationError
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
