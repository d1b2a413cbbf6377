"""The matrix's frame in its scene: quadrants and their names, split lines, axes, titles and the legend."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsLineItem, QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem

from planner import ops
from ui.i18n import tr
from ui.matrix.layout import MatrixLayout, quadrant_label_pos
from ui.roadmap.style import Theme, current_theme, format_money, format_number, quadrant_label, readable, status_color
from ui.widgets.labels import status_label


def draw_frame(scene: QGraphicsScene, layout: MatrixLayout, data: dict, *, font: QFont, size_by: str,
               theme: Theme | None = None) -> list[QGraphicsItem]:
    """Add everything but the bubbles to `scene` in `theme`'s colours (default: the palette's);
    returns what it added, to take away on the next layout."""
    t = theme or current_theme()
    added: list[QGraphicsItem] = []

    def add(item: QGraphicsItem) -> None:
        scene.addItem(item)
        added.append(item)

    plot, split = layout.plot, layout.split
    small = QFont(font)
    small.setPointSizeF(max(7.0, font.pointSizeF() - 1.5))
    if split is not None:
        label_font = QFont(font)
        label_font.setBold(True)
        label_font.setPointSizeF(font.pointSizeF() + 1)
        for quadrant, box in layout.quadrant_boxes().items():
            rect = QGraphicsRectItem(box.normalized())
            rect.setBrush(t.quadrants[quadrant])
            rect.setPen(Qt.NoPen)
            rect.setZValue(0)
            add(rect)
            label = QGraphicsSimpleTextItem(f"{quadrant_label(quadrant)} ({data['counts'][quadrant]})")
            label.setFont(label_font)
            label.setBrush(readable(t.muted, t.quadrants[quadrant]))
            label.setZValue(1)
            label.setPos(quadrant_label_pos(quadrant, box, label.boundingRect().size()))
            add(label)
        dash = QPen(t.muted, 1.2, Qt.DashLine)
        for line in (QGraphicsLineItem(split.x(), plot.top(), split.x(), plot.bottom()),
                     QGraphicsLineItem(plot.left(), split.y(), plot.right(), split.y())):
            line.setPen(dash)
            line.setZValue(2)
            add(line)
        es, vs = data["effort_split"], data["value_split"]
        for text, corner in ((tr("effort split {e}").format(e=format_number(es, 2)), "effort"),
                             (tr("value split {v}").format(v=format_number(vs, 2)), "value")):
            label = QGraphicsSimpleTextItem(text)
            label.setFont(small)
            label.setBrush(t.soft)
            br = label.boundingRect()
            if corner == "effort":
                pos = QPointF(split.x() + 4, plot.bottom() - br.height() - 22)
            else:
                pos = QPointF(split.x() + 6, split.y() - br.height() - 3)
            label.setPos(pos)
            # Above the bubbles, on a pale box, so the split values stay readable on a crowded matrix.
            box = QGraphicsRectItem(QRectF(pos, br.size()).adjusted(-3, -1, 3, 1))
            box.setBrush(t.label_box())
            box.setPen(QPen(t.frame, 0.8))
            box.setZValue(60)
            label.setZValue(61)
            add(box)
            add(label)

    frame = QGraphicsRectItem(plot)
    frame.setPen(QPen(t.frame, 1))
    frame.setZValue(3)
    add(frame)
    for axis in ("x", "y"):
        for tick, at in layout.ticks(axis):
            label = QGraphicsSimpleTextItem(format_number(tick, 2))
            label.setFont(small)
            label.setBrush(t.muted)
            br = label.boundingRect()
            if axis == "x":
                label.setPos(at.x() - br.width() / 2, plot.bottom() + 4)
                mark = QGraphicsLineItem(at.x(), plot.bottom(), at.x(), plot.bottom() + 3)
            else:
                label.setPos(plot.left() - br.width() - 6, at.y() - br.height() / 2)
                mark = QGraphicsLineItem(plot.left() - 3, at.y(), plot.left(), at.y())
            mark.setPen(QPen(t.frame))
            add(label)
            add(mark)
    x_title = QGraphicsSimpleTextItem(tr("Effort (person-months) →"))
    titles = QFont(font)
    x_title.setFont(titles)
    x_title.setBrush(t.text)
    x_title.setPos(plot.center().x() - x_title.boundingRect().width() / 2, plot.bottom() + 24)
    y_title = QGraphicsSimpleTextItem(tr("Value →"))
    y_title.setFont(titles)
    y_title.setBrush(t.text)
    y_title.setRotation(-90)
    y_title.setPos(8, plot.center().y() + y_title.boundingRect().width() / 2)
    size_note = QGraphicsSimpleTextItem(
        tr("Bubble size: companies asking (largest {n})").format(n=format_number(data["max_size"]))
        if size_by == "companies" else
        tr("Bubble size: MRR at stake (largest {n})").format(n=format_money(data["max_size"])))
    size_note.setFont(small)
    size_note.setBrush(t.muted)
    size_note.setPos(plot.left(), 8)
    x = plot.left() + size_note.boundingRect().width() + 24
    for status in ops.STATUSES:
        dot = QGraphicsEllipseItem(x, 12, 9, 9)
        colour = status_color(status)
        dot.setPen(QPen(colour.darker(130)))
        fill = QColor(colour)
        fill.setAlpha(150)
        dot.setBrush(fill)
        text = QGraphicsSimpleTextItem(status_label(status))
        text.setFont(small)
        text.setBrush(t.soft)
        text.setPos(x + 13, 8)
        x += 13 + text.boundingRect().width() + 12
        add(dot)
        add(text)
    for item in (x_title, y_title, size_note):
        add(item)
    return added
