"""What the pickers and the inbox's item list offer: the likeliest choices first, narrowed as the user types."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont

from ui.i18n import tr
from ui.inbox.model import RowsModel
from ui.widgets.labels import status_label

_BOLD: list[QFont] = []


def _bold() -> QFont:
    # Made on first use: a QFont needs the application to exist.
    if not _BOLD:
        font = QFont()
        font.setBold(True)
        _BOLD.append(font)
    return _BOLD[0]


class ChoiceModel(RowsModel):
    """Rows to choose from: the likely ones first, in bold with their match score, then the rest.

    `filter(text)` keeps the rows whose `search_text` has every word typed
    (or whose id is a word typed); the likely ones stay on top in their order.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[dict] = []
        self._text = ""

    def set_choices(self, likely: list[dict], rest: list[dict]) -> None:
        """`likely` rows carry a `score` (and maybe a `why`); `rest` rows a `score` of None."""
        self._all = likely + rest
        self._apply()

    def filter(self, text: str) -> None:
        self._text = text or ""
        self._apply()

    def _apply(self) -> None:
        words = self._text.casefold().split()
        rows = self._all
        if words:
            rows = [r for r in rows if all(w in self.search_text(r).casefold() or w == str(r["id"]) for w in words)]
        self.set_rows(rows)

    def search_text(self, row: dict) -> str:
        return row.get("title") or ""

    def display(self, row, key):
        if key == "score":
            return "" if row.get("score") is None else f"{row['score']:.0f}%"
        return super().display(row, key)

    def tooltip(self, row, key):
        return row.get("why") or None

    def row_data(self, row, key, role):
        if role == Qt.FontRole and row.get("score") is not None:
            return _bold()
        return super().row_data(row, key, role)

    def sort(self, column, order=Qt.AscendingOrder):
        # The order is "best match first"; column sorting would hide that.
        return


class ItemChoiceModel(ChoiceModel):
    """Items to link to: suggestions (from `planner.triage.suggest_items`) first, then every item by title."""

    COLUMNS = (
        ("title", QT_TRANSLATE_NOOP("", "Item")),
        ("status", QT_TRANSLATE_NOOP("", "Status")),
        ("score", QT_TRANSLATE_NOOP("", "Match")),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._source: list[dict] | None = None
        self._by_id: dict[int, dict] = {}
        self._sorted: list[dict] = []

    def set_items(self, items: list[dict], suggestions: list[dict] = ()) -> None:
        if items is not self._source:
            # Sorted once per item list, not on every request the user steps through.
            self._source = items
            self._by_id = {i["id"]: i for i in items}
            self._sorted = [dict(i, score=None, why=None)
                            for i in sorted(items, key=lambda i: (i["title"] or "").casefold())]
        suggested = {s["item_id"] for s in suggestions}
        top = [dict(self._by_id[s["item_id"]], score=s["score"], why=s.get("why"))
               for s in suggestions if s["item_id"] in self._by_id]
        rest = [i for i in self._sorted if i["id"] not in suggested] if suggested else self._sorted
        self.set_choices(top, rest)

    def display(self, row, key):
        if key == "status":
            return status_label(row.get("status"))
        return super().display(row, key)

    def tooltip(self, row, key):
        return super().tooltip(row, key) or row.get("description") or None


class RequestChoiceModel(ChoiceModel):
    """Requests that may be the original of a duplicate: similar ones (`planner.triage.similar_requests`) first."""

    COLUMNS = (
        ("title", QT_TRANSLATE_NOOP("", "Request")),
        ("company", QT_TRANSLATE_NOOP("", "Company")),
        ("status", QT_TRANSLATE_NOOP("", "Status")),
        ("score", QT_TRANSLATE_NOOP("", "Match")),
    )

    def set_requests(self, requests: list[dict], similar: list[dict] = ()) -> None:
        """`similar` comes first in its order (the same requester's and company's repeats lead); its `why`
        ("Same company (Acme)") is the row's tooltip."""
        first = {s["request_id"]: s for s in similar}
        by_id = {r["id"]: r for r in requests}
        top = [dict(by_id[i], score=s["score"], why=self._why(s)) for i, s in first.items() if i in by_id]
        rest = [dict(r, score=None) for r in requests if r["id"] not in first]
        self.set_choices(top, rest)

    @staticmethod
    def _why(similar: dict) -> str | None:
        if similar.get("same_requester"):
            return tr("Same requester: likely the same ask twice")
        if similar.get("same_company"):
            return tr("Same company ({company}): likely the same ask twice").format(company=similar.get("company"))
        return None

    def search_text(self, row):
        return f"{row.get('title') or ''} {row.get('company') or ''}"

    def display(self, row, key):
        if key == "title":
            return f"#{row['id']}  " + " ".join((row.get("title") or "").split())
        return super().display(row, key)
