"""The house rules: the core never imports Qt; the GUI never talks SQL."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_planner_imports_no_qt():
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "planner").rglob("*.py") if _imports(p) & {"PySide6", "shiboken6", "ui"}]
    assert offenders == []


def test_ui_runs_no_sql():
    pattern = re.compile(r"sqlite_utils|sqlite3|\bSELECT\b|\bINSERT INTO\b|\bUPDATE [a-z_]+ SET\b")
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


# SQL in any form: statements, sqlite-utils' table access (`ws.db["items"]`, `.rows_where`, `.count_where`,
# `.query(`/`.execute(` on a database) and fragments of WHERE clauses.
SQL = re.compile(
    r"\b(SELECT|INSERT INTO|INSERT OR|DELETE FROM|CREATE TABLE|CREATE INDEX|UPDATE \w+ SET|PRAGMA)\b"
    r"|\bdb\[|\.rows_where\(|\.count_where\(|\bdb\.(query|execute|executescript|conn)\b"
    r"|[\"'][^\"']*\b\w+ = \?[^\"']*[\"']"
)


def test_sql_lives_in_storage():
    offenders = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in (ROOT / "planner").rglob("*.py")
        if p.relative_to(ROOT / "planner").parts[0] != "storage"
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if SQL.search(line)
    ]
    assert offenders == []


def test_the_sql_rule_catches_every_form_it_forbids():
    forbidden = ['ws.db["items"].insert(row)', 'ws.db["lanes"].count_where("kind = ?", [k])',
                 'table.rows_where("name = ? COLLATE NOCASE", [n])', 'ws.db.execute("SELECT 1")',
                 'conn.execute("UPDATE items SET x = 1")', '"id = ? AND kind = ?"']
    allowed = ['ops.edit_item(ws, 7, effort=2)', 'queries.lane_named(ws, name)', '"Select a lane"']
    assert [line for line in forbidden if not SQL.search(line)] == []
    assert [line for line in allowed if SQL.search(line)] == []


def test_opening_a_workspace_does_not_import_pandas():
    """pandas costs about half a second: keep it off the path to the first window."""
    import subprocess
    import sys

    code = (
        "import sys; from planner.storage import open_workspace; from planner import ops;"
        "import tempfile, os; ws = open_workspace(os.path.join(tempfile.mkdtemp(), 'w.db'));"
        "ops.add_item(ws, title='x'); ops.list_items(ws); print('pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
