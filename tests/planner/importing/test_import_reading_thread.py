"""A big import reads and prepares its chunks on a thread, or for the biggest files in a process, of its own
while the previous ones are inserted.

What the user must get is what a one-thread import gave: the same rows, companies numbered as
SQLite numbers them, foreign keys that hold, and on a failure or a cancel nothing written and
no thread or process left running. Sizes are shrunk with monkeypatch so a few rows take the
paths of a million-row file; every test runs on both paths.
"""

import sqlite3
import subprocess
import threading

import pytest

import planner.importing.core as core
import planner.importing.frame as frame
import planner.importing.read_process as read_process
import planner.importing.write_requests as write_requests
from planner.errors import Cancelled, ImportFailed, Progress
from planner.importing import import_requests
from planner.storage import checkpoint

from importer_helpers import FIXTURES, write_csv


def _write(path, rows):
    return write_csv(path, [("ID", "Title", "Company", "Votes")] + list(rows))


def _rows(n, companies=7, start=0):
    return [(f"REQ-{i}", f"Export to PDF #{i}", f"Company {i % companies}", str(i % 5)) for i in range(start, start + n)]


@pytest.fixture(params=["thread", "process"])
def readers(request, monkeypatch):
    """Which way the file is read (`write_requests._prepared_ahead` or `read_process`); call it for what still runs."""
    monkeypatch.setattr(read_process, "PROCESS_FROM_ROWS", 10**12 if request.param == "thread" else 1)
    started = []
    popen = subprocess.Popen

    def recorded(*args, **kwargs):
        started.append(popen(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(subprocess, "Popen", recorded)

    def running():
        threads = [t.name for t in threading.enumerate() if t.name in ("import-read", "import-receive")]
        return threads + [f"process {p.pid}" for p in started if p.poll() is None]

    running.kind = request.param
    running.started = started
    return running


def _requests(ws):
    return ws.db.execute(
        "SELECT r.external_id, r.title, c.name, r.votes FROM requests r LEFT JOIN companies c ON c.id = r.company_id "
        "ORDER BY r.id").fetchall()


@pytest.fixture
def big(monkeypatch, readers):
    """Chunks of 10 rows; 50 rows or more count as a big import (foreign keys off, WAL checkpoint deferred)."""
    monkeypatch.setattr(frame, "CHUNK_ROWS", 10)
    monkeypatch.setattr(core, "BULK_ROWS", 50)
    monkeypatch.setattr(write_requests, "BULK_ROWS", 50)


def test_every_row_lands_in_file_order_with_its_company(ws, tmp_path, big, readers):
    rows = _rows(237, companies=31)
    report = import_requests(ws, _write(tmp_path / "dump.csv", rows))
    assert checkpoint.wait(timeout=60)
    assert (report["new"], report["rows_read"], report["companies_new"]) == (237, 237, 31)
    assert _requests(ws) == [(ext, title, company, int(votes)) for ext, title, company, votes in rows]
    assert readers() == []
    assert [p.returncode for p in readers.started] == ([0] if readers.kind == "process" else [])  # ended by itself


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


@pytest.mark.parametrize("encoding, bad", [("utf-8", b"\xff\xfe"), ("cp932", b"\x81\x20")])
def test_a_failure_while_reading_reaches_the_user_and_leaves_nothing(ws, tmp_path, big, readers, monkeypatch, dump,
                                                                     encoding, bad):
    import planner.importing.reading as reading

    monkeypatch.setattr(reading, "FULL_CHECK_BYTES", 4096)  # the encoding is checked on the first 4 kB only
    monkeypatch.setattr(reading, "SAMPLE_BYTES", 4096)
    import_requests(ws, _write(tmp_path / "first.csv", _rows(5)))
    before = dump(ws)
    good = "".join(f"R{i},要望{i},北沢電機\n" for i in range(2000)).encode(encoding)
    path = tmp_path / "late.csv"
    path.write_bytes("ID,件名,会社名\n".encode(encoding) + good + b"R-x,bad" + bad + b",x\n")
    with pytest.raises(ImportFailed, match=f"some bytes are not valid {encoding}"):
        import_requests(ws, path, encoding=encoding if encoding == "cp932" else None)
    assert dump(ws) == before
    assert ws.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert readers() == []
    assert len(readers.started) == (2 if readers.kind == "process" else 0)


def test_a_cp932_file_reads_the_same_on_both_paths(ws, tmp_path, big, readers):
    path = tmp_path / "sjis.csv"
    path.write_bytes(("ID,件名,会社名,Votes\n" + "".join(f"R{i},請求書の一括ダウンロード{i},㈱北沢電機{i % 4},{i % 3}\n"
                                                   for i in range(120))).encode("cp932"))
    report = import_requests(ws, path)
    assert checkpoint.wait(timeout=60)
    assert (report["encoding"], report["new"], report["companies_new"]) == ("cp932", 120, 4)
    assert _requests(ws)[7] == ("R7", "請求書の一括ダウンロード7", "㈱北沢電機3", 1)


def test_a_file_gone_before_it_is_read_says_so_on_both_paths(ws, tmp_path, big, readers, monkeypatch, dump):
    before = dump(ws)
    path = _write(tmp_path / "dump.csv", _rows(100))
    # Planned, then removed just before the reading starts (another program moved it away).
    if readers.kind == "thread":
        chunks = write_requests.chunks
        monkeypatch.setattr(write_requests, "chunks", lambda shape, sink: path.unlink() or chunks(shape, sink))
    else:
        popen = subprocess.Popen
        monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: path.unlink() or popen(*a, **k))
    with pytest.raises(FileNotFoundError) as caught:
        import_requests(ws, path)
    assert caught.value.filename == str(path)
    assert dump(ws) == before
    assert readers() == []


def test_a_failed_insert_stops_the_reading_before_the_rollback(ws, tmp_path, big, readers, monkeypatch, dump):
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
    assert readers() == []
    assert dump(ws) == before


def test_a_cancel_stops_the_reading_and_writes_nothing(ws, tmp_path, big, readers, dump):
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
    assert readers() == []
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



def _imported(tmp_path, name, monkeypatch, process_from):
    """What a workspace holds after importing every fixture, read in a process from `process_from` rows."""
    from planner.storage.db import open_workspace

    monkeypatch.setattr(read_process, "PROCESS_FROM_ROWS", process_from)
    ws = open_workspace(tmp_path / f"{name}.db")
    try:
        reports = []
        for path in sorted(FIXTURES.glob("*.csv")):
            report = import_requests(ws, path)
            reports.append({k: v for k, v in report.items() if k != "batch_id"})
        requests = ws.db.execute(
            "SELECT id, source, external_id, title, body, requester, email, company_id, created_at, votes, importance, "
            "url, tags, content_hash, raw, batch_id FROM requests ORDER BY id").fetchall()
        companies = ws.db.execute("SELECT id, name, name_key, domain, segment, plan, mrr, arr FROM companies "
                                  "ORDER BY id").fetchall()
        return reports, requests, companies
    finally:
        ws.close()


def test_every_sample_export_imports_the_same_read_in_a_process(tmp_path, monkeypatch):
    monkeypatch.setattr(frame, "CHUNK_ROWS", 3)
    on_thread = _imported(tmp_path, "thread", monkeypatch, 10**12)
    in_process = _imported(tmp_path, "process", monkeypatch, 1)
    assert len(on_thread[0]) == 12 and len(on_thread[1]) > 20 and len(on_thread[2]) > 5  # every file, its rows, companies
    assert in_process == on_thread


def test_a_quote_left_open_near_the_end_is_reported_from_the_process(ws, tmp_path, big, readers):
    rows = _rows(40)
    path = _write(tmp_path / "dump.csv", rows)
    with open(path, "a", encoding="utf-8", newline="") as fh:
        fh.write('REQ-x,"Export to PDF, Company 1,3\nREQ-y,Other,Company 2,1\n')
    report = import_requests(ws, path)
    assert checkpoint.wait(timeout=60)
    assert report["new"] == 40
    assert any("a quote opens here and is never closed" in w for w in report["warnings"])
    assert report["errors"][-1]["row"] == 42


def test_the_stages_of_the_reading_process_are_in_the_breakdown(ws, tmp_path, big, readers):
    from planner.importing import timing

    with timing.recording() as stages:
        import_requests(ws, _write(tmp_path / "dump.csv", _rows(100)))
    assert {"read", "convert", "raw", "companies", "insert", "commit"} <= set(stages)
    assert ("unpickle" in stages) is (readers.kind == "process")


def test_killing_the_importing_process_ends_its_reading_process_and_loses_nothing(tmp_path, dump):
    """`kill -9` of the app in the middle of a big import: the workspace is as it was and no reader is left behind."""
    import os
    import signal
    import sys
    import textwrap
    import time

    from planner.storage.db import open_workspace

    db = tmp_path / "ws.db"
    with open_workspace(db) as ws:
        import_requests(ws, _write(tmp_path / "seed.csv", _rows(3, start=900)))
        before = dump(ws)
    big = _write(tmp_path / "big.csv", _rows(3000))
    script = textwrap.dedent(f"""
        import subprocess, sys, time
        import planner.importing.frame as frame
        import planner.importing.read_process as read_process
        from planner.errors import Progress
        from planner.importing import import_requests
        from planner.storage import open_workspace
        frame.CHUNK_ROWS = 50
        read_process.PROCESS_FROM_ROWS = 1
        popen = subprocess.Popen
        def started(*args, **kwargs):
            process = popen(*args, **kwargs)
            print("reader", process.pid, flush=True)
            return process
        subprocess.Popen = started
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
        word, pid = child.stdout.readline().split()
        assert word == "reader"
        assert child.stdout.readline().strip() == "writing"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    reader = int(pid)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.kill(reader, 0)
        except ProcessLookupError:
            break
        with open(f"/proc/{reader}/stat") as fh:  # gone but not yet reaped by anyone: a zombie counts as ended
            if fh.read().split(") ")[-1].startswith("Z"):
                break
        time.sleep(0.1)
    else:
        raise AssertionError(f"the reading process {reader} is still running after its importer was killed")
    with open_workspace(db) as ws:
        assert dump(ws) == before


@pytest.mark.parametrize("when", ["at its start", "after two chunks"])
def test_a_reading_process_that_dies_is_reported_and_nothing_is_imported(ws, tmp_path, monkeypatch, dump, when):
    """The reader killed from outside (the system short of memory): the user is told, the workspace is as it was."""
    monkeypatch.setattr(read_process, "PROCESS_FROM_ROWS", 1)
    monkeypatch.setattr(frame, "CHUNK_ROWS", 10)
    before = dump(ws)
    started = []
    popen = subprocess.Popen

    def killed_at_start(*args, **kwargs):
        started.append(popen(*args, **kwargs))
        if when == "at its start":
            started[-1].kill()
            started[-1].wait()
        return started[-1]

    monkeypatch.setattr(subprocess, "Popen", killed_at_start)
    restored = read_process._restored
    seen = []

    def kill_after_two(chunk):
        seen.append(chunk)
        if len(seen) == 2:
            started[-1].kill()
        return restored(chunk)

    monkeypatch.setattr(read_process, "_restored", kill_after_two)
    with pytest.raises(ImportFailed) as caught:
        import_requests(ws, _write(tmp_path / "dump.csv", _rows(3000)))
    said = str(caught.value)
    assert said.startswith("dump.csv: the process reading the file ")
    assert "(exit code -9); nothing was imported." in said
    assert dump(ws) == before
    assert started[-1].poll() == -9
    assert [t for t in threading.enumerate() if t.name == "import-receive"] == []
