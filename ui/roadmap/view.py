"""The roadmap board: lanes as columns, items as cards you drag between them.

Lane headers live in a bar above the canvas that follows its horizontal
scroll, so they stay in sight however far down a lane you scroll. A drop on
the canvas asks `ui.operations.items.move_items` (the core's one lane-move API), so it is
undoable.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from planner import ops, roadmap
from planner.ops import Changes, Entity
from planner.errors import PlannerError
from planner.roadmap.scores import scores_by_id
from planner.storage import queries
from ui.context import RefreshWhenShown, show_error
from ui.i18n import tr
from ui.operations import items as actions
from ui.operations import lanes as lane_actions
import ui.roadmap.onepage as onepage
import ui.roadmap.png as png
from ui.roadmap.bars import LaneHeaderBar, LegendBar
from ui.roadmap.canvas import BoardCanvas
from ui.roadmap.lane_menu import lane_menu
from ui.roadmap.style import current_theme, lane_mode_label
from ui.tasks import Latest
from ui.widgets.combos import refill_combo
from ui.widgets.empty import EmptyHint, window_call
from ui.widgets.files import save_png_as
from ui.widgets.labels import kind_label, status_label

SYNC_SCORE_ITEMS = 300  # up to this many items, score on the spot; above, in the background
# What the view shows: where items sit, their scores, and the lanes.
SHOWN = (Entity.ITEMS, Entity.LANES, Entity.SCORES)


class BoardView(RefreshWhenShown, QWidget):
    """The Roadmap view: lane mode and filters on top, the board below."""

    LANE_MODES = ("quarters", "releases", "now-next-later")

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._scores: dict | None = None
        self._scoring = Latest(
            self.ctx, self, lambda ws, progress: scores_by_id(ws, board=True), self._scores_arrived,
            lambda exc, details: show_error(self, exc, details),
        )
        self._rescore_timer = QTimer(self)
        self._rescore_timer.setSingleShot(True)
        self._rescore_timer.setInterval(300)
        self._rescore_timer.timeout.connect(self._request_scores)
        self.lanes: list[dict] = []
        self.last_timing: dict = {}

        self.mode_box = QComboBox()
        for mode in self.LANE_MODES:
            self.mode_box.addItem(lane_mode_label(mode), mode)
        self.theme_box = QComboBox()
        self.kind_box = QComboBox()
        self.kind_box.addItem(tr("All kinds"), None)
        for kind in ops.KINDS:
            self.kind_box.addItem(kind_label(kind), kind)
        self.status_box = QComboBox()
        self.status_box.addItem(tr("All statuses"), None)
        for status in ops.STATUSES:
            self.status_box.addItem(status_label(status), status)
        self.business_box = QCheckBox(tr("Business view"))
        self.business_box.setToolTip(tr("Show only what the business edition of the roadmap shows: no effort, capacity or won't-do items."))
        self.export_button = QPushButton(tr("Export PNG…"))
        self.one_page_button = QPushButton(tr("Export One Page…"))
        self.one_page_button.setToolTip(tr("The board on one page for executives: a PDF to print or a PNG for slides"))
        self.summary = QLabel()
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Lanes:")))
        bar.addWidget(self.mode_box)
        bar.addSpacing(12)
        bar.addWidget(self.theme_box)
        bar.addWidget(self.kind_box)
        bar.addWidget(self.status_box)
        bar.addSpacing(12)
        bar.addWidget(self.business_box)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        bar.addWidget(self.export_button)
        bar.addWidget(self.one_page_button)

        self.canvas = BoardCanvas(self)
        self.header = LaneHeaderBar(self.canvas, self)
        self.canvas.horizontalScrollBar().valueChanged.connect(self.header.set_offset)
        self.header.lane_menu_requested.connect(lambda lane, at: lane_menu(self, lane).exec(at))
        self.legend = LegendBar(self.canvas.board_painter, self)
        # A board with nothing to show says what to do first, with the buttons that do it.
        self.empty = EmptyHint("", [
            (tr("Add Quarters and Now/Next/Later"), lambda: lane_actions.add_default_lanes(self.ctx, self)),
            (tr("Edit Lanes…"), lambda: window_call(self, "open_lanes_editor")),
            (tr("New Item…"), lambda: window_call(self, "new_item")),
        ])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addSpacing(4)
        layout.addWidget(self.legend)
        layout.addWidget(self.header)
        layout.addWidget(self.canvas, 1)
        layout.setSpacing(0)

        self.mode_box.currentIndexChanged.connect(lambda _: self.refresh(rescore=False))
        for box in (self.theme_box, self.kind_box, self.status_box):
            box.currentIndexChanged.connect(lambda _: self.refresh(rescore=False))
        self.business_box.toggled.connect(lambda _: self.refresh(rescore=False))
        self.export_button.clicked.connect(self.choose_export)
        self.one_page_button.clicked.connect(self.choose_one_page)
        self.canvas.card_dropped.connect(self.drop_card)
        self.canvas.card_activated.connect(self.ctx.item_selected.emit)
        self.ctx.changed.connect(self._on_changed)
        self.ctx.workspace_replaced.connect(self._on_workspace_replaced)
        self.refresh()

    # ------------------------------------------------------------ state

    @property
    def mode(self) -> str:
        return self.mode_box.currentData()

    def set_mode(self, mode: str) -> None:
        self.mode_box.setCurrentIndex(self.LANE_MODES.index(mode))

    @property
    def business(self) -> bool:
        return self.business_box.isChecked()

    def _filters(self) -> dict:
        return dict(theme=self.theme_box.currentData(), kind=self.kind_box.currentData(), status=self.status_box.currentData())

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*SHOWN):
            self.refresh_or_defer()

    def _fill_themes(self) -> None:
        themes = roadmap.themes(self.ctx.ws)
        refill_combo(self.theme_box, [(tr("All themes"), None)] + [(theme, theme) for theme in themes])

    def refresh(self, *, rescore: bool = True) -> None:
        """Redraw the board now from the workspace, keeping the scroll position.

        Scoring a big workspace takes a good part of a second, so scores come
        from a background task: the cards show at once (with the scores they
        had) and take their new scores when the task is done. Filter and lane
        changes reuse the scores.
        """
        if (rescore or self._scores is None) and not self._scoring.running and self._small_workspace():
            # A small workspace scores in a few milliseconds: no thread, no cards without scores.
            try:
                self._scores = scores_by_id(self.ctx.ws, board=True)
            except PlannerError as exc:
                show_error(self, exc)
            rescore = False
        self._rebuild()
        if rescore or self._scores is None:
            # Let the board paint first; a burst of changes costs one rescore.
            self._rescore_timer.start()

    def _small_workspace(self) -> bool:
        return queries.counts(self.ctx.ws)["items"] <= SYNC_SCORE_ITEMS

    @property
    def scores_pending(self) -> bool:
        return self._scoring.busy or self._rescore_timer.isActive()

    def _request_scores(self) -> None:
        self._scoring.request()

    def _scores_arrived(self, scores, seconds: float) -> None:
        self._scores = scores
        self.last_timing["score"] = seconds
        self._rebuild()

    def _on_workspace_replaced(self) -> None:
        self._scores = None
        self._scoring.forget()
        self.refresh_or_defer()

    def _rebuild(self) -> None:
        started = time.perf_counter()
        ws = self.ctx.ws
        try:
            self._fill_themes()
            self.lanes = roadmap.board(ws, lanes=self.mode, business=self.business, scores=self._scores or {}, **self._filters())
        except PlannerError as exc:
            show_error(self, exc)
            return
        loaded = time.perf_counter()
        h, v = self.canvas.horizontalScrollBar().value(), self.canvas.verticalScrollBar().value()
        self.canvas.set_lanes(self.lanes, business=self.business)
        self.canvas.horizontalScrollBar().setValue(h)
        self.canvas.verticalScrollBar().setValue(v)
        self.header.update()
        self.legend.business = self.business
        self.legend.update()
        shown = sum(len(lane["items"]) for lane in self.lanes)
        over = [lane["name"] for lane in self.lanes if lane.get("over_capacity")]
        text = tr("{n} cards").format(n=shown)
        hidden = roadmap.elsewhere(self.ctx.ws, lanes=self.mode)
        if hidden:
            text += "  ·  " + tr("{n} more on {modes} lanes").format(
                n=sum(hidden.values()), modes=", ".join(lane_mode_label(m).lower() for m in hidden))
        if over:
            text += "  ·  " + tr("Over capacity: {lanes}").format(lanes=", ".join(over))
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {current_theme().over.name()};" if over else "")
        self._show_empty_hint()
        built = time.perf_counter()
        self.last_timing.update(data=loaded - started, build=built - loaded)

    def _show_empty_hint(self) -> None:
        """No lanes of this kind: offer to make them; lanes but no items at all: offer the first item."""
        planned = [lane for lane in self.lanes if lane["id"] is not None]
        any_items = any(lane["item_count"] or lane["items"] for lane in self.lanes) or (
            queries.counts(self.ctx.ws)["items"] > 0)  # all hidden by the filters is not "no items"
        buttons = self.empty.buttons
        if not planned:
            self.empty.label.setText({
                "quarters": tr("No quarters yet. Plan the coming year quarter by quarter, each with its capacity."),
                "releases": tr("No releases yet. Add one in Roadmap ▸ Edit Lanes… to plan by release."),
                "now-next-later": tr("No Now/Next/Later lanes yet. Add them to plan without dates."),
            }[self.mode])
        elif not any_items:
            self.empty.label.setText(tr("No items yet. Add the first one, then drag its card onto a lane."))
        buttons[tr("Add Quarters and Now/Next/Later")].setVisible(not planned and self.mode != "releases")
        buttons[tr("Edit Lanes…")].setVisible(not planned)
        buttons[tr("New Item…")].setVisible(bool(planned) and not any_items)
        self.empty.setVisible(not planned or not any_items)

    # ------------------------------------------------------------ actions

    def lane_by_id(self, lane_id) -> dict | None:
        return next((lane for lane in self.lanes if lane["id"] == lane_id), None)

    def drop_card(self, item_id: int, lane_id, before_id) -> None:
        """Move a card (undoably) to `lane_id` before `before_id` (None: at the end)."""
        lane = self.lane_by_id(lane_id)
        name = lane["name"] if lane and lane_id is not None else tr("Not planned")
        if actions.move_items(self.ctx, self, [item_id], lane_id, before_item_id=before_id, lane_name=name) is None:
            self.refresh(rescore=False)  # it failed or waits: put the dragged card back where it is saved

    # ------------------------------------------------------------ export

    def choose_export(self) -> None:
        save_png_as(self, tr("Export board as PNG"), f"roadmap-{self.mode}.png", self.export_png)

    def choose_one_page(self) -> dict | None:
        """Ask where to save the board on one page (a PDF or a PNG, by the name's suffix) and write it."""
        pdf_filter, png_filter = tr("PDF documents (*.pdf)"), tr("PNG images (*.png)")
        path, chosen = QFileDialog.getSaveFileName(self, tr("Export One Page"), f"roadmap-{self.mode}.pdf",
                                                  f"{pdf_filter};;{png_filter}")
        if not path:
            return None
        if Path(path).suffix.lower() not in (".pdf", ".png"):
            path += ".png" if chosen == png_filter else ".pdf"
        try:
            result = self.export_one_page(path)
        except PlannerError as exc:
            show_error(self, exc)
            return None
        text = tr("Wrote {file}: {n} cards on one page.").format(file=Path(path).name, n=result["cards"])
        if result["more"]:
            text += " " + tr("{n} more did not fit; each lane says how many.").format(n=result["more"])
        self.ctx.said.emit(text)
        return result

    def export_one_page(self, path, *, page: str | None = None) -> dict:
        """Write the board as the view shows it (lanes, filters, business view) on one page; PDF paper from the locale."""
        return onepage.write_one_page(self.ctx.ws, path, lanes=self.mode, edition="business" if self.business else "internal",
                                      page=page or onepage.default_page_size(), **self._filters())

    def export_size(self, *, max_cards: int = 20) -> QSize:
        return png.export_size(self.lanes, max_cards=max_cards)

    def export_png(self, path, *, max_cards: int = 20) -> QSize:
        """Write the board's lanes (not the not-planned column) as a PNG for slides; returns its size."""
        return png.write_board_png(path, self.lanes, mode=self.mode, business=self.business,
                                   workspace=self.ctx.ws.name, font=self.font(), max_cards=max_cards)
