"""The backlog's dialogs: edit several items at once, pin one item's rank with a reason, merge items into one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QListWidget, QListWidgetItem,
    QPlainTextEdit, QSpinBox,
)

from planner import ops
from planner.errors import PlannerError
from ui.i18n import tr
from ui.widgets.labels import status_label, lane_kind_label


class BulkEditDialog(QDialog):
    """Set status, lane and/or theme of several items at once; unticked fields stay as they are."""

    def __init__(self, ctx, count: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Edit {n} items").format(n=count))
        self.setMinimumWidth(380)
        self.use_status = QCheckBox(tr("Status"))
        self.status = QComboBox()
        for status in ops.STATUSES:
            self.status.addItem(status_label(status), status)
        self.use_lane = QCheckBox(tr("Lane"))
        self.lane = QComboBox()
        self.lane.addItem(tr("No lane"), None)
        for lane in ops.list_lanes(ctx.ws):
            self.lane.addItem(f"{lane['name']} ({lane_kind_label(lane['kind'])})", lane["id"])
        self.use_theme = QCheckBox(tr("Theme"))
        self.theme = QComboBox()
        self.theme.setEditable(True)
        themes = sorted({r["theme"] for r in ops.list_items(ctx.ws) if r.get("theme")}, key=str.casefold)
        self.theme.addItems(themes)
        self.theme.setCurrentText("")
        form = QFormLayout(self)
        hint = QLabel(tr("The ticked fields are set on all {n} items; the others stay as they are.").format(n=count))
        hint.setWordWrap(True)
        form.addRow(hint)
        for check, widget in ((self.use_status, self.status), (self.use_lane, self.lane), (self.use_theme, self.theme)):
            form.addRow(check, widget)
            widget.setEnabled(False)
            check.toggled.connect(widget.setEnabled)
            check.toggled.connect(self._update_ok)
        self.status.activated.connect(lambda: self.use_status.setChecked(True))
        self.lane.activated.connect(lambda: self.use_lane.setChecked(True))
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(
            any(c.isChecked() for c in (self.use_status, self.use_lane, self.use_theme))
        )

    def fields(self) -> dict:
        out = {}
        if self.use_status.isChecked():
            out["status"] = self.status.currentData()
        if self.use_lane.isChecked():
            out["lane_id"] = self.lane.currentData()
        if self.use_theme.isChecked():
            out["theme"] = self.theme.currentText().strip() or None
        return out


class PinDialog(QDialog):
    """Ask for a rank and the reason: a pinned rank without a reason is not allowed."""

    def __init__(self, *, title: str, rank: int, rationale: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Pin “{title}”").format(title=title))
        self.rank = QSpinBox()
        self.rank.setRange(1, 1_000_000)
        self.rank.setValue(max(1, int(rank or 1)))
        self.rationale = QPlainTextEdit(rationale or "")
        self.rationale.setPlaceholderText(tr("Why this rank? e.g. a contract commitment, a dependency, a launch date"))
        self.rationale.setMinimumWidth(360)
        self.rationale.setFixedHeight(90)
        form = QFormLayout(self)
        hint = QLabel(tr("A pinned item keeps this rank whatever its score; the others rank around it."))
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(tr("Rank"), self.rank)
        form.addRow(tr("Why"), self.rationale)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.rationale.textChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.rationale.toPlainText().strip()))

    def values(self) -> tuple[int, str]:
        return self.rank.value(), self.rationale.toPlainText().strip()


class MergeDialog(QDialog):
    """Merge several items into one: pick the item to keep; says how many requests move and that the others go."""

    def __init__(self, ctx, item_ids, *, keep: int | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.ids = list(item_ids)
        self.setWindowTitle(tr("Merge {n} Items").format(n=len(self.ids)))
        self.setMinimumWidth(460)
        self.choice = QListWidget()
        for item_id in self.ids:
            item = ops.get_item(ctx.ws, item_id)
            requests = len(ops.list_requests(ctx.ws, item_id=item_id))
            entry = QListWidgetItem(tr("#{id} {title} ({n} requests)").format(id=item_id, title=item["title"], n=requests))
            entry.setData(Qt.UserRole, item_id)
            self.choice.addItem(entry)
        self.choice.setCurrentRow(self.ids.index(keep) if keep in self.ids else 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(QLabel(tr("Keep this item; the others are merged into it:")))
        form.addRow(self.choice)
        form.addRow(self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(tr("Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.choice.currentRowChanged.connect(lambda _: self._update_summary())
        self._update_summary()

    def keep_id(self) -> int:
        return self.choice.currentItem().data(Qt.UserRole)

    def other_ids(self) -> list[int]:
        return [i for i in self.ids if i != self.keep_id()]

    def _update_summary(self) -> None:
        try:
            plan = ops.merge_preview(self.ctx.ws, self.keep_id(), self.other_ids())
        except PlannerError as exc:  # an item deleted meanwhile, elsewhere
            self.summary.setText(exc.message)
            self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
            return
        title = ops.get_item(self.ctx.ws, plan["kept"])["title"]
        text = tr("{moved} requests will move to “{title}”.").format(moved=plan["requests_moved"], title=title)
        if plan["requests_already_linked"]:
            text += " " + tr("{n} are already linked to it and stay linked once.").format(n=plan["requests_already_linked"])
        text += " " + tr("Its empty fields are filled from the others and their descriptions are added to its own. "
                         "The other {n} items are deleted. Edit ▸ Undo takes it all back.").format(n=len(plan["merged"]))
        self.summary.setText(text)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(True)
