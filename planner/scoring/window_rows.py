"""The window's rows of a rescore, built a column at a time.

The backlog asks for every item without its explanation (`score_items(explain=False)`).
Building those rows one item at a time, as the explained rows are, reads some forty
values per item through Python calls: on 100k items that alone took a second. Here
each key's values are made as one list (most straight from a column, a few by a
comprehension), and the rows are zipped from the lists at the end. The rows are the
same, key for key and value for value, as `score._RowMaker.entry(..., explain=False)`
gives: `tests/planner/scoring/test_window_rows.py` compares the two.
"""

from __future__ import annotations

from itertools import repeat

import numpy as np

from planner.scoring.numbers import round_scores
from planner.scoring.reach import segment_list
from planner.scoring.settings import METHODS
from planner.storage.demand import ITEM_SCORE_COLUMNS

# The estimates a row scored by ICE or WSJF shows in its own columns (as `score._METHOD_INPUTS`).
METHOD_INPUTS = {"ice": ("ice_impact", "ice_confidence", "ice_ease"),
                 "wsjf": ("wsjf_value", "wsjf_time", "wsjf_risk", "wsjf_size")}


def rounded(values: np.ndarray, places: int = 4) -> list:
    """`round(float(x), places)` for each value, None for NaN or infinity, as a list.

    Python's own `round` (exact, unlike numpy's) for each *distinct* value only:
    a column of 100k reaches or values holds a few thousand different numbers.
    """
    values = np.asarray(values, dtype=float)
    out = np.full(len(values), None, dtype=object)
    finite = np.isfinite(values)
    if finite.any():
        distinct, where = np.unique(values[finite], return_inverse=True)
        out[finite] = np.array([round(x, places) for x in distinct.tolist()] + [None], dtype=object)[:-1][where]
    return out.tolist()


def row_columns(s, positions: np.ndarray, *, extra: tuple[str, ...] = ()) -> tuple[dict, dict]:
    """Every key's values for the items at `positions` of the rescore `s`, in the rows' key order.

    Returns (columns, parts): `parts` holds what the explained rows word their
    sentences from as well (the stored columns by name, the demand, the positions).
    `extra` names demand fields wanted in `parts` beyond those the rows show.
    """
    method = s.params["method"]
    at = s.ids[positions]
    dem = s.demand
    d = {name: getattr(dem, name)[at] for name in ("askers", "top_share", "top_company", "segment_bits", "requests",
                                                     "companies", "mrr", "older", "off_segment") + extra}
    chosen = [s.rows[i] for i in positions.tolist()]
    raw = dict(zip(ITEM_SCORE_COLUMNS, map(list, zip(*chosen))))
    scores = {k: round_scores(s.scores[k][positions]) for k in METHODS}
    score = scores[method]
    final, computed = s.final[positions].tolist(), s.computed[positions].tolist()

    askers, top_share = d["askers"].tolist(), d["top_share"].tolist()
    share = s.params["single_customer_share"]
    names = s.cache.company_names
    segments_of: dict[int, list[str]] = {}
    segments = []
    for bits in d["segment_bits"].tolist():
        found = segments_of.get(bits)
        if found is None:
            found = segments_of[bits] = segment_list(s.cache, bits)
        segments.append(list(found))
    reasons = s.reasons[method]
    pos = positions.tolist()
    how = s.units.how[positions].tolist()
    why = s.units.why_not[positions].tolist()

    columns = {
        "id": raw["id"],
        "title": raw["title"],
        "method": repeat(method),
        "score": score,
        "rank": [f or None for f in final],
        "reach": rounded(s.reach[positions]),
        "reach_source": raw["reach_mode"],
        "impact": raw["impact"],
        "confidence": raw["confidence"],
        "effort": raw["effort"],
        "value": rounded(s.value[positions]),
        "requests": d["requests"].tolist(),
        "companies": d["companies"].tolist(),
        "mrr": rounded(d["mrr"], 2) if np.isfinite(d["mrr"]).all() else [round(x, 2) for x in d["mrr"].tolist()],
        "quadrant": s.quadrant[positions].tolist(),
        "single_customer": [bool(a and t >= share) for a, t in zip(askers, top_share)],
        "rank_stability": rounded(s.stability[positions]),
        "kind": raw["kind"],
        "status": raw["status"],
        "theme": raw["theme"],
        "lane": raw["lane"],
        "lane_id": raw["lane_id"],
        "lane_kind": raw["lane_kind"],
        "segments": segments,
        "top_company": [names.get(c) if c >= 0 else None for c in d["top_company"].tolist()],
        "top_share": [round(t, 3) if a else None for a, t in zip(askers, top_share)],
        "computed_rank": [c or None for c in computed],
        "pinned_rank": raw["pinned_rank"],
        "pin_rationale": raw["pin_rationale"],
        "reach_per_quarter": rounded(s.reach_per_quarter[positions]),
        "scores": [dict(zip(METHODS, each)) for each in zip(*(scores[k] for k in METHODS))],
        "unscored_reason": [reasons[i] if v is None else None for i, v in zip(pos, score)],
        "reach_unit": repeat(s.units.unit),
        "reach_converted": [(s.units.how_text(i) or None) if h else None for i, h in zip(pos, how)],
        "comparable": s.units.comparable[positions].tolist(),
        "not_comparable_reason": [w or None for w in why],
        "ranked_apart": s.apart[positions].tolist(),
        "older_requests": d["older"].tolist(),
        "off_segment_requests": d["off_segment"].tolist(),
    }
    return columns, {"raw": raw, "demand": d, "askers": askers, "at": at, "pos": pos}


def window_rows(s, positions: np.ndarray) -> list[dict]:
    """The rows (without explanations) of the items at `positions` of the rescore `s`, in that order."""
    if not len(positions):
        return []
    columns, parts = row_columns(s, positions)
    columns.update((name, parts["raw"][name]) for name in METHOD_INPUTS.get(s.params["method"], ()))
    keys = tuple(columns)
    return [dict(zip(keys, values)) for values in zip(*columns.values())]
