"""Zero demand, zero value: value/effort's value from demand is 0 for an item nobody asked for."""

from __future__ import annotations

from datetime import date

import numpy as np

from planner import ops
from planner.demo import load_demo
from planner.scoring import methods, score_items

TODAY = "2026-11-01"
RESEARCH = "Research: usage-based pricing signals"


def test_the_demos_research_item_with_no_requests_gets_no_value(ws):
    load_demo(ws, today=date(2026, 11, 1))
    rows = score_items(ws, method="value-effort", today=TODAY, stability=False)
    research = next(r for r in rows if r["title"] == RESEARCH)
    assert research["requests"] == 0
    assert research["value"] == 0 and research["score"] == 0
    # Every item with demand is above it: before, its typed reach alone made it 10/10 and 7th.
    asked = [r for r in rows if r["requests"] and r["score"] is not None and r["status"] not in ("shipped", "wont_do")]
    assert asked and all(r["rank"] < research["rank"] for r in asked)
    assert "none: 0, the busiest: 10" in research["factors"][0]["source"]


def test_a_lone_item_with_no_demand_gets_0_not_10(ws):
    ops.add_item(ws, title="Alone", effort=1, reach_mode="companies")
    row = score_items(ws, method="value-effort", today=TODAY, stability=False)[0]
    assert (row["value"], row["score"]) == (0, 0)


def test_a_typed_reach_is_no_demand(ws, ask):
    ops.add_item(ws, title="Typed", effort=1, reach=5000, impact=1, confidence=100)
    asked = ops.add_item(ws, title="Asked", effort=1, reach_mode="companies")
    ask(asked["id"], company="Acme")
    rows = {r["title"]: r for r in score_items(ws, method="value-effort", today=TODAY, stability=False)}
    assert rows["Typed"]["value"] == 0 and rows["Asked"]["value"] == 10


def test_the_scale_is_0_for_none_10_for_the_busiest_and_log_between():
    signal = np.array([0.0, 1.0, 3.0, 15.0, np.nan, 0.0])
    groups = np.array(["a", "a", "a", "a", "a", "b"])
    got = methods.scale_0_to_10(signal, groups)
    assert got[0] == 0 and got[3] == 10 and np.isnan(got[4]) and got[5] == 0  # a group where nobody asks: all 0
    assert got[1] == round(10 * np.log(2) / np.log(16), 1) == 2.5 and got[2] == 5.0
