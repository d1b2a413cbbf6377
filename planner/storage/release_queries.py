"""The queries behind release notes and "whom to tell": a lane's items and the requests linked to them."""

from __future__ import annotations

from planner.storage.db import Workspace

# A duplicate counts once, through its original (as in the demand figures and the workbook).
_COUNTED = "r.status != 'duplicate'"


def lane_items(ws: Workspace, lane_id: int) -> list[dict]:
    """The lane's items in board order, won't-do left out."""
    return list(ws.db.query(
        """
        SELECT id, title, public_title, public_summary, status, kind, theme, start_date, end_date
        FROM items WHERE lane_id = ? AND status != 'wont_do'
        ORDER BY lane_position IS NULL, lane_position, id
        """,
        [int(lane_id)],
    ))


def lane_links(ws: Workspace, lane_id: int) -> list[dict]:
    """Every link of the lane's items (won't-do left out) with its request and the request's company."""
    return list(ws.db.query(
        f"""
        SELECT k.request_id, k.item_id, k.informed_at, k.importance,
               r.title AS request_title, r.body, r.requester, r.email, r.created_at,
               r.company_id, c.name AS company, c.owner
        FROM links k
        JOIN items i ON i.id = k.item_id
        JOIN requests r ON r.id = k.request_id
        LEFT JOIN companies c ON c.id = r.company_id
        WHERE i.lane_id = ? AND i.status != 'wont_do' AND {_COUNTED}
        ORDER BY k.item_id, r.created_at, k.request_id
        """,
        [int(lane_id)],
    ))


def mark_links_informed(ws: Workspace, pairs, day: str) -> None:
    """Set the day on (request id, item id) links not yet informed: a first date is never overwritten."""
    ws.db.conn.executemany(
        "UPDATE links SET informed_at = ? WHERE request_id = ? AND item_id = ? AND informed_at IS NULL",
        [(day, int(r), int(i)) for r, i in pairs],
    )
