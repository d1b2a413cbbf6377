"""The rows of the Changes view: what changed for which item since a snapshot, in the interface's language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush

from ui.i18n import tr
from ui.roadmap.style import current_theme
from ui.widgets.labels import status_label
from ui.widgets.table_model import RowsTableModel

# The kinds of change, in the order the core lists them, as the filters and the Change column name them.
CHANGE_LABELS = {
    "added": QT_TRANSLATE_NOOP("", "Added"),
    "removed": QT_TRANSLATE_NOOP("", "Removed"),
    "rank": QT_TRANSLATE_NOOP("", "Rank"),
    "lane": QT_TRANSLATE_NOOP("", "Lane"),
    "status": QT_TRANSLATE_NOOP("", "Status"),
    "estimate": QT_TRANSLATE_NOOP("", "Estimate"),
}
DETAIL_WORDS = {
    "slipped": QT_TRANSLATE_NOOP("", "slipped"),
    "pulled in": QT_TRANSLATE_NOOP("", "pulled in"),
    "into the ranking": QT_TRANSLATE_NOOP("", "into the ranking"),
    "out of the ranking": QT_TRANSLATE_NOOP("", "out of the ranking"),
    "onto the roadmap": QT_TRANSLATE_NOOP("", "onto the roadmap"),
    "off the roadmap": QT_TRANSLATE_NOOP("", "off the roadmap"),
}
NOT_SET = QT_TRANSLATE_NOOP("", "not set")
# The order the view lists them in: the decisions first (what came and went, what moved lane, status or
# estimate), then the rank moves, which mostly follow from those decisions and would bury them.
VIEW_ORDER = ("added", "removed", "lane", "status", "estimate", "rank")
ITEM_ROLE = Qt.UserRole + 1  # the item id of a row


def shown(row: dict, side: str) -> str:
    """The before or after of a change as read: a status in words, a rank as #3, nothing as –."""
    value = row.get(side)
    if value is None or value == "":
        return "–"
    if row.get("change") == "status":
        return status_label(value)
    field = row.get("detail")
    if row.get("change") == "estimate" and field and str(value).startswith(f"{field} "):
        amount = str(value)[len(field) + 1:]  # the core's "effort 2": the field's name in the interface's language
        return f"{tr(field)} {tr(NOT_SET) if amount == 'not set' else amount}"
    if row.get("change") in ("rank", "added", "removed"):
        return f"#{value:,}" if isinstance(value, int) else str(value)
    return str(value)


def rank_places(row: dict) -> int | None:
    """Places moved up (positive) or down (negative) by a rank change between two ranks; None otherwise."""
    before, after = row.get("before"), row.get("after")
    if row.get("change") != "rank" or not isinstance(before, int) or not isinstance(after, int):
        return None
    return before - after


def detail_text(row: dict) -> str:
    """↑3 or ↓5 for a rank (as the backlog's Move column), new for an item added, slipped or pulled in for a lane."""
    places = rank_places(row)
    if places is not None:
        return f"↑{places:,}" if places > 0 else f"↓{-places:,}"
    if row.get("change") == "added":
        return tr("new")
    detail = row.get("detail")
    if not detail or row.get("change") == "estimate":
        return ""
    words = DETAIL_WORDS.get(detail)
    return tr(words) if words else str(detail)


def search_text(row: dict) -> str:
    """What a search looks in: the title, the item's number, and the before and after as shown."""
    return "\x1f".join((str(row.get("title") or ""), f"#{row.get('item_id')}", shown(row, "before"),
                        shown(row, "after"), detail_text(row))).casefold()


class ChangesModel(RowsTableModel):
    COLUMNS = (
        ("item_id", QT_TRANSLATE_NOOP("", "#")),
        ("title", QT_TRANSLATE_NOOP("", "Item")),
        ("change", QT_TRANSLATE_NOOP("", "Change")),
        ("before", QT_TRANSLATE_NOOP("", "Before")),
        ("after", QT_TRANSLATE_NOOP("", "After")),
        ("detail", QT_TRANSLATE_NOOP("", "Move")),
    )

    def row_data(self, row, key, role):
        if role == Qt.DisplayRole:
            if key == "item_id":
                return str(row.get("item_id"))
            if key == "title":
                return str(row.get("title") or "")
            if key == "change":
                return tr(CHANGE_LABELS.get(row.get("change"), row.get("change") or ""))
            if key in ("before", "after"):
                return shown(row, key)
            return detail_text(row)
        if role == ITEM_ROLE:
            return row.get("item_id")
        if role == Qt.ToolTipRole and key in ("title", "before", "after"):
            return tr("{title}: {before} → {after}").format(
                title=row.get("title") or "", before=shown(row, "before"), after=shown(row, "after"))
        if role == Qt.ForegroundRole and key in ("detail", "change"):
            return self._colour(row)
        if role == Qt.TextAlignmentRole and key == "item_id":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    @staticmethod
    def _colour(row: dict):
        """Good news green, bad news red, in the palette's readable shades: a climb or a lane pulled in against a
        drop or a slip; an added item in the accent."""
        theme = current_theme()
        places = rank_places(row)
        if places is not None:
            return QBrush(theme.ok if places > 0 else theme.over)
        if row.get("change") == "lane" and row.get("detail") in ("slipped", "pulled in"):
            return QBrush(theme.over if row["detail"] == "slipped" else theme.ok)
        if row.get("change") == "added":
            return QBrush(theme.accent)
        if row.get("change") == "removed":
            return QBrush(theme.muted)
        return None
