"""The line an empty view shows: what to do next, with the buttons that do it."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class EmptyHint(QWidget):
    """A hint and its buttons; `buttons` are (text, slot) pairs, kept by text in `self.buttons`."""

    def __init__(self, text: str, buttons=(), parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 8, 4, 8)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        row.addWidget(self.label, 1)
        self.buttons: dict[str, QPushButton] = {}
        for label, slot in buttons:
            button = QPushButton(label)
            button.clicked.connect(lambda checked=False, slot=slot: slot())
            row.addWidget(button)
            self.buttons[label] = button
        self.hide()


def window_call(widget, name: str, *args):
    """Ask the main window to do something (open a dialog, import a file); nothing when there is no such window."""
    method = getattr(widget.window(), name, None)
    return method(*args) if callable(method) else None
