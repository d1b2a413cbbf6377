"""The roadmap board, the value/effort matrix and the metrics overview, as data.

The GUI draws what these functions return and changes the roadmap only
through `move_card` / `move_cards`, whose return values `restore_placement`
puts back (undo).
"""

from planner.roadmap.board import (
    BUSINESS_HIDDEN_STATUSES,
    LANE_MODES,
    UNPLANNED,
    board,
    capacity,
    elsewhere,
    lane_kind_of,
    move_card,
    move_cards,
    restore_placement,
    restore_placements,
    themes,
)
from planner.roadmap.matrix import QUADRANTS, matrix_points
from planner.roadmap.metrics import metrics_overview

__all__ = [
    "BUSINESS_HIDDEN_STATUSES", "LANE_MODES", "QUADRANTS", "UNPLANNED",
    "board", "capacity", "elsewhere", "lane_kind_of", "matrix_points", "metrics_overview",
    "move_card", "move_cards", "restore_placement", "restore_placements", "themes",
]
