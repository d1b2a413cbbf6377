"""Snapshots of the ranking and what changed since (planner.history), on real workspaces."""

from datetime import date

import numpy as np
import pytest

from planner import history, history_codec, ops
from planner.errors import NotFoundError, ValidationError
from planner.exporting import export_roadmap
from planner.scoring import score_items


@pytest.fixture
def plan(ws):
    """Four items ranked A, B, C, D by RICE (1000, 500, 200, 100), two dated lanes and one without dates."""
    ops.add_lane(ws, name="Early", kind="quarter", start_date="2027-01-01", end_date="2027-03-31")
    ops.add_lane(ws, name="Late", kind="quarter", start_date="2027-04-01", end_date="2027-06-30")
    ops.add_lane(ws, name="Someday", kind="horizon")
    ids = {}
    for title, reach, lane in (("A", 1000, "Early"), ("B", 500, "Late"), ("C", 200, "Early"), ("D", 100, None)):
        item = ops.add_item(ws, title=title, reach=reach, impact=1, confidence=100, effort=1, lane=lane).value
        ids[title] = item["id"]
    return ids


def _rows(found, change):
    return [(r["title"], r["before"], r["after"], r["detail"]) for r in found if r["change"] == change]


def test_a_snapshot_records_every_item_and_is_listed_newest_first(ws, plan):
    first = history.take_snapshot(ws, note="  before the   review ")
    second = history.take_snapshot(ws)

    assert first["items"] == 4 and first["note"] == "before the review" and first["kind"] == "manual"
    listed = history.list_snapshots(ws)
    assert [s["id"] for s in listed] == [second["id"], first["id"]]
    assert listed[1] == {"id": first["id"], "taken_at": first["taken_at"], "note": "before the review",
                         "kind": "manual", "items": 4, "method": "rice"}


def test_nothing_changed_means_no_rows(ws, plan):
    history.take_snapshot(ws)
    assert history.changes(ws) == []


def test_an_effort_edit_shows_the_estimate_and_the_ranks_of_the_items_it_overtook(ws, plan):
    snap = history.take_snapshot(ws)
    ops.edit_item(ws, plan["D"], effort=0.25)  # 100 -> 400: above C (200)

    found = history.changes(ws, since=snap["id"])

    assert _rows(found, "estimate") == [("D", "effort 1", "effort 0.25", "effort")]
    assert _rows(found, "rank") == [("D", 4, 3, "up 1"), ("C", 3, 4, "down 1")]
    assert {r["change"] for r in found} == {"estimate", "rank"}
    assert history.rank_moves(ws, snap["id"]) == {plan["A"]: 0, plan["B"]: 0, plan["D"]: 1, plan["C"]: -1}


def test_estimate_rows_name_the_field_and_a_cleared_value(ws, plan):
    snap = history.take_snapshot(ws)
    ops.edit_item(ws, plan["A"], confidence=80, impact=2)
    ops.edit_item(ws, plan["B"], effort=None, reach=2500, value=7)

    assert sorted(_rows(history.changes(ws, since=snap["id"]), "estimate")) == [
        ("A", "confidence 100%", "confidence 80%", "confidence"),
        ("A", "impact 1", "impact 2", "impact"),
        ("B", "effort 1", "effort not set", "effort"),
        ("B", "reach 500", "reach 2,500", "reach"),
        ("B", "value not set", "value 7", "value"),
    ]


def test_a_replanned_quarter_shows_lane_moves_slipped_and_pulled_in(ws, plan):
    snap = history.take_snapshot(ws)
    ops.move_items(ws, [plan["A"]], lane="Late")
    ops.move_items(ws, [plan["B"]], lane="Early")
    ops.move_items(ws, [plan["C"]], lane="Someday")
    ops.move_items(ws, [plan["D"]], lane="Early")

    assert _rows(history.changes(ws, since=snap["id"]), "lane") == [
        ("A", "Early", "Late", "slipped"),
        ("B", "Late", "Early", "pulled in"),
        ("C", "Early", "Someday", None),   # a horizon has no dates: neither slipped nor pulled in
        ("D", None, "Early", "onto the roadmap"),
    ]
    ops.move_items(ws, [plan["D"]], lane=None)
    assert ("D", None, None, None) not in _rows(history.changes(ws, since=snap["id"]), "lane")  # no lane then, none now


def test_added_removed_and_status_changes(ws, plan):
    snap = history.take_snapshot(ws)
    ops.delete_item(ws, plan["B"])
    e = ops.add_item(ws, title="E", reach=300, impact=1, confidence=100, effort=1).value
    ops.edit_item(ws, plan["A"], status="shipped")  # shipped work leaves the ranking

    found = history.changes(ws, since=snap["id"])

    assert _rows(found, "added") == [("E", None, 1, None)]  # 300: above C and D, with A and B gone
    assert _rows(found, "removed") == [("B", 2, None, None)]
    assert _rows(found, "status") == [("A", "idea", "shipped", None)]
    assert _rows(found, "rank") == [("C", 3, 2, "up 1"), ("D", 4, 3, "up 1"), ("A", 1, None, "out of the ranking")]
    assert history.rank_moves(ws, snap["id"])[e["id"]] is None


def test_changes_since_a_date_compare_with_the_last_snapshot_taken_on_or_before_it(ws, plan):
    january = history.daily_snapshot(ws, today=date(2026, 1, 10))
    ops.edit_item(ws, plan["C"], title="C renamed")
    history.daily_snapshot(ws, today=date(2026, 2, 10))
    ops.edit_item(ws, plan["C"], effort=2)

    since_january = history.changes(ws, since="2026-01-31")
    since_february = history.changes(ws, since="2026-02-10")

    assert _rows(since_january, "estimate") == [("C renamed", "effort 1", "effort 2", "effort")]
    assert _rows(since_february, "estimate") == _rows(since_january, "estimate")
    assert history.changes(ws, since=january["id"]) == since_january
    with pytest.raises(NotFoundError, match="on or before 2025-12-31.*first was taken on 2026-01-10"):
        history.changes(ws, since="2025-12-31")
    with pytest.raises(ValidationError, match="like 2026-04-01"):
        history.changes(ws, since="last tuesday")


def test_an_unknown_snapshot_or_none_at_all_is_refused_with_what_to_do(ws, plan):
    with pytest.raises(NotFoundError, match="no snapshot yet.*planner snapshot"):
        history.changes(ws)
    history.take_snapshot(ws)
    with pytest.raises(NotFoundError, match="no snapshot 99.*planner snapshots"):
        history.changes(ws, since=99)
    with pytest.raises(NotFoundError, match="no snapshot 99"):
        history.rank_moves(ws, 99)


def test_daily_snapshot_takes_at_most_one_per_day(ws, plan):
    first = history.daily_snapshot(ws, today=date(2026, 3, 1))
    again = history.daily_snapshot(ws, today=date(2026, 3, 1))
    next_day = history.daily_snapshot(ws, today="2026-03-02")

    assert first["kind"] == "daily" and first["taken_at"].startswith("2026-03-0")
    assert again is None
    assert next_day["id"] != first["id"]
    assert [s["kind"] for s in history.list_snapshots(ws)] == ["daily", "daily"]


def test_a_manual_snapshot_today_counts_as_today_s(ws, plan):
    history.take_snapshot(ws)
    assert history.daily_snapshot(ws) is None


def test_item_history_follows_score_rank_lane_and_status(ws, plan):
    history.take_snapshot(ws)
    ops.edit_item(ws, plan["D"], effort=0.25)
    ops.move_items(ws, [plan["D"]], lane="Late")
    history.take_snapshot(ws)
    ops.edit_item(ws, plan["D"], status="in_progress")
    history.take_snapshot(ws)

    rows = history.item_history(ws, plan["D"])

    assert [(r["score"], r["rank"], r["lane"], r["status"]) for r in rows] == [
        (100.0, 4, None, "idea"), (400.0, 3, "Late", "idea"), (400.0, 3, "Late", "in_progress")]
    assert rows[0]["taken_at"] <= rows[2]["taken_at"]
    e = ops.add_item(ws, title="E", reach=1, impact=1, confidence=100, effort=1).value
    history.take_snapshot(ws)
    assert [r["rank"] for r in history.item_history(ws, e["id"])] == [5]


def test_item_history_shows_the_score_as_the_ranking_shows_it(ws):
    half = ops.add_item(ws, title="Half", reach=14.49, impact=1, confidence=100, effort=2).value  # 7.245
    history.take_snapshot(ws)

    shown = [r["score"] for r in score_items(ws) if r["id"] == half["id"]]
    assert [r["score"] for r in history.item_history(ws, half["id"])] == shown == [7.25]


def test_exporting_the_workbook_takes_a_snapshot_named_after_the_file(ws, plan, tmp_path):
    result = export_roadmap(ws, tmp_path / "board-review.xlsx")

    latest = history.list_snapshots(ws)[0]
    assert (latest["id"], latest["kind"], latest["note"], latest["items"]) == (result["snapshot"], "export", "board-review.xlsx", 4)
    assert result["snapshot_warning"] is None


def test_an_export_whose_snapshot_fails_is_still_written_and_says_so(ws, plan, tmp_path):
    ws.db.execute("CREATE TRIGGER no_snapshots BEFORE INSERT ON snapshots BEGIN SELECT RAISE(ABORT, 'refused'); END")
    result = export_roadmap(ws, tmp_path / "roadmap.xlsx")

    assert (tmp_path / "roadmap.xlsx").stat().st_size > 0
    assert result["snapshot"] is None
    assert "no snapshot of the ranking was taken" in result["snapshot_warning"]
    assert history.list_snapshots(ws) == []


def test_a_bad_kind_or_an_overlong_note_is_refused(ws, plan):
    with pytest.raises(ValidationError, match="manual, export, daily"):
        history.take_snapshot(ws, kind="weekly")
    with pytest.raises(ValidationError, match="at most 500 characters"):
        history.take_snapshot(ws, note="x" * 501)


def _state(rng, ids):
    n = len(ids)
    return {"ids": np.array(sorted(ids), dtype=np.int64),
            "titles": np.array([f"item {i} ✓" for i in sorted(ids)], dtype=object),
            "score": rng.random(n) * 100, "rank": rng.permutation(n).astype(np.int32),
            "lane": rng.integers(0, 5, n).astype(np.int32), "status": rng.integers(0, 6, n).astype(np.int8),
            **{name: np.where(rng.random(n) < 0.2, np.nan, rng.random(n) * 10) for name in history_codec.ESTIMATES}}


def test_a_chain_of_deltas_decodes_to_exactly_what_was_recorded():
    rng = np.random.default_rng(7)
    ids = set(range(1, 400))
    state = _state(rng, ids)
    previous, decoded = None, None
    for step in range(12):
        blob = history_codec.encode(state, previous)
        decoded = history_codec.decode(blob, decoded)
        for name in ("ids", "score", "rank", "lane", "status", *history_codec.ESTIMATES):
            np.testing.assert_array_equal(decoded[name], state[name], err_msg=f"{name} at step {step}")
        assert [history_codec.rank_at(decoded, p) for p in range(0, len(ids), 37)] == state["rank"][::37].tolist()
        assert list(decoded["titles"]) == list(state["titles"])
        previous = state
        ids = (ids - set(rng.choice(sorted(ids), 5, replace=False).tolist())) | {1000 + step * 3, 1001 + step * 3}
        nxt = _state(rng, ids)
        keep = np.isin(nxt["ids"], previous["ids"])
        at = np.searchsorted(previous["ids"], nxt["ids"][keep])
        for name in ("score", "lane", "status", *history_codec.ESTIMATES, "titles"):
            col = nxt[name]
            stay = rng.random(keep.sum()) < 0.9  # most values are as they were
            col[np.flatnonzero(keep)[stay]] = previous[name][at[stay]]
        state = nxt


def test_a_snapshot_after_a_small_edit_is_stored_as_a_small_delta(ws):
    from planner.storage import history_store
    from planner.storage.bulk import insert_workspace_rows

    insert_workspace_rows(ws, items=[{"title": f"Item {i}", "reach_mode": "manual", "reach_manual": float(i % 997 + 1),
                                      "impact": 1.0, "confidence": 80.0, "effort": float(i % 7 + 1)} for i in range(2000)])
    first = history.take_snapshot(ws)
    ops.edit_item(ws, 1500, effort=0.5)  # jumps up the ranking: hundreds of items move down one place
    second = history.take_snapshot(ws)

    [(_, full)], chain = history_store.chain(ws, first["id"]), history_store.chain(ws, second["id"])
    assert [i for i, _ in chain] == [first["id"], second["id"]]
    assert len(chain[1][1]) * 20 < len(full)
    assert sum(r["change"] == "rank" for r in history.changes(ws, since=first["id"])) > 100
