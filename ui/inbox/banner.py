"""The inbox's strip above the list: what the last action did, how to undo it, and the repeats it can do the same to."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from ui import hotkeys
from ui.i18n import tr
from ui.roadmap.style import current_theme


def key_text(key) -> str:
    """A shortcut as this platform writes it ("Ctrl+Z", "⌘Z")."""
    return QKeySequence(key).toString(QKeySequence.NativeText)


class FlowBanner(QFrame):
    """`said(text)` shows what happened; `offer(text, button)` adds the one-key offer; `accepted` when taken."""

    accepted = Signal()
    undo = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("flowBanner")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.offer_label = QLabel()
        self.offer_label.setWordWrap(True)
        font = self.offer_label.font()
        font.setBold(True)
        self.offer_label.setFont(font)
        self.accept_button = QPushButton()
        self.undo_button = QPushButton(tr("Undo ({key})").format(key=key_text(hotkeys.UNDO)))
        for button in (self.accept_button, self.undo_button):
            button.setFocusPolicy(Qt.NoFocus)  # the keys stay with the request list
        self.accept_button.clicked.connect(self.accepted)
        self.undo_button.clicked.connect(self.undo)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 3)
        row.addWidget(self.offer_label, 3)
        row.addWidget(self.accept_button)
        row.addWidget(self.undo_button)
        self._restyle()
        self.clear()

    def said(self, text: str) -> None:
        """Show what the last action did; any earlier offer is gone (it was about the request before)."""
        self.label.setText(text)
        self.withdraw()
        self.setVisible(True)

    def offer(self, text: str, button: str) -> None:
        self.offer_label.setText(text)
        self.accept_button.setText(f"{button} ({key_text(hotkeys.TRIAGE_SAME_TOO)})")
        self.offer_label.setVisible(True)
        self.accept_button.setVisible(True)
        self.setVisible(True)

    def withdraw(self) -> None:
        self.offer_label.clear()
        self.offer_label.setVisible(False)
        self.accept_button.setVisible(False)

    @property
    def offering(self) -> bool:
        return not self.accept_button.isHidden()

    def clear(self) -> None:
        self.label.clear()
        self.withdraw()
        self.setVisible(False)

    def _restyle(self) -> None:
        theme = current_theme()
        sheet = (f"QFrame#flowBanner {{ background: {theme.banner.name()}; border-radius: 4px; }}"
                 f" QFrame#flowBanner QLabel {{ color: {theme.text.name()}; }}")
        if sheet != self.styleSheet():  # a style sheet changes the palette: set it only when it differs
            self.setStyleSheet(sheet)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.PaletteChange, QEvent.ApplicationPaletteChange):
            self._restyle()
