"""What every view shares: the open workspace, the undo stack, the runner of actions and the change signal.

Views never talk to each other directly. A view changes the workspace through
an action of `ui/operations/` (which runs a `planner.ops` operation through
`ctx.runner`); the runner broadcasts the operation's typed `Changes` on
`changed`, and every view redraws what it shows of them.
"""

from __future__ import annotations

import logging
import re
import traceback

import shiboken6

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.errors import PlannerError
from planner.storage.db import Workspace
from planner.storage.failures import about_the_file, explain
from planner.storage.watch import ChangeWatch
from planner.ops.result import Changes
from ui.i18n import tr
from ui.widgets.editing import editing_in_a_view
from ui.operations.runner import Runner
from ui.tasks import Task

log = logging.getLogger(__name__)



EXTERNAL_POLL_MS = 1000  # how soon a change made by another window or the command line shows
class AppContext(QObject):
    changed = Signal(object)  # a planner.ops.Changes: what an action (or another process) changed
    workspace_replaced = Signal()
    item_selected = Signal(int)  # ask the backlog to show this item
    changed_elsewhere = Signal()  # another process (or a background task) committed to the workspace
    said = Signal(str)  # what an action, an undo or a redo just did, for the status bar

    def __init__(self, ws: Workspace, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.undo_stack = QUndoStack(self)
        self.generation = 0
        self.watch = ChangeWatch(ws.path)  # did an action change anything, whoever committed
        self.runner = Runner(self)  # every action goes through it: one writer at a time, one undo step each
        self._seen_version = ws.data_version()
        _current["path"] = ws.path

    def check_external_changes(self, *, notify: bool = True) -> bool:
        """Refresh every view when another connection committed since the last look.

        The main window calls it every `EXTERNAL_POLL_MS`.

        `PRAGMA data_version` on the window's own connection moves only for
        commits made elsewhere: another window, the command line, a background task.
        """
        if self.ws.closed or (notify and editing_in_a_view()):
            return False  # a refresh would close the editor and lose what the user is typing: next tick
        try:
            version = self.ws.data_version()
        except Exception as exc:
            if not about_the_file(exc):
                raise
            log.warning("Cannot look for changes made elsewhere: %s", exc)  # busy or gone: try again next tick
            return False
        if version == self._seen_version:
            return False
        self._seen_version = version
        if notify:
            self.changed_elsewhere.emit()
            self.broadcast(Changes.all())
        return True

    @property
    def db_path(self):
        return self.ws.path

    def broadcast(self, changes: Changes) -> None:
        """Tell every view what changed; nothing is said for an action that changed nothing."""
        if changes:
            self.changed.emit(changes)

    def replace_workspace(self, ws: Workspace) -> None:
        old = self.ws
        self.ws = ws
        self.generation += 1  # results of tasks started on the old workspace are dropped
        self.undo_stack.clear()
        self.runner.clear()  # the window asked first (`MainWindow.may_drop_pending`): they belong to the old file
        if old is not ws:
            self.watch.close()
            self.watch = ChangeWatch(ws.path)
            old.close()
        self._seen_version = ws.data_version()
        _current["path"] = ws.path
        self.workspace_replaced.emit()
        self.broadcast(Changes.all())

    def run_task(self, fn, *, on_done=None, on_error=None, on_progress=None, on_cancel=None, owner=None) -> Task:
        """Run `fn(ws, progress)` in the background with its own connection.

        The callbacks are dropped when `owner` (a widget) was deleted, or the
        workspace was replaced or closed while the task ran: a late result must
        not land in a closed view or on another workspace.
        """
        task = Task(fn, db_path=self.ws.path)
        generation = self.generation

        def guarded(callback):
            def call(*args):
                if owner is not None and not shiboken6.isValid(owner):
                    return
                if generation != self.generation or self.ws.closed:
                    return
                callback(*args)
            return call

        def settled(*args):
            # What this window's own task wrote, its caller shows: the poll need not refresh every view again.
            if generation == self.generation and not self.ws.closed:
                self.check_external_changes(notify=False)

        task.signals.finished.connect(settled)
        task.signals.failed.connect(settled)
        task.signals.cancelled.connect(settled)
        if on_done:
            task.signals.finished.connect(guarded(on_done))
        task.signals.failed.connect(guarded(on_error or (lambda exc, tb: show_error(None, exc, tb))))
        if on_progress:
            task.signals.progress.connect(guarded(on_progress))
        if on_cancel:
            task.signals.cancelled.connect(guarded(on_cancel))
        return task.start()

    def report_failure(self, parent: QWidget | None, exc: Exception, details: str | None = None) -> None:
        """Show why an action failed, and whether it changed anything (the watch was reset when it began)."""
        changed = self.watch.changed()
        if changed:  # part of it was saved: the views must show it
            self.broadcast(Changes.all())
        show_error(parent, exc, details, changed=changed)

    def close(self) -> None:
        self.watch.close()


_current: dict = {"path": None}  # the open workspace, to name it in messages about its file


def window_hint(hint: str | None) -> str | None:
    """A core hint as the window says it: without the command-line commands it names for the terminal."""
    if not hint:
        return hint
    hint = re.sub(r",? or `planner [^`]*`", "", hint)
    hint = re.sub(r"`planner [^`]*` or ", "", hint)
    sentences = re.split(r"(?<=[.!?])\s+", hint)
    return " ".join(s for s in sentences if "`planner" not in s) or None


def show_error(parent: QWidget | None, exc: BaseException, details: str | None = None, *, changed: bool | None = None) -> None:
    """A `PlannerError` shows its message; anything else a short message with details folded away.

    `changed` says whether the failed action changed the workspace, when the
    caller knows; "nothing was changed" is said only then.
    """
    if about_the_file(exc) and _current["path"] is not None:
        exc = explain(exc, _current["path"])
    outcome = {False: tr("Nothing was changed."),
               True: tr("Part of it had been saved before the error; the views show what is there now.")}.get(changed)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Warning)
    box.setWindowTitle(tr("Roadmap Planner"))
    if isinstance(exc, PlannerError):
        box.setText(exc.message)
        box.setInformativeText(" ".join(t for t in (window_hint(exc.hint), outcome) if t))
    else:
        log.error("Unexpected error: %s\n%s", exc, details or "".join(traceback.format_exception(exc)))
        box.setText(tr("Something went wrong: {error}").format(error=exc))
        box.setInformativeText(outcome or tr("Changes that were already saved are kept."))
        box.setDetailedText(details or "".join(traceback.format_exception(exc)))
    box.exec()


class RefreshWhenShown:
    """For a view that may be off screen: it refreshes when shown, not on every change.

    Every edit in the backlog notifies every view; a hidden board or matrix
    that rescored each time would spend seconds of background work (and the
    interpreter's lock) on a 100k-item workspace for nothing. Put this class
    before the Qt base class; the view provides `refresh()`.
    """

    _refresh_pending = False

    def refresh_or_defer(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._refresh_pending = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._refresh_pending:
            self._refresh_pending = False
            self.refresh()
