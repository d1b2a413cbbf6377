"""The first start on an empty workspace: three ways in, each doing what its button says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from planner import ops
from planner.storage import queries
from ui.backlog.new_item import NewItemDialog
from ui.dialogs.welcome import WelcomeDialog, first_item_hint, welcome


def answer_welcome(qtbot, way: str | None, seen: list):
    """When the welcome dialog is up, click the button of `way` (Escape for None), as a user would."""
    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, WelcomeDialog):
            QTimer.singleShot(20, act)
            return
        seen.append({w: (b.text(), b.description()) for w, b in dialog.buttons.items()})
        if way is None:
            qtbot.keyClick(dialog, Qt.Key_Escape)
        else:
            qtbot.mouseClick(dialog.buttons[way], Qt.LeftButton)

    QTimer.singleShot(0, act)


@pytest.fixture
def new_item_forms(monkeypatch):
    """The New Item forms opened: each is filled with a title and added, as a user would."""
    opened = []

    def fill_and_add(dialog):
        opened.append({"hint": dialog.hint.text() if dialog.hint.isVisibleTo(dialog) else None})
        dialog.title.setText("Single sign-on with Okta")
        return QDialog.Accepted

    monkeypatch.setattr(NewItemDialog, "exec", fill_and_add)
    return opened


def test_the_welcome_offers_three_ways_in_each_with_a_line_on_what_it_does(qtbot, make_window, ws, new_item_forms):
    window = make_window(ws)
    seen = []
    answer_welcome(qtbot, None, seen)
    welcome(window)
    assert seen == [{
        "demo": ("Try the demo", "A B2B SaaS backlog with customer requests, scored and planned, to look around."),
        "import": ("Import what you have",
                   "A backlog, customer requests or a CRM account list, from a CSV or Excel file."),
        "empty": ("Start empty", "Add your first item now; import and score when you are ready."),
    }]


def test_try_the_demo_loads_it_into_the_empty_workspace(qtbot, make_window, ws, new_item_forms):
    window = make_window(ws)
    answer_welcome(qtbot, "demo", [])
    assert welcome(window) == "demo"
    items = queries.counts(ws)["items"]
    assert items >= 40 and f"{items} items" in window.counts_label.text()
    assert not window.ctx.undo_stack.canUndo()  # the demo is not a step Undo could take away
    assert new_item_forms == []


def test_import_what_you_have_opens_the_import_wizard(qtbot, make_window, ws, new_item_forms):
    window = make_window(ws)
    answer_welcome(qtbot, "import", [])
    assert welcome(window) == "import"
    wizard = window.dialogs["import"]
    assert wizard.isVisible() and wizard.windowTitle() == "Import"
    assert queries.is_empty(ws) and new_item_forms == []


def test_start_empty_guides_the_first_item_and_adds_it(qtbot, make_window, ws, new_item_forms):
    window = make_window(ws)
    answer_welcome(qtbot, "empty", [])
    assert welcome(window) == "empty"
    assert new_item_forms == [{"hint": first_item_hint()}]
    assert [i["title"] for i in ops.list_items(ws)] == ["Single sign-on with Okta"]
    assert window.current_view_key() == "backlog"
    assert queries.counts(ws)["requests"] == 0  # no demo came with it


def test_escape_starts_empty_without_the_guide(qtbot, make_window, ws, new_item_forms):
    window = make_window(ws)
    answer_welcome(qtbot, None, [])
    assert welcome(window) is None
    assert new_item_forms == [] and queries.is_empty(ws)
    assert "import" not in window.dialogs


def test_a_workspace_with_data_is_not_welcomed(make_window, demo_ws, monkeypatch):
    monkeypatch.setattr(WelcomeDialog, "exec", lambda self: pytest.fail("the welcome was shown"))
    window = make_window(demo_ws, show=False)
    assert welcome(window) is None


def test_new_item_without_a_guide_shows_no_hint(qtbot, window, new_item_forms):
    window.new_item_action.trigger()
    assert new_item_forms == [{"hint": None}]
