"""The inbox flow as a user drives it: keyboard on the list when it opens, every action says what it did,
and the requests that say the same thing are offered for the same action with one key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QInputDialog

from planner import inbox_flow, ops, triage
from ui import hotkeys
from ui.inbox import InboxView
from ui.inbox.tables import triage_action

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
UNDO = QKeySequence("Ctrl+Z").toString(QKeySequence.NativeText)


def _add(ws, title, company, body=None):
    return ops.add_request(ws, title=title, body=body, company=company, source="form",
                           external_id=f"{title}|{company}").value["id"]


@pytest.fixture
def repeats(blank_ctx):
    """'Export to PDF' asked by Acme, then the same words from Globex and Initech; other requests around them."""
    ws = blank_ctx.ws
    pdf = ops.add_item(ws, title="PDF export")["id"]
    ids = {
        "other": _add(ws, "Gantt chart", "Hooli"),
        "acme": _add(ws, "Export to PDF", "Acme", "Our board wants the roadmap as a PDF."),
        "globex": _add(ws, "export to PDF!", "Globex", "Our board wants the roadmap as a PDF"),
        "initech": _add(ws, "Export to PDF", "Initech", "our board wants the roadmap as a pdf."),
        "acme2": _add(ws, "Dark mode", "Acme"),
    }
    return blank_ctx, pdf, ids


@pytest.fixture
def inbox(show, repeats):
    ctx, pdf, ids = repeats
    view = show(InboxView(ctx), size=(1300, 700))
    said = []
    ctx.said.connect(said.append)
    return view, ctx, pdf, ids, said


def _select(view, request_id):
    view.select_row(view.model.row_of(request_id))
    view.table.setFocus()


def _status(ws, request_id):
    return ops.request(ws, request_id)["status"]


# ---------------------------------------------------------------- the keyboard is on the list


def test_opening_the_inbox_puts_the_keyboard_on_the_first_request(qtbot, window, demo_ws):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key_2, Qt.ControlModifier)  # the inbox's shortcut
    inbox = window.views["inbox"]
    assert window.focusWidget() is inbox.table
    first = inbox.model.rows[0]
    assert inbox.current_request() == first
    qtbot.keyClick(window.focusWidget(), Qt.Key_A)  # no click needed first
    assert _status(demo_ws, first["id"]) == "archived"
    assert inbox.current_request()["id"] == inbox.model.rows[0]["id"] != first["id"]


def test_clicking_inbox_in_the_list_on_the_left_does_the_same_and_coming_back_keeps_the_request(qtbot, window):
    nav = window.nav
    qtbot.mouseClick(nav.viewport(), Qt.LeftButton, pos=nav.visualItemRect(nav.item(1)).center())
    inbox = window.views["inbox"]
    assert window.stack.currentWidget() is inbox and window.focusWidget() is inbox.table
    inbox.select_row(4)
    chosen = inbox.current_request()["id"]
    qtbot.mouseClick(nav.viewport(), Qt.LeftButton, pos=nav.visualItemRect(nav.item(0)).center())
    assert window.focusWidget() is not inbox.table
    qtbot.mouseClick(nav.viewport(), Qt.LeftButton, pos=nav.visualItemRect(nav.item(1)).center())
    assert window.focusWidget() is inbox.table
    assert inbox.current_request()["id"] == chosen


# ---------------------------------------------------------------- every action says what it did


def test_a_link_says_to_what_and_how_many_are_left_from_that_company(qtbot, inbox):
    view, ctx, pdf, ids, said = inbox
    _select(view, ids["acme"])
    view.link_requests([ids["acme"]], pdf)
    text = f"Linked to PDF export — 1 left from Acme. {UNDO} undoes it."
    assert view.banner.label.text() == text and view.banner.isVisible()
    assert said[-1] == text  # the status bar shows it too
    assert view.current_request()["id"] != ids["acme"]


def test_archive_says_how_many_are_left_and_undo_from_the_banner_takes_it_back(qtbot, inbox):
    view, ctx, pdf, ids, said = inbox
    _select(view, ids["other"])
    qtbot.keyClick(view.table, Qt.Key_A)
    assert view.banner.label.text() == f"Archived — 4 left in the inbox. {UNDO} undoes it."
    qtbot.mouseClick(view.banner.undo_button, Qt.LeftButton)
    assert _status(ctx.ws, ids["other"]) == "new"
    assert not view.banner.isVisible()  # what it said no longer holds
    assert said[-1].startswith("Undone: Archive request")


def test_marking_a_duplicate_names_the_original(qtbot, inbox, monkeypatch):
    view, ctx, pdf, ids, said = inbox
    _select(view, ids["acme2"])
    monkeypatch.setattr("ui.inbox.pickers.pick_original", lambda ctx, request_id, parent: ids["other"])
    qtbot.keyClick(view.table, Qt.Key_D)
    assert view.banner.label.text() == f"Marked as a duplicate of #{ids['other']} — 4 left in the inbox. {UNDO} undoes it."
    assert not view.banner.offering


# ---------------------------------------------------------------- the same thing, offered with one key


def test_after_a_link_the_repeats_are_offered_and_y_links_them_as_one_undo_step(qtbot, inbox):
    view, ctx, pdf, ids, said = inbox
    _select(view, ids["acme"])
    view.link_requests([ids["acme"]], pdf)
    qtbot.waitUntil(lambda: view.banner.offering)
    assert view.banner.offer_label.text() == (
        "2 more requests say the same thing (Globex, Initech): link them to “PDF export” too?")
    assert view.banner.accept_button.text() == "Link them too (Y)"
    current = view.current_request()["id"]
    steps = ctx.undo_stack.count()
    qtbot.keyClick(view.table, Qt.Key_Y)
    assert [_status(ctx.ws, ids[k]) for k in ("globex", "initech")] == ["linked", "linked"]
    assert view.banner.label.text() == f"Linked 2 more requests to PDF export — 2 left in the inbox. {UNDO} undoes it."
    assert not view.banner.offering
    assert view.current_request()["id"] == current  # the request the user was on stays selected
    assert ctx.undo_stack.count() == steps + 1
    ctx.undo_stack.undo()
    assert [_status(ctx.ws, ids[k]) for k in ("globex", "initech")] == ["new", "new"]
    assert _status(ctx.ws, ids["acme"]) == "linked"


def test_after_archiving_the_repeats_can_be_archived_too(qtbot, inbox):
    view, ctx, pdf, ids, said = inbox
    _select(view, ids["globex"])
    qtbot.keyClick(view.table, Qt.Key_A)
    qtbot.waitUntil(lambda: view.banner.offering)
    assert view.banner.offer_label.text() == "2 more requests say the same thing (Acme, Initech): archive them too?"
    qtbot.keyClick(view.table, Qt.Key_Y)
    assert [_status(ctx.ws, ids[k]) for k in ("acme", "initech", "other")] == ["archived", "archived", "new"]
    assert {r["id"] for r in view.model.rows} == {ids["other"], ids["acme2"]}


def test_a_new_item_from_a_request_offers_to_link_its_repeats_to_it(qtbot, inbox, monkeypatch):
    view, ctx, pdf, ids, said = inbox
    monkeypatch.setattr(QInputDialog, "getText", lambda *a: ("Board PDF", True))
    _select(view, ids["initech"])
    qtbot.keyClick(view.table, Qt.Key_N)
    made = next(i for i in ops.list_items(ctx.ws) if i["title"] == "Board PDF")
    assert view.banner.label.text() == f"Created “Board PDF” from a request — 0 left from Initech. {UNDO} undoes it."
    qtbot.waitUntil(lambda: view.banner.offering)
    assert "link them to “Board PDF” too?" in view.banner.offer_label.text()
    qtbot.mouseClick(view.banner.accept_button, Qt.LeftButton)
    linked = {link["request_id"] for link in ctx.ws.db["links"].rows_where("item_id = ?", [made["id"]])}
    assert linked == {ids["initech"], ids["acme"], ids["globex"]}


def test_an_undo_withdraws_the_offer_and_y_then_does_nothing(qtbot, inbox):
    view, ctx, pdf, ids, said = inbox
    _select(view, ids["acme"])
    view.link_requests([ids["acme"]], pdf)
    qtbot.waitUntil(lambda: view.banner.offering)
    ctx.undo_stack.undo()
    assert not view.banner.offering
    steps = ctx.undo_stack.index()
    qtbot.keyClick(view.table, Qt.Key_Y)
    assert ctx.undo_stack.index() == steps
    assert [_status(ctx.ws, ids[k]) for k in ("acme", "globex", "initech")] == ["new", "new", "new"]


def test_a_request_with_no_repeat_offers_nothing(qtbot, inbox):
    view, ctx, pdf, ids, said = inbox
    _select(view, ids["other"])
    qtbot.keyClick(view.table, Qt.Key_A)
    assert inbox_flow.same_requests(ctx.ws, ids["other"]) == []
    qtbot.waitUntil(lambda: not view.looking_for_same)  # the search has answered: nothing to offer
    assert not view.banner.offering and view.banner.label.text().startswith("Archived")


# ---------------------------------------------------------------- the keys live in ui.hotkeys


def test_every_triage_key_is_described_in_hotkeys_and_drives_the_list():
    inbox_rows = {d.text(native=False): d.description for d in hotkeys.DESCRIBED if d.section == hotkeys.INBOX}
    for keys in ("J, Down", "K, Up", "1, 2, 3, 4, 5", "L", "D", "A", "N", "Y"):
        assert inbox_rows.get(keys), keys
    assert all(d.description and d.keys for d in hotkeys.DESCRIBED)

    def action(key, modifiers=Qt.NoModifier):
        return triage_action(QKeyEvent(QEvent.KeyPress, key, modifiers))

    assert [action(k) for k in (Qt.Key_J, Qt.Key_K, Qt.Key_L, Qt.Key_D, Qt.Key_A, Qt.Key_N, Qt.Key_Y, Qt.Key_3)] == [
        "next", "previous", "link", "duplicate", "archive", "new_item", "same_too", "suggestion:2"]
    assert action(Qt.Key_3, Qt.KeypadModifier) == "suggestion:2"
    assert action(Qt.Key_A, Qt.ControlModifier) is None  # Ctrl+A selects all, as in any list
    assert action(Qt.Key_Q) is None


def test_the_demo_inbox_offers_the_same_request_from_other_companies(qtbot, show, ctx, demo_ws):
    view = show(InboxView(ctx), size=(1300, 700))
    # Find a demo request whose words another waiting request repeats.
    req = next(r for r in triage.list_inbox(demo_ws) if inbox_flow.same_requests(demo_ws, r["id"]))
    repeats = inbox_flow.same_requests(demo_ws, req["id"])
    _select(view, req["id"])
    qtbot.keyClick(view.table, Qt.Key_A)
    qtbot.waitUntil(lambda: view.banner.offering)
    qtbot.keyClick(view.table, Qt.Key_Y)
    assert all(_status(demo_ws, r["request_id"]) == "archived" for r in repeats)


def test_undo_selects_the_request_it_brought_back(qtbot, inbox):
    view, ctx, pdf, ids, said = inbox
    _select(view, ids["globex"])
    qtbot.keyClick(view.table, Qt.Key_A)
    assert view.current_request()["id"] != ids["globex"]
    ctx.undo_stack.undo()
    assert _status(ctx.ws, ids["globex"]) == "new"
    assert view.current_request()["id"] == ids["globex"]


def test_the_duplicate_picker_puts_the_same_company_s_repeat_first_and_says_why(qtbot, blank_ctx):
    from ui.inbox import RequestPicker

    ws = blank_ctx.ws
    asked = _add(ws, "Single sign-on with Okta", "Acme")
    other = _add(ws, "Single sign-on with Okta", "Globex")
    repeat = _add(ws, "We need single sign-on with Okta", "Acme")
    picker = RequestPicker(blank_ctx, asked)
    qtbot.addWidget(picker)
    assert [r["id"] for r in picker.model.rows[:2]] == [repeat, other]
    assert picker.chosen_id() == repeat  # Enter takes it
    tip = picker.model.data(picker.model.index(0, 0), Qt.ToolTipRole)
    assert tip == "Same company (Acme): likely the same ask twice"
    assert picker.model.data(picker.model.index(1, 0), Qt.ToolTipRole) is None
