"""The roadmap board, the value/effort matrix and the metrics overview, as data.

The GUI draws what these functions return; it moves cards only through
`planner.ops.move_items`, an undoable operation like every other edit.
"""

from planner.roadmap.board import (
    BUSINESS_HIDDEN_STATUSES,
    LANE_MODES,
    UNPLANNED,
    board,
    capacity,
    elsewhere,
    lane_kind_of,
    themes,
)
from planner.roadmap.matrix import QUADRANTS, matrix_points
from planner.roadmap.metrics import metrics_overview

__all__ = [
    "BUSINESS_HIDDEN_STATUSES", "LANE_MODES", "QUADRANTS", "UNPLANNED",
    "board", "capacity", "elsewhere", "lane_kind_of", "matrix_points", "metrics_overview",
    "themes",
]
