"""The scrolling part of the board: cards as light graphics items, and the mouse and keys that move them.

Cards are light `QGraphicsItem`s painted by one shared `BoardPainter`, so a
board of thousands of items costs one small object per card and paints only
what is on screen. Dragging is done by the canvas's own mouse handlers (no
nested `QDrag` loop); a drop, an Alt+arrow or a "Move to" menu entry is
emitted as `card_dropped`, and the view makes it an undoable edit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsRectItem, QGraphicsScene, QGraphicsView, QMenu, QToolTip

from planner.scoring.numbers import format_score
from ui.i18n import tr
from ui.roadmap.geometry import CARD_H, CARD_INSET, CARD_W, COL_W, GAP, LANE_W, PAD, PITCH, board_width, card_pos
from ui.roadmap.painter import BoardPainter
from ui.roadmap.style import current_theme
from ui.roadmap.style import format_number
from ui.widgets.labels import kind_label, status_label


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


class BoardScene(QGraphicsScene):
    """Paints the lane columns behind the cards (cheaply: only the exposed part)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lanes: list[dict] = []

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        theme = current_theme()
        painter.fillRect(rect, theme.background)
        height = self.sceneRect().height()
        for index, lane in enumerate(self.lanes):
            column = QRectF(PAD + index * LANE_W, 0, COL_W, height)
            if column.intersects(rect):
                painter.fillRect(column.intersected(rect), theme.lane_over if lane.get("over_capacity") else theme.lane)


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
        width = board_width(len(lanes))
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

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.PaletteChange, QEvent.ApplicationPaletteChange):
            # Colours come from the palette: a dark desktop switched on repaints the cached background and cards.
            self.resetCachedContent()
            for item in self.cards.values():
                item.update()
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
            parts.append(tr("Score {score} (rank {rank})").format(score=format_score(card["score"]), rank=card.get("rank") or "–"))
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
        self._indicator.setBrush(QBrush(current_theme().accent))
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
