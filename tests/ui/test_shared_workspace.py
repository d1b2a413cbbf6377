"""The window shares its workspace with the command line and other windows, and says when it cannot write."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from planner import ops
from planner.storage import open_workspace

ROOT = Path(__file__).resolve().parents[2]


def test_a_change_from_the_command_line_shows_without_reopening(qtbot, window, demo_ws, tmp_path):
    before = window.backlog.model.rowCount()
    done = subprocess.run([sys.executable, "-m", "planner", "--db", str(demo_ws.path), "item-add", "Added in a terminal"],
                          capture_output=True, text=True, cwd=ROOT, env={"XDG_DATA_HOME": str(tmp_path / "x"),
                                                                          "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: window.backlog.model.rowCount() == before + 1, timeout=3000)
    model = window.backlog.model
    shown = {str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(model.columnCount())}
    assert "Added in a terminal" in shown


def _hold_write_lock(demo_ws):
    other = open_workspace(demo_ws.path, migrate=False)
    other.conn.execute("BEGIN IMMEDIATE")  # another window or command in the middle of a long write
    return other


def _release(other):
    other.conn.execute("ROLLBACK")
    other.close()


def test_an_edit_while_another_process_writes_is_saved_when_it_ends(qtbot, window, demo_ws, messages):
    item_id = window.backlog.model.item_id(0)
    effort = ops.get_item(demo_ws, item_id)["effort"]
    other = _hold_write_lock(demo_ws)
    demo_ws.conn.execute("PRAGMA busy_timeout = 200")
    try:
        window.backlog.edit_field(item_id, "effort", (effort or 1) + 7)
        assert len(window.ctx.runner.pending) == 1 and not window.undo_action.isEnabled()
        assert "will be saved as soon as the workspace is free" in window.statusBar().currentMessage()
        qtbot.wait(600)  # still busy: it keeps waiting, nothing is lost and nothing is shown as an error
        assert ops.get_item(demo_ws, item_id)["effort"] == effort and len(window.ctx.runner.pending) == 1
    finally:
        _release(other)
    qtbot.waitUntil(lambda: not window.ctx.runner.pending, timeout=3000)
    assert ops.get_item(demo_ws, item_id)["effort"] == (effort or 1) + 7
    assert window.undo_action.isEnabled() and messages == []
    assert window.statusBar().currentMessage() == "Every change is saved."


def test_during_an_import_edits_wait_in_order_without_freezing_the_window(qtbot, window, demo_ws, messages):
    from planner.storage.activity import announce

    first, second = window.backlog.model.item_id(0), window.backlog.model.item_id(1)
    other = _hold_write_lock(demo_ws)
    try:
        with announce(demo_ws.path, "importing requests.csv"):
            window.backlog.edit_field(first, "effort", 11.0)
            window.backlog.edit_field(second, "effort", 12.0)
            window.backlog.edit_field(first, "effort", 13.0)  # the last word on `first` must win
            assert "importing requests.csv" in window.statusBar().currentMessage()
            assert len(window.ctx.runner.pending) == 3
    finally:
        _release(other)
    qtbot.waitUntil(lambda: not window.ctx.runner.pending, timeout=3000)
    assert ops.get_item(demo_ws, first)["effort"] == 13.0 and ops.get_item(demo_ws, second)["effort"] == 12.0
    assert window.ctx.undo_stack.count() == 3 and messages == []


def test_an_edit_that_waits_too_long_is_given_up_with_a_message(qtbot, window, demo_ws, messages, monkeypatch):
    import ui.operations.runner

    monkeypatch.setattr(ui.operations.runner, "PENDING_GIVE_UP_S", 0.5)
    item_id = window.backlog.model.item_id(0)
    effort = ops.get_item(demo_ws, item_id)["effort"]
    other = _hold_write_lock(demo_ws)
    demo_ws.conn.execute("PRAGMA busy_timeout = 100")
    try:
        window.backlog.edit_field(item_id, "effort", (effort or 1) + 7)
        qtbot.waitUntil(lambda: len(messages) > 0, timeout=3000)
    finally:
        _release(other)
    assert "could not be saved" in messages[-1]["text"] and "Nothing was changed." in messages[-1]["informative"]
    assert not window.ctx.runner.pending and not window.undo_action.isEnabled()
    assert window.statusBar().currentMessage() == ""  # neither "will be saved" nor "every change is saved"
    assert ops.get_item(demo_ws, item_id)["effort"] == effort


def test_closing_with_edits_still_waiting_asks_first(qtbot, window, demo_ws, messages):
    other = _hold_write_lock(demo_ws)
    demo_ws.conn.execute("PRAGMA busy_timeout = 100")
    try:
        window.backlog.edit_field(window.backlog.model.item_id(0), "effort", 9.0)
        window.close()
        assert window.isVisible() and "are waiting for the workspace" in messages[-1]["text"]
    finally:
        _release(other)
    qtbot.waitUntil(lambda: not window.ctx.runner.pending, timeout=3000)


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


def test_undo_after_the_command_line_changed_the_same_value_says_so_and_keeps_it(qtbot, window, demo_ws, messages):
    item_id = window.backlog.model.item_id(0)
    title = ops.get_item(demo_ws, item_id)["title"]
    assert window.backlog.edit_field(item_id, "effort", 13)
    stack = window.ctx.undo_stack
    other = open_workspace(demo_ws.path, migrate=False)
    try:
        ops.edit_item(other, item_id, effort=21)
    finally:
        other.close()
    stack.undo()
    qtbot.wait(50)  # the stack puts its position back on the next turn of the event loop
    assert messages[-1]["text"] == (f"Undo Set effort of “{title}” to 13 was not done: "
                                    f"item {item_id} “{title}” was changed since.")
    assert "Nothing was changed." in messages[-1]["informative"]
    assert ops.get_item(demo_ws, item_id)["effort"] == 21
    assert stack.canUndo() and stack.index() == 1  # Undo still offers the step


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


def test_typing_an_estimate_is_not_lost_when_another_process_saves_meanwhile(qtbot, window, demo_ws, tmp_path):
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from ui.backlog import KEYS

    table = window.backlog.table
    item_id = window.backlog.model.item_id(0)
    cell = window.backlog.model.index(0, KEYS.index("effort"))
    table.setCurrentIndex(cell)
    table.edit(cell)
    assert table.state() == QAbstractItemView.EditingState
    editor = QApplication.focusWidget()
    other = open_workspace(demo_ws.path, migrate=False)
    ops.add_item(other, title="Saved by the command line meanwhile")
    other.close()
    qtbot.wait(1500)  # the window's look for changes made elsewhere comes and goes
    assert table.state() == QAbstractItemView.EditingState  # the editor is still open
    qtbot.keyClicks(editor, "\b\b\b\b7")
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: ops.get_item(demo_ws, item_id)["effort"] == 7.0, timeout=2000)
    qtbot.waitUntil(lambda: window.backlog.model.rowCount() == 47, timeout=3000)  # and the other change shows after
