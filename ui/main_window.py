"""The main window: navigation between the views, menus, toolbar and status bar.

It owns no logic: opening and creating workspaces goes through
`planner.storage`, every change through the views' undoable operations. Views
are built the first time they are shown, so the window appears without
waiting for them: even the backlog (which scores every item, and imports the
scoring and history modules and numpy for it) is built just after the window's
first paint, and `first_painted` then tells the app to start its background work.

About 600 lines on purpose: it is the one place that lists every menu, action
and shortcut of the window, and each handler is a few lines that open a view,
a dialog or a file step; splitting it would scatter that table of contents.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QEvent, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
    QStackedWidget, QStyle, QToolBar, QVBoxLayout, QWidget,
)

from planner.errors import PlannerError, WorkspaceError
from planner.ops import Changes, Entity
from planner.ops.settings import workspace_name
from planner.storage import open_workspace, queries
from planner.storage.db import INTERACTIVE_BUSY_TIMEOUT
from ui import hotkeys
from ui.roadmap.style import follow_currency
from ui.i18n import LANGUAGE_KEY
from ui.context import EXTERNAL_POLL_MS, AppContext, show_error
from ui.i18n import tr
from ui.widgets.files import ask_save_path, open_folder

log = logging.getLogger(__name__)

# (key, label, module, class): the navigation list, in order (Ctrl+1..7).
VIEWS = (
    ("backlog", QT_TRANSLATE_NOOP("", "Backlog"), "ui.backlog", "BacklogView"),
    ("inbox", QT_TRANSLATE_NOOP("", "Inbox"), "ui.inbox", "InboxView"),
    ("roadmap", QT_TRANSLATE_NOOP("", "Roadmap"), "ui.roadmap", "BoardView"),
    ("matrix", QT_TRANSLATE_NOOP("", "Matrix"), "ui.matrix", "MatrixView"),
    ("metrics", QT_TRANSLATE_NOOP("", "Metrics"), "ui.metrics", "MetricsView"),
    ("companies", QT_TRANSLATE_NOOP("", "Companies"), "ui.companies", "CompaniesView"),
    ("changes", QT_TRANSLATE_NOOP("", "Changes"), "ui.changes", "ChangesView"),
)
RECENT_KEPT = 8
SAID_MS = 6000  # how long the status bar says what an action did
IMPORTABLE = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")  # what a drop on the window opens the import wizard with
COUNTED = (Entity.ITEMS, Entity.REQUESTS, Entity.LINKS, Entity.COMPANIES, Entity.LANES, Entity.METRICS)  # the status bar counts


def default_data_dir() -> Path:
    from planner.appdata import default_workspace_path

    return default_workspace_path().parent


def _placeholder(text: str) -> QWidget:
    widget = QWidget()
    layout = QVBoxLayout(widget)
    label = QLabel(text)
    label.setAlignment(Qt.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(mid); font-size: 13pt")
    layout.addWidget(label)
    return widget


class MainWindow(QMainWindow):
    VIEWS = tuple(v[1] for v in VIEWS)
    # The window has been painted once and the backlog built: background work may start now.
    first_painted = Signal()
    _painted = False  # a class default: Qt sends events (ChildAdded) before __init__ has set anything

    def __init__(self, ws, parent=None, *, settings: QSettings | None = None, data_dir: Path | None = None):
        super().__init__(parent)
        self.ctx = AppContext(ws, self)
        self.settings = settings if settings is not None else QSettings()
        self.data_dir = Path(data_dir) if data_dir else None
        self.views: dict[str, QWidget] = {}
        self.dialogs: dict[str, QWidget] = {}
        self.setAcceptDrops(True)
        self.setMinimumSize(QSize(800, 500))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget#navigation { font-size: 11pt; } QListWidget#navigation::item { padding: 6px 8px; }")
        for key, label, _m, _c in VIEWS:
            item = QListWidgetItem(tr(label))
            item.setData(Qt.UserRole, key)
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        # Replaced by the view the first time it is shown; the backlog's until just after the first paint.
        self.stack.addWidget(_placeholder(tr("Opening the backlog…")))
        for _ in VIEWS[1:]:
            self.stack.addWidget(QWidget())
        self.nav.currentRowChanged.connect(self.show_view)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.path_label = QLabel()
        self.counts_label = QLabel()
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)

        self.ctx.changed.connect(self._on_changed)
        self.ctx.workspace_replaced.connect(self._on_workspace_replaced)
        self.poll_timer = QTimer(self)  # changes saved by another window or the command line
        self.poll_timer.setInterval(EXTERNAL_POLL_MS)
        self.poll_timer.timeout.connect(self.ctx.check_external_changes)
        self.poll_timer.start()
        self.ctx.runner.pending_changed.connect(self._on_pending)
        self.ctx.runner.pending_dropped.connect(lambda n: self.statusBar().clearMessage())
        follow_currency(self.ctx)  # money in every view in the workspace's currency
        self.ctx.said.connect(lambda text: self.statusBar().showMessage(text, SAID_MS))
        self.ctx.changed_elsewhere.connect(
            lambda: self.statusBar().showMessage(tr("Updated with changes saved in another window or by the command line."), 5000)
        )
        # First start: as large as the backlog wants, within the screen.
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        self.resize(min(1440, int(room.width() * 0.9)) if room else 1440, min(860, int(room.height() * 0.9)) if room else 860)
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, (QByteArray, bytes)):
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if isinstance(state, (QByteArray, bytes)):
            self.restoreState(state)
        self._on_workspace_replaced()
        self.nav.blockSignals(True)  # the backlog is built after the first paint (`_after_first_paint`)
        self.nav.setCurrentRow(0)
        self.nav.blockSignals(False)
        self.view_actions[0].setChecked(True)

    # ------------------------------------------------------------ the first paint
    def event(self, event) -> bool:
        if not self._painted and event.type() == QEvent.Paint:
            QTimer.singleShot(0, self, self._after_first_paint)  # once this paint is on the screen
        return super().event(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._painted:
            QTimer.singleShot(250, self, self._after_first_paint)  # a platform that never paints the window itself

    def _after_first_paint(self) -> None:
        """Build the view shown (the backlog), then let the app start its background work (`first_painted`)."""
        if self._painted or self.ctx.ws.closed:
            return
        self._painted = True
        self.show_view(max(self.nav.currentRow(), 0))
        self.first_painted.emit()

    # ------------------------------------------------------------ actions and menus
    def _action(self, text: str, slot, shortcut=None, *, icon=None, tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda checked=False: slot())
        self.addAction(action)  # shortcuts work while the menu bar is hidden too
        return action

    def _build_actions(self) -> None:
        S = QStyle.StandardPixmap
        self.new_item_action = self._action(tr("New I&tem…"), self.new_item, hotkeys.NEW_ITEM, icon=S.SP_FileIcon,
                                            tip=tr("Add a backlog item: only a title is needed"))
        self.new_action = self._action(tr("&New Workspace…"), self.new_workspace, hotkeys.NEW_WORKSPACE,
                                       tip=tr("Create an empty workspace file"))
        self.open_action = self._action(tr("&Open Workspace…"), self.open_workspace_dialog, hotkeys.OPEN,
                                        icon=S.SP_DialogOpenButton, tip=tr("Open a workspace file"))
        self.demo_action = self._action(tr("Open &Demo Workspace"), self.open_demo, hotkeys.OPEN_DEMO,
                                        tip=tr("A B2B SaaS backlog with customer requests, to look around"))
        self.import_action = self._action(
            tr("&Import…"), lambda: self.open_import_wizard(), hotkeys.IMPORT_CSV, icon=S.SP_ArrowDown,
            tip=tr("Import requests, backlog items, companies or metrics from a CSV or Excel file"))
        self.import_metrics_action = self._action(tr("Import &Metrics…"), self.import_metrics,
                                                  tip=tr("Import metric values (period, metric, value) from a CSV file"))
        self.batches_action = self._action(tr("Import &Batches…"), self.open_batches, hotkeys.IMPORT_BATCHES,
                                           tip=tr("Past imports, and undoing one"))
        self.export_action = self._action(tr("&Export…"), self.open_export, hotkeys.EXPORT, icon=S.SP_DialogSaveButton,
                                          tip=tr("Write the roadmap workbook or the priorities CSV"))
        self.save_copy_action = self._action(tr("Save a &Copy…"), self.save_copy,
                                             tip=tr("Write a copy of the workspace to another file"))
        self.backup_action = self._action(tr("Back &Up Now"), self.back_up_now,
                                          tip=tr("Keep a copy of the workspace in its backups folder"))
        self.restore_action = self._action(tr("Re&store from Backup…"), self.open_backups,
                                           tip=tr("Replace the workspace with one of its backups"))
        self.quit_action = self._action(tr("&Quit"), self.close, hotkeys.QUIT)
        self.quit_action.setMenuRole(QAction.QuitRole)

        self.undo_action = self.ctx.undo_stack.createUndoAction(self, tr("&Undo"))
        self.undo_action.setShortcut(hotkeys.UNDO)
        self.undo_action.setIcon(self.style().standardIcon(S.SP_ArrowBack))
        self.redo_action = self.ctx.undo_stack.createRedoAction(self, tr("&Redo"))
        self.redo_action.setShortcut(hotkeys.REDO)
        self.redo_action.setIcon(self.style().standardIcon(S.SP_ArrowForward))
        for action in (self.undo_action, self.redo_action):
            self.addAction(action)
        self.find_action = self._action(tr("&Find"), self.focus_search, hotkeys.FIND,
                                        tip=tr("Search in the current view"))
        self.scoring_action = self._action(tr("&Scoring Settings…"), self.open_scoring_settings, hotkeys.SCORING_SETTINGS,
                                           icon=S.SP_FileDialogDetailedView,
                                           tip=tr("Scoring method, time window, segment and importance weights"))
        self.settings_action = self._action(tr("&Workspace Settings…"), self.open_workspace_settings,
                                            hotkeys.WORKSPACE_SETTINGS,
                                            tip=tr("Fiscal year, currency, reach window and scoring"))
        self.settings_action.setMenuRole(QAction.PreferencesRole)
        self.lanes_action = self._action(tr("Edit &Lanes…"), self.open_lanes_editor, hotkeys.EDIT_LANES,
                                         tip=tr("Quarters, releases and Now/Next/Later: dates, capacity and order"))
        self.next_quarter_action = self._action(tr("Add the &Next Quarter"), self.add_next_quarter,
                                                tip=tr("A quarter after the last one, with its capacity"))

        self.view_group = QActionGroup(self)
        self.view_actions = []
        for n, (key, label, _m, _c) in enumerate(VIEWS):
            action = self._action(tr(label), lambda n=n: self.nav.setCurrentRow(n), hotkeys.VIEWS[n])
            action.setCheckable(True)
            self.view_group.addAction(action)
            self.view_actions.append(action)
        self.about_action = self._action(tr("&About Roadmap Planner"), self.about,
                                         tip=tr("The version, where the workspace and its backups are, for a bug report"))
        self.about_action.setMenuRole(QAction.AboutRole)
        self.shortcuts_action = self._action(tr("&Keyboard Shortcuts"), self.open_shortcuts,
                                             tip=tr("Every shortcut, by menu and view, searchable"))
        self.scores_help_action = self._action(tr("How &Scores Work"), self.open_scores_help,
                                               tip=tr("The scoring methods, reach and the request window, with this "
                                                      "workspace's top item as the example"))
        self.data_folder_action = self._action(tr("Open the &Data Folder"), self.open_data_folder,
                                               tip=tr("Show the folder holding the workspace and its backups"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(tr("&File"))
        file.addAction(self.new_item_action)
        file.addSeparator()
        file.addAction(self.new_action)
        file.addAction(self.open_action)
        self.recent_menu = file.addMenu(tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file.addAction(self.demo_action)
        file.addSeparator()
        file.addAction(self.import_action)
        file.addAction(self.import_metrics_action)
        file.addAction(self.batches_action)
        file.addAction(self.export_action)
        self.one_page_action = file.addAction(tr("Export One &Page…"), lambda: self.view("roadmap").choose_one_page())
        file.addSeparator()
        file.addAction(self.save_copy_action)
        file.addAction(self.backup_action)
        file.addAction(self.restore_action)
        file.addSeparator()
        file.addAction(self.quit_action)
        edit = bar.addMenu(tr("&Edit"))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        edit.addAction(self.find_action)
        edit.addSeparator()
        edit.addAction(self.scoring_action)
        edit.addAction(self.settings_action)
        view = bar.addMenu(tr("&View"))
        for action in self.view_actions:
            view.addAction(action)
        view.addSeparator()
        self.language_menu = view.addMenu(tr("&Language"))
        self.language_group = QActionGroup(self)
        current = str(self.settings.value(LANGUAGE_KEY, "") or "")
        # Each language is named in itself, so it can be found whatever the UI shows.
        for code, name in (("", tr("System language")), ("en", "English"), ("ja", "日本語")):
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            action.triggered.connect(lambda checked=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
        roadmap_menu = bar.addMenu(tr("&Roadmap"))
        roadmap_menu.addAction(self.lanes_action)
        roadmap_menu.addAction(self.next_quarter_action)
        self.release_notes_action = self._action(
            tr("Release Notes and &Whom to Tell…"), self.open_release_notes, hotkeys.RELEASE_NOTES,
            tip=tr("A lane's release notes in customer words, and who asked for its items"))
        roadmap_menu.addAction(self.release_notes_action)
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addAction(self.scores_help_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.data_folder_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        self._fill_recent_menu()

    def _build_toolbar(self) -> None:
        bar = QToolBar(tr("Main toolbar"))
        bar.setObjectName("main-toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(16, 16))
        for action in (self.undo_action, self.redo_action, None, self.new_item_action, self.import_action,
                       self.export_action, None, self.scoring_action):
            if action is None:
                bar.addSeparator()
            else:
                bar.addAction(action)
        for action in (self.undo_action, self.redo_action):
            # The action's text names the step ("Undo Set effort of …"): too long for a toolbar, kept as the tooltip.
            bar.widgetForAction(action).setToolButtonStyle(Qt.ToolButtonIconOnly)
        self.addToolBar(Qt.TopToolBarArea, bar)
        self.toolbar = bar

    # ------------------------------------------------------------ views
    def view(self, key: str) -> QWidget:
        """The view for `key`, built on first use. A view that cannot be imported is a bug
        to see in its test, not a placeholder; one that fails to build says why."""
        if key in self.views:
            return self.views[key]
        n = [v[0] for v in VIEWS].index(key)
        _key, label, module_name, class_name = VIEWS[n]
        cls = getattr(importlib.import_module(module_name), class_name)
        try:
            widget = cls(self.ctx)
        except Exception as exc:  # a workspace the view cannot show must not take the window down
            log.exception("The %s view failed to open", key)
            show_error(self, exc)
            widget = _placeholder(tr("The {view} view could not be opened.").format(view=tr(label)))
        old = self.stack.widget(n)
        shown = self.stack.currentWidget() is old
        self.stack.insertWidget(n, widget)
        self.stack.removeWidget(old)
        old.deleteLater()
        if shown:  # asked for before it was shown (`backlog` before the first paint): it takes its place
            self.stack.setCurrentWidget(widget)
        self.views[key] = widget
        return widget

    def show_view(self, n: int) -> None:
        if not 0 <= n < len(VIEWS):
            return
        widget = self.view(VIEWS[n][0])
        self.stack.setCurrentWidget(widget)
        self.view_actions[n].setChecked(True)
        if self.nav.currentRow() != n:
            self.nav.setCurrentRow(n)

    def current_view_key(self) -> str:
        return VIEWS[max(self.nav.currentRow(), 0)][0]

    def focus_search(self) -> None:
        """Ctrl+F: the current view's search field, else the backlog's."""
        widget = self.views.get(self.current_view_key())
        if hasattr(widget, "focus_search"):
            widget.focus_search()
            return
        search = getattr(widget, "search", None)
        if isinstance(search, QLineEdit):
            search.setFocus(Qt.ShortcutFocusReason)
            search.selectAll()
            return
        self.nav.setCurrentRow(0)
        self.view("backlog").focus_search()

    @property
    def backlog(self):
        return self.view("backlog")

    # ------------------------------------------------------------ status bar
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*COUNTED):
            self.update_status()
        if changes.touches(Entity.SETTINGS):  # the name may have changed, here or in another window
            self.update_title()

    def update_title(self) -> None:
        """"Acme 2027 — Roadmap Planner": the workspace's name first, as window lists and task bars cut titles short."""
        self.setWindowTitle(tr("{name} — Roadmap Planner").format(name=workspace_name(self.ctx.ws)))

    def update_status(self) -> None:
        c = queries.counts(self.ctx.ws)
        self.path_label.setText(str(self.ctx.ws.path))
        self.path_label.setToolTip(str(self.ctx.ws.path))
        self.counts_label.setText(
            tr("{items} items · {requests} requests ({unlinked} to triage) · {companies} companies").format(
                items=f"{c['items']:,}", requests=f"{c['requests']:,}", unlinked=f"{c['unlinked']:,}",
                companies=f"{c['companies']:,}",
            )
        )
        inbox = self.nav.item(1)
        inbox.setText(tr("Inbox") + (f"  ({c['unlinked']:,})" if c["unlinked"] else ""))

    def _on_workspace_replaced(self) -> None:
        ws = self.ctx.ws
        self.update_title()
        self.add_recent(ws.path)
        self.statusBar().clearMessage()  # a message about the previous workspace (edits waiting) no longer holds
        self.update_status()

    # ------------------------------------------------------------ workspaces
    def recent_paths(self) -> list[str]:
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent(self, path) -> None:
        path = str(Path(path).resolve())
        paths = [p for p in self.recent_paths() if p != path]
        self.settings.setValue("recent", [path] + paths[: RECENT_KEPT - 1])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = str(Path(self.ctx.ws.path).resolve())
        paths = [p for p in self.recent_paths() if Path(p).exists()]
        for n, path in enumerate(paths, 1):
            action = self.recent_menu.addAction(f"&{n} {Path(path).name}  —  {Path(path).parent}")
            action.setData(path)
            action.setEnabled(path != current)
            action.triggered.connect(lambda checked=False, p=path: self.switch_workspace(Path(p)))
        if not paths:
            self.recent_menu.addAction(tr("No recent workspaces")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(tr("Clear Menu"), lambda: self.settings.setValue("recent", []))

    def may_drop_pending(self, doing: str) -> bool:
        """Edits still waiting for an import would be lost: ask before closing or switching."""
        n = len(self.ctx.runner.pending)
        if not n:
            return True
        box = QMessageBox(QMessageBox.Question, tr("Roadmap Planner"),
                          tr("{n} change(s) are waiting for the workspace to be free (an import is running) and are "
                             "not saved yet. {doing} anyway and lose them?").format(n=n, doing=doing),
                          QMessageBox.Yes | QMessageBox.No, self)
        box.setDefaultButton(QMessageBox.No)
        return box.exec() == QMessageBox.Yes

    def switch_workspace(self, path: Path) -> bool:
        """Open `path` and make it the workspace of every view; explains why not when it fails."""
        from ui.single_instance import window_has

        if not self.may_drop_pending(tr("Open another workspace")):
            return False

        from ui.app import open_or_explain

        ws = open_or_explain(Path(path), parent=self)
        if ws is None:
            return False
        shared = window_has(path)  # asked before this window starts listening for the new path
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            self.ctx.replace_workspace(ws)
        finally:
            QApplication.restoreOverrideCursor()
        if shared:
            self.statusBar().showMessage(
                tr("{name} is open in another window too; what either window saves shows in the other within a second.")
                .format(name=Path(path).name), 15000)
        return True

    def _on_pending(self, n: int, holder: str) -> None:
        if n:
            self.statusBar().showMessage(
                tr("{n} change(s) will be saved as soon as the workspace is free ({holder}).").format(
                    n=n, holder=holder or tr("another window or a command is writing to it")))
        else:
            self.statusBar().showMessage(tr("Every change is saved."), 4000)

    def bring_to_front(self) -> None:
        """Another start asked for this workspace: show this window instead of opening a second one."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        self.statusBar().showMessage(tr("This workspace is already open here."), 5000)

    def _start_dir(self) -> str:
        return str(Path(self.ctx.ws.path).parent)

    def new_workspace(self) -> bool:
        path = ask_save_path(self, tr("New Workspace"), str(Path(self._start_dir()) / "roadmap.db"),
                             file_filter=tr("Workspaces (*.db)"), suffix=".db")
        if path is None:
            return False
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            show_error(self, WorkspaceError(
                tr("{path} already exists.").format(path=path),
                hint=tr("Open it with File ▸ Open Workspace…, or pick a new file name for a new workspace."),
            ))
            return False
        return self.switch_workspace(path)

    def new_item(self, *, hint: str | None = None):
        """File ▸ New Item (Ctrl+N): the backlog's New Item form, from whichever view; `hint` says what to type."""
        self.nav.setCurrentRow(0)
        return self.backlog.new_item(hint=hint)

    def open_workspace_dialog(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open Workspace"), self._start_dir(),
                                              tr("Workspaces (*.db);;All files (*)"))
        return self.switch_workspace(Path(path)) if path else False

    def demo_path(self) -> Path:
        return self.data_folder() / "demo.db"

    def open_demo(self) -> bool:
        """Fill the current workspace with the demo when it is empty, else open (or make) the demo file."""
        if queries.is_empty(self.ctx.ws):
            self.load_demo()
            return True
        path = self.demo_path()
        if Path(self.ctx.ws.path).resolve() == path.resolve():
            return True
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            ws = open_workspace(path, busy_timeout=INTERACTIVE_BUSY_TIMEOUT)
            if queries.is_empty(ws):
                from planner.demo import load_demo

                load_demo(ws)
        except PlannerError as exc:
            QApplication.restoreOverrideCursor()
            show_error(self, exc)
            return False
        try:
            self.ctx.replace_workspace(ws)
        finally:
            QApplication.restoreOverrideCursor()
        return True

    def load_demo(self) -> None:
        from planner.demo import load_demo

        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            load_demo(self.ctx.ws)
        except PlannerError as exc:
            QApplication.restoreOverrideCursor()
            show_error(self, exc)
            return
        QApplication.restoreOverrideCursor()
        self.ctx.undo_stack.clear()  # the demo load is not an undoable step: undo must not reach behind it
        self.ctx.broadcast(Changes.all())

    # ------------------------------------------------------------ dialogs
    def _dialog(self, key: str, module_name: str, class_name: str, *args, **kwargs):
        cls = getattr(importlib.import_module(module_name), class_name)
        old = self.dialogs.get(key)
        if old is not None:
            old.close()
            old.deleteLater()
        dialog = cls(self.ctx, *args, **kwargs)
        dialog.setAttribute(Qt.WA_DeleteOnClose, False)
        self.dialogs[key] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def open_import_wizard(self, path: Path | str | None = None, *, kind: str | None = None):
        """The import wizard, on `path` when given; `kind` presets what the file holds (else it is guessed)."""
        return self._dialog("import", "ui.import_wizard", "ImportWizard", path=str(path) if path else None,
                            parent=self, kind=kind)

    def open_batches(self):
        return self._dialog("batches", "ui.dialogs.batches", "BatchesDialog", self)

    def open_export(self):
        return self._dialog("export", "ui.dialogs.export", "ExportDialog", self)

    def open_scoring_settings(self):
        return self._dialog("scoring", "ui.dialogs.scoring", "ScoringSettingsDialog", self)

    def open_workspace_settings(self):
        return self._dialog("workspace_settings", "ui.dialogs.workspace_settings", "WorkspaceSettingsDialog", self)

    def open_lanes_editor(self):
        return self._dialog("lanes", "ui.dialogs.lanes", "LanesDialog", self)

    def open_release_notes(self, lane_id: int | None = None):
        return self._dialog("release_notes", "ui.dialogs.release_notes", "ReleaseNotesDialog", self, lane_id=lane_id)

    def add_next_quarter(self):
        from ui.operations import lanes

        return lanes.add_next_quarter(self.ctx, self)

    def import_metrics(self, path: Path | str | None = None):
        """File > Import Metrics: the import wizard, with the file taken as metric values (period, metric, value)."""
        return self.open_import_wizard(path, kind="metrics")

    def open_backups(self):
        return self._dialog("backups", "ui.dialogs.backups", "BackupsDialog", self)

    def save_copy(self) -> Path | None:
        """File > Save a Copy: a consistent copy of the workspace, wherever the user says."""
        from planner.storage.backups import save_copy

        path = Path(self.ctx.ws.path)
        target = ask_save_path(self, tr("Save a Copy"), str(path.with_name(f"{path.stem} copy.db")),
                               file_filter=tr("Workspaces (*.db)"), suffix=".db")
        if target is None:
            return None
        target = Path(target)
        return self._file_step(lambda: save_copy(self.ctx.ws, target)["file"], tr("Saved a copy as {path}"))

    def back_up_now(self) -> Path | None:
        from planner.storage.backups import make_backup

        return self._file_step(lambda: make_backup(self.ctx.ws, reason="manual"), tr("Backed up as {path}"))

    def _file_step(self, fn, done: str):
        """Run `fn()` (it returns the file written) under a wait cursor; say where it went, or why not."""
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            written = fn()
        except PlannerError as exc:
            QApplication.restoreOverrideCursor()
            show_error(self, exc)
            return None
        QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(done.format(path=written), 10000)
        return written

    def set_language(self, code: str) -> None:
        """Remember the UI language ("" follows the system); it applies from the next start."""
        if str(self.settings.value(LANGUAGE_KEY, "") or "") == code:
            return
        self.settings.setValue(LANGUAGE_KEY, code)
        QMessageBox.information(self, tr("Language"), tr("The language changes the next time Roadmap Planner starts."))

    def data_folder(self) -> Path:
        """The application-data folder: the default workspace and the demo live there."""
        return self.data_dir or default_data_dir()

    def about(self):
        """Help ▸ About: the version, and the paths and versions a bug report needs, to copy."""
        return self._dialog("about", "ui.dialogs.help", "AboutDialog", self, data_dir=self.data_folder())

    def open_shortcuts(self):
        return self._dialog("shortcuts", "ui.dialogs.shortcuts", "ShortcutsDialog", self)

    def open_scores_help(self):
        return self._dialog("scores_help", "ui.dialogs.help", "ScoresHelpDialog", self)

    def open_data_folder(self) -> bool:
        """Help ▸ Open the Data Folder: the folder holding the workspace file and its backups folder."""
        return open_folder(Path(self.ctx.ws.path).resolve().parent)

    # ------------------------------------------------------------ drag and drop
    @staticmethod
    def _dropped_file(mime) -> Path | None:
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in IMPORTABLE:
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event) -> None:
        if self._dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        path = self._dropped_file(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_import_wizard(path)

    # ------------------------------------------------------------ closing
    def closeEvent(self, event) -> None:
        if not self.may_drop_pending(tr("Close")):
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        for dialog in self.dialogs.values():
            dialog.close()
        self.poll_timer.stop()
        self.ctx.close()
        super().closeEvent(event)

