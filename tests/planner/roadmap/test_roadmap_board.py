import pytest

from planner import ops, roadmap
from planner.errors import NotFoundError, ValidationError
from planner.storage import roadmap_queries as rq


def _lane(columns, name):
    return next(c for c in columns if c["name"] == name)


def _order(ws, lane_id):
    return [i for i, _ in rq.lane_positions(ws, lane_id)]


def test_board_has_quarters_with_dates_and_capacity(demo_ws):
    columns = roadmap.board(demo_ws, lanes="quarters")
    assert columns[0]["id"] is None and columns[0]["name"] == roadmap.UNPLANNED
    quarters = columns[1:]
    assert [c["name"] for c in quarters] == ["2026 Q4", "2027 Q1", "2027 Q2", "2027 Q3"]
    assert quarters[0]["start_date"] == "2026-10-01" and quarters[0]["end_date"] == "2026-12-31"
    assert all(c["capacity"] == 10.0 for c in quarters)
    card = quarters[0]["items"][0]
    assert set(card) >= {"id", "title", "score", "status", "kind", "companies", "effort", "position"}


def test_over_capacity_follows_effort_planned(demo_ws):
    columns = roadmap.board(demo_ws)
    for column in columns[1:]:
        planned = sum(c["effort"] or 0 for c in column["items"] if c["status"] != "wont_do")
        assert column["effort_planned"] == pytest.approx(planned)
        assert column["over_capacity"] == (planned > column["capacity"])
    assert any(c["over_capacity"] for c in columns[1:])  # the demo overbooks a quarter


def test_lane_modes_switch_columns(demo_ws):
    assert [c["name"] for c in roadmap.board(demo_ws, lanes="now-next-later")][1:] == ["Now", "Next", "Later"]
    assert [c["name"] for c in roadmap.board(demo_ws, lanes="releases")][1:] == ["v4.2", "v4.3", "v5.0"]
    with pytest.raises(ValidationError):
        roadmap.board(demo_ws, lanes="sprints")


def test_filters_keep_lane_totals(demo_ws):
    full = roadmap.board(demo_ws)
    only_bugs = roadmap.board(demo_ws, kind="bug")
    assert all(card["kind"] == "bug" for column in only_bugs for card in column["items"])
    assert [c["effort_planned"] for c in only_bugs] == [c["effort_planned"] for c in full]
    security = roadmap.board(demo_ws, theme="Security", status="planned")
    cards = [card for column in security for card in column["items"]]
    assert cards and all(c["theme"] == "Security" and c["status"] == "planned" for c in cards)


def test_business_view_hides_effort_capacity_and_dropped_work(demo_ws):
    item = ops.list_items(demo_ws)[0]
    ops.edit_item(demo_ws, item["id"], status="wont_do")
    columns = roadmap.board(demo_ws, business=True)
    assert all(c["id"] is not None for c in columns)  # no not-planned column
    cards = [card for column in columns for card in column["items"]]
    assert cards and all(c["effort"] is None for c in cards)
    assert all(c["status"] != "wont_do" for c in cards)
    assert all(c["capacity"] is None and c["effort_planned"] is None and not c["over_capacity"] for c in columns)


def test_move_card_to_end_of_another_lane_and_back(demo_ws):
    q1, q2 = roadmap.board(demo_ws)[1:3]
    card = q1["items"][0]
    moved = ops.move_items(demo_ws, [card["id"]], lane=q2["id"])
    assert _order(demo_ws, q2["id"])[-1] == card["id"]
    assert moved.changes.of_kind(ops.Entity.ITEMS) == {card["id"]}
    assert roadmap.capacity(demo_ws, q2["id"])["effort_planned"] == pytest.approx(q2["effort_planned"] + card["effort"])
    ops.undo(demo_ws, moved)
    assert _order(demo_ws, q1["id"])[0] == card["id"]
    assert roadmap.capacity(demo_ws, q2["id"])["effort_planned"] == pytest.approx(q2["effort_planned"])


def test_move_card_before_a_neighbour_within_its_lane(demo_ws):
    q1 = roadmap.board(demo_ws)[1]
    ids = [c["id"] for c in q1["items"]]
    ops.move_items(demo_ws, [ids[-1]], lane=q1["id"], before_item_id=ids[1])
    assert _order(demo_ws, q1["id"]) == [ids[0], ids[-1]] + ids[1:-1]
    ops.move_items(demo_ws, [ids[0]], lane=q1["id"])
    assert _order(demo_ws, q1["id"])[-1] == ids[0]
    ops.move_items(demo_ws, [ids[2]], lane=q1["id"], before_item_id=ids[-1])
    assert _order(demo_ws, q1["id"])[0] == ids[2]


def test_tiny_gaps_renumber_and_undo_restores_every_position(demo_ws):
    q1 = roadmap.board(demo_ws)[1]
    ids = [c["id"] for c in q1["items"]]
    # Keep dropping the last card between the first two until the gap is exhausted.
    moves = []
    for n in range(60):
        order = _order(demo_ws, q1["id"])
        moves.append((order, ops.move_items(demo_ws, [order[-1]], lane=q1["id"], before_item_id=order[1])))
    assert any(len(m.changes.of_kind(ops.Entity.ITEMS)) > 1 for _, m in moves)  # a renumbering moved the neighbours
    positions = [p for _, p in rq.lane_positions(demo_ws, q1["id"])]
    assert positions == sorted(positions) and len(set(positions)) == len(positions)
    for order, moved in reversed(moves):
        ops.undo(demo_ws, moved)
        assert _order(demo_ws, q1["id"]) == order
    assert _order(demo_ws, q1["id"]) == ids


def test_move_card_off_the_roadmap(demo_ws):
    q1 = roadmap.board(demo_ws)[1]
    card = q1["items"][0]
    ops.move_items(demo_ws, [card["id"]], lane=None)
    unplanned = roadmap.board(demo_ws)[0]
    assert card["id"] in [c["id"] for c in unplanned["items"]]


def test_move_cards_is_all_or_nothing(demo_ws):
    q2 = roadmap.board(demo_ws)[2]
    ids = [c["id"] for c in roadmap.board(demo_ws)[0]["items"][:3]]
    with pytest.raises(NotFoundError):
        ops.move_items(demo_ws, ids + [99999], lane=q2["id"])
    assert not set(ids) & set(_order(demo_ws, q2["id"]))
    moved = ops.move_items(demo_ws, ids, lane=q2["id"])
    assert _order(demo_ws, q2["id"])[-3:] == ids
    ops.undo(demo_ws, moved)
    assert not set(ids) & set(_order(demo_ws, q2["id"]))


def test_move_card_rejects_unknown_lane_and_neighbour(demo_ws):
    q1, q2 = roadmap.board(demo_ws)[1:3]
    with pytest.raises(NotFoundError):
        ops.move_items(demo_ws, [q1["items"][0]["id"]], lane=9999)
    with pytest.raises(ValidationError):
        ops.move_items(demo_ws, [q1["items"][0]["id"]], lane=q2["id"], before_item_id=q1["items"][1]["id"])


def test_capacity_counts_unestimated_and_leaves_out_wont_do(ws):
    lane = ops.add_lane(ws, name="2030 Q1", capacity=4)
    a = ops.add_item(ws, title="A", effort=3, lane=lane["id"])
    ops.add_item(ws, title="B", effort=2, lane=lane["id"], status="wont_do")
    ops.add_item(ws, title="C", lane=lane["id"])
    figures = roadmap.capacity(ws, lane["id"])
    assert (figures["effort_planned"], figures["unestimated"], figures["over_capacity"]) == (3.0, 1, False)
    ops.edit_item(ws, a["id"], effort=5)
    figures = roadmap.capacity(ws, lane["id"])
    assert figures["over_capacity"] and figures["over_by"] == 1.0 and figures["remaining"] == -1.0


def test_sample_workspace_reaches_the_asked_size(ws):
    from planner.roadmap.sample import add_sample_items
    from planner.storage import queries

    add_sample_items(ws, total=300)
    assert queries.counts(ws)["items"] == 300
    cards = [c for column in roadmap.board(ws) for c in column["items"]]
    assert len(cards) > 50 and any(c["companies"] for c in cards)


def test_metrics_overview_lists_series_and_items_drawing_reach(demo_ws):
    overview = roadmap.metrics_overview(demo_ws)
    wau = next(m for m in overview if m["name"] == "Weekly active users")
    assert len(wau["values"]) == 12 and wau["values"] == sorted(wau["values"])
    assert wau["latest"] == wau["values"][-1][1]
    assert [i["title"] for i in wau["items"] if i["draws_reach"]] == ["Faster loading of large projects"]


def test_not_planned_column_lists_the_best_ranked_first(demo_ws):
    column = roadmap.board(demo_ws)[0]
    ranks = [c["rank"] for c in column["items"]]
    assert ranks and ranks == sorted(ranks)


def test_sample_lanes_get_capacity_some_over_some_not(ws):
    from planner.roadmap.sample import add_sample_items

    add_sample_items(ws, total=600)
    lanes = [lane for lane in roadmap.board(ws)[1:]]
    assert all(lane["capacity"] for lane in lanes)


def test_a_board_counts_the_items_it_leaves_on_other_lane_kinds(demo_ws):
    on_quarters = sum(len(c["items"]) for c in roadmap.board(demo_ws)[1:])
    assert roadmap.elsewhere(demo_ws, lanes="releases") == {"quarters": on_quarters}
    assert roadmap.elsewhere(demo_ws, lanes="quarters") == {}
