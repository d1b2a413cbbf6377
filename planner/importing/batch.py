"""Import batches: list them, see what undoing one would lose, undo one."""

from __future__ import annotations

from planner.errors import NotFoundError, ValidationError
from planner.storage import import_store
from planner.storage.activity import announce
from planner.storage.backups import backup_before
from planner.storage.queries import count_in_inbox
from planner.storage.writes import refresh_request_status
from planner.text import now_iso


def list_batches(ws) -> list[dict]:
    """Every import, newest first, with its counts and when it was undone (or None)."""
    return import_store.list_batches(ws.db)


def _undoable(ws, batch_id) -> dict:
    batch = import_store.get_batch(ws.db, int(batch_id))
    if batch is None:
        raise NotFoundError(f"There is no import batch {batch_id}.", hint="List them with `planner batches`.")
    if batch["undone_at"]:
        raise ValidationError(f"Import batch {batch_id} was already undone at {batch['undone_at']}.")
    if batch["kind"] == "companies":
        # A companies import corrects companies in place; only the window's history
        # keeps what they were before, so removing the batch here would be a lie.
        raise ValidationError(
            f"Import batch {batch_id} updated companies in place, so it cannot be removed like a batch of requests.",
            hint="Use Edit ▸ Undo in the window right after the import, or correct a company with "
            "`planner company-set`.",
        )
    return batch


def undo_import_preview(ws, batch_id: int, *, examples: int = 3) -> dict:
    """What `undo_import` would remove, and what of the work done since it would lose.

    For an items batch ("kind" "items"): "items" and "links" would go; "hand_links" are the
    links made to its items, "updates" its items changed since, each {"item_id", "item",
    "updated_at"}; "requests", "companies" and "duplicates" are nought.

    Returns {"batch_id", "file_name", "requests", "links", "companies"} (what would be
    removed) and three losses, each {"count", "examples"} with up to `examples` rows:
    "hand_links" (links to these requests the import did not make: made by hand, or
    moved there when another request was marked their duplicate), "duplicates"
    (requests outside this batch marked duplicate of one of these: they go back to
    new) and "updates" (these requests that a later import changed: the changes go
    with them). "loses" is True when any of the three is not zero.
    """
    batch = _undoable(ws, batch_id)
    preview = {"batch_id": int(batch_id), "file_name": batch["file_name"], "kind": batch["kind"]}
    if batch["kind"] == "items":
        preview.update(import_store.item_undo_counts(ws.db, int(batch_id)))
        preview.update(import_store.item_undo_losses(ws.db, int(batch_id), examples=examples))
    else:
        preview.update(import_store.undo_counts(ws.db, int(batch_id)))
        preview.update(import_store.undo_losses(ws.db, int(batch_id), examples=examples))
    preview["loses"] = any(preview[k]["count"] for k in ("hand_links", "duplicates", "updates"))
    return preview


def undo_import(ws, batch_id: int, *, keep_snapshot: bool = False) -> dict:
    """Remove what a batch added: its requests, their links, and companies nothing else uses
    (for an items batch: its items and their links, see `_undo_items`).

    Requests the batch only updated keep their new values: an undo restores nothing else.
    Requests marked duplicate of a removed one go back to new (or linked, if they
    have links), so none is left a duplicate of nothing. `undo_import_preview`
    says beforehand what would be lost. With `keep_snapshot` the result's
    "snapshot" holds every row removed or changed, for `redo_import`.
    """
    batch = _undoable(ws, batch_id)
    backup_before(ws, reason="before-undo-import")
    if batch["kind"] == "items":
        return _undo_items(ws, batch, keep_snapshot=keep_snapshot)
    with announce(ws.path, f"undoing import {batch_id}"), ws.db.atomic():
        stamp = now_iso()
        snapshot = import_store.snapshot_batch(ws.db, int(batch_id)) if keep_snapshot else None
        released = import_store.release_duplicates(ws.db, int(batch_id), stamp)
        removed = import_store.undo_batch(ws.db, int(batch_id), stamp)
        for start in range(0, len(released), 10_000):  # under SQLite's limit on bound parameters
            refresh_request_status(ws, released[start:start + 10_000])
    removed["file_name"] = batch["file_name"]
    removed["kind"] = batch["kind"]
    removed["released"] = len(released)
    if keep_snapshot:
        removed["snapshot"] = snapshot
    return removed


def _undo_items(ws, batch: dict, *, keep_snapshot: bool) -> dict:
    """Remove the items a batch added, as deleting them does: their links go, and requests linked to
    none of the items left go back to the inbox. Items the batch only updated keep their new values;
    lanes it made stay (they may hold other items since)."""
    batch_id = int(batch["id"])
    with announce(ws.path, f"undoing import {batch_id}"), ws.db.atomic():
        snapshot = import_store.snapshot_item_batch(ws.db, batch_id) if keep_snapshot else None
        removed = import_store.undo_item_batch(ws.db, batch_id, now_iso())
        requests = removed.pop("request_ids")
        refresh_request_status(ws, requests)
        back = count_in_inbox(ws, requests)
    removed.update(file_name=batch["file_name"], kind="items", released=0, requests_back_in_inbox=back)
    if keep_snapshot:
        removed["snapshot"] = snapshot
    return removed


def redo_import(ws, snapshot: dict) -> dict:
    """Put back what `undo_import(..., keep_snapshot=True)` removed, with the same ids: the window's
    Edit > Undo of an undone import. Returns the batch id and how many requests came back."""
    batch_id = snapshot["batch_id"]
    items = snapshot.get("kind") == "items"
    with announce(ws.path, f"putting back import {batch_id}"), ws.db.atomic():
        if items:
            import_store.put_back_item_batch(ws.db, snapshot)
        else:
            import_store.put_back_batch(ws.db, snapshot)
    if items:
        return {"batch_id": batch_id, "kind": "items", "items": len(snapshot["items"]["rows"])}
    return {"batch_id": batch_id, "requests": len(snapshot["requests"]["rows"])}
