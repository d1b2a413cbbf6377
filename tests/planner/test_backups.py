"""Rolling backups, restoring one, and Save a Copy, on real workspace files."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from planner import ops
from planner.errors import ExportFailed, NotFoundError, PlannerError, ValidationError, WorkspaceBusy, WorkspaceError
from planner.storage import backups, open_workspace, queries
from planner.storage import restore
from planner.storage.restore import restore_backup
from planner.storage.backups import (
    BACKUPS_KEPT, backup_if_due, backups_folder, list_backups, make_backup, newest_backup, save_copy,
)
from planner.storage.db import SCHEMA_APPLICATION_ID, schema_version

NAME = r"w-\d{4}-\d{2}-\d{2}-\d{6}-REASON(-\d+)?\.db"


@pytest.fixture
def w(tmp_path):
    """A workspace `w.db` with three items."""
    ws = open_workspace(tmp_path / "w.db")
    for title in ("Single sign-on", "Audit log", "Dark mode"):
        ops.add_item(ws, title=title)
    yield ws
    ws.close()


def titles(ws) -> list[str]:
    return sorted(i["title"] for i in ops.list_items(ws))


def read(path: Path, sql: str):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def fake_backup(folder: Path, name: str, source: Path) -> Path:
    """An older backup, copied from a real one (another file, so copying it with the file system is fine)."""
    target = folder / name
    target.write_bytes(source.read_bytes())
    return target


def damage(path: Path) -> None:
    """Garbage over the pages after the header of a closed file, as a failing disk leaves it."""
    with open(path, "r+b") as fh:
        fh.seek(4096)
        fh.write(os.urandom(4096 * 3))


# ------------------------------------------------------------------ making backups
def test_a_backup_lands_in_the_folder_beside_named_by_time_and_reason(w, tmp_path):
    made = make_backup(w, reason="before-import")
    assert made.parent == tmp_path / "w.db.backups" == backups_folder(w.path)
    assert re.fullmatch(NAME.replace("REASON", "before-import"), made.name)
    assert read(made, "SELECT title FROM items ORDER BY id") == [("Single sign-on",), ("Audit log",), ("Dark mode",)]
    assert read(made, "PRAGMA application_id") == [(SCHEMA_APPLICATION_ID,)]
    # One self-contained file: no journal to carry along, nothing left beside it.
    assert read(made, "PRAGMA journal_mode") == [("delete",)]
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name]
    # The workspace carries on as before.
    ops.add_item(w, title="After the backup")
    assert len(ops.list_items(w)) == 4


def test_an_unknown_reason_is_refused(w):
    with pytest.raises(ValidationError, match="not a reason"):
        make_backup(w, reason="because")
    assert not backups_folder(w.path).exists()


WRITER = """
import sqlite3, sys, pathlib
conn = sqlite3.connect(sys.argv[1], timeout=20, isolation_level=None)
stop = pathlib.Path(sys.argv[2])
n = 0
while not stop.exists():
    conn.execute("BEGIN IMMEDIATE")
    for _ in range(2):  # two rows a transaction: a consistent copy always holds an even number
        conn.execute("INSERT INTO items(title, created_at, updated_at) VALUES ('pair', 'now', 'now')")
    conn.execute("COMMIT")
    n += 1
print(n)
"""


def test_a_backup_is_consistent_while_another_process_writes(tmp_path):
    ws = open_workspace(tmp_path / "w.db")
    stop = tmp_path / "stop"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(ws.path), str(stop)],
                              stdout=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while queries.counts(ws)["items"] < 200 and time.monotonic() < deadline:
            time.sleep(0.02)
        made = [make_backup(ws, reason="manual") for _ in range(5)]
    finally:
        stop.touch()
        out, _ = writer.communicate(timeout=30)
    assert writer.returncode == 0
    counts = []
    for path in made:
        assert read(path, "PRAGMA quick_check") == [("ok",)]
        counts.append(read(path, "SELECT COUNT(*) FROM items")[0][0])
    assert all(c % 2 == 0 and c >= 200 for c in counts)
    assert counts == sorted(counts)
    # Nobody lost a lock or a row: every pair the writer committed is there, and we can still write.
    assert queries.counts(ws)["items"] == 2 * int(out)
    ops.add_item(ws, title="Still writable")
    assert ws.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    ws.close()


def test_the_newest_seven_and_the_first_of_each_of_the_last_seven_days_are_kept(w, tmp_path):
    folder = backups_folder(w.path)
    first = make_backup(w, reason="daily")
    # Nine earlier days with two backups each: the day's first (how it began) and a later one.
    older = {d: [fake_backup(folder, f"w-2020-01-{d:02d}-0{h}0000-{r}.db", first) for h, r in ((8, "daily"), (9, "before-import"))]
             for d in range(1, 10)}
    mine = fake_backup(folder, "my own copy.db", first)
    migration = fake_backup(tmp_path, "w.db.backup-20200101-000000-v002", first)
    newest = make_backup(w, reason="manual")
    kept = sorted(p.name for p in folder.glob("w-*.db"))
    newest_seven = {newest.name, first.name, older[9][1].name, older[9][0].name, older[8][1].name, older[8][0].name,
                    older[7][1].name}
    first_of_days = {first.name} | {older[d][0].name for d in range(4, 10)}  # today and the six days before
    assert set(kept) == newest_seven | first_of_days
    assert not older[3][0].exists() and not older[5][1].exists()
    assert mine.exists() and migration.exists()  # files that are not our backups are never touched
    assert {e["name"] for e in list_backups(w.path)} == set(kept) | {mine.name, migration.name}


def test_a_burst_of_imports_does_not_push_out_the_days_before(w):
    folder = backups_folder(w.path)
    base = make_backup(w, reason="daily")
    days = [fake_backup(folder, f"w-2020-01-{d:02d}-080000-daily.db", base) for d in range(1, 4)]
    for _ in range(12):
        make_backup(w, reason="before-import")
    assert all(p.exists() for p in days)  # the state each earlier day began with is still there
    assert base.exists()  # and today's first
    assert len([e for e in list_backups(w.path) if e["reason"] == "before-import"]) == BACKUPS_KEPT


def test_an_interrupted_copy_is_never_listed_and_is_cleared_later(w, monkeypatch):
    folder = backups_folder(w.path)
    made = make_backup(w, reason="daily")
    stale = folder / f".{made.name}.tmp-0123456789ab"
    stale.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # half written when the process was killed
    old = time.time() - backups.STALE_TEMP_SECONDS - 60
    os.utime(stale, (old, old))
    fresh = folder / ".w-2099-01-01-000000-manual.db.tmp-ba9876543210"  # another window copying right now
    fresh.write_bytes(b"")
    assert [e["file"] for e in list_backups(w.path)] == [made]
    make_backup(w, reason="manual")
    assert not stale.exists() and fresh.exists()
    assert len(list_backups(w.path)) == 2


def test_a_copy_that_fails_leaves_nothing_behind(w, monkeypatch):
    before = make_backup(w, reason="daily")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups.os, "replace", refuse)
    with pytest.raises(ExportFailed, match="No space left") as info:
        make_backup(w, reason="manual")
    assert "nothing was changed" in str(info.value) or "folder is writable" in str(info.value)
    assert sorted(p.name for p in backups_folder(w.path).iterdir()) == [before.name]


def test_the_daily_backup_is_made_once_a_day_and_not_for_an_empty_workspace(tmp_path):
    ws = open_workspace(tmp_path / "w.db")
    assert backup_if_due(ws) is None  # nothing worth keeping yet
    ops.add_item(ws, title="First")
    daily = backup_if_due(ws)
    assert daily is not None and daily.name.endswith("-daily.db")
    assert backup_if_due(ws) is None
    # A day later (the newest backup's name says yesterday), the next one is due.
    yesterday = (datetime.now() - timedelta(hours=25)).strftime("%Y-%m-%d-%H%M%S")
    daily.rename(daily.with_name(f"w-{yesterday}-daily.db"))
    again = backup_if_due(ws)
    assert again is not None and len(list_backups(ws.path)) == 2
    # Any recent backup counts, whatever its reason.
    again.unlink()
    make_backup(ws, reason="before-import")
    assert backup_if_due(ws) is None
    assert backup_if_due(ws, every_hours=0) is not None
    ws.close()


# ------------------------------------------------------------------ listing
def test_the_list_says_when_why_and_how_much_and_survives_a_damaged_copy(demo_ws, tmp_path):
    c = queries.counts(demo_ws)
    good = make_backup(demo_ws, reason="before-import")
    folder = good.parent
    broken = folder / "demo-2099-12-31-235959-daily.db"  # newest by name, and unreadable
    broken.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    stranger = folder / "demo-2000-01-01-000000-manual.db"
    sqlite3.connect(stranger).execute("CREATE TABLE notes(x)").connection.close()
    migration = tmp_path / "demo.db.backup-20200101-000000-v001"
    copy = sqlite3.connect(migration)
    demo_ws.conn.backup(copy)  # as db.py makes them: the header still says WAL
    copy.close()

    rows = list_backups(demo_ws.path)
    assert [r["file"] for r in rows] == [broken, good, migration, stranger]
    first, second, third, fourth = rows
    assert first["error"] and first["items"] is None and first["reason"] == "daily"
    assert second["error"] is None
    assert (second["items"], second["requests"], second["companies"]) == (c["items"], c["requests"], c["companies"])
    assert second["reason"] == "before-import" and second["label"] == "Before an import"
    assert second["size"] == good.stat().st_size
    assert abs((datetime.now().astimezone() - second["when"]).total_seconds()) < 60
    assert third["reason"] == "before-upgrade" and third["when"].year == 2020 and third["items"] == c["items"]
    assert fourth["error"] == "not a Roadmap Planner workspace"
    # Listing an old migration backup (its header says WAL) leaves nothing beside it.
    assert sorted(p.name for p in tmp_path.glob("demo.db.backup-*")) == [migration.name]
    assert newest_backup(demo_ws.path)["file"] == good


def test_there_is_no_newest_backup_before_the_first(w):
    assert list_backups(w.path) == [] and newest_backup(w.path) is None


# ------------------------------------------------------------------ restoring
def test_restore_brings_the_content_back_and_keeps_the_current_state(w):
    backup = make_backup(w, reason="daily")
    ops.add_item(w, title="Added after the backup")
    ops.delete_item(w, ops.list_items(w)[0]["id"])
    now = titles(w)

    done = restore_backup(w.path, backup)

    w2 = open_workspace(w.path)
    assert titles(w2) == ["Audit log", "Dark mode", "Single sign-on"]
    assert done["restored_from"] == backup and done["workspace"] == w.path
    assert done["before"]["items"] == 3 and done["after"]["items"] == 3
    kept = done["kept_current_as"]
    assert kept.name.endswith("-before-restore.db") and kept.parent == backups_folder(w.path)
    assert sorted(t for (t,) in read(kept, "SELECT title FROM items")) == now
    assert "Added after the backup" in now
    assert done["set_aside_as"] is None
    w2.close()


def test_restore_into_an_open_workspace_is_seen_by_every_connection(w):
    backup = make_backup(w, reason="daily")
    ops.add_item(w, title="Added after the backup")
    other = open_workspace(w.path, migrate=False)  # a background task, or a second window
    assert "Added after the backup" in titles(other)

    done = restore_backup(w, backup)  # the window's own connection receives the copy

    assert titles(w) == titles(other) == ["Audit log", "Dark mode", "Single sign-on"]
    assert w.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    ops.add_item(other, title="Written after the restore")
    assert "Written after the restore" in titles(w)
    assert "Added after the backup" in [t for (t,) in read(done["kept_current_as"], "SELECT title FROM items")]
    other.close()


def test_restore_waits_for_another_writer_then_gives_up_and_changes_nothing(w, monkeypatch, dump):
    backup = make_backup(w, reason="daily")
    ops.add_item(w, title="Added after the backup")
    before = dump(w)
    monkeypatch.setattr(restore, "RESTORE_WAIT_SECONDS", 0.3)
    w.db.execute("PRAGMA busy_timeout=100")
    writer = sqlite3.connect(w.path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(WorkspaceBusy, match="busy"):
            restore_backup(w, backup)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert dump(w) == before


def test_a_damaged_workspace_is_set_aside_and_replaced_by_the_backup(tmp_path):
    path = tmp_path / "w.db"
    ws = open_workspace(path)
    ops.add_item(ws, title="Kept in the backup")
    backup = make_backup(ws, reason="daily")
    for n in range(200):  # enough pages for the damage to land on the tables
        ops.add_item(ws, title=f"Item {n} " + "x" * 200)
    ws.close()
    damage(path)
    with pytest.raises(WorkspaceError, match="damaged"):
        open_workspace(path)
    garbage = path.read_bytes()

    done = restore_backup(path, backup)

    aside = done["set_aside_as"]
    assert aside.name.startswith("w.db.damaged-") and aside.read_bytes() == garbage
    assert done["kept_current_as"] is None and done["before"] is None and done["after"]["items"] == 1
    with open_workspace(path) as restored:
        assert titles(restored) == ["Kept in the backup"]
        assert restored.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert not list(tmp_path.glob(".w.db.tmp-*"))


def test_a_missing_workspace_is_made_from_the_backup(w, tmp_path):
    backup = make_backup(w, reason="daily")
    done = restore_backup(tmp_path / "elsewhere.db", backup)
    assert done["set_aside_as"] is None and done["kept_current_as"] is None
    with open_workspace(tmp_path / "elsewhere.db") as ws:
        assert titles(ws) == titles(w)


def test_a_backup_from_before_an_upgrade_is_brought_to_this_version(w, tmp_path):
    from sqlite_utils import Database

    from planner.storage.schema import migrations

    old = tmp_path / "old.db"
    db = Database(old)
    migrations.apply(db, stop_before="m002_import")
    db.execute(f"PRAGMA application_id={SCHEMA_APPLICATION_ID}")
    db.execute("INSERT INTO items(title, created_at, updated_at) VALUES ('From long ago', 'then', 'then')")
    db.conn.commit()
    db.close()
    version = schema_version(w)

    restore_backup(w, old)

    assert schema_version(w) == version
    assert titles(w) == ["From long ago"]
    ops.add_item(w, title="And a new one")


def _sqlite_file(path: Path) -> Path:
    sqlite3.connect(path).execute("CREATE TABLE notes(x)").connection.close()
    return path


@pytest.mark.parametrize(
    "make, error, message",
    [
        (lambda ws, tmp: _sqlite_file(tmp / "notes.db"), WorkspaceError, "not a Roadmap Planner workspace"),
        (lambda ws, tmp: tmp / "nowhere.db", NotFoundError, "no backup file"),
        (lambda ws, tmp: ws.path, WorkspaceError, "the workspace itself"),
        (lambda ws, tmp: Path(f"{ws.path}-wal"), WorkspaceError, "the workspace itself"),
    ],
    ids=["not-a-workspace", "missing", "the-workspace", "its-wal"],
)
def test_restore_refuses_what_is_not_a_good_backup(w, tmp_path, dump, make, error, message):
    before = dump(w)
    with pytest.raises(error, match=message) as info:
        restore_backup(w.path, make(w, tmp_path))
    assert info.value.hint
    assert dump(w) == before
    assert not backups_folder(w.path).exists()  # not even a before-restore backup


def test_restore_refuses_a_damaged_backup(w, dump):
    backup = make_backup(w, reason="daily")
    for n in range(200):
        ops.add_item(w, title=f"Item {n} " + "x" * 200)
    big = make_backup(w, reason="manual")
    damage(big)
    before = dump(w)
    with pytest.raises(WorkspaceError, match="damaged"):
        restore_backup(w, big)
    assert dump(w) == before
    assert [e["file"] for e in list_backups(w.path)] == [big, backup]


def test_restoring_the_oldest_backup_keeps_it_through_the_rotation(w):
    oldest = make_backup(w, reason="daily")
    oldest = oldest.rename(oldest.with_name("w-2020-01-01-000000-daily.db"))
    for _ in range(BACKUPS_KEPT - 1):
        make_backup(w, reason="manual")
    ops.add_item(w, title="Added later")
    restore_backup(w, oldest)  # the before-restore backup would push it out of the newest seven
    assert oldest.exists()
    assert titles(w) == ["Audit log", "Dark mode", "Single sign-on"]


# ------------------------------------------------------------------ save a copy
def test_save_copy_writes_one_complete_file(w, tmp_path):
    target = tmp_path / "out" / "w copy.db"
    target.parent.mkdir()
    saved = save_copy(w, target)
    assert saved["file"] == target and saved["items"] == 3 and saved["size"] == target.stat().st_size
    assert sorted(p.name for p in target.parent.iterdir()) == ["w copy.db"]  # no temporary file, no -wal
    with open_workspace(target) as copy:
        assert titles(copy) == titles(w)
    ops.add_item(w, title="Only in the original")
    save_copy(w, target)  # replaces the earlier copy
    assert read(target, "SELECT COUNT(*) FROM items") == [(4,)]


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_save_copy_refuses_the_workspace_and_its_journal(w, dump, suffix):
    before = dump(w)
    with pytest.raises(ValidationError, match="open workspace"):
        save_copy(w, f"{w.path}{suffix}")
    assert dump(w) == before
    assert w.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_save_copy_refuses_a_folder_that_is_not_there(w, tmp_path):
    with pytest.raises(PlannerError, match="does not exist"):
        save_copy(w, tmp_path / "missing" / "x.db")
