"""The command-line contract: `import`, `batches`, `undo-import`."""

import json

from planner.cli import main

from importer_helpers import FIXTURES, write_csv

KEYS = {"batch_id", "file", "encoding", "delimiter", "preset", "mapping", "rows_read", "new", "updated",
        "unchanged", "duplicates", "failed", "errors", "companies_new"}


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_json_prints_the_documented_keys_and_exits_0(tmp_path, capsys):
    db = str(tmp_path / "w.db")
    code, out, err = _run(capsys, "--db", db, "import", str(FIXTURES / "zendesk_tickets.csv"), "--json")
    doc = json.loads(out)
    assert code == 0 and err == ""
    assert KEYS <= set(doc)
    assert (doc["preset"], doc["new"], doc["mapping"]["title"]) == ("zendesk", 3, "Subject")
    code, out, _ = _run(capsys, "--db", db, "import", str(FIXTURES / "zendesk_tickets.csv"), "--json")
    assert json.loads(out)["new"] == 0 and json.loads(out)["unchanged"] == 3


def test_import_with_failed_rows_exits_0_and_strict_exits_1_writing_nothing(tmp_path, capsys):
    db = str(tmp_path / "w.db")
    path = write_csv(tmp_path / "d.csv", [["Title", "Created"], ["A", "2024-03-12"], ["", "2024-03-13"]])
    code, out, err = _run(capsys, "--db", db, "import", str(path), "--strict", "--json")
    assert code == 1 and json.loads(out)["failed"] == 1
    assert "nothing was imported because of --strict" in err
    code, out, _ = _run(capsys, "--db", db, "batches", "--json")
    assert json.loads(out) == []
    code, out, _ = _run(capsys, "--db", db, "import", str(path), "--json")
    doc = json.loads(out)
    assert code == 0 and (doc["new"], doc["failed"]) == (1, 1)
    assert doc["errors"] == [{"row": 3, "column": "Title", "message": "The row has no title."}]


def test_a_cell_that_cannot_be_read_is_left_empty_and_strict_still_imports(tmp_path, capsys):
    db = str(tmp_path / "w.db")
    path = write_csv(tmp_path / "d.csv", [["Title", "Created"], ["A", "2024-03-12"], ["B", "soon"]])
    code, out, err = _run(capsys, "--db", db, "import", str(path), "--strict")
    assert (code, err) == (0, "")
    assert "2 rows read: 2 new, 0 updated, 0 unchanged, 0 duplicates, 0 failed" in out
    assert "note: Created: 1 cell could not be read as a date and was left empty (first: row 3, 'soon')." in out


def test_a_file_that_cannot_be_imported_exits_2_with_one_line_on_stderr(tmp_path, capsys):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    code, out, err = _run(capsys, "--db", str(tmp_path / "w.db"), "import", str(path), "--json")
    assert code == 2 and out == ""
    assert err.strip() == "planner: empty.csv: the file is empty."


def test_map_and_source_options_and_dry_run(tmp_path, capsys):
    db = str(tmp_path / "w.db")
    path = write_csv(tmp_path / "d.csv", [["Ticket", "Ask", "Who"], ["T1", "Gantt view", "Acme"]])
    code, out, _ = _run(capsys, "--db", db, "import", str(path), "--map", "title=Ask", "--map", "external_id=Ticket",
                        "--map", "company=Who", "--source", "helpdesk", "--dry-run", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["batch_id"] is None and doc["new"] == 1 and doc["source"] == "helpdesk"
    code, out, _ = _run(capsys, "--db", db, "requests", "--json")
    assert json.loads(out) == []
    code, out, err = _run(capsys, "--db", db, "import", str(path), "--map", "title")
    assert code == 2 and "--map takes FIELD=COLUMN" in err


def test_batches_and_undo_import(tmp_path, capsys):
    db = str(tmp_path / "w.db")
    _run(capsys, "--db", db, "import", str(FIXTURES / "canny_posts.csv"))
    code, out, _ = _run(capsys, "--db", db, "batches")
    assert code == 0 and "canny_posts.csv" in out and "new 2" in out
    code, out, _ = _run(capsys, "--db", db, "undo-import", "1")
    assert code == 0 and "removed 2 requests, 0 links and 2 companies" in out
    code, out, _ = _run(capsys, "--db", db, "batches", "--json")
    assert json.loads(out)[0]["undone_at"]
    code, out, err = _run(capsys, "--db", db, "undo-import", "1")
    assert code == 2 and "already undone" in err


def test_human_output_names_the_counts_and_the_mapping(tmp_path, capsys):
    code, out, _ = _run(capsys, "--db", str(tmp_path / "w.db"), "import", str(FIXTURES / "salesforce_cases_report.csv"))
    assert code == 0
    assert "2 rows read: 2 new, 0 updated, 0 unchanged, 0 duplicates, 0 failed; 2 new companies." in out
    assert "title <- Subject" in out and "Grand Totals" in out
