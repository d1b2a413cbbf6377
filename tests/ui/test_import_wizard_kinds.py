"""One import wizard for every kind of file: backlog items, companies, metrics (and requests), CSV or Excel."""

from __future__ import annotations

import csv
import io
import os
from datetime import datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QWizard

from planner import ops
from planner.storage import demand, queries
from ui.context import AppContext
from ui.import_wizard import PAGE_PREVIEW, PAGE_RESULT, ImportWizard

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


# ---------------------------------------------------------------- files a user has

def rice_workbook(path):
    """A Japanese RICE sheet as people keep it: a notes sheet first, a title above the header, a customers sheet."""
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "メモ"
    notes["A1"] = "この表は毎週更新します"
    sheet = book.create_sheet("バックログ")
    sheet["A1"] = "2027年度 RICE 優先順位"
    sheet.merge_cells("A1:G1")
    sheet.append([])
    sheet.append(["施策名", "リーチ", "インパクト", "確信度", "工数(人月)", "四半期", "ステータス"])
    sheet.append(["SSO対応", 500, 2, 0.8, 2, "2027 Q1", "計画中"])
    sheet["D4"].number_format = "0%"
    sheet.append(["CSV出力の改善", 120, 1, 0.5, 1.5, "2027 Q2", "アイデア"])
    sheet.append(["通知の二重送信を直す", 300, 1, 1.0, 0.5, None, "対応中"])
    customers = book.create_sheet("顧客")
    customers.append(["取引先名", "区分", "月額(円)", "契約更新日"])
    customers.append(["株式会社さくら物流", "大企業", 120000, datetime(2027, 3, 31)])
    customers.append(["ひかり通信株式会社", "中小", 30000, None])
    book.save(path)
    return path


def crm_csv(path):
    rows = [
        ["Account Name", "Account ID", "Type", "Website", "Account Owner", "MRR", "Edition"],
        ["Globex", "001B", "大企業", "https://www.globex.example/", "Ito", "12000", "Scale"],
        ["Initech", "001C", "大企業", "initech.example", "Ito", "abc", "Starter"],
        ["Umbrella", "001D", "Enterprise", "umbrella.example", "Sato", "5000", "Scale"],
    ]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.fixture
def ctx(ws):
    return AppContext(ws)


@pytest.fixture
def wizard_for(qtbot, ctx, messages):
    def make(path=None, **kwargs):
        wizard = ImportWizard(ctx, path=path, **kwargs)
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


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def counts_of(label) -> dict[str, int]:
    """The result page's table of figures, as the user reads it: {label: number}."""
    import re

    return {name: int(value.replace(",", "")) for name, value in
            re.findall(r"<tr><td>([^<]*)</td><td[^>]*><b>([\d,]+)</b></td></tr>", label.text())}


# ---------------------------------------------------------------- backlog items from a workbook

def test_a_japanese_rice_workbook_imports_as_backlog_items_and_undo_takes_them_back(qtbot, wizard_for, ctx, ws, tmp_path):
    wizard = wizard_for(rice_workbook(tmp_path / "施策一覧.xlsx"))
    page = wizard.preview_page

    assert wizard.currentId() == PAGE_PREVIEW
    assert page.kind.currentData() == "items" and page.kind.currentText() == "Backlog items"
    assert page.kind_reason.text() == "Guessed from its columns リーチ, インパクト, 確信度"
    assert page.sheet.isVisible()
    assert [page.sheet.itemText(i) for i in range(page.sheet.count())] == ["メモ", "バックログ", "顧客"]
    assert page.sheet.currentText() == "バックログ"  # the sheet that holds the table, under its title
    assert not page.encoding.isVisible() and not page.preset.isVisible()  # a workbook has no encoding; items no preset
    assert page.source.isVisible()
    assert page.field_combos["title"].currentText() == "施策名"
    assert page.field_combos["effort"].currentText() == "工数(人月)"
    assert page.field_combos["description"].currentText() == "(not imported)"
    assert [page.rows_model.rows[n]["title"] for n in range(3)] == ["SSO対応", "CSV出力の改善", "通知の二重送信を直す"]
    assert page.rows_model.rows[0]["confidence"] == 80  # the 80 % cell, as a percentage
    assert "--" not in page.message.text()  # the core's "pass --source" is said as the page's Source box
    assert "Type a name in Source to keep the files of one tool or backlog together." in page.message.text()

    run_import(qtbot, wizard)
    result = wizard.result_page
    assert counts_of(result.counts) == {"New items": 3, "Updated": 0, "Unchanged (already imported)": 0,
                                        "Failed rows": 0, "New lanes": 2}
    assert "sheet “バックログ”" in result.counts.text()
    assert "--" not in result.warnings.text()
    items = {i["title"]: i for i in ops.list_items(ws)}
    assert set(items) == {"SSO対応", "CSV出力の改善", "通知の二重送信を直す"}
    assert items["SSO対応"]["confidence"] == 80 and items["SSO対応"]["effort"] == 2
    assert {lane["name"] for lane in ops.list_lanes(ws)} >= {"2027 Q1", "2027 Q2"}
    assert ctx.undo_stack.undoText() == "Import “施策一覧.xlsx”"

    assert result.undo_button.isEnabled()
    qtbot.mouseClick(result.undo_button, Qt.LeftButton)
    assert ops.list_items(ws) == []
    assert not result.undo_button.isEnabled()
    assert "Redo" in result.undo_note.text()
    ctx.undo_stack.redo()
    assert len(ops.list_items(ws)) == 3
    assert result.undo_button.isEnabled()


def test_the_sheet_picker_reads_another_sheet_and_guesses_its_kind_again(qtbot, wizard_for, ws, tmp_path):
    wizard = wizard_for(rice_workbook(tmp_path / "計画.xlsx"))
    page = wizard.preview_page

    choose(page.sheet, "顧客")
    assert page.kind.currentData() == "companies"
    assert page.field_combos["name"].currentText() == "取引先名"
    assert [r["name"] for r in page.rows_model.rows] == ["株式会社さくら物流", "ひかり通信株式会社"]
    assert not page.source.isVisible()  # companies have no source

    run_import(qtbot, wizard)
    assert wizard.session.report["sheet"] == "顧客"
    assert {c["name"] for c in ops.list_companies(ws)} == {"株式会社さくら物流", "ひかり通信株式会社"}
    assert ops.list_items(ws) == []


def test_a_kind_the_user_chooses_stays_and_says_what_the_columns_look_like(qtbot, wizard_for, tmp_path):
    wizard = wizard_for(crm_csv(tmp_path / "accounts.csv"))
    page = wizard.preview_page
    assert page.kind.currentData() == "companies"

    choose(page.kind, "requests")
    assert page.preview is None  # no column can be a request's title: said, and nothing to import
    assert "title" in page.message.text() and "--" not in page.message.text()
    assert not wizard.button(QWizard.CommitButton).isEnabled()
    assert page.kind_reason.text().startswith("Its columns Account ID, Website, Account Owner look like companies")

    choose(page.kind, "companies")
    assert page.preview is not None and wizard.button(QWizard.CommitButton).isEnabled()


# ---------------------------------------------------------------- companies from a CRM export

def test_a_crm_export_imports_companies_and_a_new_segment_can_be_merged(qtbot, wizard_for, ctx, ws, tmp_path):
    ops.upsert_company(ws, name="Acme", segment="Enterprise")
    wizard = wizard_for(crm_csv(tmp_path / "accounts.csv"))
    page = wizard.preview_page
    assert page.kind.currentData() == "companies"
    assert page.kind_reason.text() == "Guessed from its columns Account ID, Website, Account Owner"
    assert not page.sheet.isVisible()  # a CSV file has no sheets
    assert page.field_combos["segment"].currentText() == "Type"
    assert page.field_combos["external_id"].currentText() == "Account ID"
    assert "Row 3, MRR" in page.message.text()  # a bad optional cell: kept, with a warning

    run_import(qtbot, wizard)
    result = wizard.result_page
    assert counts_of(result.counts) == {"New companies": 3, "Updated": 0, "Unchanged (already imported)": 0,
                                        "Failed rows": 0, "New segments": 1}
    assert "Row 3, MRR" in result.warnings.text()
    companies = {c["name"]: c for c in ops.list_companies(ws)}
    assert companies["Globex"]["segment"] == "大企業" and companies["Initech"]["mrr"] is None

    # 大企業 is new, and the workspace had Enterprise: offer to merge it.
    assert result.segments_box.isVisible()
    label, button = result.segment_rows["大企業"]
    assert label.text() == "“大企業” (2 companies)"
    assert [a.text() for a in button.menu().actions()] == ["Enterprise"]
    button.menu().actions()[0].trigger()
    assert {c["name"]: c["segment"] for c in ops.list_companies(ws)}["Globex"] == "Enterprise"
    assert label.text() == "“大企業” was merged into “Enterprise”." and not button.isEnabled()
    assert ctx.undo_stack.undoText() == "Merge segment “大企業” into “Enterprise”"
    # The import is no longer the last step: the page says how to take it back now.
    assert not result.undo_button.isEnabled() and "Import Batches" in result.undo_note.text()
    ctx.undo_stack.undo()
    assert {c["name"]: c["segment"] for c in ops.list_companies(ws)}["Globex"] == "大企業"
    ctx.undo_stack.undo()
    assert {c["name"] for c in ops.list_companies(ws)} == {"Acme"}


def test_new_segments_are_not_offered_for_merging_into_nothing(qtbot, wizard_for, ws, tmp_path):
    wizard = wizard_for(crm_csv(tmp_path / "accounts.csv"))  # an empty workspace: no segment to merge into
    run_import(qtbot, wizard)
    assert sorted(wizard.session.report["segments_new"]) == ["Enterprise", "大企業"]
    assert not wizard.result_page.segments_box.isVisible()


def test_a_corrected_column_is_remembered_for_the_next_file(qtbot, wizard_for, ws, tmp_path):
    path = crm_csv(tmp_path / "accounts.csv")
    wizard = wizard_for(path)
    page = wizard.preview_page
    assert page.field_combos["plan"].currentText() == "Edition"
    choose(page.field_combos["plan"], "")  # the edition is not what the customer pays for here
    assert "plan" not in page.preview["mapping"]
    run_import(qtbot, wizard)
    assert wizard.session.options["mapping"] == {"plan": ""}  # only what the user changed
    assert all(c["plan"] is None for c in ops.list_companies(ws))

    again = wizard_for(path)
    assert again.preview_page.field_combos["plan"].currentText() == "(not imported)"


# ---------------------------------------------------------------- metrics

def test_a_metrics_file_is_previewed_as_it_is_and_imported_as_one_undo_step(qtbot, wizard_for, ctx, ws, tmp_path):
    path = tmp_path / "usage.csv"
    path.write_text("metric,date,value\nWeekly active users,2026-10,1200\nWeekly active users,2026-11,1350\n"
                    "Trials started,2026-11,41\n", encoding="utf-8")
    wizard = wizard_for(path)
    page = wizard.preview_page
    assert page.kind.currentData() == "metrics"
    assert page.kind_reason.text() == "Guessed from its columns metric, date, value"
    assert not page.mapping_box.isVisible()  # the metrics importer reads its own column names
    assert [page.rows_model.headerData(c, Qt.Horizontal) for c in range(3)] == ["metric", "date", "value"]
    assert page.rows_model.rows[0] == {"metric": "Weekly active users", "date": "2026-10", "value": "1200"}
    assert "One row per metric and period" in page.message.text()

    run_import(qtbot, wizard)
    assert counts_of(wizard.result_page.counts) == {"Metrics in the file": 2, "New metrics": 2, "New values": 3,
                                                    "Updated values": 0, "Unchanged values": 0}
    assert {m["name"] for m in demand.list_metrics(ws)} == {"Weekly active users", "Trials started"}
    qtbot.mouseClick(wizard.result_page.undo_button, Qt.LeftButton)
    assert demand.list_metrics(ws) == []


def test_metrics_in_a_workbook_are_refused_with_what_to_do(qtbot, wizard_for, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["metric", "date", "value"])
    book.active.append(["Weekly active users", "2026-10", 1200])
    book.save(tmp_path / "usage.xlsx")
    wizard = wizard_for(tmp_path / "usage.xlsx")
    assert wizard.preview_page.kind.currentData() == "metrics"
    assert "save this sheet as CSV" in wizard.preview_page.message.text()
    assert not wizard.button(QWizard.CommitButton).isEnabled()


def test_file_import_metrics_opens_the_wizard_set_to_metrics(qtbot, make_window, ws, tmp_path, monkeypatch):
    path = tmp_path / "usage.csv"
    path.write_text("date,Trials started\n2026-10,41\n2026-11,57\n", encoding="utf-8")
    window = make_window(ws)
    window.import_metrics_action.trigger()
    wizard = window.dialogs["import"]
    assert wizard.session.chosen_kind == "metrics"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(wizard.file_page.browse, Qt.LeftButton)
    assert wizard.currentId() == PAGE_PREVIEW  # a file chosen goes on at once
    assert wizard.preview_page.kind.currentData() == "metrics"
    assert "A date column, then one column per metric" in wizard.preview_page.message.text()
    run_import(qtbot, wizard)
    assert wizard.session.report["values_new"] == 2
    assert window.undo_action.text() == "&Undo Import “usage.csv”"
    window.undo_action.trigger()
    assert demand.list_metrics(ws) == []
    wizard.close()


# ---------------------------------------------------------------- the window: menu and drops

def test_file_import_names_every_kind_and_takes_spreadsheets(qtbot, make_window, ws, monkeypatch):
    window = make_window(ws)
    assert window.import_action.text() == "&Import…"
    assert window.import_action.statusTip() == "Import requests, backlog items, companies or metrics from a CSV or Excel file"
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: asked.append(a[3]) or ("", ""))
    window.import_action.trigger()
    wizard = window.dialogs["import"]
    qtbot.mouseClick(wizard.file_page.browse, Qt.LeftButton)
    assert asked and asked[0].startswith("Spreadsheets and CSV (*.csv *.tsv *.txt *.xlsx *.xlsm)")
    wizard.close()


def test_dropping_a_workbook_on_the_window_opens_the_wizard_on_it(qtbot, make_window, ws, tmp_path, messages):
    path = rice_workbook(tmp_path / "施策一覧.xlsx")
    window = make_window(ws)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    window.dropEvent(QDropEvent(QPointF(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))

    wizard = window.dialogs["import"]
    assert wizard.isVisible() and wizard.path == str(path)
    assert wizard.currentId() == PAGE_PREVIEW
    assert wizard.preview_page.kind.currentData() == "items"
    assert messages == []
    run_import(qtbot, wizard)
    assert queries.counts(ws)["items"] == 3
    wizard.close()


# ---------------------------------------------------------------- requests still as before, now from a workbook too

def test_requests_in_a_workbook_are_imported_from_the_sheet_chosen(qtbot, wizard_for, ws, tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "説明"
    book.active["A1"] = "要望の一覧です"
    sheet = book.create_sheet("要望")
    sheet.append(["受付日", "会社名", "件名", "内容", "担当者", "メールアドレス"])
    sheet.append([datetime(2024, 3, 12), "株式会社さくら物流", "帳票をPDFで出力したい", "月次", "髙橋", "t@s.example.jp"])
    book.save(tmp_path / "要望.xlsx")
    wizard = wizard_for(tmp_path / "要望.xlsx")
    page = wizard.preview_page
    assert page.kind.currentData() == "requests" and page.sheet.currentText() == "要望"
    assert page.preset.isVisible() and not page.encoding.isVisible()
    assert page.rows_model.rows[0]["title"] == "帳票をPDFで出力したい"
    run_import(qtbot, wizard)
    assert wizard.session.report["new"] == 1
    assert [r["title"] for r in ops.list_requests(ws)] == ["帳票をPDFで出力したい"]


def test_no_message_of_the_wizard_names_a_command_line_flag(qtbot, wizard_for, tmp_path):
    # Latin-1 bytes that are neither UTF-8 nor CP932: the core's warning says "pass --encoding".
    path = tmp_path / "feedback.csv"
    body = io.StringIO()
    csv.writer(body).writerows([["title", "company"], ["Café menu", "Société Générale"]])
    path.write_bytes(body.getvalue().encode("latin-1"))
    wizard = wizard_for(path)
    text = wizard.preview_page.message.text()
    assert "--" not in text
    assert "Choose another encoding if the text looks wrong." in text


@pytest.mark.parametrize("core, window", [
    ("The source is 'zendesk-export', after the file name; pass --source to keep dumps of one tool together.",
     "The source is “zendesk-export”, taken from the file name; type the tool's name in Source to keep its exports "
     "together."),
    ("The source is 'plan', after the file name: items are matched again by title within it. "
     "Pass --source to keep the sheets of one backlog together.",
     "The source is “plan”, taken from the file name: items are matched again by title within it. "
     "Type a name in Source to keep the files of one tool or backlog together."),
    ("The source is 'plan', after the file name: items are matched again by their 'No' column within it. "
     "Pass --source to keep the sheets of one backlog together.",
     "The source is “plan”, taken from the file name: items are matched again by their “No” column within it. "
     "Type a name in Source to keep the files of one tool or backlog together."),
    ("Skipped 3 row(s) above the header (row 4).", "Skipped 3 rows above the header (row 4)."),
    ("The encoding was guessed as cp1252; pass --encoding if the text looks wrong.",
     "The encoding was guessed as cp1252; choose another in Encoding if the text looks wrong."),
    ("The file is neither UTF-8 nor CP932; it was read as Latin-1. Pass --encoding if the text looks wrong.",
     "The file is neither UTF-8 nor CP932; it was read as Latin-1. Choose another encoding if the text looks wrong."),
    ("The workbook has 2 sheets; 'A' was read (it looks most like a table). Pass --sheet to read another: 'B'.",
     "The workbook has 2 sheets; 'A' was read (it looks most like a table). Choose another in Sheet to read it instead."),
    ("--encoding cp932 was ignored: a workbook's text has no encoding to choose.", None),
    ("The column 'Effort (days)' seems to count days, weeks or hours, but effort is read in person-months: convert it, "
     "or leave effort out with --map effort=.",
     "The column “Effort (days)” seems to count days, weeks or hours, but effort is read in person-months: convert "
     "it, or choose “(not imported)” for Effort."),
    ("ARR is read from “Annual Revenue”: in a CRM that is usually the company's own revenue, not what it pays you. "
     "If so, leave ARR out (--map arr=) or map the column of what it pays (--map arr=COLUMN).",
     "ARR is read from “Annual Revenue”: in a CRM that is usually the company's own revenue, not what it pays you. "
     "If so, choose “(not imported)” for ARR, or the column of what it pays."),
    ("no title: every item needs one. Fill the cell, or map another column with --map title=COLUMN.",
     "no title: every item needs one. Fill the cell, or choose another column for Title."),
    ("Name one with --map title=COLUMN.", "Choose the column that holds the title."),
    ("Name it with --map name=COLUMN.", "Choose the column that holds the company name."),
    ("Try another --encoding, or leave it out to detect it.", "Choose another encoding if the text looks wrong."),
    ("Row 3, MRR: 'abc' is not a sum of money; MRR was not imported.",
     "Row 3, MRR: 'abc' is not a sum of money; MRR was not imported."),
])
def test_the_cores_advice_on_flags_is_said_as_the_wizards_controls(core, window):
    from ui.import_wizard.messages import for_window

    assert for_window(core) == window


def test_another_file_after_back_is_guessed_afresh(qtbot, wizard_for, tmp_path, monkeypatch):
    accounts = crm_csv(tmp_path / "accounts.csv")
    plan = rice_workbook(tmp_path / "施策一覧.xlsx")
    wizard = wizard_for()
    chosen = [str(accounts)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (chosen[-1], ""))
    qtbot.mouseClick(wizard.file_page.browse, Qt.LeftButton)
    assert wizard.currentId() == PAGE_PREVIEW  # a file chosen goes on at once
    page = wizard.preview_page
    choose(page.kind, "requests")  # wrong on purpose
    click(qtbot, wizard, QWizard.BackButton)

    chosen.append(str(plan))
    qtbot.mouseClick(wizard.file_page.browse, Qt.LeftButton)
    assert wizard.currentId() == PAGE_PREVIEW  # a file chosen goes on at once
    assert page.kind.currentData() == "items"
    assert page.kind_reason.text().startswith("Guessed from its columns")
    assert page.sheet.currentText() == "バックログ"


@pytest.mark.parametrize("sso_score, said", [
    (400, "✓ The sheet's “スコア” column equals the planner's RICE score on all 3 rows that have one."),
    (4000, "The sheet's “スコア” column differs from the planner's RICE score on 1 of 3 rows: the notes below name them."),
])
def test_the_result_says_whether_the_sheets_own_score_matches(qtbot, wizard_for, tmp_path, sso_score, said):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["施策名", "リーチ", "インパクト", "確信度", "工数", "スコア"])
    sheet.append(["SSO対応", 500, 2, 0.8, 2, sso_score])
    sheet.append(["CSV出力の改善", 120, 1, 0.5, 1.5, 40])
    sheet.append(["通知の二重送信を直す", 300, 1, 1.0, 0.5, 600])
    book.save(tmp_path / "rice.xlsx")
    wizard = wizard_for(tmp_path / "rice.xlsx")

    run_import(qtbot, wizard)

    result = wizard.result_page
    assert said in result.counts.text().replace("&#x27;", "'").replace("&quot;", '"')
    differs = "row 2: the sheet's score 4,000 differs" in result.warnings.text().replace("&#x27;", "'")
    assert differs == (sso_score == 4000)


def test_a_computed_score_in_the_preview_reads_as_a_sheet_shows_it(qtbot, wizard_for, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["施策名", "リーチ", "インパクト", "確信度", "工数", "スコア"])
    sheet.append(["権限ロール", 20, 0.25, 1.0, 3, 20 * 0.25 / 3])
    book.save(tmp_path / "rice.xlsx")

    wizard = wizard_for(tmp_path / "rice.xlsx")

    model = wizard.preview_page.rows_model
    column = [key for key, _ in model.COLUMNS].index("score")
    assert model.data(model.index(0, column)) == "1.6667"
