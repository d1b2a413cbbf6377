"""The inbox's middle pane: the current request, the items suggested for it, and the triage buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ui.i18n import tr
from ui.inbox.suggestions import SuggestionList
from ui.roadmap.style import SHOWN_CURRENCY, format_money


class RequestDetail(QWidget):
    """`action(name)` when a triage button is clicked: "link", "duplicate", "archive" or "new_item"."""

    action = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._shown: dict | None = None  # the request whose details are shown
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_label.setFont(font)
        self.meta_label = QLabel()
        self.meta_label.setWordWrap(True)
        self.body = QTextBrowser()
        self.body.setOpenExternalLinks(True)
        self.body.setFocusPolicy(Qt.ClickFocus)
        self.suggestions = SuggestionList()
        self.link_button = QPushButton(tr("&Link…"))
        self.duplicate_button = QPushButton(tr("&Duplicate…"))
        self.archive_button = QPushButton(tr("&Archive"))
        self.new_item_button = QPushButton(tr("&New item"))
        actions = QHBoxLayout()
        actions.setSpacing(4)
        for button, name, key, tip in (
            (self.link_button, "link", "L", tr("Link to an item chosen from a list, likeliest first")),
            (self.duplicate_button, "duplicate", "D", tr("Mark as a duplicate of another request")),
            (self.archive_button, "archive", "A", tr("Archive: not actionable, kept for the record")),
            (self.new_item_button, "new_item", "N", tr("Create a backlog item from the selected requests")),
        ):
            button.setToolTip(f"{tip} ({key})")
            # Single-key triage works from the table; mnemonics would need Alt.
            button.setText(button.text().replace("&", ""))
            button.setFocusPolicy(Qt.NoFocus)
            button.clicked.connect(lambda _=False, name=name: self.action.emit(name))
            actions.addWidget(button)
        self.keys_label = QLabel(tr("Keys: J/K next/previous · 1–5 link to a suggestion · L link… · D duplicate · "
                                    "A archive · N new item · Y the same for the repeats offered"))
        self.keys_label.setWordWrap(True)  # else its one line sets the pane's minimum width
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.suggestions)
        line = QFrame()
        line.setFrameShape(QFrame.HLine)
        line.setFrameShadow(QFrame.Sunken)
        layout.addWidget(line)
        layout.addLayout(actions)
        layout.addWidget(self.keys_label)
        SHOWN_CURRENCY.changed.connect(self._show_meta)  # the workspace's currency changed: its MRR is shown anew

    def show_request(self, req: dict, selected: int) -> None:
        """`req` is the first of the `selected` requests."""
        self._enable(True, single=selected == 1)
        title = req["title"] if selected == 1 else tr("{n} requests selected; the first:").format(n=selected) + " " + req["title"]
        self.title_label.setText(title)
        self._shown = req
        self._show_meta()
        self.body.setPlainText(req.get("body") or "")

    def _show_meta(self, *_currency) -> None:
        """The line under the title: company, MRR in the workspace's currency, segment, source, date, requester."""
        req = self._shown
        if req is None:
            return
        meta = [req.get("company") or tr("no company"), req.get("segment"), req.get("source"),
                (req.get("created_at") or "")[:10], req.get("requester"), f"#{req['id']}"]
        if req.get("mrr"):
            meta.insert(1, tr("MRR {mrr}").format(mrr=format_money(req["mrr"], compact=False)))
        self.meta_label.setText(" · ".join(str(m) for m in meta if m))

    def show_none(self, *, listed: bool, filtering: bool) -> None:
        """No request selected: the list has some (`listed`), or none at all, or none that match."""
        self._shown = None
        self._enable(False, single=False)
        self.suggestions.clear()
        if listed:
            self.title_label.setText("")
            self.meta_label.setText("")
        elif filtering:
            self.title_label.setText(tr("No request matches"))
            self.meta_label.setText(tr("Change the search or the filters, or clear them."))
        else:
            self.title_label.setText(tr("Nothing to triage"))
            self.meta_label.setText(tr("Every request is linked, marked as a duplicate or archived."))
        self.body.clear()

    def _enable(self, some: bool, *, single: bool) -> None:
        for button in (self.link_button, self.archive_button, self.new_item_button):
            button.setEnabled(some)
        self.duplicate_button.setEnabled(single)
