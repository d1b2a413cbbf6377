"""The roadmap board: lanes as columns, items as cards you drag between them.

Cards are light `QGraphicsItem`s painted by one shared `BoardPainter`, so a
board of thousands of items costs one small object per card and paints only
what is on screen. Lane headers live in a bar above the view that follows its
horizontal scroll, so they stay in sight however far down a lane you scroll.
Dragging is done by the view's own mouse handlers (no nested `QDrag` loop):
a drop asks `planner.roadmap.move_card` through `ctx.run_op`, so it is undoable.
"""

from __future__ import annotations

import time
from datetime import date

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QFileDialog, QGraphicsItem, QGraphicsRectItem, QGraphicsScene,
    QGraphicsView, QHBoxLayout, QLabel, QMenu, QPushButton, QToolTip, QVBoxLayout, QWidget,
)

from planner import ops, roadmap
from planner.errors import ExportFailed, PlannerError
from planner.roadmap.scores import scores_by_id
from planner.storage import queries
from ui.context import RefreshWhenShown, show_error
from ui.tasks import Latest
from ui.i18n import tr
from ui.roadmap_style import (
    OK_COLOR, OVER_COLOR, format_number, kind_label, lane_mode_label, status_color, status_label,
)

PAD = 8            # around the board
LANE_W = 252       # column pitch
COL_W = 244        # column background width
CARD_W = 228
CARD_INSET = (COL_W - CARD_W) / 2
CARD_H = 68
GAP = 6
PITCH = CARD_H + GAP
HEADER_H = 74
TITLE_H = 40       # the exported image's title line
MORE_H = 26        # "+ N more" under a truncated lane in the export
SYNC_SCORE_ITEMS = 300  # up to this many items, score on the spot; above, in the background
REFRESH_AREAS = frozenset({"items", "lanes", "links", "requests", "companies", "scores", "settings"})


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

    def __init__(self, font: QFont | None = None):
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
        p.fillPath(path, QColor("#ffffff"))
        colour = status_color(card["status"])
        p.save()
        p.setClipPath(path)
        p.fillRect(QRectF(rect.left(), rect.top(), 5, rect.height()), colour)
        p.restore()
        p.setPen(QPen(QColor("#2f6fd6"), 2) if selected else QPen(QColor("#d5dae1"), 1))
        p.drawPath(path)
        left = rect.left() + 12
        line1, line2 = self.title_lines(card)
        p.setFont(self.title_font)
        p.setPen(QColor("#1f2933"))
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
            score = format_number(card["score"])
            width = self.badge_fm.horizontalAdvance(score)
            p.setPen(QColor("#1f2933"))
            p.drawText(QPointF(right - width, base), score)
            right -= width + 6
            p.setFont(self.small_font)
        p.setPen(colour.darker(140))
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
        p.setPen(Qt.NoPen)
        p.setBrush(QColor("#e8eefb"))
        p.drawRoundedRect(box, height / 2, height / 2)
        # The person glyph: a head and shoulders.
        p.setBrush(QColor("#2f6fd6"))
        cx, cy = box.left() + 9, box.center().y()
        p.drawEllipse(QPointF(cx, cy - 2.5), 2.4, 2.4)
        p.drawChord(QRectF(cx - 4.5, cy + 0.5, 9, 8), 0, 180 * 16)
        p.setBrush(Qt.NoBrush)
        p.setPen(QColor("#1d4fa3"))
        p.drawText(QPointF(box.left() + 16, anchor.y()), text)
        return width

    def legend(self, p: QPainter, left: float, baseline: float, *, business: bool = False) -> float:
        """Status colours, then what the number and the badge on a card mean; returns the right edge."""
        p.setFont(self.small_font)
        x = left
        for status in ops.STATUSES:
            if business and status in roadmap.BUSINESS_HIDDEN_STATUSES:
                continue
            p.fillRect(QRectF(x, baseline - self.small_fm.ascent() + 1, 4, self.small_fm.ascent()), status_color(status))
            x += 7
            label = status_label(status)
            p.setPen(QColor("#3e4c59"))
            p.drawText(QPointF(x, baseline), label)
            x += self.small_fm.horizontalAdvance(label) + 12
        p.setFont(self.badge_font)
        p.setPen(QColor("#1f2933"))
        p.drawText(QPointF(x, baseline), "12.3")
        x += self.badge_fm.horizontalAdvance("12.3") + 4
        p.setFont(self.small_font)
        p.setPen(QColor("#3e4c59"))
        p.drawText(QPointF(x, baseline), tr("score"))
        x += self.small_fm.horizontalAdvance(tr("score")) + 12
        x += self._demand_badge(p, QPointF(x + self.badge_fm.horizontalAdvance("8") + 22, baseline), 8) + 4
        p.setFont(self.small_font)
        p.setPen(QColor("#3e4c59"))
        p.drawText(QPointF(x, baseline), tr("companies asking"))
        return x + self.small_fm.horizontalAdvance(tr("companies asking"))

    def header(self, p: QPainter, rect: QRectF, lane: dict, *, shown: int, business: bool = False) -> None:
        over = bool(lane.get("over_capacity"))
        path = QPainterPath()
        path.addRoundedRect(rect, 6, 6)
        p.fillPath(path, QColor("#fdeceb") if over else QColor("#eef1f5"))
        if over:
            p.setPen(QPen(QColor(OVER_COLOR), 1.5))
            p.drawPath(path)
        left, width = rect.left() + 10, rect.width() - 20
        p.setFont(self.bold_font)
        p.setPen(QColor("#1f2933"))
        name = lane["name"] if lane["id"] is not None else tr("Not planned")
        p.drawText(QPointF(left, rect.top() + 6 + self.bold_fm.ascent()), self.bold_fm.elidedText(name, Qt.ElideRight, int(width)))
        p.setFont(self.small_font)
        p.setPen(QColor("#52606d"))
        total = lane.get("item_count", shown)
        count = tr("{n} items").format(n=total) if shown == total else tr("{shown} of {n} items").format(shown=shown, n=total)
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
        p.setBrush(QColor("#d5dae1"))
        p.drawRoundedRect(bar, 3, 3)
        if cap:
            filled = QRectF(bar.left(), bar.top(), bar.width() * min(1.0, planned / cap), bar.height())
            p.setBrush(QColor(OVER_COLOR) if over else QColor(OK_COLOR))
            p.drawRoundedRect(filled, 3, 3)
        p.setBrush(Qt.NoBrush)
        y4 = y3 + 8 + self.small_fm.ascent() + 2
        if cap is None:
            text = tr("{planned} pm planned · no capacity set").format(planned=format_number(planned))
            p.setPen(QColor("#52606d"))
        elif over:
            text = tr("{planned} / {cap} pm — over by {over} pm").format(
                planned=format_number(planned), cap=format_number(cap), over=format_number(lane["over_by"]))
            p.setPen(QColor(OVER_COLOR))
            p.setFont(self.badge_font)
        else:
            text = tr("{planned} / {cap} pm planned").format(planned=format_number(planned), cap=format_number(cap))
            p.setPen(QColor("#52606d"))
        if lane.get("unestimated"):
            text += " · " + tr("{n} unestimated").format(n=lane["unestimated"])
        p.drawText(QPointF(left, y4), self.small_fm.elidedText(text, Qt.ElideRight, int(width)))


class CardItem(QGraphicsItem):
    """One card: a fixed-size box painted by the shared `BoardPainter`."""

    def __init__(self, card: dict, lane_index: int, row: int, painter: BoardPainter, business: bool):
        super().__init__()
        self.card = card
        self.lane_index = lane_index
        self.row = row
        self.board_painter = painter
        self.business = business
        self.selected = False
        self.setAcceptedMouseButtons(Qt.NoButton)  # the view handles presses (drag or click)
        # Scrolling then blits each card's pixmap instead of repainting its text.
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return QRectF(-1, -1, CARD_W + 2, CARD_H + 2)

    def paint(self, painter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.Antialiasing)
        self.board_painter.card(painter, QRectF(0, 0, CARD_W, CARD_H), self.card, selected=self.selected, business=self.business)


def card_pos(lane_index: int, row: int) -> QPointF:
    return QPointF(PAD + lane_index * LANE_W + CARD_INSET, PAD + row * PITCH)


class BoardScene(QGraphicsScene):
    """Paints the lane columns behind the cards (cheaply: only the exposed part)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lanes: list[dict] = []

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, QColor("#ffffff"))
        height = self.sceneRect().height()
        for index, lane in enumerate(self.lanes):
            column = QRectF(PAD + index * LANE_W, 0, COL_W, height)
            if column.intersects(rect):
                painter.fillRect(column.intersected(rect), QColor("#fbeeee") if lane.get("over_capacity") else QColor("#f3f5f8"))


class LaneHeaderBar(QWidget):
    """The lane headers, above the board, following its horizontal scroll."""

    def __init__(self, view: "BoardCanvas", parent=None):
        super().__init__(parent)
        self.view = view
        self.offset = 0
        self.setFixedHeight(HEADER_H + PAD)

    def set_offset(self, value: int) -> None:
        self.offset = value
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        # The view's frame shifts its contents by a pixel or two; match it.
        shift = self.view.frameWidth() - self.offset
        for index, lane in enumerate(self.view.lanes):
            rect = QRectF(shift + PAD + index * LANE_W, PAD, COL_W, HEADER_H - 2)
            if rect.right() < 0 or rect.left() > self.width():
                continue
            self.view.board_painter.header(p, rect, lane, shown=len(lane["items"]), business=self.view.business)
        p.end()


class LegendBar(QWidget):
    def __init__(self, painter: BoardPainter, parent=None):
        super().__init__(parent)
        self.board_painter = painter
        self.business = False
        self.setFixedHeight(painter.small_fm.height() + 8)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        self.board_painter.legend(p, PAD + 2, self.board_painter.small_fm.ascent() + 4, business=self.business)
        p.end()


class BoardCanvas(QGraphicsView):
    """The scrolling part of the board; turns mouse presses into clicks and drags."""

    card_dropped = Signal(int, object, object)  # item id, lane id (None: not planned), before item id or None
    card_activated = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.board_scene = BoardScene(self)
        self.setScene(self.board_scene)
        self.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.setRenderHint(QPainter.Antialiasing)
        # Cards never move except while dragged, so no BSP rebuilds; minimal updates repaint only what changed.
        self.setViewportUpdateMode(QGraphicsView.MinimalViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.DontSavePainterState)
        self.setCacheMode(QGraphicsView.CacheBackground)
        self.board_painter = BoardPainter(self.font())
        self.setFocusPolicy(Qt.StrongFocus)
        self.lanes: list[dict] = []
        self.business = False
        self.cards: dict[int, CardItem] = {}
        self.selected_id: int | None = None
        self._press: tuple[CardItem, QPoint] | None = None
        self._dragging = False
        self._grab_offset = QPointF()
        self._indicator: QGraphicsRectItem | None = None
        self._target: tuple | None = None
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setInterval(30)
        self._scroll_timer.timeout.connect(self._auto_scroll)
        self._last_pos = QPoint()

    # ------------------------------------------------------------ building

    def set_lanes(self, lanes: list[dict], *, business: bool) -> None:
        """Show these lanes. Cards whose content did not change keep their item (and its
        cached pixmap) and only move, so a drop on a big board redraws in a blink."""
        self._cancel_drag()
        self.lanes = lanes
        scene = self.board_scene
        old = self.cards if business == self.business else {}
        if business != self.business:
            for item in self.cards.values():
                scene.removeItem(item)
        self.business = business
        scene.lanes = lanes
        rows = max((len(lane["items"]) for lane in lanes), default=0)
        width = PAD * 2 + max(1, len(lanes)) * LANE_W - (LANE_W - COL_W)
        height = PAD * 2 + max(1, rows) * PITCH + CARD_H  # room to drop below the last card
        scene.setSceneRect(0, 0, width, height)
        painter = self.board_painter
        cards: dict[int, CardItem] = {}
        for lane_index, lane in enumerate(lanes):
            for row, card in enumerate(lane["items"]):
                item = old.pop(card["id"], None)
                if item is not None and item.card != card:
                    scene.removeItem(item)
                    item = None
                if item is None:
                    item = CardItem(card, lane_index, row, painter, business)
                    scene.addItem(item)
                item.lane_index, item.row = lane_index, row
                item.setPos(card_pos(lane_index, row))
                item.selected = False
                cards[card["id"]] = item
        for item in old.values():
            scene.removeItem(item)
        self.cards = cards
        if self.selected_id in self.cards:
            self.cards[self.selected_id].selected = True
            self.cards[self.selected_id].update()
        self.resetCachedContent()
        self.viewport().update()

    def viewportEvent(self, event) -> bool:
        # Tooltips are written when asked for, not for every card up front.
        if event.type() == QEvent.ToolTip:
            card = self._card_at(event.pos())
            if card is not None and not self._dragging:
                QToolTip.showText(event.globalPos(), self.tooltip(card.card), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tooltip(self, card: dict) -> str:
        parts = [card["title"], f"{status_label(card['status'])} · {kind_label(card['kind'])}"]
        if card.get("score") is not None:
            parts.append(tr("Score {score} (rank {rank})").format(score=format_number(card["score"]), rank=card.get("rank") or "–"))
        if card.get("companies"):
            parts.append(tr("{n} companies asking").format(n=card["companies"]))
        if card.get("effort") is not None:
            parts.append(tr("Effort {effort} person-months").format(effort=format_number(card["effort"])))
        return "\n".join(parts)

    # ------------------------------------------------------------ geometry

    def lane_index_at(self, scene_x: float) -> int:
        index = int((scene_x - PAD) // LANE_W)
        return max(0, min(len(self.lanes) - 1, index))

    def drop_target(self, scene_pos: QPointF, item_id: int) -> tuple[int, int | None, int]:
        """(lane index, id of the card to go before or None for the end, row) for a drop at `scene_pos`."""
        lane_index = self.lane_index_at(scene_pos.x())
        cards = [c for c in self.lanes[lane_index]["items"] if c["id"] != item_id]
        row = int((scene_pos.y() - PAD + PITCH / 2) // PITCH)
        row = max(0, min(len(cards), row))
        before = cards[row]["id"] if row < len(cards) else None
        return lane_index, before, row

    def card_center(self, item_id: int) -> QPoint:
        """Where a card is on the viewport (tests drag from here)."""
        item = self.cards[item_id]
        self.ensureVisible(item, 0, 0)
        return self.mapFromScene(item.sceneBoundingRect().center())

    def drop_point(self, lane_index: int, row: int) -> QPoint:
        """The viewport point that drops before the card now at `row` of a lane (or at its end)."""
        scene_point = QPointF(PAD + lane_index * LANE_W + COL_W / 2, PAD + row * PITCH + 4)
        self.ensureVisible(QRectF(scene_point, QSize(1, 1)), 0, 0)
        return self.mapFromScene(scene_point)

    # ------------------------------------------------------------ mouse

    def _card_at(self, pos: QPoint) -> CardItem | None:
        for item in self.items(pos):
            if isinstance(item, CardItem):
                return item
        return None

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position().toPoint()
        card = self._card_at(pos)
        self._press = (card, pos) if card else None
        self.select(card.card["id"] if card else None)
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        pos = event.position().toPoint()
        self._last_pos = pos
        if self._press is None:
            return super().mouseMoveEvent(event)
        card, start = self._press
        if not self._dragging:
            if (pos - start).manhattanLength() < QApplication.startDragDistance():
                return
            self._begin_drag(card, start)
        self._drag_to(pos)
        near_edge = pos.y() < 30 or pos.y() > self.viewport().height() - 30 or pos.x() < 30 or pos.x() > self.viewport().width() - 30
        if near_edge and not self._scroll_timer.isActive():
            self._scroll_timer.start()
        elif not near_edge:
            self._scroll_timer.stop()
        event.accept()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() != Qt.LeftButton or self._press is None:
            return super().mouseReleaseEvent(event)
        card, _ = self._press
        pos = event.position().toPoint()
        if self._dragging:
            self._drag_to(pos)
            target = self._target
            item_id = card.card["id"]
            self._cancel_drag()
            if target is not None:
                lane_index, before, _ = target
                lane = self.lanes[lane_index]
                if not self._same_place(card, lane_index, before):
                    self.card_dropped.emit(item_id, lane["id"], before)
        self._press = None
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:
        card = self._card_at(event.position().toPoint())
        if card is not None:
            self.card_activated.emit(card.card["id"])
        event.accept()

    def _same_place(self, card: CardItem, lane_index: int, before: int | None) -> bool:
        if lane_index != card.lane_index:
            return False
        items = self.lanes[lane_index]["items"]
        after_me = items[card.row + 1]["id"] if card.row + 1 < len(items) else None
        return before == after_me

    def _begin_drag(self, card: CardItem, start: QPoint) -> None:
        self._dragging = True
        self._grab_offset = self.mapToScene(start) - card.pos()
        card.setZValue(10)
        card.setOpacity(0.85)
        self._indicator = QGraphicsRectItem(0, 0, CARD_W, 3)
        self._indicator.setBrush(QBrush(QColor("#2f6fd6")))
        self._indicator.setPen(Qt.NoPen)
        self._indicator.setZValue(9)
        self.board_scene.addItem(self._indicator)

    def _drag_to(self, pos: QPoint) -> None:
        card, _ = self._press
        scene_pos = self.mapToScene(pos)
        card.setPos(scene_pos - self._grab_offset)
        self._target = self.drop_target(scene_pos, card.card["id"])
        lane_index, _, row = self._target
        self._indicator.setPos(PAD + lane_index * LANE_W + CARD_INSET, PAD + row * PITCH - GAP / 2 - 1.5)
        # The not-planned column orders itself by rank, so there is no place to point at.
        self._indicator.setVisible(self.lanes[lane_index]["id"] is not None)

    def _auto_scroll(self) -> None:
        if not self._dragging:
            self._scroll_timer.stop()
            return
        pos = self._last_pos
        dy = -24 if pos.y() < 30 else (24 if pos.y() > self.viewport().height() - 30 else 0)
        dx = -24 if pos.x() < 30 else (24 if pos.x() > self.viewport().width() - 30 else 0)
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy)
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx)
        self._drag_to(pos)

    def _cancel_drag(self) -> None:
        self._scroll_timer.stop()
        if self._dragging and self._press:
            card = self._press[0]
            card.setPos(card_pos(card.lane_index, card.row))
            card.setZValue(0)
            card.setOpacity(1.0)
        if self._indicator is not None:
            self.board_scene.removeItem(self._indicator)
            self._indicator = None
        self._dragging = False
        self._target = None

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape and self._dragging:
            self._cancel_drag()
            self._press = None
            return
        card = self.cards.get(self.selected_id)
        if card is not None and not self._dragging:
            # The keyboard does what a drag does: Alt+arrows move the selected card.
            key, alt = event.key(), bool(event.modifiers() & Qt.AltModifier)
            if alt and key in (Qt.Key_Left, Qt.Key_Right):
                target = card.lane_index + (1 if key == Qt.Key_Right else -1)
                if 0 <= target < len(self.lanes):
                    self.card_dropped.emit(card.card["id"], self.lanes[target]["id"], None)
                return
            if alt and key in (Qt.Key_Up, Qt.Key_Down) and self.lanes[card.lane_index]["id"] is not None:
                items = self.lanes[card.lane_index]["items"]
                if key == Qt.Key_Up and card.row > 0:
                    self.card_dropped.emit(card.card["id"], self.lanes[card.lane_index]["id"], items[card.row - 1]["id"])
                elif key == Qt.Key_Down and card.row + 1 < len(items):
                    after = items[card.row + 2]["id"] if card.row + 2 < len(items) else None
                    self.card_dropped.emit(card.card["id"], self.lanes[card.lane_index]["id"], after)
                return
            if key in (Qt.Key_Return, Qt.Key_Enter):
                self.card_activated.emit(card.card["id"])
                return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:
        card = self._card_at(event.pos())
        if card is None:
            return
        self.select(card.card["id"])
        menu = QMenu(self)
        menu.addAction(tr("Open in the backlog"), lambda: self.card_activated.emit(card.card["id"]))
        move = menu.addMenu(tr("Move to"))
        for lane in self.lanes:
            if lane["id"] == card.card["lane_id"]:
                continue
            name = lane["name"] if lane["id"] is not None else tr("Not planned")
            move.addAction(name, lambda lane_id=lane["id"]: self.card_dropped.emit(card.card["id"], lane_id, None))
        menu.exec(event.globalPos())

    def select(self, item_id: int | None) -> None:
        if self.selected_id in self.cards:
            old = self.cards[self.selected_id]
            old.selected = False
            old.update()
        self.selected_id = item_id
        if item_id in self.cards:
            self.cards[item_id].selected = True
            self.cards[item_id].update()


class BoardView(RefreshWhenShown, QWidget):
    """The Roadmap view: lane mode and filters on top, the board below."""

    LANE_MODES = ("quarters", "releases", "now-next-later")

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._scores: dict | None = None
        self._scoring = Latest(
            self.ctx, self, lambda ws, progress: scores_by_id(ws, board=True), self._scores_arrived,
            lambda exc, details: show_error(self, exc, details),
        )
        self._rescore_timer = QTimer(self)
        self._rescore_timer.setSingleShot(True)
        self._rescore_timer.setInterval(300)
        self._rescore_timer.timeout.connect(self._request_scores)
        self.lanes: list[dict] = []
        self.last_timing: dict = {}

        self.mode_box = QComboBox()
        for mode in self.LANE_MODES:
            self.mode_box.addItem(lane_mode_label(mode), mode)
        self.theme_box = QComboBox()
        self.kind_box = QComboBox()
        self.kind_box.addItem(tr("All kinds"), None)
        for kind in ops.KINDS:
            self.kind_box.addItem(kind_label(kind), kind)
        self.status_box = QComboBox()
        self.status_box.addItem(tr("All statuses"), None)
        for status in ops.STATUSES:
            self.status_box.addItem(status_label(status), status)
        self.business_box = QCheckBox(tr("Business view"))
        self.business_box.setToolTip(tr("Show only what the business edition of the roadmap shows: no effort, capacity or won't-do items."))
        self.export_button = QPushButton(tr("Export PNG…"))
        self.summary = QLabel()
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Lanes:")))
        bar.addWidget(self.mode_box)
        bar.addSpacing(12)
        bar.addWidget(self.theme_box)
        bar.addWidget(self.kind_box)
        bar.addWidget(self.status_box)
        bar.addSpacing(12)
        bar.addWidget(self.business_box)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        bar.addWidget(self.export_button)

        self.canvas = BoardCanvas(self)
        self.header = LaneHeaderBar(self.canvas, self)
        self.canvas.horizontalScrollBar().valueChanged.connect(self.header.set_offset)
        self.legend = LegendBar(self.canvas.board_painter, self)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addSpacing(4)
        layout.addWidget(self.legend)
        layout.addWidget(self.header)
        layout.addWidget(self.canvas, 1)
        layout.setSpacing(0)

        self.mode_box.currentIndexChanged.connect(lambda _: self.refresh(rescore=False))
        for box in (self.theme_box, self.kind_box, self.status_box):
            box.currentIndexChanged.connect(lambda _: self.refresh(rescore=False))
        self.business_box.toggled.connect(lambda _: self.refresh(rescore=False))
        self.export_button.clicked.connect(self.choose_export)
        self.canvas.card_dropped.connect(self.drop_card)
        self.canvas.card_activated.connect(self.ctx.item_selected.emit)
        self.ctx.changed.connect(self._on_changed)
        self.ctx.workspace_replaced.connect(self._on_workspace_replaced)
        self.refresh()

    # ------------------------------------------------------------ state

    @property
    def mode(self) -> str:
        return self.mode_box.currentData()

    def set_mode(self, mode: str) -> None:
        self.mode_box.setCurrentIndex(self.LANE_MODES.index(mode))

    @property
    def business(self) -> bool:
        return self.business_box.isChecked()

    def _filters(self) -> dict:
        return dict(theme=self.theme_box.currentData(), kind=self.kind_box.currentData(), status=self.status_box.currentData())

    def _on_changed(self, areas) -> None:
        if areas & REFRESH_AREAS:
            self.refresh_or_defer()

    def _fill_themes(self) -> None:
        current = self.theme_box.currentData()
        themes = roadmap.themes(self.ctx.ws)
        if [self.theme_box.itemData(i) for i in range(1, self.theme_box.count())] == themes:
            return
        self.theme_box.blockSignals(True)
        self.theme_box.clear()
        self.theme_box.addItem(tr("All themes"), None)
        for theme in themes:
            self.theme_box.addItem(theme, theme)
        index = self.theme_box.findData(current)
        self.theme_box.setCurrentIndex(max(0, index))
        self.theme_box.blockSignals(False)

    def refresh(self, *, rescore: bool = True) -> None:
        """Redraw the board now from the workspace, keeping the scroll position.

        Scoring a big workspace takes a good part of a second, so scores come
        from a background task: the cards show at once (with the scores they
        had) and take their new scores when the task is done. Filter and lane
        changes reuse the scores.
        """
        if (rescore or self._scores is None) and not self._scoring.running and self._small_workspace():
            # A small workspace scores in a few milliseconds: no thread, no cards without scores.
            try:
                self._scores = scores_by_id(self.ctx.ws, board=True)
            except PlannerError as exc:
                show_error(self, exc)
            rescore = False
        self._rebuild()
        if rescore or self._scores is None:
            # Let the board paint first; a burst of changes costs one rescore.
            self._rescore_timer.start()

    def _small_workspace(self) -> bool:
        return queries.counts(self.ctx.ws)["items"] <= SYNC_SCORE_ITEMS

    @property
    def scores_pending(self) -> bool:
        return self._scoring.busy or self._rescore_timer.isActive()

    def _request_scores(self) -> None:
        self._scoring.request()

    def _scores_arrived(self, scores, seconds: float) -> None:
        self._scores = scores
        self.last_timing["score"] = seconds
        self._rebuild()

    def _on_workspace_replaced(self) -> None:
        self._scores = None
        self._scoring.forget()
        self.refresh_or_defer()

    def _rebuild(self) -> None:
        started = time.perf_counter()
        ws = self.ctx.ws
        try:
            self._fill_themes()
            self.lanes = roadmap.board(ws, lanes=self.mode, business=self.business, scores=self._scores or {}, **self._filters())
        except PlannerError as exc:
            show_error(self, exc)
            return
        loaded = time.perf_counter()
        h, v = self.canvas.horizontalScrollBar().value(), self.canvas.verticalScrollBar().value()
        self.canvas.set_lanes(self.lanes, business=self.business)
        self.canvas.horizontalScrollBar().setValue(h)
        self.canvas.verticalScrollBar().setValue(v)
        self.header.update()
        self.legend.business = self.business
        self.legend.update()
        shown = sum(len(lane["items"]) for lane in self.lanes)
        over = [lane["name"] for lane in self.lanes if lane.get("over_capacity")]
        text = tr("{n} cards").format(n=shown)
        hidden = roadmap.elsewhere(self.ctx.ws, lanes=self.mode)
        if hidden:
            text += "  ·  " + tr("{n} more on {modes} lanes").format(
                n=sum(hidden.values()), modes=", ".join(lane_mode_label(m).lower() for m in hidden))
        if over:
            text += "  ·  " + tr("Over capacity: {lanes}").format(lanes=", ".join(over))
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {OVER_COLOR};" if over else "")
        built = time.perf_counter()
        self.last_timing.update(data=loaded - started, build=built - loaded)

    # ------------------------------------------------------------ actions

    def lane_by_id(self, lane_id) -> dict | None:
        return next((lane for lane in self.lanes if lane["id"] == lane_id), None)

    def drop_card(self, item_id: int, lane_id, before_id) -> None:
        """Move a card (undoably) to `lane_id` before `before_id` (None: at the end)."""
        card = next((c for lane in self.lanes for c in lane["items"] if c["id"] == item_id), None)
        title = card["title"] if card else str(item_id)
        lane = self.lane_by_id(lane_id)
        lane_name = lane["name"] if lane and lane_id is not None else tr("Not planned")
        short = title if len(title) <= 40 else title[:39] + "…"
        state: dict = {}

        def do():
            state["before"] = roadmap.move_card(self.ctx.ws, item_id, lane_id=lane_id, before_item_id=before_id)

        def undo():
            roadmap.restore_placement(self.ctx.ws, state["before"])

        if self.ctx.run_op(tr("Move “{title}” to {lane}").format(title=short, lane=lane_name), do, undo,
                           areas=("items", "lanes"), parent=self) is None and "before" not in state:
            self.refresh(rescore=False)  # it failed: put the dragged card back

    def choose_export(self) -> None:
        name = f"roadmap-{self.mode}.png"
        path, _ = QFileDialog.getSaveFileName(self, tr("Export board as PNG"), name, tr("PNG images (*.png)"))
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        try:
            self.export_png(path)
        except PlannerError as exc:
            show_error(self, exc)

    def legend_width(self, bp: BoardPainter) -> int:
        image = QImage(1, 1, QImage.Format_ARGB32_Premultiplied)
        p = QPainter(image)
        width = bp.legend(p, 0, 0, business=self.business)
        p.end()
        return int(width) + 1

    def export_size(self, *, max_cards: int = 20) -> QSize:
        lanes = [lane for lane in self.lanes if lane["id"] is not None]
        rows = max((min(len(lane["items"]), max_cards) for lane in lanes), default=0)
        truncated = any(len(lane["items"]) > max_cards for lane in lanes)
        width = PAD * 2 + max(1, len(lanes)) * LANE_W - (LANE_W - COL_W)
        height = TITLE_H + HEADER_H + PAD + max(1, rows) * PITCH + (MORE_H if truncated else 0) + PAD
        return QSize(width, height)

    def export_png(self, path, *, max_cards: int = 20) -> QSize:
        """Write the board's lanes (not the not-planned column) as a PNG for slides; returns its size.

        A lane shows its first `max_cards` cards and how many more it holds, so a
        board of thousands of items still makes an image a slide can take.
        """
        lanes = [lane for lane in self.lanes if lane["id"] is not None]
        size = self.export_size(max_cards=max_cards)
        image = QImage(size, QImage.Format_ARGB32_Premultiplied)
        image.fill(QColor("#ffffff"))
        p = QPainter(image)
        p.setRenderHint(QPainter.Antialiasing)
        p.setRenderHint(QPainter.TextAntialiasing)
        bp = BoardPainter(self.font())
        p.setFont(bp.bold_font)
        p.setPen(QColor("#1f2933"))
        title = tr("Roadmap — {mode}").format(mode=lane_mode_label(self.mode))
        if self.business:
            title += "  ·  " + tr("business view")
        p.drawText(QPointF(PAD + 2, PAD + bp.bold_fm.ascent()), title)
        p.setFont(bp.small_font)
        p.setPen(QColor("#52606d"))
        p.drawText(QPointF(PAD + 2, PAD + bp.bold_fm.height() + bp.small_fm.ascent() + 2),
                   tr("{workspace} · {day}").format(workspace=self.ctx.ws.name, day=date.today().isoformat()))
        bp.legend(p, max(PAD + 2 + bp.bold_fm.horizontalAdvance(title) + 24, size.width() - self.legend_width(bp) - PAD),
                  PAD + bp.bold_fm.ascent(), business=self.business)
        top = TITLE_H
        body_top = top + HEADER_H + PAD
        for index, lane in enumerate(lanes):
            x = PAD + index * LANE_W
            bp.header(p, QRectF(x, top, COL_W, HEADER_H - 2), lane, shown=len(lane["items"]), business=self.business)
            p.fillRect(QRectF(x, body_top - 4, COL_W, size.height() - body_top - PAD + 4),
                       QColor("#fbeeee") if lane.get("over_capacity") else QColor("#f3f5f8"))
            for row, card in enumerate(lane["items"][:max_cards]):
                bp.card(p, QRectF(x + CARD_INSET, body_top + row * PITCH, CARD_W, CARD_H), card, business=self.business)
            more = len(lane["items"]) - max_cards
            if more > 0:
                p.setFont(bp.small_font)
                p.setPen(QColor("#52606d"))
                p.drawText(QPointF(x + CARD_INSET + 4, body_top + max_cards * PITCH + bp.small_fm.ascent() + 4),
                           tr("+ {n} more").format(n=more))
        p.end()
        if not image.save(str(path), "PNG"):
            raise ExportFailed(tr("Could not write {path}.").format(path=path), hint=tr("Choose a folder you can write to."))
        return size
