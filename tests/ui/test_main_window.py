"""The main window as a user meets it: views, menus, shortcuts, workspaces, export, drops."""

import importlib
from pathlib import Path

import openpyxl
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from planner import ops
from planner.ops import Changes, Entity
from planner.storage import queries
from ui import hotkeys
from ui.main_window import VIEWS


# What Ctrl+1..7 must show, in order: the real views, never a placeholder in their place.
VIEW_CLASSES = ("BacklogView", "InboxView", "BoardView", "MatrixView", "MetricsView", "CompaniesView", "ChangesView")


def test_ctrl_1_to_7_switch_between_the_seven_views(qtbot, window, messages):
    window.activateWindow()
    order = list(range(1, len(VIEWS))) + [0]  # the backlog is shown at start: come back to it last
    for n in order:
        key, _label, module, class_name = VIEWS[n]
        assert window.view_actions[n].shortcut() == QKeySequence(f"Ctrl+{n + 1}")
        qtbot.keyClick(window, Qt.Key_1 + n, Qt.ControlModifier)
        shown = window.stack.currentWidget()
        assert window.stack.currentIndex() == n and window.nav.currentRow() == n
        assert type(shown).__name__ == VIEW_CLASSES[n]
        assert isinstance(shown, getattr(importlib.import_module(module), class_name))
        assert shown is window.views[key] and shown.isVisible() and shown.width() > 400
    assert messages == []  # no view failed to build
    assert window.stack.currentWidget() is window.backlog


def test_every_shortcut_is_claimed_once(window):
    keys = [a.shortcut().toString() for a in window.actions() if not a.shortcut().isEmpty()]
    keys += [a.shortcut().toString() for a in window.backlog.table.actions() if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys)), keys
    assert window.undo_action.shortcut() == hotkeys.UNDO == QKeySequence("Ctrl+Z")
    assert window.redo_action.shortcut() == QKeySequence("Ctrl+Shift+Z")


def test_menus_hold_the_file_edit_and_view_commands(window):
    menus = {m.title().replace("&", ""): m for m in (a.menu() for a in window.menuBar().actions()) if m}
    file_texts = [a.text().replace("&", "") for a in menus["File"].actions() if a.text()]
    for wanted in ("New Workspace…", "Open Workspace…", "Open Recent", "Open Demo Workspace", "Import…",
                   "Import Batches…", "Export…", "Quit"):
        assert wanted in file_texts
    edit = [a.text().replace("&", "") for a in menus["Edit"].actions() if a.text()]
    assert "Find" in edit and "Scoring Settings…" in edit and "Undo" in edit[0]
    view = [a.text() for a in menus["View"].actions()]
    assert view[: len(VIEWS)] == [v[1] for v in VIEWS]
    assert view[len(VIEWS) + 1:] == ["&Language"]  # after a separator


def test_status_bar_names_the_workspace_and_counts(window, demo_ws):
    c = queries.counts(demo_ws)
    assert window.path_label.text() == str(demo_ws.path)
    assert f"{c['items']} items" in window.counts_label.text()
    assert f"{c['unlinked']} to triage" in window.counts_label.text()
    assert window.windowTitle() == f"{demo_ws.name} — Roadmap Planner"


def test_counts_follow_changes(qtbot, window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)  # its requests go back to the inbox
    before = queries.counts(window.ctx.ws)["items"]
    item_id = window.backlog.model.item_id(0)
    window.backlog.delete_items([item_id])
    assert f"{before - 1} items" in window.counts_label.text()
    window.undo_action.trigger()
    assert f"{before} items" in window.counts_label.text()


def test_new_workspace_switches_every_view_and_is_remembered(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "fresh"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    old_path = window.ctx.ws.path
    assert window.new_action.trigger() is None
    assert window.ctx.ws.path == target.with_suffix(".db")
    qtbot.waitUntil(lambda: window.backlog.model.rowCount() == 0)
    assert "0 items" in window.counts_label.text()
    assert window.windowTitle() == "fresh — Roadmap Planner"
    recent = window.recent_paths()
    assert recent[0] == str(target.with_suffix(".db").resolve())
    assert str(Path(old_path).resolve()) in recent
    # Open Recent brings the first one back.
    window._fill_recent_menu()
    back = [a for a in window.recent_menu.actions() if a.data() == str(Path(old_path).resolve())]
    assert back and back[0].isEnabled()
    back[0].trigger()
    assert window.ctx.ws.path.resolve() == Path(old_path).resolve()
    qtbot.waitUntil(lambda: window.backlog.model.rowCount() > 40)


def test_new_refuses_an_existing_file(window, monkeypatch, messages):
    existing = window.ctx.ws.path
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(existing), ""))
    assert window.new_workspace() is False
    assert "already exists" in messages[-1]["text"]
    assert window.ctx.ws.path == existing


def test_opening_a_file_that_is_not_a_workspace_explains_and_keeps_the_current_one(window, tmp_path, monkeypatch, messages):
    bad = tmp_path / "notes.db"
    bad.write_text("these are not the droids you are looking for")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    current = window.ctx.ws
    assert window.open_workspace_dialog() is False
    assert "not a Roadmap Planner workspace" in messages[-1]["text"]
    assert window.ctx.ws is current
    assert queries.counts(current)["items"] > 0  # still usable


def test_open_demo_makes_a_demo_file_in_the_app_data_folder(qtbot, window, tmp_path):
    assert window.open_demo()
    demo = tmp_path / "appdata" / "demo.db"
    assert window.ctx.ws.path == demo
    assert queries.counts(window.ctx.ws)["items"] >= 40


def test_open_demo_fills_an_empty_workspace(qtbot, ws, make_window, tmp_path):
    win = make_window(ws, show=False)
    assert win.backlog.model.rowCount() == 0
    win.demo_action.trigger()
    assert win.ctx.ws is ws
    qtbot.waitUntil(lambda: win.backlog.model.rowCount() >= 40)
    assert not (tmp_path / "appdata" / "demo.db").exists()


def test_geometry_and_recent_workspaces_survive_a_restart(demo_ws, settings, make_window):
    first = make_window(demo_ws)
    first.resize(1000, 700)
    first.close()
    assert settings.value("window/geometry") is not None
    again = make_window(demo_ws, show=False)
    assert str(Path(demo_ws.path).resolve()) in again.recent_paths()
    assert again.size().width() <= 1000


def test_find_focuses_the_search_of_the_current_view_or_the_backlog(qtbot, window):
    window.activateWindow()
    window.view_actions[1].trigger()
    inbox = window.stack.currentWidget()
    window.find_action.trigger()
    assert window.focusWidget() is inbox.search
    window.view_actions[4].trigger()  # the metrics view has no search: Find goes to the backlog's
    window.find_action.trigger()
    assert window.current_view_key() == "backlog"
    assert window.focusWidget() is window.backlog.filters.search


def test_undo_menu_text_says_what_will_be_undone(qtbot, window):
    assert not window.undo_action.isEnabled()
    item_id = window.backlog.model.item_id(0)
    title = ops.get_item(window.ctx.ws, item_id)["title"]
    window.backlog.edit_field(item_id, "effort", 2.0 if ops.get_item(window.ctx.ws, item_id)["effort"] != 2.0 else 3.0)
    assert window.undo_action.isEnabled()
    assert f"“{title}”" in window.undo_action.text()


def test_the_status_bar_says_what_each_edit_undo_and_redo_did(qtbot, window):
    item_id = window.backlog.model.item_id(0)
    title = ops.get_item(window.ctx.ws, item_id)["title"]
    effort = 2.0 if ops.get_item(window.ctx.ws, item_id)["effort"] != 2.0 else 3.0
    window.backlog.edit_field(item_id, "effort", effort)
    said = window.statusBar().currentMessage()
    assert said.startswith("Done: ") and f"“{title}”" in said and "effort" in said
    window.undo_action.trigger()
    assert window.statusBar().currentMessage() == said.replace("Done: ", "Undone: ", 1)
    window.redo_action.trigger()
    assert window.statusBar().currentMessage() == said.replace("Done: ", "Redone: ", 1)
    window.statusBar().clearMessage()
    window.backlog.edit_field(item_id, "effort", effort)  # the value it already has: nothing done, nothing said
    assert window.statusBar().currentMessage() == ""


def _export(qtbot, window, path, monkeypatch, *, fmt="xlsx", edition="internal"):
    asked, opened = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Open)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = window.open_export()
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.edition.setCurrentIndex(dialog.edition.findData(edition))
    dialog.path.setText(str(path))
    qtbot.mouseClick(dialog.export_button, Qt.LeftButton)
    assert not dialog.export_button.isEnabled()  # busy while it runs in the background
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)
    return dialog, asked, opened


def test_export_the_roadmap_workbook_through_the_dialog_and_open_its_folder(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "out" / "roadmap.xlsx"
    target.parent.mkdir()
    dialog, asked, opened = _export(qtbot, window, target, monkeypatch)
    assert target.exists()
    wb = openpyxl.load_workbook(target)
    assert len(wb.sheetnames) >= 2
    assert asked and "roadmap.xlsx" in asked[0]
    assert opened == [QUrl.fromLocalFile(str(target.parent))]
    assert dialog.export_button.isEnabled()


def test_export_the_priorities_csv_business_edition(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "priorities.csv"
    dialog, asked, opened = _export(qtbot, window, target, monkeypatch, fmt="csv", edition="business")
    header = target.read_text(encoding="utf-8-sig").splitlines()[0]
    assert "rank" in header and "effort" not in header


def test_export_to_a_missing_folder_says_so(qtbot, window, tmp_path, messages):
    dialog = window.open_export()
    dialog.path.setText(str(tmp_path / "nowhere" / "r.xlsx"))
    assert dialog.start() is None
    assert "does not exist" in messages[-1]["text"]


def _drop(window, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(drop)


def test_a_file_that_is_not_csv_is_not_taken(window, tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "photo.png"))])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    enter.setAccepted(False)
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_dropping_a_csv_opens_the_import_wizard_with_that_file(qtbot, window, tmp_path, messages):
    csv = tmp_path / "requests.csv"
    csv.write_text("title,company\nDark mode please,Acme\n", encoding="utf-8")
    _drop(window, csv)
    assert messages == []
    wizard = window.dialogs["import"]
    assert wizard.isVisible()
    assert wizard.path == str(csv)
    wizard.close()


def test_import_batches_and_scoring_dialogs_open_from_the_menu(window):
    window.batches_action.trigger()
    window.scoring_action.trigger()
    assert type(window.dialogs["scoring"]).__name__ == "ScoringSettingsDialog"
    assert type(window.dialogs["batches"]).__name__ == "BatchesDialog"
    assert window.dialogs["scoring"].isVisible() and window.dialogs["batches"].isVisible()
    for dialog in window.dialogs.values():
        dialog.close()


def _slow_export(ws, path, *, progress=None, **kwargs):
    import time

    for n in range(2000):
        progress.update(n, 2000, "Writing sheets")
        time.sleep(0.002)
    raise AssertionError("not cancelled")


def test_an_export_can_be_stopped_and_leaves_no_file(qtbot, window, tmp_path, monkeypatch):
    import planner.exporting

    monkeypatch.setattr(planner.exporting, "export_roadmap", _slow_export)
    target = tmp_path / "stopped.xlsx"
    dialog = window.open_export()
    dialog.path.setText(str(target))
    task = dialog.start()
    assert task is not None
    qtbot.waitUntil(lambda: dialog.progress.maximum() == 2000, timeout=5000)
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()  # reads "Stop" while running
    qtbot.waitUntil(lambda: dialog.task is None, timeout=5000)
    assert "Stopped" in dialog.status.text()
    assert not target.exists()
    assert dialog.isVisible()  # stopping does not close the dialog


def test_a_failed_export_shows_the_reason(qtbot, window, tmp_path, monkeypatch, messages):
    import planner.exporting
    from planner.errors import ExportFailed

    def fail(ws, path, **kwargs):
        raise ExportFailed("roadmap.xlsx is open in another program.", hint="Close it and export again.")

    monkeypatch.setattr(planner.exporting, "export_roadmap", fail)
    dialog = window.open_export()
    dialog.path.setText(str(tmp_path / "roadmap.xlsx"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=5000)
    assert messages[-1]["text"] == "roadmap.xlsx is open in another program."
    assert messages[-1]["informative"] == "Close it and export again."


def test_an_unexpected_error_shows_a_short_message_with_details_folded(window, messages, monkeypatch):
    import sys

    from ui.app import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook()
    try:
        raise KeyError("lane_id")
    except KeyError:
        sys.excepthook(*sys.exc_info())
    assert messages[-1]["text"].startswith("Something went wrong")
    assert "KeyError" in messages[-1]["details"]


def test_a_hidden_board_catches_up_when_shown_instead_of_on_every_edit(qtbot, window, demo_ws):
    window.view_actions[2].trigger()
    board = window.stack.currentWidget()
    qtbot.waitUntil(lambda: not board.scores_pending, timeout=10000)
    window.view_actions[0].trigger()
    item = next(c for lane in board.lanes for c in lane["items"])
    ops.edit_item(demo_ws, item["id"], title="Renamed while the board was hidden")
    window.ctx.broadcast(Changes.of(Entity.ITEMS))
    assert board._refresh_pending and not board.scores_pending  # no work while off screen
    window.view_actions[2].trigger()
    titles = [c["title"] for lane in board.lanes for c in lane["items"]]
    assert "Renamed while the board was hidden" in titles


def test_an_error_in_the_window_never_tells_the_user_to_run_a_command(window, messages):
    from ui.context import show_error
    from planner.errors import NotFoundError

    show_error(window, NotFoundError("There is no item 999.", hint="List them with `planner items`."))
    show_error(window, NotFoundError("The backup is damaged.",
                                     hint="Pick another backup (`planner backups` or File > Restore from Backup lists them)."))
    assert [(m["text"], m["informative"]) for m in messages] == [
        ("There is no item 999.", ""),
        ("The backup is damaged.", "Pick another backup (File > Restore from Backup lists them)."),
    ]


def test_file_import_metrics_brings_a_metrics_file_in_as_one_undo_step(qtbot, window, tmp_path, monkeypatch):
    source = tmp_path / "usage.csv"
    source.write_text("date,Trials started\n2026-10,41\n2026-11,57\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    menus = {m.title().replace("&", ""): m for m in (a.menu() for a in window.menuBar().actions()) if m}
    assert window.import_metrics_action in menus["File"].actions()
    before = len(window.view("metrics").panels)
    window.import_metrics_action.trigger()  # the import wizard, set to metrics
    wizard = window.dialogs["import"]
    qtbot.mouseClick(wizard.file_page.browse, Qt.LeftButton)
    assert wizard.preview_page.kind.currentData() == "metrics"
    wizard.next()
    qtbot.waitUntil(lambda: wizard.session.report is not None, timeout=20000)
    assert (wizard.session.report["values_new"], wizard.session.report["values_updated"]) == (2, 0)
    wizard.close()
    window.show_view(4)
    trials = next(p for p in window.view("metrics").panels if p.data["name"] == "Trials started")
    assert [v for _, v in trials.chart.values] == [41, 57]
    assert len(window.view("metrics").panels) == before + 1
    assert window.undo_action.text() == "&Undo Import “usage.csv”"
    window.undo_action.trigger()
    assert len(window.view("metrics").panels) == before


def test_the_roadmap_menu_edits_lanes_and_the_edit_menu_opens_workspace_settings(window):
    menus = {m.title().replace("&", ""): m for m in (a.menu() for a in window.menuBar().actions()) if m}
    assert [a.text().replace("&", "") for a in menus["Roadmap"].actions()] == ["Edit Lanes…", "Add the Next Quarter",
                                                                                 "Release Notes and Whom to Tell…"]
    assert "Workspace Settings…" in [a.text().replace("&", "") for a in menus["Edit"].actions()]
