"""SQL behind scoring: the demand on each item, metric values, and the change log.

Scoring needs, per item, how many requests, people and companies stand behind
it, and what they weigh. Re-running a `GROUP BY` over every link for each
rescore costs seconds on a big workspace, so the scorer loads the links once
as columns (`load_links`) and afterwards reads only what changed: triggers
(migration m003) append the touched item ids to `score_changes`, and
`changes_since` returns them. `demand_group_by` is the plain aggregation, kept
as the benchmark's floor and as a cross-check in the tests.
"""

from __future__ import annotations

from planner.storage.db import Workspace

# Requests in these states never count as demand.
_COUNTED = "r.status NOT IN ('duplicate', 'archived')"

# A person is known by email, else by name; with neither, the request's company
# speaks for them, else the request stands alone (decided in the scorer).
_PERSON_KEY = "lower(trim(COALESCE(NULLIF(trim(r.email), ''), NULLIF(trim(r.requester), ''))))"

# Days since 1970-01-01 of the date the customer asked; NULL when there is none.
_DAY = "CAST(julianday(substr(r.created_at, 1, 10)) - 2440587.5 AS INTEGER)"

_LINK_COLUMNS = f"""
    k.item_id, r.id, r.company_id, {_DAY},
    CASE k.importance WHEN 'nice_to_have' THEN 0 WHEN 'critical' THEN 2 ELSE 1 END,
    {_PERSON_KEY}
"""


def load_links(ws: Workspace, item_ids: list[int] | None = None) -> list[tuple]:
    """Every counted link as (item_id, request_id, company_id, day, importance code, person key).

    With `item_ids`, only those items' links (through the index on links.item_id);
    without, one scan of all links, which the index would only slow down.
    """
    if item_ids is None:
        sql = f"""SELECT {_LINK_COLUMNS} FROM links k NOT INDEXED
                  JOIN requests r ON r.id = k.request_id WHERE {_COUNTED}"""
        return ws.db.execute(sql).fetchall()
    rows: list[tuple] = []
    ids = [int(i) for i in item_ids]
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        rows += ws.db.execute(
            f"""SELECT {_LINK_COLUMNS} FROM links k JOIN requests r ON r.id = k.request_id
                WHERE k.item_id IN ({marks}) AND {_COUNTED}""",
            chunk,
        ).fetchall()
    return rows


def items_asked_between(ws: Workspace, first_day: int, end_day: int) -> list[int]:
    """Items with a counted request dated from `first_day` to before `end_day` (days since 1970-01-01).

    What a window that moved from one first day to the other counts differently:
    only these items' demand changes. A date written as `YYYY-MM-DD...` is first
    compared as text (no date parsing for a million requests), a week wider than
    asked since SQLite reads an impossible day such as 02-30 as one in the next
    month; any other way of writing a date is parsed. The days are then checked exactly.
    """
    import datetime as dt

    def text(day: int) -> str:
        ordinal = min(max(dt.date(1970, 1, 1).toordinal() + day, 1), dt.date.max.toordinal())
        return dt.date.fromordinal(ordinal).isoformat()

    rows = ws.db.execute(
        f"""SELECT DISTINCT k.item_id FROM links k JOIN requests r ON r.id = k.request_id
            WHERE (substr(r.created_at, 1, 10) >= ? AND substr(r.created_at, 1, 10) < ?
                   OR r.created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*')
              AND {_DAY} >= ? AND {_DAY} < ? AND {_COUNTED}""",
        [text(first_day - 7), text(end_day + 7), int(first_day), int(end_day)],
    ).fetchall()
    return [r[0] for r in rows]


def count_links(ws: Workspace, item_ids: list[int]) -> int:
    """How many links these items have (counted requests or not), through the index on links.item_id."""
    ids = [int(i) for i in item_ids]
    total = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        total += ws.db.execute(f"SELECT COUNT(*) FROM links WHERE item_id IN ({','.join('?' * len(chunk))})",
                               chunk).fetchone()[0]
    return total


def load_links_text(ws: Workspace, *, chunk: int = 500_000):
    """All links as text chunks 'item,request,importance code,...' for a fast columnar parse.

    Fetching 1.5M rows as Python tuples costs seconds; one string per chunk,
    built by SQLite and split by numpy, costs a fraction of that. Chunks by
    rowid bound the size of each string.
    """
    top = ws.db.execute("SELECT COALESCE(MAX(rowid), 0) FROM links").fetchone()[0]
    for start in range(0, top + 1, chunk):
        text = ws.db.execute(
            """SELECT group_concat(item_id || ',' || request_id || ',' ||
                   CASE importance WHEN 'nice_to_have' THEN 0 WHEN 'critical' THEN 2 ELSE 1 END, ',')
               FROM links WHERE rowid >= ? AND rowid < ?""",
            [start, start + chunk],
        ).fetchone()[0]
        if text:
            yield text


def load_requests_text(ws: Workspace, *, chunk: int = 500_000, undated: int = 2**31 - 1):
    """Counted requests as text chunks: (numbers 'id,company or -1,day,...', person keys joined by \x1f).

    Both strings come from one pass over the same rows, so the person keys line
    up with the numbers ('' for none).
    """
    top = ws.db.execute("SELECT COALESCE(MAX(id), 0) FROM requests").fetchone()[0]
    for start in range(0, top + 1, chunk):
        numbers, people = ws.db.execute(
            f"""SELECT group_concat(r.id || ',' || COALESCE(r.company_id, -1) || ',' || COALESCE({_DAY}, {undated}), ','),
                       group_concat(COALESCE({_PERSON_KEY}, ''), char(31))
                FROM requests r WHERE r.id >= ? AND r.id < ? AND {_COUNTED}""",
            [start, start + chunk],
        ).fetchone()
        if numbers:
            yield numbers, people


def load_companies(ws: Workspace) -> list[tuple]:
    """(id, name, segment, mrr) of every company; MRR falls back to ARR / 12."""
    return ws.db.execute(
        "SELECT id, name, segment, COALESCE(mrr, arr / 12.0, 0) FROM companies"
    ).fetchall()


ITEM_SCORE_COLUMNS = (
    "id", "title", "kind", "status", "theme", "lane_id", "lane", "lane_kind",
    "reach_mode", "reach_manual", "metric_id", "metric", "metric_share",
    "impact", "confidence", "effort", "value",
    "impact_low", "impact_high", "confidence_low", "confidence_high", "effort_low", "effort_high",
    "ice_impact", "ice_confidence", "ice_ease", "wsjf_value", "wsjf_time", "wsjf_risk", "wsjf_size",
    "pinned_rank", "pin_rationale",
)


def load_items_for_scoring(ws: Workspace, item_ids: list[int] | None = None) -> list[tuple]:
    """Items' estimates as tuples in `ITEM_SCORE_COLUMNS` order, by id (all, or those given)."""
    cols = ", ".join(
        {"lane": "l.name", "lane_kind": "l.kind", "metric": "m.name"}.get(c, f"i.{c}") for c in ITEM_SCORE_COLUMNS
    )
    sql = f"""SELECT {cols} FROM items i
              LEFT JOIN lanes l ON l.id = i.lane_id
              LEFT JOIN metrics m ON m.id = i.metric_id"""
    if item_ids is None:
        return ws.db.execute(sql + " ORDER BY i.id").fetchall()
    ids = [int(i) for i in item_ids]
    rows: list[tuple] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows += ws.db.execute(sql + f" WHERE i.id IN ({','.join('?' * len(chunk))})", chunk).fetchall()
    return sorted(rows)


# ---------------------------------------------------------------- change log

def workspace_token(ws: Workspace) -> str | None:
    """A random id written when scoring was set up: tells two files at one path apart."""
    row = ws.db.execute("SELECT value FROM settings WHERE key = 'workspace_token'").fetchone()
    return row[0] if row else None


def last_change(ws: Workspace) -> int:
    return ws.db.execute("SELECT COALESCE(MAX(seq), 0) FROM score_changes").fetchone()[0]


def changes_since(ws: Workspace, seq: int, *, limit: int) -> tuple[int, list[tuple], bool]:
    """(newest seq, [(item_id, kind)], complete) for the changes after `seq`.

    `complete` is False when the log was trimmed past `seq` or holds more than
    `limit` entries: the caller then reloads everything.
    """
    newest, count = ws.db.execute(
        "SELECT COALESCE(MAX(seq), 0), COUNT(*) FROM score_changes WHERE seq > ?", [seq]
    ).fetchone()
    if count == 0:
        # Never a newer seq than the one counted: a change committed between the two reads would be skipped and
        # never patched in. An older one says the file is an older copy (the caller reloads).
        return min(seq, last_change(ws)), [], True
    oldest_kept = ws.db.execute("SELECT MIN(seq) FROM score_changes").fetchone()[0]
    # Sequence numbers are contiguous; a hole before the oldest kept one means trimmed entries.
    if count > limit or oldest_kept > seq + 1:
        return newest, [], False
    rows = ws.db.execute(
        "SELECT DISTINCT item_id, kind FROM score_changes WHERE seq > ?", [seq]
    ).fetchall()
    return newest, rows, True


def trim_changes(ws: Workspace, *, keep: int = 100_000) -> None:
    """Forget all but the newest `keep` changes; readers further behind reload."""
    newest = last_change(ws)
    if newest > 2 * keep:
        with ws.db.atomic():
            ws.db.execute("DELETE FROM score_changes WHERE seq <= ?", [newest - keep])


# ---------------------------------------------------------------- one item

def item_demand_rows(ws: Workspace, item_id: int) -> list[dict]:
    """The counted requests behind one item, with their company, for an explanation."""
    return list(
        ws.db.query(
            f"""SELECT r.id, r.title, r.requester, r.email, r.created_at, r.status, k.importance,
                       r.company_id, c.name AS company, c.segment, COALESCE(c.mrr, c.arr / 12.0) AS mrr
                FROM links k JOIN requests r ON r.id = k.request_id
                LEFT JOIN companies c ON c.id = r.company_id
                WHERE k.item_id = ? AND {_COUNTED}
                ORDER BY r.created_at DESC, r.id""",
            [int(item_id)],
        )
    )


def demand_group_by(ws: Workspace) -> list[tuple]:
    """The bare aggregation: (item_id, requests, distinct companies, MRR of those companies).

    One scan of all links; the benchmark's floor.
    """
    return ws.db.execute(
        f"""SELECT item_id, SUM(n), COUNT(company_id), SUM(COALESCE(mrr, 0)) FROM (
                SELECT k.item_id, r.company_id, COUNT(*) AS n, c.mrr
                FROM links k NOT INDEXED JOIN requests r ON r.id = k.request_id
                LEFT JOIN companies c ON c.id = r.company_id
                WHERE {_COUNTED}
                GROUP BY k.item_id, r.company_id)
            GROUP BY item_id"""
    ).fetchall()


# ---------------------------------------------------------------- metrics

def metric_latest(ws: Workspace, segment: str | None = None) -> dict[int, tuple[str, float]]:
    """metric id -> (period, value) of its latest period.

    With a segment, a metric that has values for that segment uses them; the
    others fall back to their whole-product values (segment '').
    """
    out: dict[int, tuple[str, float]] = {}
    for seg in ([""] + ([segment] if segment else [])):
        for metric_id, period, value in ws.db.execute(
            """SELECT v.metric_id, v.period, v.value FROM metric_values v
               JOIN (SELECT metric_id, MAX(period) AS period FROM metric_values
                     WHERE segment = ? COLLATE NOCASE GROUP BY metric_id) last
                 ON last.metric_id = v.metric_id AND last.period = v.period
               WHERE v.segment = ? COLLATE NOCASE""",
            [seg, seg],
        ):
            out[metric_id] = (period, value)
    return out


def list_metrics(ws: Workspace) -> list[dict]:
    return list(
        ws.db.query(
            """SELECT m.id, m.name, m.unit, m.stage, m.description,
                      (SELECT COUNT(*) FROM metric_values v WHERE v.metric_id = m.id) AS values_count,
                      (SELECT MAX(period) FROM metric_values v WHERE v.metric_id = m.id AND v.segment = '') AS latest_period,
                      (SELECT v.value FROM metric_values v WHERE v.metric_id = m.id AND v.segment = ''
                       ORDER BY v.period DESC LIMIT 1) AS latest_value,
                      (SELECT COUNT(*) FROM items i WHERE i.metric_id = m.id) AS items
               FROM metrics m ORDER BY m.stage IS NULL, m.id"""
        )
    )


def find_metric(ws: Workspace, name: str) -> dict | None:
    rows = list(ws.db.query("SELECT * FROM metrics WHERE name = ? COLLATE NOCASE", [name.strip()]))
    return rows[0] if rows else None


def ensure_metric(ws: Workspace, *, name: str, unit: str | None = None, stage: str | None = None,
                  description: str | None = None) -> tuple[int, bool]:
    """The id of the metric called `name` (any case), adding it if new; (id, created)."""
    found = find_metric(ws, name)
    if found:
        fill = {k: v for k, v in dict(unit=unit, stage=stage, description=description).items() if v and not found.get(k)}
        if fill:
            ws.db["metrics"].update(found["id"], fill)
        return found["id"], False
    metric_id = ws.db["metrics"].insert(
        dict(name=name.strip(), unit=unit, stage=stage, description=description)
    ).last_pk
    return metric_id, True


def upsert_metric_values(ws: Workspace, rows: list[tuple[int, str, str, float]]) -> tuple[int, int]:
    """Write (metric_id, period, segment, value) rows; returns (new, updated)."""
    new = updated = 0
    for metric_id, period, segment, value in rows:
        old = ws.db.execute(
            "SELECT value FROM metric_values WHERE metric_id = ? AND period = ? AND segment = ?",
            [metric_id, period, segment],
        ).fetchone()
        if old is None:
            new += 1
        elif old[0] != value:
            updated += 1
        else:
            continue
        ws.db.execute(
            """INSERT INTO metric_values(metric_id, period, segment, value) VALUES (?, ?, ?, ?)
               ON CONFLICT(metric_id, period, segment) DO UPDATE SET value = excluded.value""",
            [metric_id, period, segment, value],
        )
    return new, updated
