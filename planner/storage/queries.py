"""Read queries shared by the CLI, the GUI and the exporters."""

from __future__ import annotations

from planner.storage.db import Workspace

ITEM_COLUMNS = """
    i.*, l.name AS lane, l.kind AS lane_kind, m.name AS metric
"""


def list_items(ws: Workspace, *, status: str | None = None) -> list[dict]:
    sql = f"""
        SELECT {ITEM_COLUMNS}
        FROM items i
        LEFT JOIN lanes l ON l.id = i.lane_id
        LEFT JOIN metrics m ON m.id = i.metric_id
    """
    params: list = []
    if status:
        sql += " WHERE i.status = ?"
        params.append(status)
    sql += " ORDER BY i.id"
    return list(ws.db.query(sql, params))


def get_item(ws: Workspace, item_id: int) -> dict | None:
    rows = list(
        ws.db.query(
            f"""SELECT {ITEM_COLUMNS} FROM items i
                LEFT JOIN lanes l ON l.id = i.lane_id
                LEFT JOIN metrics m ON m.id = i.metric_id
                WHERE i.id = ?""",
            [item_id],
        )
    )
    return rows[0] if rows else None


def list_requests(ws: Workspace, *, unlinked: bool = False, item_id: int | None = None) -> list[dict]:
    sql = """
        SELECT r.id, r.source, r.external_id, r.title, r.body, r.requester, r.email,
               r.company_id, c.name AS company, c.segment AS segment, c.mrr AS mrr,
               r.created_at, r.votes, r.importance, r.url, r.tags, r.status,
               r.duplicate_of, r.batch_id, r.imported_at, r.updated_at
        FROM requests r
        LEFT JOIN companies c ON c.id = r.company_id
    """
    params: list = []
    where: list[str] = []
    if unlinked:
        where.append("r.status = 'new' AND NOT EXISTS (SELECT 1 FROM links k WHERE k.request_id = r.id)")
    if item_id is not None:
        where.append("r.id IN (SELECT request_id FROM links WHERE item_id = ?)")
        params.append(item_id)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY r.id"
    return list(ws.db.query(sql, params))


def list_companies(ws: Workspace, *, company_id: int | None = None) -> list[dict]:
    """Every company (or the one `company_id`) with its request count and when it last asked."""
    where, params = ("WHERE c.id = ?", [int(company_id)]) if company_id is not None else ("", [])
    return list(
        ws.db.query(
            f"""
            SELECT c.id, c.name, c.segment, c.plan, c.mrr, c.arr, c.renewal_date, c.owner, c.domain,
                   c.external_id, c.created_at, COUNT(r.id) AS requests, MAX(r.created_at) AS last_asked
            FROM companies c LEFT JOIN requests r ON r.company_id = c.id
            {where}
            GROUP BY c.id ORDER BY c.name COLLATE NOCASE
            """,
            params,
        )
    )


def list_lanes(ws: Workspace, *, kind: str | None = None) -> list[dict]:
    sql = """
        SELECT l.*, COUNT(i.id) AS items, COALESCE(SUM(i.effort), 0) AS effort_planned
        FROM lanes l LEFT JOIN items i ON i.lane_id = l.id
    """
    params: list = []
    if kind:
        sql += " WHERE l.kind = ?"
        params.append(kind)
    sql += " GROUP BY l.id ORDER BY l.kind, l.position, l.id"
    return list(ws.db.query(sql, params))


def counts(ws: Workspace) -> dict:
    row = next(
        ws.db.query(
            """
            SELECT (SELECT COUNT(*) FROM items) AS items,
                   (SELECT COUNT(*) FROM requests) AS requests,
                   (SELECT COUNT(*) FROM requests r WHERE r.status = 'new'
                        AND NOT EXISTS (SELECT 1 FROM links k WHERE k.request_id = r.id)) AS unlinked,
                   (SELECT COUNT(*) FROM companies) AS companies,
                   (SELECT COUNT(*) FROM lanes) AS lanes,
                   (SELECT COUNT(*) FROM metrics) AS metrics
            """
        )
    )
    return dict(row)


def is_empty(ws: Workspace) -> bool:
    c = counts(ws)
    return c["items"] == 0 and c["requests"] == 0


def get_setting(ws: Workspace, key: str, default=None):
    import json

    row = ws.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else default


def set_setting(ws: Workspace, key: str, value) -> None:
    import json

    with ws.db.atomic():
        ws.db.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )


SUMMARY_COLUMNS = ("id", "title", "kind", "status", "theme", "impact", "confidence", "effort", "value",
                   "pinned_rank", "pin_rationale", "lane_id")


def list_item_summaries(ws: Workspace) -> list[dict]:
    """The few columns a list of items shows, fast enough for 100k items (no descriptions, no notes).

    Built from plain tuples: a dict per row from the driver costs more than the query itself.
    """
    cursor = ws.conn.execute(
        f"""SELECT {', '.join('i.' + c for c in SUMMARY_COLUMNS)}, l.name, l.kind
            FROM items i LEFT JOIN lanes l ON l.id = i.lane_id ORDER BY i.id"""
    )
    names = SUMMARY_COLUMNS + ("lane", "lane_kind")
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def item_count(ws: Workspace) -> int:
    return ws.conn.execute("SELECT COUNT(*) FROM items").fetchone()[0]


def row(ws: Workspace, table: str, row_id: int) -> dict | None:
    """One row of an entity table by id, as stored."""
    assert table in ("items", "requests", "companies", "lanes", "metrics")
    cursor = ws.db.execute(f"SELECT * FROM {table} WHERE id = ?", [int(row_id)])
    found = cursor.fetchone()
    return None if found is None else dict(zip([d[0] for d in cursor.description], found))


def lane_exists(ws: Workspace, lane_id: int) -> bool:
    return ws.db.execute("SELECT 1 FROM lanes WHERE id = ?", [int(lane_id)]).fetchone() is not None


def lane_named(ws: Workspace, name: str, kind: str | None = None) -> int | None:
    """The id of the lane with this name (any case), of this kind when given."""
    sql, params = "SELECT id FROM lanes WHERE name = ? COLLATE NOCASE", [name]
    if kind is not None:
        sql, params = sql + " AND kind = ?", params + [kind]
    found = ws.db.execute(sql + " ORDER BY kind, position LIMIT 1", params).fetchone()
    return found[0] if found else None


def lane_names(ws: Workspace) -> list[str]:
    return [r[0] for r in ws.db.execute("SELECT name FROM lanes ORDER BY kind, position")]


def company_by_key(ws: Workspace, key: str) -> dict | None:
    cursor = ws.db.execute("SELECT * FROM companies WHERE name_key = ?", [key])
    found = cursor.fetchone()
    return None if found is None else dict(zip([d[0] for d in cursor.description], found))


def links_of(ws: Workspace, *, item_id: int | None = None, request_id: int | None = None) -> list[dict]:
    where, params = [], []
    if item_id is not None:
        where.append("item_id = ?"); params.append(int(item_id))
    if request_id is not None:
        where.append("request_id = ?"); params.append(int(request_id))
    return list(ws.db.query(f"SELECT * FROM links WHERE {' AND '.join(where)} ORDER BY request_id, item_id", params))


def lane_ids(ws: Workspace, kind: str) -> list[int]:
    return [r[0] for r in ws.db.execute("SELECT id FROM lanes WHERE kind = ? ORDER BY position", [kind])]


def metric_named(ws: Workspace, name: str) -> int | None:
    found = ws.db.execute("SELECT id FROM metrics WHERE name = ?", [name]).fetchone()
    return found[0] if found else None


def company_segments(ws: Workspace) -> list[tuple[int, str]]:
    """(company id, segment as stored) of every company that has a segment."""
    return [tuple(r) for r in ws.db.execute("SELECT id, segment FROM companies WHERE segment IS NOT NULL ORDER BY id")]


def company_request_ids(ws: Workspace, company_ids) -> list[int]:
    """The ids of the requests of these companies."""
    ids = sorted({int(c) for c in company_ids})
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return [r[0] for r in ws.db.execute(f"SELECT id FROM requests WHERE company_id IN ({marks}) ORDER BY id", ids)]


def lanes_named(ws: Workspace, name: str) -> list[dict]:
    """Every lane with this name (any case), of whatever kind: id and kind, quarters first."""
    return list(ws.db.query(
        """SELECT id, kind FROM lanes WHERE name = ? COLLATE NOCASE
           ORDER BY CASE kind WHEN 'quarter' THEN 0 WHEN 'release' THEN 1 ELSE 2 END, position, id""",
        [name]))


def get_settings_lenient(ws: Workspace, keys) -> dict:
    """The stored value of each of these settings that is there: as JSON reads it, or its raw text where it is not JSON
    (an old or hand-edited workspace holding `$` rather than `"$"`)."""
    import json

    keys = list(keys)
    if not keys:
        return {}
    marks = ",".join("?" * len(keys))
    out = {}
    for key, text in ws.db.execute(f"SELECT key, value FROM settings WHERE key IN ({marks})", keys):
        try:
            out[key] = json.loads(text) if text is not None else None
        except (TypeError, ValueError):
            out[key] = text
    return out


def count_in_inbox(ws: Workspace, request_ids) -> int:
    """How many of these requests are in the inbox: new and linked to no item."""
    ids = sorted({int(r) for r in request_ids})
    total = 0
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        total += ws.db.execute(
            f"""SELECT COUNT(*) FROM requests r WHERE r.id IN ({','.join('?' * len(chunk))}) AND r.status = 'new'
                AND NOT EXISTS (SELECT 1 FROM links k WHERE k.request_id = r.id)""",
            chunk,
        ).fetchone()[0]
    return total
