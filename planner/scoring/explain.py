"""Every score says where it came from: its factors, their sources, the counts behind them."""

from __future__ import annotations

import math
from datetime import date

import numpy as np

from planner.scoring.methods import IMPACT_NAMES

_REACH_WORDS = {
    "requests": "people asking",
    "companies": "companies asking",
    "weighted": "weighted demand (nice to have 1, important 2, critical 3; each company once)",
    "mrr": "MRR of the companies asking",
    "metric": "metric",
    "manual": "typed by hand",
}
METHOD_NAMES = {"rice": "RICE", "value-effort": "Value/effort", "ice": "ICE", "wsjf": "WSJF"}


def fmt(x) -> str:
    """675 -> '675', 10.5 -> '10.5', 12300.456 -> '12,300.46'."""
    if x is None:
        return "?"
    x = float(x)
    if math.isnan(x):
        return "?"
    if math.isinf(x):
        return "infinite" if x > 0 else "minus infinite"
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def _months(effort) -> str:
    return f"{fmt(effort)} person-month{'' if effort == 1 else 's'}"


def unscored_reasons(method: str, cols: dict, reach, value, modes, metric_names, out_of_range=None, score=None) -> list:
    """Per item, why `method` cannot score it (None where it can).

    `out_of_range` maps a field to (mask, text): a stored number outside its
    sane range (a hand-edited workspace), already taken out of `cols`; text is
    one string, or one per item.
    `score` is the method's score: an item with every input usable whose
    score is still not a finite number is said to be so.
    """
    n = len(reach)
    out: list = [None] * n
    oor = out_of_range or {}
    none = np.zeros(n, dtype=bool)

    def field(label: str, usable, *names) -> list:
        flagged = none.copy()
        found = []
        for name in names:
            if name in oor:
                mask = oor[name][0] & ~usable  # a flag that changed nothing (value typed, reach out of range) is no reason
                found.append((oor[name][1], mask))
                flagged |= mask
        return found + [(f"{label} missing", ~usable & ~flagged)]

    def usable_effort(col):
        return np.isfinite(col) & (col > 0)

    if method == "rice":
        checks = [
            *field("effort", usable_effort(cols["effort"]), "effort"),
            *field("impact", np.isfinite(cols["impact"]), "impact"),
            *field("confidence", np.isfinite(cols["confidence"]), "confidence"),
            *field("reach", np.isfinite(reach), "reach", "metric_share"),
        ]
    elif method == "value-effort":
        checks = [
            *field("effort", usable_effort(cols["effort"]), "effort"),
            *field("value", np.isfinite(value), "value", "reach", "metric_share"),
        ]
    elif method == "ice":
        checks = [c for k in ("impact", "confidence", "ease") for c in field(f"ICE {k}", np.isfinite(cols[f"ice_{k}"]), f"ice_{k}")]
    else:
        checks = [
            *field("WSJF job size", usable_effort(cols["wsjf_size"]), "wsjf_size"),
            *field("WSJF business value", np.isfinite(cols["wsjf_value"]), "wsjf_value"),
            *field("WSJF time criticality", np.isfinite(cols["wsjf_time"]), "wsjf_time"),
            *field("WSJF risk reduction", np.isfinite(cols["wsjf_risk"]), "wsjf_risk"),
        ]
    bad = np.zeros(n, dtype=bool)
    for _, mask in checks:
        bad |= mask
    if score is not None:
        overflow = ~bad & ~np.isfinite(score)
        checks.append(("the numbers are too large to give a score", overflow))
        bad |= overflow
    for i in np.flatnonzero(bad):
        words = []
        for text, mask in checks:
            if mask[i]:
                if not isinstance(text, str):  # one reason per item
                    text = text[i]
                if text == "reach missing":
                    if modes[i] == "metric":
                        text = f"reach missing (metric {metric_names[i]} has no value)" if metric_names[i] else "reach missing (no metric chosen)"
                    elif modes[i] == "manual":
                        text = "reach missing (no number typed)"
                words.append(text)
        out[i] = ", ".join(words)
    return out


def _reach_source(e: dict, c: dict, p: dict) -> str:
    mode = e["reach_source"]
    if mode == "manual":
        return "typed by hand"
    if mode == "metric":
        if not c["metric"]:
            return "metric (none chosen)"
        share = c["metric_share"]
        part = f" x {fmt(share * 100)}%" if share is not None else ""
        when = f" ({c['metric_period']})" if c["metric_period"] else " (no value yet)"
        return f"metric {c['metric']}{when}{part}"
    return f"{_REACH_WORDS[mode]}, {p['window_words']}"


def window_words(p: dict) -> str:
    seg = f", segment {p['segment']}" if p.get("segment") else ""
    return f"last {p['window_days']} days since {p['window_start'].isoformat()}{seg}"


def factors(e: dict, c: dict, p: dict) -> list[dict]:
    """The factors of the current method: [{name, value, source}]."""
    method = p["method"]
    if method == "rice":
        impact = e["impact"]
        return [
            {"name": "reach", "value": e["reach"], "source": _reach_source(e, c, p)},
            {"name": "impact", "value": impact, "source": f"estimate ({IMPACT_NAMES.get(impact, '?')})" if impact is not None else "missing"},
            {"name": "confidence", "value": e["confidence"], "source": "estimate (percent)" if e["confidence"] is not None else "missing"},
            {"name": "effort", "value": e["effort"], "source": "estimate (person-months)" if e["effort"] else "missing"},
        ]
    if method == "value-effort":
        src = "typed by hand" if c["value_source"] == "manual" else f"demand scaled to 1-10 from {_reach_source(e, c, p)}"
        return [
            {"name": "value", "value": e["value"], "source": src},
            {"name": "effort", "value": e["effort"], "source": "estimate (person-months)" if e["effort"] else "missing"},
        ]
    if method == "ice":
        return [{"name": n, "value": v, "source": "estimate (1-10)" if v is not None else "missing"}
                for n, v in zip(("impact", "confidence", "ease"), c["ice"])]
    return [{"name": n, "value": v, "source": "estimate" if v is not None else "missing"}
            for n, v in zip(("business value", "time criticality", "risk reduction", "job size"), c["wsjf"])]


def _formula(e: dict, c: dict, p: dict) -> str:
    method = p["method"]
    name = METHOD_NAMES[method]
    s = fmt(e["score"])
    if method == "rice":
        return (f"{name} {s} = reach {fmt(e['reach'])} x impact {fmt(e['impact'])} ({IMPACT_NAMES.get(e['impact'], '?')})"
                f" x confidence {fmt(e['confidence'])}% / effort {_months(e['effort'])}")
    if method == "value-effort":
        how = "typed by hand" if c["value_source"] == "manual" else "from demand"
        return f"{name} {s} = value {fmt(e['value'])} ({how}) / effort {_months(e['effort'])}"
    if method == "ice":
        i, c, ea = c["ice"]
        return f"{name} {s} = impact {fmt(i)} x confidence {fmt(c)} x ease {fmt(ea)}"
    v, t, r, size = c["wsjf"]
    return f"{name} {s} = (value {fmt(v)} + time criticality {fmt(t)} + risk reduction {fmt(r)}) / job size {fmt(size)}"


def sentence(e: dict, c: dict, p: dict) -> str:
    """The one-paragraph explanation shown beside a score."""
    parts = []
    if e["score"] is None:
        parts.append(f"Unscored: {e['unscored_reason']}.")
    else:
        parts.append(_formula(e, c, p) + ".")
        if p["method"] == "rice" or (p["method"] == "value-effort" and c["value_source"] != "manual"):
            parts.append(f"Reach: {_reach_source(e, c, p)}.")
            others = p.get("demand_reach_items", 0)
            if e["reach_source"] in ("manual", "metric") and others:
                # RICE compares reaches directly: a user count beside a count of customers asking skews the order.
                parts.append(f"Mind the unit: {others} other item{'s count' if others != 1 else ' counts'} customers asking instead.")
    if e["requests"]:
        people = c["people"]
        comp = e["companies"]
        who = f"{comp} compan{'y' if comp == 1 else 'ies'}"
        loose = c["askers"] - comp
        if loose:
            who += f" and {loose} requester{'s' if loose != 1 else ''} without a company"
        seg = f"; segments {', '.join(e['segments'])}" if e["segments"] else ""
        mrr = f", MRR {fmt(e['mrr'])}" if e["mrr"] else ""
        parts.append(
            f"Demand: {e['requests']} request{'s' if e['requests'] != 1 else ''} from {people} "
            f"{'person' if people == 1 else 'people'} at {who}{mrr}{seg} ({p['window_words']})."
        )
    else:
        parts.append(f"No linked requests in the {p['window_words']}.")
    if e["single_customer"]:
        top = e["top_company"] or "one requester"
        parts.append(f"Single-customer request: {top} brings {round(e['top_share'] * 100)}% of the weighted demand.")
    elif e["top_company"] and e["top_share"] is not None and c["askers"] > 1:
        parts.append(f"Top company {e['top_company']}: {round(e['top_share'] * 100)}%.")
    if e["pinned_rank"]:
        if e["score"] is None:
            parts.append(f"Pinned at rank {e['pinned_rank']} ({e['pin_rationale']}), but unscored items are not ranked.")
        else:
            parts.append(f"Pinned at rank {e['rank']} (computed rank {e['computed_rank']}): {e['pin_rationale']}.")
    if e["rank_stability"] is not None:
        parts.append(f"In the top {p['top_n']} in {round(e['rank_stability'] * 100)}% of simulated estimates.")
    return " ".join(parts)


def request_window_filter(rows: list[dict], p: dict) -> list[dict]:
    """The drill-down rows that count in this window and segment (as the scorer counts them)."""
    start = p["window_start"]
    seg = (p.get("segment") or "").casefold()
    out = []
    for r in rows:
        day = (r["created_at"] or "")[:10]
        try:
            if date.fromisoformat(day) < start:
                continue
        except ValueError:
            pass  # undated: counted, as in the scorer
        if seg and (r["segment"] or "").strip().casefold() != seg:
            continue
        out.append(r)
    return out
