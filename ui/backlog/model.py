"""The backlog table: scored items, searched, filtered and sorted in Python.

Sorting and filtering happen on the Python list followed by one model reset:
a `QSortFilterProxyModel` calls back into Python for every comparison and
took seconds on 100k rows, the list sort takes tens of milliseconds. The
list is kept in sort order, so a search keystroke is a single pass that keeps
that order.

The estimate columns follow the scoring method (`set_method`): its inputs are
edited in place, and an unscored item's missing inputs are tinted.

The Move column says how far each item moved since a chosen snapshot
(`set_moves`, from `planner.history.rank_moves`): ↑3, ↓5, new, or – when it kept
its place; it sorts as a number, a new item above every climb.
"""

from __future__ import annotations

from operator import itemgetter

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from planner.ops import IMPACT_NAMES
from planner.scoring.numbers import format_score
from ui.i18n import tr
from ui.roadmap.style import current_theme, format_money
from ui.widgets.labels import kind_label, status_label

# (key, header, tooltip). Headers go through tr() when shown.
COLUMNS = (
    ("pinned", QT_TRANSLATE_NOOP("", "Pin"), QT_TRANSLATE_NOOP("", "Pinned to a rank by hand")),
    ("rank", QT_TRANSLATE_NOOP("", "Rank"), QT_TRANSLATE_NOOP("", "Rank by score (pinned items keep their rank)")),
    ("move", QT_TRANSLATE_NOOP("", "Move"), QT_TRANSLATE_NOOP("", "Places moved up (↑) or down (↓) since the snapshot chosen in Since")),
    ("title", QT_TRANSLATE_NOOP("", "Title"), None),
    ("score", QT_TRANSLATE_NOOP("", "Score"), QT_TRANSLATE_NOOP("", "The score of the chosen method; hover a score for its explanation")),
    ("reach", QT_TRANSLATE_NOOP("", "Reach"), QT_TRANSLATE_NOOP("", "How many are reached per quarter, from the reach source; a number typed here becomes the item's own reach")),
    ("impact", QT_TRANSLATE_NOOP("", "Impact"), QT_TRANSLATE_NOOP("", "RICE impact: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal")),
    ("confidence", QT_TRANSLATE_NOOP("", "Confidence"), QT_TRANSLATE_NOOP("", "How sure the estimates are, in percent")),
    ("effort", QT_TRANSLATE_NOOP("", "Effort"), QT_TRANSLATE_NOOP("", "Person-months")),
    ("value", QT_TRANSLATE_NOOP("", "Value"), QT_TRANSLATE_NOOP("", "Business value, for value/effort")),
    ("ice_impact", QT_TRANSLATE_NOOP("", "ICE impact"), QT_TRANSLATE_NOOP("", "ICE impact, from 1 to 10")),
    ("ice_confidence", QT_TRANSLATE_NOOP("", "ICE confidence"), QT_TRANSLATE_NOOP("", "ICE confidence, from 1 to 10")),
    ("ice_ease", QT_TRANSLATE_NOOP("", "Ease"), QT_TRANSLATE_NOOP("", "ICE ease, from 1 to 10")),
    ("wsjf_value", QT_TRANSLATE_NOOP("", "Business value"), QT_TRANSLATE_NOOP("", "WSJF business value, from 1 to 20")),
    ("wsjf_time", QT_TRANSLATE_NOOP("", "Time criticality"), QT_TRANSLATE_NOOP("", "WSJF time criticality, from 1 to 20")),
    ("wsjf_risk", QT_TRANSLATE_NOOP("", "Risk reduction"),
     QT_TRANSLATE_NOOP("", "WSJF risk reduction or opportunity enablement, from 1 to 20")),
    ("wsjf_size", QT_TRANSLATE_NOOP("", "Job size"), QT_TRANSLATE_NOOP("", "WSJF job size: 1, 2, 3, 5, 8, 13 or 20")),
    ("requests", QT_TRANSLATE_NOOP("", "Requests"), QT_TRANSLATE_NOOP("", "Customer requests linked, duplicates and archived ones left out")),
    ("companies", QT_TRANSLATE_NOOP("", "Companies"), QT_TRANSLATE_NOOP("", "Distinct companies asking")),
    ("mrr", QT_TRANSLATE_NOOP("", "MRR"), QT_TRANSLATE_NOOP("", "Monthly revenue of the companies asking")),
    ("single_customer", QT_TRANSLATE_NOOP("", "Breadth"), QT_TRANSLATE_NOOP("", "Whether one customer brings most of the demand")),
    ("rank_stability", QT_TRANSLATE_NOOP("", "Stability"), QT_TRANSLATE_NOOP("", "How stable the rank is across the estimate ranges")),
    ("status", QT_TRANSLATE_NOOP("", "Status"), None),
    ("kind", QT_TRANSLATE_NOOP("", "Kind"), None),
    ("lane", QT_TRANSLATE_NOOP("", "Lane"), None),
    ("theme", QT_TRANSLATE_NOOP("", "Theme"), None),
)
KEYS = tuple(c[0] for c in COLUMNS)
# The inputs of each scoring method: shown and edited in place while it is the method; the others' are hidden.
METHOD_INPUTS = {
    "rice": ("reach", "impact", "confidence", "effort"),
    "value-effort": ("value", "effort"),
    "ice": ("ice_impact", "ice_confidence", "ice_ease"),
    "wsjf": ("wsjf_value", "wsjf_time", "wsjf_risk", "wsjf_size"),
}
ESTIMATES = frozenset(key for keys in METHOD_INPUTS.values() for key in keys)
EDITABLE = frozenset({"status"})  # besides the current method's inputs
# What an edited column stores: a reach typed in the table is the item's own (manual) reach.
FIELD_OF = {"reach": "reach_manual"}
NUMERIC = frozenset({"rank", "move", "score", "reach", "impact", "confidence", "effort", "value", "requests",
                     "companies", "mrr", "rank_stability", "ice_impact", "ice_confidence", "ice_ease",
                     "wsjf_value", "wsjf_time", "wsjf_risk", "wsjf_size"})
# Inputs a scored row carries only among its method's factors: key -> (method, factor name).
_FROM_FACTORS = {
    "ice_impact": ("ice", "impact"), "ice_confidence": ("ice", "confidence"), "ice_ease": ("ice", "ease"),
    "wsjf_value": ("wsjf", "business value"), "wsjf_time": ("wsjf", "time criticality"),
    "wsjf_risk": ("wsjf", "risk reduction"), "wsjf_size": ("wsjf", "job size"),
}
NO_LANE = "\x00no lane"  # filter value for items on no lane

# Custom roles: the raw value (editors, tests) and the item id.
RAW_ROLE = Qt.UserRole + 1
ID_ROLE = Qt.UserRole + 2

_WARN = QBrush(QColor("#b35c00"))
_MISSING = QBrush(QColor(240, 160, 40, 56))  # an input the current method needs and the item lacks
_DIM = QBrush(QColor("#808080"))
_DONE = frozenset({"shipped", "wont_do"})
_NCOLS = len(KEYS)
_MOVE_COL = KEYS.index("move")
_DISPLAY, _EDIT, _TOOLTIP, _ALIGN, _FOREGROUND, _FONT, _BACKGROUND = (
    int(r) for r in (Qt.DisplayRole, Qt.EditRole, Qt.ToolTipRole, Qt.TextAlignmentRole, Qt.ForegroundRole, Qt.FontRole,
                     Qt.BackgroundRole)
)
_RAW, _ID = int(RAW_ROLE), int(ID_ROLE)
_ROLES = frozenset({_DISPLAY, _EDIT, _TOOLTIP, _ALIGN, _FOREGROUND, _FONT, _BACKGROUND, _RAW, _ID})
_RIGHT = Qt.AlignmentFlag(int(Qt.AlignRight | Qt.AlignVCenter))
_LEFT = Qt.AlignmentFlag(int(Qt.AlignLeft | Qt.AlignVCenter))
_CENTER = Qt.AlignmentFlag(int(Qt.AlignCenter))
_ALIGNMENTS = tuple(_RIGHT if k in NUMERIC else _CENTER if k == "pinned" else _LEFT for k in KEYS)
_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable
_EDITABLE_FLAGS = _FLAGS | Qt.ItemIsEditable
_BOLD: list[QFont] = []  # made on first use: a QFont wants the application to exist
NEW_MOVE = float("inf")  # how a new item sorts among the moves: above the biggest climb


def move_text(move) -> str:
    """A rank move as the Move column shows it: ↑3, ↓5, new, – (kept its place); blank for an item not ranked now."""
    if move is None:
        return ""
    if move == NEW_MOVE:
        return tr("new")
    if move > 0:
        return f"↑{move:,}"
    if move < 0:
        return f"↓{-move:,}"
    return "–"


def _number(value, digits=1) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.{digits}f}"
    return f"{value:,.0f}"


def cell_value(row: dict, key: str):
    """A row's value for a column; ICE and WSJF inputs are read from the factors of a row scored by that method."""
    if key in row or key not in _FROM_FACTORS:
        return row.get(key)
    method, name = _FROM_FACTORS[key]
    if row.get("method") != method:
        return None
    for factor in row.get("factors") or ():
        if factor.get("name") == name:
            return factor.get("value")
    return None


def format_value(key: str, row: dict) -> str:
    value = cell_value(row, key)
    if key == "pinned":
        return "⚑" if row.get("pinned_rank") else ""
    if value is None:
        return "" if key != "score" else "—"
    if key == "impact":
        name = IMPACT_NAMES.get(float(value))
        return f"{float(value):g} {tr(name)}" if name else f"{float(value):g}"
    if key == "confidence":
        return f"{value:.0f}%"
    if key == "effort":
        return _number(value, 1)
    if key == "score":
        return format_score(value)  # the one rule the explanation, the CLI and the workbook follow too
    if key in ("reach", "value") or key in _FROM_FACTORS:
        return _number(value, 1)
    if key == "mrr":
        return format_money(value, compact=False)
    if key == "rank_stability":
        return f"{value * 100:.0f}%"
    if key == "single_customer":
        return tr("single") if value else ""
    if key == "status":
        return status_label(value)
    if key == "kind":
        return kind_label(value)
    return str(value)


class BacklogModel(QAbstractTableModel):
    """Scored backlog rows. `set_rows` takes `score_items` output (or plain item rows).

    Sort and filter work on lists of row positions and on per-column value lists
    read once per load: on 100k rows, reaching into every row's dict costs more
    than comparing the values, because the dicts lie all over memory.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._base: list[dict] = []  # the rows as loaded
        self._columns: dict[str, list] = {}  # key -> each base row's value, read on first use
        self._order: list[int] = []  # base positions of every row, in sort order
        self._rows: list[dict] = []  # the rows that pass the filters, in sort order
        self._pos: dict[int, int] | None = {}
        self.sort_key = "rank"
        self.sort_order = Qt.AscendingOrder
        self.filters = {"text": "", "status": None, "kind": None, "theme": None, "lane": None, "single": False}
        # Called as editor(item_id, field, value) -> bool; the view does the write.
        self.editor = None
        # Called as explainer(row) -> the row with its explanation (a new dict): the backlog is scored without words.
        self.explainer = None
        self.method = "rice"
        self.inputs: tuple[str, ...] = METHOD_INPUTS["rice"]
        self._editable = EDITABLE | set(self.inputs)
        self.moves: dict[int, float] = {}  # item id -> places moved since `moves_since` (NEW_MOVE for a new item)
        self.moves_since = ""  # the snapshot compared with, in words, for the tooltips

    def set_moves(self, moves: dict | None, since: str = "") -> None:
        """Rank moves from `history.rank_moves` (None for a new item), or none at all; re-sorts when sorted by them."""
        self.moves = {item_id: NEW_MOVE if move is None else move for item_id, move in (moves or {}).items()}
        self.moves_since = since
        self._columns.pop("move", None)
        if self.sort_key == "move":
            self.beginResetModel()
            self._order = self._sorted_order()
            self._rows = self._filtered()
            self._pos = None
            self.endResetModel()
        elif self._rows:
            col = KEYS.index("move")
            self.dataChanged.emit(self.index(0, col), self.index(len(self._rows) - 1, col))

    def set_method(self, method: str) -> None:
        """The scoring method: its inputs are the estimates edited in place (and flagged when missing)."""
        self.method = method
        self.inputs = METHOD_INPUTS.get(method, ())
        self._editable = EDITABLE | set(self.inputs)

    # ------------------------------------------------------------ data in
    def set_rows(self, rows: list[dict]) -> None:
        """Show these rows. Plain item rows (scores still on their way) may lack the score keys."""
        titles, finds = [], []
        for row in rows:
            # Precomputed once per load so a keystroke or a title sort does no string work per row.
            title = (row["title"] or "").casefold()
            theme = row.get("theme")
            titles.append(title)
            finds.append(f"{title}\x1f{theme.casefold()}\x1f#{row['id']}" if theme else f"{title}\x1f#{row['id']}")
        self.beginResetModel()
        self._base = rows
        self._columns = {"_title": titles, "_find": finds}
        self._order = self._sorted_order()
        self._rows = self._filtered()
        self._pos = None
        self.endResetModel()

    def _column(self, key: str) -> list:
        values = self._columns.get(key)
        if values is None:
            rows = self._base
            if key == "move":
                moves = self.moves
                values = [moves.get(r["id"]) for r in rows]
            elif key in _FROM_FACTORS:
                values = [cell_value(r, key) for r in rows]
            else:
                try:
                    values = list(map(itemgetter(key), rows))
                except KeyError:  # plain item rows lack the score keys
                    values = [r.get(key) for r in rows]
            self._columns[key] = values
        return values

    def patch_row(self, item_id: int, **values) -> None:
        """Show new values in a row at once (the rescore that follows may take a while on a big workspace)."""
        row = self.row_of(item_id)
        if row is None:
            return
        self._replace(row, {**self._rows[row], **values})  # a new dict: the scorer hands the same rows out again
        if "title" in values or "theme" in values:
            self.set_rows(self._base)  # search keys changed; rare
            return
        for key in values:
            self._columns.pop(key, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, _NCOLS - 1))

    def _replace(self, row: int, new: dict) -> None:
        """Put `new` in place of the row at `row`, in the filtered and in the loaded rows."""
        old = self._rows[row]
        self._rows[row] = new
        base = self._base
        for i, r in enumerate(base):
            if r is old:
                base[i] = new
                break

    def explained(self, row: int) -> dict:
        """The row at `row` with its explanation, factors and counts, asked for once and kept in its place."""
        old = self._rows[row]
        if self.explainer is None or "factors" in old:
            return old
        new = self.explainer(old)
        if new is not old:
            self._replace(row, new)
        return new

    def all_rows(self) -> list[dict]:
        """Every row (filtered or not), in sort order."""
        base = self._base
        return [base[i] for i in self._order]

    def rows(self) -> list[dict]:
        return self._rows

    def total(self) -> int:
        return len(self._base)

    def row_dict(self, row: int) -> dict:
        return self._rows[row]

    def row_of(self, item_id: int) -> int | None:
        if self._pos is None:  # built on demand: most resets never look a row up
            self._pos = {r["id"]: i for i, r in enumerate(self._rows)}
        return self._pos.get(item_id)

    def item_id(self, row: int) -> int:
        return self._rows[row]["id"]

    # ------------------------------------------------------------ filter and sort
    def set_filter(self, **changes) -> None:
        unknown = set(changes) - set(self.filters)
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        self.filters.update(changes)
        self.beginResetModel()
        self._rows = self._filtered()
        self._pos = None
        self.endResetModel()

    def _filtered(self) -> list[dict]:
        f = self.filters
        keep = self._order
        text = (f["text"] or "").strip().casefold()
        if text:
            finds = self._columns["_find"]
            words = text.split()
            if len(words) == 1:
                keep = [i for i in keep if text in finds[i]]
            else:
                keep = [i for i in keep if all(w in finds[i] for w in words)]
        for key in ("status", "kind", "theme"):
            if f[key]:
                values, want = self._column(key), f[key]
                keep = [i for i in keep if values[i] == want]
        if f["lane"]:
            values, want = self._column("lane"), (None if f["lane"] == NO_LANE else f["lane"])
            keep = [i for i in keep if values[i] == want]
        if f["single"]:
            values = self._column("single_customer")
            keep = [i for i in keep if values[i]]
        base = self._base
        return [base[i] for i in keep]

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        if not 0 <= column < len(KEYS):
            return
        if (KEYS[column], order) == (self.sort_key, self.sort_order):
            return  # already in this order (the header and the view may both ask)
        self.sort_key = KEYS[column]
        self.sort_order = order
        self.beginResetModel()
        self._order = self._sorted_order()
        self._rows = self._filtered()
        self._pos = None
        self.endResetModel()

    def _sorted_order(self) -> list[int]:
        key = self.sort_key
        desc = self.sort_order == Qt.DescendingOrder
        if key == "pinned":
            key = "pinned_rank"
        elif key == "title":
            key = "_title"
        values = self._column(key)
        # Blanks (unscored, no estimate) always go last, whichever way the sort runs.
        if None in values:
            present = [i for i, v in enumerate(values) if v is not None]
            blank = [i for i, v in enumerate(values) if v is None]
        else:
            present, blank = range(len(values)), []
        if key not in NUMERIC and key not in ("pinned_rank", "single_customer", "_title"):
            folded = {i: str(values[i]).casefold() for i in present}
            ordered = sorted(present, key=folded.__getitem__, reverse=desc)
        else:
            ordered = sorted(present, key=values.__getitem__, reverse=desc)
        return ordered + blank

    # ------------------------------------------------------------ Qt model
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=Qt.DisplayRole):
        # Called thousands of times per repaint: plain ints and early exits, no enum arithmetic.
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        r, c = index.row(), index.column()
        if not (0 <= r < len(self._rows)) or not (0 <= c < _NCOLS):
            return None
        row = self._rows[r]
        key = KEYS[c]
        if c == _MOVE_COL:
            return self._move_data(role, row)
        if role == _DISPLAY:
            return format_value(key, row)
        if role == _ALIGN:
            return _ALIGNMENTS[c]
        if role == _EDIT or role == _RAW:
            return cell_value(row, key)
        if role == _ID:
            return row["id"]
        if role == _TOOLTIP:
            return self._tooltip(key, row)
        if role == _FOREGROUND:
            if key == "single_customer" and row.get("single_customer"):
                return _WARN
            if key == "score" and row.get("score") is None:
                return _DIM
            if row.get("status") in _DONE:
                return _DIM
            return None
        if role == _BACKGROUND:
            return _MISSING if self._missing(key, row) else None
        if role == _FONT and key == "rank" and row.get("pinned_rank"):
            if not _BOLD:
                font = QFont()
                font.setBold(True)
                _BOLD.append(font)
            return _BOLD[0]
        return None

    def _move_data(self, role: int, row: dict):
        move = self.moves.get(row["id"])
        if role == _DISPLAY:
            return move_text(move)
        if role == _ALIGN:
            return _RIGHT
        if role == _EDIT or role == _RAW:
            return move
        if role == _ID:
            return row["id"]
        if role == _FOREGROUND and move:
            theme = current_theme()
            return QBrush(theme.accent if move == NEW_MOVE else theme.ok if move > 0 else theme.over)
        if role == _TOOLTIP and move is not None:
            since = self.moves_since
            if move == NEW_MOVE:
                return tr("New since {since}").format(since=since)
            if move == 0:
                return tr("Same rank as at {since}").format(since=since)
            places = abs(move)
            text = (tr("Up {n} places since {since}") if move > 0 else tr("Down {n} places since {since}"))
            return text.format(n=f"{places:,}", since=since)
        return None

    def _missing(self, key: str, row: dict) -> bool:
        """An input of the current method this scored-but-unscorable row lacks."""
        return (key in self.inputs and "score" in row and row["score"] is None
                and row.get("method") == self.method and cell_value(row, key) is None)

    def _tooltip(self, key: str, row: dict):
        if key == "score":
            if row.get("score") is None:
                reason = row.get("unscored_reason")
                return tr("Not scored: {missing}").format(missing=reason) if reason else tr(
                    "Not scored yet: fill in the estimates.")
            if "explanation" not in row and self.explainer is not None:
                row = self.explained(self.row_of(row["id"]))
            return row.get("explanation") or None
        if self._missing(key, row):
            return tr("Missing: the score needs it")
        if key in ("rank", "pinned") and row.get("pinned_rank"):
            why = row.get("pin_rationale") or ""
            return tr("Pinned at rank {rank} (by score: {computed}). {why}").format(
                rank=row["pinned_rank"], computed=row.get("computed_rank") or "—", why=why
            )
        if key == "single_customer" and row.get("single_customer"):
            share = row.get("top_share")
            return tr("{company} brings {share} of the demand").format(
                company=row.get("top_company") or tr("One company"),
                share=f"{share * 100:.0f}%" if share is not None else tr("most"),
            )
        if key == "reach" and row.get("reach_source"):
            return tr("Reach from: {source}").format(source=row["reach_source"])
        if key == "title":
            return row.get("title")
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation != Qt.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.DisplayRole:
            return tr(COLUMNS[section][1])
        if role == Qt.ToolTipRole and COLUMNS[section][2]:
            return tr(COLUMNS[section][2])
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        if self.editor is None:
            return _FLAGS
        key = KEYS[index.column()]
        return _EDITABLE_FLAGS if key in self._editable else _FLAGS

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or not index.isValid() or self.editor is None:
            return False
        key = KEYS[index.column()]
        if not self.flags(index) & Qt.ItemIsEditable:
            return False
        row = self._rows[index.row()]
        if cell_value(row, key) == value:
            return False
        # The editor writes through the undo stack; the rescore that follows resets the model.
        return bool(self.editor(row["id"], FIELD_OF.get(key, key), value))
