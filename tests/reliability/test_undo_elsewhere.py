"""Undo in one process after the command line changed the workspace: it keeps the other's work."""

import pytest

from planner import ops
from planner.storage import open_workspace


@pytest.fixture
def window_ws(tmp_path):
    ws = open_workspace(tmp_path / "plan.db")
    yield ws
    ws.close()


def test_undo_keeps_a_field_the_command_line_changed_and_refuses_to_overwrite_the_same_one(tmp_path, window_ws, cli):
    item = ops.add_item(window_ws, title="SSO", effort=3)
    effort = ops.edit_item(window_ws, item["id"], effort=5)
    reach = ops.edit_item(window_ws, item["id"], reach=40)
    assert cli(window_ws.path, "item-set", item["id"], "--effort", "8").returncode == 0

    ops.undo(window_ws, reach)  # reach is still as this window left it: undone
    with pytest.raises(ops.StaleUndo, match="was changed since") as refused:
        ops.undo(window_ws, effort)  # effort was changed by the command line: kept
    assert "another window or by the command line" in refused.value.hint
    row = ops.get_item(window_ws, item["id"])
    assert (row["effort"], row["reach_manual"], row["reach_mode"]) == (8, None, item["reach_mode"])


def test_redo_of_a_deleted_item_refuses_when_the_command_line_took_its_id(tmp_path, window_ws, cli):
    ops.add_item(window_ws, title="First")
    made = ops.add_item(window_ws, title="Gantt")
    undone = ops.undo(window_ws, made)
    added = cli(window_ws.path, "item-add", "Kanban", "--json")
    assert added.returncode == 0, added.stderr
    with pytest.raises(ops.StaleUndo, match="“Kanban” exists now"):
        ops.redo(window_ws, undone)
    assert [i["title"] for i in ops.list_items(window_ws)] == ["First", "Kanban"]
