"""Imports in the same history as every other action: importing a file, and undoing an import.

A batch can hold a million rows, so it is not journalled row by row: its undo
removes the batch (`planner.importing.batch.undo_import`, which keeps a
snapshot) and its redo puts the snapshot back with the same ids. So an import
made in the window is one step on its undo stack, like an edit, and
Undo / Redo walk back over it in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planner.ops.result import Changes, Entity, OpResult, Reversal
from planner.storage.db import Workspace

IMPORT_CHANGES = Changes.of(Entity.REQUESTS, Entity.COMPANIES, Entity.LINKS, Entity.BATCHES, Entity.SCORES)


def import_requests(ws: Workspace, path, **options) -> OpResult:
    """Import a file of requests as one batch; the value is the import's report (`planner.importing`)."""
    from planner import importing

    report = importing.import_requests(ws, path, **options)
    batch_id = report.get("batch_id")
    text = f"Import “{Path(path).name}”"
    return OpResult(report, IMPORT_CHANGES if batch_id else Changes(), ImportReversal(batch_id) if batch_id else None, text)


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
        return OpResult(removed, IMPORT_CHANGES, SnapshotReversal(snapshot), text)


@dataclass(frozen=True)
class SnapshotReversal(Reversal):
    """Put back a batch that an undo removed, with the same ids."""

    snapshot: dict

    def apply(self, ws: Workspace, text: str) -> OpResult:
        from planner.importing.batch import redo_import

        back = redo_import(ws, self.snapshot)
        return OpResult(back, IMPORT_CHANGES, ImportReversal(back["batch_id"]), text)
