"""Hostile numbers and text: refused when typed, harmless when found in a hand-edited workspace."""

from __future__ import annotations

import math
import sqlite3

import pytest

from planner import ops
from planner.errors import NotFoundError, ValidationError
from planner.scoring import METHODS, score_items
from planner.scoring.explain import fmt
from planner.storage import open_workspace

TODAY = "2026-11-23"


def _rows_by_title(rows):
    return {r["title"]: r for r in rows}


# ---------------------------------------------------------------- typed values are refused


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("effort", 1e-320, "Effort must be more than 0 person-months: from 0.05 to 1000; got 1e-320."),
        ("effort", 0.01, "Effort must be more than 0 person-months: from 0.05 to 1000; got 0.01."),
        ("effort", 1001, "Effort must be more than 0 person-months: from 0.05 to 1000; got 1001."),
        ("effort", float("inf"), "Effort must be a finite number, more than 0 person-months: from 0.05 to 1000; got inf."),
        ("effort", "nan", "Effort must be a finite number, more than 0 person-months: from 0.05 to 1000; got 'nan'."),
        ("reach", 1e308, "Reach must be from 0 to 1,000,000,000; got 1e+308."),
        ("reach", -1, "Reach must be from 0 to 1,000,000,000; got -1."),
        ("reach", float("nan"), "Reach must be a finite number, from 0 to 1,000,000,000; got nan."),
        ("value", 2e9, "Value must be from 0 to 1,000,000,000; got 2000000000.0."),
        ("value", "-inf", "Value must be a finite number, from 0 to 1,000,000,000; got '-inf'."),
        ("confidence", float("nan"), "Confidence must be a finite number, a percentage from 0 to 100; got nan."),
    ],
)
def test_an_estimate_outside_its_sane_range_is_refused_naming_the_field_and_range(ws, dump, field, value, message):
    item = ops.add_item(ws, title="X", effort=1, reach=10, value=5, confidence=50)
    before = dump(ws)
    with pytest.raises(ValidationError) as caught:
        ops.edit_item(ws, item["id"], **{field: value})
    assert str(caught.value) == message
    assert dump(ws) == before


def test_the_edges_of_each_range_are_accepted(ws):
    item = ops.add_item(ws, title="X", effort=0.05, reach=0, value=1e9)
    assert (item["effort"], item["reach_manual"], item["value"]) == (0.05, 0, 1e9)
    item = ops.edit_item(ws, item["id"], effort=1000, reach=1e9, value=0)
    assert (item["effort"], item["reach_manual"], item["value"]) == (1000, 1e9, 0)


def test_votes_beyond_a_billion_are_refused(ws):
    with pytest.raises(ValidationError, match=r"^Votes is a whole number from 0 to 1,000,000,000; got 10000000000\.$"):
        ops.add_request(ws, title="Dark mode", votes=10**10)
    assert ops.list_requests(ws) == []


def test_a_pinned_rank_past_64_bits_is_refused_in_one_sentence(ws):
    item = ops.add_item(ws, title="X", pin_rationale="board decision")
    with pytest.raises(ValidationError) as caught:
        ops.edit_item(ws, item["id"], pinned_rank=99999999999999999999)
    assert str(caught.value) == "A pinned rank is a whole number from 1 to 1,000,000; got 99999999999999999999."
    assert ops.get_item(ws, item["id"])["pinned_rank"] is None


def test_an_id_past_64_bits_is_simply_not_there(ws):
    with pytest.raises(NotFoundError, match=r"^There is no item 99999999999999999999\."):
        ops.get_item(ws, 99999999999999999999)
    with pytest.raises(NotFoundError, match=r"^There is no request 99999999999999999999\."):
        ops.request(ws, 99999999999999999999)


def test_a_title_with_an_undecodable_byte_is_refused_and_nothing_is_stored(ws):
    with pytest.raises(ValidationError) as caught:
        ops.add_item(ws, title="\udcff")
    assert str(caught.value) == "The title is not valid text (it holds a byte that is not UTF-8); type it again."
    with pytest.raises(ValidationError, match="^The title is not valid text"):
        ops.add_request(ws, title="ok \udcff")
    with pytest.raises(ValidationError, match="^The company name is not valid text"):
        ops.upsert_company(ws, name="Acme \udce9")
    assert ops.list_items(ws) == [] and ops.list_requests(ws) == [] and ops.list_companies(ws) == []


def test_a_unicode_title_is_kept_as_typed(ws):
    item = ops.add_item(ws, title="Überblick für 東京 ✓")
    assert ops.get_item(ws, item["id"])["title"] == "Überblick für 東京 ✓"


# ---------------------------------------------------------------- stored values are survived


def _hand_edited(tmp_path, sql: str, params=(), **item):
    """A workspace with one scorable item "Bad" and one "Good", then `sql` run on the file as a hand edit would."""
    path = tmp_path / "hand-edited.db"
    ws = open_workspace(path)
    ops.add_item(ws, title="Bad", reach=100, impact=1, confidence=100, effort=1, value=5, **item)
    ops.add_item(ws, title="Good", reach=10, impact=1, confidence=100, effort=1, value=5)
    ws.close()
    con = sqlite3.connect(path)
    con.execute(sql, params)
    con.commit()
    con.close()
    return open_workspace(path)


@pytest.mark.parametrize("effort", [1e-320, 1e-9, float("inf"), 5000.0])
def test_a_stored_effort_outside_its_range_leaves_the_item_unscored_with_the_reason(tmp_path, effort):
    ws = _hand_edited(tmp_path, "UPDATE items SET effort = ? WHERE title = 'Bad'", [effort])
    try:
        for method in METHODS:
            rows = score_items(ws, method=method, today=TODAY)
            assert all(r["score"] is None or math.isfinite(r["score"]) for r in rows)
        for method in ("rice", "value-effort"):
            got = _rows_by_title(score_items(ws, method=method, today=TODAY))
            assert got["Bad"]["score"] is None and got["Bad"]["rank"] is None
            assert got["Bad"]["unscored_reason"] == "effort is outside 0.05\u20131000"
            assert got["Bad"]["explanation"].startswith("Unscored: effort is outside 0.05\u20131000.")
            assert got["Good"]["rank"] == 1
    finally:
        ws.close()


@pytest.mark.parametrize("reach", [1e308, float("inf"), -5.0, 2e9])
def test_a_stored_manual_reach_outside_its_range_leaves_the_item_unscored_with_the_reason(tmp_path, reach):
    ws = _hand_edited(tmp_path, "UPDATE items SET reach_manual = ? WHERE title = 'Bad'", [reach])
    try:
        got = _rows_by_title(score_items(ws, today=TODAY))
        assert got["Bad"]["score"] is None and got["Bad"]["reach"] is None
        assert got["Bad"]["unscored_reason"] == "reach is outside 0\u20131,000,000,000"
        assert got["Bad"]["explanation"].startswith("Unscored: reach is outside 0\u20131,000,000,000.")
        assert got["Good"]["score"] == 10 and got["Good"]["rank"] == 1
    finally:
        ws.close()


def test_a_stored_value_outside_its_range_is_not_replaced_by_demand(tmp_path):
    ws = _hand_edited(tmp_path, "UPDATE items SET value = 1e300 WHERE title = 'Bad'")
    try:
        got = _rows_by_title(score_items(ws, method="value-effort", today=TODAY))
        assert got["Bad"]["score"] is None and got["Bad"]["value"] is None
        assert got["Bad"]["unscored_reason"] == "value is outside 0\u20131,000,000,000"
    finally:
        ws.close()


def test_a_score_too_large_for_a_float_is_unscored_not_infinite(ws):
    """MRR is not bounded when typed; a reach of 1e308 MRR times impact 3 overflows."""
    item = ops.add_item(ws, title="Huge", impact=3, confidence=100, effort=1, reach_mode="mrr")
    ops.upsert_company(ws, name="Giant", mrr=1e308)
    request = ops.add_request(ws, title="Please", company="Giant", created_at="2026-11-01")
    ops.link_request(ws, request["id"], item["id"])
    row = score_items(ws, today=TODAY)[0]
    assert row["title"] == "Huge"
    assert row["score"] is None and row["rank"] is None
    assert row["unscored_reason"] == "the numbers are too large to give a score"
    assert row["explanation"].startswith("Unscored: the numbers are too large to give a score.")


def test_numbers_past_a_float_are_formatted_not_raised():
    assert fmt(float("inf")) == "infinite"
    assert fmt(float("-inf")) == "minus infinite"
    assert fmt(float("nan")) == "?"
    assert fmt(1e-320) == "0"
    assert fmt(12300.456) == "12,300.46"


# ---------------------------------------------------------------- segments


def test_an_unknown_segment_is_refused_listing_the_known_ones(ws):
    from planner.scoring.score import check_segment

    ops.upsert_company(ws, name="Acme", segment="Enterprise")
    ops.upsert_company(ws, name="Bit", segment="smb")
    with pytest.raises(NotFoundError) as caught:
        check_segment(ws, "Enterprize")
    assert str(caught.value) == "There is no segment 'Enterprize'. Known segments: Enterprise, smb, or 'all'."
    check_segment(ws, "ENTERPRISE")  # the scorer matches segments whatever their case
    check_segment(ws, "all")
    check_segment(ws, None)


def test_a_segment_in_a_workspace_without_segments_says_so(ws):
    from planner.scoring.score import check_segment

    with pytest.raises(NotFoundError) as caught:
        check_segment(ws, "smb")
    assert str(caught.value) == "There is no segment 'smb'. No company has a segment yet: use 'all'."


def test_an_infinite_metric_value_leaves_only_that_item_unscored(tmp_path):
    from planner.scoring.metrics import add_template

    path = tmp_path / "metric.db"
    ws = open_workspace(path)
    name = add_template(ws, "aarrr")[0]
    metric = next(ws.db["metrics"].rows_where("name = ?", [name]))
    ops.add_item(ws, title="From metric", impact=1, confidence=100, effort=1, metric_id=metric["id"], reach_mode="metric")
    ops.add_item(ws, title="Typed", reach=1e9, impact=1, confidence=100, effort=1)
    ws.close()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO metric_values (metric_id, period, value) VALUES (?, '2026-10', ?)", [metric["id"], float("inf")])
    con.execute("UPDATE items SET reach_manual = 5e9 WHERE title = 'Typed'")
    con.commit()
    con.close()
    ws = open_workspace(path)
    try:
        got = _rows_by_title(score_items(ws, today=TODAY))
        assert got["From metric"]["score"] is None
        assert got["From metric"]["unscored_reason"] == "reach is not a usable number"
        assert got["Typed"]["score"] is None
        assert got["Typed"]["unscored_reason"] == "reach is outside 0\u20131,000,000,000"
    finally:
        ws.close()
