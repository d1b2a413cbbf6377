"""Paints a card, a lane header and the legend into a rectangle: the canvas, its bars and the PNG export share it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QApplication

from planner import ops, roadmap
from planner.scoring.numbers import format_score
from ui.i18n import tr
from ui.roadmap.geometry import CARD_W
from ui.roadmap.style import Theme, current_theme, format_number, status_color
from ui.widgets.labels import kind_label, status_label

def _fmt_day(text: str | None) -> str:
    if not text:
        return ""
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        return text
    return f"{day.day} {day.strftime('%b')}"


def lane_dates(lane: dict) -> str:
    start, end = lane.get("start_date"), lane.get("end_date")
    if not start and not end:
        return ""
    year = (end or start)[:4]
    return f"{_fmt_day(start)} – {_fmt_day(end)} {year}"


class BoardPainter:
    """Paints a card or a lane header into a rectangle (the view and the PNG export share it)."""

    def __init__(self, font: QFont | None = None, *, theme: Theme | None = None):
        """`theme`: fixed colours (an export's); by default the application palette's, read at each paint."""
        self._theme = theme
        base = QFont(font or QApplication.font())
        self.title_font = QFont(base)
        self.title_font.setPointSizeF(max(8.0, base.pointSizeF()))
        self.small_font = QFont(base)
        self.small_font.setPointSizeF(max(7.0, base.pointSizeF() - 1.5))
        self.bold_font = QFont(base)
        self.bold_font.setBold(True)
        self.bold_font.setPointSizeF(base.pointSizeF() + 1)
        self.badge_font = QFont(self.small_font)
        self.badge_font.setBold(True)
        self.title_fm = QFontMetrics(self.title_font)
        self.small_fm = QFontMetrics(self.small_font)
        self.badge_fm = QFontMetrics(self.badge_font)
        self.bold_fm = QFontMetrics(self.bold_font)
        self._titles: dict[tuple[int, str], tuple[str, str]] = {}

    @property
    def theme(self) -> Theme:
        return self._theme or current_theme()

    def title_lines(self, card: dict) -> tuple[str, str]:
        """The title wrapped onto two lines, the second elided; cached per card."""
        key = (card["id"], card["title"])
        cached = self._titles.get(key)
        if cached is None:
            width = CARD_W - 18
            text = card["title"]
            fm = self.title_fm
            if fm.horizontalAdvance(text) <= width:
                cached = (text, "")
            else:
                # Break at the last space that fits (or mid-word for text without spaces, e.g. Japanese).
                cut = len(text)
                while cut > 1 and fm.horizontalAdvance(text[:cut]) > width:
                    cut -= 1
                space = text.rfind(" ", 0, cut + 1)
                if space > cut // 2:
                    cut = space
                cached = (text[:cut].rstrip(), fm.elidedText(text[cut:].strip(), Qt.ElideRight, width))
            self._titles[key] = cached
        return cached

    def card(self, p: QPainter, rect: QRectF, card: dict, *, selected: bool = False, business: bool = False) -> None:
        path = QPainterPath()
        path.addRoundedRect(rect, 6, 6)
        t = self.theme
        p.fillPath(path, t.card)
        colour = status_color(card["status"])
        p.save()
        p.setClipPath(path)
        p.fillRect(QRectF(rect.left(), rect.top(), 5, rect.height()), colour)
        p.restore()
        p.setPen(QPen(t.accent, 2) if selected else QPen(t.border, 1))
        p.drawPath(path)
        left = rect.left() + 12
        line1, line2 = self.title_lines(card)
        p.setFont(self.title_font)
        p.setPen(t.text)
        ascent = self.title_fm.ascent()
        top = rect.top() + 6
        p.drawText(QPointF(left, top + ascent), line1)
        if line2:
            p.drawText(QPointF(left, top + ascent + self.title_fm.lineSpacing()), line2)
        # Bottom row: status and kind on the left, score and demand on the right.
        base = rect.bottom() - 7
        p.setFont(self.small_font)
        right = rect.right() - 6
        badge_w = 0
        if card.get("companies"):
            badge_w = self._demand_badge(p, QPointF(right, base), card["companies"])
            right -= badge_w + 5
        if card.get("score") is not None:
            p.setFont(self.badge_font)
            score = format_score(card["score"])
            width = self.badge_fm.horizontalAdvance(score)
            p.setPen(t.text)
            p.drawText(QPointF(right - width, base), score)
            right -= width + 6
        p.setFont(self.small_font)  # the badge left its bold font set when no score follows it
        p.setPen(t.status_text(card["status"]))
        p.drawText(QPointF(left, base), self._meta(card, int(right - left), business))

    def _meta(self, card: dict, width: int, business: bool) -> str:
        """Status, kind and effort; the status word goes first when space is short (its colour stays)."""
        effort = card.get("effort")
        tail = [kind_label(card["kind"])] + ([tr("{effort} pm").format(effort=format_number(effort))] if effort is not None and not business else [])
        for parts in ([status_label(card["status"])] + tail, tail):
            text = " · ".join(parts)
            if self.small_fm.horizontalAdvance(text) <= width:
                return text
        return self.small_fm.elidedText(" · ".join(tail), Qt.ElideRight, width)

    def _demand_badge(self, p: QPainter, anchor: QPointF, companies: int) -> float:
        """A pill with a person glyph and how many companies ask; returns its width."""
        p.setFont(self.badge_font)
        text = str(companies)
        width = self.badge_fm.horizontalAdvance(text) + 22
        height = self.badge_fm.height() + 2
        box = QRectF(anchor.x() - width, anchor.y() - self.badge_fm.ascent() - 2, width, height)
        t = self.theme
        p.setPen(Qt.NoPen)
        p.setBrush(t.badge)
        p.drawRoundedRect(box, height / 2, height / 2)
        # The person glyph: a head and shoulders.
        p.setBrush(t.badge_text)
        cx, cy = box.left() + 9, box.center().y()
        p.drawEllipse(QPointF(cx, cy - 2.5), 2.4, 2.4)
        p.drawChord(QRectF(cx - 4.5, cy + 0.5, 9, 8), 0, 180 * 16)
        p.setBrush(Qt.NoBrush)
        p.setPen(t.badge_text)
        p.drawText(QPointF(box.left() + 16, anchor.y()), text)
        return width

    def legend(self, p: QPainter, left: float, baseline: float, *, business: bool = False) -> float:
        """Status colours, then what the number and the badge on a card mean; returns the right edge."""
        t = self.theme
        p.setFont(self.small_font)
        x = left
        for status in ops.STATUSES:
            if business and status in roadmap.BUSINESS_HIDDEN_STATUSES:
                continue
            p.fillRect(QRectF(x, baseline - self.small_fm.ascent() + 1, 4, self.small_fm.ascent()), status_color(status))
            x += 7
            label = status_label(status)
            p.setPen(t.soft)
            p.drawText(QPointF(x, baseline), label)
            x += self.small_fm.horizontalAdvance(label) + 12
        p.setFont(self.badge_font)
        p.setPen(t.text)
        p.drawText(QPointF(x, baseline), "12.3")
        x += self.badge_fm.horizontalAdvance("12.3") + 4
        p.setFont(self.small_font)
        p.setPen(t.soft)
        p.drawText(QPointF(x, baseline), tr("score"))
        x += self.small_fm.horizontalAdvance(tr("score")) + 12
        x += self._demand_badge(p, QPointF(x + self.badge_fm.horizontalAdvance("8") + 22, baseline), 8) + 4
        p.setFont(self.small_font)
        p.setPen(t.soft)
        p.drawText(QPointF(x, baseline), tr("companies asking"))
        return x + self.small_fm.horizontalAdvance(tr("companies asking"))

    def header(self, p: QPainter, rect: QRectF, lane: dict, *, shown: int, business: bool = False) -> None:
        t = self.theme
        over = bool(lane.get("over_capacity"))
        path = QPainterPath()
        path.addRoundedRect(rect, 6, 6)
        p.fillPath(path, t.header_over if over else t.header)
        if over:
            p.setPen(QPen(t.over, 1.5))
            p.drawPath(path)
        left, width = rect.left() + 10, rect.width() - 20
        p.setFont(self.bold_font)
        p.setPen(t.text)
        name = lane["name"] if lane["id"] is not None else tr("Not planned")
        p.drawText(QPointF(left, rect.top() + 6 + self.bold_fm.ascent()), self.bold_fm.elidedText(name, Qt.ElideRight, int(width)))
        p.setFont(self.small_font)
        p.setPen(t.muted)
        total = lane.get("item_count", shown)
        if shown != total:
            count = tr("{shown} of {n} items").format(shown=shown, n=total)
        else:
            count = tr("1 item") if total == 1 else tr("{n} items").format(n=total)
        line2 = "  ·  ".join(x for x in (lane_dates(lane), count) if x)
        y2 = rect.top() + 6 + self.bold_fm.height() + self.small_fm.ascent() + 1
        p.drawText(QPointF(left, y2), self.small_fm.elidedText(line2, Qt.ElideRight, int(width)))
        if business or lane["id"] is None:
            return
        # Capacity: a bar of effort planned against capacity, red text when over.
        y3 = y2 + self.small_fm.descent() + 6
        cap, planned = lane.get("capacity"), lane.get("effort_planned") or 0.0
        bar = QRectF(left, y3, width, 6)
        p.setPen(Qt.NoPen)
        p.setBrush(t.border)
        p.drawRoundedRect(bar, 3, 3)
        if cap:
            filled = QRectF(bar.left(), bar.top(), bar.width() * min(1.0, planned / cap), bar.height())
            p.setBrush(t.over if over else t.ok)
            p.drawRoundedRect(filled, 3, 3)
        p.setBrush(Qt.NoBrush)
        y4 = y3 + 8 + self.small_fm.ascent() + 2
        if cap is None:
            text = tr("{planned} pm planned · no capacity set").format(planned=format_number(planned))
            p.setPen(t.muted)
        elif over:
            text = tr("{planned} / {cap} pm — over by {over} pm").format(
                planned=format_number(planned), cap=format_number(cap), over=format_number(lane["over_by"]))
            p.setPen(t.over)
            p.setFont(self.badge_font)
        else:
            text = tr("{planned} / {cap} pm planned").format(planned=format_number(planned), cap=format_number(cap))
            p.setPen(t.muted)
        if lane.get("unestimated"):
            text += " · " + tr("{n} unestimated").format(n=lane["unestimated"])
        p.drawText(QPointF(left, y4), self.small_fm.elidedText(text, Qt.ElideRight, int(width)))
