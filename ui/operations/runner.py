"""The one runner of the window's actions: do a core operation, push it for undo, broadcast what changed.

Every action of `ui/operations/` comes here with a function `fn(ws) -> OpResult`
(a call of `planner.ops`). The runner

- runs it now, on the window's connection (edits take milliseconds), or off
  the GUI thread with `background=True` (an import's undo, which can take
  seconds): one writer at a time either way;
- while another writer holds the workspace (an import here or in another
  process) keeps it waiting, in order, and saves it as soon as it is free;
- pushes one generic `OpCommand` on the undo stack: undo and redo are the
  core's `ops.undo` / `ops.redo`, so no view writes undo code;
- broadcasts the result's typed `Changes` through `ctx.changed`; each view
  redraws what it shows of them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand

from planner import ops
from planner.errors import WorkspaceBusy
from planner.storage.activity import holder as writing_now
from ui.i18n import tr
from ui.widgets.editing import editing_in_a_view

PENDING_RETRY_MS = 250  # how often edits that wait for an import try again
PENDING_GIVE_UP_S = 300.0  # an edit waits this long for the workspace, then the user is told


@dataclass
class Waiting:
    text: str
    fn: object
    parent: object
    since: float


class Runner(QObject):
    pending_changed = Signal(int, str)  # edits waiting to be saved (0: all saved), and who is writing meanwhile
    pending_dropped = Signal(int)  # edits given up after waiting too long (the user is told why)

    def __init__(self, ctx):
        super().__init__(ctx)
        self.ctx = ctx
        self.pending: list[Waiting] = []
        self.timer = QTimer(self)
        self.timer.setInterval(PENDING_RETRY_MS)
        self.timer.timeout.connect(self._save_pending)
        self.busy_with = None  # the background operation under way, if any

    # ------------------------------------------------------------ doing

    def run(self, parent, text: str, fn, *, background: bool = False, on_done=None):
        """Do `fn(ws)` and make it one undo step called `text`. Returns its OpResult, or None when it
        failed (the user was told), must wait for the workspace, or runs in the background (then
        `on_done(result)` follows)."""
        waiting = Waiting(text, fn, parent, time.monotonic())
        if self.pending or self.busy_with is not None or writing_now(self.ctx.ws.path):
            self._enqueue(waiting)
            return None
        if background:
            self._run_in_background(waiting, on_done)
            return None
        self.ctx.watch.reset()
        try:
            result = fn(self.ctx.ws)
        except WorkspaceBusy:
            self._enqueue(waiting)
            return None
        except Exception as exc:
            self.ctx.report_failure(parent, exc)
            return None
        self.record(text, result)
        return result

    def record(self, text: str, result) -> None:
        """Push an operation already done (an import finished in the background) and broadcast its changes."""
        if result.undo is not None and result.changed:  # an action that changed nothing is no step to undo
            self.ctx.undo_stack.push(OpCommand(self, text or result.text, result))
        if result.changed:
            self.ctx.said.emit(tr("Done: {what}").format(what=text or result.text))
        self.ctx.broadcast(result.changes)

    def _run_in_background(self, waiting: Waiting, on_done) -> None:
        def finished(result):
            self.busy_with = None
            self.ctx.check_external_changes(notify=False)  # this window's own write: the views hear it below
            self.record(waiting.text, result)
            if on_done:
                on_done(result)

        def failed(exc, details):
            self.busy_with = None
            self.ctx.report_failure(waiting.parent, exc, details)

        self.busy_with = self.ctx.run_task(lambda ws, progress: waiting.fn(ws), on_done=finished, on_error=failed)

    # ------------------------------------------------------------ waiting for the workspace

    def _enqueue(self, waiting: Waiting) -> None:
        self.pending.append(waiting)
        self.pending_changed.emit(len(self.pending), writing_now(self.ctx.ws.path) or "")
        if not self.timer.isActive():
            self.timer.start()

    def clear(self) -> None:
        """The workspace was replaced: what waited belongs to the old file (the window asked first)."""
        self.pending.clear()
        self.timer.stop()

    def _save_pending(self) -> None:
        """Save the changes that waited, oldest first, once nobody else is writing."""
        if editing_in_a_view() or self.busy_with is not None:
            return  # saving would refresh the views and close the editor the user is typing in
        while self.pending:
            if self.ctx.ws.closed:
                self.pending.clear()
                break
            waiting = self.pending[0]
            waited = time.monotonic() - waiting.since
            if writing_now(self.ctx.ws.path) and waited < PENDING_GIVE_UP_S:
                return
            self.ctx.watch.reset()
            try:
                with self.ctx.ws.waiting_at_most(0.05):  # the timer tries again soon; the window must not freeze
                    result = waiting.fn(self.ctx.ws)
            except WorkspaceBusy as exc:
                if waited < PENDING_GIVE_UP_S:
                    return
                dropped = len(self.pending)
                self.clear()
                self.pending_dropped.emit(dropped)
                self.ctx.report_failure(waiting.parent, WorkspaceBusy(
                    tr("{n} change(s) could not be saved: the workspace stayed busy for {s} seconds.").format(
                        n=dropped, s=int(PENDING_GIVE_UP_S)), hint=exc.message))
                return
            except Exception as exc:
                self.pending.pop(0)
                self.ctx.report_failure(waiting.parent, exc)
                continue
            self.pending.pop(0)
            self.record(waiting.text, result)
        self.timer.stop()
        self.pending_changed.emit(0, "")

    # ------------------------------------------------------------ undo and redo

    def step(self, command: "OpCommand", fn, *, back) -> bool:
        """Run an undo or redo; when it fails (the workspace is busy, or a row was changed elsewhere),
        put the stack's position back without running anything, so Undo offers the same step again."""
        self.ctx.watch.reset()
        try:
            result = fn(self.ctx.ws)
        except Exception as exc:
            command.skip_next = True  # the step back below only moves the stack's position
            QTimer.singleShot(0, back)
            self.ctx.report_failure(None, exc)
            return False
        self.ctx.broadcast(result.changes)
        return result


class OpCommand(QUndoCommand):
    """One step of the undo stack: a core operation's result; undo and redo are core calls."""

    def __init__(self, runner: Runner, text: str, result):
        super().__init__(text)
        self.runner = runner
        self.result = result  # what was done (redo makes it again)
        self.undone = None  # what undoing it returned (its own `undo` is the redo)
        self.skip_next = True  # Qt calls redo() on push: the operation is already done

    def redo(self) -> None:
        self._walk(forward=True)

    def undo(self) -> None:
        self._walk(forward=False)

    def _walk(self, *, forward: bool) -> None:
        """Undo or redo through the core; the result kept is what the next step in the other direction takes back."""
        if self.skip_next:
            self.skip_next = False
            return
        stack = self.runner.ctx.undo_stack
        if forward:
            doing, call, source, back = tr("Redo {what}").format(what=self.text()), ops.redo, self.undone, stack.undo
        else:
            doing, call, source, back = tr("Undo {what}").format(what=self.text()), ops.undo, self.result, stack.redo
        result = self.runner.step(self, lambda ws: call(ws, source, doing=doing), back=back)
        if result:
            said = tr("Redone: {what}") if forward else tr("Undone: {what}")
            self.runner.ctx.said.emit(said.format(what=self.text()))
        if result and forward:
            self.result = result
        elif result:
            self.undone = result
