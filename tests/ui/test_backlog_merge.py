"""Duplicate and Merge Items… in the backlog's context menu: what the user sees, and Edit ▸ Undo."""

from PySide6.QtCore import QItemSelectionModel, QPoint
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu

from planner import ops
from tests.planner.test_history import dump as tables
from ui.backlog.dialogs import MergeDialog


def select(backlog, ids):
    backlog.table.clearSelection()
    for item_id in ids:
        backlog.table.selectionModel().select(backlog.model.index(backlog.model.row_of(item_id), 0),
                                              QItemSelectionModel.Select | QItemSelectionModel.Rows)
    assert sorted(backlog.selected_ids()) == sorted(ids)


def context_menu(backlog, monkeypatch) -> dict:
    """The backlog's context menu as it pops up: its actions by text."""
    shown = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, *a: shown.append(menu))
    backlog._context_menu(QPoint(5, 5))
    return {a.text(): a for a in shown[0].actions() if a.text()}


def linked(ws, item_id) -> set[int]:
    return {r["id"] for r in ops.list_requests(ws, item_id=item_id)}


def with_links(backlog, n):
    """The first n items of the backlog that have requests."""
    return [r["id"] for r in backlog.model.rows() if linked(backlog.ctx.ws, r["id"])][:n]


def test_the_menu_offers_duplicate_for_one_item_and_merge_for_several(backlog, monkeypatch):
    first, second = backlog.model.item_id(0), backlog.model.item_id(1)
    select(backlog, [first])
    one = context_menu(backlog, monkeypatch)
    assert "Duplicate" in one and "Merge Items…" not in one
    select(backlog, [first, second])
    two = context_menu(backlog, monkeypatch)
    assert "Merge Items…" in two and "Duplicate" not in two


def test_duplicate_selects_the_copy_says_so_and_undo_takes_it_back(qtbot, window, backlog, demo_ws, monkeypatch):
    original = ops.get_item(demo_ws, with_links(backlog, 1)[0])
    before = tables(demo_ws)
    select(backlog, [original["id"]])
    context_menu(backlog, monkeypatch)["Duplicate"].trigger()

    copy = ops.list_items(demo_ws)[-1]
    assert copy["title"] == original["title"] + " (copy)"
    assert (copy["effort"], copy["lane_id"], copy["status"]) == (original["effort"], original["lane_id"], original["status"])
    assert linked(demo_ws, copy["id"]) == set()
    assert window.statusBar().currentMessage() == (
        f"Duplicated as “{copy['title']}”; its requests stay linked to the original only.")
    qtbot.waitUntil(lambda: backlog.current_id() == copy["id"])
    assert window.undo_action.text() == f"&Undo Duplicate “{original['title']}”"

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: backlog.model.row_of(copy["id"]) is None)
    assert tables(demo_ws) == before


def test_merge_asks_which_item_to_keep_moves_the_requests_and_undo_puts_everything_back(
        qtbot, window, backlog, demo_ws, monkeypatch):
    ids = with_links(backlog, 3)
    keep, others = ids[1], [ids[0], ids[2]]
    links = {i: linked(demo_ws, i) for i in ids}
    moving = (links[ids[0]] | links[ids[2]]) - links[keep]
    titles = {i: ops.get_item(demo_ws, i)["title"] for i in ids}
    before = tables(demo_ws)
    seen = {}

    def keep_the_second(dialog):
        ok = dialog.buttons.button(QDialogButtonBox.Ok)
        assert ok.text() == "Merge" and ok.isEnabled()
        assert dialog.keep_id() == ids[0]  # the current item, at first
        seen["first"] = dialog.summary.text()
        dialog.choice.setCurrentRow(1)
        seen["chosen"] = dialog.summary.text()
        return QDialog.Accepted

    monkeypatch.setattr(MergeDialog, "exec", keep_the_second)
    select(backlog, ids)
    backlog.table.selectionModel().setCurrentIndex(backlog.model.index(backlog.model.row_of(ids[0]), 0),
                                                   QItemSelectionModel.NoUpdate)
    context_menu(backlog, monkeypatch)["Merge Items…"].trigger()

    into_first = (links[keep] | links[ids[2]]) - links[ids[0]]
    assert seen["first"].startswith(f"{len(into_first)} requests will move to “{titles[ids[0]]}”.")
    assert seen["chosen"] == (
        f"{len(moving)} requests will move to “{titles[keep]}”. Its empty fields are filled from the others and "
        "their descriptions are added to its own. The other 2 items are deleted. Edit ▸ Undo takes it all back.")
    assert window.statusBar().currentMessage() == (
        f"Merged 2 item(s) into “{titles[keep]}”; {len(moving)} requests moved to it.")
    assert window.undo_action.text() == f"&Undo Merge 2 items into “{titles[keep]}”"
    assert not {others[0], others[1]} & {i["id"] for i in ops.list_items(demo_ws)}
    assert linked(demo_ws, keep) == links[ids[0]] | links[keep] | links[ids[2]]
    qtbot.waitUntil(lambda: backlog.model.row_of(others[0]) is None)
    assert (backlog.current_id(), backlog.selected_ids()) == (keep, [keep])

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: backlog.model.row_of(others[0]) is not None)
    assert tables(demo_ws) == before


def test_cancelling_the_merge_changes_nothing(backlog, demo_ws, monkeypatch):
    ids = with_links(backlog, 2)
    before = tables(demo_ws)
    monkeypatch.setattr(MergeDialog, "exec", lambda dialog: QDialog.Rejected)
    assert not backlog.merge_dialog(ids)
    assert tables(demo_ws) == before


def test_the_dialog_counts_the_requests_that_move_for_the_item_kept(qtbot, ctx):
    ws = ctx.ws
    keep = ops.add_item(ws, title="Single sign-on")["id"]
    other = ops.add_item(ws, title="SAML login")["id"]
    requests = [r["id"] for r in ops.list_requests(ws, unlinked=True)[:3]]
    ops.link_requests(ws, requests[:1], keep)
    ops.link_requests(ws, requests, other)
    dialog = MergeDialog(ctx, [keep, other], keep=keep)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Merge 2 Items"
    assert [dialog.choice.item(n).text() for n in range(2)] == [
        f"#{keep} Single sign-on (1 requests)", f"#{other} SAML login (3 requests)"]
    assert dialog.summary.text() == (
        "2 requests will move to “Single sign-on”. 1 are already linked to it and stay linked once. "
        "Its empty fields are filled from the others and their descriptions are added to its own. "
        "The other 1 items are deleted. Edit ▸ Undo takes it all back.")
    dialog.choice.setCurrentRow(1)
    assert (dialog.keep_id(), dialog.other_ids()) == (other, [keep])
    assert dialog.summary.text().startswith("0 requests will move to “SAML login”. 1 are already linked to it")
    ops.delete_item(ws, keep)  # deleted elsewhere while the dialog is open
    dialog.choice.setCurrentRow(0)
    assert dialog.summary.text() == f"There is no item {keep}."
    assert not dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
