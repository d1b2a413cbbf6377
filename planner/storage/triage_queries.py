"""Read queries behind request triage: the inbox and the texts suggestions match against."""

from __future__ import annotations

from planner.storage.db import Workspace

# A request waits in the inbox while it is new and linked to nothing.
_UNLINKED = "r.status = 'new' AND NOT EXISTS (SELECT 1 FROM links k WHERE k.request_id = r.id)"

INBOX_COLUMNS = """
    r.id, r.source, r.external_id, r.title, r.body, r.requester, r.email,
    r.company_id, c.name AS company, c.segment AS segment, c.plan AS plan, c.mrr AS mrr,
    r.created_at, r.votes, r.importance, r.url, r.tags, r.status, r.batch_id
"""


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def inbox(
    ws: Workspace,
    *,
    search: str | None = None,
    source: str | None = None,
    company: str | int | None = None,
    segment: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[dict]:
    where = [_UNLINKED]
    params: list = []
    for word in (search or "").split():
        # Every word must appear somewhere, so typing more narrows the list.
        where.append(
            "(r.title LIKE ? ESCAPE '\\' OR r.body LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\'"
            " OR r.requester LIKE ? ESCAPE '\\' OR r.external_id LIKE ? ESCAPE '\\')"
        )
        params.extend([_like(word)] * 5)
    if source:
        where.append("r.source = ?")
        params.append(source)
    if company is not None and company != "":
        if isinstance(company, int):
            where.append("r.company_id = ?")
        else:
            where.append("c.name = ?")
        params.append(company)
    if segment:
        where.append("c.segment = ?")
        params.append(segment)
    # Dates are ISO text, possibly with a time: compare on the day.
    if since:
        where.append("substr(r.created_at, 1, 10) >= ?")
        params.append(str(since)[:10])
    if until:
        where.append("substr(r.created_at, 1, 10) <= ?")
        params.append(str(until)[:10])
    sql = f"""
        SELECT {INBOX_COLUMNS}
        FROM requests r LEFT JOIN companies c ON c.id = r.company_id
        WHERE {' AND '.join(where)}
        ORDER BY r.created_at DESC, r.id DESC
    """
    return list(ws.db.query(sql, params))


def inbox_filters(ws: Workspace) -> dict:
    """The distinct values the inbox can be filtered by, taken from the requests waiting in it."""
    base = f"FROM requests r LEFT JOIN companies c ON c.id = r.company_id WHERE {_UNLINKED}"

    def distinct(expr: str) -> list:
        return [row[0] for row in ws.db.execute(
            f"SELECT DISTINCT {expr} AS v {base} AND {expr} IS NOT NULL AND {expr} != '' ORDER BY v COLLATE NOCASE"
        ).fetchall()]

    span = ws.db.execute(
        f"SELECT MIN(substr(r.created_at, 1, 10)), MAX(substr(r.created_at, 1, 10)), COUNT(*) {base}"
    ).fetchone()
    return {
        "sources": distinct("r.source"),
        "companies": distinct("c.name"),
        "segments": distinct("c.segment"),
        "first_date": span[0],
        "last_date": span[1],
        "total": span[2],
    }


def request_text(ws: Workspace, request_id: int) -> dict | None:
    rows = list(ws.db.query(f"""SELECT {INBOX_COLUMNS} FROM requests r LEFT JOIN companies c ON c.id = r.company_id
                                 WHERE r.id = ?""", [int(request_id)]))
    return rows[0] if rows else None


def index_signature(ws: Workspace) -> tuple:
    """Cheap numbers that change whenever item texts or links change, so a cached index can be reused.

    The last two are the imports made or undone (a re-import may retitle linked
    requests) and the newest entry of the change log, which every item edit,
    link, unlink and duplicate mark of a linked request appends to (migration
    m003): an index can catch up from that entry alone.
    """
    row = ws.db.execute(
        """SELECT (SELECT COUNT(*) FROM items), (SELECT MAX(id) FROM items), (SELECT MAX(updated_at) FROM items),
                  (SELECT COUNT(*) FROM links), (SELECT COALESCE(SUM(request_id * 31 + item_id), 0) FROM links),
                  (SELECT COUNT(*) || ':' || COALESCE(MAX(id), 0) || ':' || COUNT(undone_at) FROM import_batches),
                  (SELECT COALESCE(MAX(seq), 0) FROM score_changes)"""
    ).fetchone()
    return tuple(row)


def item_texts(ws: Workspace) -> list[tuple]:
    """(id, title, description) of every item."""
    return ws.db.execute("SELECT id, title, COALESCE(description, '') FROM items ORDER BY id").fetchall()


def linked_request_texts(ws: Workspace) -> list[tuple]:
    """(item_id, request_id, title) of every linked request that still counts (not a duplicate)."""
    return ws.db.execute(
        """SELECT k.item_id, r.id, r.title FROM links k JOIN requests r ON r.id = k.request_id
           WHERE r.status != 'duplicate' ORDER BY k.item_id, r.id"""
    ).fetchall()


def request_titles(ws: Workspace, *, exclude: int | None = None) -> list[tuple]:
    """(id, title, status, company) of every request, for finding the original of a duplicate."""
    return ws.db.execute(
        """SELECT r.id, r.title, r.status, c.name FROM requests r LEFT JOIN companies c ON c.id = r.company_id
           WHERE r.id != ? AND r.status != 'duplicate' ORDER BY r.id""",
        [-1 if exclude is None else int(exclude)],
    ).fetchall()


def linked_item_ids(ws: Workspace, request_id: int) -> set[int]:
    return {row[0] for row in ws.db.execute("SELECT item_id FROM links WHERE request_id = ?", [int(request_id)])}
