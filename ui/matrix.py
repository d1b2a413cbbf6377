"""The value/effort matrix: every scored item as a bubble, in the four quadrants scoring names.

Effort runs to the right and value up, so quick wins sit top left and time
sinks bottom right; the split lines are where `planner.scoring` splits. Points
are plain `QGraphicsEllipseItem`s (painted by Qt, no Python per paint), so two
thousand of them redraw quickly. Selection is the view's own (a click, or a
rubber band dragged on the background), and moving the selection to a lane
goes through `ctx.run_op`, so it is undoable.
"""

from __future__ import annotations

import math
import time
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QGraphicsEllipseItem, QGraphicsLineItem, QGraphicsRectItem, QGraphicsScene,
    QGraphicsSimpleTextItem, QGraphicsView, QHBoxLayout, QLabel, QPushButton, QToolTip, QVBoxLayout, QWidget,
)

from planner import ops, roadmap
from planner.errors import ExportFailed, PlannerError
from planner.roadmap.scores import score_rows
from ui.context import RefreshWhenShown, show_error
from ui.tasks import Latest
from ui.i18n import tr
from ui.roadmap_style import (
    QUADRANT_COLORS, format_money, format_number, kind_label, quadrant_label, status_color, status_label,
)

MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 64, 24, 40, 56
MIN_R, MAX_R = 4.0, 22.0
REFRESH_AREAS = frozenset({"items", "lanes", "links", "requests", "companies", "scores", "settings"})
# Where each quadrant sits: (high value?, high effort?)
QUADRANT_PLACES = {"quick win": (True, False), "big bet": (True, True), "fill-in": (False, False), "time sink": (False, True)}


def _nice_step(span: float, ticks: int = 6) -> float:
    raw = span / max(1, ticks)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


class PointItem(QGraphicsEllipseItem):
    def __init__(self, point: dict, radius: float):
        super().__init__(-radius, -radius, 2 * radius, 2 * radius)
        self.point = point
        self.radius = radius
        colour = status_color(point["status"])
        fill = QColor(colour)
        fill.setAlpha(150)
        self.setBrush(QBrush(fill))
        self.normal_pen = QPen(colour.darker(130), 1)
        self.selected_pen = QPen(QColor("#111827"), 2.5)
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
            f"<b>{_html(p['title'])}</b>",
            tr("{quadrant} · {status} · {kind}").format(
                quadrant=quadrant_label(p["quadrant"]), status=status_label(p["status"]), kind=kind_label(p["kind"])),
            tr("Value {value} · effort {effort} person-months").format(value=format_number(p["value"]), effort=format_number(p["effort"])),
            tr("{companies} companies asking · MRR {mrr}").format(companies=p["companies"], mrr=format_money(p["mrr"])),
        ]
        if p.get("lane"):
            lines.append(tr("Lane: {lane}").format(lane=_html(p["lane"])))
        if p.get("explanation"):
            lines.append(f"<i>{_html(p['explanation'])}</i>")
        return "<p style='white-space:normal; width:360px'>" + "<br>".join(lines) + "</p>"

    def set_marked(self, marked: bool) -> None:
        self.setPen(self.selected_pen if marked else self.normal_pen)


def _html(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class MatrixCanvas(QGraphicsView):
    """Draws the matrix to fit the view and turns clicks and rubber bands into a selection."""

    def __init__(self, view: "MatrixView"):
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


class MatrixView(RefreshWhenShown, QWidget):
    """The Matrix view: bubble size switch, move-to-lane, counts per quadrant, the plot."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[dict] | None = None  # score rows from the last scoring
        self.data: dict | None = None        # matrix_points of those rows
        self.selected: set[int] = set()
        self._scoring = Latest(self.ctx, self, lambda ws, progress: score_rows(ws), self._rows_arrived, self._scoring_failed)
        self.last_timing: dict = {}

        self.size_box = QComboBox()
        self.size_box.addItem(tr("Companies asking"), "companies")
        self.size_box.addItem(tr("MRR at stake"), "mrr")
        self.lane_box = QComboBox()
        self.move_button = QPushButton(tr("Move"))
        self.selection_label = QLabel()
        self.export_button = QPushButton(tr("Export PNG…"))
        self.status_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Bubble size:")))
        bar.addWidget(self.size_box)
        bar.addSpacing(16)
        bar.addWidget(self.selection_label)
        bar.addSpacing(8)
        bar.addWidget(QLabel(tr("Move to:")))
        bar.addWidget(self.lane_box)
        bar.addWidget(self.move_button)
        bar.addStretch(1)
        bar.addWidget(self.status_label)
        bar.addWidget(self.export_button)
        self.canvas = MatrixCanvas(self)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)

        self.size_box.currentIndexChanged.connect(lambda _: self._resize_bubbles())
        self.move_button.clicked.connect(lambda: self.move_selected())
        self.export_button.clicked.connect(self.choose_export)
        self.ctx.changed.connect(self._on_changed)
        self.ctx.workspace_replaced.connect(self._on_workspace_replaced)
        self._update_selection_label()
        self.refresh()

    # ------------------------------------------------------------ data

    @property
    def size_by(self) -> str:
        return self.size_box.currentData()

    @property
    def scores_pending(self) -> bool:
        return self._scoring.busy

    @property
    def counts(self) -> dict:
        return dict(self.data["counts"]) if self.data else {}

    def _on_changed(self, areas) -> None:
        if areas & REFRESH_AREAS:
            self.refresh_or_defer()

    def _on_workspace_replaced(self) -> None:
        self._scoring.forget()
        self.rows = None
        self.selected.clear()
        self.refresh_or_defer()

    def refresh(self) -> None:
        """Rescore in the background (a big workspace takes a good part of a second), then redraw."""
        self._fill_lanes()
        if self.rows is None and not self._scoring.busy:
            self.status_label.setText(tr("Scoring…"))
        self._scoring.request()

    def _rows_arrived(self, rows, seconds: float) -> None:
        self.rows = rows
        self.last_timing["score"] = seconds
        self._rebuild()

    def _scoring_failed(self, exc, details) -> None:
        self.status_label.setText("")
        show_error(self, exc, details)

    def _fill_lanes(self) -> None:
        current = self.lane_box.currentData()
        self.lane_box.clear()
        kinds = {"quarter": tr("quarter"), "release": tr("release"), "horizon": tr("horizon")}
        order = {"quarter": 0, "release": 1, "horizon": 2}
        for lane in sorted(ops.list_lanes(self.ctx.ws), key=lambda lane: (order.get(lane["kind"], 3), lane["position"], lane["id"])):
            self.lane_box.addItem(f"{lane['name']} ({kinds.get(lane['kind'], lane['kind'])})", lane["id"])
        self.lane_box.addItem(tr("Not planned"), -1)
        index = self.lane_box.findData(current)
        self.lane_box.setCurrentIndex(max(0, index))

    def _rebuild(self) -> None:
        if self.rows is None:
            return
        started = time.perf_counter()
        try:
            self.data = roadmap.matrix_points(self.ctx.ws, size_by=self.size_by, rows=self.rows)
        except PlannerError as exc:
            show_error(self, exc)
            return
        ids = {p["id"] for p in self.data["points"]}
        self.selected &= ids
        c = self.data["counts"]
        text = "  ·  ".join(f"{quadrant_label(q)} {c[q]}" for q in roadmap.QUADRANTS)
        if self.data["unplaced"]:
            text += "  ·  " + tr("{n} without value or effort").format(n=self.data["unplaced"])
        self.status_label.setText(text)
        scene = self.canvas.scene()
        scene.clear()
        self.canvas.points = []
        for p in self.data["points"]:
            item = PointItem(p, MIN_R + (MAX_R - MIN_R) * p["bubble"])
            item.set_marked(p["id"] in self.selected)
            scene.addItem(item)
            self.canvas.points.append(item)
        self._frame_items = []
        self.layout_scene()
        self._update_selection_label()
        self.last_timing["build"] = time.perf_counter() - started

    def _resize_bubbles(self) -> None:
        """Bubble size switched: same points, new radii (no rebuild)."""
        if self.rows is None:
            return
        try:
            self.data = roadmap.matrix_points(self.ctx.ws, size_by=self.size_by, rows=self.rows)
        except PlannerError as exc:
            show_error(self, exc)
            return
        by_id = {p["id"]: p for p in self.data["points"]}
        if set(by_id) != {i.point["id"] for i in self.canvas.points}:
            self._rebuild()
            return
        for item in self.canvas.points:
            item.point = by_id[item.point["id"]]
            item.set_radius(MIN_R + (MAX_R - MIN_R) * item.point["bubble"])
        self.layout_scene()

    # ------------------------------------------------------------ geometry

    def _ranges(self) -> tuple[float, float, float, float]:
        points = self.data["points"] if self.data else []
        efforts = [p["effort"] for p in points] + [self.data["effort_split"] or 0 if self.data else 0]
        values = [p["value"] for p in points] + [self.data["value_split"] or 0 if self.data else 0]
        e_max = max(efforts + [1.0]) * 1.08
        lo, hi = min(values), max(values + [1.0])
        v_max = hi + (hi - min(lo, 0.0)) * 0.06
        # Values that all sit well above zero get an axis that starts near them, not at zero.
        if lo > 0 and lo > 0.25 * hi:
            step = _nice_step(hi - lo)
            v_min = math.floor((lo - step * 0.5) / step) * step
        else:
            v_min = min(0.0, lo)
        return 0.0, e_max, v_min, v_max

    def plot_rect(self, size: QSize) -> QRectF:
        return QRectF(MARGIN_LEFT, MARGIN_TOP, max(50, size.width() - MARGIN_LEFT - MARGIN_RIGHT),
                      max(50, size.height() - MARGIN_TOP - MARGIN_BOTTOM))

    def to_scene(self, effort: float, value: float, plot: QRectF, ranges=None) -> QPointF:
        e0, e1, v0, v1 = ranges or self._ranges()
        x = plot.left() + (effort - e0) / (e1 - e0) * plot.width()
        y = plot.bottom() - (value - v0) / (v1 - v0) * plot.height()
        return QPointF(x, y)

    def layout_scene(self, size: QSize | None = None) -> None:
        """Place the frame, quadrants, split lines and points for a view of `size`."""
        if self.data is None:
            return
        size = size or self.canvas.viewport().size()
        scene = self.canvas.scene()
        for item in getattr(self, "_frame_items", []):
            scene.removeItem(item)
        self._frame_items = []
        plot = self.plot_rect(size)
        scene.setSceneRect(0, 0, size.width(), size.height())
        e0, e1, v0, v1 = self._ranges()
        vs, es = self.data["value_split"], self.data["effort_split"]
        add = self._frame_items.append

        if vs is not None and es is not None:
            split = self.to_scene(es, vs, plot)
            boxes = {
                "quick win": QRectF(plot.topLeft(), split),
                "big bet": QRectF(QPointF(split.x(), plot.top()), QPointF(plot.right(), split.y())),
                "fill-in": QRectF(QPointF(plot.left(), split.y()), QPointF(split.x(), plot.bottom())),
                "time sink": QRectF(split, plot.bottomRight()),
            }
            label_font = QFont(self.font())
            label_font.setBold(True)
            label_font.setPointSizeF(self.font().pointSizeF() + 1)
            for quadrant, box in boxes.items():
                rect = QGraphicsRectItem(box.normalized())
                rect.setBrush(QColor(QUADRANT_COLORS[quadrant]))
                rect.setPen(Qt.NoPen)
                rect.setZValue(0)
                scene.addItem(rect)
                add(rect)
                label = QGraphicsSimpleTextItem(f"{quadrant_label(quadrant)} ({self.data['counts'][quadrant]})")
                label.setFont(label_font)
                label.setBrush(QColor("#52606d"))
                label.setZValue(1)
                high_value, high_effort = QUADRANT_PLACES[quadrant]
                lw, lh = label.boundingRect().width(), label.boundingRect().height()
                x = box.right() - lw - 8 if high_effort else box.left() + 8
                y = box.top() + 6 if high_value else box.bottom() - lh - 6
                label.setPos(x, y)
                scene.addItem(label)
                add(label)
            dash = QPen(QColor("#52606d"), 1.2, Qt.DashLine)
            for line in (QGraphicsLineItem(split.x(), plot.top(), split.x(), plot.bottom()),
                         QGraphicsLineItem(plot.left(), split.y(), plot.right(), split.y())):
                line.setPen(dash)
                line.setZValue(2)
                scene.addItem(line)
                add(line)
            small = QFont(self.font())
            small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1.5))
            for text, corner in ((tr("effort split {e}").format(e=format_number(es, 2)), "effort"),
                                 (tr("value split {v}").format(v=format_number(vs, 2)), "value")):
                label = QGraphicsSimpleTextItem(text)
                label.setFont(small)
                label.setBrush(QColor("#3e4c59"))
                br = label.boundingRect()
                if corner == "effort":
                    pos = QPointF(split.x() + 4, plot.bottom() - br.height() - 22)
                else:
                    pos = QPointF(split.x() + 6, split.y() - br.height() - 3)
                label.setPos(pos)
                # Above the bubbles, on a pale box, so the split values stay readable on a crowded matrix.
                box = QGraphicsRectItem(QRectF(pos, br.size()).adjusted(-3, -1, 3, 1))
                box.setBrush(QColor(255, 255, 255, 215))
                box.setPen(QPen(QColor("#9aa5b1"), 0.8))
                box.setZValue(60)
                label.setZValue(61)
                for item in (box, label):
                    scene.addItem(item)
                    add(item)

        frame = QGraphicsRectItem(plot)
        frame.setPen(QPen(QColor("#9aa5b1"), 1))
        frame.setZValue(3)
        scene.addItem(frame)
        add(frame)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1.5))
        for axis, (lo, hi) in (("x", (e0, e1)), ("y", (v0, v1))):
            step = _nice_step(hi - lo)
            tick = math.ceil(lo / step) * step
            while tick <= hi + 1e-9:
                at = self.to_scene(tick, v0, plot) if axis == "x" else self.to_scene(e0, tick, plot)
                label = QGraphicsSimpleTextItem(format_number(tick, 2))
                label.setFont(small)
                label.setBrush(QColor("#52606d"))
                br = label.boundingRect()
                if axis == "x":
                    label.setPos(at.x() - br.width() / 2, plot.bottom() + 4)
                    mark = QGraphicsLineItem(at.x(), plot.bottom(), at.x(), plot.bottom() + 3)
                else:
                    label.setPos(plot.left() - br.width() - 6, at.y() - br.height() / 2)
                    mark = QGraphicsLineItem(plot.left() - 3, at.y(), plot.left(), at.y())
                mark.setPen(QPen(QColor("#9aa5b1")))
                for item in (label, mark):
                    scene.addItem(item)
                    add(item)
                tick += step
        titles = QFont(self.font())
        x_title = QGraphicsSimpleTextItem(tr("Effort (person-months) →"))
        x_title.setFont(titles)
        x_title.setPos(plot.center().x() - x_title.boundingRect().width() / 2, plot.bottom() + 24)
        y_title = QGraphicsSimpleTextItem(tr("Value →"))
        y_title.setFont(titles)
        y_title.setRotation(-90)
        y_title.setPos(8, plot.center().y() + y_title.boundingRect().width() / 2)
        size_note = QGraphicsSimpleTextItem(
            tr("Bubble size: companies asking (largest {n})").format(n=format_number(self.data["max_size"]))
            if self.size_by == "companies" else
            tr("Bubble size: MRR at stake (largest {n})").format(n=format_money(self.data["max_size"])))
        size_note.setFont(small)
        size_note.setBrush(QColor("#52606d"))
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
            text.setBrush(QColor("#3e4c59"))
            text.setPos(x + 13, 8)
            x += 13 + text.boundingRect().width() + 12
            for item in (dot, text):
                scene.addItem(item)
                add(item)
        for item in (x_title, y_title, size_note):
            scene.addItem(item)
            add(item)
        ranges = (e0, e1, v0, v1)
        split = self.to_scene(es, vs, plot, ranges) if vs is not None and es is not None else None
        for item in self.canvas.points:
            item.setPos(self._jittered(item, self.to_scene(item.point["effort"], item.point["value"], plot, ranges), split))

    @staticmethod
    def _jittered(item: PointItem, at: QPointF, split: QPointF | None) -> QPointF:
        """Nudge a point a few pixels (the same way every time) so equal estimates do not
        stack into one bubble, never across a split line: the quadrant stays true."""
        seed = (item.point["id"] * 2654435761) & 0xFFFFFFFF
        dx = ((seed & 0xFFFF) / 0xFFFF - 0.5) * 14
        dy = ((seed >> 16) / 0xFFFF - 0.5) * 14
        x, y = at.x() + dx, at.y() + dy
        if split is not None and item.point["quadrant"] in QUADRANT_PLACES:
            # Clamp to the point's own side of each line (a point on a line stays on it).
            high_value, high_effort = QUADRANT_PLACES[item.point["quadrant"]]
            y = min(y, split.y()) if high_value else max(y, split.y() + 0.5)
            x = max(x, split.x() + 0.5) if high_effort else min(x, split.x())
        return QPointF(x, y)

    # ------------------------------------------------------------ selection

    def point_pos(self, item_id: int):
        """Where a point is on the viewport (tests click here)."""
        item = next(i for i in self.canvas.points if i.point["id"] == item_id)
        return self.canvas.mapFromScene(item.scenePos())

    def click_point(self, item_id: int | None, *, adding: bool = False) -> None:
        if item_id is None:
            if not adding:
                self.select_ids([])
            return
        if adding:
            self.select_ids(self.selected ^ {item_id})
        else:
            self.select_ids([item_id])
            self.ctx.item_selected.emit(item_id)

    def select_ids(self, ids, *, adding: bool = False) -> None:
        self.selected = (self.selected | set(ids)) if adding else set(ids)
        for item in self.canvas.points:
            item.set_marked(item.point["id"] in self.selected)
        self._update_selection_label()

    def _update_selection_label(self) -> None:
        n = len(self.selected)
        self.selection_label.setText(tr("{n} selected").format(n=n) if n else tr("Click a bubble, or drag a box around several"))
        self.move_button.setEnabled(n > 0)
        self.lane_box.setEnabled(n > 0)

    def move_selected(self, lane_id=None) -> None:
        """Move the selected items to a lane (default: the chosen one), undoably."""
        if not self.selected:
            return
        if lane_id is None:
            lane_id = self.lane_box.currentData()
        target = None if lane_id in (-1, None) else lane_id
        index = self.lane_box.findData(lane_id if lane_id is not None else -1)
        name = self.lane_box.itemText(index).rsplit(" (", 1)[0] if index >= 0 else tr("Not planned")
        ids = sorted(self.selected, key=lambda i: next((p["rank"] or 10**9 for p in self.data["points"] if p["id"] == i), 0))
        state: dict = {}

        def do():
            state["before"] = roadmap.move_cards(self.ctx.ws, ids, lane_id=target)

        def undo():
            roadmap.restore_placements(self.ctx.ws, state["before"])

        text = tr("Move {n} items to {lane}").format(n=len(ids), lane=name) if len(ids) > 1 else \
            tr("Move “{title}” to {lane}").format(title=next(p["title"] for p in self.data["points"] if p["id"] == ids[0]), lane=name)
        self.ctx.run_op(text, do, undo, areas=("items", "lanes"), parent=self)

    # ------------------------------------------------------------ export

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export matrix as PNG"), "value-effort-matrix.png", tr("PNG images (*.png)"))
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        try:
            self.export_png(path)
        except PlannerError as exc:
            show_error(self, exc)

    def export_png(self, path, *, size: QSize = QSize(1600, 1000)) -> QSize:
        """Draw the matrix at `size` (slide-sized by default) into a PNG; returns the size."""
        if self.data is None:
            raise ExportFailed(tr("The matrix is still being scored; try again in a moment."))
        image = QImage(size, QImage.Format_ARGB32_Premultiplied)
        image.fill(QColor("#ffffff"))
        marked = set(self.selected)
        self.select_ids([])  # a slide shows no selection
        self.layout_scene(size)
        p = QPainter(image)
        p.setRenderHint(QPainter.Antialiasing)
        p.setRenderHint(QPainter.TextAntialiasing)
        self.canvas.scene().render(p, QRectF(0, 0, size.width(), size.height()), QRectF(0, 0, size.width(), size.height()))
        p.setPen(QColor("#1f2933"))
        p.drawText(QPointF(size.width() - 260, 22), tr("{workspace} · {day}").format(workspace=self.ctx.ws.name, day=date.today().isoformat()))
        p.end()
        self.layout_scene()
        self.select_ids(marked)
        if not image.save(str(path), "PNG"):
            raise ExportFailed(tr("Could not write {path}.").format(path=path), hint=tr("Choose a folder you can write to."))
        return size
