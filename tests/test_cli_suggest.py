"""`planner suggest REQUEST_ID`: the items a request most likely belongs to, from the command line."""

import json

from cli_run import planner


def _setup(tmp_path):
    """A workspace written here, closed before the command runs on it."""
    from planner import ops
    from planner.storage.db import open_workspace

    path = tmp_path / "w.db"
    ws = open_workspace(path)
    ops.add_item(ws, title="Custom fields on tasks")
    ops.add_item(ws, title="IP allow-list for admins")
    request_id = ops.add_request(ws, title="Allow more than 10 custom fields").value["id"]
    ws.close()
    return str(path), request_id


def test_suggest_json_lists_items_best_first_with_a_reason(tmp_path):
    db, request_id = _setup(tmp_path)
    rows = json.loads(planner("--db", db, "suggest", str(request_id), "--json").stdout)
    assert [r["title"] for r in rows] == ["Custom fields on tasks"]
    assert set(rows[0]) == {"item_id", "title", "score", "reason"}
    assert 0 < rows[0]["score"] <= 100
    assert rows[0]["reason"]["kind"] == "title"
    assert rows[0]["reason"]["summary"] == "Its title says “Custom fields on tasks”"


def test_suggest_prints_a_table_for_people(tmp_path):
    db, request_id = _setup(tmp_path)
    out = planner("--db", db, "suggest", str(request_id), "--limit", "1").stdout
    lines = out.splitlines()
    assert lines[0].split() == ["item_id", "score", "title", "reason"]
    assert "Custom fields on tasks" in lines[1] and len(lines) == 2


def test_suggest_for_an_unknown_request_is_one_line_and_exit_2(tmp_path):
    db, _ = _setup(tmp_path)
    result = planner("--db", db, "suggest", "999", check=False)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "planner: There is no request 999. `planner requests` lists the requests and their ids."]
