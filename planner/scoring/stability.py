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


def triangular(rng, low, mode, high, draws: int) -> np.ndarray:
    """`draws` x n samples; a zero-width range returns the point itself."""
    u = rng.random((draws, len(mode)))
    width = high - low
    safe = np.where(width > 0, width, 1.0)
    f = np.where(width > 0, (mode - low) / safe, 0.0)
    left = low + np.sqrt(u * width * (mode - low))
    right = high - np.sqrt((1.0 - u) * width * (high - mode))
    return np.where(width > 0, np.where(u < f, left, right), mode)


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
    hits = np.zeros(len(idx))
    done = 0
    while done < draws:
        d = min(_CHUNK, draws - done)
        s = {k: triangular(rng, lo, mid, hi, d) for k, (lo, mid, hi) in parts.items()}
        if method == "rice":
            scores = reach[idx] * s["impact"] * (s["confidence"] / 100.0) / s["effort"]
        elif method == "value-effort":
            scores = value[idx] / s["effort"]
        elif method == "ice":
            scores = s["ice_impact"] * s["ice_confidence"] * s["ice_ease"]
        else:
            scores = (s["wsjf_value"] + s["wsjf_time"] + s["wsjf_risk"]) / cols["wsjf_size"][idx]
        # The N-th best score of each draw; ties at the border count as in.
        kth = -np.partition(-scores, top_n - 1, axis=1)[:, top_n - 1]
        hits += (scores >= kth[:, None]).sum(axis=0)
        done += d
    out[idx] = np.round(hits / draws, 3)
    return out
