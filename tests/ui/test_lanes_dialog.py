"""The Lanes editor: add, edit inline, reorder and delete lanes, each one undo step, with the board following."""

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit

from planner import ops
from planner.storage import queries
from ui.dialogs.lanes import LanesDialog, WhereItemsGoDialog
from ui.operations import items as item_actions
from ui.roadmap.style import OVER_COLOR


@pytest.fixture
def dialog(qtbot, ctx):
    view = LanesDialog(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def board(qtbot, ctx):
    from ui.roadmap import BoardView

    view = BoardView(ctx)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view.scores_pending, timeout=20000)
    yield view
    QThreadPool.globalInstance().waitForDone(20000)


def shown(dialog, key="name"):
    """What the table shows in one column, top to bottom."""
    column = [k for k, _ in dialog.model.COLUMNS].index(key)
    return [dialog.model.index(row, column).data() for row in range(dialog.model.rowCount())]


def lane_id(dialog, name):
    return next(row["id"] for row in dialog.model.rows if row["name"] == name)


def type_into(qtbot, dialog, name, key, text):
    """Double-click the cell as a user would, type `text` over what is there and press Return."""
    index = dialog.index_of(lane_id(dialog, name), key)
    dialog.table.scrollTo(index)
    rect = dialog.table.visualRect(index)
    QTest.mouseClick(dialog.table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    QTest.mouseDClick(dialog.table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    editors = [e for e in dialog.table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, "double-clicking the cell opens one editor"
    editor = editors[0]
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key_Delete)
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.state() != dialog.table.State.EditingState)


def board_lane(board, name):
    return next(lane for lane in board.lanes if lane["name"] == name)


def test_lanes_show_in_board_order_with_kind_dates_capacity_effort_and_items(dialog):
    assert shown(dialog) == ["2026 Q4", "2027 Q1", "2027 Q2", "2027 Q3", "v4.2", "v4.3", "v5.0", "Now", "Next", "Later"]
    assert shown(dialog, "kind") == ["quarter"] * 4 + ["release"] * 3 + ["bucket"] * 3
    assert shown(dialog, "start_date")[0] == "2026-10-01" and shown(dialog, "end_date")[0] == "2026-12-31"
    assert shown(dialog, "capacity")[:2] == ["10", "10"] and shown(dialog, "capacity")[-1] == ""
    assert shown(dialog, "effort_planned")[:3] == ["17", "6", "14.5"]
    assert shown(dialog, "items")[:3] == ["12", "2", "7"]
    over = dialog.index_of(lane_id(dialog, "2026 Q4"), "effort_planned")
    assert over.data(Qt.ForegroundRole) == QColor(OVER_COLOR)
    assert over.data(Qt.ToolTipRole) == "17 person-months are planned: over the capacity of 10 by 7."
    fine = dialog.index_of(lane_id(dialog, "2027 Q1"), "effort_planned")
    assert fine.data(Qt.ForegroundRole) is None and fine.data(Qt.ToolTipRole) is None


def test_add_a_quarter_set_its_capacity_and_the_board_s_warning_follows(qtbot, dialog, board, ctx, demo_ws):
    qtbot.mouseClick(dialog.add_quarter_button, Qt.LeftButton)
    assert shown(dialog)[:5] == ["2026 Q4", "2027 Q1", "2027 Q2", "2027 Q3", "2027 Q4"]
    assert dialog.selected_lane()["name"] == "2027 Q4"
    assert ctx.undo_stack.undoText() == "Add the next quarter"
    assert [lane["name"] for lane in board.lanes][-1] == "2027 Q4"
    moving = [card["id"] for card in board_lane(board, "2027 Q1")["items"]]
    item_actions.move_items(ctx, board, moving, lane_id(dialog, "2027 Q4"))  # 6 person-months planned there
    assert shown(dialog, "effort_planned")[4] == "6"
    assert not board_lane(board, "2027 Q4")["over_capacity"]

    type_into(qtbot, dialog, "2027 Q4", "capacity", "4")
    assert ctx.undo_stack.undoText() == "Set capacity of “2027 Q4” to 4 person-months"
    assert ops.find_lane(demo_ws, "2027 Q4")["capacity"] == 4
    assert board_lane(board, "2027 Q4")["over_capacity"] and "2027 Q4" in board.summary.text()
    warned = dialog.index_of(lane_id(dialog, "2027 Q4"), "effort_planned")
    assert warned.data(Qt.ForegroundRole) == QColor(OVER_COLOR)
    assert warned.data(Qt.ToolTipRole) == "6 person-months are planned: over the capacity of 4 by 2."

    type_into(qtbot, dialog, "2027 Q4", "capacity", "8")
    assert not board_lane(board, "2027 Q4")["over_capacity"] and "2027 Q4" not in board.summary.text()
    assert dialog.index_of(lane_id(dialog, "2027 Q4"), "effort_planned").data(Qt.ForegroundRole) is None

    ctx.undo_stack.undo()  # back to 4: over again
    assert board_lane(board, "2027 Q4")["over_capacity"] and shown(dialog, "capacity")[4] == "4"
    ctx.undo_stack.undo()  # back to 10, the last quarter's
    assert not board_lane(board, "2027 Q4")["over_capacity"] and shown(dialog, "capacity")[4] == "10"
    ctx.undo_stack.undo()  # the items go back
    ctx.undo_stack.undo()  # the quarter goes
    assert "2027 Q4" not in shown(dialog) and [lane["name"] for lane in board.lanes][-1] == "2027 Q3"
    ctx.undo_stack.redo()
    assert "2027 Q4" in shown(dialog)


def test_names_and_dates_are_edited_inline_and_empty_clears(qtbot, dialog, ctx, demo_ws, messages):
    type_into(qtbot, dialog, "v5.0", "name", "v5.0 LTS")
    assert ctx.undo_stack.undoText() == "Rename lane “v5.0” to “v5.0 LTS”"
    type_into(qtbot, dialog, "v5.0 LTS", "start_date", "2027-04-01")
    assert ctx.undo_stack.undoText() == "Set the start of “v5.0 LTS” to 2027-04-01"
    type_into(qtbot, dialog, "v5.0 LTS", "end_date", "")
    assert ctx.undo_stack.undoText() == "Clear the end of “v5.0 LTS”"
    lane = ops.find_lane(demo_ws, "v5.0 LTS")
    assert (lane["start_date"], lane["end_date"]) == ("2027-04-01", None)
    assert shown(dialog, "end_date")[6] == ""

    steps = ctx.undo_stack.count()
    type_into(qtbot, dialog, "v5.0 LTS", "start_date", "April")
    assert messages and messages[-1]["text"] == "The lane's start date must look like 2026-04-01."
    assert ctx.undo_stack.count() == steps and shown(dialog, "start_date")[6] == "2027-04-01"

    for _ in range(3):
        ctx.undo_stack.undo()
    lane = ops.find_lane(demo_ws, "v5.0")
    assert (lane["start_date"], lane["end_date"]) == ("2027-03-24", "2027-07-21")
    assert shown(dialog)[6] == "v5.0"


def test_move_up_and_down_reorder_the_board_and_undo_puts_them_back(qtbot, dialog, board, ctx):
    dialog.select_lane(lane_id(dialog, "2027 Q2"))
    assert dialog.up_button.isEnabled() and dialog.down_button.isEnabled()
    qtbot.mouseClick(dialog.up_button, Qt.LeftButton)
    qtbot.mouseClick(dialog.up_button, Qt.LeftButton)
    assert shown(dialog)[:4] == ["2027 Q2", "2026 Q4", "2027 Q1", "2027 Q3"]
    assert [lane["name"] for lane in board.lanes][1:] == ["2027 Q2", "2026 Q4", "2027 Q1", "2027 Q3"]
    assert dialog.selected_lane()["name"] == "2027 Q2" and not dialog.up_button.isEnabled()
    assert ctx.undo_stack.undoText() == "Move lane “2027 Q2” to position 1"

    dialog.select_lane(lane_id(dialog, "Later"))
    assert dialog.up_button.isEnabled() and not dialog.down_button.isEnabled()  # the last bucket
    dialog.select_lane(lane_id(dialog, "Now"))
    qtbot.mouseClick(dialog.down_button, Qt.LeftButton)
    assert shown(dialog)[7:] == ["Next", "Now", "Later"]

    for _ in range(3):
        ctx.undo_stack.undo()
    assert shown(dialog) == ["2026 Q4", "2027 Q1", "2027 Q2", "2027 Q3", "v4.2", "v4.3", "v5.0", "Now", "Next", "Later"]
    assert [lane["name"] for lane in board.lanes][1:] == ["2026 Q4", "2027 Q1", "2027 Q2", "2027 Q3"]


def test_delete_asks_where_the_items_go_and_undo_brings_the_lane_and_items_back(qtbot, dialog, board, ctx, monkeypatch):
    asked = []

    def choose(where):
        def fake_exec(box):
            asked.append([box.where.itemText(n) for n in range(box.where.count())])
            box.where.setCurrentIndex(box.where.findText(where, Qt.MatchStartsWith))
            return QDialog.Accepted
        return fake_exec

    q4_cards = [card["id"] for card in board_lane(board, "2026 Q4")["items"]]
    q1_cards = [card["id"] for card in board_lane(board, "2027 Q1")["items"]]
    monkeypatch.setattr(WhereItemsGoDialog, "exec", choose("2027 Q1"))
    dialog.select_lane(lane_id(dialog, "2026 Q4"))
    qtbot.mouseClick(dialog.delete_button, Qt.LeftButton)
    assert asked[0][:3] == ["Not planned (keep in the backlog)", "2027 Q1 (quarter)", "2027 Q2 (quarter)"]
    assert "2026 Q4 (quarter)" not in asked[0] and "Later (bucket)" in asked[0]
    assert ctx.undo_stack.undoText() == "Delete lane “2026 Q4” and move its items to “2027 Q1”"
    assert "2026 Q4" not in shown(dialog)
    assert [card["id"] for card in board_lane(board, "2027 Q1")["items"]] == q1_cards + q4_cards
    assert shown(dialog, "items")[0] == str(len(q1_cards) + len(q4_cards))

    ctx.undo_stack.undo()
    assert shown(dialog)[0] == "2026 Q4"
    assert [card["id"] for card in board_lane(board, "2026 Q4")["items"]] == q4_cards
    assert [card["id"] for card in board_lane(board, "2027 Q1")["items"]] == q1_cards

    monkeypatch.setattr(WhereItemsGoDialog, "exec", choose("Not planned"))
    dialog.select_lane(lane_id(dialog, "2027 Q2"))
    qtbot.mouseClick(dialog.delete_button, Qt.LeftButton)
    assert ctx.undo_stack.undoText() == "Delete lane “2027 Q2”"
    assert "2027 Q2" not in [lane["name"] for lane in board.lanes]
    assert len(board.lanes[0]["items"]) >= 7  # its items are on the not-planned column
    ctx.undo_stack.undo()
    assert board_lane(board, "2027 Q2")["item_count"] == 7


def test_cancelling_the_question_deletes_nothing_and_an_empty_lane_is_not_asked_about(qtbot, dialog, ctx, monkeypatch):
    monkeypatch.setattr(WhereItemsGoDialog, "exec", lambda box: QDialog.Rejected)
    dialog.select_lane(lane_id(dialog, "2026 Q4"))
    qtbot.mouseClick(dialog.delete_button, Qt.LeftButton)
    assert "2026 Q4" in shown(dialog) and ctx.undo_stack.count() == 0

    def never(box):
        raise AssertionError("an empty lane needs no question")

    monkeypatch.setattr(WhereItemsGoDialog, "exec", never)
    dialog.select_lane(lane_id(dialog, "2027 Q3"))
    qtbot.mouseClick(dialog.delete_button, Qt.LeftButton)
    assert "2027 Q3" not in shown(dialog)
    ctx.undo_stack.undo()
    assert "2027 Q3" in shown(dialog)


def test_add_release_and_add_bucket_ask_for_a_name(qtbot, dialog, ctx, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("v6.0", True))
    qtbot.mouseClick(dialog.add_release_button, Qt.LeftButton)
    assert shown(dialog)[4:8] == ["v4.2", "v4.3", "v5.0", "v6.0"]
    assert dialog.selected_lane()["name"] == "v6.0"
    assert ctx.undo_stack.undoText() == "Add the release lane “v6.0”"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Someday", True))
    qtbot.mouseClick(dialog.add_bucket_button, Qt.LeftButton)
    assert shown(dialog)[-1] == "Someday" and shown(dialog, "kind")[-1] == "bucket"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Ignored", False))
    qtbot.mouseClick(dialog.add_bucket_button, Qt.LeftButton)
    assert "Ignored" not in shown(dialog)
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert "v6.0" not in shown(dialog) and "Someday" not in shown(dialog)


def test_add_quarter_names_the_fiscal_quarter_in_the_interface_language(qtbot, qapp, ctx, demo_ws, monkeypatch):
    from ui.i18n import install_translators, remove_translators

    queries.set_setting(demo_ws, "fiscal_year_start", 4)
    monkeypatch.setenv("PLANNER_LANG", "ja")
    assert install_translators(qapp, "ja") == "ja"
    try:
        view = LanesDialog(ctx)
        qtbot.addWidget(view)
        view.add_quarter()
    finally:
        remove_translators(qapp)
    added = view.selected_lane()
    assert (added["name"], added["start_date"], added["end_date"]) == ("2027年度 第3四半期", "2027-10-01", "2027-12-31")


def test_the_lane_menu_opens_the_editor_and_its_delete_asks_where_items_go(qtbot, window, monkeypatch):
    from ui.roadmap.lane_menu import lane_menu

    window.view_actions[2].trigger()
    board = window.stack.currentWidget()
    qtbot.waitUntil(lambda: not board.scores_pending, timeout=20000)
    q2 = board_lane(board, "2027 Q2")
    texts = [a.text() for a in lane_menu(board, q2).actions() if a.text()]
    assert texts == ["Rename Lane…", "Set Capacity…", "Add the Next Quarter", "Edit Lanes…",
                     "Release Notes and Whom to Tell…", "Delete Lane…"]
    assert [a.text() for a in lane_menu(board, board.lanes[0]).actions()] == ["Edit Lanes…"]
    {a.text(): a for a in lane_menu(board, q2).actions()}["Edit Lanes…"].trigger()
    editor = window.dialogs["lanes"]
    assert isinstance(editor, LanesDialog) and editor.isVisible() and not editor.isModal()

    monkeypatch.setattr(WhereItemsGoDialog, "exec", lambda box: box.where.setCurrentIndex(
        box.where.findText("Later", Qt.MatchStartsWith)) or QDialog.Accepted)
    {a.text(): a for a in lane_menu(board, q2).actions()}["Delete Lane…"].trigger()
    assert window.ctx.undo_stack.undoText() == "Delete lane “2027 Q2” and move its items to “Later”"
    assert len([i for i in ops.list_items(window.ctx.ws) if i["lane"] == "Later"]) == 7
    assert "2027 Q2" not in shown(editor) and shown(editor, "items")[-1] == "7"  # the editor follows
    window.ctx.undo_stack.undo()
    assert board_lane(board, "2027 Q2")["item_count"] == 7 and "2027 Q2" in shown(editor)
    QThreadPool.globalInstance().waitForDone(20000)


def test_a_workspace_without_lanes_says_what_each_kind_is_for_until_the_first_is_added(qtbot, blank_ctx):
    view = LanesDialog(blank_ctx)
    qtbot.addWidget(view)
    view.show()
    assert view.empty.isVisible() and view.empty.text().startswith("No lanes yet. Add Quarter adds the next quarter")
    qtbot.mouseClick(view.add_quarter_button, Qt.LeftButton)
    assert [lane["kind"] for lane in view.lane_rows()] == ["quarter"] and not view.empty.isVisible()
