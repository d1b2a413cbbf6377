"""Imports in the same history as every other action: importing a file, and undoing an import.

(A file of backlog items is the exception: small, it is an ordinary operation, see `import_items`.)

A batch can hold a million rows, so it is not journalled row by row: its undo
removes the batch (`planner.importing.batch.undo_import`, which keeps a
snapshot) and its redo puts the snapshot back with the same ids. So an import
made in the window is one step on its undo stack, like an edit, and
Undo / Redo walk back over it in order.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from planner.ops.result import Changes, Entity, OpResult, Reversal, operation
from planner.storage.db import Workspace

IMPORT_CHANGES = Changes.of(Entity.REQUESTS, Entity.COMPANIES, Entity.LINKS, Entity.BATCHES, Entity.SCORES)
ITEM_IMPORT_CHANGES = Changes.of(Entity.ITEMS, Entity.LANES, Entity.BATCHES, Entity.SCORES)
# Undoing an items batch from the batches list: its items go, and the requests linked to them may go back to the inbox.
ITEM_UNDO_CHANGES = Changes.of(Entity.ITEMS, Entity.LINKS, Entity.REQUESTS, Entity.BATCHES, Entity.SCORES)


def import_requests(ws: Workspace, path, **options) -> OpResult:
    """Import a file of requests as one batch; the value is the import's report (`planner.importing`)."""
    from planner import importing

    report = importing.import_requests(ws, path, **options)
    batch_id = report.get("batch_id")
    text = f"Import “{Path(path).name}”"
    return OpResult(report, IMPORT_CHANGES if batch_id else Changes(), ImportReversal(batch_id) if batch_id else None, text)


def import_items(ws: Workspace, path, **options) -> OpResult:
    """Import a file of backlog items (a sheet or a tracker's export) as one step of the history.

    `options` are those of `planner.importing.items.import_items`; the value is its report.
    Unlike a request dump, a backlog is small: the import runs as an ordinary operation, so
    Undo takes it back row by row (the items it added or changed, the lanes it made, its batch
    and a remembered mapping) and Redo puts them back with the same ids. A dry run changes nothing.
    """
    from planner.importing.items import read_items
    from planner.importing.write_items import write_items
    from planner.storage.backups import backup_before

    text = f"Import “{Path(path).name}”"
    dry_run, progress = options.pop("dry_run", False), options.pop("progress", None)
    if progress is not None:
        progress.update(0, None, f"Reading {Path(path).name}")
    read = read_items(path, ws=ws, **options)  # the file is read before the workspace is locked for writing
    if dry_run:
        return OpResult(write_items(ws, read, dry_run=True, progress=progress), Changes(), None, text)
    backup_before(ws, reason="before-import")
    with operation(ws, text) as op:
        report = write_items(ws, read, progress=progress)
    done = op.result(report)
    return replace(done, changes=done.changes | ITEM_IMPORT_CHANGES)


def undo_import(ws: Workspace, batch_id: int) -> OpResult:
    """Remove what an import added (see `planner.importing.batch.undo_import`); undoing this puts it back."""
    return ImportReversal(int(batch_id)).apply(ws, "")


@dataclass(frozen=True)
class ImportReversal(Reversal):
    """Undo of an import: remove its batch, keeping a snapshot for the redo."""

    batch_id: int

    def apply(self, ws: Workspace, text: str) -> OpResult:
        from planner.importing.batch import undo_import as remove_batch

        removed = remove_batch(ws, self.batch_id, keep_snapshot=True)
        snapshot = removed.pop("snapshot")
        text = text or f"Undo import of “{removed['file_name']}”"
        return OpResult(removed, _changes_of(removed), SnapshotReversal(snapshot), text)


@dataclass(frozen=True)
class SnapshotReversal(Reversal):
    """Put back a batch that an undo removed, with the same ids."""

    snapshot: dict

    def apply(self, ws: Workspace, text: str) -> OpResult:
        from planner.importing.batch import redo_import

        back = redo_import(ws, self.snapshot)
        return OpResult(back, _changes_of(back), ImportReversal(back["batch_id"]), text)


def _changes_of(done: dict) -> Changes:
    return ITEM_UNDO_CHANGES if done.get("kind") == "items" else IMPORT_CHANGES
