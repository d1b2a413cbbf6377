"""The New Item form: only a title is needed; kind, status, theme, lane and the first estimates are optional."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
)

from planner import ops
from ui.i18n import tr
from ui.widgets.labels import kind_label, status_label, lane_kind_label


class NewItemDialog(QDialog):
    def __init__(self, ctx, parent=None, *, hint: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("New Item"))
        self.hint = QLabel(hint or "")  # what to type, for a first item
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(hint))
        self.setMinimumWidth(440)
        self.title = QLineEdit()
        self.title.setPlaceholderText(tr("What to build, in a few words"))
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(tr("Why, for whom, and what done looks like (optional)"))
        self.description.setFixedHeight(90)
        self.kind = QComboBox()
        for kind in ops.KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.status = QComboBox()
        for status in ops.STATUSES:
            self.status.addItem(status_label(status), status)
        self.theme = QComboBox()
        self.theme.setEditable(True)
        self.theme.addItems(sorted({r["theme"] for r in ops.list_items(ctx.ws) if r.get("theme")}, key=str.casefold))
        self.theme.setCurrentText("")
        self.lane = QComboBox()
        self.lane.addItem(tr("No lane"), None)
        for lane in ops.list_lanes(ctx.ws):
            self.lane.addItem(f"{lane['name']} ({lane_kind_label(lane['kind'])})", lane["id"])
        self.effort = QDoubleSpinBox()
        self.effort.setRange(0, 1000)
        self.effort.setDecimals(2)
        self.effort.setSingleStep(0.5)
        self.effort.setSpecialValueText(tr("not estimated"))  # 0 stands for no estimate
        self.effort.setSuffix(" " + tr("person-months"))
        self.impact = QComboBox()
        self.impact.addItem(tr("not estimated"), None)
        for value in ops.IMPACTS:
            self.impact.addItem(f"{value:g} ({tr(ops.IMPACT_NAMES[value])})", value)
        self.confidence = QComboBox()
        self.confidence.addItem(tr("not estimated"), None)
        for value in (100.0, 80.0, 50.0):
            self.confidence.addItem(f"{value:g}%", value)

        form = QFormLayout(self)
        if hint:
            form.addRow(self.hint)
        form.addRow(tr("Title"), self.title)
        form.addRow(tr("Description"), self.description)
        form.addRow(tr("Kind"), self.kind)
        form.addRow(tr("Status"), self.status)
        form.addRow(tr("Theme"), self.theme)
        form.addRow(tr("Lane"), self.lane)
        form.addRow(tr("Effort"), self.effort)
        form.addRow(tr("Impact"), self.impact)
        form.addRow(tr("Confidence"), self.confidence)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(tr("Add Item"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.title.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.title.text().strip()))

    def fields(self) -> dict:
        """The item as typed, for `ops.add_item`: what was left blank is not set."""
        fields = {"title": self.title.text().strip(), "kind": self.kind.currentData(), "status": self.status.currentData(),
                  "description": self.description.toPlainText().strip() or None,
                  "theme": self.theme.currentText().strip() or None, "lane": self.lane.currentData(),
                  "effort": self.effort.value() or None, "impact": self.impact.currentData(),
                  "confidence": self.confidence.currentData()}
        return {k: v for k, v in fields.items() if v is not None or k == "lane"}
