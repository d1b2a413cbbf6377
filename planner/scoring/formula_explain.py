"""A score from the user's own formula, explained as the built-in methods explain theirs: each factor, its
value, where it came from and its share of the score; the sentence names the terms of a sum."""

from __future__ import annotations

import math

from planner.scoring import explain
from planner.scoring.formula import Detail, Node, constant_value, factors_of
from planner.scoring.numbers import format_score


def _source_words(key: str, e: dict, c: dict, p: dict, detail: Detail) -> tuple[str, str | None]:
    """(where the factor came from, its unit) in the words of the built-in methods' explanations."""
    window = p.get("window_words", "")
    if key.startswith("metric("):
        name = key[8:-2]
        period = detail.metric_periods.get(name)
        return (f"metric {name} ({period})" if period else f"metric {name} (no value)"), None
    if key.startswith("field("):
        return "the item's own field (from its import)", None
    if key == "value":
        if c.get("value_source") == "manual":
            return "typed by hand", "0-10"
        return f"demand scaled to 0-10 from {explain._reach_source(e, c, p)}", "0-10"
    words = {
        "impact": (f"estimate ({explain.IMPACT_NAMES.get(e['impact'], '?')})", "x"),
        "confidence": ("estimate (percent; a fraction in the formula)", "%"),
        "effort": ("estimate (person-months)", "person-months"),
        "requests": (f"requests linked, {window}", "requests"),
        "companies": (f"companies asking, {window}", "companies"),
        "mrr": (f"MRR of the companies asking, {window}", "MRR"),
    }
    return words.get(key, ("estimate", None))


def explain_factors(e: dict, c: dict, p: dict) -> list[dict]:
    """The formula's factors as the built-in methods give theirs: [{name, value, text, source, unit, share}].

    `share`: for a sum of terms, the signed share of the term holding the factor (its value over the sum
    of the terms' sizes); for a single product or quotient of factors, the factor's signed log-share as
    RICE's (see `explain.factors`); None where neither reads cleanly. `term` names the factor's term.
    """
    detail = p.get("formula_detail")
    if detail is None or detail.formula is None:
        return []
    i = detail.at(e["id"])
    out = []
    for key in detail.formula.factors:
        x = float(detail.env[key][i]) if i is not None else math.nan
        value = None if not math.isfinite(x) else x
        if key == "reach":
            out.append(explain._reach_factor(e, c, p))
            continue
        source, unit = _source_words(key, e, c, p, detail)
        if key == "confidence":
            value = e["confidence"]
            text = f"{explain.fmt(value)}%" if value is not None else "?"
        elif value is None:
            text = "?"
        elif key == "impact":  # as RICE shows its estimates
            text = f"{explain.fmt(value)} ({explain.IMPACT_NAMES.get(value, '?')})"
        elif key == "effort":
            text = explain._months(value)
        else:
            text = explain.fmt(value)
        out.append({"name": key, "value": value, "text": text, "source": source if value is not None else "missing",
                    "unit": unit, "share": None})
    if e.get("score") is None or i is None:
        return out
    terms = detail.terms
    if len(terms) > 1:
        sizes = [float(abs(v[i])) for _, _, v in terms]
        total = sum(sizes)
        for f in out:
            holding = [k for k, (_, node, _) in enumerate(terms) if f["name"] in factors_of(node, [])]
            if len(holding) == 1:
                k = holding[0]
                f["term"] = terms[k][1].text if terms[k][0] > 0 else f"-{terms[k][1].text}"
                f["share"] = round(float(terms[k][2][i]) / total, 3) + 0.0 if total > 0 else None  # never -0.0
    else:
        powers = _product_powers(terms[0][1] if terms else detail.formula.tree, 1.0, {})
        if powers is not None:
            logs = {}
            for key, power in powers.items():
                x = float(detail.env[key][i])
                if not (math.isfinite(x) and x > 0):
                    return out
                logs[key] = power * math.log(x)
            total = sum(abs(v) for v in logs.values())
            for f in out:
                if total > 0 and f["name"] in logs:
                    f["share"] = round(logs[f["name"]] / total, 3) + 0.0
    return out


def _product_powers(node: Node, power: float, found: dict) -> dict | None:
    """Factor key -> its power in a pure product or quotient (`reach*impact/effort^2`), numbers aside; None
    when the part holds anything else (a sum, a function)."""
    if node.kind == "num":
        return found
    if node.kind in ("factor", "metric", "field"):
        found[node.key] = found.get(node.key, 0.0) + power
        return found
    if node.kind in ("*", "/"):
        left = _product_powers(node.args[0], power, found)
        if left is None:
            return None
        return _product_powers(node.args[1], power if node.kind == "*" else -power, found)
    if node.kind == "^":
        exponent = constant_value(node.args[1])
        return None if exponent is None else _product_powers(node.args[0], power * exponent, found)
    return None


def explain_words(e: dict, c: dict, p: dict) -> str:
    """'Your formula 57.50 = 0.6*reach + 0.4*mrr/1000 - effort: 0.6*reach 60 (95%), ...; reach 100 (...)'."""
    detail = p.get("formula_detail")
    if detail is None or detail.formula is None:
        return "Your formula: none is written yet"
    i = detail.at(e["id"])
    words = f"Your formula {format_score(e['score'])} = {detail.formula.text}"
    if len(detail.terms) > 1 and i is not None:
        sizes = [float(abs(v[i])) for _, _, v in detail.terms]
        total = sum(sizes) or 1.0
        parts = []
        for sign, node, values in detail.terms:
            term = node.text if sign > 0 else f"-{node.text}"
            parts.append(f"{term} {explain.fmt(float(values[i]))} ({round(float(values[i]) / total * 100)}%)")
        words += ": " + ", ".join(parts)
    factors = e.get("factors") or explain_factors(e, c, p)
    if factors:
        words += "; " + ", ".join(f"{f['name']} {f['text']} ({f['source']})" for f in factors)
    return words
