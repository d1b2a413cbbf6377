"""The inbox's search box and filters, given to `planner.triage.list_inbox` as keyword arguments."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from ui.i18n import tr
from ui.widgets.combos import refill_combo

_NO_DATE = QDate(2000, 1, 1)  # the date edits' "any date" value


class InboxFilters(QWidget):
    """A row of search box, source, company and segment combos, and a date range; `changed` on every edit."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search requests, companies, people…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(140)
        self.source_filter = QComboBox()
        self.company_filter = QComboBox()
        self.segment_filter = QComboBox()
        # Long company names must not push the search box off a laptop screen.
        for combo, width in ((self.source_filter, 140), (self.company_filter, 180), (self.segment_filter, 130)):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.setMaximumWidth(width)
        self.since = _date_edit()
        self.until = _date_edit()
        self.clear_filters_button = QToolButton()
        self.clear_filters_button.setText(tr("Clear"))
        self.clear_filters_button.setToolTip(tr("Clear the search and every filter"))
        self.clear_filters_button.setFocusPolicy(Qt.NoFocus)
        self.clear_filters_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 4)
        for label, widget in ((tr("Source"), self.source_filter), (tr("Company"), self.company_filter),
                              (tr("Segment"), self.segment_filter), (tr("From"), self.since), (tr("To"), self.until)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            layout.addWidget(caption)
            layout.addWidget(widget)
        layout.addWidget(self.clear_filters_button)

        self.search.textChanged.connect(self._changed)
        for combo in self._combos():
            combo.currentIndexChanged.connect(self._changed)
        self.since.dateChanged.connect(self._changed)
        self.until.dateChanged.connect(self._changed)
        self.clear_filters_button.clicked.connect(self.clear)

    def _combos(self) -> tuple[QComboBox, ...]:
        return (self.source_filter, self.company_filter, self.segment_filter)

    def _changed(self, *_args) -> None:
        self.clear_filters_button.setVisible(self.filtering())
        self.changed.emit()

    def fill(self, values: dict) -> None:
        """Offer the values of `planner.triage.inbox_filters`, keeping each combo's choice."""
        for combo, key, everything in (
            (self.source_filter, "sources", tr("All sources")),
            (self.company_filter, "companies", tr("All companies")),
            (self.segment_filter, "segments", tr("All segments")),
        ):
            current = combo.currentData()
            wanted = list(values[key])
            # A value being filtered on stays even when its last request leaves the inbox,
            # so the list does not jump to everything under the user's hands.
            if current is not None and current not in wanted:
                wanted.append(current)
            refill_combo(combo, [(everything, None)] + [(value, value) for value in wanted])
        self.clear_filters_button.setVisible(self.filtering())

    def values(self) -> dict:
        """The keyword arguments of `planner.triage.list_inbox`."""
        since = self.since.date()
        until = self.until.date()
        return dict(
            search=self.search.text().strip() or None,
            source=self.source_filter.currentData(),
            company=self.company_filter.currentData(),
            segment=self.segment_filter.currentData(),
            since=None if since == _NO_DATE else since.toString("yyyy-MM-dd"),
            until=None if until == _NO_DATE else until.toString("yyyy-MM-dd"),
        )

    def filtering(self) -> bool:
        return any(v is not None for v in self.values().values())

    def clear(self) -> None:
        widgets = (self.search, *self._combos(), self.since, self.until)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for combo in self._combos():
            combo.setCurrentIndex(0)
        self.since.setDate(_NO_DATE)
        self.until.setDate(_NO_DATE)
        for widget in widgets:
            widget.blockSignals(False)
        self._changed()


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setMaximumWidth(115)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(_NO_DATE)
    edit.setSpecialValueText(tr("any"))
    edit.setDate(_NO_DATE)
    return edit
