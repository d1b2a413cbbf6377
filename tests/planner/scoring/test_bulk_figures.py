"""The column-at-once shortcuts give exactly the figures of the one-at-a-time rules they stand for."""

from __future__ import annotations

import numpy as np
import pytest

from planner.scoring import stability
from planner.scoring.numbers import format_rounded, format_score, round_score, round_scores


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return a == b and np.copysign(1.0, a) == np.copysign(1.0, b)


def test_a_column_rounds_as_each_score_does():
    rng = np.random.default_rng(4)
    grid = np.arange(0, 200, 0.005)  # every half-cent up to 200: the halves the rule rounds up
    values = np.concatenate([
        rng.random(5000) * 150, rng.lognormal(0, 5, 5000), -rng.random(500) * 300, grid, grid + 1e-13, grid - 1e-13,
        [99.995, 99.994999999, 7.245, 7.2449999999999999, 674.5, -0.001, 0.0, np.nan, np.inf, -np.inf, 2.0 ** 60],
    ])
    bulk = round_scores(values)
    assert len(bulk) == len(values)
    wrong = [(v, b, round_score(v)) for v, b in zip(values.tolist(), bulk) if not _same(b, round_score(v))]
    assert wrong == []
    assert all(format_rounded(b) == format_score(v) for v, b in zip(values.tolist(), bulk))


def _cols(rng, n):
    cols = {"impact": rng.choice([3.0, 2.0, 1.0, 0.5, 0.25], n)}
    cols.update({k: rng.choice([1.0, 2.0, 3.0, 5.0, 8.0], n)  # ICE 1-10, WSJF 1-20
                 for k in ("ice_impact", "ice_confidence", "ice_ease", "wsjf_value", "wsjf_time", "wsjf_risk")})
    cols["effort"] = rng.choice([0.5, 1.0, 2.0, 8.0, np.nan], n)
    cols["wsjf_size"] = rng.choice([1.0, 2.0, 3.0, 5.0, 8.0], n)
    cols["confidence"] = rng.choice([50.0, 80.0, 100.0], n)
    for k in ("impact", "effort", "confidence"):
        cols[f"{k}_low"] = np.where(rng.random(n) < 0.2, cols[k] * 0.5, np.nan)
        cols[f"{k}_high"] = np.where(rng.random(n) < 0.2, cols[k] * 2.0, np.nan)
    return cols


@pytest.mark.parametrize("method", ["rice", "value-effort", "ice", "wsjf"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_leaving_out_items_that_can_never_reach_the_top_changes_no_share(method, seed, monkeypatch):
    rng = np.random.default_rng(seed)
    n = 2000
    cols = _cols(rng, n)
    reach = rng.lognormal(2, 2, n)
    value = rng.random(n) * 10
    scored = (rng.random(n) < 0.95) & np.isfinite(cols["effort"])  # as the scorer asks: items with a score
    pruned = stability.top_n_share(method, cols, reach, value, scored, 10)
    assert (pruned[scored] == 0).sum() > n // 2  # most items are never in the top 10: those are the ones left out
    monkeypatch.setattr(stability, "_contenders", lambda parts, score_of, count, top_n: np.arange(count))
    drawn_for_all = stability.top_n_share(method, cols, reach, value, scored, 10)
    assert np.array_equal(pruned, drawn_for_all, equal_nan=True)
