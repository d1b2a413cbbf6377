"""The item's fields in the backlog's detail panel, edited in place.

Each field is committed on its own (Return, focus leaving, a choice picked) as
one undo step through `ops.edit_item`. A value the core refuses shows its message
(the runner says it) and the editor goes back to the stored value. Filling the
form from the workspace never fires an edit, and never overwrites an editor the
user has typed in and not committed yet: a refresh while typing keeps the text.
Switching to another item first commits what was typed, for the item it was typed for.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, QStringListModel, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from planner import ops
from planner.ops import Entity
from planner.storage import roadmap_queries
from ui.i18n import tr
from ui.tasks import Latest
from ui.widgets.date_edit import BlankableDateEdit
from ui.widgets.inspector import CommitTextEdit, NumberEdit, Section, number_text
from ui.widgets.labels import kind_label, status_label, lane_kind_label

_BLANK = ""  # a combo's data for "no value": None is no QVariant to find

REACH_LABELS = {
    "requests": QT_TRANSLATE_NOOP("", "Requests"),
    "companies": QT_TRANSLATE_NOOP("", "Companies"),
    "weighted": QT_TRANSLATE_NOOP("", "Weighted requests"),
    "mrr": QT_TRANSLATE_NOOP("", "MRR"),
    "metric": QT_TRANSLATE_NOOP("", "Metric"),
    "manual": QT_TRANSLATE_NOOP("", "Manual"),
}
REACH_TIPS = {
    "requests": QT_TRANSLATE_NOOP("", "The people asking for it, each once"),
    "companies": QT_TRANSLATE_NOOP("", "The companies asking for it, each once"),
    "weighted": QT_TRANSLATE_NOOP("", "The companies asking, each weighted by how important it is to them"),
    "mrr": QT_TRANSLATE_NOOP("", "The monthly revenue of the companies asking"),
    "metric": QT_TRANSLATE_NOOP("", "A share of a product metric's latest value"),
    "manual": QT_TRANSLATE_NOOP("", "A number typed by hand"),
}
METHOD_NAMES = {"rice": "RICE", "value-effort": QT_TRANSLATE_NOOP("", "Value/effort"), "ice": "ICE", "wsjf": "WSJF",
                "custom": QT_TRANSLATE_NOOP("", "your own formula")}
# (key, title); the order they take when no method claims them.
SECTIONS = (
    ("item", QT_TRANSLATE_NOOP("", "Item")),
    ("planning", QT_TRANSLATE_NOOP("", "Planning")),
    ("reach", QT_TRANSLATE_NOOP("", "Reach")),
    ("estimates", QT_TRANSLATE_NOOP("", "Estimates (RICE / value)")),
    ("ranges", QT_TRANSLATE_NOOP("", "Ranges for the stability check")),
    ("ice", QT_TRANSLATE_NOOP("", "ICE")),
    ("wsjf", QT_TRANSLATE_NOOP("", "WSJF")),
)
# The sections each method scores from: shown first and open while it is the method.
METHOD_SECTIONS = {"rice": ("reach", "estimates"), "value-effort": ("estimates", "reach"), "ice": ("ice",),
                   "wsjf": ("wsjf",)}
_ALWAYS_OPEN = ("item", "planning")
_PERCENT = frozenset({"confidence", "confidence_low", "confidence_high", "metric_share"})
_IMPACTS = frozenset({"impact", "impact_low", "impact_high"})


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return a == b


def tags_text(text: str) -> str | None:
    """Comma-separated tags, each once, as stored: "a, b"; None when there are none."""
    seen, tags = set(), []
    for tag in (text or "").split(","):
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return ", ".join(tags) or None


# ---------------------------------------------------------------- one editor per item field

class Field:
    """An editor bound to one item field: `show` a stored value, `read` what the user entered."""

    def __init__(self, key: str, editor: QWidget, focus: QWidget | None = None):
        self.key = key
        self.editor = editor  # what the form row holds
        self.focus = focus or editor  # what takes the keyboard focus, in the tab order
        self.dirty = False  # typed in, not committed yet: a refresh leaves it alone

    def show(self, value) -> None:
        raise NotImplementedError

    def read(self):
        raise NotImplementedError


class LineField(Field):
    def __init__(self, key, *, tags=False, placeholder=""):
        super().__init__(key, QLineEdit())
        self.tags = tags
        self.editor.setPlaceholderText(placeholder)

    def show(self, value):
        text = value or ""
        if self.editor.text() != text:
            with QSignalBlocker(self.editor):
                self.editor.setText(text)
                self.editor.setCursorPosition(0)  # a long title shows its beginning

    def read(self):
        text = self.editor.text()
        return tags_text(text) if self.tags else (text.strip() or None)


class TextField(Field):
    def __init__(self, key, *, placeholder=""):
        super().__init__(key, CommitTextEdit())
        self.editor.setPlaceholderText(placeholder)
        self.editor.setFixedHeight(78)

    def show(self, value):
        self.editor.set_text(value)

    def read(self):
        return self.editor.toPlainText().strip() or None


class ChoiceField(Field):
    """A combo of (text, stored value); None is stored for the blank entry."""

    def __init__(self, key, choices=()):
        super().__init__(key, QComboBox())
        self.editor.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.editor.setMinimumContentsLength(8)
        self.set_choices(choices)

    def set_choices(self, choices, tips=None) -> None:
        entries = [(text, _BLANK if value is None else value) for text, value in choices]
        current = [(self.editor.itemText(i), self.editor.itemData(i)) for i in range(self.editor.count())]
        if entries == current:
            return
        with QSignalBlocker(self.editor):
            self.editor.clear()
            for n, (text, value) in enumerate(entries):
                self.editor.addItem(text, value)
                if tips and tips[n]:
                    self.editor.setItemData(n, tips[n], Qt.ToolTipRole)

    def show(self, value):
        at = self.editor.findData(_BLANK if value is None else value)
        with QSignalBlocker(self.editor):
            self.editor.setCurrentIndex(max(at, 0))

    def read(self):
        value = self.editor.currentData()
        return None if value == _BLANK else value


class ThemeField(Field):
    """Pick a theme in use or type a new one."""

    def __init__(self, key):
        super().__init__(key, QComboBox())
        self.editor.setEditable(True)
        self.editor.setInsertPolicy(QComboBox.NoInsert)
        self.editor.lineEdit().setPlaceholderText(tr("No theme"))
        self.editor.completer().setCaseSensitivity(Qt.CaseInsensitive)

    def set_choices(self, themes) -> None:
        themes = list(themes)
        if themes == [self.editor.itemText(i) for i in range(self.editor.count())]:
            return
        text = self.editor.currentText()
        with QSignalBlocker(self.editor), QSignalBlocker(self.editor.lineEdit()):
            self.editor.clear()
            self.editor.addItems(themes)
            self.editor.setCurrentIndex(-1)
            self.editor.setEditText(text)

    def show(self, value):
        text = value or ""
        if self.editor.currentText() != text:
            with QSignalBlocker(self.editor), QSignalBlocker(self.editor.lineEdit()):
                self.editor.setCurrentIndex(self.editor.findText(text) if text else -1)
                self.editor.setEditText(text)

    def read(self):
        return " ".join(self.editor.currentText().split()) or None


class NumberField(Field):
    """A number or blank; `scale` shows a stored fraction as a percentage (share 0.15 as 15)."""

    def __init__(self, key, *, unit="", placeholder="", scale=1.0):
        self.line = NumberEdit()
        self.line.setPlaceholderText(placeholder)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.line, 1)
        if unit:
            row.addWidget(QLabel(unit))
        box.setFocusProxy(self.line)
        super().__init__(key, box, self.line)
        self.scale = scale

    def show(self, value):
        self.line.set_value(None if value is None else value * self.scale)

    def read(self):
        value = self.line.value()
        return value / self.scale if isinstance(value, float) else value


class DateField(Field):
    def __init__(self, key):
        editor = BlankableDateEdit()
        super().__init__(key, editor, editor.line)

    def show(self, value):
        self.editor.setText(value)

    def read(self):
        return self.editor.value()


class _Watch(QObject):
    """Calls `then()` when the watched widget gets an event of this type (and key, for a key press)."""

    def __init__(self, widget, kind, then, key=None):
        super().__init__(widget)
        self.kind, self.key, self.then = kind, key, then
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == self.kind and (self.key is None or event.key() == self.key):
            self.then()
        return False


# ---------------------------------------------------------------- the form

class ItemForm(QWidget):
    """Every field of one item in collapsible sections, the current method's first.

    `edit(item_id, fields, field, shown)` does one edit (an undo step) and returns
    its `OpResult`, or None when it was refused or must wait for the workspace.
    """

    def __init__(self, ctx, edit, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._edit = edit
        self.item: dict | None = None
        self.method: str | None = None
        self._generation = ctx.generation
        self._filling = False
        self._committing = False
        self._metric_pending = False  # "metric" picked as the reach source; saved with the metric picked next
        self._lanes: list[dict] | None = None  # read again when lanes change
        self._metrics: list[dict] | None = None
        self._owners_stale = True
        self.fields: dict[str, Field] = {}
        self.sections: dict[str, Section] = {}
        self._build()
        self._owners = Latest(ctx, self, lambda ws, progress: _owners_of(ws), self._got_owners, lambda *_: None)
        _Watch(self.fields["owner"].editor, QEvent.FocusIn, self._load_owners)
        for field in self.fields.values():
            if not isinstance(field, ChoiceField):  # Escape takes back what was typed, not saved yet
                _Watch(field.focus, QEvent.KeyPress, lambda f=field: self.revert(f), key=Qt.Key_Escape)
        ctx.changed.connect(self._on_changed)
        ctx.workspace_replaced.connect(self._on_workspace_replaced)

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._layout = layout
        self.order = [key for key, _title in SECTIONS]  # the sections as shown, top to bottom
        self._fields_of: dict[str, list[Field]] = {key: [] for key in self.order}
        self._labels: list[QLabel] = []
        for key, title in SECTIONS:
            section = self.sections[key] = Section(tr(title))
            layout.addWidget(section)
        s = self.sections

        def add(section, field, label, tip=None):
            self.fields[field.key] = field
            self._fields_of[section].append(field)
            self._labels.append(s[section].add_row(label, field.editor, tip))
            if isinstance(field, ChoiceField):
                field.editor.activated.connect(lambda _i, f=field: self.commit(f))
            elif isinstance(field, ThemeField):
                field.editor.activated.connect(lambda _i, f=field: self.commit(f))
                field.editor.lineEdit().textEdited.connect(lambda _t, f=field: self._typed(f))
                field.editor.lineEdit().editingFinished.connect(lambda f=field: self.commit(f))
            elif isinstance(field, LineField):
                field.editor.textEdited.connect(lambda _t, f=field: self._typed(f))
                field.editor.editingFinished.connect(lambda f=field: self.commit(f))
            elif isinstance(field, NumberField):
                field.line.edited.connect(lambda f=field: self._typed(f))
                field.line.committed.connect(lambda f=field: self.commit(f))
            else:  # TextField, DateField
                field.editor.edited.connect(lambda f=field: self._typed(f))
                field.editor.committed.connect(lambda f=field: self.commit(f))
            return field

        add("item", LineField("title"), tr("Title"))
        add("item", TextField("description", placeholder=tr("Why, for whom, and what done looks like")),
            tr("Description"), tr("Saved when you leave the field, or with Ctrl+Enter"))
        add("item", ChoiceField("kind", [(kind_label(k), k) for k in ops.KINDS]), tr("Kind"))
        add("item", ChoiceField("status", [(status_label(k), k) for k in ops.STATUSES]), tr("Status"))
        add("item", ThemeField("theme"), tr("Theme"), tr("Pick a theme in use or type a new one"))
        add("item", LineField("tags", tags=True, placeholder=tr("comma, separated")), tr("Tags"))
        owner = add("item", LineField("owner", placeholder=tr("Who drives it")), tr("Owner"))
        self._owner_list = QStringListModel(self)
        completer = QCompleter(self._owner_list, self)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setFilterMode(Qt.MatchContains)
        owner.editor.setCompleter(completer)
        completer.activated.connect(lambda text: self._picked_owner(text))

        add("planning", ChoiceField("lane_id"), tr("Lane"))
        add("planning", DateField("start_date"), tr("Start"))
        add("planning", DateField("end_date"), tr("End"))

        add("reach", ChoiceField("reach_mode"), tr("Source"), tr("Where the item's reach comes from"))
        self.fields["reach_mode"].set_choices([(tr(REACH_LABELS[m]), m) for m in ops.REACH_MODES],
                                              [tr(REACH_TIPS[m]) for m in ops.REACH_MODES])
        add("reach", ChoiceField("metric_id"), tr("Metric"), tr("The metric whose latest value gives the reach"))
        add("reach", NumberField("metric_share", unit="%", placeholder="100", scale=100.0), tr("Share"),
            tr("The part of the metric this item reaches (blank: all of it)"))
        add("reach", NumberField("reach_manual", placeholder=tr("per quarter")), tr("Reach"),
            tr("How many it reaches per quarter"))

        impacts = [(tr("not estimated"), None)] + [
            (f"{value:g} — {tr(ops.IMPACT_NAMES[value])}", value) for value in ops.IMPACTS]
        add("estimates", ChoiceField("impact", impacts), tr("Impact"), tr("RICE impact: 3 massive … 0.25 minimal"))
        add("estimates", NumberField("confidence", unit="%", placeholder="0–100"), tr("Confidence"),
            tr("How sure the estimates are"))
        add("estimates", NumberField("effort", unit=tr("person-months"), placeholder="0.05–1000"), tr("Effort"))
        add("estimates", NumberField("value", placeholder=tr("from demand")), tr("Value"),
            tr("Business value, for value/effort; blank takes it from demand"))

        add("ranges", ChoiceField("impact_low", impacts), tr("Impact low"))
        add("ranges", ChoiceField("impact_high", impacts), tr("Impact high"))
        add("ranges", NumberField("confidence_low", unit="%"), tr("Confidence low"))
        add("ranges", NumberField("confidence_high", unit="%"), tr("Confidence high"))
        add("ranges", NumberField("effort_low", unit=tr("person-months")), tr("Effort low"))
        add("ranges", NumberField("effort_high", unit=tr("person-months")), tr("Effort high"))
        self.sections["ranges"].set_note(tr("blank: from the confidence"))

        add("ice", NumberField("ice_impact", placeholder="1–10"), tr("Impact"))
        add("ice", NumberField("ice_confidence", placeholder="1–10"), tr("Confidence"))
        add("ice", NumberField("ice_ease", placeholder="1–10"), tr("Ease"))

        add("wsjf", NumberField("wsjf_value", placeholder="1–20"), tr("Business value"))
        add("wsjf", NumberField("wsjf_time", placeholder="1–20"), tr("Time criticality"))
        add("wsjf", NumberField("wsjf_risk", placeholder="1–20"), tr("Risk reduction"),
            tr("Risk reduction or opportunity enablement"))
        add("wsjf", ChoiceField("wsjf_size", [(tr("not estimated"), None)] + [(str(n), float(n)) for n in ops.WSJF_SIZES]),
            tr("Job size"))

        # The labels of every section in one column, as in one form.
        width = max(label.sizeHint().width() for label in self._labels)
        for label in self._labels:
            label.setMinimumWidth(width)
        self._chain_tabs()

    def _chain_tabs(self) -> None:
        """Tab walks the fields in the order they are shown."""
        order = [field.focus for key in self.order for field in self._fields_of[key]]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------ showing an item
    def set_themes(self, themes) -> None:
        self.fields["theme"].set_choices(themes)

    def show_item(self, item: dict | None, method: str) -> None:
        """Show this item (as `ops.get_item` gives it), or nothing. Typed, uncommitted text is kept."""
        same = (item is not None and self.item is not None and item["id"] == self.item["id"]
                and self._generation == self.ctx.generation)
        if not same:
            self.flush()
            self._metric_pending = False
            for field in self.fields.values():
                field.dirty = False
        self.item = item
        self._generation = self.ctx.generation
        self.set_method(method)
        if item is None:
            return
        self._refill_choices()
        self._filling = True
        try:
            for field in self.fields.values():
                if not field.dirty:
                    field.show(self._stored(field.key))
        finally:
            self._filling = False
        self._show_reach_rows()

    def set_method(self, method: str) -> None:
        """Put the sections the method scores from first, open; fold the other methods' away."""
        if method == self.method:
            return
        self.method = method
        ours = METHOD_SECTIONS.get(method, ())
        self.order = [*ours] + [key for key, _title in SECTIONS if key not in ours]
        for at, key in enumerate(self.order):
            section = self.sections[key]
            self._layout.removeWidget(section)
            self._layout.insertWidget(at, section)
            if key in ours:
                section.set_expanded(True)
                section.set_note(tr("used by {method}").format(method=tr(METHOD_NAMES.get(method, method))))
            elif key not in _ALWAYS_OPEN:
                section.set_expanded(False)
                if key != "ranges":
                    section.set_note("")
        self._chain_tabs()

    def _stored(self, key: str):
        if key == "reach_mode" and self._metric_pending:
            return "metric"
        return self.item.get(key)

    def _refill_choices(self) -> None:
        ws = self.ctx.ws
        if self._lanes is None:
            self._lanes = ops.list_lanes(ws)
            self.fields["lane_id"].set_choices(
                [(tr("Not planned"), None)] + [(lane["name"], lane["id"]) for lane in self._lanes],
                [None] + [lane_kind_label(lane["kind"]) for lane in self._lanes])
        if self._metrics is None:
            self._metrics = roadmap_queries.metrics(ws)
        metric_id = self.item.get("metric_id") if self.item else None
        choices = [(m["name"], m["id"]) for m in self._metrics]
        if not choices:
            choices = [(tr("No metrics yet: import them in the Metrics view"), None)]
        elif metric_id is None:
            choices = [(tr("Choose a metric…"), None)] + choices
        self.fields["metric_id"].set_choices(choices)

    def _show_reach_rows(self) -> None:
        mode = self._stored("reach_mode") if self.item else None
        reach = self.sections["reach"]
        reach.set_row_visible(self.fields["metric_id"].editor, mode == "metric")
        reach.set_row_visible(self.fields["metric_share"].editor, mode == "metric")
        reach.set_row_visible(self.fields["reach_manual"].editor, mode == "manual")

    # ------------------------------------------------------------ committing
    def _typed(self, field: Field) -> None:
        if not self._filling:
            field.dirty = True

    def flush(self) -> None:
        """Commit every field typed in and not committed yet (before another item is shown)."""
        for field in list(self.fields.values()):
            if field.dirty:
                self.commit(field)

    def commit(self, field: Field) -> None:
        """Save one field, if it differs from what is stored: one undo step."""
        if self._filling or self._committing or self.item is None:
            return
        if self._generation != self.ctx.generation or self.ctx.ws.closed or not self.isVisible():
            field.dirty = False  # typed into an item of a workspace no longer open, or a window closed
            return
        field.dirty = False
        key, value = field.key, field.read()
        fields, said = {key: value}, key
        if key == "reach_mode":
            self._metric_pending = False
            if value == "metric" and self.item.get("reach_mode") != "metric" and self.item.get("metric_id") is None:
                # No metric chosen yet: the source is saved with the metric picked next.
                self._metric_pending = True
                self._show_reach_rows()
                self.fields["metric_id"].editor.setFocus(Qt.OtherFocusReason)
                return
        if key == "metric_id" and value is None:  # "Choose a metric…"
            self._restore(field)
            return
        if key == "metric_id" and self._metric_pending:
            fields["reach_mode"], said = "metric", "reach_mode"
        elif _same(value, self._stored(key)):
            self._restore(field)  # as stored: "2.50" reads 2.5 again
            self._show_reach_rows()
            return
        shown = self.describe(said, fields[said])
        if said != key:
            shown = f"{shown}: {self.describe(key, value)}"
        self._committing = True
        try:
            done = self._edit(self.item["id"], fields, said, shown)
        finally:
            self._committing = False
        if done is not None:
            self._metric_pending = False
            if isinstance(done.value, dict):
                self.item = done.value  # the item as it now is
        if done is not None or not self.ctx.runner.pending:  # refused (the user was told why): back to what is stored
            for name in fields:
                self._restore(self.fields[name])
        self._show_reach_rows()

    def _picked_owner(self, text: str) -> None:
        """An owner picked from the completer's list is saved at once."""
        owner = self.fields["owner"]
        with QSignalBlocker(owner.editor):
            owner.editor.setText(text)
        self.commit(owner)

    def revert(self, field: Field) -> None:
        """Drop what was typed in a field and show what is stored."""
        field.dirty = False
        self._restore(field)

    def _restore(self, field: Field) -> None:
        if self.item is None:
            return
        self._filling = True
        try:
            field.show(self._stored(field.key))
        finally:
            self._filling = False

    def describe(self, key: str, value) -> str:
        """A value as the undo text says it."""
        if value is None:
            return tr("blank")
        if key == "kind":
            return kind_label(value)
        if key == "status":
            return status_label(value)
        if key == "lane_id":
            return next((lane["name"] for lane in self._lanes or () if lane["id"] == value), str(value))
        if key == "reach_mode":
            return tr(REACH_LABELS.get(value, value))
        if key == "metric_id":
            return next((m["name"] for m in self._metrics or () if m["id"] == value), str(value))
        if not isinstance(value, float):
            return _short(str(value))
        if key in _IMPACTS and value in ops.IMPACT_NAMES:
            return f"{value:g} ({tr(ops.IMPACT_NAMES[value])})"
        if key == "metric_share":
            return f"{number_text(value * 100)}%"
        if key in _PERCENT:
            return f"{number_text(value)}%"
        return number_text(value)

    # ------------------------------------------------------------ choices from the workspace
    def _on_changed(self, changes) -> None:
        if changes.touches(Entity.LANES):
            self._lanes = None
        if changes.touches(Entity.METRICS):
            self._metrics = None
        if changes.touches(Entity.ITEMS):
            self._owners_stale = True

    def _on_workspace_replaced(self) -> None:
        self._lanes = self._metrics = None
        self._owners_stale = True
        self._owners.forget()
        self._owner_list.setStringList([])

    def _load_owners(self) -> None:
        """The owners in use, for the completer; read in the background (all items: slow on a big workspace)."""
        if self._owners_stale:
            self._owners_stale = False
            self._owners.request()

    def _got_owners(self, owners: list[str], _seconds: float) -> None:
        self._owner_list.setStringList(owners)


def _owners_of(ws) -> list[str]:
    return sorted({item["owner"] for item in ops.list_items(ws) if item.get("owner")}, key=str.casefold)
