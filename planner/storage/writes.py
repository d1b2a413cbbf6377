"""The statements behind the core use-cases (`planner.ops`, the demo)."""

from __future__ import annotations

from planner.storage.db import Workspace


def refresh_request_status(ws: Workspace, request_ids) -> None:
    """Keep requests.status in step with links: linked when any link exists."""
    ids = sorted({int(r) for r in request_ids})
    if not ids:
        return
    marks = ",".join("?" * len(ids))
    ws.db.execute(
        f"""UPDATE requests SET status = CASE
                WHEN EXISTS (SELECT 1 FROM links k WHERE k.request_id = requests.id) THEN 'linked'
                ELSE 'new' END
            WHERE id IN ({marks}) AND status IN ('new', 'linked')""",
        ids,
    )


def upsert_link(ws: Workspace, request_id: int, item_id: int, importance: str, created_at: str) -> None:
    ws.db.execute(
        """INSERT INTO links(request_id, item_id, importance, created_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(request_id, item_id) DO UPDATE SET importance = excluded.importance""",
        [int(request_id), int(item_id), importance, created_at],
    )


def add_link_if_absent(ws: Workspace, request_id: int, item_id: int, importance: str, created_at: str) -> None:
    ws.db.execute(
        "INSERT OR IGNORE INTO links(request_id, item_id, importance, created_at) VALUES (?, ?, ?, ?)",
        [int(request_id), int(item_id), importance, created_at],
    )


def put_link(ws: Workspace, link: dict) -> None:
    """Put a link back exactly as it was (undo)."""
    ws.db.execute(
        "INSERT OR REPLACE INTO links(request_id, item_id, importance, batch_id, created_at, informed_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [link["request_id"], link["item_id"], link["importance"], link.get("batch_id"), link["created_at"],
         link.get("informed_at")],
    )


def delete_link(ws: Workspace, request_id: int, item_id: int) -> None:
    ws.db.execute("DELETE FROM links WHERE request_id = ? AND item_id = ?", [int(request_id), int(item_id)])


def delete_links_of_request(ws: Workspace, request_id: int) -> None:
    ws.db.execute("DELETE FROM links WHERE request_id = ?", [int(request_id)])


def last_lane_position(ws: Workspace, lane_id: int) -> float:
    return float(ws.db.execute("SELECT COALESCE(MAX(lane_position), 0) FROM items WHERE lane_id = ?", [lane_id]).fetchone()[0])


def next_lane_order(ws: Workspace, kind: str) -> int:
    return int(ws.db.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM lanes WHERE kind = ?", [kind]).fetchone()[0])


def max_request_id(ws: Workspace) -> int:
    return int(ws.db.execute("SELECT COALESCE(MAX(id), 0) FROM requests").fetchone()[0])


def mark_linked_requests(ws: Workspace) -> None:
    ws.db.execute("UPDATE requests SET status = 'linked' WHERE status = 'new' AND id IN (SELECT request_id FROM links)")


# ---------------------------------------------------------------- rows of the entity tables

ENTITY_TABLES = ("items", "requests", "companies", "lanes", "links", "metrics")


def insert_row(ws: Workspace, table: str, values: dict) -> int:
    """Insert one row; returns its id."""
    assert table in ENTITY_TABLES
    cols = list(values)
    cursor = ws.db.execute(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", [values[c] for c in cols]
    )
    return cursor.lastrowid


def update_rows(ws: Workspace, table: str, ids, values: dict) -> None:
    """Set the same values on rows by id."""
    assert table in ENTITY_TABLES
    cols = list(values)
    ws.db.conn.executemany(
        f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
        [[values[c] for c in cols] + [int(i)] for i in ids],
    )


def delete_rows(ws: Workspace, table: str, ids) -> None:
    assert table in ENTITY_TABLES
    ws.db.conn.executemany(f"DELETE FROM {table} WHERE id = ?", [(int(i),) for i in ids])


def set_request_state(ws: Workspace, request_id: int, values: dict) -> None:
    update_rows(ws, "requests", [request_id], values)


def insert_many(ws: Workspace, table: str, rows: list[dict], *, batch_size: int = 500) -> None:
    """Insert many rows of an entity table (the demo, samples for benchmarks)."""
    assert table in ENTITY_TABLES + ("metric_values",)
    ws.db[table].insert_all(rows, batch_size=batch_size)
