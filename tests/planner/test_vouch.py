"""The whole-file check is skipped only for a big workspace nothing but the planner touched since it was checked."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from planner import ops
from planner.errors import WorkspaceError
from planner.storage import open_workspace, vouch


@pytest.fixture
def big(monkeypatch):
    monkeypatch.setattr(vouch, "VOUCH_FROM", 0)  # every workspace counts as big: the tests' files are small


def _made(path):
    ws = open_workspace(path)
    for n in range(60):
        ops.add_item(ws, title=f"Item {n}", effort=1.0)
    ws.close()
    return path


def _opened_checked(path) -> bool:
    ws = open_workspace(path)
    try:
        return ws.integrity_checked
    finally:
        ws.close()


def _damage(path):
    """Garbage inside the pages after the schema, written in place in a few microseconds: SQLite opens the
    file, only a check finds the damage."""
    with open(path, "r+b") as fh:
        for offset in range(4096 * 2, os.path.getsize(path), 4096):
            fh.seek(offset + 8)
            fh.write(b"\xff" * 56)


def test_a_big_workspace_closed_cleanly_opens_without_reading_it_all_again(tmp_path, big):
    path = _made(tmp_path / "w.db")
    assert _opened_checked(path)  # created by this version: checked when first opened again
    assert not _opened_checked(path)
    ws = open_workspace(path)
    assert len(ops.list_items(ws)) == 60
    ws.close()


def test_damage_done_right_after_closing_is_found(tmp_path, big):
    path = _made(tmp_path / "w.db")
    _opened_checked(path)
    _damage(path)  # at once: the note was written only once the file's last change was older than the clock's step
    with pytest.raises(WorkspaceError, match="damaged"):
        open_workspace(path)


@pytest.mark.parametrize("touch", ["copied over", "permissions", "replaced"])
def test_a_file_touched_from_outside_is_checked_again(tmp_path, big, touch):
    path = _made(tmp_path / "w.db")
    copy = shutil.copy2(path, tmp_path / "copy.db")
    _opened_checked(path)
    if touch == "copied over":
        shutil.copy2(copy, path)  # the same bytes and modification time, written over it
    elif touch == "permissions":
        os.chmod(path, 0o600)
    else:
        os.replace(copy, path)
    assert _opened_checked(path)


def test_a_crash_that_left_a_log_behind_is_checked(tmp_path, big):
    path = _made(tmp_path / "w.db")
    _opened_checked(path)
    code = ("import os, sys; from planner import ops; from planner.storage import open_workspace; "
            f"ws = open_workspace({str(path)!r}); ops.add_item(ws, title='Last'); os._exit(0)")
    subprocess.run([sys.executable, "-c", code], check=True)
    assert os.path.getsize(f"{path}-wal") > 0
    assert _opened_checked(path)


def test_at_least_one_full_check_a_day(tmp_path, big, monkeypatch):
    path = _made(tmp_path / "w.db")
    _opened_checked(path)
    monkeypatch.setattr(vouch, "CHECK_EVERY", 0.0)
    assert _opened_checked(path)


def test_a_small_workspace_is_checked_every_time(tmp_path):
    path = _made(tmp_path / "w.db")
    assert _opened_checked(path) and _opened_checked(path)


def test_an_unwritable_notes_folder_only_means_a_check(tmp_path, big, monkeypatch):
    path = _made(tmp_path / "w.db")
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setattr(vouch, "_notes_file", lambda: blocked / "checked-workspaces.json")
    assert _opened_checked(path) and _opened_checked(path)
