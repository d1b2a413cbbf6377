import csv

import pytest

from planner.errors import ExportFailed
from planner.import_report import write_errors_csv


def test_errors_csv_round_trips_with_japanese_and_defuses_formulas(tmp_path):
    path = write_errors_csv(
        [{"row": 3, "column": "受付日", "message": "日付が読めません: 2024年13月1日"},
         {"row": 9, "column": "mrr", "message": "=HYPERLINK(\"x\")"}],
        tmp_path / "errors.csv",
    )
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["row", "column", "message"]
    assert rows[1] == ["3", "受付日", "日付が読めません: 2024年13月1日"]
    assert rows[2][2].startswith("'=")


def test_errors_csv_to_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ExportFailed):
        write_errors_csv([], tmp_path / "nope" / "errors.csv")
