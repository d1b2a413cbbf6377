"""SQL for importing request dumps: batches, companies, bulk upserts and undo.

The hot path is a bare `executemany` inside the caller's transaction:
sqlite-utils' `insert_all` caps a batch at 999 / columns rows and measured
1.7x slower on these rows.
"""

from __future__ import annotations

import json
from contextlib import contextmanager

REQUEST_COLUMNS = (
    "source", "external_id", "title", "body", "requester", "email", "company_id", "created_at",
    "votes", "importance", "url", "tags", "content_hash",
)
_UPDATED = (
    "title", "body", "requester", "email", "company_id", "created_at", "votes", "importance", "url",
    "tags", "raw", "content_hash",
)
_NULL_IF_EMPTY = {"external_id", "body", "requester", "email", "importance", "url", "tags"}


def request_sql(*, by_id, batch_id: int) -> str:
    """The INSERT for one file. Parameters: the 13 request values, the original
    row as JSON text (`raw`), then the import's stamp.

    A changed row keeps its id, status, links and the batch that first brought
    it in: undoing a later batch removes only what that batch added.
    """
    base = len(REQUEST_COLUMNS)
    # Empty cells are bound as '' and become NULL here, which saves a pass over every column in Python.
    values = [f"NULLIF(?{i + 1}, '')" if REQUEST_COLUMNS[i] in _NULL_IF_EMPTY else f"?{i + 1}" for i in range(base)]
    # The stamp is ours, not the file's; bound once.
    values += [f"?{base + 1}", str(int(batch_id)), f"?{base + 2}", f"?{base + 2}"]
    sql = (
        f"INSERT INTO requests ({', '.join(REQUEST_COLUMNS)}, raw, batch_id, imported_at, updated_at) "
        f"VALUES ({', '.join(values)})"
    )
    if by_id == "plain":
        pass  # a bulk load into a new source with the id index suspended: nothing to conflict with
    elif by_id:
        changed = " OR ".join(f"requests.{c} IS NOT excluded.{c}" for c in _UPDATED)
        sets = ", ".join(f"{c} = excluded.{c}" for c in _UPDATED + ("updated_at",))
        sql += f" ON CONFLICT(source, external_id) WHERE external_id IS NOT NULL DO UPDATE SET {sets} WHERE {changed}"
    else:
        sql += " ON CONFLICT(content_hash) WHERE external_id IS NULL AND content_hash IS NOT NULL DO NOTHING"
    return sql


def begin_batch(db, *, file_name, sha256, source, preset, encoding, delimiter, mapping, created_at, sheet=None) -> int:
    """A new batch row; `sheet` is the workbook sheet read (None for a CSV)."""
    cur = db.execute(
        """INSERT INTO import_batches (file_name, sha256, source, preset, encoding, delimiter, mapping, created_at, sheet)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [file_name, sha256, source, preset, encoding, delimiter, json.dumps(mapping, ensure_ascii=False), created_at,
         sheet],
    )
    return cur.lastrowid


def finish_batch(db, batch_id: int, counts: dict, *, sha256: str | None) -> None:
    db.execute(
        """UPDATE import_batches SET sha256 = ?, rows_read = ?, new = ?, updated = ?, unchanged = ?, duplicates = ?,
               failed = ?, companies_new = ?, errors = ?, warnings = ? WHERE id = ?""",
        [sha256, counts["rows_read"], counts["new"], counts["updated"], counts["unchanged"], counts["duplicates"],
         counts["failed"], counts["companies_new"], json.dumps(counts["errors"][:200], ensure_ascii=False),
         json.dumps(counts.get("warnings", []), ensure_ascii=False), batch_id],
    )


def company_keys(db) -> tuple[dict[str, int], dict[str, int]]:
    by_key, by_domain = {}, {}
    for cid, key, domain in db.execute("SELECT id, name_key, domain FROM companies"):
        by_key[key] = cid
        if domain:
            by_domain.setdefault(domain.lower(), cid)
    return by_key, by_domain


def next_company_id(db) -> int:
    """The id SQLite would give the next company (one more than the largest)."""
    return db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM companies").fetchone()[0]


def insert_companies(db, rows, *, batch_id, created_at) -> None:
    """rows: (id, name, name_key, domain), ids numbered from `next_company_id`."""
    db.conn.executemany(
        "INSERT INTO companies (id, name, name_key, domain, batch_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        [(cid, name, key, domain, batch_id, created_at) for cid, name, key, domain in rows],
    )


def update_companies(db, rows) -> None:
    """rows: (segment, plan, mrr, arr, id); a None keeps what the company had."""
    db.conn.executemany(
        """UPDATE companies SET segment = COALESCE(?, segment), plan = COALESCE(?, plan),
               mrr = COALESCE(?, mrr), arr = COALESCE(?, arr) WHERE id = ?""",
        rows,
    )


def write_requests(db, sql: str, rows) -> int:
    """One bare executemany; returns how many rows changed (inserted plus updated)."""
    return db.conn.executemany(sql, rows).rowcount


def count_added(db, batch_id: int) -> int:
    return db.execute("SELECT COUNT(*) FROM requests WHERE batch_id = ?", [batch_id]).fetchone()[0]


def list_batches(db) -> list[dict]:
    rows = db.execute(
        """SELECT b.*, (SELECT COUNT(*) FROM requests r WHERE r.batch_id = b.id) AS requests_now,
                  (SELECT COUNT(*) FROM items i WHERE i.batch_id = b.id) AS items_now
           FROM import_batches b ORDER BY b.id DESC"""
    )
    cols = [d[0] for d in rows.description]
    out = []
    for row in rows.fetchall():
        batch = dict(zip(cols, row))
        for key in ("mapping", "errors", "warnings"):
            if batch.get(key):
                try:
                    batch[key] = json.loads(batch[key])
                except ValueError:
                    pass
        out.append(batch)
    return out


def get_batch(db, batch_id: int) -> dict | None:
    cur = db.execute("SELECT * FROM import_batches WHERE id = ?", [batch_id])
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row)) if row else None


_IN_BATCH = "SELECT id FROM requests WHERE batch_id = ?"


def undo_losses(db, batch_id: int, *, examples: int = 3) -> dict:
    """What undoing a batch would take away that the batch did not bring in itself.

    hand_links: links to the batch's requests that the batch did not make (made by
    hand, or moved there when a request was marked its duplicate); duplicates:
    requests outside the batch marked duplicate of one of its requests; updates:
    the batch's requests a later import (not undone) changed, by that import's stamp.
    Each is {"count": n, "examples": [...]}.
    """
    hand = db.execute(
        f"""SELECT COUNT(*) FROM links k WHERE k.request_id IN ({_IN_BATCH}) AND k.batch_id IS NOT ?""",
        [batch_id, batch_id],
    ).fetchone()[0]
    hand_rows = db.execute(
        f"""SELECT k.request_id, r.title, k.item_id, i.title FROM links k
               JOIN requests r ON r.id = k.request_id JOIN items i ON i.id = k.item_id
            WHERE k.request_id IN ({_IN_BATCH}) AND k.batch_id IS NOT ?
            ORDER BY k.request_id, k.item_id LIMIT ?""",
        [batch_id, batch_id, examples],
    ).fetchall()
    dups = db.execute(
        f"""SELECT COUNT(*) FROM requests d
            WHERE d.duplicate_of IN ({_IN_BATCH}) AND d.batch_id IS NOT ?""",
        [batch_id, batch_id],
    ).fetchone()[0]
    dup_rows = db.execute(
        f"""SELECT d.id, d.title, d.batch_id, d.duplicate_of, o.title FROM requests d
               JOIN requests o ON o.id = d.duplicate_of
            WHERE d.duplicate_of IN ({_IN_BATCH}) AND d.batch_id IS NOT ?
            ORDER BY d.id LIMIT ?""",
        [batch_id, batch_id, examples],
    ).fetchall()
    later = """FROM requests r JOIN import_batches b
                 ON b.created_at = r.updated_at AND b.id > ? AND b.undone_at IS NULL
               WHERE r.batch_id = ? AND r.updated_at > r.imported_at"""
    updates = db.execute(f"SELECT COUNT(DISTINCT r.id) {later}", [batch_id, batch_id]).fetchone()[0]
    update_rows = db.execute(
        f"SELECT r.id, r.title, MAX(b.id), b.file_name {later} GROUP BY r.id ORDER BY r.id LIMIT ?",
        [batch_id, batch_id, examples],
    ).fetchall()
    return {
        "hand_links": {"count": hand, "examples": [
            {"request_id": r, "request": rt, "item_id": i, "item": it} for r, rt, i, it in hand_rows]},
        "duplicates": {"count": dups, "examples": [
            {"request_id": d, "request": dt, "batch_id": b, "duplicate_of": o, "original": ot}
            for d, dt, b, o, ot in dup_rows]},
        "updates": {"count": updates, "examples": [
            {"request_id": r, "request": rt, "batch_id": b, "file_name": f} for r, rt, b, f in update_rows]},
    }


def undo_counts(db, batch_id: int) -> dict:
    """How many requests, links and companies undoing a batch would remove now."""
    requests = db.execute("SELECT COUNT(*) FROM requests WHERE batch_id = ?", [batch_id]).fetchone()[0]
    links = db.execute(
        f"SELECT COUNT(*) FROM links WHERE batch_id = ? OR request_id IN ({_IN_BATCH})", [batch_id, batch_id]
    ).fetchone()[0]
    companies = db.execute(
        """SELECT COUNT(*) FROM companies c
           WHERE (c.batch_id = ? OR c.batch_id IN (SELECT id FROM import_batches WHERE undone_at IS NOT NULL))
             AND NOT EXISTS (SELECT 1 FROM requests r WHERE r.company_id = c.id AND r.batch_id IS NOT ?)""",
        [batch_id, batch_id],
    ).fetchone()[0]
    return {"requests": requests, "links": links, "companies": companies}


def _rows(db, sql: str, params) -> dict:
    cur = db.execute(sql, params)
    return {"columns": [d[0] for d in cur.description], "rows": cur.fetchall()}


def snapshot_batch(db, batch_id: int) -> dict:
    """Every row an undo of the batch deletes or changes, to put back exactly (`put_back_batch`).

    Call inside the undo's transaction, before `release_duplicates` and `undo_batch`.
    """
    return {
        "batch_id": batch_id,
        "companies": _rows(db, """SELECT * FROM companies
            WHERE (batch_id = ? OR batch_id IN (SELECT id FROM import_batches WHERE undone_at IS NOT NULL))
              AND NOT EXISTS (SELECT 1 FROM requests r WHERE r.company_id = companies.id AND r.batch_id IS NOT ?)""",
                           [batch_id, batch_id]),
        "requests": _rows(db, "SELECT * FROM requests WHERE batch_id = ? ORDER BY id", [batch_id]),
        "links": _rows(db, f"SELECT * FROM links WHERE batch_id = ? OR request_id IN ({_IN_BATCH})", [batch_id, batch_id]),
        "released": _rows(db, f"""SELECT id, status, duplicate_of, updated_at FROM requests
            WHERE duplicate_of IN ({_IN_BATCH}) AND batch_id IS NOT ?""", [batch_id, batch_id]),
    }


def put_back_batch(db, snapshot: dict) -> None:
    """Undo an undo: the rows of `snapshot_batch` again, with their ids. Call inside a transaction."""
    db.execute("PRAGMA defer_foreign_keys = ON")  # a request may be a duplicate of a later one in the batch
    for table in ("companies", "requests", "links"):
        part = snapshot[table]
        if part["rows"]:
            names = ", ".join(f'"{c}"' for c in part["columns"])
            marks = ", ".join("?" * len(part["columns"]))
            db.conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', part["rows"])
    db.conn.executemany(
        "UPDATE requests SET status = ?, duplicate_of = ?, updated_at = ? WHERE id = ?",
        [(status, dup, updated, rid) for rid, status, dup, updated in snapshot["released"]["rows"]],
    )
    db.execute("UPDATE import_batches SET undone_at = NULL WHERE id = ?", [snapshot["batch_id"]])


def release_duplicates(db, batch_id: int, updated_at: str) -> list[int]:
    """Requests outside the batch marked duplicate of one of its requests become 'new' again; returns their ids.

    The caller then recomputes their status from their links. Call inside the undo's transaction.
    """
    ids = [r[0] for r in db.execute(
        f"SELECT id FROM requests WHERE duplicate_of IN ({_IN_BATCH}) AND batch_id IS NOT ?", [batch_id, batch_id])]
    if ids:
        db.execute(
            f"""UPDATE requests SET status = CASE WHEN status = 'duplicate' THEN 'new' ELSE status END,
                   duplicate_of = NULL, updated_at = ?
                WHERE duplicate_of IN ({_IN_BATCH}) AND batch_id IS NOT ?""",
            [updated_at, batch_id, batch_id],
        )
    return ids


def undo_batch(db, batch_id: int, undone_at: str) -> dict:
    """Remove the requests, links and unused companies a batch added. Call inside a transaction.

    Call `release_duplicates` first, so no request is left a duplicate of nothing.
    """
    links = db.execute(
        """SELECT COUNT(*) FROM links WHERE batch_id = ?
              OR request_id IN (SELECT id FROM requests WHERE batch_id = ?)""",
        [batch_id, batch_id],
    ).fetchone()[0]
    db.execute("DELETE FROM links WHERE batch_id = ?", [batch_id])
    requests = db.execute("DELETE FROM requests WHERE batch_id = ?", [batch_id]).rowcount
    # Companies of this batch, or of batches undone before, that no request uses any more.
    companies = db.execute(
        """DELETE FROM companies
           WHERE (batch_id = ? OR batch_id IN (SELECT id FROM import_batches WHERE undone_at IS NOT NULL))
             AND NOT EXISTS (SELECT 1 FROM requests r WHERE r.company_id = companies.id)""",
        [batch_id],
    ).rowcount
    db.execute("UPDATE import_batches SET undone_at = ? WHERE id = ?", [undone_at, batch_id])
    return {"batch_id": batch_id, "requests": requests, "links": links, "companies": companies}


ID_INDEX = "idx_requests_source_external"
# Indexes a load keeps up row by row: every imported row has the same key in them (status 'new',
# the batch's id, no duplicate_of) and a higher rowid than any before, so each entry lands at one
# end of its key's run, on a page already in the cache. Rebuilding one costs a scan of the whole
# table instead (0.6 s each on 1M rows).
KEPT_DURING_LOAD = ("idx_requests_status", "idx_requests_batch", "idx_requests_duplicate_of")


def suspend_indexes(db, *, with_id_index: bool = False) -> list[str]:
    """Drop indexes on requests for a bulk load; returns how to rebuild them.

    Building an index once after a large load is faster than keeping it up row by
    row. The (source, external_id) index goes too when `with_id_index`: only for a
    source with no requests yet, whose ids the caller has made unique. Call inside
    the import's transaction so a rollback brings them back.
    """
    rows = db.execute(
        f"""SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'requests'
           AND sql IS NOT NULL AND (upper(sql) NOT LIKE 'CREATE UNIQUE%' OR (? AND name = ?))
           AND name NOT IN ({', '.join('?' * len(KEPT_DURING_LOAD))})""",
        [with_id_index, ID_INDEX, *KEPT_DURING_LOAD],
    ).fetchall()
    for name, _ in rows:
        db.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in rows]


def restore_indexes(db, sqls: list[str]) -> None:
    for sql in sqls:
        db.execute(sql)


def request_count(db) -> int:
    return db.execute("SELECT COUNT(*) FROM requests").fetchone()[0]


def source_is_new(db, source: str) -> bool:
    return db.execute("SELECT 1 FROM requests WHERE source = ? LIMIT 1", [source]).fetchone() is None


def set_cache_mb(db, megabytes: int | None) -> int:
    """Set the page cache (None: leave it); returns the previous setting to put back."""
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    if megabytes is not None:
        db.execute(f"PRAGMA cache_size = {-int(megabytes) * 1024}")
    return before


def cache_bytes(db) -> int:
    """The page cache's size in bytes (a positive `cache_size` counts pages)."""
    setting = db.execute("PRAGMA cache_size").fetchone()[0]
    if setting < 0:
        return -setting * 1024
    return setting * db.execute("PRAGMA page_size").fetchone()[0]


@contextmanager
def keys_unchecked(db):
    """Within: SQLite does not look up each row's company and batch (foreign keys off), ~12% of a big insert.

    A batch's rows name only its own batch and companies it found or added in the same
    transaction, so there is nothing for the check to find. The setting cannot change inside
    a transaction: an import nested in one keeps the checks.
    """
    if db.conn.in_transaction or not db.execute("PRAGMA foreign_keys").fetchone()[0]:
        yield
        return
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        db.execute("PRAGMA foreign_keys = ON")


def restore_cache(db, setting: int) -> None:
    db.execute(f"PRAGMA cache_size = {int(setting)}")


# ---------------------------------------------------------------- batches of backlog items
# An items batch is small (a backlog, not a million-row dump): plain statements inside the caller's transaction.

def begin_item_batch(db, *, file_name, sha256, source, preset, encoding, delimiter, sheet, mapping, created_at) -> int:
    cur = db.execute(
        """INSERT INTO import_batches (kind, file_name, sha256, source, preset, encoding, delimiter, sheet, mapping,
               created_at) VALUES ('items', ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [file_name, sha256, source, preset, encoding, delimiter, sheet, json.dumps(mapping, ensure_ascii=False),
         created_at],
    )
    return cur.lastrowid


def finish_item_batch(db, batch_id: int, counts: dict) -> None:
    db.execute(
        """UPDATE import_batches SET rows_read = ?, new = ?, updated = ?, unchanged = ?, failed = ?, errors = ?,
               warnings = ? WHERE id = ?""",
        [counts["rows_read"], counts["new"], counts["updated"], counts["unchanged"], counts["failed"],
         json.dumps(counts["errors"][:200], ensure_ascii=False), json.dumps(counts["warnings"], ensure_ascii=False),
         batch_id],
    )


def items_to_match(db, source: str) -> list[dict]:
    """The items a file of `source` may update: those of the source, and those typed by hand (no source)."""
    cur = db.execute("SELECT * FROM items WHERE source = ? OR source IS NULL ORDER BY id", [source])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


_ITEMS_IN_BATCH = "SELECT id FROM items WHERE batch_id = ?"


def item_undo_counts(db, batch_id: int) -> dict:
    """How many items (and links to them) undoing an items batch would remove now."""
    items = db.execute("SELECT COUNT(*) FROM items WHERE batch_id = ?", [batch_id]).fetchone()[0]
    links = db.execute(f"SELECT COUNT(*) FROM links WHERE item_id IN ({_ITEMS_IN_BATCH})", [batch_id]).fetchone()[0]
    return {"items": items, "links": links, "requests": 0, "companies": 0}


def item_undo_losses(db, batch_id: int, *, examples: int = 3) -> dict:
    """What undoing an items batch would take away that the file did not bring: links made to its items
    since (each as `undo_losses` names one), and its items changed since it was imported (by hand or
    by a later import), each {"item_id", "item", "updated_at"}."""
    hand = db.execute(f"SELECT COUNT(*) FROM links WHERE item_id IN ({_ITEMS_IN_BATCH})", [batch_id]).fetchone()[0]
    hand_rows = db.execute(
        f"""SELECT k.request_id, r.title, k.item_id, i.title FROM links k
               JOIN requests r ON r.id = k.request_id JOIN items i ON i.id = k.item_id
            WHERE k.item_id IN ({_ITEMS_IN_BATCH}) ORDER BY k.item_id, k.request_id LIMIT ?""",
        [batch_id, examples],
    ).fetchall()
    later = """FROM items i JOIN import_batches b ON b.id = i.batch_id
               WHERE i.batch_id = ? AND i.updated_at > b.created_at"""
    updates = db.execute(f"SELECT COUNT(*) {later}", [batch_id]).fetchone()[0]
    update_rows = db.execute(f"SELECT i.id, i.title, i.updated_at {later} ORDER BY i.id LIMIT ?",
                             [batch_id, examples]).fetchall()
    return {
        "hand_links": {"count": hand, "examples": [
            {"request_id": r, "request": rt, "item_id": i, "item": it} for r, rt, i, it in hand_rows]},
        "duplicates": {"count": 0, "examples": []},
        "updates": {"count": updates, "examples": [
            {"item_id": i, "item": title, "updated_at": at} for i, title, at in update_rows]},
    }


def snapshot_item_batch(db, batch_id: int) -> dict:
    """Every row undoing an items batch deletes or changes, to put back exactly (`put_back_item_batch`).

    Call inside the undo's transaction, before `undo_item_batch`.
    """
    return {
        "kind": "items",
        "batch_id": batch_id,
        "items": _rows(db, "SELECT * FROM items WHERE batch_id = ? ORDER BY id", [batch_id]),
        "links": _rows(db, f"SELECT * FROM links WHERE item_id IN ({_ITEMS_IN_BATCH})", [batch_id]),
        "requests": _rows(db, f"""SELECT id, status FROM requests
            WHERE id IN (SELECT request_id FROM links WHERE item_id IN ({_ITEMS_IN_BATCH}))""", [batch_id]),
    }


def undo_item_batch(db, batch_id: int, undone_at: str) -> dict:
    """Remove the items a batch added, and their links; items it only updated stay. Call inside a transaction.

    Returns the counts and "request_ids", the requests that were linked to them, whose status the caller recomputes.
    """
    request_ids = [r[0] for r in db.execute(
        f"SELECT DISTINCT request_id FROM links WHERE item_id IN ({_ITEMS_IN_BATCH})", [batch_id])]
    links = db.execute(f"SELECT COUNT(*) FROM links WHERE item_id IN ({_ITEMS_IN_BATCH})", [batch_id]).fetchone()[0]
    items = db.execute("DELETE FROM items WHERE batch_id = ?", [batch_id]).rowcount  # their links go by cascade
    db.execute("UPDATE import_batches SET undone_at = ? WHERE id = ?", [undone_at, batch_id])
    return {"batch_id": batch_id, "items": items, "links": links, "requests": 0, "companies": 0,
            "request_ids": request_ids}


def put_back_item_batch(db, snapshot: dict) -> None:
    """Undo an undo of an items batch: its items and their links again, with their ids. Call inside a transaction."""
    for table in ("items", "links"):
        part = snapshot[table]
        if part["rows"]:
            names = ", ".join(f'"{c}"' for c in part["columns"])
            marks = ", ".join("?" * len(part["columns"]))
            db.conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', part["rows"])
    db.conn.executemany("UPDATE requests SET status = ? WHERE id = ?",
                        [(status, rid) for rid, status in snapshot["requests"]["rows"]])
    db.execute("UPDATE import_batches SET undone_at = NULL WHERE id = ?", [snapshot["batch_id"]])
