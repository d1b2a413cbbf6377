"""What a user does in the window that takes more than one step for a test: click, then wait for the work."""

from PySide6.QtCore import Qt


def click_undo_import(qtbot, dialog) -> None:
    """Click the batches dialog's Undo Import and wait for the batch's removal (it runs off the GUI thread)."""
    qtbot.mouseClick(dialog.undo_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.ctx.runner.busy_with is None, timeout=10_000)
