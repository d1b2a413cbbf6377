"""The items suggested for the current request, each with why it matched and a button (1–5) to link to it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.i18n import tr


def one_line(text: str | None, width: int = 48) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def why_text(s: dict) -> str:
    """Why `planner.suggest` suggested an item, from its `reason`, composed here so the sentence can be translated."""
    reason = s.get("reason") or {}
    kind = reason.get("kind")
    if kind == "requests":
        n = reason.get("count", 0)
        text = one_line(reason.get("text"), 40)
        if n == 1:
            return tr("Like a request you linked to this item: “{text}”").format(text=text)
        return tr("Like {n} requests you linked to this item, e.g. “{text}”").format(n=n, text=text)
    if kind == "title":
        return tr("Its title says “{text}”").format(text=one_line(reason.get("text"), 40))
    if kind == "description":
        return tr("Its description says “{text}”").format(text=one_line(reason.get("text"), 40))
    return ""


class SuggestionList(QWidget):
    """A heading and one row per suggestion; `link_to(item_id)` when a row's button is clicked."""

    link_to = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.current_suggestions: list[dict] = []
        self.buttons: list[QPushButton] = []
        self.heading = QLabel(tr("Suggested items"))
        self.heading.setStyleSheet("font-weight: bold;")
        self.rows = QVBoxLayout()
        self.rows.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(self.rows)

    def clear(self) -> None:
        """No request: no heading, no rows."""
        self._clear_rows()
        self.heading.hide()

    def show_waiting(self) -> None:
        self._clear_rows()
        self._note(tr("Finding similar items…"))

    def show_suggestions(self, suggestions: list[dict]) -> None:
        self._clear_rows()
        self.current_suggestions = list(suggestions)
        if not suggestions:
            self._note(tr("No item looks like this request. Press N to make one."))
        for n, s in enumerate(suggestions):
            self._add_row(s, n)

    def _note(self, text: str) -> None:
        note = QLabel(text)
        note.setStyleSheet("color: palette(dark);")
        self.rows.addWidget(note)
        self.heading.show()

    def _clear_rows(self) -> None:
        self.current_suggestions = []
        self.buttons = []
        while self.rows.count():
            child = self.rows.takeAt(0)
            widget = child.widget()
            if widget is not None:
                # Hidden and unparented now: deleteLater alone leaves it painted until the loop runs.
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()

    def _add_row(self, s: dict, n: int) -> None:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        text = QLabel(f"<b>{escape(one_line(s['title']))}</b> <span style='color:gray'>{s['score']:.0f}%</span>"
                      f"<br><small>{escape(why_text(s))}</small>")
        text.setWordWrap(True)
        text.setToolTip(s.get("why") or "")
        button = QPushButton(tr("Link  {key}").format(key=n + 1))
        button.setToolTip(tr("Link to “{title}” (key {key})").format(title=s["title"], key=n + 1))
        button.setFocusPolicy(Qt.NoFocus)
        button.clicked.connect(lambda _=False, item_id=s["item_id"]: self.link_to.emit(item_id))
        layout.addWidget(text, 1)
        layout.addWidget(button, 0, Qt.AlignTop)
        self.buttons.append(button)
        self.rows.addWidget(row)
        self.heading.show()
