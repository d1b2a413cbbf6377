"""Lanes: fiscal quarters, order, kind, deleting with the items going elsewhere, and the figures lists carry.

Every new operation is undone and redone as in tests/planner/test_history.py:
undo puts every table back exactly, redo makes it exactly as the operation left it.
"""

from datetime import date

import pytest

from planner import ops, roadmap
from planner.errors import NotFoundError, ValidationError
from planner.ops import Entity
from planner.storage import queries
from tests.planner import test_history
from tests.planner.test_history import _id, dump

world = test_history.world  # the fixture: two lanes' worth of items, requests and companies


def _names(ws, kind):
    return [lane["name"] for lane in ops.list_lanes(ws, kind=kind)]


def _titles(ws, lane_name):
    column = next(c for c in roadmap.board(ws, lanes="quarters") if c["name"] == lane_name)
    return [card["title"] for card in column["items"]]


def _april(ws):
    queries.set_setting(ws, "fiscal_year_start", 4)  # as the workspace settings would store it
    return ws


CASES = {
    "move a lane to the front": lambda ws: ops.move_lane(ws, _id(ws, "lanes", "2027 Q2"), 1),
    "move a lane by editing its position": lambda ws: ops.edit_lane(ws, _id(ws, "lanes", "2026 Q4"), position=4),
    "change a lane's kind": lambda ws: ops.edit_lane(ws, _id(ws, "lanes", "2026 Q4"), kind="release"),
    "delete a lane, its items going to another by name": lambda ws: ops.delete_lane(
        ws, _id(ws, "lanes", "2026 Q4"), move_to="2027 Q1"),
    "delete a lane, its items going to another by id": lambda ws: ops.delete_lane(
        ws, _id(ws, "lanes", "2026 Q4"), move_to=_id(ws, "lanes", "Later")),
    "add the next fiscal quarter in Japanese": lambda ws: ops.add_next_quarter(ws, language="ja"),
    "add default lanes of an April year": lambda ws: ops.add_default_lanes(ws, today=date(2028, 2, 1)),
}
APRIL_YEAR = {"add the next fiscal quarter in Japanese", "add default lanes of an April year"}


@pytest.mark.parametrize("name", CASES)
def test_undo_puts_every_row_back_and_redo_does_it_again(world, name):
    if name in APRIL_YEAR:
        _april(world)
    before = dump(world)
    done = CASES[name](world)
    after = dump(world)
    assert after != before, "the operation changed nothing"
    assert done.changed and done.text

    undone = ops.undo(world, done)
    assert dump(world) == before
    ops.redo(world, undone)
    assert dump(world) == after


def test_moving_a_lane_reorders_the_board_and_every_list(world):
    q2 = _id(world, "lanes", "2027 Q2")
    moved = ops.move_lane(world, q2, 1)
    expected = ["2027 Q2", "2026 Q4", "2027 Q1", "2027 Q3"]
    assert moved.text == "Move lane “2027 Q2” to position 1"
    assert [c["name"] for c in roadmap.board(world, lanes="quarters")][1:] == expected
    assert _names(world, "quarter") == expected
    assert [lane["name"] for lane in ops.list_lanes(world) if lane["kind"] == "quarter"] == expected
    assert [lane["position"] for lane in ops.list_lanes(world, kind="quarter")] == [1, 2, 3, 4]
    assert moved.changes.touches(Entity.LANES) and not moved.changes.scores
    ops.edit_lane(world, q2, position=4)
    assert _names(world, "quarter") == ["2026 Q4", "2027 Q1", "2027 Q3", "2027 Q2"]


def test_moving_a_lane_to_where_it_is_changes_nothing(world):
    before = dump(world)
    same = ops.move_lane(world, _id(world, "lanes", "2027 Q1"), 2)
    assert not same.changed and dump(world) == before


@pytest.mark.parametrize("bad", [0, 5, 2.5, "first", True])
def test_a_position_outside_the_lanes_of_the_kind_is_refused(world, bad):
    before = dump(world)
    with pytest.raises(ValidationError, match=r"quarter lane's position is a whole number from 1 \(first\) to 4"):
        ops.move_lane(world, _id(world, "lanes", "2027 Q1"), bad)
    assert dump(world) == before


def test_a_lane_given_another_kind_goes_last_among_those_lanes(world):
    q4 = _id(world, "lanes", "2026 Q4")
    changed = ops.edit_lane(world, q4, kind="horizon")
    assert changed["kind"] == "horizon"
    assert _names(world, "horizon") == ["Now", "Next", "Later", "2026 Q4"]
    assert _names(world, "quarter") == ["2027 Q1", "2027 Q2", "2027 Q3"]
    ops.edit_lane(world, _id(world, "lanes", "2027 Q1"), kind="horizon", position=1)
    assert _names(world, "horizon") == ["2027 Q1", "Now", "Next", "Later", "2026 Q4"]
    with pytest.raises(ValidationError, match="already a horizon lane named 'now'"):
        ops.edit_lane(world, _id(world, "lanes", "2027 Q2"), name="now", kind="horizon")
    with pytest.raises(ValidationError, match="Lane kind must be one of quarter, release, horizon"):
        ops.edit_lane(world, q4, kind="sprint")


def test_a_lane_of_another_kind_with_the_same_name_cannot_take_that_kind(world):
    release = ops.add_lane(world, name="Now", kind="release")
    before = dump(world)
    with pytest.raises(ValidationError, match="already a horizon lane named 'Now'"):
        ops.edit_lane(world, release["id"], kind="horizon")
    assert dump(world) == before


def test_deleting_a_lane_sends_its_items_to_the_end_of_another_in_their_order(world):
    ops.add_item(world, title="Gantt", lane="2027 Q1")
    q4 = _id(world, "lanes", "2026 Q4")
    order = _titles(world, "2026 Q4")
    gone = ops.delete_lane(world, q4, move_to="2027 q1")
    assert gone.value == {"lane": "2026 Q4", "moved_to": "2027 Q1", "items_moved": 2, "items_off_the_roadmap": 0}
    assert gone.text == "Delete lane “2026 Q4” and move its items to “2027 Q1”"
    assert _titles(world, "2027 Q1") == ["Gantt"] + order
    assert "2026 Q4" not in _names(world, "quarter")


def test_deleting_a_lane_without_a_destination_keeps_its_items_off_the_roadmap(world):
    gone = ops.delete_lane(world, _id(world, "lanes", "2026 Q4"))
    assert gone.value == {"lane": "2026 Q4", "items_off_the_roadmap": 2}
    assert {i["lane"] for i in ops.list_items(world)} == {None}


def test_deleting_a_lane_refuses_a_destination_that_is_itself_or_missing(world):
    q4 = _id(world, "lanes", "2026 Q4")
    before = dump(world)
    with pytest.raises(ValidationError, match="cannot go to the lane being deleted"):
        ops.delete_lane(world, q4, move_to="2026 Q4")
    with pytest.raises(NotFoundError, match="There is no lane 'Q5'"):
        ops.delete_lane(world, q4, move_to="Q5")
    with pytest.raises(NotFoundError, match="There is no lane 999"):
        ops.delete_lane(world, q4, move_to=999)
    with pytest.raises(NotFoundError, match="There is no lane 999"):
        ops.delete_lane(world, 999)
    assert dump(world) == before


def test_a_lane_is_found_by_id_or_name_and_a_shared_name_asks_for_the_id(world):
    q1 = _id(world, "lanes", "2027 Q1")
    assert ops.find_lane(world, q1)["name"] == "2027 Q1"
    assert ops.find_lane(world, str(q1))["name"] == "2027 Q1"
    assert ops.find_lane(world, "  2027  q1 ")["id"] == q1
    numbered = ops.add_lane(world, name="2027", kind="release")
    assert ops.find_lane(world, "2027")["id"] == numbered["id"]  # no lane 2027: the name
    assert ops.find_lane(world, str(numbered["id"]))["id"] == numbered["id"]
    named_like_an_id = ops.add_lane(world, name=str(q1), kind="release")
    assert ops.find_lane(world, str(q1))["id"] == q1  # the id wins over the name
    assert named_like_an_id["id"] != q1
    ops.add_lane(world, name="Next", kind="release")
    with pytest.raises(ValidationError, match=r"There is a release and a horizon lane named 'Next'; give its id"):
        ops.find_lane(world, "Next")


def test_lists_carry_the_board_s_capacity_figures(world):
    q4 = _id(world, "lanes", "2026 Q4")
    ops.edit_lane(world, q4, capacity=3)
    ops.add_item(world, title="Dropped", effort=9, status="wont_do", lane="2026 Q4")
    listed = {lane["name"]: lane for lane in ops.list_lanes(world)}
    column = next(c for c in roadmap.board(world, lanes="quarters") if c["id"] == q4)
    for key in ("capacity", "effort_planned", "over_capacity", "over_by", "unestimated"):
        assert listed["2026 Q4"][key] == column[key], key
    assert (listed["2026 Q4"]["effort_planned"], listed["2026 Q4"]["over_capacity"]) == (4.0, True)  # won't-do left out
    assert listed["2026 Q4"]["items"] == 3
    assert listed["2027 Q1"]["over_capacity"] is False
    assert [lane["kind"] for lane in ops.list_lanes(world)] == ["quarter"] * 4 + ["horizon"] * 3


def test_quarters_follow_the_fiscal_year_start_and_the_language(ws):
    _april(ws)
    made = ops.add_default_lanes(ws, today=date(2028, 2, 1), capacity=10).value
    assert [(q["name"], q["start_date"], q["end_date"]) for q in made if q["kind"] == "quarter"] == [
        ("FY2027 Q4", "2028-01-01", "2028-03-31"),
        ("FY2028 Q1", "2028-04-01", "2028-06-30"),
        ("FY2028 Q2", "2028-07-01", "2028-09-30"),
        ("FY2028 Q3", "2028-10-01", "2028-12-31"),
    ]
    following = ops.add_next_quarter(ws, language="ja")
    assert (following["name"], following["start_date"], following["end_date"], following["capacity"]) == (
        "2028年度 第4四半期", "2029-01-01", "2029-03-31", 10)
    assert ops.add_next_quarter(ws)["name"] == "FY2029 Q1"


def test_default_lanes_in_japanese_with_an_october_year(ws):
    queries.set_setting(ws, "fiscal_year_start", 10)
    made = ops.add_default_lanes(ws, today=date(2027, 9, 30), language="ja").value
    assert [lane["name"] for lane in made] == [
        "2026年度 第4四半期", "2027年度 第1四半期", "2027年度 第2四半期", "2027年度 第3四半期", "Now", "Next", "Later"]
    assert made[1]["start_date"] == "2027-10-01"


def test_a_january_year_keeps_the_names_workspaces_already_have(ws):
    made = ops.add_default_lanes(ws, today=date(2026, 11, 23), language="ja").value
    assert [lane["name"] for lane in made][:2] == ["2026年 第4四半期", "2027年 第1四半期"]
    assert ops.add_next_quarter(ws)["name"] == "2027 Q4"


def test_the_next_quarter_after_calendar_quarters_does_not_overlap_a_shifted_year(ws):
    ops.add_lane(ws, name="Spring", start_date="2027-01-01", end_date="2027-03-31")
    queries.set_setting(ws, "fiscal_year_start", 2)
    following = ops.add_next_quarter(ws)
    assert (following["name"], following["start_date"], following["end_date"]) == (
        "FY2027 Q2", "2027-05-01", "2027-07-31")


def test_a_language_without_names_is_refused_with_what_is_expected(ws):
    with pytest.raises(ValidationError, match=r"English \(en\) or Japanese \(ja\); got 'fr'"):
        ops.add_next_quarter(ws, language="fr")
    assert ops.list_lanes(ws) == []


@pytest.mark.parametrize("broken", [13, "Apirl", None])
def test_a_hand_edited_fiscal_start_reads_as_january_as_the_workspace_settings_do(ws, broken):
    queries.set_setting(ws, "fiscal_year_start", broken)
    assert ops.fiscal_start(ws) == 1 == ops.workspace_settings(ws)["fiscal_year_start"]
    made = ops.add_default_lanes(ws, today=date(2027, 5, 1)).value
    assert made[0]["name"] == "2027 Q2"


def test_a_month_written_by_name_by_hand_reads_as_that_month_for_lanes_and_settings_alike(ws):
    queries.set_setting(ws, "fiscal_year_start", "April")
    assert ops.fiscal_start(ws) == 4 == ops.workspace_settings(ws)["fiscal_year_start"]
    assert ops.add_next_quarter(ws).value["name"].startswith("FY")
