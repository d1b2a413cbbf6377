"""Workspace settings: the workspace's name (the window's title), the month the fiscal year starts in, the currency of
MRR and ARR, the reach window, and (on a second tab, the Scoring Settings form) the scoring method, segment and
importance weights.

OK saves what changed as one undoable step; Cancel changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QTabWidget, QVBoxLayout, QWidget,
)

from planner import ops
from planner.money import CURRENCIES, format_money
from planner.ops.settings import NAME_MAX
from planner.scoring import get_scoring_settings
from ui.dialogs.scoring import SHOWN_KEYS, ScoringSettingsDialog
from ui.i18n import tr
from ui.operations import settings as actions
from ui.operations.settings import month_name
from ui.roadmap.style import follow_currency

# The names of the currencies of planner.money, for the translation files.
CURRENCY_NAMES = (
    QT_TRANSLATE_NOOP("", "US dollar"), QT_TRANSLATE_NOOP("", "Japanese yen"), QT_TRANSLATE_NOOP("", "Euro"),
    QT_TRANSLATE_NOOP("", "British pound"), QT_TRANSLATE_NOOP("", "Chinese yuan"),
    QT_TRANSLATE_NOOP("", "South Korean won"), QT_TRANSLATE_NOOP("", "Indian rupee"),
    QT_TRANSLATE_NOOP("", "Australian dollar"), QT_TRANSLATE_NOOP("", "Canadian dollar"),
    QT_TRANSLATE_NOOP("", "New Zealand dollar"), QT_TRANSLATE_NOOP("", "Singapore dollar"),
    QT_TRANSLATE_NOOP("", "Hong Kong dollar"), QT_TRANSLATE_NOOP("", "New Taiwan dollar"),
    QT_TRANSLATE_NOOP("", "Swiss franc"), QT_TRANSLATE_NOOP("", "Swedish krona"),
    QT_TRANSLATE_NOOP("", "Norwegian krone"), QT_TRANSLATE_NOOP("", "Danish krone"),
    QT_TRANSLATE_NOOP("", "Brazilian real"), QT_TRANSLATE_NOOP("", "Mexican peso"), QT_TRANSLATE_NOOP("", "Thai baht"),
    QT_TRANSLATE_NOOP("", "Vietnamese dong"),
)
GENERAL_KEYS = ("name", "fiscal_year_start", "currency", "window_days")


def currency_label(code: str) -> str:
    """"JPY — ¥ Japanese yen"."""
    money = CURRENCIES[code]
    return tr("{code} — {symbol} {name}").format(code=code, symbol=money.symbol, name=tr(money.name))


def first_quarter_hint(start: int) -> str:
    """"Q1 is April–June" for a year starting in April."""
    last = (start + 1) % 12 + 1
    return tr("Q1 is {first}–{last}").format(first=month_name(start), last=month_name(last))


class WorkspaceSettingsDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        follow_currency(ctx)  # money is shown in the workspace's currency, and again after a change here
        self.setWindowTitle(tr("Workspace Settings"))

        self.name = QLineEdit()
        self.name.setMaxLength(NAME_MAX)
        self.name.setClearButtonEnabled(True)
        self.name.setToolTip(tr("Shown in the window's title. Leave it blank to use the file's name."))
        self.fiscal_year_start = QComboBox()
        for month in range(1, 13):
            self.fiscal_year_start.addItem(month_name(month), month)
        self.fiscal_year_start.setToolTip(tr("Quarters and fiscal years are named from this month."))
        self.quarter_hint = self._hint()
        self.currency = QComboBox()
        for code in CURRENCIES:
            self.currency.addItem(currency_label(code), code)
        self.currency.setToolTip(tr("The currency of MRR and ARR, in the views, the command line and exported workbooks."))
        self.currency_hint = self._hint()
        self.window_days = QSpinBox()
        self.window_days.setRange(1, 3660)
        self.window_days.setSuffix(tr(" days"))
        self.window_days.setToolTip(tr("Only requests made within this many days count as demand."))

        general = QWidget()
        form = QFormLayout(general)
        form.addRow(tr("Workspace name"), self.name)
        form.addRow(tr("Fiscal year starts in"), self.fiscal_year_start)
        form.addRow("", self.quarter_hint)
        form.addRow(tr("Currency"), self.currency)
        form.addRow("", self.currency_hint)
        form.addRow(tr("Time window"), self.window_days)

        # The Scoring Settings form itself, without its buttons: OK here saves both tabs as one step.
        self.scoring = ScoringSettingsDialog(ctx, self)
        self.scoring.buttons.hide()
        self.tabs = QTabWidget()
        self.tabs.addTab(general, tr("General"))
        self.tabs.addTab(self.scoring, tr("Scoring"))
        self.scoring.setWindowFlags(Qt.Widget)
        # Enter and Escape on the scoring tab mean OK and Cancel of this dialog (the form alone would take them).
        self.scoring.installEventFilter(self)
        # One time window, shown on both tabs.
        self.window_days.valueChanged.connect(self.scoring.window_days.setValue)
        self.scoring.window_days.valueChanged.connect(self.window_days.setValue)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)

        self.fiscal_year_start.currentIndexChanged.connect(self._show_hints)
        self.currency.currentIndexChanged.connect(self._show_hints)
        self.load()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.scoring and event.type() == QEvent.KeyPress:
            if event.matches(QKeySequence.Cancel):
                self.reject()
                return True
            if event.key() in (Qt.Key_Return, Qt.Key_Enter) and not event.modifiers() & ~Qt.KeypadModifier:
                self._ok()
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _hint() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet("color: palette(mid)")
        return label

    def load(self) -> None:
        settings = ops.workspace_settings(self.ctx.ws)
        self.name.setPlaceholderText(self.ctx.ws.name)  # what a blank name shows
        self.name.setText(settings["name"] if settings["name_given"] else "")
        self.fiscal_year_start.setCurrentIndex(self.fiscal_year_start.findData(settings["fiscal_year_start"]))
        self.currency.setCurrentIndex(self.currency.findData(settings["currency"]))
        self.scoring.load()
        self.window_days.setValue(int(settings["window_days"]))
        self._show_hints()

    def _show_hints(self, *_args) -> None:
        self.quarter_hint.setText(first_quarter_hint(self.fiscal_year_start.currentData()))
        code = self.currency.currentData()
        self.currency_hint.setText(tr("Shown as {full}; on boards and bubbles {short}").format(
            full=format_money(1234567.5, code), short=format_money(1234567.5, code, compact=True)))

    def values(self) -> dict:
        return {
            "name": " ".join(self.name.text().split()),  # as the core stores it: spaces around it are no change
            "fiscal_year_start": self.fiscal_year_start.currentData(),
            "currency": self.currency.currentData(),
            "window_days": self.window_days.value(),
            **{k: v for k, v in self.scoring.values().items() if k != "window_days"},
        }

    def saved(self) -> dict:
        """The settings as the workspace holds them, with the same keys as `values()`."""
        settings = ops.workspace_settings(self.ctx.ws)
        settings["name"] = settings["name"] if settings["name_given"] else ""  # blank in the field
        scoring = get_scoring_settings(self.ctx.ws)
        return {**{k: settings[k] for k in GENERAL_KEYS}, **{k: scoring[k] for k in SHOWN_KEYS if k != "window_days"}}

    def apply(self) -> bool:
        """Save what changed, as one undo step; True when there was nothing to save, it was saved, or it waits
        for the workspace to be free (an import is running)."""
        before, after = self.saved(), self.values()
        if after == before:
            return True
        waiting = len(self.ctx.runner.pending)
        done = actions.change_settings(self.ctx, self, before, after)
        return done is not None or len(self.ctx.runner.pending) > waiting

    def _ok(self) -> None:
        if self.apply():
            self.accept()
