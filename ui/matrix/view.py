"""The value/effort matrix: every scored item as a bubble, in the four quadrants scoring names.

Where things go is `layout` (pure geometry), the axes and quadrants are drawn
by `frame`, the bubbles and the mouse are the `canvas`. Moving the selection
to a lane goes through `ui.operations.items.move_items`, so it is undoable.
"""

from __future__ import annotations

import time
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from planner import ops, roadmap
from planner.ops import Changes, Entity
from planner.errors import ExportFailed, PlannerError
from planner.roadmap.scores import score_rows
from ui.context import RefreshWhenShown, show_error
from ui.i18n import tr
from ui.operations import items as actions
from ui.matrix.canvas import MatrixCanvas, PointItem
from ui.matrix.frame import draw_frame
from ui.matrix.layout import MatrixLayout, bubble_radius
from ui.roadmap.style import light_theme, quadrant_label
from ui.tasks import Latest
from ui.widgets.combos import refill_combo
from ui.widgets.empty import EmptyHint, window_call
from ui.widgets.labels import lane_kind_label
from ui.widgets.files import save_png_as

# What the view shows: where items sit, their scores, and the lanes.
SHOWN = (Entity.ITEMS, Entity.LANES, Entity.SCORES)


class MatrixView(RefreshWhenShown, QWidget):
    """The Matrix view: bubble size switch, move-to-lane, counts per quadrant, the plot."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[dict] | None = None  # score rows from the last scoring
        self.data: dict | None = None        # matrix_points of those rows
        self._frame_items: list = []         # what layout_scene drew around the bubbles
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
        self.empty = EmptyHint("", [(tr("New Item…"), lambda: window_call(self, "new_item"))])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
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

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*SHOWN):
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
        order = {"quarter": 0, "release": 1, "horizon": 2}
        lanes = sorted(ops.list_lanes(self.ctx.ws), key=lambda lane: (order.get(lane["kind"], 3), lane["position"], lane["id"]))
        choices = [(f"{lane['name']} ({lane_kind_label(lane['kind'])})", lane["id"]) for lane in lanes]
        refill_combo(self.lane_box, choices + [(tr("Not planned"), -1)])

    def _load_points(self) -> bool:
        """The last score rows as matrix points at the chosen bubble size; False (and shown) if that failed."""
        try:
            self.data = roadmap.matrix_points(self.ctx.ws, size_by=self.size_by, rows=self.rows)
        except PlannerError as exc:
            show_error(self, exc)
            return False
        return True

    def _rebuild(self) -> None:
        if self.rows is None:
            return
        started = time.perf_counter()
        if not self._load_points():
            return
        ids = {p["id"] for p in self.data["points"]}
        self.selected &= ids
        c = self.data["counts"]
        text = "  ·  ".join(f"{quadrant_label(q)} {c[q]}" for q in roadmap.QUADRANTS)
        if self.data["unplaced"]:
            text += "  ·  " + tr("{n} without value or effort").format(n=self.data["unplaced"])
        self.status_label.setText(text)
        if not self.data["points"]:
            self.empty.label.setText(
                tr("No items yet. Add the first one; it shows here once it has a value and an effort.")
                if not self.data["unplaced"] else
                tr("No item has both a value and an effort yet. Fill them in the backlog's detail panel "
                   "to see where each item falls."))
        self.empty.buttons[tr("New Item…")].setVisible(not self.data["unplaced"])
        self.empty.setVisible(not self.data["points"])
        scene = self.canvas.scene()
        scene.clear()
        self.canvas.points = []
        for p in self.data["points"]:
            item = PointItem(p, bubble_radius(p["bubble"]))
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
        if not self._load_points():
            return
        by_id = {p["id"]: p for p in self.data["points"]}
        if set(by_id) != {i.point["id"] for i in self.canvas.points}:
            self._rebuild()
            return
        for item in self.canvas.points:
            item.point = by_id[item.point["id"]]
            item.set_radius(bubble_radius(item.point["bubble"]))
        self.layout_scene()

    # ------------------------------------------------------------ geometry

    def layout_scene(self, size: QSize | None = None, *, theme=None) -> None:
        """Place the frame, quadrants, split lines and points for a view of `size`, in `theme`'s colours
        (default: the palette's)."""
        if self.data is None:
            return
        size = size or self.canvas.viewport().size()
        scene = self.canvas.scene()
        for item in self._frame_items:
            scene.removeItem(item)
        layout = MatrixLayout.fit(size, self.data)
        scene.setSceneRect(0, 0, size.width(), size.height())
        self._frame_items = draw_frame(scene, layout, self.data, font=self.font(), size_by=self.size_by, theme=theme)
        for item in self.canvas.points:
            item.setPos(layout.bubble_pos(item.point))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.PaletteChange, QEvent.ApplicationPaletteChange):
            # The frame's colours come from the palette: draw it again, and the selection's outline.
            self.layout_scene()
            self.select_ids(self.selected)

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
        actions.move_items(self.ctx, self, ids, target, lane_name=name)

    # ------------------------------------------------------------ export

    def choose_export(self) -> None:
        save_png_as(self, tr("Export matrix as PNG"), "value-effort-matrix.png", self.export_png)

    def export_png(self, path, *, size: QSize = QSize(1600, 1000)) -> QSize:
        """Draw the matrix at `size` (slide-sized by default) into a PNG; returns the size."""
        if self.data is None:
            raise ExportFailed(tr("The matrix is still being scored; try again in a moment."))
        theme = light_theme()  # a slide is light whatever the desktop's colours
        image = QImage(size, QImage.Format_ARGB32_Premultiplied)
        image.fill(theme.background)
        marked = set(self.selected)
        self.select_ids([])  # a slide shows no selection
        self.layout_scene(size, theme=theme)
        p = QPainter(image)
        p.setRenderHint(QPainter.Antialiasing)
        p.setRenderHint(QPainter.TextAntialiasing)
        self.canvas.scene().render(p, QRectF(0, 0, size.width(), size.height()), QRectF(0, 0, size.width(), size.height()))
        p.setPen(theme.text)
        p.drawText(QPointF(size.width() - 260, 22), tr("{workspace} · {day}").format(workspace=self.ctx.ws.name, day=date.today().isoformat()))
        p.end()
        self.layout_scene()
        self.select_ids(marked)
        if not image.save(str(path), "PNG"):
            raise ExportFailed(tr("Could not write {path}.").format(path=path), hint=tr("Choose a folder you can write to."))
        return size
