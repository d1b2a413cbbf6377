"""The import wizard and the batch list, driven as a user would."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWizard

from planner import importing, ops
from planner.ops import Entity
from planner.storage import queries
from ui.dialogs.batches import BatchesDialog
from ui.context import AppContext
from ui.import_wizard import PAGE_IMPORT, PAGE_PREVIEW, PAGE_RESULT, ImportWizard
from qt_actions import click_undo_import

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# The real exports live in shared/, beside the repository (in CI too).
JIRA = str(Path(__file__).resolve().parents[3] / "shared" / "realdata" / "jira_server_export_poinz_testJiraIssueExport.csv")
HEADER = ["受付日", "会社名", "件名", "内容", "担当者", "メールアドレス", "月額", "セグメント"]


def write_cp932(path, rows):
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    path.write_bytes(buf.getvalue().encode("cp932"))
    return path


@pytest.fixture
def japanese_csv(tmp_path):
    rows = [
        ["2024/3/12", "株式会社さくら物流", "帳票をPDFで出力したい", "月次の帳票を①まとめて出したい\n二行目", "髙橋", "taka@sakura.example.jp", "￥120,000", "Enterprise"],
        ["令和6年3月13日", "髙橋製作所㈱", "Ⅱ期の請求書に対応してほしい", "インボイス制度", "佐藤", "sato@takahashi.example.jp", "１２０，０００", "SMB"],
        ["2024年3月14日", "株式会社ひかり通信", "通知が二重に届く", "毎回二通", "伊藤", "ito@hikari.example.jp", "50000", "Mid-market"],
    ]
    return write_cp932(tmp_path / "要望一覧.csv", rows)


@pytest.fixture
def ctx(ws):
    return AppContext(ws)


@pytest.fixture
def wizard_for(qtbot, ctx, messages):
    def make(path=None):
        wizard = ImportWizard(ctx, path=path)
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        return wizard

    return make


def click(qtbot, wizard, which):
    button = wizard.button(which)
    assert button.isEnabled() and button.isVisible(), which
    qtbot.mouseClick(button, Qt.LeftButton)


def run_import(qtbot, wizard):
    click(qtbot, wizard, QWizard.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_RESULT, timeout=20000)


def test_import_a_real_jira_csv_through_the_wizard(qtbot, wizard_for, ctx, ws, monkeypatch, qtmodeltester):
    wizard = wizard_for()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (JIRA, "CSV files (*.csv)"))
    qtbot.mouseClick(wizard.file_page.browse, Qt.LeftButton)  # a file chosen goes on to the preview at once
    page = wizard.preview_page
    assert wizard.currentId() == PAGE_PREVIEW
    assert page.preview["encoding"] == "utf-8" and page.preview["preset"] == "jira"
    assert "Jira" in page.preset.currentText()
    assert page.field_combos["title"].currentText() == "Summary"
    assert page.field_combos["external_id"].currentText() == "Issue key"
    assert "comma" in page.delimiter_label.text()
    assert page.rows_model.rowCount() == 4
    qtmodeltester.check(page.rows_model)
    changed = []
    ctx.changed.connect(lambda areas: changed.append(areas))
    run_import(qtbot, wizard)
    report = wizard.session.report
    assert (report["new"], report["failed"], report["preset"]) == (4, 0, "jira")
    assert "4" in wizard.result_page.counts.text()
    requests = [r for r in ops.list_requests(ws) if r["source"] == "jira"]
    assert len(requests) == 4
    assert "Something something Summary" in {r["title"] for r in requests}
    assert all(r["external_id"].startswith("SMRGR-") for r in requests)
    assert any(c.touches(Entity.REQUESTS) and c.touches(Entity.BATCHES) and c.scores for c in changed)
    assert ctx.undo_stack.undoText() == f"Import “{Path(JIRA).name}”"  # the import is one step of Edit > Undo
    ctx.undo_stack.undo()
    assert [r for r in ops.list_requests(ws) if r["source"] == "jira"] == []
    ctx.undo_stack.redo()
    assert len([r for r in ops.list_requests(ws) if r["source"] == "jira"]) == 4
    assert not wizard.result_page.save_button.isVisible()
    click(qtbot, wizard, QWizard.FinishButton)
    assert not wizard.isVisible()


def test_importing_the_same_file_again_adds_nothing(qtbot, wizard_for, ws):
    run_import(qtbot, wizard_for(JIRA))
    again = wizard_for(JIRA)
    run_import(qtbot, again)
    assert again.session.report["new"] == 0 and again.session.report["unchanged"] == 4
    assert queries.counts(ws)["requests"] == 4


def test_cp932_file_preview_is_editable_and_reruns(qtbot, wizard_for, ws, japanese_csv):
    wizard = wizard_for(japanese_csv)  # given a path, the wizard opens on the preview
    page = wizard.preview_page
    assert wizard.currentId() == PAGE_PREVIEW
    assert page.preview["encoding"] == "cp932"
    assert "CP932" in page.encoding.currentText()
    assert page.field_combos["title"].currentText() == "件名"
    assert page.field_combos["company"].currentText() == "会社名"
    assert page.rows_model.rows[0]["title"] == "帳票をPDFで出力したい"
    assert page.rows_model.rows[1]["created_at"].startswith("2024-03-13")  # 令和6年

    # Another encoding reads the same bytes differently, and the preview follows.
    # Read as Latin-1 the Japanese headers are garbage: no title column, said on the page, Import disabled.
    page.encoding.setCurrentIndex(page.encoding.findData("latin-1"))
    assert page.preview is None
    assert "title" in page.message.text()
    assert not wizard.button(QWizard.CommitButton).isEnabled()
    page.encoding.setCurrentIndex(page.encoding.findData("cp932"))
    assert page.rows_model.rows[0]["title"] == "帳票をPDFで出力したい"

    # Choose another column for the title: the preview shows it at once.
    combo = page.field_combos["title"]
    combo.setCurrentIndex(combo.findData("内容"))
    assert page.preview["mapping"]["title"] == "内容"
    assert page.rows_model.rows[0]["title"].startswith("月次の帳票")
    combo = page.field_combos["segment"]
    combo.setCurrentIndex(combo.findData(""))  # not imported
    assert "segment" not in page.preview["mapping"]

    # A preset brings its own mapping, forgetting the picks made for the old one.
    page.preset.setCurrentIndex(page.preset.findData("zendesk"))
    assert page.preview["preset"] == "zendesk" and page.overrides == {}
    page.preset.setCurrentIndex(0)
    combo = page.field_combos["title"]
    combo.setCurrentIndex(combo.findData("内容"))

    run_import(qtbot, wizard)
    assert wizard.session.report["new"] == 3
    titles = {r["title"] for r in ops.list_requests(ws)}
    assert any(t.startswith("月次の帳票") for t in titles)
    companies = {c["name"] for c in ops.list_companies(ws)}
    assert "株式会社さくら物流" in companies


def test_row_errors_are_listed_and_saved_as_csv(qtbot, wizard_for, tmp_path, monkeypatch, qtmodeltester):
    # A row without a title (and no body to take one from) fails; an unreadable date or sum only leaves that cell empty.
    path = write_cp932(tmp_path / "errors.csv", [
        ["2024/3/12", "株式会社さくら物流", "正しい行", "本文", "髙橋", "t@s.example.jp", "1000", "SMB"],
        ["2024/3/13", "髙橋製作所", "", "", "山田", "y@t.example.jp", "2000", "SMB"],
        ["2024/3/14", "株式会社ひかり通信", "", "", "伊藤", "i@h.example.jp", "3000", "SMB"],
        ["2024/3/15", "株式会社ひかり通信", "金額が読めない行", "本文", "伊藤", "i@h.example.jp", "abc", "SMB"],
    ])
    wizard = wizard_for(path)
    assert "will fail" in wizard.preview_page.message.text()
    run_import(qtbot, wizard)
    result = wizard.result_page
    assert wizard.session.report["new"] == 2
    assert result.errors_model.rowCount() == len(wizard.session.report["errors"]) == 2
    assert {(e["row"], e["column"]) for e in result.errors_model.rows} == {(3, "件名"), (4, "件名")}
    assert "2 rows could not be read" in result.errors_label.text()
    assert result.save_button.isVisible()
    qtmodeltester.check(result.errors_model)
    target = tmp_path / "saved-errors.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(result.save_button, Qt.LeftButton)
    with open(target, encoding="utf-8-sig", newline="") as fh:
        saved = list(csv.reader(fh))
    assert saved[0] == ["row", "column", "message"]
    assert [row[:2] for row in saved[1:]] == [["3", "件名"], ["4", "件名"]]


def test_cancel_leaves_the_workspace_unchanged(qtbot, wizard_for, ws, tmp_path, dump, messages):
    rows = [[f"2024/3/{n % 28 + 1}", f"会社{n % 500}", f"要望その{n}", "本文\n二行目", "髙橋", f"u{n}@ex{n % 500}.jp", str(n), "SMB"]
            for n in range(40_000)]
    path = write_cp932(tmp_path / "big.csv", rows)
    ops.add_item(ws, title="Existing item")
    before = dump(ws)
    wizard = wizard_for(path)
    cancelled = []
    click(qtbot, wizard, QWizard.CommitButton)
    assert wizard.currentId() == PAGE_IMPORT
    wizard.session.task.signals.cancelled.connect(lambda: cancelled.append(True))
    qtbot.mouseClick(wizard.import_page.cancel_button, Qt.LeftButton)
    # Both the wizard and this test hear the task's cancelled signal; wait for both.
    qtbot.waitUntil(lambda: wizard.import_page.done and bool(cancelled), timeout=30000)
    assert wizard.session.report is None and messages == []
    assert "unchanged" in wizard.import_page.status.text()
    assert dump(ws) == before
    assert importing.list_batches(ws) == []
    # The user may go back and try again, or close.
    assert wizard.button(QWizard.BackButton).isEnabled()
    click(qtbot, wizard, QWizard.FinishButton)


def test_a_file_that_cannot_be_read_says_why_on_the_preview(qtbot, wizard_for, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    wizard = wizard_for(path)
    assert wizard.preview_page.preview is None
    assert wizard.preview_page.message.text()
    assert not wizard.button(QWizard.CommitButton).isEnabled()


def test_dropping_a_file_on_the_first_page_goes_to_the_preview(qtbot, wizard_for):
    wizard = wizard_for()
    page = wizard.file_page
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(JIRA)])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(page, QDropEvent(QPoint(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    assert wizard.currentId() == PAGE_PREVIEW
    assert wizard.preview_page.preview["preset"] == "jira"


def test_batches_dialog_undoes_an_import(qtbot, ctx, ws, monkeypatch, messages, qtmodeltester, japanese_csv):
    importing.import_requests(ws, JIRA)
    second = importing.import_requests(ws, japanese_csv)
    dialog = BatchesDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtmodeltester.check(dialog.model)
    assert [r["file_name"] for r in dialog.model.rows] == ["要望一覧.csv", JIRA.rsplit("/", 1)[1]]
    dialog.select_batch(second["batch_id"])
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    changed = []
    ctx.changed.connect(lambda areas: changed.append(areas))
    click_undo_import(qtbot, dialog)
    assert asked and "要望一覧.csv" in asked[0]
    assert queries.counts(ws)["requests"] == 4  # only the Jira rows are left
    assert dialog.model.rows[0]["undone_at"] and not dialog.undo_button.isEnabled()
    assert any(c.touches(Entity.BATCHES) for c in changed)
    ctx.undo_stack.undo()  # Edit > Undo puts the undone import back
    assert queries.counts(ws)["requests"] == 4 + second["new"]


def test_batches_dialog_asks_before_undoing(qtbot, ctx, ws, monkeypatch):
    importing.import_requests(ws, JIRA)
    dialog = BatchesDialog(ctx)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.No)
    click_undo_import(qtbot, dialog)
    assert queries.counts(ws)["requests"] == 4


def test_a_failed_import_shows_why_and_writes_nothing(qtbot, wizard_for, ws, tmp_path, dump, messages):
    path = write_cp932(tmp_path / "bad.csv", [  # its only row has no title and no body: nothing can be imported
        ["2024/3/12", "髙橋製作所", "", "", "山田", "y@t.example.jp", "2000", "SMB"],
    ])
    before = dump(ws)
    wizard = wizard_for(path)
    click(qtbot, wizard, QWizard.CommitButton)
    qtbot.waitUntil(lambda: wizard.import_page.done, timeout=20000)
    assert wizard.session.report is None
    assert messages and "could be imported" in messages[-1]["text"]
    assert "could be imported" in wizard.import_page.status.text()
    assert dump(ws) == before
    click(qtbot, wizard, QWizard.BackButton)
    assert wizard.currentId() == PAGE_PREVIEW


def test_a_big_file_is_previewed_in_the_background(qtbot, wizard_for, ws, monkeypatch):
    import ui.import_wizard.preview_page as preview_module

    monkeypatch.setattr(preview_module, "BACKGROUND_PREVIEW_BYTES", 0)  # treat every file as big
    wizard = wizard_for(JIRA)
    page = wizard.preview_page
    qtbot.waitUntil(lambda: not page.busy and page.preview is not None, timeout=20000)
    assert page.preview["preset"] == "jira" and page.rows_model.rowCount() == 4
    page.preset.setCurrentIndex(page.preset.findData("generic"))
    assert page.busy and not wizard.button(QWizard.CommitButton).isEnabled()  # no import of a stale preview
    qtbot.waitUntil(lambda: not page.busy, timeout=20000)
    assert page.preview["preset"] == "generic"
    page.preset.setCurrentIndex(0)
    qtbot.waitUntil(lambda: not page.busy, timeout=20000)
    run_import(qtbot, wizard)
    assert wizard.session.report["new"] == 4
