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


def test_sql_lives_in_storage():
    pattern = re.compile(r"\b(SELECT|INSERT INTO|DELETE FROM|CREATE TABLE)\b")
    allowed = {"storage"}
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "planner").rglob("*.py")
        if p.relative_to(ROOT / "planner").parts[0] not in allowed and pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


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
