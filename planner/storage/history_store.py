"""The SQL of snapshots (`planner.history`): one row per snapshot, its columns packed in `data`.

A row is either a full snapshot (`parent_id` NULL, `depth` 0) or a delta against
its parent (`depth` = deltas since the last full one); reading one snapshot reads
its chain back to the full one.
"""

from __future__ import annotations

from planner.storage.db import Workspace

_META = "id, taken_at, day, kind, note, method, settings, lanes, items, parent_id, depth"


def _as_dict(cursor, row) -> dict:
    return {d[0]: v for d, v in zip(cursor.description, row)}


def insert_snapshot(ws: Workspace, row: dict) -> int:
    """Write one snapshot row (the caller holds the transaction); returns its id."""
    names = ("taken_at", "day", "kind", "note", "method", "settings", "lanes", "items", "parent_id", "depth", "data")
    cur = ws.db.execute(
        f"INSERT INTO snapshots ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        [row[n] for n in names],
    )
    return int(cur.lastrowid)


def latest_snapshot(ws: Workspace) -> dict | None:
    """The newest snapshot's metadata (no data), or None."""
    cur = ws.db.execute(f"SELECT {_META} FROM snapshots ORDER BY id DESC LIMIT 1")
    row = cur.fetchone()
    return _as_dict(cur, row) if row else None


def snapshot_meta(ws: Workspace, snapshot_id: int) -> dict | None:
    cur = ws.db.execute(f"SELECT {_META} FROM snapshots WHERE id = ?", [int(snapshot_id)])
    row = cur.fetchone()
    return _as_dict(cur, row) if row else None


def last_on_or_before(ws: Workspace, day: str) -> dict | None:
    """The last snapshot taken on `day` (YYYY-MM-DD) or before it."""
    cur = ws.db.execute(f"SELECT {_META} FROM snapshots WHERE day <= ? ORDER BY day DESC, id DESC LIMIT 1", [day])
    row = cur.fetchone()
    return _as_dict(cur, row) if row else None


def taken_on(ws: Workspace, day: str) -> bool:
    return ws.db.execute("SELECT 1 FROM snapshots WHERE day = ? LIMIT 1", [day]).fetchone() is not None


def first_day(ws: Workspace) -> str | None:
    row = ws.db.execute("SELECT min(day) FROM snapshots").fetchone()
    return row[0] if row else None


def list_snapshots(ws: Workspace) -> list[dict]:
    """Every snapshot's metadata, newest first."""
    cur = ws.db.execute(f"SELECT {_META} FROM snapshots ORDER BY id DESC")
    return [_as_dict(cur, r) for r in cur.fetchall()]


def chain(ws: Workspace, snapshot_id: int) -> list[tuple[int, bytes]]:
    """(id, data) of a snapshot and its parents back to the full one, the full one first."""
    rows = ws.db.execute(
        """WITH RECURSIVE up(id, parent_id, data) AS (
               SELECT id, parent_id, data FROM snapshots WHERE id = ?
               UNION ALL
               SELECT s.id, s.parent_id, s.data FROM snapshots s JOIN up ON s.id = up.parent_id
           )
           SELECT id, data FROM up""",
        [int(snapshot_id)],
    ).fetchall()
    return [(int(i), bytes(d)) for i, d in reversed(rows)]


def all_snapshots_data(ws: Workspace):
    """(id, parent_id, taken_at, lanes, data) of every snapshot, oldest first, one at a time."""
    yield from ws.db.execute("SELECT id, parent_id, taken_at, lanes, data FROM snapshots ORDER BY id")


def lanes(ws: Workspace) -> list[tuple]:
    """(id, name, kind, start_date, end_date) of every lane."""
    return ws.db.execute("SELECT id, name, kind, start_date, end_date FROM lanes ORDER BY id").fetchall()
