"""The Changes view: what changed since a snapshot or a date, filtered by kind and searched; a row opens its item."""

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QInputDialog

from planner import history, ops
from ui.main_window import VIEWS

CHANGES = [v[0] for v in VIEWS].index("changes")


def lane_id(ws, name):
    return next(lane["id"] for lane in ops.list_lanes(ws) if lane["name"] == name)


def item_in(ws, lane):
    return next(i for i in ops.list_items(ws) if i.get("lane") == lane and i["status"] not in ("shipped", "wont_do"))


@pytest.fixture
def changes(qtbot, window):
    window.show_view(CHANGES)
    view = window.views["changes"]
    yield view
    QThreadPool.globalInstance().waitForDone(20000)


def loaded(qtbot, view):
    qtbot.waitUntil(lambda: not view._load.busy, timeout=20000)
    return view


def kinds_shown(view):
    return [r["change"] for r in view.shown_rows()]


def test_the_view_is_in_the_navigation_with_its_key(window):
    assert window.nav.item(CHANGES).text() == "Changes"
    assert window.view_actions[CHANGES].shortcut().toString() == f"Ctrl+{CHANGES + 1}"


def test_without_a_snapshot_it_says_how_to_get_one(qtbot, changes):
    loaded(qtbot, changes)
    assert changes.hint.isVisible() and not changes.table.isVisible()
    assert changes.hint.label.text().startswith("No snapshot yet: take one, or export the workbook, which takes one.")
    assert changes.hint.buttons["Take Snapshot…"].isVisible() and changes.hint.buttons["Export…"].isVisible()
    assert not changes.hint.buttons["Show All Kinds"].isVisible()


def test_take_snapshot_asks_for_a_note_and_then_nothing_has_changed(qtbot, window, changes, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("before the replan", True))
    changes.hint.buttons["Take Snapshot…"].click()
    loaded(qtbot, changes)
    [snap] = history.list_snapshots(window.ctx.ws)
    assert snap["note"] == "before the replan" and snap["kind"] == "manual"
    assert changes.since.itemText(1).endswith("— before the replan")
    assert changes.hint.label.text().startswith("Nothing changed since ")
    assert "before the replan" in changes.hint.label.text()
    assert "Snapshot taken: 46 items recorded." in window.statusBar().currentMessage()


def test_a_replanned_quarter_lists_lane_moves_status_and_estimates(qtbot, window, changes):
    ws = window.ctx.ws
    changes.take_snapshot(note="before")
    slipped = item_in(ws, "2026 Q4")
    pulled = item_in(ws, "2027 Q2")
    ops.edit_item(ws, slipped["id"], lane_id=lane_id(ws, "2027 Q2"))
    ops.edit_item(ws, pulled["id"], lane_id=lane_id(ws, "2026 Q4"), status="planned")
    ops.edit_item(ws, pulled["id"], effort=0.1)
    changes.refresh()
    loaded(qtbot, changes)
    lanes = {r["item_id"]: r for r in changes.shown_rows() if r["change"] == "lane"}
    model = changes.model
    row_of = {(r["item_id"], r["change"]): n for n, r in enumerate(model.rows)}
    slip = row_of[(slipped["id"], "lane")]
    assert [model.index(slip, c).data() for c in range(1, 6)] == [
        slipped["title"], "Lane", "2026 Q4", "2027 Q2", "slipped"]
    assert model.index(row_of[(pulled["id"], "lane")], 5).data() == "pulled in"
    assert lanes.keys() == {slipped["id"], pulled["id"]}
    status = row_of[(pulled["id"], "status")]
    assert [model.index(status, c).data() for c in (2, 3, 4)] == ["Status", "Candidate", "Planned"]
    estimate = row_of[(pulled["id"], "estimate")]
    assert model.index(estimate, 4).data() == "effort 0.1"
    rank = row_of[(pulled["id"], "rank")]
    assert model.index(rank, 5).data().startswith("↑")
    assert "rank" in kinds_shown(changes) and changes.kinds["rank"].text().startswith("Rank (")
    # The decisions come first; the rank moves that follow from them do not bury them.
    kinds = kinds_shown(changes)
    assert kinds[:4] == ["lane", "lane", "status", "estimate"] and set(kinds[4:]) == {"rank"}


def test_filters_by_kind_and_search(qtbot, window, changes):
    ws = window.ctx.ws
    changes.take_snapshot(note="")
    moved = item_in(ws, "2026 Q4")
    ops.edit_item(ws, moved["id"], lane_id=lane_id(ws, "2027 Q1"), effort=0.1)
    changes.refresh()
    loaded(qtbot, changes)
    everything = len(changes.shown_rows())
    for kind, box in changes.kinds.items():
        box.setChecked(kind == "lane")
    assert kinds_shown(changes) == ["lane"]
    assert changes.count.text().startswith(f"1 of {everything} changes")
    changes.kinds["lane"].setChecked(False)
    assert changes.shown_rows() == [] and changes.hint.buttons["Show All Kinds"].isVisible()
    changes.hint.buttons["Show All Kinds"].click()
    assert len(changes.shown_rows()) == everything
    changes.search.setText(moved["title"][:12].upper())
    assert {r["item_id"] for r in changes.shown_rows()} == {moved["id"]}


def test_double_click_opens_the_item_in_the_backlog(qtbot, window, changes):
    ws = window.ctx.ws
    changes.take_snapshot(note="")
    moved = item_in(ws, "2026 Q4")
    ops.edit_item(ws, moved["id"], lane_id=lane_id(ws, "2027 Q1"))
    changes.refresh()
    loaded(qtbot, changes)
    row = next(n for n, r in enumerate(changes.model.rows) if r["change"] == "lane")
    changes.table.activated.emit(changes.model.index(row, 1))
    assert window.current_view_key() == "backlog"
    assert window.backlog.current_id() == moved["id"] and window.backlog.detail.item_id == moved["id"]


def test_since_a_date_before_the_first_snapshot_says_so(qtbot, changes):
    from PySide6.QtCore import QDate

    changes.take_snapshot(note="")
    changes.since.setCurrentIndex(changes.since.findData("date"))
    assert changes.day.isVisible()
    changes.day.setDate(QDate(2001, 1, 1))
    loaded(qtbot, changes)
    assert changes.hint.label.text().startswith("No snapshot was taken on or before 2001-01-01.")
    assert "The first was taken on" in changes.hint.label.text()


def test_the_daily_snapshot_is_taken_once_a_day_in_the_background(qtbot, window):
    from ui.app import take_daily_snapshot

    take_daily_snapshot(window)
    qtbot.waitUntil(lambda: len(history.list_snapshots(window.ctx.ws)) == 1, timeout=20000)
    assert history.list_snapshots(window.ctx.ws)[0]["kind"] == "daily"
    qtbot.waitUntil(lambda: window.backlog.since.count() == 2, timeout=5000)  # Since offers it at once
    take_daily_snapshot(window)
    QThreadPool.globalInstance().waitForDone(20000)
    assert len(history.list_snapshots(window.ctx.ws)) == 1
