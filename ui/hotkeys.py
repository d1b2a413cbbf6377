"""Every keyboard shortcut of the app, in one place.

Standard keys come from `QKeySequence.StandardKey` so each platform gets its
own convention (Cmd on macOS); the rest are spelled once here so two features
never claim the same key and a user can find them all in one file.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

NEW_ITEM = QKeySequence.StandardKey.New  # the PdM adds items far more often than workspaces
NEW_WORKSPACE = QKeySequence("Ctrl+Shift+N")
OPEN = QKeySequence.StandardKey.Open
# Spelled out: some Linux desktops bind no standard Quit key ("Ctrl" is Cmd on macOS).
QUIT = QKeySequence("Ctrl+Q")
FIND = QKeySequence.StandardKey.Find
UNDO = QKeySequence("Ctrl+Z")
REDO = QKeySequence("Ctrl+Shift+Z")
IMPORT_CSV = QKeySequence("Ctrl+I")
EXPORT = QKeySequence("Ctrl+E")
OPEN_DEMO = QKeySequence("Ctrl+Shift+D")
SCORING_SETTINGS = QKeySequence("Ctrl+,")
IMPORT_BATCHES = QKeySequence("Ctrl+Shift+I")
WORKSPACE_SETTINGS = QKeySequence("Ctrl+Shift+,")
EDIT_LANES = QKeySequence("Ctrl+Shift+L")
# One key per view, in the order of the navigation list.
VIEWS = tuple(QKeySequence(f"Ctrl+{n}") for n in range(1, 7))

# Backlog
DELETE_ITEM = QKeySequence.StandardKey.Delete
BULK_EDIT = QKeySequence("Ctrl+B")
PIN_ITEM = QKeySequence("Ctrl+P")
CLEAR_SEARCH = QKeySequence("Escape")
