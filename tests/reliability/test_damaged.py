"""A damaged workspace, with and without backups: the command line names the way back, and takes it."""

import json


def _damage(path):
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 2, len(data), 4096):  # garbage over every page but the first two
        data[offset + 8: offset + 64] = b"\xff" * 56
    path.write_bytes(bytes(data))


def _fill(cli, db, n=120):
    for k in range(0, n, 40):
        done = cli(db, "demo") if k == 0 else cli(db, "item-add", f"Item {k}", "--effort", "1")
        assert done.returncode == 0, done.stderr


def test_without_a_backup_it_says_so(tmp_path, cli):
    db = tmp_path / "plan.db"
    _fill(cli, db)
    for backup in (tmp_path / "plan.db.backups").glob("*.db"):
        backup.unlink()  # a user who removed the backups folder's files
    _damage(db)
    done = cli(db, "items")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "is damaged" in done.stderr and "There is no backup of it" in done.stderr, done.stderr


def test_with_backups_it_names_the_newest_and_restore_brings_it_back(tmp_path, cli):
    db = tmp_path / "plan.db"
    _fill(cli, db)
    made = cli(db, "backup", "--json")
    assert made.returncode == 0, made.stderr
    newest = json.loads(made.stdout)["file"]
    items = len(json.loads(cli(db, "items", "--json").stdout))
    _damage(db)
    done = cli(db, "items")
    assert done.returncode == 2 and newest in done.stderr and "restore" in done.stderr, done.stderr
    restored = cli(db, "restore", newest)
    assert restored.returncode == 0, restored.stderr
    assert "moved aside" in restored.stdout
    assert len(json.loads(cli(db, "items", "--json").stdout)) == items
    assert list(tmp_path.glob("plan.db.damaged-*"))  # what was damaged is kept, never deleted


def test_an_empty_database_of_another_program_is_not_taken_over(tmp_path, cli):
    import sqlite3

    path = tmp_path / "notes.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 3")
    conn.close()
    before = path.read_bytes()
    done = cli(path, "item-add", "Mine")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "another program made" in done.stderr
    assert path.read_bytes() == before


def test_text_damaged_inside_the_file_is_one_line_without_the_garbage(tmp_path, cli):
    import sqlite3

    db = tmp_path / "plan.db"
    assert cli(db, "item-add", "Fine").returncode == 0
    conn = sqlite3.connect(db)
    conn.execute("UPDATE items SET title = CAST(x'1b5d303b70776e656407ff' AS TEXT)")  # an escape and a bad byte
    conn.commit()
    conn.close()
    done = cli(db, "items")
    assert done.returncode == 2, done.stderr
    assert "\x1b" not in done.stderr and "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "not valid UTF-8" in done.stderr
