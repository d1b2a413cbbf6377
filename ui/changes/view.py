"""The Changes view: what changed since a snapshot or a date, for "what changed since last month?".

It lists `planner.history.changes(ws, since=...)`: items added and removed, rank
moves (an item pushed down because others climbed moved too), lane moves
(slipped or pulled in), status and estimate changes. Filters by kind and a
search narrow the list, which puts the decisions first and the rank moves
that follow from them last; double-clicking a row opens the item in the backlog.
"Take Snapshot…" records the ranking now, with a note to find it by.

The comparison scores the workspace live, so it runs in the background
(`ui.tasks.Latest`) and refreshes when shown after a change.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit,
    QPushButton, QVBoxLayout, QWidget,
)

from planner import history
from planner.errors import PlannerError
from planner.ops import Changes, Entity
from ui.changes.model import CHANGE_LABELS, VIEW_ORDER, ChangesModel, search_text
from ui.context import RefreshWhenShown, show_error, window_hint
from ui.i18n import tr
from ui.tasks import Latest
from ui.widgets.empty import EmptyHint, window_call
from ui.widgets.snapshots import fill_snapshot_combo, snapshot_label
from ui.widgets.table_model import list_table

SHOWN = (Entity.ITEMS, Entity.LANES, Entity.LINKS, Entity.REQUESTS, Entity.COMPANIES, Entity.METRICS,
         Entity.SETTINGS, Entity.SCORES)
ON_A_DATE = "date"  # the Since entry that compares with the last snapshot taken on or before a chosen day


class ChangesView(RefreshWhenShown, QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.all_rows: list[dict] = []
        self.snapshots: list[dict] = []
        self.compared: dict | None = None  # the snapshot the rows compare with
        self.error: str | None = None  # why there is nothing to compare with (a day before the first snapshot)
        self._shown_once = False
        self._load = Latest(ctx, self, None, self._loaded, self._failed)

        self.since = QComboBox()
        self.since.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.since.currentIndexChanged.connect(lambda _i: self._since_chosen())
        self.day = QDateEdit(QDate.currentDate().addMonths(-1))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setToolTip(tr("Compare with the last snapshot taken on or before this day"))
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.day.hide()
        since_label = QLabel(tr("Since:"))
        since_label.setBuddy(self.since)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search titles, lanes and values…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._filter())
        self.kinds: dict[str, QCheckBox] = {}
        for kind in VIEW_ORDER:
            box = QCheckBox(tr(CHANGE_LABELS[kind]))
            box.setChecked(True)
            box.toggled.connect(lambda _on: self._filter())
            self.kinds[kind] = box
        self.snapshot_button = QPushButton(tr("Take Snapshot…"))
        self.snapshot_button.setToolTip(tr("Record every item's score, rank, lane, status and estimates now"))
        self.snapshot_button.clicked.connect(lambda: self.take_snapshot())

        top = QHBoxLayout()
        top.addWidget(since_label)
        top.addWidget(self.since)
        top.addWidget(self.day)
        top.addWidget(self.search, 1)
        top.addWidget(self.snapshot_button)
        kinds = QHBoxLayout()
        kinds.addWidget(QLabel(tr("Show:")))
        for box in self.kinds.values():
            kinds.addWidget(box)
        kinds.addStretch(1)
        self.count = QLabel()
        kinds.addWidget(self.count)

        self.model = ChangesModel(self)
        self.table = list_table(self.model)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        for col, width in enumerate((50, 320, 90, 190, 190, 110)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.activated.connect(self._open)  # double-click, or Enter on the row

        self.hint = EmptyHint("", [(tr("Take Snapshot…"), lambda: self.take_snapshot()),
                                   (tr("Export…"), lambda: window_call(self, "open_export")),
                                   (tr("Show All Kinds"), self.show_all)])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addLayout(kinds)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)

        ctx.changed.connect(self._on_changed)
        ctx.workspace_replaced.connect(self._on_workspace_replaced)
        self.refresh()

    # ------------------------------------------------------------ loading
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*SHOWN):
            self.refresh_or_defer()

    def _on_workspace_replaced(self) -> None:
        self._load.forget()
        self.since.blockSignals(True)
        self.since.setCurrentIndex(0)
        self.since.blockSignals(False)

    def showEvent(self, event) -> None:
        if self._shown_once:
            self._refresh_pending = True  # a snapshot taken at an export or by the command line shows at once
        self._shown_once = True
        super().showEvent(event)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.ShortcutFocusReason)
        self.search.selectAll()

    def since_value(self):
        """What `history.changes` compares with: a snapshot id, a day, or None for the latest snapshot."""
        data = self.since.currentData()
        if data == ON_A_DATE:
            return self.day.date().toString("yyyy-MM-dd")
        return data

    def refresh(self) -> None:
        """Offer the snapshots, then compare with the chosen one in the background."""
        self.snapshots = fill_snapshot_combo(self.since, self.ctx.ws, (tr("The latest snapshot"), None),
                                             [(tr("A date…"), ON_A_DATE)])
        self.day.setVisible(self.since.currentData() == ON_A_DATE)
        if not self.snapshots:
            self._load.forget()
            self.all_rows, self.compared = [], None
            self._filter()
            return
        since = self.since_value()
        self._load.request(lambda ws, progress: (since, self._compare(ws, since)))

    @staticmethod
    def _compare(ws, since) -> tuple[dict, list[dict]]:
        """The snapshot compared with and the changes since it (on the task's own connection)."""
        rows = history.changes(ws, since=since)
        snapshots = history.list_snapshots(ws)
        if isinstance(since, int):
            chosen = next((s for s in snapshots if s["id"] == since), None)
        elif since is None:
            chosen = snapshots[0] if snapshots else None
        else:  # a day: the last one taken on or before it, as the core chose
            chosen = next((s for s in snapshots if str(s["taken_at"])[:10] <= since), None)
        return chosen, rows

    def _since_chosen(self) -> None:
        self.day.setVisible(self.since.currentData() == ON_A_DATE)
        self.refresh()

    def _loaded(self, answer, _seconds: float) -> None:
        since, (compared, rows) = answer
        if since != self.since_value():
            return
        self.compared = compared
        self.all_rows = rows
        self.error = None
        self._filter()

    def _failed(self, exc, details: str) -> None:
        """A date before the first snapshot (or a snapshot gone meanwhile) is said in the view, not in a dialog."""
        self.all_rows, self.compared = [], None
        if isinstance(exc, PlannerError):
            self.error = " ".join(t for t in (exc.message, window_hint(exc.hint)) if t)
            self._filter()
            return
        self.error = None
        self._filter()
        show_error(self, exc, details)

    # ------------------------------------------------------------ filters
    def chosen_kinds(self) -> set[str]:
        return {kind for kind, box in self.kinds.items() if box.isChecked()}

    def _filter(self) -> None:
        rows = self.all_rows
        counts = {kind: 0 for kind in self.kinds}
        for row in rows:
            counts[row["change"]] = counts.get(row["change"], 0) + 1
        for kind, box in self.kinds.items():
            label = tr(CHANGE_LABELS[kind])
            box.setText(f"{label} ({counts[kind]:,})" if counts[kind] else label)
        kinds = self.chosen_kinds()
        words = self.search.text().strip().casefold().split()
        shown = [r for r in rows if r["change"] in kinds and all(w in search_text(r) for w in words)]
        shown.sort(key=lambda r: VIEW_ORDER.index(r["change"]))  # stable: by rank now within a kind
        self.model.set_rows(shown)
        self.count.setText(tr("{shown} of {total} changes").format(shown=f"{len(shown):,}", total=f"{len(rows):,}")
                           if len(shown) != len(rows) else tr("{n} changes").format(n=f"{len(rows):,}"))
        if self.compared is not None:
            self.count.setText(self.count.text() + " · " + tr("since {snapshot}").format(
                snapshot=snapshot_label(self.compared)))
        self._say_empty(shown)

    def _say_empty(self, shown: list[dict]) -> None:
        """An empty list says why, and offers the step that fills it."""
        buttons = self.hint.buttons
        text, offer = "", ()
        if not self.snapshots:
            text = tr("No snapshot yet: take one, or export the workbook, which takes one. "
                      "Then this view lists what changed since: rank moves, lane moves, status and estimates.")
            offer = (tr("Take Snapshot…"), tr("Export…"))
        elif self.error:
            text = self.error
        elif not self.all_rows and self.compared is not None:
            text = tr("Nothing changed since {snapshot}.").format(snapshot=snapshot_label(self.compared))
        elif self.all_rows and not shown:
            text = tr("No change matches the search and the kinds chosen: {n} are hidden.").format(
                n=f"{len(self.all_rows):,}")
            offer = (tr("Show All Kinds"),)
        for label, button in buttons.items():
            button.setVisible(label in offer)
        self.hint.label.setText(text)
        self.hint.setVisible(bool(text))
        self.table.setVisible(bool(shown))

    def show_all(self) -> None:
        """Every kind of change, and no search."""
        for box in self.kinds.values():
            box.blockSignals(True)
            box.setChecked(True)
            box.blockSignals(False)
        self.search.clear()
        self._filter()

    def shown_rows(self) -> list[dict]:
        return list(self.model.rows)

    # ------------------------------------------------------------ actions
    def _open(self, index) -> None:
        self.open_item(self.model.row_dict(index.row()))

    def open_item(self, row: dict | None) -> None:
        """Show the row's item in the backlog; a removed one is said to be gone."""
        if row is None:
            return
        if row["change"] == "removed":
            self.ctx.said.emit(tr("“{title}” was removed: it is no longer in the backlog.").format(title=row["title"]))
            return
        window_call(self, "show_view", 0)
        self.ctx.item_selected.emit(int(row["item_id"]))

    def take_snapshot(self, note: str | None = None) -> dict | None:
        """Record the ranking now, with a note (asked for when not given); says how many items it recorded."""
        if note is None:
            note, ok = QInputDialog.getText(self, tr("Take Snapshot"),
                                            tr("A note to find it by later (optional), such as “before the Q3 replan”:"))
            if not ok:
                return None
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            taken = history.take_snapshot(self.ctx.ws, note=note.strip())
        except PlannerError as exc:
            QApplication.restoreOverrideCursor()
            show_error(self, exc)
            return None
        QApplication.restoreOverrideCursor()
        self.ctx.said.emit(tr("Snapshot taken: {n} items recorded. Later changes show here, compared with it.").format(
            n=f"{taken['items']:,}"))
        self.refresh()
        return taken
