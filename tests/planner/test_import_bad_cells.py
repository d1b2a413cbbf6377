"""A cell that cannot be read costs that cell, never its row; a quote left open near the end costs only the end."""

import csv
import io

import pytest

from planner import ops
from planner.errors import ImportFailed
from planner.importing import StrictFailure, import_requests, list_batches, preview_import


def _csv(path, rows):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def test_bad_optional_cells_keep_their_rows_and_are_named_by_row_and_column(ws, tmp_path):
    path = _csv(tmp_path / "dump.csv", [
        ["Title", "Created", "MRR", "ARR", "Votes", "Company"],
        ["SSO", "2024-03-12", "100", "", "3", "Acme"],
        ["Gantt", "someday", "lots", "", "2", "Beta"],
        ["Export", "2024-03-14", "\\120,000x", "a lot", "many", "Gamma"],
    ])
    report = import_requests(ws, path)
    assert (report["rows_read"], report["new"], report["failed"], report["errors"]) == (3, 3, 0, [])
    assert [(w["row"], w["column"]) for w in report["cell_warnings"]] == [
        (3, "Created"), (3, "MRR"), (4, "MRR"), (4, "ARR"), (4, "Votes")]  # in reading order
    assert report["cell_warnings"][2]["message"] == "'\\120,000x' is not a sum of money; the cell was left empty."
    by_title = {r["title"]: r for r in ops.list_requests(ws)}
    assert (by_title["Gantt"]["created_at"], by_title["Export"]["votes"]) == (None, None)
    assert sorted(by_title) == ["Export", "Gantt", "SSO"]


def test_one_summary_line_per_column_says_how_many_cells_were_left_empty(ws, tmp_path):
    rows = [["Title", "MRR", "Created"]] + [[f"Request {i}", "\\120,000x" if i % 2 else "500", "2024-03-01"] for i in range(50)]
    rows[10][2] = "soon"
    rows[2][2] = "later"  # row 3, after MRR in the file: listed after it though dates are read first
    report = import_requests(ws, _csv(tmp_path / "dump.csv", rows))
    summaries = [w for w in report["warnings"] if "left empty" in w]
    assert summaries == [
        "MRR: 25 cells could not be read as a sum of money and were left empty (first: row 3, '\\120,000x').",
        "Created: 2 cells could not be read as a date and were left empty (first: row 3, 'later').",
    ]
    assert (report["new"], report["failed"], len(report["cell_warnings"])) == (50, 0, 27)
    assert [(w["row"], w["column"]) for w in report["cell_warnings"][:3]] == [(3, "MRR"), (3, "Created"), (5, "MRR")]


def test_a_column_that_cannot_be_read_at_all_no_longer_fails_the_file(ws, tmp_path):
    path = _csv(tmp_path / "dump.csv", [["Title", "Created"], ["A", "someday"], ["B", "2024-02-30"]])
    report = import_requests(ws, path)
    assert (report["new"], report["failed"]) == (2, 0)
    assert "Created: 2 cells could not be read as a date and were left empty (first: row 2, 'someday')." in report["warnings"]
    assert [r["created_at"] for r in ops.list_requests(ws)] == [None, None]


def test_the_original_text_of_a_cell_left_empty_is_kept_in_the_row(ws, tmp_path):
    import_requests(ws, _csv(tmp_path / "dump.csv", [["Title", "MRR"], ["A", "about 5k"]]))
    raw = ws.conn.execute("SELECT raw FROM requests").fetchone()[0]
    assert raw == '{"Title":"A","MRR":"about 5k"}'


def test_only_a_row_without_a_title_fails(ws, tmp_path):
    path = _csv(tmp_path / "dump.csv", [["Title", "Created"], ["A", "soon"], ["", "2024-03-01"]])
    report = import_requests(ws, path)
    assert (report["new"], report["failed"]) == (1, 1)
    assert report["errors"] == [{"row": 3, "column": "Title", "message": "The row has no title."}]
    assert [(w["row"], w["column"]) for w in report["cell_warnings"]] == [(2, "Created")]


def test_strict_refuses_failed_rows_but_not_cells_left_empty(ws, tmp_path, dump):
    cells = _csv(tmp_path / "cells.csv", [["Title", "Votes"], ["A", "many"], ["B", "2"]])
    assert import_requests(ws, cells, strict=True)["new"] == 2
    before = dump(ws)
    rows = _csv(tmp_path / "rows.csv", [["Title", "Votes"], ["C", "1"], ["", "2"]])
    with pytest.raises(StrictFailure):
        import_requests(ws, rows, strict=True)
    assert dump(ws) == before


def test_preview_tells_cells_left_empty_from_rows_that_will_fail(tmp_path):
    path = _csv(tmp_path / "dump.csv", [["Title", "Created"], ["A", "soon"], ["", "2024-03-01"]])
    preview = preview_import(path)
    assert [r["title"] for r in preview["rows"]] == ["A"]
    assert preview["errors"] == [{"row": 3, "column": "Title", "message": "The row has no title."}]
    assert [(w["row"], w["column"]) for w in preview["cell_warnings"]] == [(2, "Created")]


def _hand_edited(path, good: int, tail: list[str]):
    lines = ["Title,Body,Company"] + [f"Request {i},Body {i},Acme" for i in range(good)] + tail
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_quote_left_open_near_the_end_imports_the_rows_before_it(ws, tmp_path):
    path = _hand_edited(tmp_path / "edited.csv", 25, ['Late one,"forgot to close,Acme', "After 1,x,Acme", "After 2,y,Acme", "After 3,z,Acme"])
    report = import_requests(ws, path)
    assert (report["new"], report["failed"], report["rows_read"]) == (25, 4, 29)
    assert report["errors"] == [{"row": 27, "column": "Body", "message":
                                 "a quote opens here and is never closed; the 4 lines from here to the end were not imported."}]
    assert len(ops.list_requests(ws)) == 25
    assert list_batches(ws)[0]["failed"] == 4


def test_the_rows_before_an_open_quote_in_a_later_chunk_land_too(ws, tmp_path, monkeypatch):
    import planner.importing.frame as frame

    monkeypatch.setattr(frame, "CHUNK_ROWS", 10)  # the quote opens in the third chunk, after two whole ones
    path = _hand_edited(tmp_path / "edited.csv", 24, ['Late one,"open', "After,x,Acme"])
    report = import_requests(ws, path)
    assert (report["new"], report["failed"]) == (24, 2)
    assert [e["row"] for e in report["errors"]] == [26]
    assert sorted(r["title"] for r in ops.list_requests(ws)) == sorted(f"Request {i}" for i in range(24))


def test_strict_refuses_a_file_with_a_quote_left_open(ws, tmp_path, dump):
    before = dump(ws)
    with pytest.raises(StrictFailure, match="first: row 27, Body: a quote opens here and is never closed"):
        import_requests(ws, _hand_edited(tmp_path / "edited.csv", 25, ['Late,"open', "x,y,z"]), strict=True)
    assert dump(ws) == before


def test_a_quote_that_swallows_most_of_the_file_still_fails_it_whole(ws, tmp_path, dump):
    tail = ['Early,"open'] + [f"Request {i},Body {i},Acme" for i in range(20)]
    path = _hand_edited(tmp_path / "broken.csv", 3, tail)
    before = dump(ws)
    with pytest.raises(ImportFailed) as info:
        import_requests(ws, path)
    assert str(info.value).startswith(
        "broken.csv: row 5: a quote opens here and is never closed, so the 21 lines from there to the end cannot be read "
        "(more than the 3 rows before it).")
    assert dump(ws) == before
