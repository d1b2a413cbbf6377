"""Several connections and processes on one workspace: nothing drops another's locks."""

import json

from planner.storage import open_workspace
from processes import item_titles


def test_window_background_task_and_command_line_keep_every_edit(tmp_path, holder, cli):
    db = tmp_path / "plan.db"
    assert cli(db, "item-add", "Before the window").returncode == 0
    window = holder(db)
    window.ask("add Made in the window")
    window.ask("bg")  # a background task opens and closes its own connection
    status = cli(db, "status")  # the command line opens and closes the file
    assert status.returncode == 0, status.stderr
    assert (tmp_path / "plan.db-wal").exists() and (tmp_path / "plan.db-shm").exists()

    window.ask("add After the command line")
    added = cli(db, "item-add", "From the command line")
    assert added.returncode == 0, added.stderr
    assert window.ask("count") == "4"  # the window sees the command line's item
    listed = json.loads(cli(db, "items", "--json").stdout)
    assert {i["title"] for i in listed} == {
        "Before the window", "Made in the window", "After the command line", "From the command line",
    }
    window.quit()
    assert set(item_titles(db)) == {i["title"] for i in listed}
    with open_workspace(db) as ws:
        assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_many_background_connections_while_the_command_line_writes(tmp_path, holder, cli):
    db = tmp_path / "plan.db"
    assert cli(db, "status").returncode == 0
    window = holder(db)
    for n in range(5):
        window.ask(f"add window {n}")
        window.ask("bg")
        assert cli(db, "item-add", f"cli {n}").returncode == 0
    assert window.ask("count") == "10"
    window.quit()
    assert len(item_titles(db)) == 10
