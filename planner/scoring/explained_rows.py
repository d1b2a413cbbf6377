"""The explained rows of a rescore (`score_items(explain=True)`), built a column at a time.

`planner score --json` and the workbook want every item with its explanation,
factors and counts. Built one item at a time (`score._RowMaker.entry`), each
row read some forty values through Python calls and worded its sentences
piece by piece: on 10k items the words cost more than the rescore. Here each
key's values are made as one list, as for the window's rows (`window_rows`),
the factors' shares are worked out for the whole column at once, and the
phrases that repeat from row to row come from `explain.Wording`'s memos. The
rows are the same, key for key, in the same order, text for text, as the
item-by-item builder gives: `tests/planner/scoring/test_explained_rows.py`
compares the two.
"""

from __future__ import annotations

import math

import numpy as np

from planner.scoring import explain as words_mod
from planner.scoring.explain import IMPACT_NAMES, UNIT_NAMES, Wording, fmt
from planner.scoring.numbers import format_rounded
from planner.scoring.window_rows import row_columns

# Done or dropped work, as `score.CLOSED_STATUSES` (not imported: score imports this module).
_CLOSED = {"shipped": "Shipped", "wont_do": "Won't do"}
_NOT_COMPARABLE_VALUE = ("(the scoring settings); ranked after the comparable items.")


def explained_rows(s, positions: np.ndarray) -> list[dict]:
    """The rows, with explanation, factors and counts, of the items at `positions` of the rescore `s`, in order."""
    m = len(positions)
    if not m:
        return []
    p = dict(s.params)
    p["window_words"] = words_mod.window_words(p)
    p["reach_unit"] = s.units.unit
    method = p["method"]
    base, parts = row_columns(s, positions, extra=("people",))
    raw, d, askers, at, pos = parts["raw"], parts["demand"], parts["askers"], parts["at"], parts["pos"]
    # The explained rows' keys: the window's, with the words in their places.
    columns = {}
    for key, values in base.items():
        columns[key] = values
        if key == "rank_stability":
            columns["explanation"] = None
        elif key == "reach_per_quarter":
            columns["factors"] = columns["counts"] = None
    ctx = {
        "people": d["people"].tolist(), "askers": askers, "weighted": s.demand.weighted[at].tolist(),
        "metric": raw["metric"], "metric_share": raw["metric_share"],
        "metric_period": [s.metric_period[i] for i in pos], "value_source": s.value_source[positions].tolist(),
        "value_from_reach": s.value_from_reach[positions].tolist(),
    }
    wording = Wording(p)
    if method in ("rice", "value-effort"):
        columns["factors"], columns["counts"], columns["explanation"] = _words(wording, columns, ctx)
        keys = tuple(columns)
        return [dict(zip(keys, values)) for values in zip(*columns.values())]
    # ICE, WSJF and a formula of the user's: worded row by row from the finished row, as `_RowMaker` does.
    keys = tuple(columns)
    columns["explanation"] = columns["factors"] = columns["counts"] = [None] * m
    rows = [dict(zip(keys, values)) for values in zip(*columns.values())]
    ice = list(zip(raw["ice_impact"], raw["ice_confidence"], raw["ice_ease"]))
    wsjf = list(zip(raw["wsjf_value"], raw["wsjf_time"], raw["wsjf_risk"], raw["wsjf_size"]))
    ctx_names = tuple(ctx)
    for k, (e, c) in enumerate(zip(rows, zip(*ctx.values()))):
        e["explanation"] = ""
        c = dict(zip(ctx_names, c))
        c["ice"], c["wsjf"] = ice[k], wsjf[k]
        e["factors"], e["counts"], e["explanation"] = wording.words(e, c)
        if e["status"] in _CLOSED and e["score"] is not None:
            e["explanation"] = f"{_CLOSED[e['status']]}: kept out of the ranking. " + e["explanation"]
    return rows


def _words(w: Wording, col: dict, ctx: dict) -> tuple[list, list, list]:
    """(factors, counts, explanation) of every row scored by RICE or value/effort: `explain.Wording.words`,
    a column at a time."""
    method = w.method
    rice = method == "rice"
    m = len(col["id"])
    shares = _shares(col, rice)
    window, since, days, segment = w.window, w.since, w.days, w.segment
    no_requests = w.no_requests
    top_n = w.p["top_n"]
    estimate, who_of, older_of, off_of = w._estimate, w._who, w._older_words, w._off_words
    tails = w._tails
    sources = w._sources
    units = w._units
    p = w.p
    factors_out, counts_out, sentences = [None] * m, [None] * m, [None] * m

    def worded(name: str) -> list:
        """Each row's (text, source, log) of an estimate, worded once per distinct value."""
        values = col[name]
        memo = {v: estimate(name, v) for v in set(values)}
        return [memo[v] for v in values]

    efforts = worded("effort")
    impacts, confidences = (worded("impact"), worded("confidence")) if rice else ([None] * m, [None] * m)
    reach_texts = [fmt(x) for x in col["reach"]]
    mrr_texts = [fmt(x) for x in col["mrr"]]
    each = zip(
        col["score"], col["reach"], col["reach_source"], col["impact"], col["confidence"], col["effort"], col["value"],
        col["requests"], col["companies"], col["mrr"], col["single_customer"], col["top_company"], col["top_share"],
        col["pinned_rank"], col["pin_rationale"], col["rank"], col["computed_rank"], col["rank_stability"],
        col["unscored_reason"], col["segments"], col["reach_unit"], col["reach_converted"], col["comparable"],
        col["not_comparable_reason"], col["ranked_apart"], col["older_requests"], col["off_segment_requests"],
        col["status"], ctx["people"], ctx["askers"], ctx["metric"], ctx["metric_share"], ctx["metric_period"],
        ctx["value_source"], ctx["value_from_reach"], shares, efforts, impacts, confidences, reach_texts, mrr_texts,
    )
    for k, (score, reach, mode, impact, conf, effort, value, n, comp, mrr, single, top_company, top_share, pinned,
            rationale, rank, computed, stability, reason, segs, reach_unit, converted, comparable, why_not, apart,
            older, off, status, people, n_askers, metric, metric_share, metric_period, value_source, from_reach,
            share, (e_text, e_source, _), i_est, c_est, reach_text, mrr_text) in enumerate(each):
        # Where the reach came from (`explain._reach_source`), once per source.
        skey = (mode, metric, metric_share, metric_period) if mode == "metric" else mode
        source = sources.get(skey)
        if source is None:
            e = {"reach_source": mode}
            c = {"metric": metric, "metric_share": metric_share, "metric_period": metric_period}
            source = sources[skey] = words_mod._reach_source(e, c, p)
        manual_value = value_source == "manual"
        if rice:
            ukey = (comparable, mode, reach_unit)
            r_unit = units.get(ukey)
            if r_unit is None:
                r_unit = units[ukey] = UNIT_NAMES[words_mod._reach_unit_of(
                    {"comparable": comparable, "reach_source": mode, "reach_unit": reach_unit})]
            i_text, i_source, _ = i_est
            c_text, c_source, _ = c_est
            factors = [
                {"name": "reach", "value": reach, "text": f"{reach_text} {r_unit}" if reach is not None else "?",
                 "source": f"{source}; {converted}" if converted else source, "unit": r_unit,
                 "share": share[0] if share else None},
                {"name": "impact", "value": impact, "text": i_text, "source": i_source, "unit": "x",
                 "share": share[1] if share else None},
                {"name": "confidence", "value": conf, "text": c_text, "source": c_source, "unit": "%",
                 "share": share[2] if share else None},
                {"name": "effort", "value": effort, "text": e_text, "source": e_source, "unit": "person-months",
                 "share": share[3] if share else None},
            ]
        else:
            if manual_value:
                value_words = "typed by hand"
            elif apart:
                value_words = (f"demand scaled to 0-10 (none: 0, the busiest: 10) from its own reach ({source}), "
                               "among the items of that source only")
            elif from_reach:
                value_words = (f"demand scaled to 0-10 (none: 0, the busiest: 10) from {source}"
                               + (f"; {converted}" if converted else ""))
            else:
                value_words = (f"demand scaled to 0-10 (none: 0, the busiest: 10) from the "
                               f"{UNIT_NAMES.get(reach_unit, 'companies')} its linked requests bring, {window} "
                               "(its reach is not demand)")
            factors = [
                {"name": "value", "value": value, "text": fmt(value) if value is not None else "?",
                 "source": value_words, "unit": "0-10", "share": share[0] if share else None},
                {"name": "effort", "value": effort, "text": e_text, "source": e_source, "unit": "person-months",
                 "share": share[1] if share else None},
            ]
        factors_out[k] = factors

        loose = n_askers - comp
        who = who_of(comp, loose)
        asked = f"{n} request{'s' if n != 1 else ''} from {people} {'person' if people == 1 else 'people'}"
        counts = [
            {"name": "requests", "value": n, "text": f"{asked} ({window})",
             "people": people, "window_days": days, "since": since, "segment": segment},
            {"name": "companies", "value": comp, "without_company": loose, "text": who},
        ]
        if older:
            older_words = older_of(older)
            counts.append({"name": "older requests not counted", "value": older, "text": older_words})
        if off:
            counts.append({"name": "outside the segment", "value": off, "text": off_of(off)})
        counts.append({"name": "MRR", "value": mrr, "text": f"MRR {mrr_text}"})
        counts_out[k] = counts

        if score is None:
            parts = [f"Unscored: {reason}."]
        elif rice:
            tkey = ("rice", impact, conf, effort)
            tail = tails.get(tkey)
            if tail is None:
                tail = tails[tkey] = (f" x impact {fmt(impact)} ({IMPACT_NAMES.get(impact, '?')})"
                                      f" x confidence {fmt(conf)}% / effort {words_mod._months(effort)}")
            parts = [f"RICE {format_rounded(score)} = reach {reach_text}{tail}.", f"Reach: {source}."]
            if not comparable:
                parts.append(f"Not comparable: {why_not}; ranked after the items whose reach counts "
                             f"{UNIT_NAMES.get(reach_unit, 'companies')} (the ranking's unit).")
            elif converted:
                parts.append(f"In {UNIT_NAMES.get(reach_unit, 'companies')}, the ranking's unit: {converted}.")
        else:
            tkey = ("value-effort", manual_value, effort)
            tail = tails.get(tkey)
            if tail is None:
                tail = tails[tkey] = (f" ({'typed by hand' if manual_value else 'from demand'})"
                                      f" / effort {words_mod._months(effort)}")
            parts = [f"Value/effort {format_rounded(score)} = value {fmt(value)}{tail}."]
            if not manual_value:
                parts.append(f"Value: {value_words}.")
                if apart:
                    parts.append(f"Not comparable: its demand cannot be counted in "
                                 f"{UNIT_NAMES.get(reach_unit, 'companies')} without users per customer "
                                 + _NOT_COMPARABLE_VALUE)
        if n:
            seg = f"; segments {', '.join(segs)}" if segs else ""
            money = f", MRR {mrr_text}" if mrr else ""
            parts.append(f"Demand: {asked} at {who}{money}{seg} ({window}).")
        else:
            parts.append(no_requests)
        if older:
            parts.append(older_words + ".")
        if off:
            parts.append(off_of(off) + ".")
        if single:
            parts.append(f"Single-customer request: {top_company or 'one requester'} brings "
                         f"{round(top_share * 100)}% of the weighted demand.")
        elif top_company and top_share is not None and n_askers > 1:
            parts.append(f"Top company {top_company}: {round(top_share * 100)}%.")
        if pinned:
            if score is None:
                parts.append(f"Pinned at rank {pinned} ({rationale}), but unscored items are not ranked.")
            else:
                parts.append(f"Pinned at rank {rank} (computed rank {computed}): {rationale}.")
        if stability is not None:
            parts.append(f"In the top {top_n} in {round(stability * 100)}% of simulated estimates.")
        text = " ".join(parts)
        if score is not None and status in _CLOSED:
            text = f"{_CLOSED[status]}: kept out of the ranking. " + text
        sentences[k] = text
    return factors_out, counts_out, sentences


def _shares(col: dict, rice: bool) -> list:
    """Per row, the factors' signed log-shares (`explain._log_shares`) as a tuple, or None where there are none.

    The logs are Python's own (`math.log`), each distinct estimate's once; the sums and quotients are the
    same IEEE operations in the same order whether numpy or Python does them, and each share is rounded to
    3 places as Python's `round` rounds it (see `_round3`).
    """
    names = ("reach", "impact", "confidence", "effort") if rice else ("value", "effort")
    scale = {"confidence": 0.01}
    logs = []
    for name in names:
        times, divide = scale.get(name, 1), name == "effort"
        memo: dict = {}  # estimates repeat (an impact of 3, an effort of 2): each distinct one's log once

        def log_of(v):
            if v is None or not isinstance(v, (int, float)) or not v > 0 or not math.isfinite(v):
                return math.nan
            x = math.log(v * times)
            return -x if divide else x

        if name in ("reach", "value"):
            column = [log_of(v) for v in col[name]]
        else:
            column = []
            for v in col[name]:
                x = memo.get(v)
                if x is None:
                    x = memo[v] = log_of(v)
                column.append(x)
        logs.append(np.array(column, dtype=float))
    scored = np.array([v is not None for v in col["score"]], dtype=bool)
    ok = scored.copy()
    for x in logs:
        ok &= np.isfinite(x)
    total = np.zeros(len(ok))
    for x in logs:
        total = total + np.abs(x)
    ok &= total > 0
    out: list = [None] * len(ok)
    where = np.flatnonzero(ok)
    if not len(where):
        return out
    parts = [_round3(x[where] / total[where]) for x in logs]
    for k, values in zip(where.tolist(), zip(*parts)):
        out[k] = values
    return out


_NEAR = 1e-9  # x * 1000 is off by at most ~1e-13 here: anything nearer a half than this goes to Python's round


def _round3(q: np.ndarray) -> list:
    """`round(x, 3) + 0.0` for each x of a column of shares (|x| <= 1), as a list of floats.

    Away from a half, the nearest thousandth k/1000 is what Python's `round` gives (both the
    correctly rounded quotient of two exact numbers); a value within a hair of a half is left
    to Python's `round`, which decides on its exact binary value.
    """
    y = np.abs(q) * 1000.0
    k = np.floor(y + 0.5)
    near = np.abs(y - np.floor(y) - 0.5) <= _NEAR
    out = np.copysign(k / 1000.0, q) + 0.0
    values = out.tolist()
    if near.any():
        qs = q.tolist()
        for i in np.flatnonzero(near).tolist():
            values[i] = round(qs[i], 3) + 0.0
    return values
