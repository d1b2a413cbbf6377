"""The roadmap board on one page for executives: a vector PDF (A4 or Letter, landscape) or a 16:9 PNG for slides.

One page, whatever the workspace holds: the board is laid out on a canvas of
the page's proportions, each lane shows the cards that fit and "+ N more", and
the canvas is scaled onto the page. The PDF stays vector (QPdfWriter writes
text as text and embeds the fonts it uses), so a reader can zoom and search it.
Cards, lane headers and the status colours are the board's own (`BoardPainter`);
the page adds the workspace's name, the date, a coloured band per theme and a
legend. The business edition leaves out scores, effort and capacity.

Works without a window: the data comes from `planner.roadmap.board`, and a
QGuiApplication (offscreen is enough) is all Qt needs to paint.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QMarginsF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (QColor, QFont, QFontDatabase, QFontInfo, QFontMetricsF, QGuiApplication, QImage, QPageLayout,
                           QPageSize, QPainter, QPainterPath, QPdfWriter)

from planner import ops, roadmap
from planner.errors import ExportFailed
from planner.exporting import replacing
from ui.i18n import tr
from ui.roadmap.geometry import CARD_H, CARD_INSET, CARD_W, COL_W, GAP, HEADER_H, LANE_W, PITCH, board_width
from ui.roadmap.painter import BoardPainter
from ui.roadmap.style import Theme, lane_mode_label, light_theme, status_color
from ui.widgets.labels import kind_label, status_label

PAGES = {"a4": (QPageSize.PageSizeId.A4, "A4"), "letter": (QPageSize.PageSizeId.Letter, "Letter")}
PNG_SIZE = QSize(1920, 1080)  # a full-HD 16:9 slide
PNG_MIN_WIDTH = 1280  # canvas pixels: a narrow board is drawn at about 1.5× on the slide, not larger
MARGIN_PT = 28  # about 1 cm of paper around the page's content
JAPANESE_FAMILIES = ("Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAGothic", "Hiragino Sans", "Yu Gothic",
                     "Meiryo")
BASE_POINT_SIZE = 9.0
TITLE_POINT_SIZE = 18.0
BLOCK_MIN_W = board_width(4)  # the title and the legend are set at least as wide as four lanes
MORE_H = 22  # the "+ N more" line under a cut lane
THEME_BAND = 4  # the theme's colour along a card's top edge
# Twelve theme colours that stay apart from each other on white paper.
THEME_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#ad494a")


@dataclass(frozen=True)
class Page:
    """What the page shows, from the core: no Qt objects, so it is built before any painting."""

    title: str  # the workspace's name
    mode: str  # quarters, releases or now-next-later
    business: bool
    day: date
    lanes: list[dict]  # the planned lanes, each with all its cards (the page cuts them)


def page_content(ws, *, lanes: str = "quarters", business: bool = False, day: date | None = None,
                 theme: str | None = None, kind: str | None = None, status: str | None = None) -> Page:
    """The board as the page shows it: planned lanes only (the not-planned column is the team's, not the business's).

    The business edition drops the scores too (`roadmap.board` already drops effort, capacity and won't-do items),
    and a lane's count is what it shows, so "7 of 12 items" and "+ 5 more" agree.
    """
    columns = roadmap.board(ws, lanes=lanes, business=business, unplanned=False, theme=theme, kind=kind, status=status)
    for lane in columns:
        lane["item_count"] = len(lane["items"])
        if business:
            for card in lane["items"]:
                card.update(score=None, rank=None, effort=None)
    return Page(title=ops.workspace_settings(ws)["name"], mode=lanes, business=business, day=day or date.today(),
                lanes=columns)


# ---------------------------------------------------------------- fonts


def needs_japanese(texts) -> bool:
    """Whether any text holds kana, kanji or full-width forms, which a Latin font cannot show."""
    return any(
        "\u3000" <= c <= "\u30ff" or "\u3400" <= c <= "\u4dbf" or "\u4e00" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef"
        for text in texts for c in text or ""
    )


def page_font(texts) -> QFont:
    """The base font for `texts`: a Japanese family when they need one (the first of JAPANESE_FAMILIES installed),
    else the application's; without hinting, so widths measured for layout hold at any scale."""
    font = QFont(QGuiApplication.font())
    if needs_japanese(texts):
        installed = set(QFontDatabase.families())
        family = next((name for name in JAPANESE_FAMILIES if name in installed), None)
        if family is not None:
            font = QFont(family)
            # Noto CJK's `locl` swaps Latin digits for glyphs its character map does not reach, so the PDF could not
            # map them back to text: "2026" would be unsearchable and paste as garbage. Without it they keep a cmap glyph.
            font.setFeature(QFont.Tag("locl"), 0)
    font.setPointSizeF(BASE_POINT_SIZE)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


# ---------------------------------------------------------------- layout and painting


def _theme_colours(page: Page) -> dict[str, QColor]:
    """A colour per theme on the page, in name order, so the same workspace gives the same colours each time."""
    names = sorted({card["theme"] for lane in page.lanes for card in lane["items"] if card.get("theme")})
    return {name: QColor(THEME_COLORS[i % len(THEME_COLORS)]) for i, name in enumerate(names)}


def _subtitle(page: Page) -> str:
    # Only what the reader needs: which lanes. The edition is the sender's business ("business view" said nothing).
    return tr("Roadmap — {mode}").format(mode=lane_mode_label(page.mode))


def _day_text(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


class _Legend:
    """The legend's entries laid out left to right, wrapping within a width: (kind, colour, label) each."""

    def __init__(self, bp: BoardPainter, page: Page, themes: dict[str, QColor], width: float):
        self.bp = bp
        fm = bp.small_fm
        self.line_h = fm.height() + 6
        entries = [("heading", None, tr("Status:"))]
        entries += [("status", status_color(s), status_label(s)) for s in ops.STATUSES
                    if not (page.business and s in roadmap.BUSINESS_HIDDEN_STATUSES)]
        if not page.business:
            entries.append(("score", None, tr("score")))
        entries.append(("badge", None, tr("companies asking")))
        if themes:
            entries.append(("break", None, ""))
            entries.append(("heading", None, tr("Themes:")))
            entries += [("theme", colour, name) for name, colour in themes.items()]
        self.placed: list[tuple[float, int, tuple]] = []  # (x, line, entry)
        x, line = 0.0, 0
        for entry in entries:
            if entry[0] == "break":
                x, line = 0.0, line + 1
                continue
            w = self._width(entry)
            if x > 0 and x + w > width:
                x, line = 0.0, line + 1
            self.placed.append((x, line, entry))
            x += w + 14
        self.height = (line + 1) * self.line_h

    def _width(self, entry) -> float:
        kind, _, label = entry
        label_w = self.bp.small_fm.horizontalAdvance(label)
        if kind in ("status", "theme"):
            return 12 + label_w
        if kind == "score":
            return self.bp.badge_fm.horizontalAdvance("12.3") + 4 + label_w
        if kind == "badge":
            return self.bp.badge_fm.horizontalAdvance("8") + 22 + 4 + label_w
        return label_w

    def paint(self, p: QPainter, left: float, top: float, t: Theme) -> None:
        bp = self.bp
        for x, line, (kind, colour, label) in self.placed:
            x += left
            base = top + line * self.line_h + bp.small_fm.ascent()
            if kind == "status":
                p.fillRect(QRectF(x, base - bp.small_fm.ascent() + 1, 4, bp.small_fm.ascent()), colour)
                x += 7
            elif kind == "theme":
                p.fillRect(QRectF(x, base - bp.small_fm.ascent() / 2 - THEME_BAND / 2, 9, THEME_BAND), colour)
                x += 12
            elif kind == "score":
                p.setFont(bp.badge_font)
                p.setPen(t.text)
                p.drawText(QPointF(x, base), "12.3")
                x += bp.badge_fm.horizontalAdvance("12.3") + 4
            elif kind == "badge":
                width = bp.badge_fm.horizontalAdvance("8") + 22
                bp._demand_badge(p, QPointF(x + width, base), 8)  # the card's own badge, so the legend matches it
                x += width + 4
            p.setFont(bp.badge_font if kind == "heading" else bp.small_font)
            p.setPen(t.text if kind == "heading" else t.soft)
            p.drawText(QPointF(x, base), label)


@dataclass
class _Layout:
    width: float
    height: float
    rows: int  # cards a lane shows at most
    header_h: float
    body_top: float
    board_left: float


def _layout(page: Page, bp: BoardPainter, title_fm: QFontMetricsF, legend: _Legend, width: float, height: float) -> _Layout:
    """Where the title, the lanes and the legend go on a canvas of `width` × `height`, and how many cards fit."""
    title_h = title_fm.height() + bp.small_fm.height() + 16
    # The business header has no capacity bar: two lines, not four.
    header_h = HEADER_H if not page.business else bp.bold_fm.height() + bp.small_fm.height() + 16
    body_top = title_h + header_h + 6
    bottom = height - legend.height - 10
    rows = int((bottom - body_top + GAP) // PITCH)
    if any(len(lane["items"]) > rows for lane in page.lanes):
        rows = int((bottom - body_top - MORE_H + GAP) // PITCH)
    left = (width - board_width(len(page.lanes))) / 2
    return _Layout(width, height, max(1, rows), header_h, body_top, left)


def _block(page: Page, width: float) -> tuple[float, float]:
    """The left edge and width the title and the legend share with the board, which is centred on a wide canvas;
    never narrower than BLOCK_MIN_W, so one or two lanes leave room for the workspace's name."""
    block = min(width, max(float(board_width(len(page.lanes))), BLOCK_MIN_W)) - 8
    return (width - block) / 2, block


def _canvas_size(page: Page, aspect: float, min_width: float) -> tuple[float, float]:
    """A canvas of the page's proportions, wide enough for every lane side by side."""
    width = max(float(board_width(len(page.lanes))), min_width)
    return width, width / aspect


def _paint(p: QPainter, page: Page, font: QFont, width: float, height: float) -> dict:
    """Paint the page onto a canvas of `width` × `height` (the painter already scaled); returns what was shown."""
    theme = light_theme()  # paper is white whatever the desktop's colours
    bp = BoardPainter(font, theme=theme)
    title_font = QFont(font)
    title_font.setPointSizeF(TITLE_POINT_SIZE)
    title_font.setBold(True)
    title_fm = QFontMetricsF(title_font)
    themes = _theme_colours(page)
    left, block_w = _block(page, width)
    legend = _Legend(bp, page, themes, block_w)
    lay = _layout(page, bp, title_fm, legend, width, height)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.fillRect(QRectF(0, 0, width, height), QColor("#ffffff"))
    # The title: the workspace's name, what the board shows, and the day it was made.
    p.setFont(title_font)
    p.setPen(theme.text)
    day = _day_text(page.day)
    day_w = bp.small_fm.horizontalAdvance(day)
    p.drawText(QPointF(left, title_fm.ascent()),
               title_fm.elidedText(page.title, Qt.TextElideMode.ElideRight, block_w - day_w - 32))
    p.setFont(bp.small_font)
    p.setPen(theme.muted)
    p.drawText(QPointF(left + block_w - day_w, title_fm.ascent()), day)
    p.setPen(theme.soft)
    p.drawText(QPointF(left, title_fm.height() + 4 + bp.small_fm.ascent()), _subtitle(page))
    shown = more = 0
    lane_bottom = height - legend.height - 10
    for index, lane in enumerate(page.lanes):
        x = lay.board_left + index * LANE_W
        cards = lane["items"][:lay.rows]
        bp.header(p, QRectF(x, lay.body_top - lay.header_h - 6, COL_W, lay.header_h - 2), lane, shown=len(cards),
                  business=page.business)
        p.fillRect(QRectF(x, lay.body_top - 4, COL_W, lane_bottom - lay.body_top + 4), theme.lane)
        for row, card in enumerate(cards):
            rect = QRectF(x + CARD_INSET, lay.body_top + row * PITCH, CARD_W, CARD_H)
            bp.card(p, rect, card, business=page.business)
            if card.get("theme") in themes:
                _theme_band(p, rect, themes[card["theme"]])
        shown += len(cards)
        hidden = len(lane["items"]) - len(cards)
        more += hidden
        if hidden > 0:
            p.setFont(bp.small_font)
            p.setPen(theme.muted)
            p.drawText(QPointF(x + CARD_INSET + 4, lay.body_top + len(cards) * PITCH + bp.small_fm.ascent() + 4),
                       tr("+ {n} more").format(n=hidden))
        elif not cards:
            p.setFont(bp.small_font)
            p.setPen(theme.muted)
            p.drawText(QPointF(x + CARD_INSET + 4, lay.body_top + bp.small_fm.ascent() + 4), tr("Nothing planned yet"))
    legend.paint(p, left, height - legend.height, theme)
    return {"lanes": len(page.lanes), "cards": shown, "more": more, "font": QFontInfo(font).family()}


def _theme_band(p: QPainter, rect: QRectF, colour: QColor) -> None:
    """The theme's colour along the card's top edge, inside its rounded corners (the status keeps the left edge)."""
    path = QPainterPath()
    path.addRoundedRect(rect, 6, 6)
    p.save()
    p.setClipPath(path)
    p.fillRect(QRectF(rect.left(), rect.top(), rect.width(), THEME_BAND), colour)
    p.restore()


def _texts(page: Page) -> list[str]:
    """Every text the page may show, to choose a font that has glyphs for all of them."""
    texts = [page.title, _subtitle(page), _day_text(page.day), tr("companies asking"), tr("Status:"), tr("Themes:")]
    texts += [status_label(s) for s in ops.STATUSES] + [kind_label(k) for k in ops.KINDS]
    for lane in page.lanes:
        texts.append(lane["name"])
        texts += [card["title"] for card in lane["items"]]
        texts += [card["theme"] or "" for card in lane["items"]]
    return texts


# ---------------------------------------------------------------- the two files


def _check(page: Page) -> None:
    if not page.lanes:
        mode = lane_mode_label(page.mode).lower()
        raise ExportFailed(tr("The workspace has no {mode} lanes to put on the page.").format(mode=mode),
                           hint=tr("Add lanes (Roadmap ▸ Edit Lanes…, or planner lane-add) or choose other lanes."))


def write_pdf(page: Page, path, *, size: str = "a4", workspace=None) -> dict:
    """`page` as a one-page vector PDF at `path`, `size` "a4" or "letter", landscape.

    `workspace`: the open workspace's path, which the export refuses to overwrite."""
    if size not in PAGES:
        raise ExportFailed(tr("The page size is a4 or letter, not {size}.").format(size=size))
    page_id, page_name = PAGES[size]
    font = page_font(_texts(page))
    with replacing(path, workspace=workspace) as scratch:
        writer = QPdfWriter(str(scratch.file))
        # The layout is measured with the screen's font metrics: the PDF's units must be the same pixels.
        writer.setResolution(round(QGuiApplication.primaryScreen().logicalDotsPerInchY()))
        writer.setPageLayout(QPageLayout(QPageSize(page_id), QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0)))
        writer.setTitle(page.title)
        writer.setCreator("Roadmap Planner")
        p = QPainter()
        if not p.begin(writer):
            raise ExportFailed(tr("Could not write {path}.").format(path=path), hint=tr("Choose a folder you can write to."))
        try:
            margin = MARGIN_PT * writer.resolution() / 72
            device_w, device_h = writer.width() - 2 * margin, writer.height() - 2 * margin
            width, height = _canvas_size(page, device_w / device_h, device_w)
            scale = device_w / width
            p.translate(margin, margin)
            p.scale(scale, scale)
            shown = _paint(p, page, font, width, height)
        finally:
            p.end()
    points = QPageSize(page_id).size(QPageSize.Unit.Point)
    return dict(shown, file=str(path), format="pdf", pages=1, page=f"{page_name} landscape",
                width_pt=round(max(points.width(), points.height())), height_pt=round(min(points.width(), points.height())),
                edition="business" if page.business else "internal", lane_mode=page.mode)


def write_png(page: Page, path, *, workspace=None) -> dict:
    """`page` as a 1920×1080 PNG for a slide (`workspace` as for `write_pdf`)."""
    font = page_font(_texts(page))
    image = QImage(PNG_SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    margin = 24
    device_w, device_h = PNG_SIZE.width() - 2 * margin, PNG_SIZE.height() - 2 * margin
    width, height = _canvas_size(page, device_w / device_h, PNG_MIN_WIDTH)
    scale = device_w / width
    p = QPainter(image)
    try:
        p.translate(margin, margin)
        p.scale(scale, scale)
        shown = _paint(p, page, font, width, height)
    finally:
        p.end()
    with replacing(path, workspace=workspace) as scratch:
        if not image.save(str(scratch.file), "PNG"):
            raise ExportFailed(tr("Could not write {path}.").format(path=path), hint=tr("Choose a folder you can write to."))
    return dict(shown, file=str(path), format="png", pages=1, width_px=PNG_SIZE.width(), height_px=PNG_SIZE.height(),
                edition="business" if page.business else "internal", lane_mode=page.mode)


def default_page_size(locale: QLocale | None = None) -> str:
    """The paper a reader in `locale` (default: the system's) prints on: Letter in the US and Canada, else A4."""
    territory = (locale or QLocale.system()).territory()
    return "letter" if territory in (QLocale.Country.UnitedStates, QLocale.Country.Canada) else "a4"


_app = None  # the application object made for a caller without one (the command line), kept alive


def _ensure_app() -> None:
    """Qt paints text only once an application object exists: a window's is used as it is, else one is made."""
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication([])


def write_one_page(ws, path, *, lanes: str = "quarters", edition: str = "internal", page: str = "a4",
                   day: date | None = None, **filters) -> dict:
    """The roadmap board of `ws` on one page: a PDF or a PNG by `path`'s suffix; returns what was written.

    `edition` "business" leaves out scores, effort and capacity; `page` ("a4" or "letter") sizes the PDF;
    `filters` (theme, kind, status) are the board's. The result names the file, its format, the page or the
    image size, and counts the lanes, the cards shown and the cards left out ("+ N more").
    """
    _ensure_app()
    suffix = Path(path).suffix.lower()
    if suffix not in (".pdf", ".png"):
        raise ExportFailed(tr("{name}: a one-page roadmap is a .pdf or a .png file.").format(name=Path(path).name))
    content = page_content(ws, lanes=lanes, business=edition == "business", day=day, **filters)
    _check(content)
    if suffix == ".pdf":
        return write_pdf(content, path, size=page, workspace=ws.path)
    return write_png(content, path, workspace=ws.path)
