"""The window shares its workspace with the command line and other windows, and says when it cannot write."""

import subprocess
import sys
import time
from pathlib import Path

from planner import ops
from planner.storage import open_workspace

ROOT = Path(__file__).resolve().parents[2]


def test_a_change_from_the_command_line_shows_within_a_second(qtbot, window, demo_ws, tmp_path):
    before = window.backlog.model.rowCount()
    done = subprocess.run([sys.executable, "-m", "planner", "--db", str(demo_ws.path), "item-add", "Added in a terminal"],
                          capture_output=True, text=True, cwd=ROOT, env={"XDG_DATA_HOME": str(tmp_path / "x"),
                                                                          "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    started = time.monotonic()
    qtbot.waitUntil(lambda: window.backlog.model.rowCount() == before + 1, timeout=3000)
    assert time.monotonic() - started < 2.5
    model = window.backlog.model
    shown = {str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(model.columnCount())}
    assert "Added in a terminal" in shown


def test_an_edit_while_another_process_writes_says_busy_and_changes_nothing(qtbot, window, demo_ws, messages):
    item_id = window.backlog.model.item_id(0)
    effort = ops.get_item(demo_ws, item_id)["effort"]
    other = open_workspace(demo_ws.path, migrate=False)
    other.conn.execute("BEGIN IMMEDIATE")  # another window in the middle of a long write
    demo_ws.conn.execute("PRAGMA busy_timeout = 200")
    try:
        started = time.monotonic()
        ok = window.backlog.edit_field(item_id, "effort", (effort or 1) + 7)
        waited = time.monotonic() - started
    finally:
        other.conn.execute("ROLLBACK")
        other.close()
    assert not ok and waited < 2
    assert "is busy" in messages[-1]["text"]
    assert "Nothing was changed." in messages[-1]["informative"]
    assert not window.undo_action.isEnabled()  # nothing to undo: nothing happened
    assert ops.get_item(demo_ws, item_id)["effort"] == effort


def test_a_failed_undo_can_be_tried_again(qtbot, window, demo_ws, messages):
    item_id = window.backlog.model.item_id(0)
    effort = ops.get_item(demo_ws, item_id)["effort"]
    assert window.backlog.edit_field(item_id, "effort", (effort or 1) + 7)
    stack = window.ctx.undo_stack
    other = open_workspace(demo_ws.path, migrate=False)
    other.conn.execute("BEGIN IMMEDIATE")
    demo_ws.conn.execute("PRAGMA busy_timeout = 200")
    try:
        stack.undo()
        qtbot.wait(50)  # the stack puts its position back on the next turn of the event loop
    finally:
        other.conn.execute("ROLLBACK")
        other.close()
    assert "is busy" in messages[-1]["text"]
    assert stack.canUndo() and stack.index() == 1
    assert ops.get_item(demo_ws, item_id)["effort"] == (effort or 1) + 7
    stack.undo()
    assert ops.get_item(demo_ws, item_id)["effort"] == effort
    stack.redo()
    assert ops.get_item(demo_ws, item_id)["effort"] == (effort or 1) + 7


def test_a_second_start_on_the_same_workspace_brings_the_first_window_forward(qtbot, tmp_path):
    from PySide6.QtWidgets import QWidget

    from ui.single_instance import WorkspaceServer, ask_running_window

    owner = QWidget()  # the servers go with it, while the application still exists
    qtbot.addWidget(owner)
    first, other = tmp_path / "plan.db", tmp_path / "other.db"
    server = WorkspaceServer(owner)
    assert server.listen(first)
    try:
        assert not ask_running_window(other)  # a window on another workspace is not disturbed
        with qtbot.waitSignal(server.raise_requested, timeout=3000):
            assert ask_running_window(first)
        second = WorkspaceServer(owner)
        assert not second.listen(first)  # a live window keeps its workspace's socket
    finally:
        server.server.close()
    assert not ask_running_window(first)
