from __future__ import annotations

import json
import math

import numpy as np
import pytest

from planner import ops
from planner.errors import ValidationError
from planner.scoring import METHODS, explain_item, get_scoring_settings, score_items, set_scoring_settings
from planner.scoring import methods, reach
from planner.storage import demand

TODAY = "2026-11-01"
JSON_KEYS = ["id", "title", "method", "score", "rank", "reach", "reach_source", "impact", "confidence", "effort",
             "value", "requests", "companies", "mrr", "quadrant", "single_customer", "rank_stability", "explanation"]


def by_title(rows):
    return {r["title"]: r for r in rows}


# ---------------------------------------------------------------- the methods

def test_intercom_worked_examples_score_675_400_800_and_rank_800_675_400(ws):
    ops.add_item(ws, title="A", reach=450, impact=3, confidence=100, effort=2)
    ops.add_item(ws, title="B", reach=2000, impact=1, confidence=80, effort=4)
    ops.add_item(ws, title="C", reach=800, impact=2, confidence=50, effort=1)
    rows = score_items(ws, today=TODAY)
    assert [(r["title"], r["score"], r["rank"]) for r in rows] == [("C", 800, 1), ("A", 675, 2), ("B", 400, 3)]
    assert rows[1]["explanation"].startswith("RICE 675 = reach 450 x impact 3 (massive) x confidence 100% / effort 2")


def test_wsjf_is_cost_of_delay_over_job_size(ws):
    item = ops.add_item(ws, title="W", wsjf_value=7, wsjf_time=9, wsjf_risk=5, wsjf_size=2)
    rows = score_items(ws, method="wsjf", today=TODAY)
    assert rows[0]["id"] == item["id"] and rows[0]["score"] == 10.5
    assert "(value 7 + time criticality 9 + risk reduction 5) / job size 2" in rows[0]["explanation"]


def test_ice_multiplies_its_three_parts(ws):
    ops.add_item(ws, title="I", ice_impact=8, ice_confidence=5, ice_ease=3)
    assert score_items(ws, method="ice", today=TODAY)[0]["score"] == 120


def test_every_method_is_computed_side_by_side(ws):
    ops.add_item(ws, title="A", reach=450, impact=3, confidence=100, effort=2, value=6,
                 ice_impact=8, ice_confidence=5, ice_ease=3, wsjf_value=7, wsjf_time=9, wsjf_risk=5, wsjf_size=2)
    row = score_items(ws, today=TODAY)[0]
    # "custom": the workspace's own formula, none written here (tests/planner/scoring/test_formula.py)
    assert row["scores"] == {"rice": 675, "value-effort": 3, "ice": 120, "wsjf": 10.5, "custom": None}
    assert set(row["scores"]) == set(METHODS)


# ---------------------------------------------------------------- reach from requests

def test_one_company_counts_once_whatever_its_number_of_requests(ws, ask):
    ops.upsert_company(ws, name="Acme", mrr=1000, segment="Enterprise")
    item = ops.add_item(ws, title="SSO", impact=1, confidence=100, effort=1, reach_mode="companies")
    for person in ("ann", "bob", "cy"):
        ask(item["id"], company="Acme", person=person)
    ask(item["id"], company="ACME ", person="ann")  # same company, same person again
    row = score_items(ws, today=TODAY)[0]
    assert (row["requests"], row["companies"], row["reach"], row["mrr"]) == (4, 1, 1, 1000)
    people = score_items(ws, today=TODAY, method="rice")
    ops.edit_item(ws, item["id"], reach_mode="requests")
    assert score_items(ws, today=TODAY)[0]["reach"] == 3  # three people, ann once
    ops.edit_item(ws, item["id"], reach_mode="mrr")
    assert score_items(ws, today=TODAY)[0]["reach"] == 1000
    assert people[0]["explanation"].count("1 company") == 1


def test_weighted_reach_takes_each_companys_highest_importance_once(ws, ask):
    item = ops.add_item(ws, title="X", impact=1, confidence=100, effort=1, reach_mode="weighted")
    ask(item["id"], company="Acme", importance="nice_to_have")
    ask(item["id"], company="Acme", importance="critical")
    ask(item["id"], company="Beta", importance="important")
    ask(item["id"], person="solo@example.com", importance="nice_to_have")
    assert score_items(ws, today=TODAY)[0]["reach"] == 3 + 2 + 1


def test_requests_without_a_company_count_by_requester(ws, ask):
    item = ops.add_item(ws, title="X", impact=1, confidence=100, effort=1, reach_mode="companies")
    ask(item["id"], person="Ann@Example.com")
    ask(item["id"], person="ann@example.com ")
    ask(item["id"], person="bob@example.com")
    row = score_items(ws, today=TODAY)[0]
    assert (row["reach"], row["companies"], row["requests"]) == (2, 0, 3)


def test_window_counts_only_recent_requests(ws, ask):
    item = ops.add_item(ws, title="X", impact=1, confidence=100, effort=1, reach_mode="requests")
    ask(item["id"], person="new", created="2026-10-01")
    ask(item["id"], person="mid", created="2026-03-01T09:30:00+09:00")
    ask(item["id"], person="old", created="2024-01-01")
    assert score_items(ws, today=TODAY)[0]["reach"] == 2
    assert score_items(ws, today=TODAY, window_days=90)[0]["reach"] == 1
    assert score_items(ws, today=TODAY, window_days=3000)[0]["reach"] == 3
    set_scoring_settings(ws, window_days=90)
    row = score_items(ws, today=TODAY)[0]
    assert row["reach"] == 1 and "last 90 days since 2026-08-03" in row["explanation"]


def test_segment_filter_counts_only_that_segments_companies(ws, ask):
    ops.upsert_company(ws, name="Big", segment="Enterprise", mrr=5000)
    ops.upsert_company(ws, name="Small", segment="SMB", mrr=100)
    item = ops.add_item(ws, title="X", impact=1, confidence=100, effort=1, reach_mode="companies")
    ask(item["id"], company="Big")
    ask(item["id"], company="Small")
    ask(item["id"], person="no-company")
    assert score_items(ws, today=TODAY)[0]["reach"] == 3
    row = score_items(ws, today=TODAY, segment="enterprise")[0]
    assert (row["reach"], row["mrr"], row["segments"]) == (1, 5000, ["Enterprise"])
    assert score_items(ws, today=TODAY, segment="Nobody")[0]["reach"] == 0
    set_scoring_settings(ws, segment="SMB")
    assert score_items(ws, today=TODAY)[0]["mrr"] == 100
    assert score_items(ws, today=TODAY, segment="all")[0]["reach"] == 3


def test_duplicate_and_archived_requests_never_count(ws, ask):
    item = ops.add_item(ws, title="X", impact=1, confidence=100, effort=1, reach_mode="requests")
    first = ask(item["id"], person="a")
    second = ask(item["id"], person="b")
    third = ask(item["id"], person="c")
    assert score_items(ws, today=TODAY)[0]["requests"] == 3
    ops.mark_duplicate(ws, second, of=first)
    ops.set_request_status(ws, third, "archived")
    row = score_items(ws, today=TODAY)[0]
    assert (row["requests"], row["reach"]) == (1, 1)


def test_single_customer_flag_when_one_company_brings_half_or_more(ws, ask):
    narrow = ops.add_item(ws, title="Custom report for Acme", impact=1, confidence=100, effort=1)
    broad = ops.add_item(ws, title="Dark mode", impact=1, confidence=100, effort=1)
    ask(narrow["id"], company="Acme", importance="critical")
    ask(narrow["id"], company="Beta", importance="nice_to_have")
    ask(narrow["id"], company="Gamma", importance="nice_to_have")
    for name in ("Acme", "Beta", "Gamma", "Delta"):
        ask(broad["id"], company=name)
    rows = by_title(score_items(ws, today=TODAY))
    assert rows["Custom report for Acme"]["single_customer"] is True
    assert rows["Custom report for Acme"]["top_company"] == "Acme"
    assert rows["Custom report for Acme"]["top_share"] == 0.6
    assert "Single-customer request: Acme brings 60%" in rows["Custom report for Acme"]["explanation"]
    assert rows["Dark mode"]["single_customer"] is False and rows["Dark mode"]["top_share"] == 0.25


# ---------------------------------------------------------------- metrics as reach

def test_metric_reach_is_latest_value_times_share(ws):
    metric_id, _ = demand.ensure_metric(ws, name="WAU", unit="users")
    demand.upsert_metric_values(ws, [(metric_id, "2026-09-01", "", 1000.0), (metric_id, "2026-10-01", "", 2000.0)])
    item = ops.add_item(ws, title="X", impact=1, confidence=100, effort=1)
    ops.edit_item(ws, item["id"], reach_mode="metric", metric_id=metric_id, metric_share=0.25)
    row = score_items(ws, today=TODAY)[0]
    assert (row["reach"], row["score"]) == (500, 500)
    assert "metric WAU (2026-10-01) x 25%" in row["explanation"]
    assert "Mind the unit" not in row["explanation"]
    ops.add_item(ws, title="Y", impact=1, confidence=100, effort=1, reach_mode="companies")
    row = by_title(score_items(ws, today=TODAY))["X"]
    # Beside an item counting companies, a metric's users are not silently mixed in: with no companies to
    # spread the users over, the item is flagged and ranked apart (tests/planner/scoring/test_units.py).
    assert row["comparable"] is False and row["rank"] == 2
    assert "Not comparable: a metric's users cannot be counted as companies" in row["explanation"]


# ---------------------------------------------------------------- never a wrong number

def test_missing_effort_leaves_the_item_unscored_with_the_reason(ws):
    ops.add_item(ws, title="No effort", reach=100, impact=1, confidence=100)
    zero = ops.add_item(ws, title="Zero effort", reach=100, impact=1, confidence=100, effort=1)
    ws.db.execute("UPDATE items SET effort = 0 WHERE id = ?", [zero["id"]])  # a value from an older file
    ops.add_item(ws, title="No impact", reach=100, confidence=100, effort=1)
    ops.add_item(ws, title="Scored", reach=10, impact=1, confidence=100, effort=1)
    for method in METHODS:
        rows = score_items(ws, method=method, today=TODAY)
        assert all(r["score"] is None or math.isfinite(r["score"]) for r in rows)
    rows = score_items(ws, today=TODAY)
    assert [r["title"] for r in rows][0] == "Scored"
    got = by_title(rows)
    for title in ("No effort", "Zero effort"):
        assert got[title]["score"] is None and got[title]["rank"] is None
        assert got[title]["unscored_reason"] == "effort missing"
        assert got[title]["explanation"].startswith("Unscored: effort missing.")
        assert got[title]["rank_stability"] is None
    assert got["No impact"]["unscored_reason"] == "impact missing"


def test_out_of_range_estimates_are_rejected_with_a_message(ws):
    item = ops.add_item(ws, title="X")
    with pytest.raises(ValidationError, match="RICE scale"):
        ops.edit_item(ws, item["id"], impact=4)
    with pytest.raises(ValidationError, match="percentage"):
        ops.edit_item(ws, item["id"], confidence=150)
    with pytest.raises(ValidationError, match="more than 0"):
        ops.edit_item(ws, item["id"], effort=0)
    with pytest.raises(ValidationError, match="method"):
        score_items(ws, method="moscow")
    with pytest.raises(ValidationError, match="window"):
        set_scoring_settings(ws, window_days=0)


# ---------------------------------------------------------------- pins

def test_pinned_item_takes_its_place_and_shows_its_rationale(ws):
    for title, reach_ in (("A", 400), ("B", 300), ("C", 200), ("D", 100)):
        ops.add_item(ws, title=title, reach=reach_, impact=1, confidence=100, effort=1)
    d = by_title(score_items(ws, today=TODAY))["D"]
    ops.edit_item(ws, d["id"], pinned_rank=1, pin_rationale="Contract renewal depends on it")
    rows = score_items(ws, today=TODAY)
    assert [(r["title"], r["rank"], r["computed_rank"]) for r in rows] == [
        ("D", 1, 4), ("A", 2, 1), ("B", 3, 2), ("C", 4, 3)]
    assert "Pinned at rank 1 (computed rank 4): Contract renewal depends on it." in rows[0]["explanation"]
    assert rows[0]["pin_rationale"] == "Contract renewal depends on it"


def test_pins_below_and_past_the_end_and_on_the_same_place():
    computed = np.array([1, 2, 3, 4, 0])
    assert methods.apply_pins(computed, np.array([4, 0, 0, 0, 0])).tolist() == [4, 1, 2, 3, 0]
    assert methods.apply_pins(computed, np.array([0, 99, 0, 0, 0])).tolist() == [1, 4, 2, 3, 0]
    assert methods.apply_pins(computed, np.array([2, 2, 0, 0, 0])).tolist() == [2, 3, 1, 4, 0]
    assert methods.apply_pins(computed, np.array([0, 0, 4, 4, 0])).tolist() == [1, 2, 4, 3, 0]


# ---------------------------------------------------------------- value/effort and quadrants

def test_quadrants_split_at_medians_or_thresholds(ws):
    ops.add_item(ws, title="quick", value=9, effort=1)
    ops.add_item(ws, title="bet", value=9, effort=8)
    ops.add_item(ws, title="fill", value=2, effort=1)
    ops.add_item(ws, title="sink", value=2, effort=8)
    rows = by_title(score_items(ws, method="value-effort", today=TODAY))
    assert {t: r["quadrant"] for t, r in rows.items()} == {
        "quick": "quick win", "bet": "big bet", "fill": "fill-in", "sink": "time sink"}
    assert rows["quick"]["score"] == 9 and rows["quick"]["rank"] == 1
    set_scoring_settings(ws, quadrant_split={"value": 1, "effort": 10})
    assert {r["quadrant"] for r in score_items(ws, method="value-effort", today=TODAY)} == {"quick win"}


def test_value_from_demand_is_scaled_to_0_to_10(ws, ask):
    busy = ops.add_item(ws, title="busy", effort=1, reach_mode="companies")
    quiet = ops.add_item(ws, title="quiet", effort=1, reach_mode="companies")
    ops.add_item(ws, title="nobody", effort=1, reach_mode="companies")
    for n in range(9):
        ask(busy["id"], company=f"C{n}")
    ask(quiet["id"], company="C0")
    rows = by_title(score_items(ws, method="value-effort", today=TODAY))
    assert rows["busy"]["value"] == 10 and rows["nobody"]["value"] == 0  # no demand, no value (was 1)
    assert 0 < rows["quiet"]["value"] < 10
    assert "demand scaled to 0-10" in rows["busy"]["factors"][0]["source"]


# ---------------------------------------------------------------- stability

def test_rank_stability_is_deterministic_and_certain_when_estimates_are_sure(ws):
    for n in range(15):
        ops.add_item(ws, title=f"sure {n}", reach=1000 - n * 50, impact=1, confidence=100, effort=1)
    ops.add_item(ws, title="shaky", reach=1080, impact=1, confidence=50, effort=1)
    first = score_items(ws, today=TODAY, top_n=10)
    second = score_items(ws, today=TODAY, top_n=10)
    assert [r["rank_stability"] for r in first] == [r["rank_stability"] for r in second]
    got = by_title(first)
    assert got["sure 0"]["rank_stability"] == 1.0 and got["sure 14"]["rank_stability"] == 0.0
    assert 0 < got["shaky"]["rank_stability"] < 1
    assert score_items(ws, today=TODAY, stability=False)[0]["rank_stability"] is None


# ---------------------------------------------------------------- the cache stays true

def test_rescore_after_changes_matches_a_fresh_load(ws, ask):
    ops.upsert_company(ws, name="Acme", mrr=100, segment="SMB")
    a = ops.add_item(ws, title="A", impact=1, confidence=100, effort=1, reach_mode="mrr")
    b = ops.add_item(ws, title="B", impact=1, confidence=100, effort=1, reach_mode="companies")
    r1 = ask(a["id"], company="Acme")
    ask(b["id"], company="Beta")
    score_items(ws, today=TODAY)
    loads = reach._cache(ws).loads
    ops.link_request(ws, r1, b["id"], importance="critical")
    ops.upsert_company(ws, name="Acme", mrr=700)
    new = ops.add_request(ws, title="late", company="Gamma", created_at="2026-10-30")
    ops.link_request(ws, new["id"], a["id"])
    ops.set_request_status(ws, new["id"], "archived")
    ops.delete_item(ws, b["id"])
    warm = score_items(ws, today=TODAY)
    assert reach._cache(ws).loads == loads  # patched, not reloaded
    reach.forget(ws)
    cold = score_items(ws, today=TODAY)
    assert warm == cold
    assert by_title(warm)["A"]["reach"] == 700


def test_full_aggregation_agrees_with_the_sql_group_by(ws, ask):
    rng = np.random.default_rng(1)
    items = [ops.add_item(ws, title=f"i{n}", reach_mode="mrr")["id"] for n in range(5)]
    for n in range(8):
        ops.upsert_company(ws, name=f"C{n}", mrr=float(n * 10))
    for n in range(60):
        ask(int(rng.choice(items)), company=f"C{rng.integers(0, 8)}", person=f"p{rng.integers(0, 20)}", created="2026-10-01")
    rows = {r["id"]: r for r in score_items(ws, today=TODAY)}
    for item_id, count, companies, mrr in demand.demand_group_by(ws):
        assert (rows[item_id]["requests"], rows[item_id]["companies"], rows[item_id]["mrr"]) == (count, companies, mrr)


# ---------------------------------------------------------------- explain and settings

def test_explain_item_lists_the_requests_and_companies_behind_it(ws, ask):
    ops.upsert_company(ws, name="Acme", mrr=1000, segment="Enterprise")
    item = ops.add_item(ws, title="X", impact=1, confidence=100, effort=1, reach_mode="companies")
    ask(item["id"], company="Acme", person="ann", importance="critical")
    ask(item["id"], company="Acme", person="bob")
    ask(item["id"], company="Beta", person="cy", created="2020-01-01")  # outside the window
    got = explain_item(ws, item["id"], today=TODAY)
    assert got["window"] == {"days": 365, "from": "2025-11-01", "to": TODAY, "segment": None}
    assert len(got["requests_behind"]) == 2
    assert got["companies_behind"] == [{"id": got["companies_behind"][0]["id"], "name": "Acme", "segment": "Enterprise",
                                        "mrr": 1000.0, "requests": 2, "importance": "critical"}]
    assert [f["name"] for f in got["factors"]] == ["reach", "impact", "confidence", "effort"]


def test_settings_default_and_persist(ws):
    s = get_scoring_settings(ws)
    assert (s["method"], s["window_days"], s["segment"], s["top_n"], s["quadrant_split"]) == ("rice", 365, None, 10, "median")
    assert s["importance_weights"] == {"nice_to_have": 1, "important": 2, "critical": 3}
    set_scoring_settings(ws, method="wsjf", importance_weights={"critical": 5})
    s = get_scoring_settings(ws)
    assert s["method"] == "wsjf" and s["importance_weights"]["critical"] == 5


def test_score_json_has_the_contract_keys_then_its_extensions(ws, tmp_path, capsys):
    from planner.cli import main

    ops.add_item(ws, title="A", reach=450, impact=3, confidence=100, effort=2)
    ops.add_item(ws, title="B")
    path = str(ws.path)
    ws.close()
    assert main(["--db", path, "score", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    extensions = ["status", "pinned_rank", "pin_rationale"]
    assert [list(r) for r in rows] == [JSON_KEYS + extensions, JSON_KEYS + extensions]
    assert rows[0]["score"] == 675 and rows[1]["score"] is None and "effort missing" in rows[1]["explanation"]
    assert main(["--db", path, "item-set", "2", "--effort", "1", "--impact", "1", "--confidence", "50", "--reach", "10"]) == 0
    assert main(["--db", path, "item-set", "2", "--pin-rank", "1"]) == 2
    assert "rationale" in capsys.readouterr().err
    assert main(["--db", path, "item-set", "2", "--pin-rank", "1", "--rationale", "CEO promise"]) == 0
    capsys.readouterr()
    assert main(["--db", path, "score", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["title"], r["rank"], r["score"]) for r in rows] == [("B", 1, 5), ("A", 2, 675)]


def test_fast_full_load_counts_as_the_per_item_load(ws, ask):
    rng = np.random.default_rng(5)
    items = [ops.add_item(ws, title=f"i{n}")["id"] for n in range(6)]
    for n in range(80):
        person = None if n % 7 == 0 else f"p{rng.integers(0, 15)}@x.com"
        company = None if n % 5 == 0 else f"C{rng.integers(0, 6)}"
        rid = ask(int(rng.choice(items)), company=company, person=person, created=f"2026-{rng.integers(1, 12):02d}-01",
                  importance=str(rng.choice(["nice_to_have", "important", "critical"])))
        if n % 11 == 0:
            ws.db.execute("UPDATE requests SET created_at = ? WHERE id = ?", [None if n % 2 else "someday", rid])
        if n % 13 == 0:
            ops.set_request_status(ws, rid, "archived")
    cache = reach.DemandCache()
    reach._load_companies(ws, cache)
    fast = reach._load_all(ws, cache)
    slow = reach._to_columns(demand.load_links(ws), cache)
    weights = np.array([1.0, 2.0, 3.0])
    for seg in (None, 0):
        a = reach._aggregate(fast, cache, 10, start_day=20_400, segment=seg, weights=weights)
        b = reach._aggregate(slow, cache, 10, start_day=20_400, segment=seg, weights=weights)
        for name in reach.Demand.__dataclass_fields__:
            assert np.array_equal(getattr(a, name), getattr(b, name)), name


def test_rows_reused_after_an_edit_equal_rows_built_afresh(ws, ask):
    items = [ops.add_item(ws, title=f"i{n}", impact=1, confidence=80, effort=n + 1, reach_mode="companies")["id"]
             for n in range(12)]
    for n, item_id in enumerate(items):
        for c in range(n % 4 + 1):
            ask(item_id, company=f"C{c}")
    score_items(ws, today=TODAY)
    ops.edit_item(ws, items[5], effort=0.5)
    ops.edit_item(ws, items[9], pinned_rank=2, pin_rationale="Board ask")
    ask(items[0], company="C9")
    warm = score_items(ws, today=TODAY)
    with pytest.raises(TypeError, match=r"change a copy of it \(dict\(row\)\)"):
        warm[0]["title"] = "changed by a caller"  # shared with the next call: refused, not leaked
    mine = dict(warm[0])
    mine["title"] = "changed by a caller"  # a copy is the caller's own
    again = score_items(ws, today=TODAY)
    reach.forget(ws)
    cold = score_items(ws, today=TODAY)
    assert again == cold
    assert cold[1]["id"] == items[9] and cold[0]["id"] == items[5]


def test_a_second_connection_to_the_file_sees_edits_without_reloading(ws, ask):
    from planner.storage import open_workspace

    item = ops.add_item(ws, title="X", impact=1, confidence=100, effort=1, reach_mode="companies")
    ask(item["id"], company="Acme")
    score_items(ws, today=TODAY)
    loads = reach._cache(ws).loads
    with open_workspace(ws.path) as worker:  # as a GUI worker thread would
        ops.link_request(worker, ops.add_request(worker, title="more", company="Beta")["id"], item["id"])
        ops.edit_item(worker, item["id"], effort=2)
        assert score_items(worker, today=TODAY)[0]["score"] == 1.0
    row = score_items(ws, today=TODAY)[0]
    assert (row["reach"], row["score"]) == (2, 1.0)
    assert reach._cache(ws).loads == loads


def test_another_file_copied_to_the_same_path_is_read_afresh(tmp_path):
    import shutil

    from planner.storage import open_workspace

    first, second = tmp_path / "a.db", tmp_path / "b.db"
    with open_workspace(first) as a:
        ops.add_item(a, title="from a", reach=1, impact=1, confidence=100, effort=1)
    with open_workspace(second) as b:
        ops.add_item(b, title="from b", reach=1, impact=1, confidence=100, effort=1)
    with open_workspace(first) as a:
        assert score_items(a, today=TODAY)[0]["title"] == "from a"
    for suffix in ("", "-wal", "-shm"):
        if (tmp_path / f"b.db{suffix}").exists():
            shutil.copy(tmp_path / f"b.db{suffix}", tmp_path / f"a.db{suffix}")
    with open_workspace(first) as a:
        assert score_items(a, today=TODAY)[0]["title"] == "from b"


def test_writes_that_change_no_demand_leave_the_change_log_alone(ws, ask):
    item = ops.add_item(ws, title="X", reach_mode="companies")
    rid = ask(item["id"], company="Acme")
    ops.upsert_company(ws, name="Acme", mrr=10)
    before = demand.last_change(ws)
    ops.upsert_company(ws, name="Acme", mrr=10)  # the same figure again, as a re-import does
    ws.db.execute("UPDATE requests SET status = 'new' WHERE id = ?", [rid])  # linked -> new still counts
    assert demand.last_change(ws) == before
    ops.set_request_status(ws, rid, "archived")
    assert demand.last_change(ws) > before


def test_shipped_and_dropped_items_keep_their_score_but_take_no_rank(ws):
    ops.add_item(ws, title="Open", reach=10, impact=1, confidence=100, effort=1)
    ops.add_item(ws, title="Shipped", status="shipped", reach=100, impact=1, confidence=100, effort=1)
    ops.add_item(ws, title="Dropped", status="wont_do", reach=50, impact=1, confidence=100, effort=1)
    rows = score_items(ws)
    by_title = {r["title"]: r for r in rows}
    assert by_title["Open"]["rank"] == 1
    assert by_title["Shipped"]["score"] == 100 and by_title["Shipped"]["rank"] is None
    assert by_title["Shipped"]["explanation"].startswith("Shipped: kept out of the ranking.")
    assert by_title["Dropped"]["rank"] is None and by_title["Dropped"]["explanation"].startswith("Won't do")
    assert rows[0]["title"] == "Open"
