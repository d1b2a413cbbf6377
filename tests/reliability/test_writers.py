"""Two writers on one workspace: the second waits its turn, or says in one line that it is busy."""

import json
import subprocess
import sys
import time

from processes import ROOT, cli_env, item_titles


def test_a_command_waits_for_a_write_that_ends_soon(tmp_path, holder, cli):
    db = tmp_path / "plan.db"
    assert cli(db, "item-add", "First").returncode == 0
    window = holder(db)
    window.proc.stdin.write("hold 1.5\n")
    window.proc.stdin.flush()
    assert window.proc.stdout.readline().strip() == "holding"
    started = time.monotonic()
    added = cli(db, "item-add", "Second", "--effort", "2")
    waited = time.monotonic() - started
    assert added.returncode == 0, added.stderr
    assert waited >= 1.0  # it waited for the lock instead of failing at once
    assert window.proc.stdout.readline().strip() == "released"
    assert item_titles(db) == ["First", "Second"]


def test_every_write_command_says_busy_in_one_line_and_changes_nothing(tmp_path, holder, cli, monkeypatch):
    db = tmp_path / "plan.db"
    assert cli(db, "item-add", "First").returncode == 0
    metrics = tmp_path / "metrics.csv"
    metrics.write_text("metric,date,value\nWAU,2026-10-01,5190\n")
    window = holder(db)
    window.proc.stdin.write("hold 30\n")
    window.proc.stdin.flush()
    assert window.proc.stdout.readline().strip() == "holding"
    monkeypatch.setenv("PLANNER_BUSY_TIMEOUT", "0.3")
    for args in (["item-add", "Blocked"], ["item-set", "1", "--effort", "3"], ["demo"], ["metrics-import", metrics]):
        done = cli(db, *args)
        assert done.returncode == 2, (args, done.stderr)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
        assert "is busy" in lines[0] and "Nothing was changed." in lines[0], lines[0]
    window.proc.kill()
    window.proc.wait()
    assert item_titles(db) == ["First"]
    shown = json.loads(cli(db, "items", "--json").stdout)
    assert shown[0]["effort"] is None


def test_two_command_lines_adding_at_once_lose_nothing(tmp_path, cli):
    db = tmp_path / "plan.db"
    assert cli(db, "status").returncode == 0
    script = (
        "import sys; from planner.storage import open_workspace; from planner import ops\n"
        "ws = open_workspace(sys.argv[1]); tag = sys.argv[2]\n"
        "for n in range(40): ops.add_item(ws, title=f'{tag} {n}')\n"
        "ws.close()\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(db), tag], env=cli_env(tmp_path), cwd=ROOT,
                         stderr=subprocess.PIPE, text=True)
        for tag in ("left", "right")
    ]
    for p in procs:
        assert p.wait(60) == 0, p.stderr.read()
    titles = item_titles(db)
    assert len(titles) == 80 and len(set(titles)) == 80
