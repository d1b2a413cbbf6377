"""How sure is the order? A vectorised Monte-Carlo over the estimates' ranges.

Each estimate is drawn from a triangular distribution (low, point, high). A
range the PdM did not give is derived from the confidence: at 100 % there is
none, at 50 % impact may be half or one and a half times the guess and effort
may run 50 % over (overruns are likelier than savings). Reach from data is
taken as it is. The seed is fixed, so the same workspace gives the same figures.
"""

from __future__ import annotations

import numpy as np


SEED = 20240607
DRAWS = 256
_CHUNK = 64  # draws per block: keeps memory near 64 x items floats per array
# Stepping over a stretch of the generator costs about as much as drawing this many numbers.
_STEP_COST = 1000


def default_ranges(point: np.ndarray, confidence_pct: np.ndarray, *, kind: str) -> tuple[np.ndarray, np.ndarray]:
    """(low, high) around a point estimate, widening as confidence falls."""
    u = 1.0 - np.where(np.isfinite(confidence_pct), confidence_pct, 50.0) / 100.0
    if kind == "effort":
        return point * (1.0 - u / 2.0), point * (1.0 + u)
    if kind == "confidence":
        return point * (1.0 - u), np.minimum(100.0, point * (1.0 + u))
    return point * (1.0 - u), point * (1.0 + u)


def _bounds(point, low, high):
    low = np.where(np.isfinite(low), np.minimum(low, point), point)
    high = np.where(np.isfinite(high), np.maximum(high, point), point)
    return low, high


def triangular(rng, low, mode, high, draws: int, keep: np.ndarray | None = None) -> np.ndarray:
    """`draws` x n samples; a zero-width range returns the point itself.

    The uniform draws are taken for every item (the same stream, so the same
    figures), but worked through only for the items with a range (and, with
    `keep`, only for those positions, whose columns alone are returned): at
    100 % confidence most have no range, and on 100k items the arithmetic is
    the cost.
    """
    u = uniform_columns(rng, draws, len(mode), keep)
    if keep is not None:
        low, mode, high = low[keep], mode[keep], high[keep]
    width = high - low
    out = np.broadcast_to(mode, u.shape).copy()
    ranged = np.flatnonzero(width > 0)
    if not len(ranged):
        return out
    u, low, mode, high, width = u[:, ranged], low[ranged], mode[ranged], high[ranged], width[ranged]
    f = (mode - low) / width
    left = u * width
    left *= mode - low
    np.sqrt(left, out=left)
    left += low
    right = 1.0 - u
    right *= width
    right *= high - mode
    np.sqrt(right, out=right)
    np.subtract(high, right, out=right)
    out[:, ranged] = np.where(u < f, left, right)
    return out


def uniform_columns(rng, draws: int, n: int, keep: np.ndarray | None) -> np.ndarray:
    """`rng.random((draws, n))[:, keep]`, leaving `rng` where that call leaves it, without drawing what `keep` skips.

    On 100k items only a few dozen can reach the top N: drawing 256 x 100k
    uniforms to keep 16 columns was most of a rescore's simulation. Each double
    is one step of the generator, so the skipped ones are stepped over with
    `advance` and only the kept runs are drawn: the same numbers, in the same
    places. With many runs to step over, drawing everything is cheaper.
    """
    if keep is None:
        return rng.random((draws, n))
    keep = np.asarray(keep, dtype=np.int64)
    starts = np.flatnonzero(np.diff(keep, prepend=-2) != 1)  # runs of consecutive kept columns
    if len(starts) * _STEP_COST > n or not hasattr(rng.bit_generator, "advance"):
        return rng.random((draws, n))[:, keep]
    firsts = keep[starts].tolist()
    lengths = np.diff(np.append(starts, len(keep))).tolist()
    ends = [first + length for first, length in zip(firsts, lengths)]  # one past each run
    skips = [first - end for first, end in zip(firsts, [0] + ends[:-1])]
    tail = n - ends[-1] if ends else n
    advance, random = rng.bit_generator.advance, rng.random
    out = np.empty((draws, len(keep)))
    runs = list(zip(skips, [out[:, at:at + length] for at, length in zip(np.cumsum([0] + lengths[:-1]).tolist(), lengths)]))
    for r in range(draws):
        for skip, cells in runs:
            advance(skip)
            random(out=cells[r])
        advance(tail)
    return out


def top_n_share(method: str, cols: dict, reach: np.ndarray, value: np.ndarray, scored: np.ndarray, top_n: int,
                *, draws: int = DRAWS) -> np.ndarray:
    """The share of simulated orders in which each item is in the top N (NaN if unscored)."""
    n = len(reach)
    out = np.full(n, np.nan)
    idx = np.flatnonzero(scored)
    if not len(idx):
        return out
    if len(idx) <= top_n:
        out[idx] = 1.0
        return out
    rng = np.random.default_rng(SEED)
    conf = cols["confidence"][idx]

    def ranged(name, kind):
        point = cols[name][idx]
        lo, hi = default_ranges(point, conf, kind=kind)
        given_lo, given_hi = cols.get(f"{name}_low"), cols.get(f"{name}_high")
        lo = np.where(np.isfinite(given_lo[idx]), given_lo[idx], lo) if given_lo is not None else lo
        hi = np.where(np.isfinite(given_hi[idx]), given_hi[idx], hi) if given_hi is not None else hi
        lo, hi = _bounds(point, lo, hi)
        return lo, point, hi

    def plus_minus_one(name, top):
        point = cols[name][idx]
        return np.clip(point - 1, 1, top), point, np.clip(point + 1, 1, top)

    if method == "rice":
        parts = {"impact": ranged("impact", "impact"), "confidence": ranged("confidence", "confidence"),
                 "effort": ranged("effort", "effort")}
    elif method == "value-effort":
        parts = {"effort": ranged("effort", "effort")}
    elif method == "ice":
        parts = {k: plus_minus_one(k, 10) for k in ("ice_impact", "ice_confidence", "ice_ease")}
    else:
        parts = {k: plus_minus_one(k, 20) for k in ("wsjf_value", "wsjf_time", "wsjf_risk")}
    fixed = {"reach": reach[idx], "value": value[idx], "wsjf_size": cols["wsjf_size"][idx]}

    def score_of(s: dict, at) -> np.ndarray:
        if method == "rice":
            return fixed["reach"][at] * s["impact"] * (s["confidence"] / 100.0) / s["effort"]
        if method == "value-effort":
            return fixed["value"][at] / s["effort"]
        if method == "ice":
            return s["ice_impact"] * s["ice_confidence"] * s["ice_ease"]
        return (s["wsjf_value"] + s["wsjf_time"] + s["wsjf_risk"]) / fixed["wsjf_size"][at]

    keep = _contenders(parts, score_of, len(idx), top_n)
    hits = np.zeros(len(keep))
    done = 0
    while done < draws:
        d = min(_CHUNK, draws - done)
        s = {k: triangular(rng, lo, mid, hi, d, keep) for k, (lo, mid, hi) in parts.items()}
        scores = score_of(s, keep)
        # The N-th best score of each draw; ties at the border count as in.
        kth = -np.partition(-scores, top_n - 1, axis=1)[:, top_n - 1]
        hits += (scores >= kth[:, None]).sum(axis=0)
        done += d
    share = np.zeros(len(idx))
    share[keep] = hits
    out[idx] = np.round(share / draws, 3)
    return out


def _contenders(parts: dict, score_of, n: int, top_n: int) -> np.ndarray:
    """Positions of the items that can be in the top N in some draw; the others never are (a share of 0).

    Every score is monotone in each estimate, so its lowest and highest
    possible values lie at corners of the ranges. At least N items score at
    least the N-th best lowest value in every draw, so an item whose highest
    value stays below it is never in the top N, and leaving it out changes no
    draw's N-th best score: the figures are exactly those of drawing all
    (the uniform draws are still taken for every item, in the same order).
    """
    names = list(parts)
    low = np.full(n, np.inf)
    high = np.full(n, -np.inf)
    odd = np.zeros(n, dtype=bool)  # a corner without a number: such an item is always drawn
    everyone = slice(None)
    with np.errstate(all="ignore"):
        for corner in range(1 << len(names)):
            s = {k: parts[k][2] if corner >> b & 1 else parts[k][0] for b, k in enumerate(names)}
            value = score_of(s, everyone)
            odd |= np.isnan(value)
            low = np.fmin(low, value)
            high = np.fmax(high, value)
        low[odd] = -np.inf
        if n <= top_n or np.isfinite(low).sum() < top_n:
            return np.arange(n)
        bound = -np.partition(-np.where(np.isfinite(low), low, -np.inf), top_n - 1)[top_n - 1]
        if not np.isfinite(bound):
            return np.arange(n)
        margin = 1e-9 * (np.abs(high) + abs(bound)) + 1e-300  # a draw may land an ulp past its range's end
        never = ~odd & np.isfinite(high) & (high + margin < bound)
    return np.flatnonzero(~never)
