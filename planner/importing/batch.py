"""Import batches: list them, undo one."""

from __future__ import annotations

from planner.errors import NotFoundError, ValidationError
from planner.storage import import_store
from planner.storage.activity import announce
from planner.storage.backups import backup_before
from planner.text import now_iso


def list_batches(ws) -> list[dict]:
    """Every import, newest first, with its counts and when it was undone (or None)."""
    return import_store.list_batches(ws.db)


def undo_import(ws, batch_id: int) -> dict:
    """Remove what a batch added: its requests, their links, and companies nothing else uses.

    Requests the batch only updated keep their new values: an undo restores nothing else.
    """
    batch = import_store.get_batch(ws.db, int(batch_id))
    if batch is None:
        raise NotFoundError(f"There is no import batch {batch_id}.", hint="List them with `planner batches`.")
    if batch["undone_at"]:
        raise ValidationError(f"Import batch {batch_id} was already undone at {batch['undone_at']}.")
    backup_before(ws, reason="before-undo-import")
    with announce(ws.path, f"undoing import {batch_id}"), ws.db.atomic():
        removed = import_store.undo_batch(ws.db, int(batch_id), now_iso())
    removed["file_name"] = batch["file_name"]
    return removed
