"""The Release Notes and Whom to Tell dialog: public words edited in place, requesters marked informed, undo."""

from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from planner import ops, releases
from tests.planner.test_releases import build_release_workspace


@pytest.fixture
def world(ws):
    return ws, build_release_workspace(ws)


@pytest.fixture
def dialog(qtbot, world):
    from ui.context import AppContext
    from ui.dialogs.release_notes import ReleaseNotesDialog

    ws, _ = world
    ctx = AppContext(ws)
    v42 = ops.find_lane(ws, "v4.2")
    found = ReleaseNotesDialog(ctx, lane_id=v42["id"])
    qtbot.addWidget(found)
    return found


def cell(model, row: int, key: str):
    column = [k for k, _ in model.COLUMNS].index(key)
    return model.data(model.index(row, column))


def companies(dialog) -> list[tuple]:
    model = dialog.whom_model
    return [(cell(model, n, "company"), cell(model, n, "item")) for n in range(model.rowCount())]


def test_the_dialog_shows_the_lanes_draft_and_whom_to_tell(dialog):
    assert dialog.current_lane()["name"] == "v4.2"
    assert dialog.preview.toPlainText().startswith("# v4.2 · 2026-12-01 – 2027-01-15\n")
    assert [cell(dialog.items_model, n, "title") for n in range(3)] == ["SSO", "Audit log", "Dark mode"]
    assert companies(dialog) == [
        ("Acme", "Sign in with your company account"), ("Globex", "Sign in with your company account"),
        ("Globex", "Dark mode"), ("株式会社ひかり", "Audit log"), ("(no company)", "Dark mode")]
    assert cell(dialog.whom_model, 0, "emails") == "ann@acme.example; bob@acme.example"
    dialog.format.setCurrentIndex(dialog.format.findData("text"))
    assert dialog.preview.toPlainText().splitlines()[0] == "v4.2 (2026-12-01 – 2027-01-15)"
    dialog.copy_draft()
    assert QGuiApplication.clipboard().text() == dialog.preview.toPlainText()


def test_the_business_edition_hides_people_and_emails(dialog):
    dialog.edition.setCurrentIndex(dialog.edition.findData("business"))
    headers = [dialog.whom_model.headerData(n, Qt.Horizontal) for n in range(dialog.whom_model.columnCount())]
    assert headers == ["Company", "Item", "Requests", "Informed"]
    shown = " ".join(str(dialog.whom_model.data(dialog.whom_model.index(r, c)))
                     for r in range(dialog.whom_model.rowCount()) for c in range(dialog.whom_model.columnCount()))
    assert "Acme" in shown and "@" not in shown and "Ann" not in shown
    dialog.edition.setCurrentIndex(dialog.edition.findData("internal"))  # the people come back, every column shown
    headers = [dialog.whom_model.headerData(n, Qt.Horizontal) for n in range(dialog.whom_model.columnCount())]
    assert headers == ["Company", "Item", "Requests", "Informed", "People", "E-mails", "Account owner", "What they asked"]
    assert [dialog.table.isColumnHidden(n) for n in range(len(headers))] == [False] * 3 + [True] + [False] * 4


def test_editing_a_public_title_in_place_is_one_undo_step_and_redraws_the_draft(dialog, world):
    ws, ids = world
    model = dialog.items_model
    audit = [model.row_dict(n)["id"] for n in range(model.rowCount())].index(ids["audit"])
    index = model.index(audit, [k for k, _ in model.COLUMNS].index("public_title"))
    assert model.flags(index) & Qt.ItemIsEditable
    assert model.setData(index, "  Every change, on record ", Qt.EditRole)
    assert ops.get_item(ws, ids["audit"])["public_title"] == "Every change, on record"
    assert "- **Every change, on record** (planned)" in dialog.preview.toPlainText()
    assert cell(model, audit, "public_title") == "Every change, on record"
    assert dialog.ctx.undo_stack.undoText() == "Set public title of “Audit log”"
    dialog.ctx.undo_stack.undo()
    assert ops.get_item(ws, ids["audit"])["public_title"] is None
    assert "- **Audit log** (planned)" in dialog.preview.toPlainText()


def test_marking_selected_rows_informed_shrinks_the_table_and_undo_brings_them_back(qtbot, dialog, world):
    ws, ids = world
    assert dialog.whom_model.rowCount() == 5 and not dialog.mark_button.isEnabled()
    selection = dialog.table.selectionModel()
    for row in (1, 2):  # Globex: SSO, and dark mode (one request asking for both)
        selection.select(dialog.whom_model.index(row, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows)
    assert dialog.mark_button.isEnabled()
    dialog.mark_button.click()
    assert dialog.whom_model.rowCount() == 3
    assert ("Globex", "Dark mode") not in companies(dialog)
    assert dialog.ctx.undo_stack.undoText() == "Mark 1 request(s) informed for v4.2"

    dialog.show_informed.setChecked(True)
    assert dialog.whom_model.rowCount() == 5
    assert cell(dialog.whom_model, 1, "informed_at") == date.today().isoformat()
    informed = [k for k, _ in dialog.whom_model.COLUMNS].index("informed_at")
    assert not dialog.table.isColumnHidden(informed)
    dialog.show_informed.setChecked(False)
    assert dialog.table.isColumnHidden(informed)

    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.table, Qt.Key_Z, Qt.ControlModifier)  # Ctrl+Z in the dialog, as in the main window
    assert dialog.whom_model.rowCount() == 5
    qtbot.keyClick(dialog.table, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert dialog.whom_model.rowCount() == 3
    dialog.ctx.undo_stack.undo()
    dialog.mark_all_button.click()
    assert dialog.whom_model.rowCount() == 0
    assert dialog.summary.text() == "Everyone who asked for the items of “v4.2” has been told."
    assert not dialog.mark_all_button.isEnabled()
    assert releases.whom_to_tell(ws, "v4.2") == []


def test_save_csv_writes_a_bom_and_the_rows_shown(dialog, tmp_path, monkeypatch):
    from ui.dialogs import release_notes

    target = tmp_path / "tell"
    monkeypatch.setattr(release_notes, "ask_save_path", lambda *a, **k: str(target) + k["suffix"])
    path = dialog.save_csv()
    data = (tmp_path / "tell.csv").read_bytes()
    assert path.endswith("tell.csv") and data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines()[0].startswith("company,item_id,item,requests,requesters,emails")


def test_an_empty_lane_says_so_and_offers_nothing_to_mark(dialog):
    dialog.lane.setCurrentIndex(next(n for n in range(dialog.lane.count()) if dialog.lane.itemData(n)["name"] == "v4.3"))
    assert "Nothing is planned on this lane yet." in dialog.preview.toPlainText()
    assert dialog.summary.text() == "“v4.3” has no items yet: nobody to tell."
    assert not (dialog.mark_all_button.isEnabled() or dialog.csv_button.isEnabled() or dialog.save_button.isEnabled())


def test_models_pass_qtmodeltester(qtmodeltester, dialog):
    qtmodeltester.check(dialog.items_model)
    qtmodeltester.check(dialog.whom_model)


def test_the_roadmap_menu_and_a_lane_header_open_the_dialog(window):
    from ui.roadmap.lane_menu import lane_menu

    window.release_notes_action.trigger()
    assert window.dialogs["release_notes"].isVisible()
    board = window.view("roadmap")
    q1 = next(lane for lane in board.lanes if lane["name"] == "2027 Q1")
    actions = {a.text(): a for a in lane_menu(board, q1).actions()}
    actions["Release Notes and Whom to Tell…"].trigger()
    assert window.dialogs["release_notes"].current_lane()["name"] == "2027 Q1"
