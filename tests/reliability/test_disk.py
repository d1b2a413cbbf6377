"""A full disk, a read-only file or folder: one line that says which, and the workspace as it was."""

import contextlib
import json
import os
import sqlite3
import subprocess
import uuid

import pytest

from planner import ops
from planner.errors import DiskFull, ReadOnlyWorkspace
from planner.storage import open_workspace


@contextlib.contextmanager
def small_disk(folder, size="3m"):
    """A real file system of `size`, mounted at `folder` (needs root, as CI has)."""
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {done.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def _fill(folder):
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (65536, 4096, 512, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\1" * size)
    finally:
        os.close(fd)
    return filler


def _titles(db):
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM items ORDER BY id")]
    finally:
        conn.close()


def test_a_write_on_a_full_workspace_says_the_disk_is_full(ws, dump):
    ops.add_item(ws, title="Kept")
    pages = ws.db.execute("PRAGMA page_count").fetchone()[0]
    ws.db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own SQLITE_FULL, as on a full disk
    before = dump(ws)
    with pytest.raises(DiskFull, match="is full") as info:
        for n in range(200):
            ops.add_item(ws, title=f"Item {n}", description="x" * 2000)
    assert "Free some space" in info.value.hint
    assert len(dump(ws)["items"]) >= len(before["items"])  # whole items only: the failed one is not there
    assert all(r[1] for r in dump(ws)["items"])
    ws.db.execute("PRAGMA max_page_count = 1073741823")
    ops.add_item(ws, title="After freeing space")  # nothing stays stuck


def test_the_command_line_on_a_full_disk(tmp_path, cli):
    with small_disk(tmp_path / "disk") as disk:
        db = disk / "plan.db"
        assert cli(db, "item-add", "Kept").returncode == 0
        filler = _fill(disk)
        done = cli(db, "item-add", "Too much", "--theme", "x" * 5000)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "is full" in done.stderr and "damaged" not in done.stderr, done.stderr
        opened = cli(db, "status")  # opening needs room for the journal too
        assert opened.returncode == 2 and "is full" in opened.stderr and "damaged" not in opened.stderr, opened.stderr
        filler.unlink()
        assert _titles(db) == ["Kept"]
        assert cli(db, "item-add", "After freeing space").returncode == 0
        assert _titles(db) == ["Kept", "After freeing space"]


def test_a_read_only_file_is_refused_before_anything_is_written(tmp_path, cli):
    db = tmp_path / "plan.db"
    assert cli(db, "item-add", "Kept").returncode == 0
    os.chmod(db, 0o444)
    done = cli(db, "item-add", "Refused")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert "is read-only" in done.stderr and "chmod u+w" in done.stderr, done.stderr
    os.chmod(db, 0o644)
    assert cli(db, "item-add", "After chmod").returncode == 0
    assert _titles(db) == ["Kept", "After chmod"]


def test_a_read_only_journal_left_behind_is_mended(tmp_path):
    db = tmp_path / "plan.db"
    with open_workspace(db) as ws:
        ops.add_item(ws, title="Kept")
        keeper = open_workspace(db)  # keeps -wal and -shm in place when the first closes
    os.chmod(tmp_path / "plan.db-shm", 0o444)
    os.chmod(tmp_path / "plan.db-wal", 0o444)
    keeper.close()
    with open_workspace(db) as ws:
        ops.add_item(ws, title="After")
        assert [i["title"] for i in ops.list_items(ws)] == ["Kept", "After"]


def test_a_read_only_folder_or_disk(tmp_path, cli):
    with small_disk(tmp_path / "disk") as disk:
        db = disk / "plan.db"
        assert cli(db, "item-add", "Kept").returncode == 0
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        done = cli(db, "item-add", "Refused")
        assert done.returncode == 2
        assert "read-only" in done.stderr and "damaged" not in done.stderr, done.stderr
        with pytest.raises(ReadOnlyWorkspace):
            open_workspace(db)
        listed = cli(db, "items", "--json")
        assert listed.returncode == 2  # reading needs the journal beside it, which cannot be made
        subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)
        assert [i["title"] for i in json.loads(cli(db, "items", "--json").stdout)] == ["Kept"]


def test_a_new_workspace_in_a_read_only_folder(tmp_path, cli):
    with small_disk(tmp_path / "disk") as disk:
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        done = cli(disk / f"{uuid.uuid4().hex}.db", "status")
        assert done.returncode == 2
        assert "read-only" in done.stderr and "Traceback" not in done.stderr, done.stderr
