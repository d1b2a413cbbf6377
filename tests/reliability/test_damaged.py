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
