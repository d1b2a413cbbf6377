"""The workbook's look: fonts, fills and number formats, built once per workbook.

openpyxl registers a style for every cell it is given; building a new Font or
Fill per cell costs more than writing the cell. So each look is made once as a
style array and handed to every cell that wears it, and a quoted twin (Excel's
quote-prefix flag, see `safe.py`) is made on first use.
"""

from __future__ import annotations

from types import SimpleNamespace

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils.indexed_list import IndexedList

from planner.money import DEFAULT_CURRENCY, excel_number_format
from planner.scoring.numbers import EXCEL_SCORE_FORMAT  # a score reads as in the window (numbers.py)

LATIN_FONT = "Calibri"
# Ships with Windows 10+ and Office for Mac; other readers fall back to their CJK font.
CJK_FONT = "Yu Gothic"
BASE_SIZE = 10

HEADER_FILL = "1F3864"
BAND_FILL = "F2F2F2"
TEXT_GREY = "595959"

# Soft fills a printout keeps readable in greyscale, one per status, in the order a
# roadmap reads (what ships soonest last is darkest).
STATUS_FILLS = {
    "idea": "EDEDED",
    "candidate": "FFF2CC",
    "planned": "DDEBF7",
    "in_progress": "9BC2E6",
    "shipped": "C6E0B4",
    "wont_do": "F8CBAD",
}
STATUS_LABELS = {
    "idea": "Idea",
    "candidate": "Candidate",
    "planned": "Planned",
    "in_progress": "In progress",
    "shipped": "Shipped",
    "wont_do": "Won't do",
}


def currency_format(currency: str) -> str:
    """The number format of money cells: the currency's symbol and decimals (an ISO code, or an old workspace's symbol)."""
    return excel_number_format(currency)


class Styles:
    """Style arrays for one workbook; `get(name)` and `quoted(name)` return them."""

    def __init__(self, wb, *, cjk: bool, currency: str = DEFAULT_CURRENCY, date_format: str = "yyyy-mm-dd"):
        self.wb = wb
        self.font_name = CJK_FONT if cjk else LATIN_FONT
        self._holder = SimpleNamespace(parent=wb)  # what a style descriptor needs to reach the workbook
        self._arrays: dict[str, object] = {}
        self._quoted: dict[str, object] = {}
        self._ids: dict[str, int] = {}
        self._quoted_ids: dict[str, int] = {}
        self._set_default_font()
        thin = Side(style="thin", color="BFBFBF")
        box = Border(left=thin, right=thin, top=thin, bottom=thin)
        top_wrap = Alignment(vertical="top", wrap_text=True)
        top = Alignment(vertical="top")
        body = self.font()
        # Light rules between cells: a printout has no gridlines, and without them a
        # right-aligned number runs into the text of the next column.
        hair = Side(style="hair", color="BFBFBF")
        grid = Border(left=hair, right=hair, top=hair, bottom=hair)
        self._grid = grid
        self.define("text", font=body, alignment=top)
        self.define("wrap", font=body, alignment=top_wrap)
        # Ids centred, numbers kept off the right edge: in print, a right-aligned
        # number next to a left-aligned id or text reads as one run of characters.
        self.define("id", font=body, alignment=Alignment(vertical="top", horizontal="center"), number_format="@")
        num = Alignment(vertical="top", horizontal="right", indent=1)
        self.define("rank", font=body, alignment=Alignment(vertical="top", horizontal="center"), number_format="0")
        self.define("int", font=body, alignment=num, number_format="#,##0")
        self.define("num", font=body, alignment=num, number_format="#,##0.0")
        self.define("num2", font=body, alignment=num, number_format="#,##0.##")
        self.define("score", font=self.font(bold=True), alignment=num, number_format=EXCEL_SCORE_FORMAT)
        self.define("pct", font=body, alignment=num, number_format="0%")
        self.define("money", font=body, alignment=num, number_format=currency_format(currency))
        # Centred so a date does not butt against the text column to its right.
        self.define("date", font=body, alignment=Alignment(horizontal="center", vertical="top"), number_format=date_format)
        self.define("int_left", font=body, alignment=Alignment(horizontal="left", vertical="top"), number_format="#,##0")
        self.define("datetime", font=body, alignment=Alignment(horizontal="left", vertical="top"), number_format=date_format + " hh:mm")
        self.define(
            "header",
            font=self.font(bold=True, color="FFFFFF"),
            fill=PatternFill("solid", fgColor=HEADER_FILL),
            alignment=Alignment(vertical="center", wrap_text=True),
            border=box,
        )
        self.define("title", font=self.font(size=16, bold=True, color=HEADER_FILL), alignment=Alignment(vertical="center"), border=Border())
        self.define("subtitle", font=self.font(color=TEXT_GREY), alignment=Alignment(vertical="center"), border=Border())
        self.define("label", font=self.font(bold=True), alignment=top, border=Border())
        # The one line under a sheet's title saying what the sheet shows.
        self.define("legend_line", font=self.font(italic=True, color=TEXT_GREY), alignment=Alignment(vertical="top", wrap_text=True), border=Border())
        # A group's heading in a list (a company on Who to tell, a kind of change on Changes).
        self.define("group", font=self.font(bold=True), fill=PatternFill("solid", fgColor="D9E1F2"), alignment=top_wrap)
        self.define("group_int", font=self.font(bold=True), fill=PatternFill("solid", fgColor="D9E1F2"), alignment=num, number_format="#,##0")
        self.define("group_date", font=self.font(bold=True), fill=PatternFill("solid", fgColor="D9E1F2"), alignment=Alignment(horizontal="center", vertical="top"), number_format=date_format)
        self.define("indented", font=body, alignment=Alignment(horizontal="left", vertical="top", wrap_text=True, indent=2))
        # The About sheet reads as a page of notes, not a grid.
        self.define("note", font=body, alignment=top_wrap, border=Border())
        self.define("note_int", font=body, alignment=Alignment(horizontal="left", vertical="top"), number_format="#,##0", border=Border())
        self.define("note_datetime", font=body, alignment=Alignment(horizontal="left", vertical="top"), number_format=date_format + " hh:mm", border=Border())
        self.define("section", font=self.font(size=12, bold=True, color=HEADER_FILL), alignment=Alignment(vertical="bottom"), border=Border())
        self.define("legend_label", font=self.font(bold=True, color=TEXT_GREY), alignment=Alignment(horizontal="right", vertical="center"), border=Border())
        self.define(
            "lane_head",
            font=self.font(size=12, bold=True, color="FFFFFF"),
            fill=PatternFill("solid", fgColor=HEADER_FILL),
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
            border=box,
        )
        self.define(
            "lane_sub",
            font=self.font(color=TEXT_GREY),
            fill=PatternFill("solid", fgColor="D9E1F2"),
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
            border=box,
        )
        for status, color in STATUS_FILLS.items():
            self.define(
                f"status:{status}",
                font=body,
                fill=PatternFill("solid", fgColor=color),
                alignment=Alignment(horizontal="left", vertical="center", wrap_text=True, indent=1),  # text off the card's edge
                border=box,
            )
            self.define(
                f"legend:{status}",
                font=self.font(size=9),
                fill=PatternFill("solid", fgColor=color),
                alignment=Alignment(horizontal="center", vertical="center"),
                border=box,
            )

    def font(self, **kw) -> Font:
        kw.setdefault("size", BASE_SIZE)
        return Font(name=self.font_name, **kw)

    def _set_default_font(self) -> None:
        # Cells written without a style (and empty ones) use font 0 and the Normal
        # style; making those ours keeps one typeface, and a CJK one where needed.
        default = Font(name=self.font_name, size=BASE_SIZE, family=2)
        self.wb._fonts = IndexedList([default])
        normal = self.wb._named_styles["Normal"]
        normal.font = Font(name=self.font_name, size=BASE_SIZE, family=2)

    def define(self, name: str, *, font=None, fill=None, alignment=None, border=None, number_format=None) -> None:
        cell = Cell(self._holder)
        if border is None:
            border = getattr(self, "_grid", None)
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if alignment is not None:
            cell.alignment = alignment
        if border is not None:
            cell.border = border
        if number_format is not None:
            cell.number_format = number_format
        self._arrays[name] = cell._style

    def get(self, name: str):
        return self._arrays[name]

    def quoted(self, name: str):
        style = self._quoted.get(name)
        if style is None:
            cell = Cell(self._holder, style_array=self._arrays[name])
            cell.quotePrefix = True
            style = self._quoted[name] = cell._style
        return style

    def sid(self, name: str) -> int:
        """The cell-format index (the `s` attribute) of a look, registered on first use."""
        sid = self._ids.get(name)
        if sid is None:
            sid = self._ids[name] = self.wb._cell_styles.add(self._arrays[name])
        return sid

    def qsid(self, name: str) -> int:
        sid = self._quoted_ids.get(name)
        if sid is None:
            sid = self._quoted_ids[name] = self.wb._cell_styles.add(self.quoted(name))
        return sid
