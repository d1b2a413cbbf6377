"""Read queries behind the exported workbook and CSV.

Each returns plain rows; aggregation happens here in SQL (one pass per sheet)
rather than per item in Python, so a 10k-item workspace exports in seconds.
"""

from __future__ import annotations

from planner.storage.db import Workspace


def roadmap_items(ws: Workspace, *, kind: str) -> list[dict]:
    """Items placed in lanes of one kind, in lane then position order."""
    return list(
        ws.db.query(
            """
            SELECT i.id, i.title, i.kind, i.status, i.theme, i.owner, i.effort,
                   i.start_date, i.end_date, i.lane_id, i.lane_position
            FROM items i JOIN lanes l ON l.id = i.lane_id
            WHERE l.kind = ?
            ORDER BY l.position, l.id, i.lane_position, i.id
            """,
            [kind],
        )
    )


def item_details(ws: Workspace) -> dict[int, dict]:
    """The item fields the score does not carry (notes, owner, dates), by item id."""
    return {
        row["id"]: row
        for row in ws.db.query(
            """
            SELECT id, description, notes, owner, tags, start_date, end_date,
                   reach_mode, reach_manual, impact, confidence, effort, value,
                   ice_impact, ice_confidence, ice_ease,
                   wsjf_value, wsjf_time, wsjf_risk, wsjf_size, pinned_rank, pin_rationale
            FROM items
            """
        )
    }


def demand_pairs(ws: Workspace) -> list[tuple]:
    """Linked requests grouped by (item, company), top askers of each item first.

    One pass over the links gives both the per-item demand (summed in Python) and
    the companies to tell. Requests without a company form their own group with a
    NULL company. Duplicates are left out: they count once, through the original.
    Columns: item_id, company_id, company, segment, plan, mrr, requests, critical,
    last_asked, requesters, emails.
    """
    return ws.db.execute(
        """
        SELECT k.item_id, r.company_id, c.name, c.segment, c.plan, c.mrr,
               COUNT(*), SUM(k.importance = 'critical'), MAX(r.created_at),
               group_concat(DISTINCT NULLIF(r.requester, '')),
               group_concat(DISTINCT NULLIF(r.email, ''))
        FROM links k
        JOIN requests r ON r.id = k.request_id
        LEFT JOIN companies c ON c.id = r.company_id
        WHERE r.status != 'duplicate'
        GROUP BY k.item_id, r.company_id
        ORDER BY k.item_id, COUNT(*) DESC, c.mrr DESC, c.name COLLATE NOCASE
        """
    ).fetchall()


def linked_requests(ws: Workspace) -> list[tuple]:
    """Every (request, item) link with the request's text and company, as tuples for speed.

    Requests marked as duplicates are left out, as in the demand figures.

    Columns: item_id, item_title, request_id, external_id, source, title, body,
    company, segment, mrr, requester, email, created_at, votes, link importance, url.
    """
    cursor = ws.db.execute(
        """
        SELECT k.item_id, i.title, r.id, r.external_id, r.source, r.title, r.body,
               c.name, c.segment, c.mrr, r.requester, r.email, r.created_at, r.votes,
               k.importance, r.url
        FROM links k
        JOIN requests r ON r.id = k.request_id
        JOIN items i ON i.id = k.item_id
        LEFT JOIN companies c ON c.id = r.company_id
        WHERE r.status != 'duplicate'
        ORDER BY k.item_id, r.created_at DESC, r.id
        """
    )
    return cursor.fetchall()


def count_linked_requests(ws: Workspace) -> int:
    return ws.db.execute(
        "SELECT COUNT(*) FROM links k JOIN requests r ON r.id = k.request_id WHERE r.status != 'duplicate'"
    ).fetchone()[0]
