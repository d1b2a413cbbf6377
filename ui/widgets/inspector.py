"""The parts of an inspector panel: collapsible sections of compact form rows, a number line, a text that commits.

Editors here say when the user changed them (`edited`) and when the change is
meant (`committed`: Return, focus leaving, Ctrl+Enter in a longer text). Setting
their value from code fires neither.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QToolButton, QVBoxLayout, QWidget,
)


def typed_number(text: str):
    """A typed number as a float (1,000 / 2.5 / 80% / the locale's own way), None when blank.

    Text that is no number comes back as typed, stripped: whoever stores it says why it is refused.
    """
    text = (text or "").strip()
    bare = text.rstrip("%").strip()
    if not bare:
        return None
    number, ok = QLocale().toDouble(bare)
    if ok:
        return number
    try:
        return float(bare.replace(",", "").replace(" ", ""))
    except ValueError:
        return text


def number_text(value) -> str:
    """A stored number as an editor shows it: 2, 0.25, 1500000 (no exponent, no trailing zeros)."""
    if value is None:
        return ""
    value = float(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


class NumberEdit(QLineEdit):
    """A number or nothing. `value()` is a float, None when blank, or the text when it is no number."""

    edited = Signal()
    committed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.textEdited.connect(lambda _text: self.edited.emit())
        self.editingFinished.connect(self.committed.emit)

    def value(self):
        return typed_number(self.text())

    def set_value(self, value) -> None:
        text = number_text(value)
        if self.text() != text:
            with QSignalBlocker(self):
                self.setText(text)


class CommitTextEdit(QPlainTextEdit):
    """Longer text committed when focus leaves it or on Ctrl+Enter; Tab moves on instead of typing a tab."""

    edited = Signal()
    committed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.textChanged.connect(self.edited.emit)

    def set_text(self, text: str | None) -> None:
        if self.toPlainText() != (text or ""):
            with QSignalBlocker(self):
                self.setPlainText(text or "")

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and event.modifiers() & Qt.ControlModifier:
            self.committed.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.PopupFocusReason:  # its own context menu: still editing
            self.committed.emit()


class Section(QWidget):
    """A titled group of form rows that folds away; the title is a toggle, a note may stand beside it."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.toggle = QToolButton()
        self.toggle.setText(title)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.DownArrow)
        self.toggle.setFocusPolicy(Qt.NoFocus)  # Tab walks the fields, not the section titles
        self.toggle.setStyleSheet("QToolButton { font-weight: 600; border: none; padding: 2px 0; }")
        self.toggle.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self.toggle.toggled.connect(self._toggled)
        self.note = QLabel()
        self.note.setStyleSheet("color: palette(mid)")
        self.note.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)  # a narrow panel cuts the note, not the form
        self.note.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.note.hide()
        rule = QFrame()
        rule.setFrameShape(QFrame.HLine)
        rule.setFrameShadow(QFrame.Sunken)

        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.toggle)
        head.addWidget(self.note, 1)
        self.body = QWidget()
        stack = QVBoxLayout(self.body)
        stack.setContentsMargins(16, 2, 0, 6)
        stack.setSpacing(4)
        self.form = QFormLayout()
        self.form.setContentsMargins(0, 0, 0, 0)
        stack.addLayout(self.form)
        self.below = QVBoxLayout()  # wide, wrapping text under the rows (a form lays out wrapped labels badly)
        self.below.setContentsMargins(0, 0, 0, 0)
        stack.addLayout(self.below)
        self.form.setHorizontalSpacing(8)
        self.form.setVerticalSpacing(4)
        self.form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.WrapLongRows)  # a narrow panel puts the label above its field
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(rule)
        layout.addLayout(head)
        layout.addWidget(self.body)

    def title(self) -> str:
        return self.toggle.text()

    def is_expanded(self) -> bool:
        return self.toggle.isChecked()

    def set_expanded(self, on: bool) -> None:
        self.toggle.setChecked(on)

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def add_row(self, label: str, widget: QWidget, tooltip: str | None = None) -> QLabel:
        caption = QLabel(label)
        if tooltip:
            caption.setToolTip(tooltip)
            widget.setToolTip(tooltip)
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)
        return caption

    def add_wide(self, widget: QWidget) -> None:
        """A widget the whole width of the section, under its rows."""
        self.below.addWidget(widget)

    def set_row_visible(self, widget: QWidget, on: bool) -> None:
        self.form.setRowVisible(widget, on)

    def _toggled(self, on: bool) -> None:
        self.toggle.setArrowType(Qt.DownArrow if on else Qt.RightArrow)
        self.body.setVisible(on)
