"""Colours, quadrant and lane-mode names and number formats the board, the matrix and the metrics view share,
and the currency money is shown in."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor

from planner import money
from planner.ops.result import Entity
from planner.ops.settings import workspace_settings
from ui.i18n import tr

# Status colours run from cool (not decided) to warm (being built) to green (shipped).
STATUS_COLORS = {
    "idea": "#9aa5b1",
    "candidate": "#4c9be8",
    "planned": "#6a5acd",
    "in_progress": "#f0a030",
    "shipped": "#3aa55d",
    "wont_do": "#c0392b",
}
QUADRANT_COLORS = {
    "quick win": "#e8f6ec",
    "big bet": "#e9f0fb",
    "fill-in": "#f6f6f1",
    "time sink": "#fbeceb",
}
OVER_COLOR = "#c0392b"
OK_COLOR = "#2e7d32"


def status_color(status: str | None) -> QColor:
    return QColor(STATUS_COLORS.get(status or "", "#9aa5b1"))


def quadrant_label(quadrant: str | None) -> str:
    return {
        "quick win": tr("Quick wins"), "big bet": tr("Big bets"),
        "fill-in": tr("Fill-ins"), "time sink": tr("Time sinks"),
    }.get(quadrant or "", quadrant or "")


def lane_mode_label(mode: str) -> str:
    return {"quarters": tr("Quarters"), "releases": tr("Releases"), "now-next-later": tr("Now / Next / Later")}[mode]


def format_number(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    if abs(value - round(value)) < 1e-9:
        return f"{int(round(value)):,}"
    return f"{value:,.{digits}f}"


class _ShownCurrency(QObject):
    """The currency money is shown in: the open workspace's (see `follow_currency`). `changed(code)` when it changes."""

    changed = Signal(str)

    def __init__(self):
        super().__init__()
        self.code = money.DEFAULT_CURRENCY

    def set(self, code: str) -> None:
        code = money.currency_code(code)
        if code != self.code:
            self.code = code
            self.changed.emit(code)


SHOWN_CURRENCY = _ShownCurrency()


def follow_currency(ctx) -> None:
    """Show money in the currency of `ctx`'s workspace from now on.

    Reads it now, again after any change touching the settings (this window's, an undo, or another process's),
    and when another workspace is opened. Calling it again for the same context only reads it again.
    """
    if not getattr(ctx, "_follows_currency", False):
        ctx._follows_currency = True
        ctx.changed.connect(lambda changes: _read_currency(ctx) if changes.touches(Entity.SETTINGS) else None)
        ctx.workspace_replaced.connect(lambda: _read_currency(ctx))
    _read_currency(ctx)


def _read_currency(ctx) -> None:
    if not ctx.ws.closed:
        SHOWN_CURRENCY.set(workspace_settings(ctx.ws)["currency"])


def shown_currency() -> str:
    """The ISO code of the currency money is shown in now."""
    return SHOWN_CURRENCY.code


def format_money(value: float | None, currency: str | None = None, *, compact: bool = True) -> str:
    """An amount in `currency` (an ISO code; default: the open workspace's), short for boards and bubbles:
    "$12k", "¥1.2M"; `compact=False` for the full amount, "¥120,000", "$1,250.50", "$5,000" (no zero cents)."""
    return money.format_money(value or 0, currency or SHOWN_CURRENCY.code, compact=compact, trim=True)
