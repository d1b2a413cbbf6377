"""The window's rows, built a column at a time, are the rows the item-by-item builder makes: key for key, in order."""

from __future__ import annotations

import math

import numpy as np
import pytest

from planner import ops
from planner.scoring import score_items, set_scoring_settings
from planner.scoring.reach import cache_lock
from planner.scoring.score import _RowMaker, compute, resolve_params
from planner.scoring.window_rows import rounded, window_rows

TODAY = "2026-11-23"


def _one_by_one(ws, **overrides) -> tuple[list, list]:
    """(rows from `window_rows`, rows from `_RowMaker.entry(explain=False)`) of one rescore, item for item."""
    params = resolve_params(ws, today=TODAY, **overrides)
    with cache_lock(ws):
        s = compute(ws, params)
    everyone = np.arange(len(s.ids))
    maker = _RowMaker(s, everyone, False)
    return window_rows(s, everyone), [maker.entry(k, i) for k, i in enumerate(everyone.tolist())]


def _same(a, b) -> bool:
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))


@pytest.mark.parametrize("method", ["rice", "value-effort", "ice", "wsjf"])
@pytest.mark.parametrize("unit", ["auto", "companies", "people", "mrr"])
def test_the_demos_rows_are_the_same_either_way(demo_ws, method, unit):
    set_scoring_settings(demo_ws, reach_unit=unit)
    by_column, by_row = _one_by_one(demo_ws, method=method)
    assert len(by_column) == len(by_row) > 20
    for a, b in zip(by_column, by_row):
        assert list(a) == list(b)  # the same keys, in the same order
        assert all(_same(a[k], b[k]) for k in a), {k: (a[k], b[k]) for k in a if not _same(a[k], b[k])}
        assert type(a["mrr"]) is type(b["mrr"]) and type(a["reach"]) is type(b["reach"])


def test_a_formula_pins_closed_items_and_segments_the_same_either_way(demo_ws):
    rows = score_items(demo_ws, today=TODAY, explain=False)
    ops.pin(demo_ws, rows[-1]["id"], rank=2, rationale="promised")
    ops.edit_item(demo_ws, rows[0]["id"], status="shipped")
    ops.add_item(demo_ws, title="Not estimated yet")
    segment = next(s for r in rows for s in r["segments"])
    by_column, by_row = _one_by_one(demo_ws, method="custom", formula="requests * impact / effort",
                                    segment=segment)
    assert any(r["pinned_rank"] for r in by_column) and any(r["status"] == "shipped" for r in by_column)
    assert any(r["unscored_reason"] for r in by_column)
    assert by_column == by_row


def test_rounding_by_distinct_value_is_pythons_rounding():
    rng = np.random.default_rng(3)
    values = np.concatenate([rng.random(500) * 1000, rng.integers(0, 50, 500).astype(float) / 3,
                             [np.nan, np.inf, -np.inf, 0.0, -0.0, 2.675, 1e300, 5e-324, 0.12345]])
    assert rounded(values) == [None if not math.isfinite(x) else round(x, 4) for x in values.tolist()]
    assert rounded(values, 2) == [None if not math.isfinite(x) else round(x, 2) for x in values.tolist()]
    assert rounded(np.array([])) == []
