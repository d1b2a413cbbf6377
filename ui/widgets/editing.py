"""Is the user typing in a table right now? Refreshes and saves wait while they are."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QApplication


def editing_in_a_view() -> bool:
    """True while the user types in a table's inline editor (an estimate in the backlog, say)."""
    widget = QApplication.focusWidget()
    while widget is not None:
        if isinstance(widget, QAbstractItemView) and widget.state() == QAbstractItemView.EditingState:
            return True
        widget = widget.parentWidget()
    return False
