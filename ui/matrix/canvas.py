"""The matrix's plot: bubbles as plain ellipse items, and clicks and rubber bands turned into a selection.

Points are plain `QGraphicsEllipseItem`s (painted by Qt, no Python per paint),
so two thousand of them redraw quickly. Selection is the view's own (a click,
or a rubber band dragged on the background).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsScene, QGraphicsView, QToolTip

from ui.i18n import tr
from ui.matrix.layout import MAX_R
from ui.roadmap.style import current_theme, format_money, format_number, quadrant_label, status_color
from ui.widgets.labels import kind_label, status_label

if TYPE_CHECKING:
    from ui.matrix.view import MatrixView


class PointItem(QGraphicsEllipseItem):
    """One scored item: a bubble in its status colour, its tooltip written when asked for."""

    def __init__(self, point: dict, radius: float):
        super().__init__(-radius, -radius, 2 * radius, 2 * radius)
        self.point = point
        self.radius = radius
        colour = status_color(point["status"])
        fill = QColor(colour)
        fill.setAlpha(150)
        self.setBrush(QBrush(fill))
        self.normal_pen = QPen(colour.darker(130), 1)
        self.selected_pen = QPen(current_theme().text, 2.5)
        self.setPen(self.normal_pen)
        # Smaller bubbles on top, so a big one never hides a small one.
        self.setZValue(10 + (MAX_R - radius))

    def set_radius(self, radius: float) -> None:
        self.radius = radius
        self.setRect(-radius, -radius, 2 * radius, 2 * radius)
        self.setZValue(10 + (MAX_R - radius))

    def toolTip(self) -> str:  # noqa: N802 - built when asked: two thousand rich tooltips up front cost a freeze
        return self.tooltip_html()

    def tooltip_html(self) -> str:
        p = self.point
        lines = [
            f"<b>{escape(p['title'], quote=False)}</b>",
            tr("{quadrant} · {status} · {kind}").format(
                quadrant=quadrant_label(p["quadrant"]), status=status_label(p["status"]), kind=kind_label(p["kind"])),
            tr("Value {value} · effort {effort} person-months").format(value=format_number(p["value"]), effort=format_number(p["effort"])),
            tr("{companies} companies asking · MRR {mrr}").format(companies=p["companies"], mrr=format_money(p["mrr"])),
        ]
        if p.get("lane"):
            lines.append(tr("Lane: {lane}").format(lane=escape(p["lane"], quote=False)))
        if p.get("explanation"):
            lines.append(f"<i>{escape(p['explanation'], quote=False)}</i>")
        return "<p style='white-space:normal; width:360px'>" + "<br>".join(lines) + "</p>"

    def set_marked(self, marked: bool) -> None:
        if marked:
            self.selected_pen = QPen(current_theme().text, 2.5)  # the palette may have changed since
        self.setPen(self.selected_pen if marked else self.normal_pen)


class MatrixCanvas(QGraphicsView):
    """Draws the matrix to fit the view and turns clicks and rubber bands into a selection."""

    def __init__(self, view: MatrixView):
        super().__init__(view)
        self.view = view
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.Antialiasing)
        self.setDragMode(QGraphicsView.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.IntersectsItemShape)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.setMouseTracking(True)
        self.points: list[PointItem] = []
        self._press_pos = None

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            item = self.point_at(event.position().toPoint() if hasattr(event, "position") else event.pos())
            if item is not None:
                QToolTip.showText(event.globalPos(), item.tooltip_html(), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def point_at(self, pos) -> PointItem | None:
        for item in self.items(pos):
            if isinstance(item, PointItem):
                return item
        return None

    def mousePressEvent(self, event) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.LeftButton or self._press_pos is None:
            return
        pos = event.position().toPoint()
        adding = bool(event.modifiers() & (Qt.ShiftModifier | Qt.ControlModifier))
        if (pos - self._press_pos).manhattanLength() < 4:
            item = self.point_at(pos)
            self.view.click_point(item.point["id"] if item else None, adding=adding)
        else:
            # The band runs from the press to the release, whatever the view last drew.
            band = QRectF(self.mapToScene(self._press_pos), self.mapToScene(pos)).normalized()
            ids = [i.point["id"] for i in self.points if band.contains(i.scenePos())]
            self.view.select_ids(ids, adding=adding)
        self._press_pos = None

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.view.layout_scene()
