"""An item's score and rank over the snapshots: a small chart in the detail panel, with its figures in words."""

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QColor

from planner import history, ops
from ui.backlog.history_chart import HistoryChart

POINTS = [
    {"taken_at": "2026-09-01T08:00:00", "score": 675.0, "rank": 1},
    {"taken_at": "2026-10-01T08:00:00", "score": 400.0, "rank": 3},
    {"taken_at": "2026-11-01T08:00:00", "score": 800.0, "rank": 2},
]


def pixels_of(chart: HistoryChart, colour: QColor) -> int:
    """How many pixels inside the plot (legend and scale labels left out) are exactly `colour`."""
    image = chart.grab().toImage()
    ratio = image.devicePixelRatio()
    plot = chart._plot().adjusted(2, 2, -2, -2)
    rgb = colour.rgb()
    return sum(1 for x in range(int(plot.left() * ratio), int(plot.right() * ratio))
               for y in range(int(plot.top() * ratio), int(plot.bottom() * ratio)) if image.pixel(x, y) == rgb)


def test_the_chart_paints_a_score_line_and_a_rank_line(show):
    chart = show(HistoryChart(), size=(360, 140))
    chart.set_points(POINTS)
    assert chart.isVisible()
    score, rank = chart.colours()
    assert score != rank
    assert pixels_of(chart, score) > 40
    assert pixels_of(chart, rank) > 40


def test_the_figures_are_in_the_tooltip_and_the_accessible_text(show):
    chart = show(HistoryChart(), size=(360, 140))
    chart.set_points(POINTS)
    said = chart.accessibleDescription()
    assert said == chart.toolTip()
    first, *lines = said.splitlines()
    assert first.startswith("Score 675 → 800, rank 1 → 2, 3 points from 2026-09-01 to 2026-11-01")
    assert lines == ["2026-09-01: score 675, rank 1", "2026-10-01: score 400, rank 3", "2026-11-01: score 800, rank 2"]
    assert chart.accessibleName() == "Score and rank over time"


def test_fewer_than_two_points_hide_the_chart(show):
    chart = show(HistoryChart(), size=(360, 140))
    chart.set_points(POINTS[:1])
    assert not chart.isVisible() and chart.toolTip() == ""
    chart.set_points(POINTS[:2])
    assert chart.isVisible()


def test_an_unranked_snapshot_leaves_a_gap_not_a_zero(show):
    chart = show(HistoryChart(), size=(360, 140))
    chart.set_points([POINTS[0], {"taken_at": "2026-10-01", "score": None, "rank": None}, POINTS[2]])
    assert "2026-10-01: score –, rank –" in chart.toolTip()
    assert not chart.grab().isNull()


def test_the_detail_panel_shows_the_items_history_and_where_it_is_now(qtbot, window):
    ws = window.ctx.ws
    backlog = window.backlog
    item = backlog.model.rows()[7]
    assert item["rank"] == 8
    history.take_snapshot(ws, note="first")
    ops.edit_item(ws, item["id"], effort=0.1)
    history.take_snapshot(ws, note="second")
    backlog.refresh()
    panel = backlog.detail
    assert not panel.history_section.isVisible()
    backlog.select_item(item["id"])
    qtbot.waitUntil(lambda: panel.history_section.isVisible(), timeout=20000)
    points = panel.chart.points
    assert [p["rank"] for p in points] == [8, 1, 1]  # two snapshots, then now
    assert points[-1]["taken_at"] == "now"
    assert panel.chart.toolTip().startswith(f"Score {points[0]['score']:g} → ")
    assert ", rank 8 → 1, 3 points from " in panel.chart.toolTip()
    newer = ops.add_item(ws, title="Made after the snapshots", impact=1, confidence=80, effort=1, reach=10).value
    backlog.refresh()
    backlog.select_item(newer["id"])
    qtbot.waitUntil(lambda: panel.item_id == newer["id"] and panel.chart.points == [], timeout=20000)
    assert not panel.history_section.isVisible()  # no snapshot holds it yet: one point (now) draws no line
    QThreadPool.globalInstance().waitForDone(20000)
