"""Where lanes and cards sit on the board, in scene pixels: the canvas and the PNG export share these."""

from __future__ import annotations

from PySide6.QtCore import QPointF

PAD = 8            # around the board
LANE_W = 252       # column pitch
COL_W = 244        # column background width
CARD_W = 228
CARD_INSET = (COL_W - CARD_W) / 2
CARD_H = 68
GAP = 6
PITCH = CARD_H + GAP
HEADER_H = 74


def card_pos(lane_index: int, row: int) -> QPointF:
    return QPointF(PAD + lane_index * LANE_W + CARD_INSET, PAD + row * PITCH)


def board_width(lane_count: int) -> int:
    """The width of `lane_count` columns side by side, with the padding around them."""
    return PAD * 2 + max(1, lane_count) * LANE_W - (LANE_W - COL_W)
