"""Drawing only the contenders' columns gives the very numbers of drawing every item's, and the same shares."""

from __future__ import annotations

import numpy as np
import pytest

from planner.scoring import stability


@pytest.mark.parametrize("n, keep", [
    (10, [0]), (10, [9]), (10, [0, 1, 2, 9]), (1000, [5, 6, 7, 500, 998, 999]), (50, []),
    (100_000, sorted(np.random.default_rng(1).choice(100_000, 16, replace=False).tolist())),
])
def test_the_kept_columns_are_those_of_the_whole_draw_and_the_stream_goes_on_alike(n, keep):
    whole, sparse = np.random.default_rng(7), np.random.default_rng(7)
    expected = whole.random((64, n))[:, keep]
    got = stability.uniform_columns(sparse, 64, n, np.array(keep, dtype=np.int64))
    assert np.array_equal(got, expected)
    assert sparse.random(5).tolist() == whole.random(5).tolist()  # the next draw starts at the same place


def test_the_shares_are_those_of_drawing_everything(monkeypatch):
    rng = np.random.default_rng(11)
    n = 20_000
    cols = {name: rng.choice([0.25, 0.5, 1.0, 2.0, 3.0], n) for name in ("impact",)}
    cols["confidence"] = rng.choice([50.0, 80.0, 100.0], n)
    cols["effort"] = rng.integers(1, 24, n) / 2
    cols["wsjf_size"] = np.full(n, np.nan)
    reach = rng.pareto(1.2, n) * 10
    value = np.full(n, np.nan)
    scored = np.ones(n, dtype=bool)
    sparse = stability.top_n_share("rice", cols, reach, value, scored, 10)
    monkeypatch.setattr(stability, "_STEP_COST", 10**12)  # every column drawn, as before
    dense = stability.top_n_share("rice", cols, reach, value, scored, 10)
    assert np.array_equal(sparse, dense)
    assert 0 < np.count_nonzero(sparse) < 200  # a few contenders, the rest never in the top 10
