"""Background work: a QRunnable with a QObject channel of signals.

The work function runs on a pool thread with its own workspace connection
(SQLite connections belong to the thread that opened them) and a `Progress`
that the user can cancel. Results and errors come back on the GUI thread.
"""

from __future__ import annotations

import logging
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
