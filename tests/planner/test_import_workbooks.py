"""Requests imported straight from an Excel workbook: the sheet's own rows, dates and numbers, and its name everywhere."""

import json
import tempfile
from datetime import datetime

import openpyxl
import pytest

from cli_run import planner
from planner import ops
from planner.errors import ImportFailed
from planner.importing import import_requests, list_batches, preview_import


def _requests_book(path, *, second_sheet=False):
    """A workbook as a person makes one: a merged title, a blank row, the table, a blank row inside it."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Requests"
    sheet["A1"] = "Feature requests — March export"
    sheet.merge_cells("A1:F1")
    sheet.append([])
    sheet.append(["ID", "Title", "Created", "MRR", "Votes", "Company"])  # row 3
    sheet.append(["R-1", "SSO login", datetime(2024, 3, 4), 120000, 3, "Acme"])  # row 4: 3/4 read either way as text
    sheet.append(["R-2", "Gantt view", datetime(2024, 12, 1, 9, 30), 1234.5, 1, "Beta"])  # row 5
    sheet.append([])  # row 6
    sheet.append(["R-3", "Bulk export", datetime(2024, 2, 13), None, 2, "Beta"])  # row 7
    sheet["D7"] = "=D4*2"  # a formula a program wrote: no value saved with it
    sheet.append(["R-4", "Dark mode", datetime(2024, 1, 5), "lots", 5, "Gamma"])  # row 8
    sheet["D4"].number_format = '"¥"#,##0'
    sheet["D5"].number_format = '"$"#,##0.00'
    if second_sheet:
        ideas = book.create_sheet("Ideas")
        ideas.append(["Title", "Company"])
        ideas.append(["Offline mode", "Delta"])
        ideas.append(["Calendar sync", "Acme"])
    book.save(path)
    return path


def test_a_workbook_imports_its_table_under_the_title_with_real_dates_and_numbers(ws, tmp_path):
    path = _requests_book(tmp_path / "requests.xlsx")
    report = import_requests(ws, path)
    assert (report["file"], report["sheet"], report["encoding"], report["delimiter"]) == (str(path), "Requests", None, None)
    assert (report["rows_read"], report["new"], report["failed"], report["errors"]) == (4, 4, 0, [])
    by_id = {r["external_id"]: r for r in ops.list_requests(ws)}
    assert {k: (r["title"], r["created_at"], r["votes"]) for k, r in by_id.items()} == {
        "R-1": ("SSO login", "2024-03-04", 3),
        "R-2": ("Gantt view", "2024-12-01T09:30:00", 1),
        "R-3": ("Bulk export", "2024-02-13", 2),
        "R-4": ("Dark mode", "2024-01-05", 5),
    }
    mrr = {c["name"]: c["mrr"] for c in ops.list_companies(ws)}
    assert mrr == {"Acme": 120000.0, "Beta": 1234.5, "Gamma": None}
    assert "Skipped 2 row(s) above the header (row 3)." in report["warnings"]
    assert any(w.startswith("1 formula cell(s) have no saved value") for w in report["warnings"])


def test_an_unreadable_cell_is_named_by_the_sheets_own_row(ws, tmp_path):
    report = import_requests(ws, _requests_book(tmp_path / "requests.xlsx"))
    assert report["cell_warnings"] == [
        {"row": 8, "column": "MRR", "message": "'lots' is not a sum of money; the cell was left empty."}]
    assert "MRR: 1 cell could not be read as a sum of money and was left empty (first: row 8, 'lots')." in report["warnings"]


def test_the_batch_names_the_workbook_and_its_sheet_and_the_temporary_csv_is_gone(ws, tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    import_requests(ws, _requests_book(tmp_path / "requests.xlsx"))
    batch = list_batches(ws)[0]
    assert (batch["file_name"], batch["sheet"], batch["encoding"], batch["source"]) == ("requests.xlsx", "Requests", None, "requests")
    assert list(scratch.iterdir()) == []


def test_reimporting_the_same_workbook_adds_nothing(ws, tmp_path):
    path = _requests_book(tmp_path / "requests.xlsx")
    import_requests(ws, path)
    again = import_requests(ws, path)
    assert (again["new"], again["updated"], again["unchanged"], again["companies_new"]) == (0, 0, 4, 0)
    assert len(ops.list_requests(ws)) == 4


def test_sheet_picks_one_sheet_and_the_default_says_which_was_read(ws, tmp_path):
    path = _requests_book(tmp_path / "book.xlsx", second_sheet=True)
    ideas = import_requests(ws, path, sheet="Ideas")
    assert (ideas["sheet"], ideas["new"]) == ("Ideas", 2)
    assert sorted(r["title"] for r in ops.list_requests(ws)) == ["Calendar sync", "Offline mode"]
    default = import_requests(ws, path)
    assert (default["sheet"], default["new"]) == ("Requests", 4)
    assert ("The workbook has 2 sheets; 'Requests' was read (it looks most like a table). "
            "Pass --sheet to read another: 'Ideas'.") in default["warnings"]
    assert [b["sheet"] for b in list_batches(ws)] == ["Requests", "Ideas"]


def test_an_unknown_sheet_is_refused_with_the_sheets_there_are(ws, tmp_path, dump):
    path = _requests_book(tmp_path / "book.xlsx", second_sheet=True)
    before = dump(ws)
    with pytest.raises(ImportFailed) as info:
        import_requests(ws, path, sheet="Bugs")
    assert str(info.value) == "book.xlsx has no sheet named 'Bugs'. Sheets: Requests, Ideas."
    assert dump(ws) == before


def test_sheet_on_a_csv_file_is_a_clear_error(ws, tmp_path):
    path = tmp_path / "dump.csv"
    path.write_text("Title\nSSO\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as info:
        import_requests(ws, path, sheet="Ideas")
    assert str(info.value) == ("dump.csv is a CSV file: it has no sheets, so --sheet 'Ideas' cannot apply. "
                               "Leave --sheet out for a CSV file.")


def test_an_old_xls_workbook_is_refused_with_how_to_save_it(ws, tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(ImportFailed) as info:
        import_requests(ws, path)
    assert str(info.value) == ("old.xls: files of type .xls cannot be read. "
                               "Open it and save it as an Excel workbook (.xlsx) or as CSV.")


def test_a_workbook_under_a_csv_name_is_told_to_be_renamed_not_saved_as_csv(ws, tmp_path):
    renamed = _requests_book(tmp_path / "export.xlsx").rename(tmp_path / "export.csv")
    with pytest.raises(ImportFailed) as info:
        import_requests(ws, renamed)
    assert str(info.value) == "export.csv is an Excel workbook saved under another name. Rename it to export.xlsx and import that."


def test_preview_of_a_workbook_shows_the_sheet_and_its_rows(tmp_path):
    preview = preview_import(_requests_book(tmp_path / "book.xlsx", second_sheet=True), rows=2)
    assert (preview["sheet"], preview["sheets"], preview["encoding"]) == ("Requests", ["Requests", "Ideas"], None)
    assert preview["columns"] == ["ID", "Title", "Created", "MRR", "Votes", "Company"]
    assert [(r["title"], r["created_at"], r["mrr"]) for r in preview["rows"]] == [
        ("SSO login", "2024-03-04", 120000.0), ("Gantt view", "2024-12-01T09:30:00", 1234.5)]


def test_cli_imports_a_named_sheet_as_json_and_says_so_in_text(tmp_path):
    path = _requests_book(tmp_path / "book.xlsx", second_sheet=True)
    db = str(tmp_path / "cli.db")
    doc = json.loads(planner("--db", db, "import", str(path), "--sheet", "Ideas", "--json").stdout)
    assert (doc["sheet"], doc["new"], doc["file"], doc["segments_new"], doc["cell_warnings"]) == ("Ideas", 2, str(path), [], [])
    text = planner("--db", db, "import", str(path), "--sheet", "ideas").stdout
    assert text.splitlines()[:2] == [
        f"Imported {path} (generic, sheet 'Ideas') as batch 2:",
        "  2 rows read: 0 new, 0 updated, 2 unchanged, 0 duplicates, 0 failed; 0 new companies.",
    ]
    refused = planner("--db", db, "import", str(path), "--sheet", "Bugs", check=False)
    assert refused.returncode == 2
    assert refused.stderr.startswith("planner: book.xlsx has no sheet named 'Bugs'.")


def test_a_row_whose_first_cell_is_empty_keeps_its_own_row_number(ws, tmp_path):
    path = tmp_path / "gaps.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ID", "Title", "MRR"])
    sheet.append(["R-1", "SSO login", 5000])
    sheet.append([None, "Gantt view", "lots"])  # row 3: no id, and a sum that cannot be read
    book.save(path)
    report = import_requests(ws, path)
    assert (report["new"], report["failed"]) == (2, 0)
    assert [(w["row"], w["column"]) for w in report["cell_warnings"]] == [(3, "MRR")]
