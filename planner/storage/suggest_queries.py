"""Read queries behind item suggestions: the texts the ranking learns from."""

from __future__ import annotations

from planner.storage.db import Workspace


def item_count(ws: Workspace) -> int:
    return ws.db.execute("SELECT COUNT(*) FROM items").fetchone()[0]


def item_texts(ws: Workspace) -> list[tuple]:
    """(id, title, description, status) of every item: the status demotes shipped and won't-do items."""
    return ws.db.execute(
        "SELECT id, title, COALESCE(description, ''), status FROM items ORDER BY id"
    ).fetchall()


def items_by_id(ws: Workspace, item_ids) -> list[tuple]:
    """(id, title, description, status) of these items (those that still exist)."""
    ids = sorted(int(i) for i in item_ids)
    if not ids:
        return []
    return ws.db.execute(
        f"SELECT id, title, COALESCE(description, ''), status FROM items WHERE id IN ({','.join('?' * len(ids))}) "
        "ORDER BY id", ids
    ).fetchall()


def linked_texts_of(ws: Workspace, item_ids) -> list[tuple]:
    """(item_id, request_id, title) of the requests linked to these items that still count (not duplicates)."""
    ids = sorted(int(i) for i in item_ids)
    if not ids:
        return []
    return ws.db.execute(
        f"""SELECT k.item_id, r.id, r.title FROM links k JOIN requests r ON r.id = k.request_id
            WHERE k.item_id IN ({','.join('?' * len(ids))}) AND r.status != 'duplicate'
            ORDER BY k.item_id, r.id""", ids
    ).fetchall()
