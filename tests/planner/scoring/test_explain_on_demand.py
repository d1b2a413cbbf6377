"""Rows without their words, and one item's words when it is shown: the same figures as the full rows."""

from __future__ import annotations

import copy

import pytest

from planner import ops
from planner.errors import NotFoundError
from planner.scoring import explain_row, score_items

TODAY = "2026-11-01"
WORDS = ("explanation", "factors", "counts")


@pytest.fixture
def backlog(ws, ask):
    ids = []
    for n, (reach, effort) in enumerate(((29, 4), (135, 2), (None, 3), (1351, 2), (50, None))):
        fields = dict(impact=1.0, confidence=100.0, effort=effort, ice_impact=n + 1.0, ice_confidence=5.0,
                      ice_ease=2.0, wsjf_value=3.0, wsjf_time=2.0, wsjf_risk=1.0, wsjf_size=5.0)
        if reach is not None:
            fields["reach"] = reach
        ids.append(ops.add_item(ws, title=f"Item {n}", **fields)["id"])
    for n, company in enumerate(("Acme", "Beta", "Acme", None)):
        ask(ids[2], company=company, person=f"p{n}", importance="critical")
    ask(ids[2], company="Core", created="2024-01-05")  # before the window: said, not counted
    ops.pin(ws, ids[3], rank=1, rationale="promised to Acme")
    return ids


@pytest.mark.parametrize("method", ["rice", "value-effort", "ice", "wsjf"])
def test_rows_without_words_are_the_full_rows_less_their_words(ws, backlog, method):
    full = score_items(ws, today=TODAY, method=method, stability=False)
    bare = score_items(ws, today=TODAY, method=method, stability=False, explain=False)
    assert [r["id"] for r in bare] == [r["id"] for r in full]
    inputs = {"ice": ("ice_impact", "ice_confidence", "ice_ease"),
              "wsjf": ("wsjf_value", "wsjf_time", "wsjf_risk", "wsjf_size")}.get(method, ())
    for f, b in zip(full, bare):
        assert not set(WORDS) & set(b)
        assert {k: v for k, v in b.items() if k not in inputs} == {k: v for k, v in f.items() if k not in WORDS}
        for key in inputs:  # the backlog's ICE and WSJF columns: the values the factors show
            assert b[key] == next(x["value"] for x in f["factors"] if x["name"] == key.split("_", 1)[1].replace(
                "value", "business value").replace("time", "time criticality").replace("risk", "risk reduction")
                .replace("size", "job size"))


def test_one_items_words_are_those_of_its_full_row(ws, backlog):
    full = {r["id"]: r for r in score_items(ws, today=TODAY, stability=False)}
    score_items(ws, today=TODAY, stability=False, explain=False)
    for item_id, row in full.items():
        assert explain_row(ws, item_id, today=TODAY, stability=False) == row
    assert "Pinned at rank 1" in explain_row(ws, backlog[3], today=TODAY, stability=False)["explanation"]
    assert any(c["name"] == "older requests not counted"
               for c in explain_row(ws, backlog[2], today=TODAY, stability=False)["counts"])
    with pytest.raises(NotFoundError):
        explain_row(ws, 999, today=TODAY, stability=False)


def test_after_an_edit_the_words_follow_the_edit(ws, backlog):
    score_items(ws, today=TODAY, stability=False, explain=False)
    before = explain_row(ws, backlog[0], today=TODAY, stability=False)["explanation"]
    ops.edit_item(ws, backlog[0], effort=1.0)
    after = explain_row(ws, backlog[0], today=TODAY, stability=False)["explanation"]
    assert before.startswith("RICE 7.25 = ") and after.startswith("RICE 29.00 = ")
    # Shown words stay those of the rows on screen until the next rescore replaces them.
    ops.edit_item(ws, backlog[0], effort=2.0)
    assert explain_row(ws, backlog[0], today=TODAY, stability=False, as_shown=True)["explanation"] == after
    assert explain_row(ws, backlog[0], today=TODAY, stability=False)["explanation"].startswith("RICE 14.50 = ")


def test_rows_handed_out_are_never_changed_by_a_later_rescore(ws, backlog):
    first = score_items(ws, today=TODAY, stability=False, explain=False)
    kept = copy.deepcopy(first)
    ops.edit_item(ws, backlog[1], effort=0.5)  # climbs to the top: every other rank moves
    second = score_items(ws, today=TODAY, stability=False, explain=False)
    assert first == kept
    assert [r["id"] for r in second][:2] == [backlog[3], backlog[1]]  # the pin first, then the climber
    assert second == [{k: v for k, v in r.items() if k not in WORDS}
                      for r in score_items(ws, today=TODAY, stability=False)]
