"""The inbox, driven as a user would: keys, clicks, a drag, the pickers; every action undone."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QDate, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog

from planner import ops, triage
from planner.ops import Changes
from ui.context import AppContext
from ui.inbox import InboxView, ItemPicker, RequestPicker

SSO_REQUEST = "We need SSO for our subsidiary too"
SSO_ITEM = "Single sign-on with SAML and Okta"


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def ctx(demo_ws):
    return AppContext(demo_ws)


@pytest.fixture
def view(qtbot, ctx, messages):
    widget = InboxView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _item_id(ws, title):
    return next(i["id"] for i in ops.list_items(ws) if i["title"] == title)


def _select(view, title):
    row = next(n for n, r in enumerate(view.model.rows) if r["title"] == title)
    view.select_row(row)
    return view.model.rows[row]


def _inbox_ids(view):
    return [r["id"] for r in view.model.rows]


def _links(ws, request_id):
    return [row["item_id"] for row in ws.db["links"].rows_where("request_id = ?", [request_id])]


def test_every_model_passes_the_model_tester(qtmodeltester, view, ctx):
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.items_model)
    request_id = _select(view, SSO_REQUEST)["id"]
    item_picker = ItemPicker(ctx, [request_id])
    qtmodeltester.check(item_picker.model)
    duplicate_picker = RequestPicker(ctx, request_id)
    qtmodeltester.check(duplicate_picker.model)
    view.table.sortByColumn(1, Qt.AscendingOrder)
    qtmodeltester.check(view.model)


def test_inbox_shows_the_unlinked_requests_newest_first(view, demo_ws):
    assert view.model.rowCount() == len(triage.list_inbox(demo_ws)) == 60
    dates = [r["created_at"] for r in view.model.rows]
    assert dates == sorted(dates, reverse=True)
    assert view.current_request() == view.model.rows[0]
    assert "60" in view.count_label.text()


def test_search_and_filters_narrow_the_list(qtbot, view):
    qtbot.keyClicks(view.search, "sso")
    assert view.model.rowCount() > 0
    assert all("SSO" in r["title"] for r in view.model.rows)
    view.search.clear()
    assert view.model.rowCount() == 60
    view.filter_bar.segment_filter.setCurrentIndex(view.filter_bar.segment_filter.findData("Enterprise"))
    assert 0 < view.model.rowCount() < 60 and {r["segment"] for r in view.model.rows} == {"Enterprise"}
    view.filter_bar.segment_filter.setCurrentIndex(0)
    source = view.filter_bar.source_filter.itemData(1)
    view.filter_bar.source_filter.setCurrentIndex(1)
    assert {r["source"] for r in view.model.rows} == {source}
    view.filter_bar.source_filter.setCurrentIndex(0)
    company = view.filter_bar.company_filter.itemData(1)
    view.filter_bar.company_filter.setCurrentIndex(1)
    assert {r["company"] for r in view.model.rows} == {company}
    view.filter_bar.company_filter.setCurrentIndex(0)
    view.filter_bar.since.setDate(QDate(2026, 11, 1))
    assert 0 < view.model.rowCount() < 60
    assert all(r["created_at"] >= "2026-11-01" for r in view.model.rows)
    view.filter_bar.until.setDate(QDate(2026, 11, 10))
    assert all("2026-11-01" <= r["created_at"][:10] <= "2026-11-10" for r in view.model.rows)
    assert "of 60" in view.count_label.text()


def test_detail_pane_suggests_the_sso_item_for_an_sso_request(view):
    _select(view, SSO_REQUEST)
    assert view.detail.title_label.text() == SSO_REQUEST
    assert view.detail.suggestions.current_suggestions[0]["title"] == SSO_ITEM
    assert view.detail.suggestions.buttons
    # The side list puts the suggestions on top too.
    assert view.items_model.rows[0]["title"] == SSO_ITEM


def test_link_a_suggestion_with_one_click_then_undo(qtbot, view, ctx, demo_ws):
    req = _select(view, SSO_REQUEST)
    row = view.model.row_of(req["id"])
    following = view.model.rows[row + 1]["id"]
    qtbot.mouseClick(view.detail.suggestions.buttons[0], Qt.LeftButton)
    sso = _item_id(demo_ws, SSO_ITEM)
    assert _links(demo_ws, req["id"]) == [sso]
    assert req["id"] not in _inbox_ids(view)
    assert view.current_request()["id"] == following  # the next request is up
    assert ctx.undo_stack.undoText() == f"Link request {req['id']} to “{SSO_ITEM}”"
    ctx.undo_stack.undo()
    assert _links(demo_ws, req["id"]) == []
    assert req["id"] in _inbox_ids(view)
    assert ops.request(demo_ws, req["id"])["status"] == "new"
    ctx.undo_stack.redo()
    assert _links(demo_ws, req["id"]) == [sso]


def test_link_with_the_picker_on_key_l_then_undo(qtbot, view, ctx, demo_ws, monkeypatch):
    req = _select(view, "Need Gantt baseline comparison")
    gantt = _item_id(demo_ws, "Gantt chart view")
    seen = {}

    def fake_exec(dialog):
        seen["first"] = dialog.model.rows[0]["title"]  # the likeliest item is first
        qtbot.keyClicks(dialog.search, "gantt")
        assert [r["title"] for r in dialog.model.rows] == ["Gantt chart view"]
        return QDialog.Accepted

    monkeypatch.setattr(ItemPicker, "exec", fake_exec)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key_L)
    assert seen["first"] == "Gantt chart view"
    assert _links(demo_ws, req["id"]) == [gantt]
    assert "Gantt chart view" in ctx.undo_stack.undoText()
    ctx.undo_stack.undo()
    assert _links(demo_ws, req["id"]) == []


def test_picker_cancelled_changes_nothing(qtbot, view, ctx, monkeypatch):
    _select(view, SSO_REQUEST)
    monkeypatch.setattr(ItemPicker, "exec", lambda dialog: QDialog.Rejected)
    qtbot.keyClick(view.table, Qt.Key_L)
    assert ctx.undo_stack.count() == 0
    assert view.model.rowCount() == 60


def test_picker_searches_all_items_and_keeps_suggestions_first(qtbot, ctx, demo_ws):
    req = next(r for r in triage.list_inbox(demo_ws) if r["title"] == SSO_REQUEST)
    picker = ItemPicker(ctx, [req["id"]])
    qtbot.addWidget(picker)
    picker.show()
    assert picker.model.rows[0]["title"] == SSO_ITEM and picker.model.rows[0]["score"] is not None
    assert picker.model.rowCount() == len(ops.list_items(demo_ws))
    qtbot.keyClicks(picker.search, "dark")
    assert [r["title"] for r in picker.model.rows] == ["Dark mode"]
    assert picker.chosen_id() == _item_id(demo_ws, "Dark mode")
    picker.search.clear()
    qtbot.keyClick(picker.search, Qt.Key_Down)
    assert picker.current_row() == 1


def test_mark_duplicate_on_key_d_then_undo(qtbot, view, ctx, demo_ws, monkeypatch):
    req = _select(view, SSO_REQUEST)
    chosen = {}

    def fake_exec(dialog):
        # The same request from another customer is the likeliest original.
        chosen["row"] = dialog.model.rows[0]
        return QDialog.Accepted

    monkeypatch.setattr(RequestPicker, "exec", fake_exec)
    qtbot.keyClick(view.table, Qt.Key_D)
    original = chosen["row"]
    assert original["title"] == SSO_REQUEST and original["id"] != req["id"]
    after = ops.request(demo_ws, req["id"])
    assert after["status"] == "duplicate" and after["duplicate_of"] == original["id"]
    assert req["id"] not in _inbox_ids(view)
    assert ctx.undo_stack.undoText() == f"Mark request {req['id']} as a duplicate of request {original['id']}"
    ctx.undo_stack.undo()
    after = ops.request(demo_ws, req["id"])
    assert after["status"] == "new" and after["duplicate_of"] is None
    assert req["id"] in _inbox_ids(view)


def test_archive_on_key_a_selects_the_next_request_then_undo(qtbot, view, ctx, demo_ws):
    view.select_row(3)
    req, following = view.model.rows[3], view.model.rows[4]
    qtbot.keyClick(view.table, Qt.Key_A)
    assert ops.request(demo_ws, req["id"])["status"] == "archived"
    assert view.current_request()["id"] == following["id"]
    assert ctx.undo_stack.undoText() == f"Archive request {req['id']}"
    ctx.undo_stack.undo()
    assert ops.request(demo_ws, req["id"])["status"] == "new"
    assert view.model.rowCount() == 60


def test_create_an_item_from_two_requests_on_key_n_then_undo(qtbot, view, ctx, demo_ws, monkeypatch):
    rows = [r for r in view.model.rows if r["title"] == "Please add a Kanban swimlane by assignee"][:2]
    assert len(rows) == 2
    view.select_row(view.model.row_of(rows[0]["id"]))
    index = view.model.index(view.model.row_of(rows[1]["id"]), 0)
    view.table.scrollTo(index)
    qtbot.mouseClick(view.table.viewport(), Qt.LeftButton, Qt.ControlModifier, view.table.visualRect(index).center())
    assert sorted(view.selected_ids()) == sorted(r["id"] for r in rows)
    asked = {}

    def fake_get_text(parent, title, label, mode, text):
        asked["default"] = text
        return "Kanban swimlanes by assignee", True

    monkeypatch.setattr(QInputDialog, "getText", fake_get_text)
    items_before = len(ops.list_items(demo_ws))
    qtbot.keyClick(view.table, Qt.Key_N)
    assert asked["default"] == rows[0]["title"]
    items = ops.list_items(demo_ws)
    assert len(items) == items_before + 1
    made = next(i for i in items if i["title"] == "Kanban swimlanes by assignee")
    assert all(_links(demo_ws, r["id"]) == [made["id"]] for r in rows)
    assert not {r["id"] for r in rows} & set(_inbox_ids(view))
    assert ctx.undo_stack.undoText() == "Create item “Kanban swimlanes by assignee” from 2 requests"
    ctx.undo_stack.undo()
    assert len(ops.list_items(demo_ws)) == items_before
    assert {r["id"] for r in rows} <= set(_inbox_ids(view))
    assert all(ops.request(demo_ws, r["id"])["status"] == "new" for r in rows)


def test_keys_move_through_the_requests(qtbot, view):
    view.select_row(0)
    view.table.setFocus()
    first, second = view.model.rows[0]["id"], view.model.rows[1]["id"]
    qtbot.keyClick(view.table, Qt.Key_J)
    assert view.current_request()["id"] == second
    qtbot.keyClick(view.table, Qt.Key_K)
    assert view.current_request()["id"] == first
    qtbot.keyClick(view.table, Qt.Key_Down)
    assert view.current_request()["id"] == second
    qtbot.keyClick(view.table, Qt.Key_Up)
    assert view.current_request()["id"] == first
    qtbot.keyClick(view.table, Qt.Key_K)  # stays on the first
    assert view.current_request()["id"] == first


def test_typing_in_search_is_not_taken_as_triage_keys(qtbot, view, ctx):
    qtbot.keyClicks(view.search, "dal")
    assert view.search.text() == "dal"
    assert ctx.undo_stack.count() == 0


def test_drag_requests_onto_an_item_links_them_then_undo(qtbot, view, ctx, demo_ws):
    req = _select(view, SSO_REQUEST)
    mime = view.model.mimeData([view.model.index(view.model.row_of(req["id"]), 0)])
    target_row = next(n for n, r in enumerate(view.items_model.rows) if r["title"] == "Audit log export")
    rect = view.items_table.visualRect(view.items_model.index(target_row, 0))
    if not view.items_table.viewport().rect().contains(rect.center()):
        view.items_table.scrollTo(view.items_model.index(target_row, 0))
        rect = view.items_table.visualRect(view.items_model.index(target_row, 0))
    # The events a real drag sends: enter, move over the item, drop.
    viewport, pos, actions = view.items_table.viewport(), rect.center(), Qt.LinkAction | Qt.CopyAction
    enter = QDragEnterEvent(pos, actions, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(pos, actions, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    QApplication.sendEvent(viewport, QDropEvent(QPointF(pos), actions, mime, Qt.LeftButton, Qt.NoModifier))
    audit = _item_id(demo_ws, "Audit log export")
    assert _links(demo_ws, req["id"]) == [audit]
    assert "Audit log export" in ctx.undo_stack.undoText()
    ctx.undo_stack.undo()
    assert _links(demo_ws, req["id"]) == []


def test_an_error_shows_its_message_and_pushes_nothing(view, ctx, demo_ws, messages):
    req = _select(view, SSO_REQUEST)
    view.link_requests([req["id"]], 99999)
    assert ctx.undo_stack.count() == 0
    assert messages and "99999" in messages[-1]["text"]


def test_empty_inbox_says_so(qtbot, ctx, demo_ws):
    for r in triage.list_inbox(demo_ws):
        ops.set_request_status(demo_ws, r["id"], "archived")
    widget = InboxView(ctx)
    qtbot.addWidget(widget)
    assert widget.model.rowCount() == 0
    assert widget.detail.title_label.text() == "Nothing to triage"
    assert not widget.detail.link_button.isEnabled()

    assert widget.empty.label.text().startswith("Inbox zero: every request is linked")


def test_a_new_workspaces_inbox_offers_to_import_requests(qtbot, show, blank_ctx, monkeypatch):
    widget = show(InboxView(blank_ctx))
    assert widget.empty.isVisible()
    assert widget.empty.label.text().startswith("No requests yet. Import what support, sales and success collected")
    opened = []
    monkeypatch.setattr(type(widget), "window", lambda self: type("W", (), {"open_import_wizard": lambda s: opened.append(1)})())
    qtbot.mouseClick(widget.empty.buttons["Import Requests…"], Qt.LeftButton)
    assert opened == [1]
    ops.add_request(blank_ctx.ws, title="Export to PDF", company="Acme")
    blank_ctx.broadcast(Changes.all())
    assert not widget.empty.isVisible() and widget.model.rowCount() == 1


def test_a_hidden_inbox_catches_up_when_shown(qtbot, view, demo_ws, ctx):
    view.hide()
    req = triage.list_inbox(demo_ws)[0]
    archived = ops.set_request_status(demo_ws, req["id"], "archived")
    ctx.broadcast(archived.changes)
    assert req["id"] in _inbox_ids(view)  # not redrawn while hidden
    view.show()
    assert req["id"] not in _inbox_ids(view)


def test_the_inbox_inside_the_main_window(window, qtbot):
    window.show_view(1)
    inbox = window.views["inbox"]
    assert isinstance(inbox, InboxView)
    assert inbox.model.rowCount() == 60
    window.focus_search()
    assert window.focusWidget() is inbox.search  # the window's focus, whether or not the test's window is active


def test_clear_filters_and_go_from_search_to_the_list(qtbot, view):
    assert not view.filter_bar.clear_filters_button.isVisible()
    qtbot.keyClicks(view.search, "custom")
    view.filter_bar.segment_filter.setCurrentIndex(view.filter_bar.segment_filter.findData("SMB"))
    assert view.filter_bar.clear_filters_button.isVisible()
    narrowed = view.model.rowCount()
    assert 0 < narrowed < 60
    qtbot.keyClick(view.search, Qt.Key_Down)
    assert view.window().focusWidget() is view.table
    qtbot.mouseClick(view.filter_bar.clear_filters_button, Qt.LeftButton)
    assert view.model.rowCount() == 60 and view.search.text() == ""
    assert view.filter_bar.segment_filter.currentData() is None
    assert not view.filter_bar.clear_filters_button.isVisible()


def test_a_filtered_company_stays_chosen_after_its_last_request_is_archived(qtbot, view, demo_ws):
    company = view.filter_bar.company_filter.itemData(1)
    view.filter_bar.company_filter.setCurrentIndex(1)
    for _ in range(view.model.rowCount()):
        qtbot.keyClick(view.table, Qt.Key_A)
    assert view.model.rowCount() == 0
    assert view.filter_bar.company_filter.currentData() == company


def test_number_keys_link_to_the_numbered_suggestion(qtbot, view, ctx, demo_ws):
    req = _select(view, "Custom fields should be required on create")
    first = view.detail.suggestions.current_suggestions[0]
    assert first["title"] == "Custom fields on tasks"
    assert view.detail.suggestions.buttons[0].text().endswith("1")
    qtbot.keyClick(view.table, Qt.Key_1)
    assert _links(demo_ws, req["id"]) == [first["item_id"]]
    ctx.undo_stack.undo()
    assert _links(demo_ws, req["id"]) == []
    _select(view, "Please add a Kanban swimlane by assignee")
    assert view.detail.suggestions.current_suggestions == []
    qtbot.keyClick(view.table, Qt.Key_1)  # nothing to link to: nothing happens
    assert ctx.undo_stack.index() == 0  # a push would have moved it


def test_a_search_that_matches_nothing_says_so(qtbot, view):
    qtbot.keyClicks(view.search, "zzzz-nothing")
    assert view.model.rowCount() == 0
    assert view.detail.title_label.text() == "No request matches"
    assert not view.detail.link_button.isEnabled()


def test_a_narrow_list_gives_the_title_the_room(qtbot, view):
    view.resize(900, 700)
    qtbot.waitUntil(lambda: view.table.isColumnHidden(3))
    assert not view.table.isColumnHidden(0)
    view.resize(1800, 800)
    qtbot.waitUntil(lambda: not view.table.isColumnHidden(3))
