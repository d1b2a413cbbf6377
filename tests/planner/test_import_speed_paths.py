"""The fast paths of a big import: the commit's WAL checkpoint left to a thread, and cell lengths measured a column at a time.

Sizes are shrunk with monkeypatch so a few rows take the paths a million-row file takes.
"""

import csv
import sqlite3

import pytest

import planner.importing.core as core
import planner.importing.frame as frame
from planner.errors import ImportFailed
from planner.importing import import_requests
from planner.importing.batch import undo_import
from planner.storage import checkpoint


def _write(path, rows, header=("ID", "Title", "Company", "Votes")):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        out.writerows(rows)
    return path


def _rows(n):
    return [(f"REQ-{i}", f"Export to PDF #{i}", f"Company {i % 7}", str(i % 5)) for i in range(n)]


def _titles(path):
    conn = sqlite3.connect(str(path))
    try:
        return [r[0] for r in conn.execute("SELECT title FROM requests ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def big(monkeypatch):
    """Imports of 50 rows or more count as big (a million rows in real use)."""
    monkeypatch.setattr(core, "BULK_ROWS", 50)


def test_a_big_import_is_in_the_workspace_file_once_its_checkpoint_is_done(ws, tmp_path, big, monkeypatch):
    started = []
    start = checkpoint.in_background
    monkeypatch.setattr(checkpoint, "in_background", lambda path: started.append(path) or start(path))
    report = import_requests(ws, _write(tmp_path / "dump.csv", _rows(300)))
    assert checkpoint.wait(timeout=60)
    assert started == [tmp_path / "workspace.db"]
    assert report["new"] == 300
    # The commit itself did not checkpoint; the thread copied every frame of the WAL into the file.
    busy, frames, copied = ws.db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert (busy, frames) == (0, copied)
    assert ws.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    ws.close()
    # Read without the WAL: the rows are in the workspace file itself.
    assert not (tmp_path / "workspace.db-wal").exists()
    titles = _titles(tmp_path / "workspace.db")
    assert titles[0] == "Export to PDF #0" and len(titles) == 300


def test_a_big_import_that_fails_leaves_the_workspace_and_its_checkpoints_as_they_were(ws, tmp_path, big, dump):
    import_requests(ws, _write(tmp_path / "first.csv", _rows(60)))
    assert checkpoint.wait(timeout=60)
    before = dump(ws)
    rows = _rows(200) + [("REQ-x", "", "Company 1", "1")]  # a row without a title fails under --strict
    with pytest.raises(ImportFailed, match="nothing was imported because of --strict"):
        import_requests(ws, _write(tmp_path / "second.csv", rows), strict=True)
    assert dump(ws) == before
    assert ws.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    assert checkpoint.wait(timeout=0)  # nothing committed, so no checkpoint was started


def test_a_big_import_is_undone_whole(ws, tmp_path, big):
    report = import_requests(ws, _write(tmp_path / "dump.csv", _rows(120)))
    assert checkpoint.wait(timeout=60)
    removed = undo_import(ws, report["batch_id"])
    assert removed["requests"] == 120
    assert ws.db.execute("SELECT COUNT(*) FROM requests").fetchone()[0] == 0


def test_a_small_import_checkpoints_as_before(ws, tmp_path):
    import_requests(ws, _write(tmp_path / "dump.csv", _rows(5)))
    assert checkpoint.wait(timeout=0)  # no thread was started for five rows
    assert _titles(tmp_path / "workspace.db")[-1] == "Export to PDF #4"


@pytest.mark.parametrize("width", [4, frame.NARROW_COLUMNS + 6])
def test_a_cell_over_the_limit_is_refused_by_name_in_narrow_and_wide_files(ws, tmp_path, monkeypatch, dump, width):
    monkeypatch.setattr(frame, "MAX_FIELD_CHARS", 1 << 20)
    header = ["ID", "Title", "Notes"] + [f"Extra {i}" for i in range(width - 3)]
    rows = [[f"R{i}", f"Title {i}", "fine"] + [""] * (width - 3) for i in range(20)]
    rows[7][2] = "x" * ((1 << 20) + 1)
    before = dump(ws)
    with pytest.raises(ImportFailed) as caught:
        import_requests(ws, _write(tmp_path / "long.csv", rows, header=header))
    assert "a value in column 'Notes' is 1 MB long; the limit is 1 MB per cell." in str(caught.value)
    assert dump(ws) == before
