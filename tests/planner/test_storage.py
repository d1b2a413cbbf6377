import sqlite3

import pytest
import sqlite_utils

from planner import ops
from planner.errors import WorkspaceError
from planner.storage import open_workspace
from planner.storage.backups import list_backups, make_backup
from planner.storage.db import schema_version
from planner.storage.schema import MIGRATION_SET, migrations


def test_new_workspace_has_the_schema_wal_and_foreign_keys(tmp_path):
    ws = open_workspace(tmp_path / "new.db")
    assert {"items", "companies", "requests", "links", "metrics", "metric_values", "lanes",
            "import_batches", "settings"} <= set(ws.db.table_names())
    assert ws.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert ws.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert schema_version(ws) == len(migrations.pending(sqlite_utils.Database(memory=True)))
    assert ws.backup_made is None
    ws.close()


def test_reopening_keeps_data_and_makes_one_daily_backup(tmp_path):
    path = tmp_path / "w.db"
    with open_workspace(path) as ws:
        ops.add_item(ws, title="SSO")
    assert list_backups(path) == []  # a new, then empty, workspace has nothing to keep
    for _ in range(2):
        with open_workspace(path) as ws:
            assert [i["title"] for i in ops.list_items(ws)] == ["SSO"]
            assert ws.backup_made is None  # no upgrade, so no upgrade backup
    kept = list_backups(path)
    assert [(b["reason"], b["items"]) for b in kept] == [("daily", 1)]  # once a day, not at every opening


def _make_first_version(path):
    """A workspace file as the first release wrote it: only m001 applied."""
    db = sqlite_utils.Database(path)
    later = [m.name for m in migrations.pending(db)][1:]
    migrations.apply(db, stop_before=later or None)
    db.execute("PRAGMA application_id=0x524D504C")
    db["items"].insert(dict(title="Kept through the upgrade", kind="bug", status="planned", effort=2,
                            created_at="2026-01-01T00:00:00+00:00", updated_at="2026-01-01T00:00:00+00:00"))
    db.conn.commit()
    db.close()
    return later


def test_older_file_is_migrated_with_a_backup_and_data_intact(tmp_path):
    path = tmp_path / "old.db"
    later = _make_first_version(path)
    assert later, "the schema has grown past its first version, so there is something to migrate"
    with open_workspace(path) as ws:
        assert ws.backup_made is not None and ws.backup_made.exists()
        assert [m.name for m in migrations.pending(ws.db)] == []
        items = ops.list_items(ws)
        assert [(i["title"], i["kind"], i["effort"]) for i in items] == [("Kept through the upgrade", "bug", 2.0)]
    upgrade = [b for b in list_backups(path) if b["reason"] == "before-upgrade"]
    assert [b["file"] for b in upgrade] == [ws.backup_made]
    backup = sqlite_utils.Database(upgrade[0]["file"])
    assert [m.name for m in migrations.applied(backup)] == ["m001_initial"]
    assert backup["items"].count == 1


def test_a_text_file_is_not_a_workspace(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 10)
    with pytest.raises(WorkspaceError, match="not a Roadmap Planner workspace") as info:
        open_workspace(path)
    assert str(path) in str(info.value)
    assert path.read_text().startswith("these are my notes")


def test_another_sqlite_database_is_not_a_workspace(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(WorkspaceError, match="SQLite database but not a Roadmap Planner workspace"):
        open_workspace(path)
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["photos"]


def test_a_damaged_file_names_the_latest_backup(tmp_path):
    path = tmp_path / "w.db"
    with open_workspace(path) as ws:
        for n in range(200):
            ops.add_item(ws, title=f"Item {n}", description="x" * 500)
        backup = make_backup(ws, reason="manual")
        ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 2, len(data), 4096):  # scribble over every page but the first two
        data[offset + 8: offset + 64] = b"\xff" * 56
    path.write_bytes(bytes(data))
    with pytest.raises(WorkspaceError, match="damaged") as info:
        open_workspace(path)
    assert str(backup) in str(info.value) and "restore" in str(info.value)
    assert "\n" not in str(info.value)  # quick_check's list of damaged pages is not a wall of text


def test_a_truncated_file_is_damaged(tmp_path):
    path = tmp_path / "w.db"
    path.write_bytes(b"SQLite for")
    with pytest.raises(WorkspaceError, match="damaged"):
        open_workspace(path)


def test_a_file_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "w.db"
    with open_workspace(path) as ws:
        ws.db["_sqlite_migrations"].insert(
            dict(migration_set=MIGRATION_SET, name="m999_from_the_future", applied_at="2030-01-01"),
        )
    before = path.read_bytes()
    with pytest.raises(WorkspaceError, match="newer version"):
        open_workspace(path)
    assert path.read_bytes() == before


def test_a_folder_or_missing_parent_gives_a_clear_message(tmp_path):
    with pytest.raises(WorkspaceError, match="is a folder"):
        open_workspace(tmp_path)
    with pytest.raises(WorkspaceError, match="does not exist"):
        open_workspace(tmp_path / "nope" / "w.db")


def test_foreign_keys_cascade_links_when_an_item_goes(ws):
    item = ops.add_item(ws, title="SSO")
    req = ops.add_request(ws, title="SSO please")
    ops.link_request(ws, req["id"], item["id"])
    ops.delete_item(ws, item["id"])
    assert ws.db["links"].count == 0


def test_an_empty_database_of_another_program_is_refused_unless_adopted(tmp_path):
    from planner.errors import EmptyForeignDatabase

    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 7")  # written by another program; no tables
    conn.close()
    before = path.read_bytes()
    with pytest.raises(EmptyForeignDatabase, match="empty SQLite database that another program made"):
        open_workspace(path)
    assert path.read_bytes() == before
    with open_workspace(path, adopt_empty=True) as ws:
        assert "items" in ws.db.table_names()


def test_a_creation_cut_short_is_finished_when_opened_again(tmp_path):
    path = tmp_path / "w.db"
    db = sqlite_utils.Database(path)
    first = [m.name for m in migrations.pending(db)][:1]
    rest = [m.name for m in migrations.pending(db)][1:]
    migrations.apply(db, stop_before=rest[0] if rest else None)  # killed after the first step, before marking
    assert [m.name for m in migrations.applied(db)] == first
    db.close()
    with open_workspace(path) as ws:
        assert migrations.pending(ws.db) == []
        ops.add_item(ws, title="Works")


def test_text_that_is_not_utf8_is_a_one_line_message_without_the_garbage(tmp_path):
    from planner.errors import WorkspaceDamaged
    from planner.storage.failures import explain

    path = tmp_path / "w.db"
    with open_workspace(path) as ws:
        ops.add_item(ws, title="Fine")
        ws.db.execute("UPDATE items SET description = CAST(x'ff1b5d303b70776e6564' AS TEXT)")
        with pytest.raises(sqlite3.OperationalError) as raw:
            ops.list_items(ws)
    error = explain(raw.value, path)
    assert isinstance(error, WorkspaceDamaged)
    assert "not valid UTF-8 (in a description field)" in str(error) and "\x1b" not in str(error) and "\n" not in str(error)
