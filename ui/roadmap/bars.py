"""The two bars above the board: the legend, and the lane headers that follow the board's horizontal scroll."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRectF, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from ui.roadmap.geometry import COL_W, HEADER_H, LANE_W, PAD
from ui.roadmap.painter import BoardPainter
from ui.roadmap.style import current_theme

if TYPE_CHECKING:
    from ui.roadmap.canvas import BoardCanvas


class LaneHeaderBar(QWidget):
    """The lane headers, above the board, following its horizontal scroll. Right-click one for its menu."""

    lane_menu_requested = Signal(object, QPoint)  # the lane (a board column), where to show the menu

    def __init__(self, view: BoardCanvas, parent=None):
        super().__init__(parent)
        self.view = view
        self.offset = 0
        self.setFixedHeight(HEADER_H + PAD)

    def set_offset(self, value: int) -> None:
        self.offset = value
        self.update()

    def _shift(self) -> int:
        return self.view.frameWidth() - self.offset  # the view's frame shifts its contents by a pixel or two

    def lane_at(self, x: float) -> dict | None:
        """The lane whose header is at `x` in this bar (None between headers)."""
        for index, lane in enumerate(self.view.lanes):
            left = self._shift() + PAD + index * LANE_W
            if left <= x <= left + COL_W:
                return lane
        return None

    def contextMenuEvent(self, event) -> None:
        lane = self.lane_at(event.pos().x())
        if lane is not None:
            self.lane_menu_requested.emit(lane, event.globalPos())

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), current_theme().background)
        shift = self._shift()
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
