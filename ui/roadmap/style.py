"""Colours, quadrant and lane-mode names and number formats the board, the matrix and the metrics view share,
and the currency money is shown in.

Colours come from the palette (`current_theme()`), so the board, the matrix and
the inbox follow a dark desktop: surfaces are the palette's base tinted towards
its text, accents are mixed in and then pushed until they keep their contrast.
Exports (PNG) are drawn with `light_theme()`: a slide or a printout is light.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette

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


# ---------------------------------------------------------------- colours from the palette

QUADRANT_HUES = {"quick win": "#3aa55d", "big bet": "#4c9be8", "fill-in": "#a19a5a", "time sink": "#c0392b"}
TEXT_CONTRAST = 4.5  # WCAG AA for body text
MARK_CONTRAST = 3.0  # WCAG AA for large text and graphics (selection outlines, bars)


def mix(a: QColor, b: QColor, share: float) -> QColor:
    """`a` with `share` (0-1) of `b` mixed in."""
    a, b = QColor(a), QColor(b)
    return QColor.fromRgbF(*(x + (y - x) * share for x, y in zip(a.getRgbF()[:3], b.getRgbF()[:3])))


def luminance(color: QColor) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b, _ = QColor(color).getRgbF()
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable(color: QColor, background: QColor, minimum: float = TEXT_CONTRAST) -> QColor:
    """`color`, pushed towards white on a dark background (black on a light one) until it has `minimum` contrast."""
    color = QColor(color)
    if contrast(color, background) >= minimum:
        return color
    target = QColor("#ffffff") if luminance(background) < 0.5 else QColor("#000000")
    for step in range(1, 11):
        pushed = mix(color, target, step / 10)
        if contrast(pushed, background) >= minimum:
            return pushed
    return target


@dataclass(frozen=True)
class Theme:
    """The colours the board, the matrix and the inbox paint with, from one palette."""

    dark: bool
    background: QColor  # behind everything
    lane: QColor  # a lane's column
    lane_over: QColor  # a lane over capacity
    card: QColor
    header: QColor
    header_over: QColor
    border: QColor  # card outlines, the capacity bar's track
    text: QColor
    soft: QColor  # secondary text that must still read well (legend, axis notes)
    muted: QColor  # tertiary text: counts, dates, hints
    frame: QColor  # the matrix's frame and tick marks
    accent: QColor  # selection outline, drop indicator
    badge: QColor
    badge_text: QColor
    over: QColor  # "over capacity" text and marks
    ok: QColor
    banner: QColor  # the inbox's "what just happened" strip
    quadrants: dict = field(default_factory=dict)

    def status_text(self, status: str | None, on: QColor | None = None) -> QColor:
        """A status's colour as text on a card (or on `on`): the hue kept, the contrast made."""
        colour = status_color(status)
        colour = colour.lighter(130) if self.dark else colour.darker(140)
        return readable(colour, on or self.card)

    def label_box(self) -> QColor:
        """A see-through box behind text laid over bubbles."""
        box = QColor(self.background)
        box.setAlpha(215)
        return box


def theme_of(palette: QPalette) -> Theme:
    """The theme of a palette: surfaces from Base tinted towards Text, accents from Highlight."""
    base = palette.color(QPalette.Active, QPalette.Base)
    text = palette.color(QPalette.Active, QPalette.Text)
    if contrast(text, base) < TEXT_CONTRAST:  # a broken palette must not make the board unreadable
        text = QColor("#ffffff") if luminance(base) < 0.5 else QColor("#1f2933")
    highlight = palette.color(QPalette.Active, QPalette.Highlight)
    dark = luminance(base) < 0.5
    card = mix(base, text, 0.10) if dark else QColor(base)
    badge = mix(card, highlight, 0.22 if dark else 0.12)
    over = readable(QColor(OVER_COLOR), card)
    return Theme(
        dark=dark,
        background=QColor(base),
        lane=mix(base, text, 0.05),
        lane_over=mix(base, QColor(OVER_COLOR), 0.12 if dark else 0.08),
        card=card,
        header=mix(base, text, 0.08),
        header_over=mix(base, QColor(OVER_COLOR), 0.18 if dark else 0.10),
        border=mix(base, text, 0.22 if dark else 0.16),
        text=QColor(text),
        soft=readable(mix(text, base, 0.22), base),
        muted=readable(mix(text, base, 0.35), mix(base, text, 0.10)),
        frame=mix(text, base, 0.50),
        accent=readable(highlight, card, MARK_CONTRAST),
        badge=badge,
        badge_text=readable(highlight, badge),
        over=over,
        ok=readable(QColor(OK_COLOR), card, MARK_CONTRAST),
        banner=mix(base, highlight, 0.20 if dark else 0.10),
        quadrants={q: mix(base, QColor(hue), 0.16 if dark else 0.11) for q, hue in QUADRANT_HUES.items()},
    )


_themes: dict[int, Theme] = {}


def current_theme(palette: QPalette | None = None) -> Theme:
    """The theme of `palette`, by default the application's (made once per palette)."""
    palette = palette if palette is not None else QGuiApplication.palette()
    key = palette.cacheKey()
    made = _themes.get(key)
    if made is None:
        if len(_themes) > 32:
            _themes.clear()
        made = _themes[key] = theme_of(palette)
    return made


def light_theme() -> Theme:
    """The theme exports are drawn with, whatever the desktop's: white paper, dark ink."""
    palette = QPalette(QColor("#eef1f5"))
    palette.setColor(QPalette.Base, QColor("#ffffff"))
    palette.setColor(QPalette.Text, QColor("#1f2933"))
    palette.setColor(QPalette.Highlight, QColor("#2f6fd6"))
    return current_theme(palette)


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
