"""The lane commands, through a real subprocess as a user runs them: lanes, lane-add, lane-set, lane-delete."""

import json

import pytest

from planner import ops
from planner.storage import open_workspace, queries
from tests.test_cli import planner


def lanes(db, *extra):
    return json.loads(planner("--db", db, "lanes", "--json", *extra).stdout)


@pytest.fixture
def db(tmp_path):
    """Three quarters (the first over capacity), a release, and items on the first quarter."""
    path = str(tmp_path / "lanes.db")
    planner("--db", path, "lane-add", "2027 Q1", "--start", "2027-01-01", "--end", "2027-03-31", "--capacity", "2")
    planner("--db", path, "lane-add", "--next-quarter")
    planner("--db", path, "lane-add", "--next-quarter", "--capacity", "6")
    planner("--db", path, "lane-add", "v5.0", "--kind", "release", "--capacity", "4")
    for title in ("SSO", "Audit log"):
        planner("--db", path, "item-add", title, "--lane", "2027 Q1", "--effort", "1.5")
    return path


def test_lanes_lists_capacity_effort_planned_and_over_capacity_in_board_order(db):
    listed = lanes(db)
    assert [(l["name"], l["kind"]) for l in listed] == [
        ("2027 Q1", "quarter"), ("2027 Q2", "quarter"), ("2027 Q3", "quarter"), ("v5.0", "release")]
    first = listed[0]
    assert (first["capacity"], first["effort_planned"], first["over_capacity"], first["over_by"], first["items"]) == (
        2, 3, True, 1, 2)
    assert [l["over_capacity"] for l in listed[1:]] == [False, False, False]
    assert [l["name"] for l in lanes(db, "--kind", "release")] == ["v5.0"]
    table = planner("--db", db, "lanes").stdout.splitlines()
    assert table[0].split() == ["id", "name", "kind", "start_date", "end_date", "capacity", "items",
                                "effort_planned", "over"]
    assert table[1].split() == ["1", "2027", "Q1", "quarter", "2027-01-01", "2027-03-31", "2", "2", "3", "+1"]


def test_lane_add_of_each_kind_with_dates_and_capacity(db):
    bucket = json.loads(planner("--db", db, "lane-add", "Someday", "--kind", "horizon", "--json").stdout)
    assert (bucket["name"], bucket["kind"], bucket["capacity"], bucket["start_date"]) == ("Someday", "horizon", None, None)
    release = planner("--db", db, "lane-add", "v5.1", "--kind", "release", "--start", "2027-05-01",
                      "--end", "2027-05-31", "--capacity", "3").stdout
    assert release.strip() == "Added lane 6: v5.1 (release, 2027-05-01 to 2027-05-31, capacity 3 person-months)."
    refused = planner("--db", db, "lane-add", "v6", "--kind", "release", "--start", "May", check=False)
    assert refused.returncode == 2 and refused.stderr.strip() == "planner: The lane's start date must look like 2026-04-01."


def test_next_quarter_follows_the_fiscal_year_start_and_the_language(tmp_path):
    path = tmp_path / "fiscal.db"
    with open_workspace(path) as ws:
        queries.set_setting(ws, "fiscal_year_start", 4)
        ops.add_lane(ws, name="FY2027 Q1", start_date="2027-04-01", end_date="2027-06-30", capacity=9)
    added = json.loads(planner("--db", str(path), "lane-add", "--next-quarter", "--json").stdout)
    assert (added["name"], added["start_date"], added["end_date"], added["capacity"]) == (
        "FY2027 Q2", "2027-07-01", "2027-09-30", 9)
    japanese = json.loads(planner("--db", str(path), "lane-add", "--next-quarter", "--language", "ja", "--json").stdout)
    assert japanese["name"] == "2027年度 第3四半期"


def test_lane_set_finds_a_lane_by_id_or_name_and_moves_it(db):
    changed = json.loads(planner("--db", db, "lane-set", "2027 q3", "--position", "1", "--capacity", "7",
                                 "--json").stdout)
    assert (changed["name"], changed["capacity"]) == ("2027 Q3", 7)
    assert [l["name"] for l in lanes(db, "--kind", "quarter")] == ["2027 Q3", "2027 Q1", "2027 Q2"]
    said = planner("--db", db, "lane-set", "2", "--name", "Spring", "--start", "2027-04-02").stdout
    assert said.strip() == "Changed lane 2: Spring (quarter, 2027-04-02 to 2027-06-30, capacity 2 person-months)."
    cleared = json.loads(planner("--db", db, "lane-set", "Spring", "--end", "", "--json").stdout)
    assert cleared["end_date"] is None
    refused = planner("--db", db, "lane-set", "Spring", "--position", "4", check=False)
    assert refused.returncode == 2
    assert refused.stderr.strip() == "planner: A quarter lane's position is a whole number from 1 (first) to 3; got 4."


def test_a_lane_named_with_digits_is_found_by_id_first_then_by_name(db):
    planner("--db", db, "lane-add", "2028", "--kind", "release")
    planner("--db", db, "lane-add", "3", "--kind", "horizon")
    by_name = json.loads(planner("--db", db, "lane-set", "2028", "--capacity", "1", "--json").stdout)
    assert (by_name["name"], by_name["capacity"]) == ("2028", 1)
    by_id = json.loads(planner("--db", db, "lane-set", "3", "--capacity", "5", "--json").stdout)
    assert (by_id["id"], by_id["name"], by_id["capacity"]) == (3, "2027 Q3", 5)


def test_lane_delete_sends_the_items_to_another_lane_or_off_the_roadmap(db):
    moved = planner("--db", db, "lane-delete", "2027 Q1", "--move-to", "v5.0").stdout
    assert moved.strip() == "Deleted lane 2027 Q1; 2 item(s) moved to v5.0."
    items = json.loads(planner("--db", db, "items", "--json").stdout)
    assert [(i["title"], i["lane"]) for i in items] == [("SSO", "v5.0"), ("Audit log", "v5.0")]
    gone = json.loads(planner("--db", db, "lane-delete", "4", "--json").stdout)
    assert gone == {"lane": "v5.0", "items_off_the_roadmap": 2}
    items = json.loads(planner("--db", db, "items", "--json").stdout)
    assert [i["lane"] for i in items] == [None, None]
    assert [l["name"] for l in lanes(db)] == ["2027 Q2", "2027 Q3"]


def test_lane_delete_json_says_where_the_items_went(db):
    gone = json.loads(planner("--db", db, "lane-delete", "1", "--move-to", "2027 Q3", "--json").stdout)
    assert gone == {"lane": "2027 Q1", "moved_to": "2027 Q3", "items_moved": 2, "items_off_the_roadmap": 0}


def test_a_missing_lane_exits_2_with_a_message_and_changes_nothing(db):
    before = lanes(db)
    for args, message in [
        (("lane-set", "99", "--capacity", "1"), "planner: There is no lane 99 (no lane has that id or that name)."),
        (("lane-set", "Summer", "--capacity", "1"), "planner: There is no lane 'Summer'."),
        (("lane-delete", "Summer"), "planner: There is no lane 'Summer'."),
        (("lane-delete", "2027 Q1", "--move-to", "Summer"), "planner: There is no lane 'Summer'."),
        (("lane-delete", "2027 Q1", "--move-to", "1"),
         "planner: The items of “2027 Q1” cannot go to the lane being deleted; "
         "name another lane, or none to take them off the roadmap."),
    ]:
        result = planner("--db", db, *args, check=False)
        assert result.returncode == 2, args
        assert result.stderr.strip().startswith(message), (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert lanes(db) == before
