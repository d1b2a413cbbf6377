"""One unit per ranking: reach from another kind of source is converted (and says how) or ranked apart."""

from __future__ import annotations

import pytest

from planner import ops
from planner.errors import ValidationError
from planner.scoring import get_scoring_settings, score_items, set_scoring_settings
from planner.storage import demand

TODAY = "2026-11-01"


def by_title(rows):
    return {r["title"]: r for r in rows}


@pytest.fixture
def mixed(ws, ask):
    """Four companies; items whose reach comes from companies, people, a metric and MRR."""
    for name, mrr in (("Acme", 5000), ("Beta", 1000), ("Gamma", 200), ("Delta", 100)):
        ops.upsert_company(ws, name=name, mrr=mrr)
    companies = ops.add_item(ws, title="By companies", impact=1, confidence=100, effort=1, reach_mode="companies")
    for name in ("Acme", "Beta", "Gamma"):
        ask(companies["id"], company=name)
    people = ops.add_item(ws, title="By people", impact=1, confidence=100, effort=1, reach_mode="requests")
    for person in ("ann", "bob", "cy", "dee"):  # four people at two companies
        ask(people["id"], company="Acme" if person in ("ann", "bob") else "Beta", person=person)
    metric_id, _ = demand.ensure_metric(ws, name="WAU", unit="users")
    demand.upsert_metric_values(ws, [(metric_id, "2026-10-01", "", 2000.0)])
    metric = ops.add_item(ws, title="By metric", impact=1, confidence=100, effort=1)
    ops.edit_item(ws, metric["id"], reach_mode="metric", metric_id=metric_id, metric_share=0.5)
    money = ops.add_item(ws, title="By MRR", impact=1, confidence=100, effort=1, reach_mode="mrr")
    ask(money["id"], company="Acme")
    return ws


def test_ranking_in_companies_converts_people_and_metric_users_and_ranks_mrr_apart(mixed):
    set_scoring_settings(mixed, reach_unit="companies")
    rows = score_items(mixed, today=TODAY, stability=False)
    got = by_title(rows)
    # Counted in companies already: as is.
    assert got["By companies"]["reach"] == 3 and got["By companies"]["reach_converted"] is None
    # Four people at two companies: two companies, and it says so.
    assert got["By people"]["reach"] == 2
    assert got["By people"]["reach_converted"].startswith("4 people asking counted as 2 companies")
    # 2,000 weekly users x 50 % / (2,000 users / 4 companies) = 2 companies.
    assert got["By metric"]["reach"] == 2 and got["By metric"]["comparable"] is True
    assert "2,000 users x 50% / 500 users per customer (2,000 users / 4 companies)" in got["By metric"]["reach_converted"]
    # MRR cannot become a count: flagged, with the reason, and ranked after every comparable item although
    # its own figure (5,000) is far above theirs.
    assert got["By MRR"]["comparable"] is False and got["By MRR"]["reach"] == 5000
    assert got["By MRR"]["not_comparable_reason"] == "MRR is money and cannot be counted as companies"
    assert [r["title"] for r in rows] == ["By companies", "By people", "By metric", "By MRR"]
    assert got["By MRR"]["rank"] == 4
    assert all(r["reach_unit"] == "companies" for r in rows)
    assert "Not comparable: MRR is money and cannot be counted as companies; ranked after" in got["By MRR"]["explanation"]
    assert "In companies, the ranking's unit: 4 people asking counted as 2 companies" in got["By people"]["explanation"]
    assert not any("Mind the unit" in r["explanation"] for r in rows)


def test_ranking_in_people_converts_companies_and_flags_metric_users(mixed):
    set_scoring_settings(mixed, reach_unit="people")
    got = by_title(score_items(mixed, today=TODAY, stability=False))
    assert got["By people"]["reach"] == 4 and got["By people"]["reach_converted"] is None
    assert got["By companies"]["reach"] == 3  # three companies, one person each
    assert "3 companies asking counted as the 3 people who asked" in got["By companies"]["reach_converted"]
    for title in ("By metric", "By MRR"):
        assert got[title]["comparable"] is False and got[title]["rank"] in (3, 4)
    assert "users of a metric are not people asking" in got["By metric"]["not_comparable_reason"]


def test_users_per_customer_setting_states_the_conversion(mixed):
    set_scoring_settings(mixed, reach_unit="companies", users_per_customer=250)
    metric = by_title(score_items(mixed, today=TODAY, stability=False))["By metric"]
    assert metric["reach"] == 4  # 2,000 x 50 % / 250
    assert "/ 250 users per customer (the scoring setting)" in metric["reach_converted"]


def test_ranking_in_metric_users_multiplies_companies_by_users_per_customer(mixed):
    set_scoring_settings(mixed, reach_unit="users")
    got = by_title(score_items(mixed, today=TODAY, stability=False))
    assert got["By metric"]["reach"] == 1000 and got["By metric"]["reach_converted"] is None
    assert got["By companies"]["reach"] == 1500  # 3 companies x (2,000 / 4) users per customer
    assert got["By people"]["reach"] == 1000  # 2 companies x 500
    assert got["By MRR"]["comparable"] is False


def test_a_typed_reach_is_taken_in_the_rankings_unit(ws):
    ops.add_item(ws, title="Typed", reach=40, impact=1, confidence=100, effort=1)
    row = score_items(ws, today=TODAY, stability=False)[0]
    assert row["reach"] == 40 and row["comparable"] is True
    assert row["reach_converted"] == "typed by hand, taken as companies"


def test_the_default_unit_is_that_of_most_reach_sources(ws):
    for n in range(3):
        ops.add_item(ws, title=f"p{n}", impact=1, confidence=100, effort=1, reach_mode="requests")
    ops.add_item(ws, title="c", impact=1, confidence=100, effort=1, reach_mode="companies")
    assert get_scoring_settings(ws)["reach_unit"] is None
    assert {r["reach_unit"] for r in score_items(ws, today=TODAY, stability=False)} == {"people"}
    set_scoring_settings(ws, reach_unit="auto")
    assert get_scoring_settings(ws)["reach_unit"] is None


def test_ice_and_wsjf_never_rank_an_item_apart_for_its_reach(mixed):
    set_scoring_settings(mixed, reach_unit="companies")
    for item in ops.list_items(mixed):
        ops.edit_item(mixed, item["id"], ice_impact=5, ice_confidence=5, ice_ease=5 if item["title"] != "By MRR" else 9)
    rows = score_items(mixed, method="ice", today=TODAY, stability=False)
    assert rows[0]["title"] == "By MRR" and rows[0]["ranked_apart"] is False


@pytest.mark.parametrize("value, message", [
    ("furlongs", "The reach unit must be one of companies, people, mrr, users"),
])
def test_an_unknown_unit_is_refused_with_the_choices(ws, value, message):
    with pytest.raises(ValidationError, match=message):
        set_scoring_settings(ws, reach_unit=value)


@pytest.mark.parametrize("value", [0, -3, "many"])
def test_users_per_customer_must_be_a_positive_number(ws, value):
    with pytest.raises(ValidationError, match="Users per customer"):
        set_scoring_settings(ws, users_per_customer=value)
