"""Score every item: one vectorised pass over the items, with demand from `reach`.

Just over 400 lines: the pass, its range checks and its row output read as one
pipeline; the method formulas live in `methods.py`, reach in `reach.py`.
"""

from __future__ import annotations

import gc
import math
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from planner.errors import NotFoundError, ValidationError
from planner.domain import FIELD_LIMITS
from planner.scoring import explain as explain_mod, formula as formula_mod, methods, reach as reach_mod, stability as stab
from planner.scoring.numbers import round_scores
from planner.scoring.window_rows import window_rows
from planner.scoring.explained_rows import explained_rows
from planner.scoring.settings import METHODS, get_scoring_settings, check_settings
from planner.storage import demand as store
from planner.storage.db import Workspace

_NUMERIC = (
    "reach_manual", "metric_share", "impact", "confidence", "effort", "value",
    "impact_low", "impact_high", "confidence_low", "confidence_high", "effort_low", "effort_high",
    "ice_impact", "ice_confidence", "ice_ease", "wsjf_value", "wsjf_time", "wsjf_risk", "wsjf_size",
)
_COUNT_MODES = ("requests", "companies", "weighted")
_QUARTER_DAYS = 365.25 / 4
# Done or dropped work keeps its score for the record but takes no place in the
# priority list: a shipped item at rank 3 would push open work down.
CLOSED_STATUSES = ("shipped", "wont_do")


@dataclass
class Scored:
    """The columnar result of one rescore, before it becomes rows."""

    params: dict
    ids: np.ndarray
    rows: list[tuple]
    cols: dict
    reach: np.ndarray
    reach_per_quarter: np.ndarray
    metric_period: list
    value: np.ndarray
    value_source: np.ndarray
    scores: dict
    reasons: dict
    quadrant: np.ndarray
    quadrant_split: tuple
    computed: np.ndarray
    final: np.ndarray
    stability: np.ndarray
    demand: "reach_mod.Demand"
    cache: "reach_mod.DemandCache"
    modes: np.ndarray = None
    units: "reach_mod.UnitReach" = None
    apart: np.ndarray = None  # ranked after the comparable items: a reach in another unit
    value_from_reach: np.ndarray = None  # value from demand scaled from the reach (else from the requests)


def resolve_params(ws: Workspace, *, method=None, window_days=None, segment=None, today=None, top_n=None,
                   formula=None) -> dict:
    """The settings with this call's overrides, checked. segment '' or 'all' means none."""
    settings = get_scoring_settings(ws)
    own = (settings["window_days"], settings["segment"])
    overrides = {k: v for k, v in dict(method=method, window_days=window_days, top_n=top_n, formula=formula).items()
                 if v is not None}
    settings.update(check_settings(overrides))
    if segment is not None:
        settings["segment"] = None if str(segment).strip().casefold() in ("", "all") else str(segment).strip()
    # The workspace's own window and segment: their demand is the one stored for the next first score.
    settings["own_demand"] = (settings["window_days"], settings["segment"]) == own
    if today is None:
        today = date.today()
    elif isinstance(today, str):
        try:
            today = date.fromisoformat(today[:10])
        except ValueError:
            raise ValidationError(f"Today must be a date like 2026-04-01; got {today!r}.") from None
    settings["today"] = today
    settings["window_start"] = today - timedelta(days=settings["window_days"])
    return settings


def known_segments(ws: Workspace) -> list[str]:
    """The companies' segments, as first written (one per segment, case aside)."""
    with reach_mod.cache_lock(ws):
        return list(reach_mod.sync(ws, need_links=False).segment_names)


def check_segment(ws: Workspace, segment) -> None:
    """Refuse a segment no company is in: it would silently give zero demand to every item."""
    if segment is None or str(segment).strip().casefold() in ("", "all"):
        return
    names = known_segments(ws)
    if str(segment).strip().casefold() not in {n.casefold() for n in names}:
        known = f"Known segments: {', '.join(sorted(names, key=str.casefold))}, or 'all'." if names else "No company has a segment yet: use 'all'."
        raise NotFoundError(f"There is no segment {str(segment).strip()!r}.", hint=known)


@dataclass
class ItemTable:
    """The items' estimates as columns, kept current from the change log."""

    ids: np.ndarray
    rows: list
    raw: dict
    cols: dict
    modes: np.ndarray
    pinned: np.ndarray

    @classmethod
    def build(cls, rows: list) -> "ItemTable":
        names = store.ITEM_SCORE_COLUMNS
        n = len(rows)
        columns = list(zip(*rows)) if rows else [()] * len(names)
        raw = {k: list(v) for k, v in zip(names, columns)}
        ids = np.array(raw["id"], dtype=np.int64)
        cols = {k: np.array(raw[k], dtype=float) if n else np.zeros(0) for k in _NUMERIC}
        modes = np.array(raw["reach_mode"], dtype=object) if n else np.zeros(0, dtype=object)
        pinned = np.array([p or 0 for p in raw["pinned_rank"]], dtype=np.int64) if n else np.zeros(0, dtype=np.int64)
        return cls(ids, list(rows), raw, cols, modes, pinned)

    def patch(self, fresh: list, asked: set) -> "ItemTable":
        """Replace changed rows in place; an added or deleted item rebuilds the table."""
        pos = np.searchsorted(self.ids, np.array(sorted(asked), dtype=np.int64))
        known = {int(i) for i, p in zip(sorted(asked), pos) if p < len(self.ids) and self.ids[p] == i}
        if known != asked or {r[0] for r in fresh} != asked:
            merged = {r[0]: r for r in self.rows if r[0] not in asked}
            merged.update((r[0], r) for r in fresh)
            return ItemTable.build([merged[k] for k in sorted(merged)])
        names = store.ITEM_SCORE_COLUMNS
        for row in fresh:
            i = int(np.searchsorted(self.ids, row[0]))
            self.rows[i] = row
            for k, v in zip(names, row):
                self.raw[k][i] = v
                if k in self.cols:
                    self.cols[k][i] = np.nan if v is None else v
            self.modes[i] = self.raw["reach_mode"][i]
            self.pinned[i] = self.raw["pinned_rank"][i] or 0
        return self


def item_table(ws: Workspace, cache) -> ItemTable:
    pending, cache.pending_items = cache.pending_items, set()
    if cache.items is None or pending is None:
        with _no_collection_pauses():  # 100k rows read as tuples
            cache.items = ItemTable.build(store.load_items_for_scoring(ws))
    elif pending:
        cache.items = cache.items.patch(store.load_items_for_scoring(ws, sorted(pending)), set(pending))
    return cache.items


# Stored estimates outside these ranges (a workspace edited by hand or by an old
# version) are not used: the item is unscored, and its explanation says why.
_RANGED = tuple(k for k in _NUMERIC if k in FIELD_LIMITS and k != "reach_manual")


def _range_words(name: str, field: str) -> str:
    low, high, _ = FIELD_LIMITS[field]
    return f"{name} is outside {_bound(low)}\u2013{_bound(high)}"


def _bound(x: float) -> str:
    """0.05, 1000, 1,000,000,000: as a range is written."""
    return explain_mod.fmt(x) if x >= 1e4 else f"{x:g}"


def _take_out_of_range(cols: dict, reach: np.ndarray, modes: np.ndarray) -> dict:
    """Set stored numbers outside their sane range to NaN (in place); {field: (mask, reason)}."""
    found = {}
    for k in _RANGED:
        low, high, _ = FIELD_LIMITS[k]
        col = cols[k]
        bad = ~np.isnan(col) & ~((col >= low) & (col <= high))
        if k in ("effort", "wsjf_size"):  # 0 or less from an older file: missing, as it always was
            missing = bad & (col <= 0)
            col[missing] = np.nan
            bad &= ~missing
        if bad.any():
            col[bad] = np.nan
            name = " ".join(w.upper() if w in ("ice", "wsjf") else w for w in k.split("_"))
            found[k] = (bad, _range_words(name, k))
    manual = modes == "manual"
    low, high, _ = FIELD_LIMITS["reach_manual"]
    typed = manual & ~np.isnan(reach) & ~((reach >= low) & (reach <= high))
    other = ~manual & ~np.isnan(reach) & ~(np.isfinite(reach) & (reach >= 0))  # demand: only a broken number
    if typed.any() or other.any():
        reach[typed | other] = np.nan
        found["reach"] = (typed | other, _reach_words(typed, other))
    return found


def _reach_words(typed: np.ndarray, other: np.ndarray) -> np.ndarray:
    """Per item, why its reach is not used: a typed one out of range, or a broken number from data."""
    words = np.full(len(typed), "", dtype=object)
    words[typed] = _range_words("reach", "reach_manual")
    words[other] = "reach is not a usable number"
    return words


def compute(ws: Workspace, params: dict, *, with_stability: bool = True) -> Scored:
    # A number near the limits of a float (1e308, 1e-320) must give an unscored item, never an overflow warning.
    with np.errstate(all="ignore"):
        return _compute(ws, params, with_stability=with_stability)


def _compute(ws: Workspace, params: dict, *, with_stability: bool = True) -> Scored:
    cache = reach_mod.sync(ws, need_links=False)
    table = item_table(ws, cache)
    ids, raw, modes = table.ids, table.raw, table.modes
    cols = {k: v.copy() for k, v in table.cols.items()}  # callers get arrays no later patch changes
    rows = list(table.rows)
    n = len(ids)

    dem, cache = reach_mod.item_demand(
        ws, size=int(ids.max()) + 1 if n else 1, today=params["today"], window_days=params["window_days"],
        segment=params["segment"], importance_weights=params["importance_weights"],
        keep=bool(params.get("own_demand")),
    )
    latest = store.metric_latest(ws, params["segment"]) if n and (modes == "metric").any() else {}

    reach = np.full(n, np.nan)
    by_mode = {"requests": dem.people, "companies": dem.askers, "weighted": dem.weighted, "mrr": dem.mrr}
    for mode, source in by_mode.items():
        sel = modes == mode
        reach[sel] = source[ids[sel]]
    sel = modes == "manual"
    reach[sel] = cols["reach_manual"][sel]
    metric_period: list = [None] * n
    metric_value = np.full(n, np.nan)
    out_of_range = _take_out_of_range(cols, reach, modes)
    for i in np.flatnonzero(modes == "metric"):
        mid = raw["metric_id"][i]
        if mid in latest:
            period, value = latest[mid]
            share = cols["metric_share"][i]
            reach[i] = value * (share if np.isfinite(share) else 1.0)
            metric_period[i] = period
            metric_value[i] = value
    if "metric_share" in out_of_range:  # a share outside 0-1 is not taken as the whole metric
        reach[out_of_range["metric_share"][0] & (modes == "metric")] = np.nan
    unusable = (modes == "metric") & ~np.isnan(reach) & ~(np.isfinite(reach) & (reach >= 0))
    if unusable.any():
        reach[unusable] = np.nan
        typed = out_of_range["reach"][0] & (modes == "manual") if "reach" in out_of_range else np.zeros(n, dtype=bool)
        other = unusable | (out_of_range["reach"][0] & ~typed if "reach" in out_of_range else unusable)
        out_of_range["reach"] = (typed | other, _reach_words(typed, other))
    units = reach_mod.to_unit(
        params["reach_unit"] or reach_mod.default_unit(modes), modes, reach, dem, ids,
        metric_names=raw["metric"] if n else [], metric_values=metric_value, metric_shares=cols["metric_share"],
        companies_in_scope=reach_mod.companies_in_scope(cache, params["segment"]),
        users_per_customer=params["users_per_customer"],
    )
    # In the ranking's unit where comparable; an item that is not keeps its own reach and is ranked apart.
    reach = np.where(units.comparable, units.reach, reach)
    count_mode = np.isin(modes, _COUNT_MODES) & units.comparable & (units.unit in ("companies", "people"))
    reach_pq = np.where(count_mode, np.round(reach * _QUARTER_DAYS / params["window_days"], 1), np.nan)

    given_value = cols["value"]
    signal, from_reach, signal_apart = _value_signal(units, modes, reach, dem, ids)
    groups = np.where(signal_apart, modes.astype(str), "=" + units.unit) if n else np.zeros(0, dtype=str)
    derived = methods.scale_0_to_10(signal, groups) if n else np.zeros(0)
    value = np.where(np.isfinite(given_value), given_value, derived)
    if "value" in out_of_range:  # a typed value out of range is not replaced by one from demand
        value[out_of_range["value"][0]] = np.nan
    value_source = np.where(np.isfinite(given_value), "manual", "demand")

    scores = {
        "rice": methods.rice(reach, cols["impact"], cols["confidence"], cols["effort"]),
        "value-effort": methods.value_effort(value, cols["effort"]),
        "ice": methods.ice(cols["ice_impact"], cols["ice_confidence"], cols["ice_ease"]),
        "wsjf": methods.wsjf(cols["wsjf_value"], cols["wsjf_time"], cols["wsjf_risk"], cols["wsjf_size"]),
    }
    method = params["method"]
    # The user's own formula (formula.py) says itself why an item has no score; its detail explains each row.
    scores["custom"], custom_reasons, params["formula_detail"] = formula_mod.score_columns(
        ws, params, ids=ids, cols=cols, reach=reach, value=value, demand=dem, modes=modes,
        metric_names=raw["metric"] if n else [], out_of_range=out_of_range)
    # Reasons only for the method shown: building sentences for four methods costs more than the scores.
    reasons = {method: custom_reasons if method == "custom" else
               explain_mod.unscored_reasons(method, cols, reach, value, modes, raw["metric"], out_of_range, scores[method])}
    scores = {m: np.where(np.isfinite(v), v, np.nan) for m, v in scores.items()}  # too large to compare: unscored
    quadrant, v_split, e_split = methods.quadrants(value, cols["effort"], params["quadrant_split"])

    current = scores[params["method"]]
    closed = np.isin(np.array(raw["status"], dtype=object), CLOSED_STATUSES) if n else np.zeros(0, dtype=bool)
    ranked = np.where(closed, np.nan, current)
    if method == "value-effort":
        apart = signal_apart & (value_source == "demand")
    elif method == "custom":  # apart where the formula reads a reach, or a value from demand, in another unit
        apart = formula_mod.ranked_apart(params["formula_detail"], ~units.comparable, signal_apart & (value_source == "demand"))
    else:
        apart = ~units.comparable & uses_reach(method, value_source)
    computed = methods.computed_ranks(ranked, ids, apart)
    final = methods.apply_pins(computed, table.pinned)
    if with_stability and method != "custom":  # a formula's estimates have no ranges to draw from
        stability = stab.top_n_share(params["method"], cols, reach, value, np.isfinite(ranked), params["top_n"])
    else:
        stability = np.full(n, np.nan)
    return Scored(params, ids, rows, cols, reach, reach_pq, metric_period, value, value_source, scores, reasons,
                  quadrant, (v_split, e_split), computed, final, stability, dem, cache, modes, units, apart,
                  from_reach)


def _value_signal(units, modes, reach, dem, ids) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The demand that value/effort scales to 0-10, in the ranking's unit: (signal, from the reach, apart).

    An item whose reach counts demand in the unit (or converts to it) gives
    that reach, weights included; any other (typed, metric, MRR among counts)
    gives the demand its linked requests bring in the unit, so an item nobody
    asked for has none, whatever its reach says. Only where the unit cannot be
    counted from requests (users with no users per customer) is the item's own
    reach scaled apart.
    """
    demand_mode = np.isin(modes, ("requests", "companies", "weighted", "mrr")) & units.comparable
    askers = dem.askers[ids].astype(float)
    upc = units.users_per_customer
    in_unit = {"companies": askers, "people": dem.people[ids].astype(float), "mrr": dem.mrr[ids].astype(float),
               "users": askers * upc if upc else np.full(len(ids), np.nan)}[units.unit]
    signal = np.where(demand_mode, reach, in_unit)
    apart = ~np.isfinite(signal) & np.isfinite(reach)
    return np.where(apart, reach, signal), demand_mode, apart


def uses_reach(method: str, value_source: np.ndarray) -> np.ndarray:
    """Per item, whether its score under `method` is built on its reach (and so on the reach's unit)."""
    if method == "rice":
        return np.ones(len(value_source), dtype=bool)
    if method == "value-effort":
        return value_source == "demand"
    return np.zeros(len(value_source), dtype=bool)


def _num(x):
    """A float for JSON: None for NaN, else rounded to 4 places."""
    if x is None or not math.isfinite(x):
        return None
    return round(float(x), 4)


def _signature(s: Scored) -> tuple:
    p = s.params
    return (p["method"], p["window_days"], p["segment"], p["today"], p["top_n"], p["single_customer_share"],
            repr(p["importance_weights"]), repr(p["quadrant_split"]), s.cache.company_version, p.get("formula"),
            s.units.unit, s.units.users_per_customer, s.units.upc_how)


def _columns_of(s: Scored) -> dict:
    dem, ids = s.demand, s.ids
    cols = {name: getattr(dem, name)[ids] for name in dem.__dataclass_fields__}
    cols.update(reach=s.reach, value=s.value, stability=s.stability, quadrant=s.quadrant,
                value_source=s.value_source, ids=ids)
    cols.update({f"score_{m}": s.scores[m] for m in METHODS})
    cols["reason"] = np.array(s.reasons[s.params["method"]], dtype=object)
    cols["metric_period"] = np.array(s.metric_period, dtype=object)
    cols.update(comparable=s.units.comparable, reach_how=s.units.how, reach_why=s.units.why_not, apart=s.apart,
                value_from_reach=s.value_from_reach)
    return cols


def _what_changed(s: Scored, explain: bool) -> tuple[np.ndarray, dict]:
    """Which rows must be built again since the last call; the rest only take their new rank.

    After one edit most rows are as they were: building 10k dicts and
    sentences again would cost more than the whole rescore. Rows with and
    without explanations are kept apart: one never stands in for the other.
    """
    n = len(s.ids)
    last = getattr(s.cache, "last_rows", None)
    everything = np.ones(n, dtype=bool)
    if (not last or last["signature"] != _signature(s) or last.get("explain") != explain
            or not np.array_equal(last["columns"]["ids"], s.ids)):
        return everything, {}
    old, new = last["columns"], _columns_of(s)
    changed = np.array([a is not b for a, b in zip(last["rows"], s.rows)], dtype=bool)
    for name, a in new.items():
        b = old[name]
        if a.dtype.kind == "f":
            changed |= ~((a == b) | (np.isnan(a) & np.isnan(b)))
        else:
            changed |= a != b
    if explain:
        pin = store.ITEM_SCORE_COLUMNS.index("pinned_rank")
        changed |= np.array([bool(r[pin]) for r in s.rows], dtype=bool)  # a pinned row shows its ranks in its sentence
    return changed, last["entries"]


# The estimates a row scored by ICE or WSJF shows in its own columns; with explanations they come with its factors.
_METHOD_INPUTS = {"ice": ("ice_impact", "ice_confidence", "ice_ease"),
                  "wsjf": ("wsjf_value", "wsjf_time", "wsjf_risk", "wsjf_size")}


class _RowMaker:
    """Builds the rows of chosen items of one rescore, as Python values.

    Columns become Python lists first, for the chosen items only: per-element
    numpy access costs a microsecond each, which adds up to a second over 10k
    items, and explaining one item must not convert 100k.
    """

    def __init__(self, s: Scored, positions: np.ndarray, explain: bool):
        self.s, self.explain = s, explain
        p = dict(s.params)
        p["window_words"] = explain_mod.window_words(p)
        p["reach_unit"] = s.units.unit
        self.p = p
        dem, at = s.demand, s.ids[positions]
        self.dem = {name: getattr(dem, name)[at].tolist() for name in dem.__dataclass_fields__}
        self.cols = {name: arr[positions].tolist() for name, arr in (
            ("comparable", s.units.comparable), ("why", s.units.why_not), ("apart", s.apart),
            ("from_reach", s.value_from_reach), ("reach", s.reach), ("reach_pq", s.reach_per_quarter),
            ("value", s.value), ("stability", s.stability), ("final", s.final), ("computed", s.computed),
            ("value_source", s.value_source), ("quadrant", s.quadrant))}
        self.scores = {m: round_scores(s.scores[m][positions]) for m in METHODS}
        for name in ("reach", "value", "stability", "reach_pq"):  # as JSON shows them: one pass per column
            self.cols[name] = [_num(x) for x in self.cols[name]]
        self.how = s.units.how[positions].tolist()
        chosen = [s.rows[i] for i in positions.tolist()]
        self.raw = dict(zip(store.ITEM_SCORE_COLUMNS, map(list, zip(*chosen)))) if chosen else {
            name: [] for name in store.ITEM_SCORE_COLUMNS}
        self.segments_of: dict[int, list[str]] = {}

    def entry(self, k: int, i: int) -> dict:
        """The row of item position `i` (the `k`th chosen)."""
        s, p, d, c, r = self.s, self.p, self.dem, self.cols, self.raw
        method = p["method"]
        n_askers, top_share, top_company = d["askers"][k], d["top_share"][k], d["top_company"][k]
        bits = d["segment_bits"][k]
        if bits not in self.segments_of:
            self.segments_of[bits] = reach_mod.segment_list(s.cache, bits)
        score = self.scores[method][k]
        final, computed = c["final"][k], c["computed"][k]
        entry = {
            "id": r["id"][k],
            "title": r["title"][k],
            "method": method,
            "score": score,
            "rank": final or None,
            "reach": c["reach"][k],
            "reach_source": r["reach_mode"][k],
            "impact": r["impact"][k],
            "confidence": r["confidence"][k],
            "effort": r["effort"][k],
            "value": c["value"][k],
            "requests": d["requests"][k],
            "companies": d["companies"][k],
            "mrr": round(d["mrr"][k], 2),
            "quadrant": c["quadrant"][k],
            "single_customer": bool(n_askers and top_share >= p["single_customer_share"]),
            "rank_stability": c["stability"][k],
            "explanation": "",
            "kind": r["kind"][k],
            "status": r["status"][k],
            "theme": r["theme"][k],
            "lane": r["lane"][k],
            "lane_id": r["lane_id"][k],
            "lane_kind": r["lane_kind"][k],
            "segments": list(self.segments_of[bits]),
            "top_company": s.cache.company_names.get(top_company) if top_company >= 0 else None,
            "top_share": round(top_share, 3) if n_askers else None,
            "computed_rank": computed or None,
            "pinned_rank": r["pinned_rank"][k],
            "pin_rationale": r["pin_rationale"][k],
            "reach_per_quarter": c["reach_pq"][k],
            "factors": None,
            "counts": None,
            "scores": {m: self.scores[m][k] for m in METHODS},
            "unscored_reason": s.reasons[method][i] if score is None else None,
            "reach_unit": s.units.unit,
            "reach_converted": (s.units.how_text(i) or None) if self.how[k] else None,
            "comparable": c["comparable"][k],
            "not_comparable_reason": c["why"][k] or None,
            "ranked_apart": c["apart"][k],
            "older_requests": d["older"][k],
            "off_segment_requests": d["off_segment"][k],
        }
        if not self.explain:
            for key in ("explanation", "factors", "counts"):
                del entry[key]
            entry.update((name, r[name][k]) for name in _METHOD_INPUTS.get(method, ()))
            return entry
        row = dict(zip(store.ITEM_SCORE_COLUMNS, s.rows[i]))
        ctx = {
            "people": d["people"][k], "askers": n_askers, "weighted": d["weighted"][k], "metric": row["metric"],
            "metric_share": row["metric_share"], "metric_period": s.metric_period[i], "value_source": c["value_source"][k],
            "value_from_reach": c["from_reach"][k],
            "ice": (row["ice_impact"], row["ice_confidence"], row["ice_ease"]),
            "wsjf": (row["wsjf_value"], row["wsjf_time"], row["wsjf_risk"], row["wsjf_size"]),
        }
        entry["factors"] = explain_mod.factors(entry, ctx, p)
        entry["counts"] = explain_mod.counts(entry, ctx, p)
        entry["explanation"] = explain_mod.sentence(entry, ctx, p)
        if entry["status"] in CLOSED_STATUSES and score is not None:
            done = "Shipped" if entry["status"] == "shipped" else "Won't do"
            entry["explanation"] = f"{done}: kept out of the ranking. " + entry["explanation"]
        return entry


@contextmanager
def _no_collection_pauses():
    """Hold off Python's cycle collector while many rows are built.

    Rows hold no cycles, but each full collection walks every row built so
    far: on 100k rows those walks cost more than building them. Collection
    resumes (if it was on) as soon as the rows are made.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class SharedRow(dict):
    """An explained row as `score_items` hands it out: the same object again at the next rescore while the item is
    unchanged, so it refuses changes (`dict(row)` is a copy to change).

    Copying 10k rows for every rescore after one edit, and the cycle collector walking the
    copies, took 20 of its 60 ms.
    """

    __slots__ = ()

    def _refuse(self, *args, **kwargs):
        raise TypeError("A score row is shared with the next rescore: change a copy of it (dict(row)).")

    __setitem__ = __delitem__ = __ior__ = update = pop = popitem = clear = setdefault = _refuse

    def __reduce__(self):
        return (SharedRow, (dict(self),))


def to_rows(s: Scored, *, explain: bool = True) -> list[dict]:
    """One dict per item, ordered by final rank, unscored last (by id).

    With `explain` False the rows have no "explanation", "factors" and
    "counts" (the window's backlog asks for one item's with `explain_one`);
    everything else is the same, but the rows are shared with the next call's:
    read them, never change them (copy one to change it).
    """
    with _no_collection_pauses():
        return _to_rows(s, explain=explain)


def _to_rows(s: Scored, *, explain: bool = True) -> list[dict]:
    """`to_rows` itself, with the collector held off."""
    ids = s.ids
    order = np.lexsort((ids, np.where(s.final > 0, s.final, np.iinfo(np.int64).max)))
    rebuild, previous = _what_changed(s, explain)
    id_list = ids.tolist()
    final, computed = s.final.tolist(), s.computed.tolist()
    built = np.flatnonzero(rebuild)
    if explain:  # the rows with their words: the same values, a column at a time (`explained_rows`)
        made = explained_rows(s, built)
    else:  # the window's rows: the same values, a column at a time (`window_rows`)
        made = window_rows(s, built)
    slot = np.full(len(ids), -1, dtype=np.int64)
    slot[built] = np.arange(len(built))
    slot = slot.tolist()
    # Templates are kept for the next call, and a row that is as it was is handed out again as it is: after
    # one edit, copying 10k rows would cost more than the rescore. The window's backlog replaces a row rather
    # than change it; explained rows go to many callers, so they refuse changes (`SharedRow`).
    templates: dict[int, dict] = {}
    out = []
    for i in order.tolist():
        k = slot[i]
        if k < 0:
            entry = previous[id_list[i]]
            rank, computed_rank = final[i] or None, computed[i] or None
            if entry["rank"] != rank or entry["computed_rank"] != computed_rank:
                entry = dict(entry)
                entry["rank"], entry["computed_rank"] = rank, computed_rank
                if explain:
                    entry = SharedRow(entry)
            templates[id_list[i]] = entry
            out.append(entry)
            continue
        entry = templates[id_list[i]] = SharedRow(made[k]) if explain else made[k]
        out.append(entry)
    s.cache.last_rows = {"signature": _signature(s), "columns": _columns_of(s), "rows": s.rows, "entries": templates,
                         "explain": explain}
    return out


def explain_one(s: Scored, item_id: int) -> dict | None:
    """One item's row of this rescore with its explanation, factors and counts; None for an unknown id."""
    pos = int(np.searchsorted(s.ids, int(item_id)))
    if pos >= len(s.ids) or s.ids[pos] != int(item_id):
        return None
    return _RowMaker(s, np.array([pos]), True).entry(0, pos)


def remember(ws: Workspace, key: str, s: Scored) -> None:
    """Keep this rescore for `recall`, with the change it is current as of."""
    s.cache.last_scored = (key, s.cache.seq, s)


def recall(ws: Workspace, key: str, *, current: bool = True) -> Scored | None:
    """The last rescore made with the same settings, if nothing in the workspace changed since; else None.

    `current` False: whatever changed since (for explaining rows already shown), but of this workspace.
    """
    cache = reach_mod._cache(ws)
    kept = cache.last_scored
    if kept is None or kept[0] != key or kept[2].cache is not cache:
        return None
    if store.workspace_token(ws) != cache.token or (current and store.last_change(ws) != kept[1]):
        return None
    return kept[2]
