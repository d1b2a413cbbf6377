"""Explained rows built a column at a time are the rows the item-by-item builder makes: key for key, in order,
word for word."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from planner import ops
from planner.scoring import reach, score_items, set_scoring_settings
from planner.scoring.explained_rows import _round3, explained_rows
from planner.scoring.reach import cache_lock
from planner.scoring.score import _RowMaker, compute, resolve_params

TODAY = "2026-11-23"


def _both(ws, stability=False, **overrides) -> tuple[list, list]:
    """(rows from `explained_rows`, rows from `_RowMaker.entry(explain=True)`) of one rescore, item for item."""
    params = resolve_params(ws, today=TODAY, **overrides)
    with cache_lock(ws):
        s = compute(ws, params, with_stability=stability)
    everyone = np.arange(len(s.ids))
    maker = _RowMaker(s, everyone, True)
    return explained_rows(s, everyone), [maker.entry(k, i) for k, i in enumerate(everyone.tolist())]


def _assert_same(by_column: list, by_row: list) -> None:
    assert len(by_column) == len(by_row)
    for a, b in zip(by_column, by_row):
        assert list(a) == list(b)  # the same keys, in the same order
        # As the command line prints them: every number, every word, every nested key in its place.
        assert json.dumps(a) == json.dumps(b), {k: (a[k], b[k]) for k in a if a[k] != b[k]}


@pytest.mark.parametrize("method", ["rice", "value-effort", "ice", "wsjf"])
@pytest.mark.parametrize("unit", ["auto", "companies", "people", "mrr", "users"])
def test_the_demos_explained_rows_are_the_same_either_way(demo_ws, method, unit):
    set_scoring_settings(demo_ws, reach_unit=unit)
    by_column, by_row = _both(demo_ws, method=method)
    assert len(by_column) > 20 and all(r["explanation"] for r in by_column)
    _assert_same(by_column, by_row)


def test_pins_closed_items_segments_stability_and_a_formula_word_the_same_either_way(demo_ws):
    rows = score_items(demo_ws, today=TODAY, explain=False)
    ops.pin(demo_ws, rows[-1]["id"], rank=2, rationale="promised")
    ops.pin(demo_ws, rows[3]["id"], rank=1, rationale="board ask")
    ops.edit_item(demo_ws, rows[0]["id"], status="shipped")
    ops.edit_item(demo_ws, rows[1]["id"], status="wont_do")
    ops.add_item(demo_ws, title="Not estimated yet")
    segment = next(s for r in rows for s in r["segments"])
    for overrides in ({"method": "rice"}, {"method": "value-effort"}, {"method": "rice", "segment": segment},
                      {"method": "value-effort", "segment": segment, "window_days": 30},
                      {"method": "custom", "formula": "requests * impact / effort"}, {"method": "ice"}):
        by_column, by_row = _both(demo_ws, stability=True, **overrides)
        assert any(r["pinned_rank"] for r in by_column) and any(r["status"] == "shipped" for r in by_column)
        assert any(r["unscored_reason"] for r in by_column)
        _assert_same(by_column, by_row)
    texts = " ".join(r["explanation"] for r in _both(demo_ws, stability=True, method="rice")[0])
    assert "Pinned at rank" in texts and "Shipped: kept out of the ranking." in texts
    assert "of simulated estimates" in texts


def test_reach_that_cannot_be_counted_in_the_unit_is_worded_the_same_either_way(ws, ask):
    """Users without users per customer: demand is ranked apart, its words say why, in both builders."""
    by_requests = ops.add_item(ws, title="Export", reach_mode="requests", impact=2.0, confidence=80.0, effort=3.0)["id"]
    by_mrr = ops.add_item(ws, title="SSO", reach_mode="mrr", impact=1.0, confidence=50.0, effort=1.0)["id"]
    typed = ops.add_item(ws, title="Typed", reach_mode="manual", reach_manual=120.0, impact=0.5, confidence=100.0,
                         effort=0.5)["id"]
    lonely = ops.add_item(ws, title="Nobody asked", reach_mode="companies", impact=3.0, confidence=100.0,
                          effort=2.0, value=7.0)["id"]
    ops.upsert_company(ws, name="Acme", segment="Enterprise", mrr=1200.0)
    ops.upsert_company(ws, name="Beta", segment="SMB", mrr=300.0)
    ask(by_requests, company="Acme", person="ann@acme.test", importance="critical")
    ask(by_requests, person="solo@example.test", created="2024-01-01")
    ask(by_mrr, company="Beta", person="bo@beta.test")
    ask(by_mrr, company="Acme", person="ann@acme.test", importance="nice_to_have")
    ask(typed, company="Beta", person="cy@beta.test")
    assert lonely
    for unit in ("users", "people", "mrr", "companies"):
        set_scoring_settings(ws, reach_unit=unit)
        for method in ("rice", "value-effort"):
            by_column, by_row = _both(ws, method=method)
            _assert_same(by_column, by_row)
            if unit == "users" and method == "value-effort":
                assert any(r["ranked_apart"] for r in by_column)
                assert any("Not comparable" in r["explanation"] for r in by_column)
    set_scoring_settings(ws, reach_unit="users")
    _assert_same(*_both(ws, method="rice", segment="Enterprise"))


def test_rounding_shares_to_three_places_is_pythons_rounding():
    rng = np.random.default_rng(5)
    halves = np.array([k / 1000 + 0.0005 for k in range(-1000, 1000)])  # the floats nearest the halves
    values = np.concatenate([rng.random(3000) * 2 - 1, halves, np.nextafter(halves, 2), np.nextafter(halves, -2),
                             [0.0, -0.0, 1.0, -1.0, 0.0005, -0.0005, 0.0015, 0.1235, 2.675e-3, 5e-324, -5e-324]])
    expected = [round(x, 3) + 0.0 for x in values.tolist()]
    got = _round3(values)
    assert got == expected
    assert all(math.copysign(1, a) == math.copysign(1, b) for a, b in zip(got, expected))  # never a -0.0


@pytest.mark.parametrize("method", ["rice", "value-effort", "ice", "wsjf"])
def test_explained_rows_kept_after_edits_are_the_rows_built_afresh(demo_ws, method):
    """After an edit only the rows it touches are worded again: the rest, with their new ranks, read as a full
    rescore in a new process words them."""
    rows = score_items(demo_ws, today=TODAY, method=method, stability=False)
    ops.edit_item(demo_ws, rows[-1]["id"], effort=0.5, impact=3.0)
    ops.pin(demo_ws, rows[5]["id"], rank=1, rationale="board ask")
    request = demo_ws.db.execute("SELECT id FROM requests ORDER BY id LIMIT 1").fetchone()[0]
    ops.link_request(demo_ws, request, rows[10]["id"], importance="critical")
    kept = score_items(demo_ws, today=TODAY, method=method, stability=False)
    with pytest.raises(TypeError, match="shared with the next rescore"):
        kept[0]["explanation"] = "changed by a caller"  # the rows kept for the next call refuse changes
    mine = dict(kept[0])
    mine["explanation"] = "changed by a caller"  # a copy is the caller's own
    kept = score_items(demo_ws, today=TODAY, method=method, stability=False)
    reach.forget(demo_ws)
    afresh = score_items(demo_ws, today=TODAY, method=method, stability=False)
    pinned = next(r for r in kept if r["id"] == rows[5]["id"])
    assert "Pinned at rank" in pinned["explanation"] and kept[0]["explanation"] != "changed by a caller"
    assert json.dumps(kept) == json.dumps(afresh)


def test_a_shared_row_refuses_every_change_and_reads_as_a_dict(demo_ws):
    import pickle

    row = score_items(demo_ws, today=TODAY, stability=False)[0]
    before = dict(row)
    for change in (lambda r: r.__setitem__("score", 0), lambda r: r.__delitem__("score"), lambda r: r.update(score=0),
                   lambda r: r.pop("score"), lambda r: r.popitem(), lambda r: r.clear(),
                   lambda r: r.setdefault("new", 1), lambda r: r.__ior__({"score": 0})):
        with pytest.raises(TypeError, match="shared with the next rescore"):
            change(row)
    assert row == before
    assert type(row.copy()) is dict and type(dict(row)) is dict
    assert json.loads(json.dumps(row)) == json.loads(json.dumps(before))
    assert pickle.loads(pickle.dumps(row)) == before
