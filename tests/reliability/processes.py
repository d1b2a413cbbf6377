"""Starting the planner's command line as a real process, with the test's own application-data folder."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cli_env(tmp_path) -> dict:
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = str(tmp_path / "appdata")  # leftovers journal and default workspace stay in the test
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_cli(tmp_path, db, *args, timeout=60, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "planner", "--db", str(db), *map(str, args)],
        capture_output=True, text=True, timeout=timeout, env=cli_env(tmp_path), cwd=ROOT, **kw,
    )




def item_titles(db) -> list[str]:
    """The items' titles, oldest first, read straight from the file as another program would."""
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM items ORDER BY id")]
    finally:
        conn.close()
