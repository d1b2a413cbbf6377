"""The backlog's Since chooser and Move column: how far each item moved since a snapshot (↑3, ↓5, new, –)."""

import pytest
from PySide6.QtCore import Qt, QThreadPool

from planner import history, ops
from ui.backlog.model import KEYS
from ui.roadmap.style import current_theme

MOVE = KEYS.index("move")


@pytest.fixture
def replanned(demo_ws):
    """A snapshot, then the 8th item made cheap (it climbs past the ones above) and a new item ranked first."""
    from planner.scoring import score_items

    before = {r["id"]: r["rank"] for r in score_items(demo_ws) if r["rank"]}
    snap = history.take_snapshot(demo_ws, note="before the replan")
    climber = next(i for i, r in before.items() if r == 8)
    ops.edit_item(demo_ws, climber, effort=0.1)
    new = ops.add_item(demo_ws, title="Audit trail API", impact=3, confidence=100, effort=0.1,
                       reach_mode="manual", reach_manual=500).value
    return {"snapshot": snap, "before": before, "climber": climber, "new": new["id"]}


def moved(backlog, item_id):
    return backlog.model.index(backlog.model.row_of(item_id), MOVE)


def choose(qtbot, backlog, snapshot_id):
    backlog.choose_since(snapshot_id)
    qtbot.waitUntil(lambda: bool(backlog.model.moves) == (snapshot_id is not None), timeout=20000)


def test_move_column_is_hidden_until_a_snapshot_is_chosen(qtbot, replanned, backlog):
    assert backlog.table.isColumnHidden(MOVE)
    labels = [backlog.since.itemText(i) for i in range(backlog.since.count())]
    assert labels[0] == "No comparison" and labels[1].endswith("— before the replan")
    choose(qtbot, backlog, replanned["snapshot"]["id"])
    assert not backlog.table.isColumnHidden(MOVE)
    choose(qtbot, backlog, None)
    assert backlog.table.isColumnHidden(MOVE)
    assert moved(backlog, replanned["climber"]).data() == ""
    QThreadPool.globalInstance().waitForDone(10000)


def test_moves_say_up_down_new_and_kept(qtbot, replanned, backlog):
    choose(qtbot, backlog, replanned["snapshot"]["id"])
    rows = {r["id"]: r["rank"] for r in backlog.model.rows() if r["rank"]}
    before = replanned["before"]
    climber = replanned["climber"]
    up = before[climber] - rows[climber]
    assert up > 0 and moved(backlog, climber).data() == f"↑{up}"
    assert moved(backlog, replanned["new"]).data() == "new"
    pushed = [i for i in before if rows.get(i) and rows[i] > before[i]]
    assert pushed  # the new item and the climber pushed others down: each of those moved too
    for item_id in pushed:
        assert moved(backlog, item_id).data() == f"↓{rows[item_id] - before[item_id]}"
    kept = [i for i in before if rows.get(i) == before[i]]
    for item_id in kept:
        assert moved(backlog, item_id).data() == "–"
    tip = moved(backlog, climber).data(Qt.ToolTipRole)
    assert tip.startswith(f"Up {up} places since") and "before the replan" in tip
    QThreadPool.globalInstance().waitForDone(10000)


def test_moves_are_coloured_from_the_palette(qtbot, replanned, backlog):
    choose(qtbot, backlog, replanned["snapshot"]["id"])
    theme = current_theme()
    rows = {r["id"]: r["rank"] for r in backlog.model.rows() if r["rank"]}
    down = next(i for i in replanned["before"] if rows.get(i) and rows[i] > replanned["before"][i])
    assert moved(backlog, replanned["climber"]).data(Qt.ForegroundRole).color() == theme.ok
    assert moved(backlog, down).data(Qt.ForegroundRole).color() == theme.over
    assert moved(backlog, replanned["new"]).data(Qt.ForegroundRole).color() == theme.accent
    QThreadPool.globalInstance().waitForDone(10000)


def test_sorting_by_move_sorts_like_a_number(qtbot, replanned, backlog):
    choose(qtbot, backlog, replanned["snapshot"]["id"])
    backlog.table.sortByColumn(MOVE, Qt.DescendingOrder)
    shown = [backlog.model.index(r, MOVE).data() for r in range(backlog.model.rowCount())]
    assert shown[0] == "new"
    assert shown[1] == moved(backlog, replanned["climber"]).data()  # the biggest climb next
    numbers = [int(s[1:]) if s[0] == "↑" else -int(s[1:]) if s[0] == "↓" else 0
               for s in shown[1:] if s and s != "new"]
    assert numbers == sorted(numbers, reverse=True)
    assert shown[-1] == ""  # unranked (shipped) items, blank, go last
    QThreadPool.globalInstance().waitForDone(10000)


def test_moves_follow_an_edit_made_after_choosing(qtbot, replanned, backlog):
    choose(qtbot, backlog, replanned["snapshot"]["id"])
    climber = replanned["climber"]
    first = moved(backlog, climber).data()
    assert backlog.edit_field(climber, "effort", 20.0)  # typed in the table: now it falls far
    qtbot.waitUntil(lambda: moved(backlog, climber).data().startswith("↓"), timeout=20000)
    assert moved(backlog, climber).data() != first
    QThreadPool.globalInstance().waitForDone(10000)


def test_move_colours_stay_readable_on_a_dark_palette(qtbot, qapp, replanned, backlog):
    from PySide6.QtGui import QColor, QPalette

    from ui.roadmap.style import MARK_CONTRAST, contrast

    before = QPalette(qapp.palette())
    dark = QPalette(QColor("#2b2b2b"))
    dark.setColor(QPalette.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.Text, QColor("#e6e6e6"))
    dark.setColor(QPalette.Highlight, QColor("#3d6fb4"))
    qapp.setPalette(dark)
    try:
        choose(qtbot, backlog, replanned["snapshot"]["id"])
        for item_id in (replanned["climber"], replanned["new"]):
            colour = moved(backlog, item_id).data(Qt.ForegroundRole).color()
            assert contrast(colour, QColor("#1e1e1e")) >= MARK_CONTRAST
    finally:
        qapp.setPalette(before)
    QThreadPool.globalInstance().waitForDone(10000)
