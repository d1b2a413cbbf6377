"""Background work: a QRunnable with a QObject channel of signals.

The work function runs on a pool thread with its own workspace connection
(SQLite connections belong to the thread that opened them) and a `Progress`
that the user can cancel. Results and errors come back on the GUI thread.
"""

from __future__ import annotations

import logging
import time
import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from planner.errors import Cancelled, Progress
from planner.storage.failures import about_the_file, explain

# Off the GUI thread a write may wait longer for another window's or command's write to end.
TASK_BUSY_TIMEOUT = 30.0

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    progress = Signal(int, int, str)  # done, total (0 when unknown), text
    finished = Signal(object)
    failed = Signal(object, str)  # exception, formatted traceback
    cancelled = Signal()


class Task(QRunnable):
    """Run `fn(ws, progress)` off the GUI thread on a fresh workspace connection."""

    _alive: set["Task"] = set()  # keep Python wrappers alive until done

    def __init__(self, fn, *, db_path=None):
        super().__init__()
        self.fn = fn
        self.db_path = db_path
        self.signals = TaskSignals()
        self.progress = Progress(self._report)
        self.setAutoDelete(False)

    def _report(self, done, total, text):
        self.signals.progress.emit(int(done), int(total or 0), text or "")

    def cancel(self) -> None:
        self.progress.cancel()

    @classmethod
    def cancel_all(cls) -> int:
        """Ask every running task to stop (the app is closing); returns how many there were."""
        running = list(cls._alive)
        for task in running:
            task.cancel()
        return len(running)

    def run(self) -> None:
        ws = None
        try:
            if self.db_path is not None:
                from planner.storage import open_workspace

                ws = open_workspace(self.db_path, migrate=False, busy_timeout=TASK_BUSY_TIMEOUT)
            result = self.fn(ws, self.progress)
        except Cancelled:
            self._emit(self.signals.cancelled)
        except Exception as exc:  # reported to the GUI thread, never swallowed
            details = traceback.format_exc()
            if self.db_path is not None and about_the_file(exc):
                exc = explain(exc, self.db_path)  # busy, full, read-only: a message, not a traceback
            self._emit(self.signals.failed, exc, details)
        else:
            self._emit(self.signals.finished, result)
        finally:
            if ws is not None:
                ws.close()
            Task._alive.discard(self)

    @staticmethod
    def _emit(signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:
            pass  # the app is closing and took the signal's object with it: nobody is left to tell

    def start(self, pool: QThreadPool | None = None) -> "Task":
        Task._alive.add(self)
        (pool or QThreadPool.globalInstance()).start(self)
        return self


class Latest:
    """Background work where only the latest answer counts: previews, rescoring, indexes.

    `request(fn)` runs `fn(ws, progress)` off the GUI thread through
    `ctx.run_task`. Asked again while a run is under way, the running one is
    superseded: its answer is dropped, and the newest request runs once it ends
    (a burst of N changes costs two runs, not N). `on_done(result, seconds)`
    and `on_error(exc, details)` come back on the GUI thread for the newest run
    only, and never once `owner` is gone or the workspace was replaced.
    """

    def __init__(self, ctx, owner, fn, on_done, on_error=None):
        self.ctx, self.owner, self.fn = ctx, owner, fn
        self.on_done, self.on_error = on_done, on_error
        self.task = None
        self._next = None  # the newest request, waiting for the running one to end
        self._asked = 0  # requests so far; a run whose number is not the latest is superseded

    @property
    def running(self) -> bool:
        return self.task is not None

    @property
    def busy(self) -> bool:
        """A run is under way or waiting: the answer on screen is not the latest yet."""
        return self.task is not None or self._next is not None

    def request(self, fn=None) -> None:
        fn = fn or self.fn
        self._asked += 1
        if self.task is not None:
            self._next = fn
            return
        self._start(fn)

    def _start(self, fn) -> None:
        number = self._asked
        started = time.perf_counter()

        def ended():
            self.task = None
            if self._next is not None:
                waiting, self._next = self._next, None
                self._start(waiting)
                return False
            return number == self._asked

        def done(result):
            if ended():
                self.on_done(result, time.perf_counter() - started)

        def failed(exc, details):
            if ended():
                (self.on_error or _report)(exc, details)

        self.task = self.ctx.run_task(fn, on_done=done, on_error=failed, owner=self.owner)

    def forget(self) -> None:
        """The workspace was replaced: the run under way and the one waiting no longer count."""
        self.task = None
        self._next = None
        self._asked += 1


def _report(exc, details) -> None:
    from ui.context import show_error

    show_error(None, exc, details)
