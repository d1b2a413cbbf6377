"""The board as a PNG for slides: the lanes (not the not-planned column), each cut at `max_cards` cards.

A lane shows its first `max_cards` cards and how many more it holds, so a
board of thousands of items still makes an image a slide can take.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QFont, QImage, QPainter

from planner.errors import ExportFailed
from ui.i18n import tr
from ui.roadmap.geometry import CARD_H, CARD_INSET, CARD_W, COL_W, HEADER_H, LANE_W, PAD, PITCH, board_width
from ui.roadmap.painter import BoardPainter
from ui.roadmap.style import lane_mode_label, light_theme

TITLE_H = 40       # the exported image's title line
MORE_H = 26        # "+ N more" under a truncated lane in the export


def _planned(lanes: list[dict]) -> list[dict]:
    return [lane for lane in lanes if lane["id"] is not None]


def export_size(lanes: list[dict], *, max_cards: int = 20) -> QSize:
    lanes = _planned(lanes)
    rows = max((min(len(lane["items"]), max_cards) for lane in lanes), default=0)
    truncated = any(len(lane["items"]) > max_cards for lane in lanes)
    width = board_width(len(lanes))
    height = TITLE_H + HEADER_H + PAD + max(1, rows) * PITCH + (MORE_H if truncated else 0) + PAD
    return QSize(width, height)


def _legend_width(bp: BoardPainter, business: bool) -> int:
    image = QImage(1, 1, QImage.Format_ARGB32_Premultiplied)
    p = QPainter(image)
    width = bp.legend(p, 0, 0, business=business)
    p.end()
    return int(width) + 1


def write_board_png(path, lanes: list[dict], *, mode: str, business: bool, workspace: str, font: QFont,
                    max_cards: int = 20) -> QSize:
    """Draw `lanes` as a board of lane `mode` into a PNG at `path`; returns the image's size."""
    size = export_size(lanes, max_cards=max_cards)
    lanes = _planned(lanes)
    theme = light_theme()  # a slide is light whatever the desktop's colours
    image = QImage(size, QImage.Format_ARGB32_Premultiplied)
    image.fill(theme.background)
    p = QPainter(image)
    p.setRenderHint(QPainter.Antialiasing)
    p.setRenderHint(QPainter.TextAntialiasing)
    bp = BoardPainter(font, theme=theme)
    p.setFont(bp.bold_font)
    p.setPen(theme.text)
    title = tr("Roadmap — {mode}").format(mode=lane_mode_label(mode))
    if business:
        title += "  ·  " + tr("business view")
    p.drawText(QPointF(PAD + 2, PAD + bp.bold_fm.ascent()), title)
    p.setFont(bp.small_font)
    p.setPen(theme.muted)
    p.drawText(QPointF(PAD + 2, PAD + bp.bold_fm.height() + bp.small_fm.ascent() + 2),
               tr("{workspace} · {day}").format(workspace=workspace, day=date.today().isoformat()))
    bp.legend(p, max(PAD + 2 + bp.bold_fm.horizontalAdvance(title) + 24, size.width() - _legend_width(bp, business) - PAD),
              PAD + bp.bold_fm.ascent(), business=business)
    top = TITLE_H
    body_top = top + HEADER_H + PAD
    for index, lane in enumerate(lanes):
        x = PAD + index * LANE_W
        bp.header(p, QRectF(x, top, COL_W, HEADER_H - 2), lane, shown=len(lane["items"]), business=business)
        p.fillRect(QRectF(x, body_top - 4, COL_W, size.height() - body_top - PAD + 4),
                   theme.lane_over if lane.get("over_capacity") else theme.lane)
        for row, card in enumerate(lane["items"][:max_cards]):
            bp.card(p, QRectF(x + CARD_INSET, body_top + row * PITCH, CARD_W, CARD_H), card, business=business)
        more = len(lane["items"]) - max_cards
        if more > 0:
            p.setFont(bp.small_font)
            p.setPen(theme.muted)
            p.drawText(QPointF(x + CARD_INSET + 4, body_top + max_cards * PITCH + bp.small_fm.ascent() + 4),
                       tr("+ {n} more").format(n=more))
    p.end()
    if not image.save(str(path), "PNG"):
        raise ExportFailed(tr("Could not write {path}.").format(path=path), hint=tr("Choose a folder you can write to."))
    return size
