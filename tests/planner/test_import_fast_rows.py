"""A big import's rows made fast: the `raw` JSON built by Arrow kernels, indexes kept up or rebuilt, timings on request.

Each asserts what the user gets: the same `raw` text to the byte, nothing written
after a cancel, every index in place, and no timings unless asked.
"""

import csv
import random
import sqlite3

import pyarrow as pa
import pytest

import planner.importing.frame as frame
import planner.importing.write_requests as write_requests
from planner.errors import Cancelled, Progress
from planner.importing import import_requests, timing
from planner.importing.raw_rows import RawRows

ALPHABET = ["a", "é", "日", '"', "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x01", "\x1f", "\x7f", " ", ",", "{",
            "😀", "\u2028", "/"]


def _cells(rnd, alphabet, columns, rows):
    return [["" if rnd.random() < 0.3 else "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 12)))
             for _ in range(rows)] for _ in range(columns)]


def _arrow(cells):
    return [pa.array(c, type=pa.large_string()) for c in cells]


@pytest.mark.parametrize("alphabet", [ALPHABET, ["a", "日", '"', "\n", " ", ","]], ids=["every-escape", "quotes-and-lines"])
def test_arrow_raw_rows_are_the_bytes_json_writes(alphabet):
    header = ["ID", "Title", "", "Comment", "Comment", "Comment", "  ", 'Tag"s\\', "ID"]
    cells = _cells(random.Random(7), alphabet, len(header), 2000)
    # Rows with every cell empty, also inside a chunk with filled rows.
    for column in cells:
        column[5] = column[17] = ""
    raw = RawRows(header)
    assert raw.texts_arrow(_arrow(cells)).to_pylist() == raw.texts(cells)


def test_a_chunk_of_empty_rows_is_empty_objects():
    raw = RawRows(["A", "B", "B"])
    assert raw.texts_arrow(_arrow([["", ""]] * 3)).to_pylist() == ["{}", "{}"] == raw.texts([["", ""]] * 3)


def _write(path, rows, header=("ID", "Title", "Description", "Company", "Votes")):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        out.writerows(rows)
    return path


def _rows(n):
    return [(f"REQ-{i}", f'"Export" #{i}', f"line 1\nline\t2 \\ {i}", f"Company {i % 7}", str(i % 5)) for i in range(n)]


def _raw(path):
    conn = sqlite3.connect(str(path))
    try:
        return [r[0] for r in conn.execute("SELECT raw FROM requests ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(frame, "CHUNK_ROWS", 7)


def test_raw_of_an_import_in_many_chunks_is_as_json_writes_it(ws, tmp_path, small_chunks):
    rows = _rows(40)
    report = import_requests(ws, _write(tmp_path / "dump.csv", rows))
    assert report["new"] == 40
    header = ["ID", "Title", "Description", "Company", "Votes"]
    assert _raw(tmp_path / "workspace.db") == RawRows(header).texts([list(c) for c in zip(*rows)])


def test_a_cancel_after_some_chunks_leaves_nothing(ws, tmp_path, small_chunks):
    progress = Progress()

    def on_update(done, total, text):
        progress.cancel()

    progress._callback = on_update
    with pytest.raises(Cancelled):
        import_requests(ws, _write(tmp_path / "dump.csv", _rows(60)), progress=progress)
    assert ws.db.execute("SELECT COUNT(*) FROM requests").fetchone()[0] == 0


def test_a_big_load_keeps_or_rebuilds_every_index(ws, tmp_path, monkeypatch):
    monkeypatch.setattr(write_requests, "BULK_ROWS", 10)
    before = ws.db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").fetchall()
    assert import_requests(ws, _write(tmp_path / "dump.csv", _rows(50)))["new"] == 50
    after = ws.db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").fetchall()
    assert after == before
    assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert ws.db.execute("SELECT COUNT(*) FROM requests INDEXED BY idx_requests_status WHERE status = 'new'"
                         ).fetchone()[0] == 50


def test_timings_are_recorded_only_when_asked(ws, tmp_path, capsys):
    import_requests(ws, _write(tmp_path / "a.csv", _rows(5)))
    assert timing._current is None
    with timing.recording() as stages:
        import_requests(ws, _write(tmp_path / "b.csv", _rows(5)))
    assert {"read", "convert", "raw", "insert", "commit"} <= set(stages)
    assert all(seconds >= 0 for seconds in stages.values())
    assert timing._current is None
    assert capsys.readouterr().out == ""
