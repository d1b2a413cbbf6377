"""The per-item demand aggregate kept in the workspace, so a first score reads 10k rows instead of 1.5M links.

Scoring aggregates every link (requests, people, companies, MRR, older and
off-segment counts per item) for one window, segment and set of weights.
Reading and aggregating all links costs seconds, and every command-line
`score` and every opening of the window paid it. The result for the
workspace's own settings is therefore stored in `demand_cache` (migration
m009), with what it is valid for in `demand_cache_meta`:

- `key`: the workspace token, the window's first day, the segment, the
  weights and the segments' order; a new day moves the window (see below);
- `seq`: the last `score_changes` entry the rows include. A later reader
  recomputes only the items the log names after it (their links through the
  index); a change to the companies (MRR, segments) names every item and so
  aggregates again.

A new day moves the window's first day, and with it the demand of every item
linked to a request of the day that left the window; on a big workspace those
are the busiest items, whose links are most of all links. So while every link
is at hand, the next `AHEAD_DAYS` days' rows of just those items are counted
too and stored in `demand_cache_ahead` (migration m010), valid with the same
`seq`: a first score on one of those days reads the stored rows, takes that
day's rows over them, and recomputes only what the log names since.

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
# Days after the stored window start whose rows are stored ahead: a weekend and a holiday or two.
AHEAD_DAYS = 7


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


def read_ahead(ws: Workspace, start_day: int) -> list[tuple]:
    """The rows stored ahead for the window starting on `start_day`: (item_id, *COLUMNS), by item.

    An item without a row there has the stored aggregate's row (none of its requests left the window)."""
    try:
        return ws.db.execute(f"SELECT item_id, {', '.join(COLUMNS)} FROM demand_cache_ahead WHERE start_day = ? "
                             "ORDER BY item_id", [int(start_day)]).fetchall()
    except sqlite3.OperationalError:  # an old file opened without migrating
        return []


def has_ahead(ws: Workspace, start_day: int | None = None) -> bool:
    """Whether rows are stored ahead (for the window starting on `start_day`, or any).

    Every day stored ahead has a row for item 0 (no item has that id), so a day none of whose requests left
    the window still says it was counted. Every write but a fresh aggregation's drops them."""
    where, args = ("WHERE start_day = ?", [int(start_day)]) if start_day is not None else ("", [])
    try:
        return ws.db.execute(f"SELECT 1 FROM demand_cache_ahead {where} LIMIT 1", args).fetchone() is not None
    except sqlite3.OperationalError:  # an old file opened without migrating
        return False


def write(ws: Workspace, key: str, seq: int, rows: list[tuple], *, replace_all: bool,
          cleared: list[int] = (), ahead: dict | None = None) -> bool:
    """Store rows (item_id, *COLUMNS) as current up to `seq` for `key`; False when the file could not be written.

    `replace_all` drops every other row first (a fresh aggregation); else the
    rows are upserted and the items in `cleared` (no demand any more) dropped.
    `ahead` ({window start day: rows}) replaces the rows stored ahead; without
    it they are dropped (counted from links since changed, they would be wrong).
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
            _write_ahead(ws, ahead or {})
    except (sqlite3.Error, PlannerError):  # busy, read-only, a full disk: the next score tries again
        return False
    return True


def _write_ahead(ws: Workspace, ahead: dict) -> None:
    try:
        ws.db.execute("DELETE FROM demand_cache_ahead")
    except sqlite3.OperationalError:  # an old file opened without migrating: nothing stored ahead
        return
    marks = ", ".join("?" * (len(COLUMNS) + 2))
    ws.db.conn.executemany(
        f"INSERT INTO demand_cache_ahead(start_day, item_id, {', '.join(COLUMNS)}) VALUES ({marks})",
        [(int(day), *row) for day, rows in sorted(ahead.items()) for row in rows])


def forget(ws: Workspace) -> None:
    """Drop the stored aggregate (the next score aggregates the links again)."""
    with ws.db.atomic():
        ws.db.execute("DELETE FROM demand_cache")
        ws.db.execute("DELETE FROM demand_cache_meta")
        _write_ahead(ws, {})
