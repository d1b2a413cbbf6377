"""Where the matrix puts things for a view of a given size: pure geometry, no widgets.

Effort runs to the right and value up, so quick wins sit top left and time
sinks bottom right; the split lines are where `planner.scoring` splits.
Positions are scene pixels with the origin at the view's top left.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF

MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 64, 24, 40, 56
MIN_R, MAX_R = 4.0, 22.0
# Where each quadrant sits: (high value?, high effort?)
QUADRANT_PLACES = {"quick win": (True, False), "big bet": (True, True), "fill-in": (False, False), "time sink": (False, True)}

Ranges = tuple[float, float, float, float]  # effort from, effort to, value from, value to


def nice_step(span: float, ticks: int = 6) -> float:
    raw = span / max(1, ticks)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def bubble_radius(bubble: float) -> float:
    """The radius of a bubble whose size is `bubble` (0: the smallest there is, 1: the largest)."""
    return MIN_R + (MAX_R - MIN_R) * bubble


def axis_ranges(data: dict | None) -> Ranges:
    """Axes that hold every point of `matrix_points` data and both split lines."""
    points = data["points"] if data else []
    efforts = [p["effort"] for p in points] + [data["effort_split"] or 0 if data else 0]
    values = [p["value"] for p in points] + [data["value_split"] or 0 if data else 0]
    e_max = max(efforts + [1.0]) * 1.08
    lo, hi = min(values), max(values + [1.0])
    v_max = hi + (hi - min(lo, 0.0)) * 0.06
    # Values that all sit well above zero get an axis that starts near them, not at zero.
    if lo > 0 and lo > 0.25 * hi:
        step = nice_step(hi - lo)
        v_min = math.floor((lo - step * 0.5) / step) * step
    else:
        v_min = min(0.0, lo)
    return 0.0, e_max, v_min, v_max


def plot_rect(size: QSize) -> QRectF:
    return QRectF(MARGIN_LEFT, MARGIN_TOP, max(50, size.width() - MARGIN_LEFT - MARGIN_RIGHT),
                  max(50, size.height() - MARGIN_TOP - MARGIN_BOTTOM))


def to_scene(effort: float, value: float, plot: QRectF, ranges: Ranges) -> QPointF:
    e0, e1, v0, v1 = ranges
    x = plot.left() + (effort - e0) / (e1 - e0) * plot.width()
    y = plot.bottom() - (value - v0) / (v1 - v0) * plot.height()
    return QPointF(x, y)


def jittered(point: dict, at: QPointF, split: QPointF | None, plot: QRectF | None = None) -> QPointF:
    """Nudge a point a few pixels (the same way every time) so equal estimates do not
    stack into one bubble, never across a split line (the quadrant stays true) and never
    out of the plot (where the axes' labels are)."""
    seed = (point["id"] * 2654435761) & 0xFFFFFFFF
    dx = ((seed & 0xFFFF) / 0xFFFF - 0.5) * 14
    dy = ((seed >> 16) / 0xFFFF - 0.5) * 14
    x, y = at.x() + dx, at.y() + dy
    if split is not None and point["quadrant"] in QUADRANT_PLACES:
        # Clamp to the point's own side of each line (a point on a line stays on it).
        high_value, high_effort = QUADRANT_PLACES[point["quadrant"]]
        y = min(y, split.y()) if high_value else max(y, split.y() + 0.5)
        x = max(x, split.x() + 0.5) if high_effort else min(x, split.x())
    if plot is not None:  # only the nudge is held in: a point itself always lies inside the plot
        x = min(max(x, min(at.x(), plot.left())), max(at.x(), plot.right()))
        y = min(max(y, min(at.y(), plot.top())), max(at.y(), plot.bottom()))
    return QPointF(x, y)


def quadrant_label_pos(quadrant: str, box: QRectF, label: QSizeF) -> QPointF:
    """The top left of a quadrant's name: in the corner of its box away from both split lines."""
    high_value, high_effort = QUADRANT_PLACES[quadrant]
    x = box.right() - label.width() - 8 if high_effort else box.left() + 8
    y = box.top() + 6 if high_value else box.bottom() - label.height() - 6
    return QPointF(x, y)


@dataclass(frozen=True)
class MatrixLayout:
    """The plot area, its axes and where the split lines cross, for one size of view."""

    plot: QRectF
    ranges: Ranges
    split: QPointF | None  # None while scoring has no split to draw

    @classmethod
    def fit(cls, size: QSize, data: dict | None) -> MatrixLayout:
        plot, ranges = plot_rect(size), axis_ranges(data)
        es, vs = (data["effort_split"], data["value_split"]) if data else (None, None)
        split = to_scene(es, vs, plot, ranges) if vs is not None and es is not None else None
        return cls(plot, ranges, split)

    def to_scene(self, effort: float, value: float) -> QPointF:
        return to_scene(effort, value, self.plot, self.ranges)

    def bubble_pos(self, point: dict) -> QPointF:
        """Where a point's bubble is centred."""
        return jittered(point, self.to_scene(point["effort"], point["value"]), self.split, self.plot)

    def quadrant_boxes(self) -> dict[str, QRectF]:
        """Each quadrant's part of the plot (needs the split)."""
        plot, split = self.plot, self.split
        return {
            "quick win": QRectF(plot.topLeft(), split),
            "big bet": QRectF(QPointF(split.x(), plot.top()), QPointF(plot.right(), split.y())),
            "fill-in": QRectF(QPointF(plot.left(), split.y()), QPointF(split.x(), plot.bottom())),
            "time sink": QRectF(split, plot.bottomRight()),
        }

    def ticks(self, axis: str) -> list[tuple[float, QPointF]]:
        """The round values marked on the effort ("x") or value ("y") axis, with where each sits."""
        e0, e1, v0, v1 = self.ranges
        lo, hi = (e0, e1) if axis == "x" else (v0, v1)
        step = nice_step(hi - lo)
        tick = math.ceil(lo / step) * step
        marks = []
        while tick <= hi + 1e-9:
            marks.append((tick, self.to_scene(tick, v0) if axis == "x" else self.to_scene(e0, tick)))
            tick += step
        return marks
