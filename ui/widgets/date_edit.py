"""A date that may also be blank: typed as 2026-04-01 or picked from a calendar, cleared with the line's clear button."""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction

from ui.i18n import tr

_TYPED = re.compile(r"^\s*(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*$")


def typed_date(text: str) -> str | None:
    """ISO text of a typed date (2026-4-1, 2026/04/01 and 2026.4.1 read as 2026-04-01), None when blank.

    Text that is no date comes back as typed, stripped: whoever stores it says why it is refused.
    """
    text = (text or "").strip()
    if not text:
        return None
    found = _TYPED.match(text)
    if found:
        day = QDate(*(int(part) for part in found.groups()))
        if day.isValid():
            return day.toString(Qt.ISODate)
    return text


class BlankableDateEdit(QWidget):
    """A line for the date (blank: no date) with a calendar button beside it.

    `edited` fires as the user types; `committed` when a date is picked, Return is
    pressed or the line loses focus. `setText` never fires either.
    """

    edited = Signal()
    committed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText(tr("No date (YYYY-MM-DD)"))
        self.line.setClearButtonEnabled(True)
        self.line.textEdited.connect(lambda _text: self.edited.emit())
        self.line.editingFinished.connect(self.committed.emit)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._before_calendar)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip(tr("Pick a date"))
        self.button.setFocusPolicy(Qt.NoFocus)  # Tab walks the fields, not their buttons
        self.button.setPopupMode(QToolButton.InstantPopup)
        self.button.setMenu(menu)
        self.menu = menu
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str | None) -> None:
        if self.line.text() != (text or ""):
            with QSignalBlocker(self.line):
                self.line.setText(text or "")

    def value(self) -> str | None:
        """The date as ISO text, None when blank (unreadable text comes back as typed)."""
        return typed_date(self.line.text())

    def _before_calendar(self) -> None:
        day = QDate.fromString(self.value() or "", Qt.ISODate)
        with QSignalBlocker(self.calendar):
            self.calendar.setSelectedDate(day if day.isValid() else QDate.currentDate())

    def _picked(self, day: QDate) -> None:
        self.menu.hide()
        with QSignalBlocker(self.line):
            self.line.setText(day.toString(Qt.ISODate))
        self.edited.emit()
        self.committed.emit()
