"""A big import reads and prepares its chunks on a thread of its own while the previous ones are inserted.

What the user must get is what a one-thread import gave: the same rows, companies numbered as
SQLite numbers them, foreign keys that hold, and on a failure or a cancel nothing written and
no thread left running. Sizes are shrunk with monkeypatch so a few rows take the paths of a
million-row file.
"""

import csv
import sqlite3
import threading

import pytest

import planner.importing.core as core
import planner.importing.frame as frame
import planner.importing.write_requests as write_requests
from planner.errors import Cancelled, ImportFailed, Progress
from planner.importing import import_requests
from planner.storage import checkpoint


def _write(path, rows, header=("ID", "Title", "Company", "Votes")):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        out.writerows(rows)
    return path


def _rows(n, companies=7, start=0):
    return [(f"REQ-{i}", f"Export to PDF #{i}", f"Company {i % companies}", str(i % 5)) for i in range(start, start + n)]


def _readers():
    return [t for t in threading.enumerate() if t.name == "import-read"]


def _requests(ws):
    return ws.db.execute(
        "SELECT r.external_id, r.title, c.name, r.votes FROM requests r LEFT JOIN companies c ON c.id = r.company_id "
        "ORDER BY r.id").fetchall()


@pytest.fixture
def big(monkeypatch):
    """Chunks of 10 rows; 50 rows or more count as a big import (foreign keys off, WAL checkpoint deferred)."""
    monkeypatch.setattr(frame, "CHUNK_ROWS", 10)
    monkeypatch.setattr(core, "BULK_ROWS", 50)
    monkeypatch.setattr(write_requests, "BULK_ROWS", 50)


def test_every_row_lands_in_file_order_with_its_company(ws, tmp_path, big):
    rows = _rows(237, companies=31)
    report = import_requests(ws, _write(tmp_path / "dump.csv", rows))
    assert checkpoint.wait(timeout=60)
    assert (report["new"], report["rows_read"], report["companies_new"]) == (237, 237, 31)
    assert _requests(ws) == [(ext, title, company, int(votes)) for ext, title, company, votes in rows]
    assert _readers() == []


def test_new_companies_take_the_ids_sqlite_would_give_after_the_existing_ones(ws, tmp_path, big):
    import_requests(ws, _write(tmp_path / "first.csv", _rows(3, companies=3)))
    ws.db.execute("DELETE FROM requests WHERE company_id = (SELECT MAX(id) FROM companies)")
    ws.db.execute("DELETE FROM companies WHERE id = (SELECT MAX(id) FROM companies)")  # a gap at the end
    ws.db.commit()
    largest = ws.db.execute("SELECT MAX(id) FROM companies").fetchone()[0]
    import_requests(ws, _write(tmp_path / "second.csv", [(f"N-{i}", f"Idea {i}", f"New {i % 12}", "1")
                                                         for i in range(80)]))
    assert checkpoint.wait(timeout=60)
    added = ws.db.execute("SELECT id, name FROM companies WHERE id > ? ORDER BY id", [largest]).fetchall()
    assert added == [(largest + 1 + n, f"New {n}") for n in range(12)]  # numbered in the order first met
    # A company added by hand afterwards follows on, as AUTOINCREMENT-free rowids do.
    ws.db.execute("INSERT INTO companies (name, name_key, created_at) VALUES ('Later', 'later', '2026-01-01')")
    assert ws.db.execute("SELECT id FROM companies WHERE name = 'Later'").fetchone()[0] == largest + 13


def test_foreign_keys_are_checked_again_after_a_big_import_and_every_reference_holds(ws, tmp_path, big):
    import_requests(ws, _write(tmp_path / "dump.csv", _rows(120, companies=13)))
    assert checkpoint.wait(timeout=60)
    assert ws.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert ws.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_failure_on_the_reading_thread_reaches_the_user_and_leaves_nothing(ws, tmp_path, big, monkeypatch, dump):
    import_requests(ws, _write(tmp_path / "first.csv", _rows(5)))
    before = dump(ws)
    prepare = write_requests._BatchWriter.prepare
    calls = []

    def failing(self, df):
        calls.append(len(df))
        if len(calls) == 4:
            raise ImportFailed("dump.csv: the disk went away while reading.")
        return prepare(self, df)

    monkeypatch.setattr(write_requests._BatchWriter, "prepare", failing)
    with pytest.raises(ImportFailed, match="the disk went away while reading"):
        import_requests(ws, _write(tmp_path / "dump.csv", _rows(200, start=100)))
    assert dump(ws) == before
    assert ws.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert _readers() == []


def test_a_failed_insert_stops_the_reading_thread_before_the_rollback(ws, tmp_path, big, monkeypatch, dump):
    before = dump(ws)
    write = write_requests._BatchWriter.write_prepared
    written = []

    def failing(self, chunk):
        written.append(chunk)
        if len(written) == 2:
            raise sqlite3.OperationalError("database or disk is full")
        write(self, chunk)

    monkeypatch.setattr(write_requests._BatchWriter, "write_prepared", failing)
    with pytest.raises(sqlite3.OperationalError, match="disk is full"):
        import_requests(ws, _write(tmp_path / "dump.csv", _rows(500)))
    assert _readers() == []
    assert dump(ws) == before


def test_a_cancel_stops_the_reading_thread_and_writes_nothing(ws, tmp_path, big, dump):
    before = dump(ws)
    seen = []

    def on_update(done, total, text):
        if text.endswith("rows read"):
            seen.append(text)
        if len(seen) == 3:
            progress.cancel()

    progress = Progress(on_update)
    with pytest.raises(Cancelled):
        import_requests(ws, _write(tmp_path / "dump.csv", _rows(1000)), progress=progress)
    assert seen == ["10 rows read", "20 rows read", "30 rows read"]  # no chunk written after the cancel
    assert _readers() == []
    assert dump(ws) == before
    assert ws.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


@pytest.mark.parametrize("bytes_per_row", [1, 10**9], ids=["indexes-kept", "indexes-rebuilt"])
def test_kept_and_rebuilt_indexes_give_the_same_workspace(ws, tmp_path, big, monkeypatch, bytes_per_row):
    monkeypatch.setattr(write_requests, "INDEX_BYTES_PER_ROW", bytes_per_row)
    rebuilt = []
    restore = write_requests.import_store.restore_indexes
    monkeypatch.setattr(write_requests.import_store, "restore_indexes",
                        lambda db, names: rebuilt.extend(names) or restore(db, names))
    indexes = ws.db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").fetchall()
    rows = _rows(150, companies=9) + _rows(3)  # the last three repeat ids already in the file
    report = import_requests(ws, _write(tmp_path / "dump.csv", rows))
    assert checkpoint.wait(timeout=60)
    assert bool(rebuilt) is (bytes_per_row > 1)
    assert (report["new"], report["duplicates"]) == (150, 3)
    assert ws.db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").fetchall() == indexes
    assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _requests(ws) == [(e, t, c, int(v)) for e, t, c, v in rows[:150]]
    again = import_requests(ws, _write(tmp_path / "dump.csv", rows))  # the same file again changes nothing
    assert (again["new"], again["updated"], again["unchanged"]) == (0, 0, 150)
