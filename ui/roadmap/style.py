"""Colours, quadrant and lane-mode names and number formats the board, the matrix and the metrics view share."""

from __future__ import annotations

from PySide6.QtGui import QColor

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


def format_money(value: float | None) -> str:
    if not value:
        return "0"
    if value >= 1_000_000:
        return f"{value / 1_000_000:.1f}M"
    if value >= 1_000:
        return f"{value / 1_000:.0f}k"
    return f"{value:.0f}"
