"""The shared reader: the table in a CSV or in the sheet of a workbook, as a user laid it out."""

from datetime import datetime

import openpyxl
import pytest

from planner.errors import ImportFailed
from planner.importing.table import Percent, cell_text, read_table, sheet_names


def _backlog_book(path):
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "メモ"
    notes["A1"] = "この表は毎週更新します"
    sheet = book.create_sheet("バックログ")
    sheet["A1"] = "2027年度 RICE 優先順位"
    sheet.merge_cells("A1:F1")
    sheet.append([])
    sheet.append(["施策名", "リーチ", "インパクト", "確信度", "工数(人月)", "スコア", "期日"])
    sheet.append(["SSO", 500, 2, 0.8, 2, "=B4*C4*D4/E4", datetime(2027, 3, 31)])
    sheet["D4"].number_format = "0%"
    sheet["G4"].number_format = "yyyy/mm/dd"
    sheet.append([])
    sheet.append(["CSV出力", 120, 1, 0.5, 1.5, "=B6*C6*D6/E6", None])
    book.save(path)
    return path


def test_a_workbook_reads_the_sheet_that_holds_the_table_under_its_title(tmp_path):
    table = read_table(_backlog_book(tmp_path / "rice.xlsx"))

    assert table.sheet == "バックログ"
    assert table.sheets == ["メモ", "バックログ"]
    assert table.header == ["施策名", "リーチ", "インパクト", "確信度", "工数(人月)", "スコア", "期日"]
    assert table.header_row == 3
    assert table.row_numbers == [4, 6]  # the blank row 5 is skipped; numbers are the sheet's own
    first, second = table.rows
    assert first[:5] == ["SSO", 500, 2, 0.8, 2]
    assert isinstance(first[3], Percent) and not isinstance(second[3], Percent)
    assert first[6] == datetime(2027, 3, 31)
    assert [cell_text(c) for c in first] == ["SSO", "500", "2", "80%", "2", "", "2027-03-31"]
    assert cell_text(second[4]) == "1.5"


def test_formulas_without_a_saved_value_read_as_empty_and_are_counted(tmp_path):
    table = read_table(_backlog_book(tmp_path / "rice.xlsx"))

    assert [row[5] for row in table.rows] == [None, None]
    assert "Skipped 2 row(s) above the header (row 3)." in table.warnings
    assert any(w.startswith("2 formula cell(s) have no saved value") for w in table.warnings)


def test_a_sheet_is_picked_by_name_and_an_unknown_one_is_named_with_the_choices(tmp_path):
    path = _backlog_book(tmp_path / "rice.xlsx")
    assert sheet_names(path) == ["メモ", "バックログ"]
    assert read_table(path, sheet="バックログ").sheet == "バックログ"
    with pytest.raises(ImportFailed) as err:
        read_table(path, sheet="メモ")
    assert str(err.value) == "rice.xlsx, sheet 'メモ': the sheet has a header but no rows."

    with pytest.raises(ImportFailed) as err:
        read_table(path, sheet="Backlog")
    assert "has no sheet named 'Backlog'" in str(err.value)
    assert "メモ, バックログ" in err.value.hint


def test_a_csv_gives_its_rows_as_text_with_their_line_numbers(tmp_path):
    path = tmp_path / "backlog.csv"
    path.write_bytes("Feature,Reach,Impact\r\nSSO,500,High\r\n,,\r\n\"Audit, log\",80,Low\r\n".encode("cp932"))

    table = read_table(path)

    assert table.sheet is None and table.encoding in ("utf-8", "cp932")
    assert table.header == ["Feature", "Reach", "Impact"]
    assert table.rows == [["SSO", "500", "High"], ["Audit, log", "80", "Low"]]
    assert table.row_numbers == [2, 4]


def test_files_that_cannot_be_read_say_what_to_do(tmp_path):
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(ImportFailed) as err:
        read_table(old)
    assert "cannot be read" in str(err.value) and ".xlsx" in err.value.hint

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportFailed) as err:
        read_table(broken)
    assert "damaged or not an Excel file" in str(err.value)

    plain = tmp_path / "backlog.csv"
    plain.write_text("a,b\n1,2\n")
    with pytest.raises(ImportFailed) as err:
        read_table(plain, sheet="Sheet1")
    assert "has no sheets" in str(err.value)


def test_an_empty_sheet_and_a_header_without_rows_are_refused(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Empty"
    only_header = book.create_sheet("Header")
    only_header.append(["Title", "Reach"])
    path = tmp_path / "empty.xlsx"
    book.save(path)

    with pytest.raises(ImportFailed) as err:
        read_table(path, sheet="Empty")
    assert "the sheet is empty" in str(err.value)
    with pytest.raises(ImportFailed) as err:
        read_table(path, sheet="Header")
    assert "a header but no rows" in str(err.value)
