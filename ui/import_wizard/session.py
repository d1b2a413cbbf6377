"""One import, from the chosen file to its report: what the wizard's pages share.

A page reads and sets the session's fields and listens to its signals; it
never reaches into the wizard or into another page.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal

from planner.errors import Progress
from ui.import_wizard.kinds import KINDS
from ui.operations import imports as actions


class ImportSession(QObject):
    """`path`, `kind` and `options` chosen on the first pages; `start()` imports in the background; `report` when done.

    `kind` is one of `KINDS` (requests, items, companies, metrics): set by the
    caller (File ▸ Import Metrics) or by the preview page from the file's columns.
    """

    progress = Signal(int, int, str)  # done, total (0..1000; 0 when unknown), text
    finished = Signal(object)  # the import's report (its OpResult's value)
    failed = Signal(object, str)  # exception, formatted traceback
    cancelled = Signal()

    def __init__(self, ctx, path=None, parent=None, *, kind: str | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.path: str | None = str(path) if path else None
        self.asked_kind: str | None = kind  # the kind the caller asked for (File ▸ Import Metrics)
        self.chosen_kind: str | None = kind  # the kind the caller or the user chose; None: as guessed
        self.kind: str = kind or "requests"
        self.options: dict = {}  # keyword arguments of the kind's preview and import
        self.report: dict | None = None
        self.undo_step: int | None = None  # the undo stack's index just after the import's step
        self.undo_command = None  # that step
        self.task = None

    @property
    def running(self) -> bool:
        return self.task is not None

    @property
    def spec(self):
        return KINDS[self.kind]

    def start(self) -> None:
        self.report = self.undo_step = self.undo_command = None
        path, options, spec = self.path, dict(self.options), self.spec

        def work(ws, progress: Progress):
            # Figures are scaled to 0..1000 here: byte counts of a 2 GB file overflow a Qt int.
            def report(done, total, text):
                progress.update(int(1000 * done / total) if total else 0, 1000 if total else 0, text)

            return spec.run(ws, path, options, Progress(report))

        self.task = self.ctx.run_task(
            work, on_done=self._done, on_error=self._failed, on_progress=self.progress.emit,
            on_cancel=self._cancelled, owner=self,
        )

    def undo_state(self) -> str | None:
        """Where the import's step stands on the window's undo stack: "last" (Undo takes it back now),
        "earlier" (other steps came after it), "undone" (Redo puts it back), "gone" (undone, then replaced by
        another step), or None (the import changed nothing, or the window is closing)."""
        stack = self.ctx.undo_stack
        if self.undo_step is None or not shiboken6.isValid(stack):
            return None
        step = self.undo_step
        if stack.count() < step or stack.command(step - 1) is not self.undo_command:
            return "gone"
        if stack.index() >= step:
            return "last" if stack.index() == step else "earlier"
        return "undone"

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
        self.undo_step = actions.imported(self.ctx, result, Path(self.path).name)
        if self.undo_step is not None:
            self.undo_command = self.ctx.undo_stack.command(self.undo_step - 1)
        self.finished.emit(self.report)

    def _failed(self, exc, details: str) -> None:
        self.task = None
        self.failed.emit(exc, details)

    def _cancelled(self) -> None:
        self.task = None
        self.cancelled.emit()
