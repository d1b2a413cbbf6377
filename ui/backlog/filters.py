"""The backlog's search field and filters: each narrows the table at once, and they combine."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from planner import ops
from ui import hotkeys
from ui.backlog.model import NO_LANE
from ui.i18n import tr
from ui.widgets.combos import refill_combo
from ui.widgets.labels import kind_label, status_label


class BacklogFilters(QWidget):
    """Search, status, kind, theme, lane and single-customer filters over a `BacklogModel`."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search titles and themes…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.search.textChanged.connect(lambda text: model.set_filter(text=text))
        self.status_filter = self._combo(tr("All statuses"), [(status_label(s), s) for s in ops.STATUSES], "status")
        self.kind_filter = self._combo(tr("All kinds"), [(kind_label(k), k) for k in ops.KINDS], "kind")
        self.theme_filter = self._combo(tr("All themes"), [], "theme")
        self.lane_filter = self._combo(tr("All lanes"), [], "lane")
        self.single_filter = QCheckBox(tr("Single-customer only"))
        self.single_filter.toggled.connect(lambda on: model.set_filter(single=on))

        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.search, 2)
        for w in (self.status_filter, self.kind_filter, self.theme_filter, self.lane_filter, self.single_filter):
            bar.addWidget(w)
        bar.addStretch(0)

        clear = QAction(self)
        clear.setShortcut(hotkeys.CLEAR_SEARCH)
        clear.setShortcutContext(Qt.WidgetShortcut)
        clear.triggered.connect(self.search.clear)
        self.search.addAction(clear)

    def _combo(self, all_text: str, choices: list[tuple[str, str]], key: str) -> QComboBox:
        box = QComboBox()
        refill_combo(box, [(all_text, None)] + choices)
        box.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        box.currentIndexChanged.connect(lambda _i: self.model.set_filter(**{key: box.currentData()}))
        return box

    def set_choices(self, themes: list[str], lanes: list[str]) -> None:
        """Offer these themes and lane names; a chosen one that is gone falls back to all."""
        self._fill(self.theme_filter, "theme", tr("All themes"), [(t, t) for t in themes])
        self._fill(self.lane_filter, "lane", tr("All lanes"), [(tr("No lane"), NO_LANE)] + [(n, n) for n in lanes])

    def _fill(self, box: QComboBox, key: str, all_text: str, choices: list[tuple[str, str]]) -> None:
        current = box.currentData()
        if not refill_combo(box, [(all_text, None)] + choices) and current is not None:
            self.model.set_filter(**{key: None})

    def clear(self) -> None:
        """Show every item again."""
        self.search.clear()
        for box in (self.status_filter, self.kind_filter, self.theme_filter, self.lane_filter):
            box.setCurrentIndex(0)
        self.single_filter.setChecked(False)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.ShortcutFocusReason)
        self.search.selectAll()
