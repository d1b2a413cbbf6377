"""What every view shares: the open workspace, the undo stack and change signals.

Views never talk to each other directly. A view that changes the workspace
calls a `planner` function (usually through an undo command) and then
`ctx.notify("items", ...)`; every view listening to `changed` refreshes what
it shows for those areas.
"""

from __future__ import annotations

import logging
import time
import traceback
from dataclasses import dataclass

import shiboken6

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox, QWidget

from planner.errors import PlannerError, WorkspaceBusy
from planner.storage.db import Workspace
from planner.storage.activity import holder as writing_now
from planner.storage.failures import about_the_file, explain
from planner.storage.watch import ChangeWatch
from ui.i18n import tr
from ui.tasks import Task

log = logging.getLogger(__name__)

# Areas a change can touch; views refresh on the ones they show.
AREAS = ("items", "requests", "links", "lanes", "companies", "metrics", "settings", "scores", "batches")


EXTERNAL_POLL_MS = 1000  # how soon a change made by another window or the command line shows
PENDING_RETRY_MS = 250  # how often edits that wait for an import try again
PENDING_GIVE_UP_S = 300.0  # an edit waits this long for the workspace, then the user is told


@dataclass
class PendingOp:
    text: str
    do: object
    undo: object
    areas: tuple
    parent: object
    since: float


class AppContext(QObject):
    changed = Signal(object)  # a frozenset of area names
    workspace_replaced = Signal()
    item_selected = Signal(int)  # ask the backlog to show this item
    changed_elsewhere = Signal()  # another process (or a background task) committed to the workspace
    pending_changed = Signal(int, str)  # edits waiting to be saved (0: all saved), and who is writing meanwhile
    pending_dropped = Signal(int)  # edits given up after waiting too long (the user is told why)

    def __init__(self, ws: Workspace, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.undo_stack = QUndoStack(self)
        self.generation = 0
        self.watch = ChangeWatch(ws.path)  # did an action change anything, whoever committed
        self.pending: list[PendingOp] = []  # edits waiting for another writer (an import) to finish
        self.pending_timer = QTimer(self)
        self.pending_timer.setInterval(PENDING_RETRY_MS)
        self.pending_timer.timeout.connect(self._save_pending)
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
            self.notify(*AREAS)
        return True

    @property
    def db_path(self):
        return self.ws.path

    def notify(self, *areas: str) -> None:
        self.changed.emit(frozenset(areas) or frozenset(AREAS))

    def replace_workspace(self, ws: Workspace) -> None:
        old = self.ws
        self.ws = ws
        self.generation += 1  # results of tasks started on the old workspace are dropped
        self.undo_stack.clear()
        self.pending.clear()  # the window asked first (`MainWindow.may_drop_pending`): they belong to the old file
        self.pending_timer.stop()
        if old is not ws:
            self.watch.close()
            self.watch = ChangeWatch(ws.path)
            old.close()
        self._seen_version = ws.data_version()
        _current["path"] = ws.path
        self.workspace_replaced.emit()
        self.notify(*AREAS)

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

    def run_op(self, text: str, do, undo, *, areas=AREAS, parent: QWidget | None = None):
        """Do a change now and put it on the undo stack.

        `do()` runs here first, so a `PlannerError` shows its message and
        nothing is pushed; `undo()` must put the workspace back as it was.
        Returns what `do()` returned, or None when it failed or must wait:
        while an import (here or in another process) holds the workspace, the
        change waits in a queue, in order, and is saved as soon as it is free.
        """
        op = PendingOp(text, do, undo, tuple(areas), parent, time.monotonic())
        if self.pending or writing_now(self.ws.path):
            self._enqueue(op)
            return None
        self.watch.reset()
        try:
            result = do()
        except WorkspaceBusy:
            self._enqueue(op)
            return None
        except Exception as exc:
            self.report_failure(parent, exc)
            return None
        self.undo_stack.push(FnCommand(self, text, do, undo, areas, done=True))
        return result

    def _enqueue(self, op: "PendingOp") -> None:
        self.pending.append(op)
        self.pending_changed.emit(len(self.pending), writing_now(self.ws.path) or "")
        if not self.pending_timer.isActive():
            self.pending_timer.start()

    def _save_pending(self) -> None:
        """Save the changes that waited, oldest first, once nobody else is writing."""
        if editing_in_a_view():
            return  # saving would refresh the views and close the editor the user is typing in
        while self.pending:
            if self.ws.closed:
                self.pending.clear()
                break
            op = self.pending[0]
            holder = writing_now(self.ws.path)
            waited = time.monotonic() - op.since
            if holder and waited < PENDING_GIVE_UP_S:
                return
            self.watch.reset()
            try:
                with self.ws.waiting_at_most(0.05):  # the timer tries again soon; the window must not freeze
                    op.do()
            except WorkspaceBusy as exc:
                if waited < PENDING_GIVE_UP_S:
                    return
                dropped = len(self.pending)
                self.pending.clear()
                self.pending_timer.stop()
                self.pending_dropped.emit(dropped)
                self.report_failure(op.parent, WorkspaceBusy(
                    tr("{n} change(s) could not be saved: the workspace stayed busy for {s} seconds.").format(
                        n=dropped, s=int(PENDING_GIVE_UP_S)), hint=exc.message))
                return
            except Exception as exc:
                self.pending.pop(0)
                self.report_failure(op.parent, exc)
                continue
            self.pending.pop(0)
            self.undo_stack.push(FnCommand(self, op.text, op.do, op.undo, op.areas, done=True))
            self.notify(*op.areas)
        self.pending_timer.stop()
        self.pending_changed.emit(0, "")

    def report_failure(self, parent: QWidget | None, exc: Exception) -> None:
        """Show why an action failed, and whether it changed anything (the watch was reset when it began)."""
        changed = self.watch.changed()
        if changed:  # part of it was saved: the views must show it
            self.notify(*AREAS)
        show_error(parent, exc, changed=changed)

    def close(self) -> None:
        self.watch.close()


def editing_in_a_view() -> bool:
    """True while the user types in a table's inline editor (an estimate in the backlog, say)."""
    widget = QApplication.focusWidget()
    while widget is not None:
        if isinstance(widget, QAbstractItemView) and widget.state() == QAbstractItemView.EditingState:
            return True
        widget = widget.parentWidget()
    return False


class FnCommand(QUndoCommand):
    """An undo command from two callables: `do()` and `undo()`.

    `do` runs on push (Qt calls redo) and again on redo; both notify the
    areas they touch so every view redraws.
    """

    def __init__(self, ctx: AppContext, text: str, do, undo, areas=AREAS, *, done: bool = False):
        super().__init__(text)
        self.ctx = ctx
        self._do = do
        self._undo = undo
        self.areas = tuple(areas)
        self._skip_next = done  # already done by run_op before the push

    def redo(self) -> None:
        self._attempt(self._do, back=self.ctx.undo_stack.undo)

    def undo(self) -> None:
        self._attempt(self._undo, back=self.ctx.undo_stack.redo)

    def _attempt(self, fn, *, back) -> None:
        """Run an undo or redo; when it fails (the workspace is busy, say), put the stack's
        position back without running anything, so Undo offers the same step again."""
        if self._skip_next:
            self._skip_next = False
            self.ctx.notify(*self.areas)
            return
        self.ctx.watch.reset()
        try:
            fn()
        except Exception as exc:
            self._skip_next = True  # the step back below only moves the stack's position
            QTimer.singleShot(0, back)
            self.ctx.report_failure(None, exc)
            return
        self.ctx.notify(*self.areas)


_current: dict = {"path": None}  # the open workspace, to name it in messages about its file


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
        box.setInformativeText(" ".join(t for t in (exc.hint, outcome) if t))
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
