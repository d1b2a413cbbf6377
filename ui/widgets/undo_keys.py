"""The window's undo and redo keys in a dialog that stays open beside it (Lanes, Release Notes).

A non-modal dialog is a window of its own: the main window's Ctrl+Z does not
reach it, so a PdM who just marked ten people informed there pressed Ctrl+Z and
nothing happened. These actions undo the same history; a text field being
edited keeps Ctrl+Z for its own text, as Qt gives the focused editor first say.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui import hotkeys
from ui.i18n import tr


def add_undo_keys(widget: QWidget, ctx) -> None:
    """Ctrl+Z and the redo key in `widget`'s window undo and redo the workspace's last change."""
    undo = ctx.undo_stack.createUndoAction(widget, tr("&Undo"))
    undo.setShortcut(hotkeys.UNDO)
    redo = ctx.undo_stack.createRedoAction(widget, tr("&Redo"))
    redo.setShortcut(hotkeys.REDO)
    widget.addActions([undo, redo])
