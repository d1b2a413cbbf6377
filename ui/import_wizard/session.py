"""One import, from the chosen file to its report: what the wizard's pages share.

A page reads and sets the session's fields and listens to its signals; it
never reaches into the wizard or into another page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from planner import ops
from planner.errors import Progress
from ui.operations import imports as actions


class ImportSession(QObject):
    """`path` and `options` chosen on the first pages; `start()` imports in the background; `report` when done."""

    progress = Signal(int, int, str)  # done, total (0..1000; 0 when unknown), text
    finished = Signal(object)  # the report of `import_requests`
    failed = Signal(object, str)  # exception, formatted traceback
    cancelled = Signal()

    def __init__(self, ctx, path=None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.path: str | None = str(path) if path else None
        self.options: dict = {}  # keyword arguments of `preview_import` / `import_requests`
        self.report: dict | None = None
        self.task = None

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self) -> None:
        self.report = None
        path, options = self.path, dict(self.options)

        def work(ws, progress: Progress):
            # Figures are scaled to 0..1000 here: byte counts of a 2 GB file overflow a Qt int.
            def report(done, total, text):
                progress.update(int(1000 * done / total) if total else 0, 1000 if total else 0, text)

            return ops.import_requests(ws, path, progress=Progress(report), **options)

        self.task = self.ctx.run_task(
            work, on_done=self._done, on_error=self._failed, on_progress=self.progress.emit,
            on_cancel=self._cancelled, owner=self,
        )

    def cancel(self) -> bool:
        """Ask a running import to stop; False when none is running."""
        if self.task is None:
            return False
        self.task.cancel()
        return True

    def _done(self, result) -> None:
        """The import is one step of the window's undo history, like an edit; every view hears of it."""
        self.task = None
        self.report = result.value
        actions.imported(self.ctx, result, Path(self.path).name)
        self.finished.emit(self.report)

    def _failed(self, exc, details: str) -> None:
        self.task = None
        self.failed.emit(exc, details)

    def _cancelled(self) -> None:
        self.task = None
        self.cancelled.emit()
