"""Scoring: RICE, value/effort, ICE and WSJF, with reach from requests and metrics.

`score_items` is the one call the GUI, the CLI and the exporter make; it
returns rows ordered by final rank (pins applied), each able to explain itself.
"""

from __future__ import annotations

from planner.errors import NotFoundError
from planner.scoring.settings import METHODS  # no numpy on the path to the first window
from planner.scoring.settings import get_scoring_settings, set_scoring_settings
from planner.storage.db import Workspace


def score_items(ws: Workspace, *, method=None, window_days=None, segment=None, today=None, stability=True,
                top_n=None, formula=None, explain=True) -> list[dict]:
    """Every item scored by `method` (default: the workspace's), ordered by final rank.

    `window_days`, `segment` ('' or 'all' for none) and `today` override the
    settings for this call; `top_n` is the N of the rank-stability figure
    ("in the top N in x % of simulated estimates"); `formula` is the user's own formula for this call
    (method "custom"). With `explain` False the rows leave out "explanation",
    "factors" and "counts", whose words cost more than the scores: a caller
    that shows one item at a time asks `explain_row` for it. Either way the
    rows are shared with the next call's (unchanged rows are handed out again):
    copy a row (`dict(row)`) before changing it; explained rows (`SharedRow`)
    refuse a change with a TypeError that says so.
    """
    from planner.scoring.reach import cache_lock
    from planner.scoring.score import compute, remember, resolve_params, to_rows

    params = resolve_params(ws, method=method, window_days=window_days, segment=segment, today=today, top_n=top_n,
                            formula=formula)
    with cache_lock(ws):
        key = _call_key(params, stability)
        scored = compute(ws, params, with_stability=stability)
        remember(ws, key, scored)
        return to_rows(scored, explain=explain)


def explain_row(ws: Workspace, item_id: int, *, method=None, window_days=None, segment=None, today=None,
                stability=True, top_n=None, formula=None, as_shown=False) -> dict:
    """One item's row as `score_items` gives it (with the same arguments), explanation, factors and counts included.

    Worded from the last rescore with the same arguments when nothing changed
    since (microseconds), else from a fresh one. `as_shown`: from the last
    rescore even if the workspace changed since, as a window explains the row
    it still shows while the next rescore runs.
    """
    from planner.scoring.reach import cache_lock
    from planner.scoring.score import compute, explain_one, recall, remember, resolve_params

    params = resolve_params(ws, method=method, window_days=window_days, segment=segment, today=today, top_n=top_n,
                            formula=formula)
    with cache_lock(ws):
        key = _call_key(params, stability)
        scored = recall(ws, key, current=not as_shown)
        if scored is None:
            scored = compute(ws, params, with_stability=stability)
            remember(ws, key, scored)
        row = explain_one(scored, int(item_id))
    if row is None:
        raise NotFoundError(f"There is no item {item_id}.", hint="List them with `planner items`.")
    return row


def _call_key(params: dict, stability: bool) -> str:
    """What makes two rescores the same call: every resolved setting, and whether stability was drawn."""
    return repr((sorted((k, repr(v)) for k, v in params.items()), bool(stability)))


def explain_item(ws: Workspace, item_id: int, *, method=None, window_days=None, segment=None, today=None,
                 stability=True, top_n=None) -> dict:
    """One item's score with everything behind it: factors, window, counts, requests and companies."""
    from planner.scoring.explain import request_window_filter
    from planner.scoring.reach import cache_lock
    from planner.scoring.score import compute, explain_one, resolve_params
    from planner.storage import demand as store

    params = resolve_params(ws, method=method, window_days=window_days, segment=segment, today=today, top_n=top_n)
    with cache_lock(ws):
        row = explain_one(compute(ws, params, with_stability=stability), int(item_id))  # its row only, not 10k
    if row is None:
        raise NotFoundError(f"There is no item {item_id}.", hint="List them with `planner items`.")
    counted = request_window_filter(store.item_demand_rows(ws, int(item_id)), params)
    companies: dict = {}
    for r in counted:
        if r["company_id"] is None:
            continue
        c = companies.setdefault(r["company_id"], {"id": r["company_id"], "name": r["company"], "segment": r["segment"],
                                                   "mrr": r["mrr"], "requests": 0, "importance": r["importance"]})
        c["requests"] += 1
        order = ("nice_to_have", "important", "critical")
        if order.index(r["importance"]) > order.index(c["importance"]):
            c["importance"] = r["importance"]
    return {
        **row,
        "window": {"days": params["window_days"], "from": params["window_start"].isoformat(),
                   "to": params["today"].isoformat(), "segment": params["segment"]},
        "requests_behind": counted,
        "companies_behind": sorted(companies.values(), key=lambda c: (-(c["mrr"] or 0), c["name"])),
    }


__all__ = ["score_items", "explain_row", "explain_item", "get_scoring_settings", "set_scoring_settings", "METHODS"]
