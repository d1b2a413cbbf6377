"""Every score says where it came from: its factors, their sources, the counts behind them."""

from __future__ import annotations

import math
from datetime import date

import numpy as np

from planner.scoring.methods import IMPACT_NAMES
from planner.scoring.numbers import format_rounded

_REACH_WORDS = {
    "requests": "people asking",
    "companies": "companies asking",
    "weighted": "weighted demand (nice to have 1, important 2, critical 3; each company once)",
    "mrr": "MRR of the companies asking",
    "metric": "metric",
    "manual": "typed by hand",
}
METHOD_NAMES = {"rice": "RICE", "value-effort": "Value/effort", "ice": "ICE", "wsjf": "WSJF", "custom": "Your formula"}
UNIT_NAMES = {"companies": "companies", "people": "people", "mrr": "MRR", "users": "users"}
_SOURCE_UNITS = {"requests": "people", "companies": "companies", "weighted": "companies", "mrr": "mrr", "metric": "users"}
WIDEN = "widen the window (Edit ▸ Workspace Settings)"


# Figures repeat (impacts, confidences, efforts, small counts): each is worded once, not 10k times a rescore.
_WORDED: dict = {}
_WORDED_MAX = 50_000


def fmt(x) -> str:
    """675 -> '675', 10.5 -> '10.5', 12300.456 -> '12,300.46'."""
    try:
        return _WORDED[x]
    except (KeyError, TypeError):  # TypeError: an unhashable value, worded below (and refused there)
        pass
    text = _fmt(x)
    if len(_WORDED) >= _WORDED_MAX:
        _WORDED.clear()
    try:
        _WORDED[x] = text
    except TypeError:
        pass
    return text


def _fmt(x) -> str:
    if x is None:
        return "?"
    x = float(x)
    if x.is_integer() and abs(x) < 1e15:  # the common case first: NaN and infinities are never integers
        return f"{int(x):,}"
    if math.isnan(x):
        return "?"
    if math.isinf(x):
        return "infinite" if x > 0 else "minus infinite"
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


def _estimate(name: str, value, source: str, unit: str | None, text: str | None = None, *, missing: bool | None = None) -> dict:
    """One estimated factor; `missing` (default: no value) shows as '?' with the source 'missing'."""
    missing = value is None if missing is None else missing
    return {"name": name, "value": value, "text": "?" if missing else text if text is not None else fmt(value),
            "source": "missing" if missing else source, "unit": unit, "share": None}


def _reach_unit_of(e: dict) -> str:
    """The unit the row's reach is in: the ranking's, or its own source's when it is not comparable."""
    if e.get("comparable", True) or e["reach_source"] == "manual":
        return e.get("reach_unit") or _SOURCE_UNITS.get(e["reach_source"], "companies")
    return _SOURCE_UNITS[e["reach_source"]]


def _reach_factor(e: dict, c: dict, p: dict) -> dict:
    unit = UNIT_NAMES[_reach_unit_of(e)]
    source = _reach_source(e, c, p)
    if e.get("reach_converted"):
        source += f"; {e['reach_converted']}"
    text = f"{fmt(e['reach'])} {unit}" if e["reach"] is not None else "?"
    return {"name": "reach", "value": e["reach"], "text": text, "source": source, "unit": unit, "share": None}


def factors(e: dict, c: dict, p: dict) -> list[dict]:
    """The factors of the current method: [{name, value, text, source, unit, share}].

    `text` is the value as shown, `source` where it came from in words, `share`
    its part of the score: for a product or quotient (RICE, value/effort, ICE)
    the factor's log-share, |log f| over the sum of them, signed by whether it
    raises the score (+) or lowers it (-); for WSJF each part's share of the
    cost of delay. None where there is no score or a factor is 0.
    """
    method = p["method"]
    if method == "custom":
        from planner.scoring.formula_explain import explain_factors

        return explain_factors(e, c, p)
    if method == "rice":
        impact, conf, effort = e["impact"], e["confidence"], e["effort"]
        out = [
            _reach_factor(e, c, p),
            _estimate("impact", impact, f"estimate ({IMPACT_NAMES.get(impact, '?')})", "x",
                      f"{fmt(impact)} ({IMPACT_NAMES.get(impact, '?')})"),
            _estimate("confidence", conf, "estimate (percent)", "%", f"{fmt(conf)}%"),
            _estimate("effort", effort, "estimate (person-months)", "person-months", _months(effort), missing=not effort),
        ]
        return _log_shares(out, e, {"confidence": 0.01}, divide={"effort"})
    if method == "value-effort":
        src = "typed by hand" if c["value_source"] == "manual" else _value_words(e, c, p)
        effort = e["effort"]
        out = [
            {"name": "value", "value": e["value"], "text": fmt(e["value"]) if e["value"] is not None else "?",
             "source": src, "unit": "0-10", "share": None},
            _estimate("effort", effort, "estimate (person-months)", "person-months", _months(effort), missing=not effort),
        ]
        return _log_shares(out, e, {}, divide={"effort"})
    if method == "ice":
        out = [_estimate(n, v, "estimate (1-10)", "1-10") for n, v in zip(("impact", "confidence", "ease"), c["ice"])]
        return _log_shares(out, e, {}, divide=set())
    out = [_estimate(n, v, "estimate", "1-20" if n != "job size" else "points")
           for n, v in zip(("business value", "time criticality", "risk reduction", "job size"), c["wsjf"])]
    parts = [f["value"] for f in out[:3]]
    if e["score"] is not None and all(v is not None for v in parts) and sum(parts) > 0:
        for f in out[:3]:
            f["share"] = round(f["value"] / sum(parts), 3)
    return out


def _log_shares(out: list[dict], e: dict, scale: dict, *, divide: set) -> list[dict]:
    """Each factor's signed log-share of a product (see `factors`); left None when one cannot be taken."""
    if e["score"] is None:
        return out
    logs = []
    for f in out:
        v = f["value"]
        if v is None or not isinstance(v, (int, float)) or not v > 0 or not math.isfinite(v):
            return out
        logs.append(-math.log(v * scale.get(f["name"], 1)) if f["name"] in divide else math.log(v * scale.get(f["name"], 1)))
    total = sum(abs(x) for x in logs)
    if total > 0:
        for f, x in zip(out, logs):
            f["share"] = round(x / total, 3) + 0.0  # no -0.0
    return out


def counts(e: dict, c: dict, p: dict) -> list[dict]:
    """The counts behind a score: [{name, value, text}], the ones not counted said with what to do.

    The requests row also carries "people", "window_days", "since" (ISO day) and "segment", so that a
    window in another language can word it without parsing the English text."""
    people, comp, loose = c["people"], e["companies"], c["askers"] - e["companies"]
    who = f"from {people} {'person' if people == 1 else 'people'}"
    rows = [
        {"name": "requests", "value": e["requests"],
         "text": f"{e['requests']} request{'s' if e['requests'] != 1 else ''} {who} ({p['window_words']})",
         "people": people, "window_days": p["window_days"], "since": p["window_start"].isoformat(),
         "segment": p.get("segment") or None},
        {"name": "companies", "value": comp, "without_company": loose,
         "text": f"{comp} compan{'y' if comp == 1 else 'ies'}"
                 + (f" and {loose} requester{'s' if loose != 1 else ''} without a company" if loose else "")},
    ]
    older, off = e.get("older_requests") or 0, e.get("off_segment_requests") or 0
    if older:
        rows.append({"name": "older requests not counted", "value": older, "text": _older_words(older)})
    if off:
        rows.append({"name": "outside the segment", "value": off, "text": _off_segment_words(off, p)})
    rows.append({"name": "MRR", "value": e["mrr"], "text": f"MRR {fmt(e['mrr'])}"})
    return rows


def _older_words(n: int) -> str:
    return f"{n} older request{'s' if n != 1 else ''} not counted — {WIDEN}"


def _off_segment_words(n: int, p: dict) -> str:
    return (f"{n} request{'s' if n != 1 else ''} from outside the segment {p.get('segment')} not counted "
            "— choose segment all to count them")


def _formula(e: dict, c: dict, p: dict) -> str:
    method = p["method"]
    if method == "custom":
        from planner.scoring.formula_explain import explain_words

        return explain_words(e, c, p)
    name = METHOD_NAMES[method]
    s = format_rounded(e["score"])  # the row's score is rounded already
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
        if p["method"] == "rice":
            parts.append(f"Reach: {_reach_source(e, c, p)}.")
            if _unit_words(e):
                parts.append(_unit_words(e))
        elif p["method"] == "value-effort" and c["value_source"] != "manual":
            parts.append(f"Value: {_value_words(e, c, p)}.")
            if e.get("ranked_apart"):
                unit = UNIT_NAMES.get(e.get("reach_unit"), "companies")
                parts.append(f"Not comparable: its demand cannot be counted in {unit} without users per customer "
                             "(the scoring settings); ranked after the comparable items.")
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
    if e.get("older_requests"):
        parts.append(_older_words(e["older_requests"]) + ".")
    if e.get("off_segment_requests"):
        parts.append(_off_segment_words(e["off_segment_requests"], p) + ".")
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


def _value_words(e: dict, c: dict, p: dict) -> str:
    """Where a value from demand came from: 10 x log(1 + demand) / log(1 + the busiest item's), 0 for none."""
    scale = "demand scaled to 0-10 (none: 0, the busiest: 10)"
    if e.get("ranked_apart"):
        return f"{scale} from its own reach ({_reach_source(e, c, p)}), among the items of that source only"
    if c.get("value_from_reach", True):
        how = f"; {e['reach_converted']}" if e.get("reach_converted") else ""
        return f"{scale} from {_reach_source(e, c, p)}{how}"
    unit = UNIT_NAMES.get(e.get("reach_unit"), "companies")
    return f"{scale} from the {unit} its linked requests bring, {p['window_words']} (its reach is not demand)"


def _unit_words(e: dict) -> str:
    """How the reach stands in the ranking's unit: converted (and how), not comparable (and why), or '' as is."""
    unit = UNIT_NAMES.get(e.get("reach_unit"), "companies")
    if not e.get("comparable", True):
        return (f"Not comparable: {e['not_comparable_reason']}; ranked after the items whose reach counts {unit}"
                " (the ranking's unit).")
    if e.get("reach_converted"):
        return f"In {unit}, the ranking's unit: {e['reach_converted']}."
    return ""


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


# ---------------------------------------------------------------- the words of a whole rescore at once


class Wording:
    """`factors`, `counts` and `sentence` for every row of one rescore, word for word the same.

    Worded one row at a time, 10k rows cost more than the rescore itself:
    most of each sentence repeats from row to row (the window, the reach
    source, an impact of 3, an effort of 2 person-months), so each such phrase
    is made once per distinct value here and reused; only the figures of the
    row itself are formatted for it. The functions above stay the definition
    (the factors of ICE, WSJF and a formula of the user's come from them as
    they are). `explained_rows` words RICE and value/effort rows a column at a
    time with these memos, and the other methods' rows one at a time here.
    """

    def __init__(self, p: dict):
        self.p = p
        self.method = p["method"]
        self.window = p["window_words"]
        self.since = p["window_start"].isoformat()
        self.segment = p.get("segment") or None
        self.days = p["window_days"]
        self.no_requests = f"No linked requests in the {self.window}."
        self.top_words = "% of simulated estimates."
        self._sources: dict = {}
        self._units: dict = {}
        self._estimates: dict = {}
        self._tails: dict = {}
        self._whos: dict = {}
        self._older: dict = {}
        self._off: dict = {}

    def words(self, e: dict, c: dict) -> tuple[list, list, str]:
        """(factors, counts, sentence) of row `e` with its context `c` (as `factors` and the others take them)."""
        return factors(e, c, self.p), self._counts(e, c), self._sentence(e, c)

    # -- pieces made once per distinct value

    def _source(self, e: dict, c: dict) -> str:
        """`_reach_source`, kept per reach source (and metric, share and period)."""
        mode = e["reach_source"]
        key = (mode, c["metric"], c["metric_share"], c["metric_period"]) if mode == "metric" else mode
        text = self._sources.get(key)
        if text is None:
            text = self._sources[key] = _reach_source(e, c, self.p)
        return text

    def _estimate(self, name: str, value) -> tuple:
        """(text, source, log part or None) of an impact, a confidence or an effort, as `factors` words them."""
        key = (name, value)
        try:
            return self._estimates[key]
        except KeyError:
            pass
        except TypeError:  # an unhashable value: worded as it is
            key = None
        if name == "impact":
            label = IMPACT_NAMES.get(value, "?")
            f = _estimate("impact", value, f"estimate ({label})", "x", f"{fmt(value)} ({label})")
        elif name == "confidence":
            f = _estimate("confidence", value, "estimate (percent)", "%", f"{fmt(value)}%")
        else:
            f = _estimate("effort", value, "estimate (person-months)", "person-months", _months(value), missing=not value)
        scale = 0.01 if name == "confidence" else 1
        part = None
        if _usable(value):
            part = -math.log(value * scale) if name == "effort" else math.log(value * scale)
        out = (f["text"], f["source"], part)
        if key is not None:
            self._estimates[key] = out
        return out

    def _value_words(self, e: dict, c: dict) -> str:
        if e.get("ranked_apart") or c.get("value_from_reach", True):
            return _value_words(e, c, self.p) if e.get("ranked_apart") else (
                f"demand scaled to 0-10 (none: 0, the busiest: 10) from {self._source(e, c)}"
                + (f"; {e['reach_converted']}" if e.get("reach_converted") else ""))
        return _value_words(e, c, self.p)

    # -- counts

    def _who(self, comp: int, loose: int) -> str:
        """'3 companies and 2 requesters without a company', as `counts` and `sentence` say it."""
        key = (comp, loose)
        text = self._whos.get(key)
        if text is None:
            text = f"{comp} compan{'y' if comp == 1 else 'ies'}"
            if loose:
                text += f" and {loose} requester{'s' if loose != 1 else ''} without a company"
            self._whos[key] = text
        return text

    def _older_words(self, n: int) -> str:
        text = self._older.get(n)
        if text is None:
            text = self._older[n] = _older_words(n)
        return text

    def _off_words(self, n: int) -> str:
        text = self._off.get(n)
        if text is None:
            text = self._off[n] = _off_segment_words(n, self.p)
        return text

    def _counts(self, e: dict, c: dict) -> list[dict]:
        people, comp = c["people"], e["companies"]
        loose = c["askers"] - comp
        n = e["requests"]
        rows = [
            {"name": "requests", "value": n,
             "text": f"{n} request{'s' if n != 1 else ''} from {people} {'person' if people == 1 else 'people'}"
                     f" ({self.window})",
             "people": people, "window_days": self.days, "since": self.since, "segment": self.segment},
            {"name": "companies", "value": comp, "without_company": loose, "text": self._who(comp, loose)},
        ]
        older, off = e.get("older_requests") or 0, e.get("off_segment_requests") or 0
        if older:
            rows.append({"name": "older requests not counted", "value": older, "text": self._older_words(older)})
        if off:
            rows.append({"name": "outside the segment", "value": off, "text": self._off_words(off)})
        rows.append({"name": "MRR", "value": e["mrr"], "text": f"MRR {fmt(e['mrr'])}"})
        return rows

    # -- the sentence

    def _formula(self, e: dict, c: dict) -> str:
        method = self.method
        if method == "rice":
            key = ("rice", e["impact"], e["confidence"], e["effort"])
            tail = self._tails.get(key)
            if tail is None:
                impact = e["impact"]
                tail = self._tails[key] = (f" x impact {fmt(impact)} ({IMPACT_NAMES.get(impact, '?')})"
                                           f" x confidence {fmt(e['confidence'])}% / effort {_months(e['effort'])}")
            return f"RICE {format_rounded(e['score'])} = reach {fmt(e['reach'])}{tail}"
        if method == "value-effort":
            key = ("value-effort", c["value_source"] == "manual", e["effort"])
            tail = self._tails.get(key)
            if tail is None:
                how = "typed by hand" if c["value_source"] == "manual" else "from demand"
                tail = self._tails[key] = f" ({how}) / effort {_months(e['effort'])}"
            return f"Value/effort {format_rounded(e['score'])} = value {fmt(e['value'])}{tail}"
        return _formula(e, c, self.p)

    def _sentence(self, e: dict, c: dict) -> str:
        method = self.method
        parts = []
        if e["score"] is None:
            parts.append(f"Unscored: {e['unscored_reason']}.")
        else:
            parts.append(self._formula(e, c) + ".")
            if method == "rice":
                parts.append(f"Reach: {self._source(e, c)}.")
                unit_words = _unit_words(e) if (e.get("reach_converted") or not e.get("comparable", True)) else ""
                if unit_words:
                    parts.append(unit_words)
            elif method == "value-effort" and c["value_source"] != "manual":
                parts.append(f"Value: {self._value_words(e, c)}.")
                if e.get("ranked_apart"):
                    unit = UNIT_NAMES.get(e.get("reach_unit"), "companies")
                    parts.append(f"Not comparable: its demand cannot be counted in {unit} without users per customer "
                                 "(the scoring settings); ranked after the comparable items.")
        n = e["requests"]
        if n:
            people = c["people"]
            comp = e["companies"]
            segments = e["segments"]
            seg = f"; segments {', '.join(segments)}" if segments else ""
            mrr = f", MRR {fmt(e['mrr'])}" if e["mrr"] else ""
            parts.append(
                f"Demand: {n} request{'s' if n != 1 else ''} from {people} "
                f"{'person' if people == 1 else 'people'} at {self._who(comp, c['askers'] - comp)}{mrr}{seg} "
                f"({self.window})."
            )
        else:
            parts.append(self.no_requests)
        older = e.get("older_requests")
        if older:
            parts.append(self._older_words(older) + ".")
        off = e.get("off_segment_requests")
        if off:
            parts.append(self._off_words(off) + ".")
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
            parts.append(f"In the top {self.p['top_n']} in {round(e['rank_stability'] * 100)}{self.top_words}")
        return " ".join(parts)


def _usable(v) -> bool:
    """A factor whose log can be taken, as `_log_shares` decides it."""
    return v is not None and isinstance(v, (int, float)) and v > 0 and math.isfinite(v)
