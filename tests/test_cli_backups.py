"""`planner backups`, `backup`, `restore` and `save-copy`, through a real subprocess as a user runs them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from planner import ops
from planner.storage import open_workspace

ROOT = Path(__file__).resolve().parents[1]
STAMP = r"\d{4}-\d{2}-\d{2}-\d{6}"


def planner(*args, check=True, cwd=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    result = subprocess.run([sys.executable, "-m", "planner", *map(str, args)], capture_output=True, text=True,
                            timeout=120, env=env, cwd=cwd)
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}: {result.stderr}")
    return result


@pytest.fixture
def db(tmp_path):
    """w.db with two items, made through the core."""
    path = tmp_path / "w.db"
    with open_workspace(path) as ws:
        ops.add_item(ws, title="Single sign-on")
        ops.add_item(ws, title="Audit log")
    return path


def item_titles(db) -> list[str]:
    return sorted(i["title"] for i in json.loads(planner("--db", db, "items", "--json").stdout))


def test_backup_then_backups_lists_it_newest_first(db):
    first = planner("--db", db, "backup").stdout.strip()
    assert re.fullmatch(rf"Backed up w\.db to {re.escape(str(db))}\.backups/w-{STAMP}-manual\.db "
                        r"\(2 items, 0 requests\)\.", first), first
    planner("--db", db, "item-add", "Dark mode")
    planner("--db", db, "backup")

    out = planner("--db", db, "backups").stdout.splitlines()
    assert out[0].split() == ["date", "reason", "items", "requests", "file"]
    assert "Made by hand" in out[1] and re.search(rf"\b3\s+0\s+w-{STAMP}-manual(-2)?\.db$", out[1]), out[1]
    assert re.search(r"\b2\s+0\s+w-", out[2])
    assert out[-1] == f"In {db}.backups; the newest 7 are kept, and the first of each of the last 7 days."

    rows = json.loads(planner("--db", db, "backups", "--json").stdout)
    # the first command of the day also kept the daily copy, before the backup asked for
    assert [(r["reason"], r["items"]) for r in rows] == [("manual", 3), ("manual", 2), ("daily", 2)]
    assert rows[0]["reason"] == "manual" and rows[0]["label"] == "Made by hand" and rows[0]["error"] is None
    assert Path(rows[0]["file"]).parent == Path(f"{db}.backups") and rows[0]["size"] > 0
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", rows[0]["when"])


def test_backups_says_when_there_are_none(tmp_path):
    db = tmp_path / "new.db"  # a new workspace holds nothing yet, so there is no daily copy of it either
    assert planner("--db", db, "backups").stdout == f"No backups of {db} yet; `planner backup` makes one.\n"
    assert json.loads(planner("--db", db, "backups", "--json").stdout) == []


def test_the_first_command_of_the_day_keeps_a_daily_copy(db):
    planner("--db", db, "items")
    planner("--db", db, "status")
    rows = json.loads(planner("--db", db, "backups", "--json").stdout)
    assert [(r["reason"], r["items"]) for r in rows] == [("daily", 2)]


def test_restore_puts_the_backup_back_and_says_where_the_previous_state_went(db):
    backup = json.loads(planner("--db", db, "backup", "--json").stdout)["file"]
    planner("--db", db, "item-add", "Added after the backup")

    out = planner("--db", db, "restore", backup).stdout
    assert re.fullmatch(
        rf"Restored w\.db from {re.escape(Path(backup).name)} \(2 items, 0 requests\)\. "
        rf"The previous state was kept as w-{STAMP}-before-restore\.db\.\n", out), out
    assert item_titles(db) == ["Audit log", "Single sign-on"]
    kept = json.loads(planner("--db", db, "backups", "--json").stdout)[0]
    assert kept["reason"] == "before-restore" and kept["items"] == 3


def test_restore_reaches_a_window_that_holds_the_workspace_open(db):
    backup = json.loads(planner("--db", db, "backup", "--json").stdout)["file"]
    window = open_workspace(db)  # this test process plays the window
    try:
        ops.add_item(window, title="Added in the window")
        done = json.loads(planner("--db", db, "restore", backup, "--json").stdout)
        assert sorted(i["title"] for i in ops.list_items(window)) == ["Audit log", "Single sign-on"]
        assert done["before"]["items"] == 3 and done["after"]["items"] == 2
        assert done["restored_from"] == backup and done["kept_current_as"].endswith("-before-restore.db")
        ops.add_item(window, title="Written after the restore")
        assert window.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        window.close()
    assert "Written after the restore" in item_titles(db)


def test_restore_mends_a_damaged_workspace(db, tmp_path):
    """Needs the CLI to run `restore` without opening the workspace (needs_workspace=False)."""
    backup = json.loads(planner("--db", db, "backup", "--json").stdout)["file"]
    with open_workspace(db) as ws:
        for n in range(200):
            ops.add_item(ws, title=f"Item {n} " + "x" * 200)
    with open(db, "r+b") as fh:  # the file is closed: garbage over the pages after the header
        fh.seek(4096)
        fh.write(os.urandom(4096 * 3))
    broken = planner("--db", db, "items", check=False)
    assert broken.returncode == 2 and "damaged" in broken.stderr and "restore" in broken.stderr

    out = planner("--db", db, "restore", backup).stdout
    assert re.fullmatch(
        rf"Restored w\.db from {re.escape(Path(backup).name)} \(2 items, 0 requests\)\. "
        rf"The file that could not be opened was moved aside as w\.db\.damaged-\d{{8}}-\d{{6}}\.\n", out), out
    assert item_titles(db) == ["Audit log", "Single sign-on"]
    assert len(list(tmp_path.glob("w.db.damaged-*"))) == 1


def test_restore_refuses_a_file_that_is_not_a_backup_in_one_line(db, tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("hello " * 100)
    result = planner("--db", db, "restore", notes, check=False)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "not a Roadmap Planner workspace" in result.stderr
    assert str(notes) in result.stderr and "Traceback" not in result.stderr
    itself = planner("--db", db, "restore", db, check=False)
    assert itself.returncode == 2 and "the workspace itself" in itself.stderr
    assert item_titles(db) == ["Audit log", "Single sign-on"]


def test_save_copy_writes_a_workspace_that_opens(db, tmp_path):
    target = tmp_path / "copies" / "w copy.db"
    target.parent.mkdir()
    out = planner("--db", db, "save-copy", target).stdout
    assert out == f"Saved a copy of w.db as {target} (2 items, 0 requests).\n"
    assert item_titles(target) == item_titles(db)
    refused = planner("--db", db, "save-copy", db, check=False)
    assert refused.returncode == 2 and "open workspace" in refused.stderr
