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


def _module_graph() -> dict[str, set[str]]:
    """Which of our modules each of our modules imports when it is loaded (imports at its top level)."""
    files = {}
    for top in ("planner", "ui"):
        for path in (ROOT / top).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            files[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            else:
                continue
            graph[name].update(t for t in targets if t in files and t != name)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_the_import_graph_has_no_cycle():
    assert _cycles(_module_graph()) == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
