"""Explanations as data: each factor's value as shown, where it came from, its unit and share; the counts behind."""

from __future__ import annotations

from planner import ops
from planner.scoring import score_items

TODAY = "2026-11-01"


def test_rice_factors_carry_text_source_unit_and_log_share(ws):
    ops.add_item(ws, title="Intercom", reach=500, impact=3, confidence=90, effort=2)
    row = score_items(ws, today=TODAY, stability=False)[0]
    assert row["score"] == 675
    got = {f["name"]: f for f in row["factors"]}
    assert [f["name"] for f in row["factors"]] == ["reach", "impact", "confidence", "effort"]
    assert (got["reach"]["text"], got["reach"]["unit"]) == ("500 companies", "companies")
    assert got["reach"]["source"] == "typed by hand; typed by hand, taken as companies"
    assert (got["impact"]["text"], got["confidence"]["text"], got["effort"]["text"]) == ("3 (massive)", "90%", "2 person-months")
    # log 675 = log 500 + log 3 + log 0.9 - log 2: each term over the sum of their sizes, signed.
    assert [got[n]["share"] for n in ("reach", "impact", "confidence", "effort")] == [0.766, 0.135, -0.013, -0.085]


def test_a_missing_estimate_is_said_and_has_no_share(ws):
    ops.add_item(ws, title="No effort", reach=10, impact=1, confidence=100)
    row = score_items(ws, today=TODAY, stability=False)[0]
    effort = row["factors"][3]
    assert (effort["text"], effort["source"], effort["share"]) == ("?", "missing", None)
    assert all(f["share"] is None for f in row["factors"])


def test_wsjf_shares_are_parts_of_the_cost_of_delay(ws):
    ops.add_item(ws, title="W", wsjf_value=10, wsjf_time=6, wsjf_risk=4, wsjf_size=2)
    row = score_items(ws, method="wsjf", today=TODAY, stability=False)[0]
    assert [f["share"] for f in row["factors"]] == [0.5, 0.3, 0.2, None]


def test_counts_list_what_stands_behind_the_score(ws, ask):
    ops.upsert_company(ws, name="Acme", mrr=1200)
    item = ops.add_item(ws, title="X", impact=1, confidence=100, effort=1, reach_mode="companies")
    ask(item["id"], company="Acme", person="ann")
    ask(item["id"], person="solo")
    ask(item["id"], company="Acme", person="bob", created="2023-01-01")
    counts = {c["name"]: c for c in score_items(ws, today=TODAY, stability=False)[0]["counts"]}
    assert list(counts) == ["requests", "companies", "older requests not counted", "MRR"]
    assert counts["requests"]["value"] == 2 and counts["requests"]["text"].startswith("2 requests from 2 people")
    assert counts["companies"]["text"] == "1 company and 1 requester without a company"
    # the same figures as fields, for a window that words them in its own language
    assert {k: counts["requests"][k] for k in ("people", "window_days", "segment")} == {
        "people": 2, "window_days": 365, "segment": None}
    assert counts["requests"]["since"] < TODAY and counts["companies"]["without_company"] == 1
    assert counts["older requests not counted"]["value"] == 1
    assert counts["MRR"]["text"] == "MRR 1,200"
