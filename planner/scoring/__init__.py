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
                top_n=None, formula=None) -> list[dict]:
    """Every item scored by `method` (default: the workspace's), ordered by final rank.

    `window_days`, `segment` ('' or 'all' for none) and `today` override the
    settings for this call; `top_n` is the N of the rank-stability figure
    ("in the top N in x % of simulated estimates"); `formula` is the user's own formula for this call
    (method "custom").
    """
    from planner.scoring.reach import cache_lock
    from planner.scoring.score import compute, resolve_params, to_rows

    params = resolve_params(ws, method=method, window_days=window_days, segment=segment, today=today, top_n=top_n,
                            formula=formula)
    with cache_lock(ws):
        return to_rows(compute(ws, params, with_stability=stability))


def explain_item(ws: Workspace, item_id: int, *, method=None, window_days=None, segment=None, today=None,
                 stability=True, top_n=None) -> dict:
    """One item's score with everything behind it: factors, window, counts, requests and companies."""
    from planner.scoring.explain import request_window_filter
    from planner.scoring.reach import cache_lock
    from planner.scoring.score import compute, resolve_params, to_rows
    from planner.storage import demand as store

    params = resolve_params(ws, method=method, window_days=window_days, segment=segment, today=today, top_n=top_n)
    with cache_lock(ws):
        rows = to_rows(compute(ws, params, with_stability=stability))
    found = [r for r in rows if r["id"] == int(item_id)]
    if not found:
        raise NotFoundError(f"There is no item {item_id}.", hint="List them with `planner items`.")
    row = found[0]
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


__all__ = ["score_items", "explain_item", "get_scoring_settings", "set_scoring_settings", "METHODS"]
