"""Read and write queries behind the roadmap board, the matrix and the metrics view.

The board shows up to thousands of cards at once, so each query returns
every row it needs in one pass (no per-item query).
"""

from __future__ import annotations

from planner.storage.db import Workspace

# Requests in these states never count as demand (same rule as scoring).
_COUNTED = "r.status NOT IN ('duplicate', 'archived')"


def lanes_of_kind(ws: Workspace, kind: str) -> list[dict]:
    """Lanes of one kind in board order, with the effort planned into each.

    Effort planned leaves out won't-do items: they take no capacity.
    """
    return list(
        ws.db.query(
            """
            SELECT l.id, l.name, l.kind, l.position, l.start_date, l.end_date, l.capacity,
                   COUNT(i.id) AS items,
                   COALESCE(SUM(CASE WHEN i.status != 'wont_do' THEN i.effort END), 0) AS effort_planned,
                   COALESCE(SUM(i.status != 'wont_do' AND i.effort IS NULL), 0) AS unestimated
            FROM lanes l LEFT JOIN items i ON i.lane_id = l.id
            WHERE l.kind = ?
            GROUP BY l.id ORDER BY l.position, l.id
            """,
            [kind],
        )
    )


def lane(ws: Workspace, lane_id: int) -> dict | None:
    rows = list(
        ws.db.query(
            """
            SELECT l.id, l.name, l.kind, l.position, l.start_date, l.end_date, l.capacity,
                   COUNT(i.id) AS items,
                   COALESCE(SUM(CASE WHEN i.status != 'wont_do' THEN i.effort END), 0) AS effort_planned,
                   COALESCE(SUM(i.status != 'wont_do' AND i.effort IS NULL), 0) AS unestimated
            FROM lanes l LEFT JOIN items i ON i.lane_id = l.id
            WHERE l.id = ?
            GROUP BY l.id
            """,
            [int(lane_id)],
        )
    )
    return rows[0] if rows else None


def board_items(ws: Workspace, *, lane_kind: str) -> list[dict]:
    """Items on lanes of `lane_kind` plus the items on no lane (lane_id NULL).

    Items on a lane of another kind belong to another board and are left out.
    """
    return list(
        ws.db.query(
            """
            SELECT i.id, i.title, i.kind, i.status, i.theme, i.effort, i.confidence, i.value,
                   i.lane_id, i.lane_position
            FROM items i LEFT JOIN lanes l ON l.id = i.lane_id
            WHERE i.lane_id IS NULL OR l.kind = ?
            ORDER BY i.lane_position IS NULL, i.lane_position, i.id
            """,
            [lane_kind],
        )
    )


def items_on_other_kinds(ws: Workspace, lane_kind: str) -> dict[str, int]:
    """How many items sit on lanes of each other kind (a board of one kind does not show them)."""
    return dict(ws.db.execute(
        """SELECT l.kind, COUNT(*) FROM items i JOIN lanes l ON l.id = i.lane_id
           WHERE l.kind != ? GROUP BY l.kind""",
        [lane_kind],
    ).fetchall())


def demand_by_item(ws: Workspace) -> dict[int, tuple[int, int, float]]:
    """item id -> (requests, distinct companies, MRR of those companies, each counted once)."""
    rows = ws.db.execute(
        f"""
        SELECT item_id, SUM(n), COUNT(company_id), SUM(COALESCE(mrr, 0)) FROM (
            SELECT k.item_id, r.company_id, COUNT(*) AS n, COALESCE(c.mrr, c.arr / 12.0) AS mrr
            FROM links k JOIN requests r ON r.id = k.request_id
            LEFT JOIN companies c ON c.id = r.company_id
            WHERE {_COUNTED}
            GROUP BY k.item_id, r.company_id)
        GROUP BY item_id
        """
    ).fetchall()
    # A NULL company_id is a group of its own but no company: COUNT(company_id) skips it.
    return {item_id: (requests, companies, mrr) for item_id, requests, companies, mrr in rows}


def lane_positions(ws: Workspace, lane_id: int) -> list[tuple[int, float | None]]:
    """(item id, position) of a lane's items in board order."""
    return ws.db.execute(
        """SELECT id, lane_position FROM items WHERE lane_id = ?
           ORDER BY lane_position IS NULL, lane_position, id""",
        [int(lane_id)],
    ).fetchall()


def set_positions(ws: Workspace, positions: dict[int, float | None]) -> None:
    """Write several items' lane positions (the caller holds the transaction)."""
    ws.db.conn.executemany(
        "UPDATE items SET lane_position = ? WHERE id = ?",
        [(pos, int(item_id)) for item_id, pos in positions.items()],
    )


def item_placement(ws: Workspace, item_id: int) -> tuple | None:
    return ws.db.execute("SELECT id, lane_id, lane_position FROM items WHERE id = ?", [int(item_id)]).fetchone()


def lane_kind(ws: Workspace, lane_id: int) -> str | None:
    row = ws.db.execute("SELECT kind FROM lanes WHERE id = ?", [int(lane_id)]).fetchone()
    return row[0] if row else None


# ---------------------------------------------------------------- metrics

def metrics(ws: Workspace) -> list[dict]:
    return list(ws.db.query("SELECT id, name, unit, stage, description FROM metrics ORDER BY id"))


def metric_series(ws: Workspace) -> dict[int, list[tuple[str, float]]]:
    """metric id -> [(period, value)] of the whole product (segment ''), oldest first."""
    out: dict[int, list[tuple[str, float]]] = {}
    for metric_id, period, value in ws.db.execute(
        "SELECT metric_id, period, value FROM metric_values WHERE segment = '' ORDER BY metric_id, period"
    ):
        out.setdefault(metric_id, []).append((period, value))
    return out


def items_on_metrics(ws: Workspace) -> list[dict]:
    """Items tied to a metric, with whether their reach is taken from it."""
    return list(
        ws.db.query(
            """SELECT id, title, status, kind, metric_id, metric_share, reach_mode
               FROM items WHERE metric_id IS NOT NULL ORDER BY metric_id, id"""
        )
    )


# ---------------------------------------------------------------- bulk sample

def max_ids(ws: Workspace) -> tuple[int, int]:
    row = ws.db.execute(
        "SELECT (SELECT COALESCE(MAX(id), 0) FROM items), (SELECT COALESCE(MAX(id), 0) FROM requests)"
    ).fetchone()
    return row[0], row[1]


def countable_request_ids(ws: Workspace) -> list[int]:
    return [r[0] for r in ws.db.execute("SELECT id FROM requests WHERE status != 'duplicate' ORDER BY id")]


def themes(ws: Workspace) -> list[str]:
    return [r[0] for r in ws.db.execute(
        "SELECT DISTINCT theme FROM items WHERE theme IS NOT NULL AND theme != '' ORDER BY theme COLLATE NOCASE"
    )]


def lane_order(ws: Workspace, kind: str) -> list[tuple[int, int]]:
    """(lane id, position) of the lanes of one kind, in board order."""
    return [tuple(r) for r in ws.db.execute(
        "SELECT id, position FROM lanes WHERE kind = ? ORDER BY position, id", [kind]).fetchall()]
