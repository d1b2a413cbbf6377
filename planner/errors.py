"""Typed errors whose messages a user can act on.

Every error the core raises on purpose is a `PlannerError`; the CLI prints its
message on one line and the GUI shows it in a dialog. Anything else is a bug.
"""

from __future__ import annotations


class PlannerError(Exception):
    """An error the user can understand and act on."""

    def __init__(self, message: str, *, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}" if self.hint else self.message


class ValidationError(PlannerError):
    """A value given by the user is out of range or missing."""


class NotFoundError(PlannerError):
    """An id or name that does not exist in the workspace."""


class WorkspaceError(PlannerError):
    """The workspace file cannot be opened: not a workspace, damaged, or newer."""


class EmptyForeignDatabase(WorkspaceError):
    """An empty SQLite file made by another program: made a workspace only when the user says so."""


class WorkspaceBusy(WorkspaceError):
    """Another window, command or import is writing to the workspace; try again in a moment."""


class DiskFull(WorkspaceError):
    """The disk holding the workspace has no room left for the change."""


class ReadOnlyWorkspace(WorkspaceError):
    """The workspace file, or its folder, cannot be written to."""


class WorkspaceDamaged(WorkspaceError):
    """The workspace file is not readable as a database any more."""


class ImportFailed(PlannerError):
    """A file could not be imported; nothing was written."""


class ExportFailed(PlannerError):
    """A file could not be written; the previous file is intact."""


class Cancelled(PlannerError):
    """The user asked a long operation to stop; nothing was written."""

    def __init__(self, message: str = "Cancelled; the workspace is unchanged."):
        super().__init__(message)


class Progress:
    """A progress sink for long work.

    Core functions call `update(done, total, text)`; it raises `Cancelled` once
    `cancel()` has been called, so long work stops at the next step. The GUI
    subclasses or wraps it to forward figures to a progress bar.
    """

    def __init__(self, callback=None):
        self._callback = callback
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def update(self, done: int, total: int | None = None, text: str = "") -> None:
        if self._cancelled:
            raise Cancelled()
        if self._callback is not None:
            self._callback(done, total, text)


def check_progress(progress: "Progress | None", done: int, total: int | None = None, text: str = "") -> None:
    if progress is not None:
        progress.update(done, total, text)
