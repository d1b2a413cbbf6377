"""What a file holds, told from its columns: requests, backlog items, companies or metrics."""

import csv
import io

import openpyxl
import pytest

from planner.errors import ImportFailed
from planner.importing.kinds import KINDS, guess_file, guess_kind, known_count, metrics_form

JIRA_FULL_EXPORT = (
    "Summary,Issue key,Issue id,Issue Type,Status,Project key,Project name,Priority,Resolution,Assignee,Reporter,"
    "Creator,Created,Updated,Resolved,Due Date,Votes,Description,Original Estimate,Remaining Estimate,Time Spent"
).split(",")


@pytest.mark.parametrize("header, kind, telling", [
    # A RICE template, in English and in Japanese: the estimates say "backlog".
    (["Feature", "Reach", "Impact", "Confidence", "Effort", "Score"], "items", ["Reach", "Impact", "Confidence"]),
    (["施策名", "リーチ", "インパクト", "確信度", "工数(人月)", "スコア"], "items", ["リーチ", "インパクト", "確信度"]),
    # A Jira backlog: issue type, story points, sprint; nobody who asked.
    (["Issue key", "Summary", "Issue Type", "Status", "Story Points", "Sprint"], "items", ["Issue Type", "Story Points"]),
    # A Linear export.
    (["ID", "Title", "Description", "Status", "Priority", "Estimate", "Labels", "Cycle", "Assignee"], "items",
     ["Estimate"]),
    # A Japanese request list: who asked, from which company, when.
    (["受付日", "会社名", "件名", "内容", "担当者", "メールアドレス", "月額", "セグメント"], "requests", ["担当者", "メールアドレス"]),
    # A feedback board: votes and the author's e-mail.
    (["Title", "Description", "Votes", "Author email", "Created"], "requests", ["Votes", "Author email"]),
    # CRM exports: Salesforce, HubSpot, a Japanese sheet.
    (["Account Name", "Account ID", "Type", "Website", "Account Owner", "Annual Revenue"], "companies",
     ["Account ID", "Website", "Account Owner"]),
    (["Record ID", "Company name", "Company Domain Name", "Company owner", "Create Date"], "companies",
     ["Record ID", "Company Domain Name"]),
    (["取引先名", "区分", "月額(円)", "契約更新日", "担当営業"], "companies", ["契約更新日", "担当営業"]),
    # Names a request file has too, but no title: companies.
    (["Company", "Segment", "MRR", "Plan"], "companies", ["Company", "Segment", "MRR"]),
    # Metrics, long form and wide form.
    (["metric", "date", "value", "segment"], "metrics", ["metric", "date", "value"]),
    (["指標", "年月", "実績"], "metrics", ["指標", "年月", "実績"]),
    (["month", "Weekly active users", "Sign-ups"], "metrics", ["month"]),
])
def test_the_kind_is_told_by_the_columns_only_it_has(header, kind, telling):
    guessed, clues = guess_kind(header)

    assert guessed == kind
    assert clues[: len(telling)] == telling  # the telling columns come first: the window names them


def test_a_full_jira_export_with_a_reporter_and_votes_is_requests():
    # Issue type and estimate columns say "backlog", but a reporter and votes say someone asked.
    assert guess_kind(JIRA_FULL_EXPORT)[0] == "requests"
    # The same tracker's backlog view: no one who asked, and story points.
    backlog = ["Issue key", "Summary", "Issue Type", "Status", "Assignee", "Story Points", "Sprint"]
    assert guess_kind(backlog)[0] == "items"


def test_an_issue_type_without_anyone_who_asked_is_a_backlog():
    assert guess_kind(["Issue key", "Summary", "Issue Type", "Status"])[0] == "items"
    assert guess_kind(["Issue key", "Summary", "Issue Type", "Status", "Reporter"])[0] == "requests"


def test_columns_nobody_knows_are_requests_with_no_clue():
    assert guess_kind(["foo", "bar", "baz"]) == ("requests", [])
    assert guess_kind([]) == ("requests", [])


def test_every_kind_is_one_of_kinds():
    assert KINDS == ("requests", "items", "companies", "metrics")


def test_metrics_form_says_how_the_metrics_importer_would_read_a_file():
    assert metrics_form(["metric", "date", "value"]) == "long"
    assert metrics_form(["period", "Trials started", "Sign-ups"]) == "wide"
    assert metrics_form(["Trials started", "Sign-ups"]) is None


def test_known_count_finds_the_header_of_any_kind():
    assert known_count(["施策名", "リーチ", "インパクト", "メモ"]) == 3
    assert known_count(["取引先名", "区分", "", None]) == 2
    assert known_count(["2027年度 RICE 優先順位"]) == 0


def _book(path):
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "メモ"
    notes["A1"] = "毎週更新"
    backlog = book.create_sheet("バックログ")
    backlog["A1"] = "2027年度 施策一覧"
    backlog.append([])
    backlog.append(["施策名", "リーチ", "インパクト", "確信度", "工数(人月)"])
    backlog.append(["SSO", 500, 2, 0.8, 2])
    backlog.append(["CSV出力", 120, 1, 0.5, 1.5])
    customers = book.create_sheet("顧客")
    customers.append(["取引先名", "区分", "月額(円)", "契約更新日"])
    customers.append(["株式会社さくら物流", "大企業", 120000, None])
    book.save(path)
    return path


def test_a_workbook_is_guessed_from_the_sheet_most_like_a_table(tmp_path):
    guess = guess_file(_book(tmp_path / "計画.xlsx"))

    assert (guess.kind, guess.sheet) == ("items", "バックログ")
    assert guess.sheets == ["メモ", "バックログ", "顧客"]
    assert guess.header == ["施策名", "リーチ", "インパクト", "確信度", "工数(人月)"]
    assert guess.clues[:3] == ["リーチ", "インパクト", "確信度"]


def test_another_sheet_of_the_workbook_holds_another_kind(tmp_path):
    guess = guess_file(_book(tmp_path / "計画.xlsx"), sheet="顧客")

    assert (guess.kind, guess.sheet) == ("companies", "顧客")


def test_a_cp932_csv_is_guessed_from_its_header(tmp_path):
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["取引先名", "区分", "月額(円)", "担当営業"])
    writer.writerow(["株式会社さくら物流", "大企業", "\\120,000", "髙橋"])
    path = tmp_path / "顧客.csv"
    path.write_bytes(buf.getvalue().encode("cp932"))

    guess = guess_file(path)

    assert guess.kind == "companies"
    assert guess.header == ["取引先名", "区分", "月額(円)", "担当営業"]
    assert (guess.sheet, guess.sheets) == (None, [])


def test_a_file_that_cannot_be_read_says_why(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(ImportFailed, match="empty"):
        guess_file(path)
