"""Start the desktop app."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

# The core modules the window needs come before Qt: once PySide6 is loaded it reads the source of every module
# imported after it (looking for `from __feature__ import ...`), 20 ms of the start-up for these alone.
import planner.ops
import planner.storage

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.i18n import install_translators, ui_language

ORG = "RoadmapPlanner"
APP = "Roadmap Planner"

log = logging.getLogger(__name__)
_BEFORE_QT = (planner.ops, planner.storage)  # imported first on purpose, see above


def make_application(argv=None) -> QApplication:
    from ui import identity

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)
    QCoreApplication.setApplicationVersion(identity.version())
    app.setWindowIcon(identity.app_icon())  # every window and dialog, and the task bar
    install_translators(app, ui_language())
    return app


def open_or_explain(path: Path, parent=None):
    """Open a workspace, or show why not and return None.

    A damaged file with a backup offers to restore the newest backup (the
    damaged file is kept aside); an empty SQLite file of another program is
    made a workspace only when the user says so.
    """
    from planner.errors import EmptyForeignDatabase, PlannerError, WorkspaceDamaged
    from planner.storage import backups, open_workspace, restore
    from planner.storage.db import INTERACTIVE_BUSY_TIMEOUT
    from ui.context import show_error
    from ui.i18n import tr

    try:
        return open_workspace(path, busy_timeout=INTERACTIVE_BUSY_TIMEOUT)
    except EmptyForeignDatabase as exc:
        if not _ask(parent, exc.message, tr("Make it a Roadmap Planner workspace? Nothing in it is lost: it is empty."),
                    tr("Make It a Workspace")):
            return None
        try:
            return open_workspace(path, busy_timeout=INTERACTIVE_BUSY_TIMEOUT, adopt_empty=True)
        except PlannerError as again:
            show_error(parent, again)
            return None
    except WorkspaceDamaged as exc:
        newest = backups.newest_backup(path)
        if newest is None:
            show_error(parent, exc)
            return None
        question = tr("Restore the newest backup, from {when} (items: {items}, requests: {requests})? "
                      "The damaged file is kept beside it.").format(
            when=newest["when"].strftime("%Y-%m-%d %H:%M"), items=newest.get("items", "?"),
            requests=newest.get("requests", "?"))
        if not _ask(parent, exc.message, question, tr("Restore Backup")):
            return None
        try:
            restore.restore_backup(path, newest["file"])
            return open_workspace(path, busy_timeout=INTERACTIVE_BUSY_TIMEOUT)
        except PlannerError as again:
            show_error(parent, again)
            return None
    except PlannerError as exc:
        show_error(parent, exc)
        return None


def _ask(parent, text: str, question: str, yes: str) -> bool:
    """A warning with one action button (the default) and Cancel; True when the action was chosen."""
    from ui.i18n import tr

    box = QMessageBox(QMessageBox.Warning, tr("Roadmap Planner"), text, QMessageBox.NoButton, parent)
    box.setInformativeText(question)
    action = box.addButton(yes, QMessageBox.AcceptRole)
    box.addButton(QMessageBox.Cancel)
    box.setDefaultButton(action)
    box.exec()
    return box.clickedButton() is action


def install_signal_handlers(app: QApplication) -> None:
    """Ctrl-C or SIGTERM in the terminal closes the window as File > Quit does: one line, no traceback.

    Python runs signal handlers only between bytecodes, so a timer gives it a
    moment now and then while Qt's event loop waits.
    """
    import signal

    from PySide6.QtCore import QTimer

    def stop(signum, frame):
        from ui.tasks import Task

        running = Task.cancel_all()
        what = "interrupted" if signum == signal.SIGINT else "stopped"
        tail = " Work under way in the background was cancelled and not saved." if running else ""
        print(f"planner: {what}; closing the window. Every edit was saved as it was made.{tail}", file=sys.stderr)
        app.closeAllWindows()
        app.quit()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(200)
    app.signal_timer = timer


def install_excepthook() -> None:
    """An unexpected error in a slot shows a short message with the details folded away, and is logged."""
    import traceback

    def hook(kind, exc, tb):
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        from ui.context import show_error

        show_error(QApplication.activeWindow(), exc, "".join(traceback.format_exception(kind, exc, tb)))

    sys.excepthook = hook


def take_daily_snapshot(window) -> None:
    """The first opening of a workspace each day records its ranking, so the history has a point per day used.

    In the background (it scores every item); a snapshot that cannot be taken is logged, never shown: it must
    not stand between the PdM and the workspace. The backlog's Since offers the new snapshot at once.
    """
    from planner import history

    def taken(snapshot) -> None:
        backlog = window.views.get("backlog")
        if snapshot is not None and backlog is not None and hasattr(backlog, "refresh_snapshots"):
            backlog.refresh_snapshots()

    window.ctx.run_task(lambda ws, progress: history.daily_snapshot(ws), on_done=taken, owner=window,
                        on_error=lambda exc, details: log.warning("No daily snapshot: %s\n%s", exc, details))


def build_suggestions_ahead(window) -> None:
    """Once the backlog's scores are on screen, a big backlog's suggestion index is built in the background.

    Building it takes most of a second on 10k items; done here, after what the PdM opened the
    workspace for is shown, the inbox's first request gets its suggestions at once instead of
    "Finding similar items…". Once per opening; a failure is logged: the inbox builds it when asked.
    """
    generation = window.ctx.generation
    if getattr(window, "_suggestions_for", None) == generation:
        return  # this opening's build is started or waits for its scores
    window._suggestions_for = generation
    backlog = window.view("backlog")

    def start() -> None:
        from planner import triage

        backlog.scores_shown.disconnect(start)
        if window.ctx.generation != generation:
            return  # another workspace opened meanwhile: its own call waits for its scores
        window.ctx.run_task(lambda ws, progress: triage.build_ahead(ws), owner=window,
                            on_error=lambda exc, details: log.warning("No suggestions built ahead: %s\n%s", exc, details))

    backlog.scores_shown.connect(start)
    if backlog.scored_generation == generation:
        start()  # a small or quick workspace's scores were shown as the view was built


def after_first_paint(window) -> None:
    """What the start does once the window is on the screen: nothing heavy may run before the first paint.

    The daily snapshot (it scores every item, in the background), the suggestions
    built ahead once the scores show, and, on an empty workspace, the welcome that
    asks how to start.
    """
    take_daily_snapshot(window)
    build_suggestions_ahead(window)
    from ui.dialogs.welcome import welcome

    welcome(window)  # an empty workspace: the demo, an import, or a first item


def run_app(*, db_path: Path | None = None, argv=None) -> int:
    logging.basicConfig(level=logging.INFO)
    app = make_application(argv)
    install_excepthook()
    from planner.appdata import default_workspace_path
    from ui.main_window import MainWindow

    from ui.single_instance import WorkspaceServer, ask_running_window

    from planner.appdata import sweep_export_leftovers

    install_signal_handlers(app)
    sweep_export_leftovers()  # temporary files of an export that was killed
    path = db_path or default_workspace_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if ask_running_window(path):
        print(f"planner: {path} is already open in a window; it was brought to the front.", file=sys.stderr)
        return 0
    ws = open_or_explain(path)
    if ws is None:
        return 2
    window = MainWindow(ws)
    server = WorkspaceServer(window)
    server.listen(path)
    server.raise_requested.connect(window.bring_to_front)
    window.ctx.workspace_replaced.connect(lambda: server.listen(window.ctx.ws.path))
    window.ctx.workspace_replaced.connect(lambda: take_daily_snapshot(window))
    window.ctx.workspace_replaced.connect(lambda: build_suggestions_ahead(window))
    window.first_painted.connect(lambda: after_first_paint(window))
    window.show()
    code = app.exec()
    from ui.tasks import Task

    Task.cancel_all()
    QThreadPool.globalInstance().waitForDone(10_000)
    # Closed last, after the tasks' connections: a file left cleanly by its last connection is noted
    # as checked, and opens next time without reading it all again (`planner.storage.vouch`).
    window.ctx.ws.close()
    return code
