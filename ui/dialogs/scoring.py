"""Scoring settings: method, time window, segment and importance weights.

Applying rescores at once (every view listening to "settings"/"scores"
redraws) and is one undoable step, so trying another method costs nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QVBoxLayout,
)

from planner import ops
from planner.scoring import METHODS, get_scoring_settings
from ui.i18n import tr
from ui.operations import settings as actions
from ui.widgets.combos import refill_combo

METHOD_LABELS = {
    "rice": QT_TRANSLATE_NOOP("", "RICE — reach × impact × confidence ÷ effort"),
    "value-effort": QT_TRANSLATE_NOOP("", "Value ÷ effort"),
    "ice": QT_TRANSLATE_NOOP("", "ICE — impact × confidence × ease"),
    "wsjf": QT_TRANSLATE_NOOP("", "WSJF — cost of delay ÷ job size"),
}
IMPORTANCE_LABELS = {
    "nice_to_have": QT_TRANSLATE_NOOP("", "Nice to have"),
    "important": QT_TRANSLATE_NOOP("", "Important"),
    "critical": QT_TRANSLATE_NOOP("", "Critical"),
}
SHOWN_KEYS = ("method", "window_days", "segment", "importance_weights")


class ScoringSettingsDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Scoring Settings"))
        self.method = QComboBox()
        for method in METHODS:
            self.method.addItem(tr(METHOD_LABELS.get(method, method)), method)
        self.window_days = QSpinBox()
        self.window_days.setRange(1, 3660)
        self.window_days.setSuffix(tr(" days"))
        self.window_days.setToolTip(tr("Only requests made within this many days count as demand."))
        self.segment = QComboBox()
        self.segment.setToolTip(tr("Count only the demand of companies in this segment."))
        self.weights = {}
        weights_box = QGroupBox(tr("Importance weights"))
        weights_form = QFormLayout(weights_box)
        for key, label in IMPORTANCE_LABELS.items():
            spin = QDoubleSpinBox()
            spin.setRange(0, 100)
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            self.weights[key] = spin
            weights_form.addRow(tr(label), spin)
        hint = QLabel(tr("A request counts with the weight of how important it is to the customer "
                         "(used when reach is weighted)."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid)")
        weights_form.addRow(hint)

        form = QFormLayout()
        form.addRow(tr("Method"), self.method)
        form.addRow(tr("Time window"), self.window_days)
        form.addRow(tr("Segment"), self.segment)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.Ok | QDialogButtonBox.Apply | QDialogButtonBox.Cancel | QDialogButtonBox.RestoreDefaults
        )
        self.buttons.button(QDialogButtonBox.Apply).clicked.connect(self.apply)
        self.buttons.button(QDialogButtonBox.RestoreDefaults).clicked.connect(self.restore_defaults)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(weights_box)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.load()

    def load(self) -> None:
        settings = get_scoring_settings(self.ctx.ws)
        self._show(settings)

    def _show(self, settings: dict) -> None:
        self.method.setCurrentIndex(max(self.method.findData(settings["method"]), 0))
        self.window_days.setValue(int(settings["window_days"]))
        segments = sorted({c["segment"] for c in ops.list_companies(self.ctx.ws) if c.get("segment")}, key=str.casefold)
        chosen = settings.get("segment")
        if chosen and chosen not in segments:
            segments.append(chosen)  # no company is in it now, yet it is what scoring uses
        refill_combo(self.segment, [(tr("All segments"), None)] + [(s, s) for s in segments], select=chosen)
        for key, spin in self.weights.items():
            spin.setValue(float(settings["importance_weights"].get(key, 0)))

    def values(self) -> dict:
        return {
            "method": self.method.currentData(),
            "window_days": self.window_days.value(),
            "segment": self.segment.currentData(),
            "importance_weights": {k: spin.value() for k, spin in self.weights.items()},
        }

    def restore_defaults(self) -> None:
        from planner.scoring.settings import DEFAULTS

        self._show({**get_scoring_settings(self.ctx.ws), **{k: DEFAULTS[k] for k in SHOWN_KEYS}})

    def apply(self) -> bool:
        """Save the settings and rescore; one undo step back to the previous settings."""
        before = {k: v for k, v in get_scoring_settings(self.ctx.ws).items() if k in SHOWN_KEYS}
        after = self.values()
        if after == before:
            return True
        return actions.change_scoring(self.ctx, self, before, after) is not None

    def _ok(self) -> None:
        if self.apply():
            self.accept()
