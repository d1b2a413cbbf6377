"""The per-item demand aggregate kept in the workspace, so a first score reads 10k rows instead of 1.5M links.

Scoring aggregates every link (requests, people, companies, MRR, older and
off-segment counts per item) for one window, segment and set of weights.
Reading and aggregating all links costs seconds, and every command-line
`score` and every opening of the window paid it. The result for the
workspace's own settings is therefore stored in `demand_cache` (migration
m009), with what it is valid for in `demand_cache_meta`:

- `key`: the workspace token, the window's first day, the segment, the
  weights and the segments' order; a new day moves the window, so the first
  score of a day aggregates again and stores anew;
- `seq`: the last `score_changes` entry the rows include. A later reader
  recomputes only the items the log names after it (their links through the
  index); a change to the companies (MRR, segments) names every item and so
  aggregates again.

It is a cache: dropping its rows changes no score, only the time of the next.
Writes are best effort: a workspace another process holds locked is simply
not written to this time.
"""

from __future__ import annotations

import sqlite3

from planner.errors import PlannerError
from planner.storage.db import Workspace

# Stored columns, in the order of `reach.Demand`'s fields.
COLUMNS = ("requests", "people", "askers", "companies", "weighted", "mrr", "top_share", "top_company",
           "segment_bits", "older", "off_segment")


def stored_meta(ws: Workspace) -> tuple[str, int] | None:
    """(key, seq) of the stored aggregate, or None when there is none (or the workspace predates m009)."""
    try:
        row = ws.db.execute("SELECT key, seq FROM demand_cache_meta WHERE id = 1").fetchone()
    except sqlite3.OperationalError:  # an old file opened without migrating
        return None
    return (row[0], row[1]) if row else None


def read_rows(ws: Workspace) -> list[tuple]:
    """Every stored row: (item_id, *COLUMNS); items with no demand at all have none."""
    return ws.db.execute(f"SELECT item_id, {', '.join(COLUMNS)} FROM demand_cache ORDER BY item_id").fetchall()


def write(ws: Workspace, key: str, seq: int, rows: list[tuple], *, replace_all: bool,
          cleared: list[int] = ()) -> bool:
    """Store rows (item_id, *COLUMNS) as current up to `seq` for `key`; False when the file could not be written.

    `replace_all` drops every other row first (a fresh aggregation); else the
    rows are upserted and the items in `cleared` (no demand any more) dropped.
    """
    marks = ", ".join("?" * (len(COLUMNS) + 1))
    try:
        # Never wait for another writer (an import in another window can hold the file for a minute): a cache
        # write that cannot happen at once is skipped, and the score it came with is shown all the same.
        with ws.waiting_at_most(0), ws.db.atomic():
            if replace_all:
                ws.db.execute("DELETE FROM demand_cache")
            else:
                ws.db.conn.executemany("DELETE FROM demand_cache WHERE item_id = ?", [(int(i),) for i in cleared])
            ws.db.conn.executemany(f"INSERT OR REPLACE INTO demand_cache(item_id, {', '.join(COLUMNS)}) VALUES ({marks})",
                              rows)
            ws.db.execute("INSERT OR REPLACE INTO demand_cache_meta(id, key, seq) VALUES (1, ?, ?)", [key, int(seq)])
    except (sqlite3.Error, PlannerError):  # busy, read-only, a full disk: the next score tries again
        return False
    return True


def forget(ws: Workspace) -> None:
    """Drop the stored aggregate (the next score aggregates the links again)."""
    with ws.db.atomic():
        ws.db.execute("DELETE FROM demand_cache")
        ws.db.execute("DELETE FROM demand_cache_meta")
