"""The value/effort matrix: quadrants as scoring has them, click to open, rubber-band and move to a lane, export."""

from collections import Counter

import pytest
from PySide6.QtCore import QEvent, QPoint, QSize, Qt, QThreadPool
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from planner import ops
from planner.scoring import score_items
from ui.context import AppContext
from ui.matrix.layout import MatrixLayout


@pytest.fixture
def ctx(demo_ws):
    return AppContext(demo_ws)


@pytest.fixture
def matrix(qtbot, ctx):
    from ui.matrix import MatrixView

    view = MatrixView(ctx)
    qtbot.addWidget(view)
    view.resize(1300, 820)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.data is not None and not view.scores_pending, timeout=20000)
    yield view
    # pytest-qt may close the view first: wait for its background scoring, not for the view.
    QThreadPool.globalInstance().waitForDone(20000)


def test_quadrant_counts_match_the_scoring(matrix, demo_ws):
    expected = Counter(r["quadrant"] for r in score_items(demo_ws) if r["quadrant"])
    assert matrix.counts == dict(expected)
    assert len(matrix.canvas.points) == sum(expected.values())
    for quadrant, label in (("quick win", "Quick wins"), ("time sink", "Time sinks")):
        assert f"{label} {expected[quadrant]}" in matrix.status_label.text()


def test_each_bubble_sits_in_its_quadrant_on_screen(matrix):
    split = MatrixLayout.fit(matrix.canvas.viewport().size(), matrix.data).split
    for item in matrix.canvas.points:
        pos = item.scenePos()
        quadrant = item.point["quadrant"]
        high_value = quadrant in ("quick win", "big bet")
        high_effort = quadrant in ("big bet", "time sink")
        assert (pos.y() <= split.y()) == high_value, item.point
        assert (pos.x() > split.x()) == high_effort, item.point


def test_hover_tooltip_explains_the_item(qtbot, matrix, monkeypatch):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    shown = []
    monkeypatch.setattr(QToolTip, "showText", lambda pos, text, *a: shown.append(text))
    item = matrix.canvas.points[0]
    pos = matrix.point_pos(item.point["id"])
    top = matrix.canvas.point_at(pos)
    event = QHelpEvent(QEvent.ToolTip, pos, matrix.canvas.viewport().mapToGlobal(pos))
    QApplication.sendEvent(matrix.canvas.viewport(), event)
    assert shown and top.point["title"].replace("&", "&amp;") in shown[-1]
    assert top.point["explanation"][:20].replace("&", "&amp;") in shown[-1]


def test_clicking_a_bubble_selects_it_in_the_backlog(qtbot, matrix, ctx):
    small = min(matrix.canvas.points, key=lambda i: (i.radius, i.point["id"]))
    # Click the topmost bubble under that point: the one the user sees.
    pos = matrix.point_pos(small.point["id"])
    seen = matrix.canvas.point_at(pos)
    with qtbot.waitSignal(ctx.item_selected) as signal:
        QTest.mouseClick(matrix.canvas.viewport(), Qt.LeftButton, Qt.NoModifier, pos)
    assert signal.args == [seen.point["id"]]
    assert matrix.selected == {seen.point["id"]}


def test_rubber_band_selects_and_moves_them_to_a_lane_undoably(qtbot, matrix, ctx, demo_ws, messages):
    layout = MatrixLayout.fit(matrix.canvas.viewport().size(), matrix.data)
    plot, split = layout.plot, layout.split
    # A box over the quick-wins corner.
    start = matrix.canvas.mapFromScene(plot.topLeft()) + QPoint(1, 1)
    end = matrix.canvas.mapFromScene(split) - QPoint(1, 1)
    viewport = matrix.canvas.viewport()
    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, start)
    for n in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * (n / 5))
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, end)
    chosen = set(matrix.selected)
    inside = {i.point["id"] for i in matrix.canvas.points
              if plot.left() <= i.scenePos().x() <= matrix.canvas.mapToScene(end).x()
              and plot.top() <= i.scenePos().y() <= matrix.canvas.mapToScene(end).y()}
    assert chosen == inside and len(chosen) >= 3
    assert {p["quadrant"] for p in matrix.data["points"] if p["id"] in chosen} == {"quick win"}

    lane = next(l for l in ops.list_lanes(demo_ws) if l["name"] == "2027 Q3")
    before = {i: ops.get_item(demo_ws, i)["lane_id"] for i in chosen}
    matrix.lane_box.setCurrentIndex(matrix.lane_box.findData(lane["id"]))
    matrix.move_button.click()
    assert all(ops.get_item(demo_ws, i)["lane_id"] == lane["id"] for i in chosen)
    assert ctx.undo_stack.undoText() == f"Move {len(chosen)} items to 2027 Q3"
    ctx.undo_stack.undo()
    assert {i: ops.get_item(demo_ws, i)["lane_id"] for i in chosen} == before


def test_bubble_size_switches_to_mrr(qtbot, matrix):
    by_companies = {i.point["id"]: i.radius for i in matrix.canvas.points}
    matrix.size_box.setCurrentIndex(matrix.size_box.findData("mrr"))
    by_mrr = {i.point["id"]: i.radius for i in matrix.canvas.points}
    assert by_companies.keys() == by_mrr.keys() and by_companies != by_mrr
    biggest = max(matrix.data["points"], key=lambda p: p["mrr"])
    assert by_mrr[biggest["id"]] == max(by_mrr.values())


@pytest.mark.parametrize("size", [QSize(1600, 1000), QSize(800, 500)])
def test_export_png_is_an_image_of_the_asked_size(matrix, tmp_path, size):
    path = tmp_path / "matrix.png"
    assert matrix.export_png(path, size=size) == size
    image = QImage(str(path))
    assert (image.width(), image.height()) == (size.width(), size.height())
    # The view is laid out for its own size again afterwards.
    assert matrix.canvas.scene().sceneRect().width() == matrix.canvas.viewport().width()


def test_export_button_asks_for_a_file(matrix, tmp_path, monkeypatch):
    target = tmp_path / "m.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    matrix.export_button.click()
    assert QImage(str(target)).size() == QSize(1600, 1000)


def test_an_empty_matrix_says_what_brings_items_onto_it(qtbot, ws):
    from planner.ops import Changes
    from ui.matrix import MatrixView

    blank = AppContext(ws)
    view = MatrixView(blank)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.data is not None and not view.scores_pending, timeout=20000)
    assert view.empty.isVisible() and view.empty.label.text().startswith("No items yet. Add the first one")
    assert view.empty.buttons["New Item…"].isVisible()

    ops.add_item(ws, title="SSO")  # no effort yet: not on the matrix
    blank.broadcast(Changes.all())
    qtbot.waitUntil(lambda: view.data is not None and view.data["unplaced"] == 1 and not view.scores_pending, timeout=20000)
    assert view.empty.label.text().startswith("No item has both a value and an effort yet")
    assert not view.empty.buttons["New Item…"].isVisible()

    ops.edit_item(ws, ops.list_items(ws)[0]["id"], effort=3)
    blank.broadcast(Changes.all())
    qtbot.waitUntil(lambda: view.data is not None and len(view.data["points"]) == 1 and not view.scores_pending,
                    timeout=20000)
    assert not view.empty.isVisible()
    QThreadPool.globalInstance().waitForDone(20000)
