"""File > Restore from Backup, Back Up Now and Save a Copy, driven as a user would."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from planner import ops
from planner.ops import Entity
from planner.storage import backups, open_workspace, queries
from ui.dialogs.backups import BackupsDialog


@pytest.fixture
def ctx(blank_ctx):
    for title in ("Single sign-on", "Audit log"):
        ops.add_item(blank_ctx.ws, title=title)
    return blank_ctx


@pytest.fixture
def dialog_for(show, ctx):
    return lambda: show(BackupsDialog(ctx))


def shown(dialog, row: int) -> list[str]:
    return [dialog.model.index(row, c).data() for c in range(dialog.model.columnCount())]


def titles(ws) -> list[str]:
    return sorted(i["title"] for i in ops.list_items(ws))


def answer(monkeypatch, reply):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or reply)
    return asked


def test_the_list_shows_date_reason_counts_and_size_newest_first(ctx, dialog_for, qtmodeltester):
    first = backups.make_backup(ctx.ws, reason="before-import")
    ops.add_item(ctx.ws, title="Dark mode")
    second = backups.make_backup(ctx.ws, reason="daily")
    dialog = dialog_for()
    qtmodeltester.check(dialog.model)
    headers = [dialog.model.headerData(c, Qt.Horizontal) for c in range(dialog.model.columnCount())]
    assert headers == ["Date", "Reason", "Items", "Requests", "Size"]
    when = dialog.model.rows[0]["when"].strftime("%Y-%m-%d %H:%M")  # as the command line writes it
    assert shown(dialog, 0) == [when, "Daily", "3", "0",
                                QLocale().formattedDataSize(second.stat().st_size)]
    assert shown(dialog, 1)[1:4] == ["Before an import", "2", "0"]
    assert [r["file"] for r in dialog.model.rows] == [second, first]
    assert dialog.selected_backup()["file"] == second and dialog.restore_button.isEnabled()
    assert not dialog.empty.isVisible()


def test_an_unreadable_backup_is_listed_but_cannot_be_restored(ctx, dialog_for):
    good = backups.make_backup(ctx.ws, reason="daily")
    broken = good.with_name("w-2099-01-01-000000-manual.db")
    broken.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    dialog = dialog_for()
    assert shown(dialog, 0)[1:4] == ["Made by hand", "unreadable", ""]
    assert not dialog.restore_button.isEnabled()
    dialog.select_file(good)
    assert dialog.restore_button.isEnabled()


def test_no_backups_yet_says_so(ctx, dialog_for):
    dialog = dialog_for()
    assert dialog.model.rowCount() == 0 and dialog.empty.isVisible()
    assert not dialog.restore_button.isEnabled()


def test_restore_asks_first_then_replaces_the_workspace_and_clears_undo(qtbot, ctx, dialog_for, monkeypatch):
    backup = backups.make_backup(ctx.ws, reason="daily")
    assert ctx.runner.run(None, "Add item", lambda ws: ops.add_item(ws, title="Added after the backup"))
    assert ctx.undo_stack.count() == 1
    changed = []
    ctx.changed.connect(changed.append)
    dialog = dialog_for()
    dialog.select_file(backup)
    asked = answer(monkeypatch, QMessageBox.Yes)

    qtbot.mouseClick(dialog.restore_button, Qt.LeftButton)

    assert len(asked) == 1 and asked[0].startswith("Replace the workspace with the copy from ")
    assert "(Daily: 2 items, 0 requests)" in asked[0]
    assert asked[0].endswith("The current state is kept as a backup first.")
    assert titles(ctx.ws) == ["Audit log", "Single sign-on"]
    assert ctx.undo_stack.count() == 0  # the steps undo knew of describe the state that was replaced
    assert changed and changed[-1].touches(Entity.ITEMS) and changed[-1].touches(Entity.REQUESTS)
    kept = dialog.model.rows[0]
    assert kept["reason"] == "before-restore" and kept["items"] == 3 and shown(dialog, 0)[1] == "Before a restore"
    assert dialog.result.text().startswith("Restored the copy from ")
    assert Path(kept["file"]).name in dialog.result.text()


def test_restore_answered_no_changes_nothing(qtbot, ctx, dialog_for, monkeypatch, dump):
    backups.make_backup(ctx.ws, reason="daily")
    ops.add_item(ctx.ws, title="Added after the backup")
    before = dump(ctx.ws)
    dialog = dialog_for()
    asked = answer(monkeypatch, QMessageBox.No)
    qtbot.mouseClick(dialog.restore_button, Qt.LeftButton)
    assert asked and dump(ctx.ws) == before
    assert len(dialog.model.rows) == 1 and dialog.result.text() == ""


def test_a_backup_damaged_after_listing_is_refused_with_its_reason(qtbot, ctx, dialog_for, monkeypatch, messages, dump):
    backup = backups.make_backup(ctx.ws, reason="daily")
    dialog = dialog_for()
    backup.write_text("hello " * 100)  # replaced behind the dialog's back
    before = dump(ctx.ws)
    answer(monkeypatch, QMessageBox.Yes)
    qtbot.mouseClick(dialog.restore_button, Qt.LeftButton)
    assert messages and "cannot be restored" in messages[-1]["text"]
    assert "Pick another backup" in messages[-1]["informative"]
    assert dump(ctx.ws) == before


def test_the_list_follows_a_switch_to_another_workspace(ctx, dialog_for, tmp_path):
    backups.make_backup(ctx.ws, reason="daily")
    dialog = dialog_for()
    assert dialog.model.rowCount() == 1
    ctx.replace_workspace(open_workspace(tmp_path / "other.db"))
    assert dialog.model.rowCount() == 0 and dialog.empty.isVisible()


def test_open_folder_shows_the_backups_folder(ctx, dialog_for, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    dialog = dialog_for()
    dialog.folder_button.click()
    assert opened == [str(Path(ctx.ws.path).parent)]  # no backups yet: the workspace's folder
    backups.make_backup(ctx.ws, reason="manual")
    dialog.folder_button.click()
    assert opened[-1] == str(backups.backups_folder(ctx.ws.path))


# ------------------------------------------------------------------ the File menu
def file_menu_texts(window) -> list[str]:
    menus = {m.title().replace("&", ""): m for m in (a.menu() for a in window.menuBar().actions()) if m}
    return [a.text().replace("&", "") for a in menus["File"].actions() if a.text()]


def test_the_file_menu_offers_save_a_copy_back_up_and_restore(window):
    texts = file_menu_texts(window)
    assert texts.index("Save a Copy…") < texts.index("Back Up Now") < texts.index("Restore from Backup…")
    assert texts.index("Export…") < texts.index("Save a Copy…") < texts.index("Quit")


def test_back_up_now_then_restore_from_backup_opens_the_list(qtbot, window):
    window.backup_action.trigger()
    rows = backups.list_backups(window.ctx.ws.path)
    assert len(rows) == 1 and rows[0]["reason"] == "manual"
    assert rows[0]["items"] == queries.counts(window.ctx.ws)["items"]
    assert rows[0]["name"] in window.statusBar().currentMessage()
    window.restore_action.trigger()
    dialog = window.dialogs["backups"]
    assert dialog.isVisible() and dialog.model.rows[0]["file"] == rows[0]["file"]
    dialog.close()


def test_save_a_copy_suggests_a_name_and_writes_the_copy(qtbot, window, tmp_path, monkeypatch):
    offered = []
    target = tmp_path / "for the board"

    def pick(parent, title, start, filters):
        offered.append(start)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", pick)
    window.save_copy_action.trigger()
    assert offered == [str(Path(window.ctx.ws.path).with_name("demo copy.db"))]
    written = target.with_suffix(".db")
    assert written.exists() and str(written) in window.statusBar().currentMessage()
    with open_workspace(written) as copy:
        assert queries.counts(copy) == queries.counts(window.ctx.ws)


def test_save_a_copy_over_the_workspace_itself_is_refused(qtbot, window, monkeypatch, messages, dump):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(window.ctx.ws.path), ""))
    before = dump(window.ctx.ws)
    window.save_copy_action.trigger()
    assert messages and "open workspace" in messages[-1]["text"]
    assert dump(window.ctx.ws) == before
