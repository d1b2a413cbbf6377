"""Idempotent re-imports, batches and undo, atomicity and cancel."""

import pytest

from planner import ops
from planner.errors import Cancelled, ImportFailed, NotFoundError, Progress, ValidationError
from planner.importing import StrictFailure, import_requests, list_batches, preview_import, undo_import

from importer_helpers import FIXTURES, dump, requests_of, write_csv

HEADER = ["ID", "Title", "Description", "Company", "Email", "Created", "MRR", "Votes"]


def _rows(n, *, start=1, company="Acme"):
    return [[f"R-{i}", f"Request {i}", f"Body {i}\nsecond line, with a comma", company, f"u{i}@acme.com",
             "2024-03-12", "¥10,000", str(i)] for i in range(start, start + n)]


def test_reimport_adds_no_duplicates_and_reports_unchanged(ws, tmp_path):
    path = write_csv(tmp_path / "dump.csv", [HEADER] + _rows(5))
    first = import_requests(ws, path)
    assert (first["new"], first["updated"], first["unchanged"], first["companies_new"]) == (5, 0, 0, 1)
    second = import_requests(ws, path)
    assert (second["new"], second["updated"], second["unchanged"], second["companies_new"]) == (0, 0, 5, 0)
    assert len(requests_of(ws)) == 5


def test_a_changed_row_updates_that_request_and_keeps_its_links(ws, tmp_path):
    path = write_csv(tmp_path / "dump.csv", [HEADER] + _rows(3))
    import_requests(ws, path)
    req = next(r for r in requests_of(ws) if r["external_id"] == "R-2")
    item = ops.add_item(ws, title="Bulk export")
    ops.link_request(ws, req["id"], item["id"])
    rows = _rows(3)
    rows[1][1] = "Request 2, reworded"
    rows[1][7] = "9"
    report = import_requests(ws, write_csv(tmp_path / "dump.csv", [HEADER] + rows))
    assert (report["new"], report["updated"], report["unchanged"]) == (0, 1, 2)
    now = ops.request(ws, req["id"])
    assert (now["title"], now["votes"], now["status"]) == ("Request 2, reworded", 9, "linked")
    assert now["batch_id"] == req["batch_id"]  # still belongs to the batch that brought it in


def test_rows_without_ids_match_by_content(ws, tmp_path):
    rows = [["Title", "Company"], ["Dark mode", "Acme"], ["SSO", "Beta"], ["Dark mode", "Acme"]]
    path = write_csv(tmp_path / "noid.csv", rows)
    first = import_requests(ws, path)
    assert (first["new"], first["duplicates"]) == (2, 1)
    rows.append(["Calendar", "Acme"])
    second = import_requests(ws, write_csv(path, rows))
    assert (second["new"], second["unchanged"], second["duplicates"]) == (1, 2, 1)


def test_the_same_id_twice_in_one_file_counts_as_a_duplicate(ws, tmp_path):
    rows = [HEADER] + _rows(2) + _rows(1)
    report = import_requests(ws, write_csv(tmp_path / "d.csv", rows))
    assert (report["new"], report["duplicates"]) == (2, 1)


def test_batches_are_listed_newest_first_with_counts(ws, tmp_path):
    a = import_requests(ws, write_csv(tmp_path / "a.csv", [HEADER] + _rows(2)), source="sheet")
    b = import_requests(ws, write_csv(tmp_path / "b.csv", [HEADER] + _rows(3)), source="sheet")
    batches = list_batches(ws)
    assert [x["id"] for x in batches] == [b["batch_id"], a["batch_id"]]
    assert (batches[0]["new"], batches[0]["unchanged"], batches[0]["file_name"]) == (1, 2, "b.csv")
    assert batches[1]["mapping"]["title"] == "Title"
    assert len(batches[0]["sha256"]) == 64 and batches[0]["undone_at"] is None


def test_undo_removes_what_the_batch_added_and_restores_nothing_else(ws, tmp_path):
    ops.upsert_company(ws, name="Acme")  # the user made this one: undo must keep it
    first = import_requests(ws, write_csv(tmp_path / "a.csv", [HEADER] + _rows(2)))
    rows = _rows(3)
    rows[0][1] = "Request 1, changed"
    rows.append(["R-9", "From Beta", "", "Beta", "x@beta.com", "", "", ""])
    second = import_requests(ws, write_csv(tmp_path / "a.csv", [HEADER] + rows))
    assert (second["new"], second["updated"], second["companies_new"]) == (2, 1, 1)
    item = ops.add_item(ws, title="Thing")
    added = next(r for r in requests_of(ws) if r["external_id"] == "R-3")
    ops.link_request(ws, added["id"], item["id"])
    removed = undo_import(ws, second["batch_id"])
    assert (removed["requests"], removed["links"], removed["companies"]) == (2, 1, 1)
    left = {r["external_id"]: r for r in requests_of(ws)}
    assert set(left) == {"R-1", "R-2"}
    assert left["R-1"]["title"] == "Request 1, changed"  # the update is not rolled back
    assert [c["name"] for c in ops.list_companies(ws)] == ["Acme"]
    assert list_batches(ws)[0]["undone_at"] is not None
    with pytest.raises(ValidationError, match="already undone"):
        undo_import(ws, second["batch_id"])
    undo_import(ws, first["batch_id"])
    assert requests_of(ws) == [] and [c["name"] for c in ops.list_companies(ws)] == ["Acme"]


def test_undo_keeps_a_company_another_batch_still_uses(ws, tmp_path):
    first = import_requests(ws, write_csv(tmp_path / "a.csv", [HEADER] + _rows(1, company="Gamma")))
    import_requests(ws, write_csv(tmp_path / "a.csv", [HEADER] + _rows(1, start=5, company="Gamma")))
    assert undo_import(ws, first["batch_id"])["companies"] == 0
    assert [c["name"] for c in ops.list_companies(ws)] == ["Gamma"]


def test_undo_of_an_unknown_batch_is_a_clear_error(ws):
    with pytest.raises(NotFoundError, match="no import batch 42"):
        undo_import(ws, 42)


def test_undo_then_reimport_brings_the_rows_back(ws, tmp_path):
    path = write_csv(tmp_path / "a.csv", [HEADER] + _rows(3))
    first = import_requests(ws, path)
    undo_import(ws, first["batch_id"])
    again = import_requests(ws, path)
    assert again["new"] == 3 and again["companies_new"] == 1


def test_cancel_mid_import_leaves_the_workspace_exactly_as_it_was(ws, tmp_path, monkeypatch):
    import planner.importing.frame as frame

    monkeypatch.setattr(frame, "CHUNK_ROWS", 10)
    import_requests(ws, write_csv(tmp_path / "seed.csv", [HEADER] + _rows(3, start=500)))
    before = dump(ws)
    progress = Progress()
    seen = []

    def on_update(done, total, text):
        seen.append(done)
        if len(seen) == 3:
            progress.cancel()

    progress._callback = on_update
    with pytest.raises(Cancelled):
        import_requests(ws, write_csv(tmp_path / "big.csv", [HEADER] + _rows(100)), progress=progress)
    assert dump(ws) == before
    assert seen == sorted(seen) and len(seen) == 3


def test_progress_reports_bytes_up_to_the_file_size(ws, tmp_path, monkeypatch):
    import planner.importing.frame as frame

    monkeypatch.setattr(frame, "CHUNK_ROWS", 25)
    path = write_csv(tmp_path / "big.csv", [HEADER] + _rows(100))
    updates = []
    import_requests(ws, path, progress=Progress(lambda d, t, text: updates.append((d, t))))
    assert updates[-1] == (path.stat().st_size, path.stat().st_size)
    assert len(updates) >= 5


def test_a_failure_late_in_the_file_leaves_nothing_behind(ws, tmp_path, monkeypatch):
    import planner.importing.frame as frame

    monkeypatch.setattr(frame, "CHUNK_ROWS", 10)
    before = dump(ws)
    rows = [HEADER] + _rows(50)
    rows[45][2] = "x" * 200
    monkeypatch.setattr(frame, "MAX_FIELD_CHARS", 100)
    with pytest.raises(ImportFailed, match="'Description' is 0 MB long"):
        import_requests(ws, write_csv(tmp_path / "late.csv", rows))
    assert dump(ws) == before


def test_strict_aborts_the_whole_batch_on_one_bad_row(ws, tmp_path):
    rows = [HEADER] + _rows(3)
    rows[2][1] = rows[2][2] = ""
    before = dump(ws)
    with pytest.raises(StrictFailure) as info:
        import_requests(ws, write_csv(tmp_path / "s.csv", rows), strict=True)
    assert "row 3, Title: The row has no title" in str(info.value)
    assert info.value.report["failed"] == 1 and info.value.report["batch_id"] is None
    assert dump(ws) == before


def test_strict_imports_rows_whose_unreadable_cells_were_left_empty(ws, tmp_path):
    rows = [HEADER] + _rows(3)
    rows[2][5] = "the day before yesterday"
    report = import_requests(ws, write_csv(tmp_path / "s.csv", rows), strict=True)
    assert (report["new"], report["failed"]) == (3, 0)
    assert report["cell_warnings"] == [{"row": 3, "column": "Created", "message": (
        "'the day before yesterday' is not a date this importer knows (e.g. 2024-03-12, 12/Mar/24 9:41 AM, "
        "2024年3月12日); the cell was left empty.")}]


def test_without_strict_bad_cells_are_left_empty_and_every_row_imported(ws, tmp_path):
    rows = [HEADER] + _rows(3)
    rows[2][5] = "2024-13-45"
    rows[3][6] = "lots"
    report = import_requests(ws, write_csv(tmp_path / "s.csv", rows))
    assert (report["new"], report["failed"], report["errors"]) == (3, 0, [])
    assert report["cell_warnings"] == [
        {"row": 3, "column": "Created", "message": "'2024-13-45' is not a valid date; the cell was left empty."},
        {"row": 4, "column": "MRR", "message": "'lots' is not a sum of money; the cell was left empty."},
    ]
    by_id = {r["external_id"]: r for r in requests_of(ws)}
    assert (by_id["R-2"]["created_at"], by_id["R-1"]["created_at"]) == (None, "2024-03-12")


def test_dry_run_writes_nothing_but_counts_like_the_real_thing(ws, tmp_path):
    path = write_csv(tmp_path / "a.csv", [HEADER] + _rows(4))
    before = dump(ws)
    report = import_requests(ws, path, dry_run=True)
    assert dump(ws) == before
    assert (report["batch_id"], report["new"], report["companies_new"]) == (None, 4, 1)


def test_preview_shows_shape_mapping_and_first_rows(tmp_path):
    path = write_csv(tmp_path / "a.csv", [HEADER] + _rows(30))
    preview = preview_import(path, rows=5)
    assert (preview["encoding"], preview["delimiter"], preview["preset"]) == ("utf-8", ",", "generic")
    assert preview["mapping"]["title"] == "Title" and preview["columns"] == HEADER
    assert len(preview["rows"]) == 5 and preview["rows"][0]["mrr"] == 10000.0
    assert preview["rows_read"] == 30 and preview["errors"] == []


def test_a_corrected_mapping_is_remembered_per_source(ws, tmp_path):
    path = write_csv(tmp_path / "a.csv", [["Ticket", "Ask", "Who"], ["T1", "Gantt view", "Acme"]])
    first = import_requests(ws, path, source="helpdesk", mapping={"external_id": "Ticket", "title": "Ask", "company": "Who"})
    assert first["mapping"] == {"external_id": "Ticket", "title": "Ask", "company": "Who"}
    nxt = write_csv(tmp_path / "b.csv", [["Ticket", "Ask", "Who"], ["T2", "Calendar", "Beta"]])
    second = import_requests(ws, nxt, source="helpdesk")
    assert second["mapping"] == first["mapping"] and second["new"] == 1
    assert preview_import(nxt, source="helpdesk", ws=ws)["mapping"] == first["mapping"]


def test_next_weeks_dump_of_a_generic_sheet_keeps_the_same_source(ws, tmp_path):
    a = import_requests(ws, write_csv(tmp_path / "feedback-2024-11-23.csv", [HEADER] + _rows(2)))
    b = import_requests(ws, write_csv(tmp_path / "feedback-2024-11-30.csv", [HEADER] + _rows(3)))
    assert a["source"] == b["source"] == "feedback"
    assert b["new"] == 1


def test_companies_from_email_domains_skip_free_mail(ws, tmp_path):
    rows = [["Title", "Email"], ["A", "ann@kitazawa.co.jp"], ["B", "bob@KITAZAWA.co.jp"], ["C", "carl@gmail.com"], ["D", "no-at-sign"]]
    report = import_requests(ws, write_csv(tmp_path / "m.csv", rows))
    assert report["companies_new"] == 1
    by = {r["title"]: r for r in requests_of(ws)}
    assert by["A"]["company"] == by["B"]["company"] == "kitazawa.co.jp"
    assert by["C"]["company"] is None and by["D"]["company"] is None


def test_companies_match_existing_names_after_normalising(ws, tmp_path):
    ops.upsert_company(ws, name="Kitazawa Denki", segment="SMB")
    rows = [["Title", "Company", "Segment", "MRR"], ["A", "  ｋｉｔａｚａｗａ　denki ", "Enterprise", "１２０，０００"]]
    report = import_requests(ws, write_csv(tmp_path / "c.csv", rows))
    assert report["companies_new"] == 0
    company = ops.find_company(ws, "Kitazawa Denki")
    assert (company["segment"], company["mrr"]) == ("Enterprise", 120000.0)


def test_title_comes_from_the_first_line_of_the_body_when_missing(ws, tmp_path):
    rows = [["Description", "Company"], ["\n  Export to Excel please\nMore text", "Acme"], ["x" * 30 + " " + "y" * 200, "Acme"]]
    import_requests(ws, write_csv(tmp_path / "b.csv", rows))
    titles = sorted(r["title"] for r in requests_of(ws))
    assert titles[0] == "Export to Excel please"
    assert titles[1] == "x" * 30 + "..."


def test_a_process_killed_mid_import_leaves_the_workspace_as_it_was(tmp_path):
    import signal
    import subprocess
    import sys
    import textwrap

    from planner.storage import open_workspace

    db = tmp_path / "ws.db"
    with open_workspace(db) as ws:
        import_requests(ws, write_csv(tmp_path / "seed.csv", [HEADER] + _rows(3, start=900)))
        before = dump(ws)
    big = write_csv(tmp_path / "big.csv", [HEADER] + _rows(400))
    script = textwrap.dedent(f"""
        import sys, time
        import planner.importing.frame as frame
        from planner.errors import Progress
        from planner.importing import import_requests
        from planner.storage import open_workspace
        frame.CHUNK_ROWS = 50
        calls = []
        def report(done, total, text):
            calls.append(done)
            if len(calls) == 4:  # a few chunks are written inside the open transaction
                print("writing", flush=True)
                time.sleep(60)
        ws = open_workspace({str(db)!r})
        import_requests(ws, {str(big)!r}, progress=Progress(report))
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "writing"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    with open_workspace(db) as ws:
        assert dump(ws) == before


def test_the_batch_records_the_whole_files_sha256(ws):
    import hashlib

    path = FIXTURES / "salesforce_cases_report.csv"  # title rows and a footer outside the data
    report = import_requests(ws, path)
    batch = next(b for b in list_batches(ws) if b["id"] == report["batch_id"])
    assert batch["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_bulk_load_rebuilds_the_indexes_and_still_finds_duplicates(ws, tmp_path):
    import planner.importing.write_requests as write_requests

    index_sql = sorted(r for r in ws.conn.execute("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'requests' AND type = 'index'"))
    n = write_requests.BULK_ROWS + 500
    rows = [HEADER] + _rows(n) + _rows(2)  # the last two repeat ids already in the file
    path = write_csv(tmp_path / "bulk.csv", rows)
    first = import_requests(ws, path)
    assert (first["new"], first["duplicates"], first["failed"]) == (n, 2, 0)
    assert sorted(r for r in ws.conn.execute("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'requests' AND type = 'index'")) == index_sql
    plan = ws.conn.execute("EXPLAIN QUERY PLAN SELECT id FROM requests WHERE source = 'bulk' AND external_id = 'R-7'").fetchall()
    assert "idx_requests_source_external" in str(plan)
    changed = [HEADER] + _rows(n)
    changed[5][1] = "Changed title"
    again = import_requests(ws, write_csv(path, changed))
    assert (again["new"], again["updated"], again["unchanged"]) == (0, 1, n - 1)
    assert ws.conn.execute("SELECT COUNT(*) FROM requests").fetchone()[0] == n


def test_a_cancelled_bulk_load_puts_the_indexes_back(ws, tmp_path):
    import planner.importing.write_requests as write_requests

    before = dump(ws)
    indexes = sorted(ws.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'"))
    progress = Progress(lambda done, total, text: progress.cancel() if done > 0 else None)
    with pytest.raises(Cancelled):
        import_requests(ws, write_csv(tmp_path / "bulk.csv", [HEADER] + _rows(write_requests.BULK_ROWS + 500)), progress=progress)
    assert dump(ws) == before
    assert sorted(ws.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")) == indexes
    assert ws.conn.execute("PRAGMA cache_size").fetchone()[0] == -2000


def test_a_row_with_two_bad_cells_lands_with_both_fields_empty_and_two_cell_warnings(ws, tmp_path):
    path = write_csv(tmp_path / "mixed.csv", [
        ["Title", "Created", "MRR", "Company"],
        ["Good one", "2024-03-01", "100", "Acme"],
        ["Bad cells", "not a date", "lots", "Beta"],
    ])
    report = import_requests(ws, path)
    assert (report["new"], report["failed"]) == (2, 0)
    assert [(e["row"], e["column"]) for e in report["cell_warnings"]] == [(3, "Created"), (3, "MRR")]
    assert sorted((r["title"], r["created_at"]) for r in requests_of(ws)) == [("Bad cells", None), ("Good one", "2024-03-01")]
    beta = next(c for c in ops.list_companies(ws) if c["name"] == "Beta")
    assert beta["mrr"] is None
