"""Combo boxes whose choices come from the workspace and change under the user."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox

_CURRENT = object()


def refill_combo(combo: QComboBox, choices, *, select=_CURRENT) -> bool:
    """Make `choices` ((text, data), ...) the entries of `combo` and select `select`.

    `select` is data to select, by default the data selected now: a refill
    keeps the user's choice. When it is not among the choices the first entry
    is selected. Emits no change signal (the user chose nothing), and leaves
    the entries alone when they are the same (refilling a long list on every
    change is wasted work). Returns whether `select` was found.
    """
    wanted = combo.currentData() if select is _CURRENT else select
    choices = [(text, data) for text, data in choices]
    with QSignalBlocker(combo):
        if choices != [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]:
            combo.clear()
            for text, data in choices:
                combo.addItem(text, data)
        at = combo.findData(wanted)
        combo.setCurrentIndex(max(at, 0))
    return at >= 0
