"""Imports on the undo stack: an import done in the background, and undoing one."""

from __future__ import annotations

from planner import ops
from ui.i18n import tr


def imported(ctx, result, file_name: str) -> int | None:
    """An import finished (in a background task): one undo step, and every view hears of it.

    Any kind's import (requests, items, companies, metrics) is an OpResult
    recorded alike. Returns the undo stack's index just after that step (Undo
    takes the import back while the stack stands there), or None when the
    import changed nothing and so is no step.
    """
    before = ctx.undo_stack.index()
    ctx.runner.record(tr("Import “{name}”").format(name=file_name), result)
    after = ctx.undo_stack.index()  # a push always moves the index on (the stack has no limit)
    return after if after != before else None


def undo_import(ctx, parent, batch: dict, *, on_done=None) -> None:
    """Remove what an import added, off the GUI thread (a big batch takes seconds); Undo puts it back."""
    text = tr("Undo import of “{name}”").format(name=batch["file_name"])
    ctx.runner.run(parent, text, lambda ws: ops.undo_import(ws, batch["id"]), background=True, on_done=on_done)
