"""The roadmap board driven with the mouse: drag cards between and within lanes, undo, filters, export."""

import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from planner import ops, roadmap
from ui.context import AppContext


@pytest.fixture
def ctx(demo_ws):
    return AppContext(demo_ws)


def make_board(qtbot, ctx):
    from ui.roadmap import BoardView

    view = BoardView(ctx)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view.scores_pending, timeout=20000)
    return view


@pytest.fixture
def board(qtbot, ctx):
    view = make_board(qtbot, ctx)
    yield view
    # pytest-qt may close the view first: wait for its background scoring, not for the view.
    QThreadPool.globalInstance().waitForDone(20000)


def drag(view, start: QPoint, target) -> None:
    """Press on `start`, move in steps, release where `target()` says (asked after the press,
    because the view may scroll to show the target)."""
    viewport = view.canvas.viewport()
    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, start)
    QTest.mouseMove(viewport, start + QPoint(10, 10))
    end = target()
    for n in range(1, 5):
        QTest.mouseMove(viewport, start + (end - start) * (n / 4))
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, end)


def lane_named(view, name):
    return next(lane for lane in view.lanes if lane["name"] == name)


def test_board_shows_quarters_with_capacity_and_scored_cards(board):
    names = [lane["name"] for lane in board.lanes]
    assert names == ["Not planned", "2026 Q4", "2027 Q1", "2027 Q2", "2027 Q3"]
    cards = [c for lane in board.lanes for c in lane["items"]]
    assert len(board.canvas.cards) == len(cards) == 46
    assert any(c["score"] is not None for c in cards)
    q4 = lane_named(board, "2026 Q4")
    assert q4["over_capacity"] and "Over capacity" in board.summary.text()


def test_dragging_a_card_to_another_lane_moves_it_and_undo_puts_it_back(board, ctx, demo_ws):
    q4, q1 = lane_named(board, "2026 Q4"), lane_named(board, "2027 Q1")
    card = q4["items"][0]
    planned_before = q1["effort_planned"]
    lane_index = board.lanes.index(q1)
    drag(board, board.canvas.card_center(card["id"]), lambda: board.canvas.drop_point(lane_index, len(q1["items"])))

    assert ops.get_item(demo_ws, card["id"])["lane_id"] == q1["id"]
    assert ctx.undo_stack.undoText() == f"Move “{card['title']}” to 2027 Q1"
    # The capacity figure follows, in the workspace and on the board.
    assert roadmap.capacity(demo_ws, q1["id"])["effort_planned"] == pytest.approx(planned_before + card["effort"])
    assert lane_named(board, "2027 Q1")["effort_planned"] == pytest.approx(planned_before + card["effort"])
    assert lane_named(board, "2027 Q1")["items"][-1]["id"] == card["id"]

    ctx.undo_stack.undo()
    assert ops.get_item(demo_ws, card["id"])["lane_id"] == q4["id"]
    assert lane_named(board, "2026 Q4")["items"][0]["id"] == card["id"]
    assert lane_named(board, "2027 Q1")["effort_planned"] == pytest.approx(planned_before)
    ctx.undo_stack.redo()
    assert ops.get_item(demo_ws, card["id"])["lane_id"] == q1["id"]


def test_dragging_within_a_lane_reorders_it(board, ctx, demo_ws):
    q4 = lane_named(board, "2026 Q4")
    ids = [c["id"] for c in q4["items"]]
    lane_index = board.lanes.index(q4)
    drag(board, board.canvas.card_center(ids[3]), lambda: board.canvas.drop_point(lane_index, 0))
    assert [c["id"] for c in lane_named(board, "2026 Q4")["items"]] == [ids[3]] + ids[:3] + ids[4:]
    ctx.undo_stack.undo()
    assert [c["id"] for c in lane_named(board, "2026 Q4")["items"]] == ids


def test_dragging_a_planned_card_off_the_roadmap(board, demo_ws):
    q4 = lane_named(board, "2026 Q4")
    card = q4["items"][1]
    drag(board, board.canvas.card_center(card["id"]), lambda: board.canvas.drop_point(0, 0))
    assert ops.get_item(demo_ws, card["id"])["lane_id"] is None
    # The not-planned column keeps its cards in rank order, unranked (shipped, dropped, unscored) last.
    column = board.lanes[0]["items"]
    assert card["id"] in [c["id"] for c in column]
    keys = [(c["rank"] is None, c["rank"] or 0) for c in column]
    assert keys == sorted(keys)


def test_dropping_a_card_where_it_was_changes_nothing(board, ctx):
    q4 = lane_named(board, "2026 Q4")
    card = q4["items"][2]
    lane_index = board.lanes.index(q4)
    drag(board, board.canvas.card_center(card["id"]), lambda: board.canvas.drop_point(lane_index, 2))
    assert ctx.undo_stack.count() == 0
    assert [c["id"] for c in lane_named(board, "2026 Q4")["items"]] == [c["id"] for c in q4["items"]]


def test_a_click_selects_and_a_double_click_opens_in_the_backlog(qtbot, board, ctx):
    card = lane_named(board, "2027 Q1")["items"][0]
    pos = board.canvas.card_center(card["id"])
    QTest.mouseClick(board.canvas.viewport(), Qt.LeftButton, Qt.NoModifier, pos)
    assert board.canvas.selected_id == card["id"]
    with qtbot.waitSignal(ctx.item_selected) as signal:
        QTest.mouseDClick(board.canvas.viewport(), Qt.LeftButton, Qt.NoModifier, pos)
    assert signal.args == [card["id"]]
    assert ctx.undo_stack.count() == 0


def test_lane_modes_and_filters(board):
    board.set_mode("now-next-later")
    assert [lane["name"] for lane in board.lanes][1:] == ["Now", "Next", "Later"]
    board.set_mode("releases")
    assert [lane["name"] for lane in board.lanes][1:] == ["v4.2", "v4.3", "v5.0"]
    board.set_mode("quarters")
    board.kind_box.setCurrentIndex(board.kind_box.findData("bug"))
    cards = [c for lane in board.lanes for c in lane["items"]]
    assert cards and all(c["kind"] == "bug" for c in cards)
    assert len(board.canvas.cards) == len(cards)
    board.kind_box.setCurrentIndex(0)
    board.theme_box.setCurrentIndex(board.theme_box.findData("Security"))
    board.status_box.setCurrentIndex(board.status_box.findData("planned"))
    cards = [c for lane in board.lanes for c in lane["items"]]
    assert cards and all(c["theme"] == "Security" and c["status"] == "planned" for c in cards)


def test_business_view_hides_effort_capacity_and_wont_do(board, ctx, demo_ws):
    dropped = lane_named(board, "2026 Q4")["items"][0]
    ctx.broadcast(ops.edit_item(demo_ws, dropped["id"], status="wont_do").changes)
    board.business_box.setChecked(True)
    assert board.lanes[0]["id"] is not None  # no not-planned column
    cards = [c for lane in board.lanes for c in lane["items"]]
    assert cards and all(c["effort"] is None and c["status"] != "wont_do" for c in cards)
    assert not any(lane["over_capacity"] for lane in board.lanes)
    board.grab()  # paints without effort figures


def test_export_png_is_an_image_of_the_promised_size(board, tmp_path):
    path = tmp_path / "board.png"
    size = board.export_png(path)
    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size.width(), size.height()) == (
        board.export_size().width(), board.export_size().height())
    lanes_shown = len([lane for lane in board.lanes if lane["id"] is not None])
    assert image.width() > 200 * lanes_shown


def test_export_button_asks_for_a_file(board, tmp_path, monkeypatch):
    target = tmp_path / "slides" / "roadmap"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PNG images (*.png)"))
    board.export_button.click()
    assert QImage(str(target) + ".png").width() == board.export_size().width()


def test_a_board_of_2000_items_builds_and_drags(qtbot, tmp_path):
    from planner.roadmap.sample import add_sample_items
    from planner.storage import open_workspace

    ws = open_workspace(tmp_path / "big.db")
    try:
        add_sample_items(ws, total=2000)
        ctx = AppContext(ws)
        view = make_board(qtbot, ctx)  # its speed is measured by benchmarks/roadmap_bench.py
        assert sum(len(lane["items"]) for lane in view.lanes) > 1000
        view.canvas.verticalScrollBar().setValue(view.canvas.verticalScrollBar().maximum() // 2)
        view.canvas.viewport().repaint()
        q4 = lane_named(view, next(lane["name"] for lane in view.lanes if lane["id"] is not None))
        card = q4["items"][0]
        target = view.lanes[-1]
        index = view.lanes.index(target)
        view.canvas.verticalScrollBar().setValue(0)
        drag(view, view.canvas.card_center(card["id"]), lambda: view.canvas.drop_point(index, 0))
        assert ops.get_item(ws, card["id"])["lane_id"] == target["id"]
    finally:
        ws.close()


def test_hovering_a_card_shows_its_score_and_demand(board, monkeypatch):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    shown = []
    monkeypatch.setattr(QToolTip, "showText", lambda pos, text, *a: shown.append(text))
    card = lane_named(board, "2026 Q4")["items"][0]
    pos = board.canvas.card_center(card["id"])
    QApplication.sendEvent(board.canvas.viewport(), QHelpEvent(QEvent.ToolTip, pos, board.canvas.viewport().mapToGlobal(pos)))
    assert shown and card["title"] in shown[-1] and f"{card['companies']} companies asking" in shown[-1]


def test_alt_arrows_move_the_selected_card_like_a_drag(board, ctx, demo_ws):
    q4, q1 = lane_named(board, "2026 Q4"), lane_named(board, "2027 Q1")
    card = q4["items"][1]
    QTest.mouseClick(board.canvas.viewport(), Qt.LeftButton, Qt.NoModifier, board.canvas.card_center(card["id"]))
    QTest.keyClick(board.canvas, Qt.Key_Up, Qt.AltModifier)
    assert lane_named(board, "2026 Q4")["items"][0]["id"] == card["id"]
    board.canvas.select(card["id"])
    QTest.keyClick(board.canvas, Qt.Key_Right, Qt.AltModifier)
    assert ops.get_item(demo_ws, card["id"])["lane_id"] == q1["id"]
    assert ctx.undo_stack.count() == 2
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert [c["id"] for c in lane_named(board, "2026 Q4")["items"]] == [c["id"] for c in q4["items"]]


def test_a_new_workspace_replaces_the_board(qtbot, board, ctx, tmp_path):
    from planner.storage import open_workspace

    fresh = open_workspace(tmp_path / "fresh.db")
    ops.add_lane(fresh, name="2031 Q1", capacity=5)
    ops.add_item(fresh, title="Only item", effort=2, lane="2031 Q1")
    ctx.replace_workspace(fresh)
    assert [lane["name"] for lane in board.lanes] == ["Not planned", "2031 Q1"]
    assert [c["title"] for c in board.lanes[1]["items"]] == ["Only item"]


def test_a_lane_header_menu_renames_sets_capacity_adds_a_quarter_and_deletes_undoably(board, ctx, demo_ws, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from ui.roadmap.lane_menu import lane_menu

    q1 = lane_named(board, "2027 Q1")
    header_x = next(x for x in range(0, board.header.width()) if board.header.lane_at(x) is q1)
    assert board.header.lane_at(header_x)["name"] == "2027 Q1"
    assert [a.text() for a in lane_menu(board, board.lanes[0]).actions()] == []  # Not planned has no menu
    assert [a.text() for a in lane_menu(board, q1).actions() if a.text()] == [
        "Rename Lane…", "Set Capacity…", "Add the Next Quarter", "Delete Lane…"]

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("FY27 Q1", True))
    monkeypatch.setattr(QInputDialog, "getDouble", lambda *a, **k: (14.0, True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    from PySide6.QtWidgets import QDialog
    from ui.dialogs.lanes import WhereItemsGoDialog

    monkeypatch.setattr(WhereItemsGoDialog, "exec", lambda box: QDialog.Accepted)  # the first choice: Not planned
    actions = {a.text(): a for a in lane_menu(board, q1).actions()}
    actions["Rename Lane…"].trigger()
    actions["Set Capacity…"].trigger()
    assert (lane_named(board, "FY27 Q1")["capacity"]) == 14.0
    {a.text(): a for a in lane_menu(board, lane_named(board, "FY27 Q1")).actions()}["Add the Next Quarter"].trigger()
    assert [lane["name"] for lane in board.lanes][-1] == "2027 Q4"
    moved = lane_named(board, "FY27 Q1")["item_count"]
    assert moved > 0
    {a.text(): a for a in lane_menu(board, lane_named(board, "FY27 Q1")).actions()}["Delete Lane…"].trigger()
    assert "FY27 Q1" not in [lane["name"] for lane in board.lanes]
    assert len(board.lanes[0]["items"]) >= moved  # its items went to Not planned

    for _ in range(4):
        ctx.undo_stack.undo()
    assert lane_named(board, "2027 Q1")["capacity"] == q1["capacity"]
    assert lane_named(board, "2027 Q1")["item_count"] == moved
    assert [lane["name"] for lane in board.lanes][-1] == "2027 Q3"


def test_an_empty_board_offers_the_quarters_then_the_first_item(qtbot, ws):
    blank = AppContext(ws)
    view = make_board(qtbot, blank)
    assert view.empty.isVisible() and view.empty.label.text().startswith("No quarters yet.")
    shown = [text for text, button in view.empty.buttons.items() if button.isVisible()]
    assert shown == ["Add Quarters and Now/Next/Later", "Edit Lanes…"]

    qtbot.mouseClick(view.empty.buttons["Add Quarters and Now/Next/Later"], Qt.LeftButton)
    qtbot.waitUntil(lambda: not view.scores_pending, timeout=20000)
    assert len([lane for lane in view.lanes if lane["id"] is not None]) == 4
    assert view.empty.label.text().startswith("No items yet. Add the first one")
    assert [text for text, button in view.empty.buttons.items() if button.isVisible()] == ["New Item…"]

    ops.add_item(ws, title="SSO", lane=view.lanes[1]["name"])
    blank.broadcast(ops.Changes.all())
    qtbot.waitUntil(lambda: not view.scores_pending, timeout=20000)
    assert not view.empty.isVisible()

    blank.undo_stack.undo()  # the lanes go again (the item stays, off the roadmap)
    qtbot.waitUntil(lambda: not view.scores_pending, timeout=20000)
    assert view.empty.isVisible() and view.empty.label.text().startswith("No quarters yet.")
    QThreadPool.globalInstance().waitForDone(20000)
