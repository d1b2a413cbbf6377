"""The Companies view, driven as a user would: edit in a cell, merge segments and companies; every step undone."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMainWindow, QWidget

from planner import ops
from planner.ops import Changes
from ui.companies import CompaniesView, money_text
from ui.companies.model import KEYS

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def view(ctx, show, messages):
    return show(CompaniesView(ctx), size=(1200, 700))


def _row(view, name: str) -> int:
    at = next((n for n, r in enumerate(view.model.rows) if r["name"] == name), -1)
    assert at >= 0, name
    return at


def _cell(view, name: str, key: str) -> str:
    return view.model.index(_row(view, name), KEYS.index(key)).data()


def _type_in_cell(qtbot, view, name: str, key: str, text: str) -> None:
    """Double-click-edit a cell: type into its editor and press Enter, as a user does."""
    index = view.model.index(_row(view, name), KEYS.index(key))
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    editors = [w for w in view.table.viewport().findChildren(QWidget)
               if isinstance(w, (QComboBox, QLineEdit)) and w.isVisible() and not isinstance(w.parent(), QComboBox)]
    assert len(editors) == 1
    editor = editors[0]
    line = editor.lineEdit() if isinstance(editor, QComboBox) else editor
    line.selectAll()
    if text.isascii():
        qtbot.keyClicks(line, text)
    else:
        line.insert(text)  # as an input method commits it: QTest types ASCII keys only
    qtbot.keyClick(line, Qt.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)


def test_the_models_pass_the_model_tester(qtmodeltester, view):
    qtmodeltester.check(view.model)
    view.table.sortByColumn(KEYS.index("mrr"), Qt.DescendingOrder)
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.open_segments().model)


def test_every_company_is_listed_with_money_in_the_workspace_currency_and_sorts(view, demo_ws):
    companies = ops.list_companies(demo_ws)
    assert view.model.rowCount() == len(companies) == 80
    assert view.count_label.text() == "80 companies"
    acme = next(c for c in companies if c["name"] == "Acme GmbH")
    assert _cell(view, "Acme GmbH", "mrr") == "$13,090" == money_text(acme["mrr"])
    assert _cell(view, "Acme GmbH", "arr") == "$157,080"  # worked out from the MRR, and says so
    assert "MRR" in view.model.index(_row(view, "Acme GmbH"), KEYS.index("arr")).data(Qt.ToolTipRole)
    assert _cell(view, "Acme GmbH", "requests") == "14" and _cell(view, "Acme GmbH", "last_asked") == "2026-11-01"
    view.table.sortByColumn(KEYS.index("mrr"), Qt.DescendingOrder)
    mrrs = [r["mrr"] for r in view.model.rows]
    assert mrrs == sorted(mrrs, reverse=True)
    assert money_text(1234567.5) == "$1,234,567.50" and money_text(None) == ""


def test_search_narrows_and_the_selection_survives_a_refresh(qtbot, view, ctx):
    qtbot.keyClicks(view.search, "gmbh")
    assert 0 < view.model.rowCount() < 80
    assert all("gmbh" in r["name"].casefold() for r in view.model.rows)
    assert view.count_label.text().endswith("of 80 companies")
    chosen = view.model.rows[2]["id"]
    view.select_companies([chosen])
    ops.edit_company(ctx.ws, chosen, owner="Sales East")  # as another window would
    ctx.broadcast(Changes.all())
    assert view.selected_ids() == [chosen]
    assert _cell(view, view.model.rows[view.model.row_of(chosen)]["name"], "owner") == "Sales East"


def test_editing_mrr_in_its_cell_sets_arr_and_undo_takes_it_back(qtbot, view, ctx):
    view.select_companies([ops.find_company(ctx.ws, "Acme GmbH")["id"]])
    _type_in_cell(qtbot, view, "Acme GmbH", "mrr", "12,500")
    qtbot.waitUntil(lambda: _cell(view, "Acme GmbH", "mrr") == "$12,500")
    assert _cell(view, "Acme GmbH", "arr") == "$150,000"
    assert ctx.undo_stack.undoText() == "Set MRR of “Acme GmbH” to $12,500"
    assert view.selected_ids() == [ops.find_company(ctx.ws, "Acme GmbH")["id"]]
    ctx.undo_stack.undo()
    assert (_cell(view, "Acme GmbH", "mrr"), _cell(view, "Acme GmbH", "arr")) == ("$13,090", "$157,080")
    ctx.undo_stack.redo()
    assert _cell(view, "Acme GmbH", "arr") == "$150,000"


def test_renewal_owner_and_segment_edit_inline_each_one_step(qtbot, view, ctx):
    _type_in_cell(qtbot, view, "Acme GmbH", "renewal_date", "2027-03-31")
    _type_in_cell(qtbot, view, "Acme GmbH", "owner", "Sales East")
    _type_in_cell(qtbot, view, "Acme GmbH", "segment", "大企業")  # a new segment, typed in the combo
    qtbot.waitUntil(lambda: _cell(view, "Acme GmbH", "segment") == "大企業")
    acme = ops.find_company(ctx.ws, "Acme GmbH")
    assert (acme["renewal_date"], acme["owner"], acme["segment"]) == ("2027-03-31", "Sales East", "大企業")
    assert ctx.undo_stack.count() == 3
    for _ in range(3):
        ctx.undo_stack.undo()
    acme = ops.find_company(ctx.ws, "Acme GmbH")
    assert (acme["renewal_date"], acme["owner"], acme["segment"]) == (None, None, "Enterprise")
    assert _cell(view, "Acme GmbH", "segment") == "Enterprise"


def test_a_refused_value_says_why_and_changes_nothing(qtbot, view, ctx, messages):
    _type_in_cell(qtbot, view, "Acme GmbH", "mrr", "-5")
    assert any("MRR cannot be negative" in m["text"] for m in messages)
    assert ctx.undo_stack.count() == 0
    assert _cell(view, "Acme GmbH", "mrr") == "$13,090"
    _type_in_cell(qtbot, view, "Acme GmbH", "name", "black mesa gmbh")  # another company's name
    refused = next(m for m in messages if "already a company named “Black Mesa GmbH”" in m["text"])
    assert "merge them" in refused["informative"] and "Nothing was changed." in refused["informative"]
    assert ctx.undo_stack.count() == 0 and _cell(view, "Acme GmbH", "name") == "Acme GmbH"


def test_merging_segments_in_the_dialog_moves_every_company_and_undo_splits_them(qtbot, ctx, demo_ws, show, messages):
    japanese = [c["id"] for c in ops.list_companies(demo_ws) if c["segment"] == "Enterprise"][:5]
    for company_id in japanese:
        ops.edit_company(demo_ws, company_id, segment="大企業")
    view = show(CompaniesView(ctx), size=(1200, 700))
    dialog = view.open_segments()
    assert [(r["segment"], r["companies"]) for r in dialog.model.rows] == [
        ("SMB", 48), ("Mid-market", 17), ("Enterprise", 10), ("大企業", 5)]
    dialog.table.selectRow(dialog.model.row_of("大企業"))
    dialog.target.setEditText("Enterprise")
    assert dialog.apply_button.text() == "Merge" and "join the 10" in dialog.preview.text()
    qtbot.mouseClick(dialog.apply_button, Qt.LeftButton)
    assert ctx.undo_stack.undoText() == "Merge segment “大企業” into “Enterprise”"
    assert [(r["segment"], r["companies"]) for r in dialog.model.rows] == [
        ("SMB", 48), ("Mid-market", 17), ("Enterprise", 15)]
    assert dialog.selected_segment() == "Enterprise"
    moved = [view.model.rows[view.model.row_of(i)] for i in japanese]
    assert {r["segment"] for r in moved} == {"Enterprise"}
    assert all(view.model.index(view.model.row_of(i), KEYS.index("segment")).data() == "Enterprise" for i in japanese)
    ctx.undo_stack.undo()
    assert {view.model.rows[view.model.row_of(i)]["segment"] for i in japanese} == {"大企業"}
    assert ("大企業", 5) in [(r["segment"], r["companies"]) for r in dialog.model.rows]


def test_renaming_a_segment_in_the_dialog(qtbot, view, ctx):
    dialog = view.open_segments()
    dialog.table.selectRow(dialog.model.row_of("SMB"))
    qtbot.keyClicks(dialog.target.lineEdit(), "Small business")
    assert dialog.apply_button.text() == "Rename"
    assert dialog.apply()
    assert ctx.undo_stack.undoText() == "Rename segment “SMB” to “Small business”"
    assert "SMB" not in {r["segment"] for r in view.model.rows}
    assert view.open_segments() is dialog  # one at a time


def test_merging_two_selected_companies_keeps_the_chosen_one(qtbot, view, ctx):
    acme, aperture = (ops.find_company(ctx.ws, n) for n in ("Acme GmbH", "Aperture Science Inc."))
    assert not view.merge_button.isEnabled()
    view.select_companies([acme["id"], aperture["id"]])
    assert view.merge_button.isEnabled()
    dialog = view.open_merge()
    assert dialog.keep()["id"] == acme["id"]  # the one more requests name
    assert "Requests moving to it: 8" in dialog.summary.text()
    dialog.choose(aperture["id"])
    assert "Requests moving to it: 14" in dialog.summary.text() and "“Acme GmbH”" in dialog.summary.text()
    dialog.accept()
    assert ctx.undo_stack.undoText() == "Merge “Acme GmbH” into “Aperture Science Inc.”"
    assert view.model.row_of(acme["id"]) == -1
    assert _cell(view, "Aperture Science Inc.", "requests") == "22"
    assert view.selected_ids() == [aperture["id"]]
    assert view.count_label.text() == "79 companies"
    ctx.undo_stack.undo()
    assert _cell(view, "Acme GmbH", "requests") == "14" and _cell(view, "Aperture Science Inc.", "requests") == "8"
    assert view.count_label.text() == "80 companies"
    ctx.undo_stack.redo()
    assert view.model.row_of(acme["id"]) == -1


def test_a_new_workspace_says_where_companies_come_from_and_opens_the_import(qtbot, blank_ctx, show, messages):
    opened = []

    class Window(QMainWindow):
        def open_import_wizard(self, path=None, *, kind=None):
            opened.append(kind)

    window = Window()
    view = CompaniesView(blank_ctx)
    window.setCentralWidget(view)
    show(window)
    assert view.empty_hint.isVisible() and not view.table.isVisible()
    assert "Import your account list from the CRM" in view.empty_label.text()
    assert "come with the requests you import" in view.empty_label.text()
    assert not view.segments_button.isEnabled() and not view.merge_button.isEnabled()
    qtbot.mouseClick(view.import_button, Qt.LeftButton)
    assert opened == ["companies"]
    ops.add_request(blank_ctx.ws, title="SSO please", company="Acme")
    blank_ctx.broadcast(Changes.all())
    assert not view.empty_hint.isVisible() and view.table.isVisible()
    assert [r["name"] for r in view.model.rows] == ["Acme"]


def test_a_hidden_view_catches_up_when_shown_and_ignores_other_changes(qtbot, ctx, show, messages):
    view = CompaniesView(ctx)
    qtbot.addWidget(view)
    acme = ops.find_company(ctx.ws, "Acme GmbH")["id"]
    done = ops.edit_company(ctx.ws, acme, plan="Scale")
    ctx.broadcast(done.changes)
    assert view.model.rows[view.model.row_of(acme)]["plan"] == "Enterprise"  # not shown: not reloaded yet
    show(view)
    assert _cell(view, "Acme GmbH", "plan") == "Scale"
    ops.edit_company(ctx.ws, acme, plan="Growth")
    ctx.broadcast(ops.edit_item(ctx.ws, ops.list_items(ctx.ws)[0]["id"], effort=4).changes)  # items only
    assert _cell(view, "Acme GmbH", "plan") == "Scale"


def test_money_follows_the_workspace_currency(view, ctx):
    from ui.roadmap.style import follow_currency

    follow_currency(ctx)
    ctx.runner.run(None, "Change currency", lambda ws: ops.change_settings(ws, currency="JPY"))
    assert _cell(view, "Acme GmbH", "mrr") == "¥13,090"
    ctx.undo_stack.undo()
    assert _cell(view, "Acme GmbH", "mrr") == "$13,090"
