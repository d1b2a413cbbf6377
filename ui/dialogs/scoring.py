"""Scoring settings: method, time window, segment and importance weights.

Applying rescores at once (every view listening to "settings"/"scores"
redraws) and is one undoable step, so trying another method costs nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QSpinBox,
    QVBoxLayout,
)

from planner import ops
from planner.errors import ValidationError
from planner.scoring import METHODS, get_scoring_settings
from planner.scoring.formula import FACTORS, check_formula
from ui.i18n import tr
from ui.operations import settings as actions
from ui.tasks import Latest
from ui.widgets.combos import refill_combo

METHOD_LABELS = {
    "rice": QT_TRANSLATE_NOOP("", "RICE — reach × impact × confidence ÷ effort"),
    "value-effort": QT_TRANSLATE_NOOP("", "Value ÷ effort"),
    "ice": QT_TRANSLATE_NOOP("", "ICE — impact × confidence × ease"),
    "wsjf": QT_TRANSLATE_NOOP("", "WSJF — cost of delay ÷ job size"),
    "custom": QT_TRANSLATE_NOOP("", "Your own formula"),
}
IMPORTANCE_LABELS = {
    "nice_to_have": QT_TRANSLATE_NOOP("", "Nice to have"),
    "important": QT_TRANSLATE_NOOP("", "Important"),
    "critical": QT_TRANSLATE_NOOP("", "Critical"),
}
# The one unit every item's reach is ranked in; None: the unit most items' reach comes in.
REACH_UNIT_LABELS = {
    None: QT_TRANSLATE_NOOP("", "Automatic: the unit most items use"),
    "companies": QT_TRANSLATE_NOOP("", "Companies asking"),
    "people": QT_TRANSLATE_NOOP("", "People asking"),
    "mrr": QT_TRANSLATE_NOOP("", "MRR at stake"),
    "users": QT_TRANSLATE_NOOP("", "Users of a metric"),
}
SHOWN_KEYS = ("method", "window_days", "segment", "importance_weights", "formula", "reach_unit", "users_per_customer")
PREVIEW_TOP = 5  # scores shown under the formula while it is typed


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
        self.reach_unit = QComboBox()
        for unit, label in REACH_UNIT_LABELS.items():
            self.reach_unit.addItem(tr(label), unit)
        self.reach_unit.setToolTip(tr("Every item's reach is ranked in this one unit. Reach from another kind of "
                                      "source is converted, and the explanation says how; an item that cannot be "
                                      "converted is ranked apart, never mixed in."))
        self.users_per_customer = QDoubleSpinBox()
        self.users_per_customer.setRange(0, 1_000_000)
        self.users_per_customer.setDecimals(1)
        self.users_per_customer.setSpecialValueText(tr("Automatic, from the metric"))
        self.users_per_customer.setToolTip(tr("How many users one customer brings: converts a metric's users to "
                                              "companies, and companies to users."))
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

        self.formula_box = self._formula_box()
        self.method.currentIndexChanged.connect(self._show_formula_box)

        form = QFormLayout()
        form.addRow(tr("Method"), self.method)
        form.addRow(tr("Time window"), self.window_days)
        form.addRow(tr("Segment"), self.segment)
        form.addRow(tr("Reach unit"), self.reach_unit)
        form.addRow(tr("Users per customer"), self.users_per_customer)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.Ok | QDialogButtonBox.Apply | QDialogButtonBox.Cancel | QDialogButtonBox.RestoreDefaults
        )
        self.buttons.button(QDialogButtonBox.Apply).clicked.connect(self.apply)
        self.buttons.button(QDialogButtonBox.RestoreDefaults).clicked.connect(self.restore_defaults)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.formula_box)
        layout.addWidget(weights_box)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.load()

    def _formula_box(self) -> QGroupBox:
        """The formula field, checked as typed: the parser's message, or the scores it gives the top items."""
        box = QGroupBox(tr("Your own formula"))
        self.formula = QLineEdit()
        self.formula.setPlaceholderText("reach * impact * confidence / effort")
        self.formula.setToolTip(tr("Factors, numbers, + - * / ^, brackets, and min, max, log and sqrt. "
                                   "Weights are numbers: 0.6*reach + 0.4*mrr/1000 - effort"))
        self.formula_message = QLabel()
        self.formula_message.setWordWrap(True)
        names = ", ".join(name for name in FACTORS)
        factors = QLabel(tr("Factors: {names}; metric(\"name\") for a metric's latest value, field(\"name\") for a "
                            "number the item brought from its import (story points). Confidence is a fraction: "
                            "80% is 0.8.").format(names=names))
        factors.setWordWrap(True)
        factors.setTextInteractionFlags(factors.textInteractionFlags() | Qt.TextSelectableByMouse)
        factors.setStyleSheet("color: palette(mid)")
        layout = QVBoxLayout(box)
        layout.addWidget(self.formula)
        layout.addWidget(self.formula_message)
        layout.addWidget(factors)
        self._preview = Latest(self.ctx, self, None, self._previewed, self._preview_failed)
        self.formula.textChanged.connect(self._check_formula)
        return box

    def _show_formula_box(self, *_args) -> None:
        self.formula_box.setVisible(self.method.currentData() == "custom")
        if not self.formula.text().strip():
            self._check_formula()  # choosing the formula asks for one

    def formula_problem(self) -> str | None:
        """What is wrong with the formula as typed, in the parser's words; None when it reads."""
        text = self.formula.text().strip()
        if not text:
            return tr("Write a formula, such as reach * impact * confidence / effort.") \
                if self.method.currentData() == "custom" else None
        try:
            check_formula(text)
        except ValidationError as exc:
            return str(exc)  # the core's message, with the position it points at
        return None

    def _check_formula(self, *_args) -> None:
        problem = self.formula_problem()
        if problem or not self.formula.text().strip():
            self.formula_message.setText(problem or "")
            self.formula_message.setStyleSheet("font-weight: bold" if problem else "")
            self._preview.forget()
            return
        self.formula_message.setStyleSheet("")
        self.formula_message.setText(tr("Scoring…"))
        text = self.formula.text().strip()
        segment, window = self.segment.currentData(), self.window_days.value()

        def preview(ws, _progress):
            from planner.scoring import score_items

            return score_items(ws, method="custom", formula=text, window_days=window, segment=segment or "all",
                               stability=False)

        self._preview.request(preview)

    def _previewed(self, rows: list, _seconds: float) -> None:
        from planner.scoring.numbers import format_score

        scored = [r for r in rows if r["score"] is not None and r["rank"]]
        if not scored:
            reason = next((r["unscored_reason"] for r in rows if r["unscored_reason"]), None)
            self.formula_message.setText(tr("No item gets a score: {reason}.").format(reason=reason) if reason
                                         else tr("There are no items to score yet."))
            return
        top = ", ".join(format_score(r["score"]) for r in scored[:PREVIEW_TOP])
        more = " …" if len(scored) > PREVIEW_TOP else ""
        self.formula_message.setText(tr("Scores: {scores}{more} for the top items.").format(scores=top, more=more))

    def _preview_failed(self, exc, _details) -> None:
        self.formula_message.setText(str(exc))

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
        self.reach_unit.setCurrentIndex(max(self.reach_unit.findData(settings.get("reach_unit")), 0))
        self.users_per_customer.setValue(float(settings.get("users_per_customer") or 0))
        self.formula.setText(settings.get("formula") or "")
        self._show_formula_box()
        self._check_formula()

    def values(self) -> dict:
        return {
            "method": self.method.currentData(),
            "window_days": self.window_days.value(),
            "segment": self.segment.currentData(),
            "importance_weights": {k: spin.value() for k, spin in self.weights.items()},
            "formula": " ".join(self.formula.text().split()),  # as the core stores it
            "reach_unit": self.reach_unit.currentData(),
            "users_per_customer": self.users_per_customer.value() or None,  # 0 is the "Automatic" end
        }

    def restore_defaults(self) -> None:
        from planner.scoring.settings import DEFAULTS

        self._show({**get_scoring_settings(self.ctx.ws), **{k: DEFAULTS[k] for k in SHOWN_KEYS}})

    def apply(self) -> bool:
        """Save the settings and rescore; one undo step back to the previous settings."""
        if self.formula_problem():  # refused here, with the message under the field, rather than by the core
            self._check_formula()
            self.formula_box.setVisible(True)
            self.formula.setFocus()
            return False
        before = {k: v for k, v in get_scoring_settings(self.ctx.ws).items() if k in SHOWN_KEYS}
        after = self.values()
        if after == before:
            return True
        return actions.change_scoring(self.ctx, self, before, after) is not None

    def _ok(self) -> None:
        if self.apply():
            self.accept()
