"""What one operation changed, row by row, and how to put it back.

While an operation runs, temporary triggers on this connection note the first
image of every row it inserts, updates or deletes (foreign-key cascades
included: they fire the triggers too). When it ends, each touched row yields
a `RowChange`: the row before (None when the operation created it) and after
(None when it deleted it). Putting the "before" side back is the undo;
putting the "after" side back is the redo, with the same ids.

Old images are copied column by column into temporary shadow tables, not
through JSON (SQLite prints a REAL with 15 digits: 0.30000000000000004 would
come back as 0.3).

Imports do not go through here: a batch of a million rows has its own undo
(`planner.importing.batch`).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

from planner.storage.db import Workspace

# The tables a user's edit can touch, parents before children: rows are put
# back in this order and removed in the reverse one (links need their item).
TABLES = {
    "settings": ("key",),
    "lanes": ("id",),
    "metrics": ("id",),
    "metric_values": ("metric_id", "period", "segment"),
    "import_batches": ("id",),
    "companies": ("id",),
    "items": ("id",),
    "requests": ("id",),
    "links": ("request_id", "item_id"),
}
UNCHECKED = frozenset({"updated_at"})  # moves on every edit; never a reason to refuse an undo


@dataclass(frozen=True)
class RowChange:
    table: str
    key: tuple
    before: dict | None  # None: the row did not exist
    after: dict | None  # None: the row is gone

    @property
    def columns(self) -> frozenset[str]:
        """The columns whose value the operation changed (all of them for a row made or removed)."""
        if self.before is None or self.after is None:
            return frozenset((self.before or self.after or {}).keys())
        return frozenset(k for k in self.after if self.before.get(k) != self.after[k])

    def reversed(self) -> "RowChange":
        return RowChange(self.table, self.key, self.after, self.before)


class Conflict(Exception):
    """A row is no longer as the operation left it (another window or the command line changed it)."""

    def __init__(self, change: RowChange, now: dict | None):
        super().__init__(change.table)
        self.change, self.now = change, now


def _columns(ws: Workspace, table: str) -> list[str]:
    return [row[1] for row in ws.db.execute(f"PRAGMA main.table_info({table})").fetchall()]


def _key_columns(table: str) -> tuple[str, ...]:
    return TABLES[table]


def _install(ws: Workspace) -> None:
    """Create the temporary log, shadow tables and triggers on this connection, once.

    The triggers stay, switched off between operations (`op_state.recording`):
    creating them for each operation would cost a schema change each time.
    """
    conn = ws.db.conn
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS op_state (recording INTEGER NOT NULL)")
    if conn.execute("SELECT COUNT(*) FROM temp.op_state").fetchone()[0]:
        return
    conn.execute("INSERT INTO temp.op_state VALUES (0)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS op_log (tbl TEXT, k1, k2, k3, existed INTEGER, "
                 "PRIMARY KEY (tbl, k1, k2, k3))")
    when = "WHEN (SELECT recording FROM op_state)"
    for table, keys in TABLES.items():
        cols = _columns(ws, table)
        shadow = f"op_old_{table}"
        conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {shadow} AS SELECT * FROM main.{table} WHERE 0")
        conn.execute(f"CREATE UNIQUE INDEX IF NOT EXISTS temp.{shadow}_key ON {shadow} ({', '.join(keys)})")
        padded = list(keys) + ["''"] * (3 - len(keys))

        def key_of(row: str) -> str:
            return ", ".join(f"{row}.{k}" if not k.startswith("'") else k for k in padded)

        old_values = ", ".join(f"OLD.{c}" for c in cols)
        remember_old = (f"INSERT OR IGNORE INTO op_log VALUES ('{table}', {key_of('OLD')}, 1); "
                        f"INSERT OR IGNORE INTO {shadow} ({', '.join(cols)}) VALUES ({old_values});")
        conn.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS op_{table}_insert AFTER INSERT ON main.{table} {when} BEGIN "
                     f"INSERT OR IGNORE INTO op_log VALUES ('{table}', {key_of('NEW')}, 0); END")
        conn.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS op_{table}_update AFTER UPDATE ON main.{table} {when} BEGIN "
                     f"{remember_old} END")
        conn.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS op_{table}_delete AFTER DELETE ON main.{table} {when} BEGIN "
                     f"{remember_old} END")


def _start(ws: Workspace) -> None:
    _install(ws)
    ws.db.conn.execute("UPDATE temp.op_state SET recording = 1")


def _stop(ws: Workspace) -> None:
    conn = ws.db.conn
    conn.execute("UPDATE temp.op_state SET recording = 0")
    conn.execute("DELETE FROM temp.op_log")
    for table in TABLES:
        conn.execute(f"DELETE FROM temp.op_old_{table}")


def _where(keys: tuple[str, ...]) -> str:
    return " AND ".join(f"{k} IS ?" for k in keys)


def _row(ws: Workspace, schema: str, table: str, key: tuple) -> dict | None:
    """A row of `table` (a table of TABLES) by key; in the temp schema, from its shadow of old images."""
    source = f"temp.op_old_{table}" if schema == "temp" else f"main.{table}"
    cursor = ws.db.execute(f"SELECT * FROM {source} WHERE {_where(_key_columns(table))}", list(key))
    found = cursor.fetchone()
    if found is None:
        return None
    return dict(zip([d[0] for d in cursor.description], found))


def _collect(ws: Workspace) -> list[RowChange]:
    changes = []
    order = {t: n for n, t in enumerate(TABLES)}
    logged = ws.db.execute("SELECT tbl, k1, k2, k3, existed FROM temp.op_log").fetchall()
    for table, k1, k2, k3, existed in sorted(logged, key=lambda r: (order[r[0]], str(r[1:4]))):
        key = (k1, k2, k3)[: len(_key_columns(table))]
        before = _row(ws, "temp", table, key) if existed else None
        after = _row(ws, "main", table, key)
        if before != after:
            changes.append(RowChange(table, key, before, after))
    return changes


class Journal:
    """The rows one operation touched; filled when the `recording` block ends."""

    def __init__(self):
        self.changes: list[RowChange] = []


@contextmanager
def recording(ws: Workspace):
    """Note every row changed inside the block, in one transaction.

    Nested blocks (an operation made of others) share the outermost journal:
    only it collects, and the inner ones stay empty.
    """
    depth = getattr(ws, "_journal_depth", 0)
    journal = Journal()
    with ws.db.atomic():
        if depth == 0:
            _start(ws)
        ws._journal_depth = depth + 1
        try:
            yield journal
            if depth == 0:
                journal.changes = _collect(ws)
        finally:
            ws._journal_depth = depth
            if depth == 0:
                _stop(ws)


def current(ws: Workspace, change: RowChange) -> dict | None:
    return _row(ws, "main", change.table, change.key)


def put_back(ws: Workspace, changes: list[RowChange]) -> None:
    """Make each row as its `after` side says, inside the caller's transaction (an undo passes
    the operation's changes reversed; a redo passes them as they were).

    Refuses (`Conflict`) when a row is no longer as its `before` side says: in a
    column the change touches, or the row came or went meanwhile. Columns the
    change does not touch are left as they are now, so an undo keeps what
    another window changed in other columns of the same row.
    """
    for change in changes:
        now = current(ws, change)
        if change.before is None:
            stale = now is not None
        elif now is None:
            stale = True
        else:
            stale = any(now.get(c) != change.before.get(c) for c in change.columns - UNCHECKED)
        if stale:
            raise Conflict(change, now)
    order = list(TABLES)
    removals = [c for c in changes if c.after is None]
    for change in sorted(removals, key=lambda c: -order.index(c.table)):
        ws.db.execute(f"DELETE FROM main.{change.table} WHERE {_where(_key_columns(change.table))}", list(change.key))
    for change in sorted((c for c in changes if c.after is not None), key=lambda c: order.index(c.table)):
        if change.before is None:
            cols = list(change.after)
            ws.db.execute(
                f"INSERT INTO main.{change.table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                [change.after[c] for c in cols],
            )
        else:
            cols = sorted(change.columns)
            if cols:
                ws.db.execute(
                    f"UPDATE main.{change.table} SET {', '.join(f'{c} = ?' for c in cols)} "
                    f"WHERE {_where(_key_columns(change.table))}",
                    [change.after[c] for c in cols] + list(change.key),
                )
