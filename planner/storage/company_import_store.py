"""SQL for importing companies from a CRM export or a sheet: the companies as they are, the batch, the writes.

A CRM export holds thousands of companies, not millions: plain statements in
the caller's transaction are enough, and each row goes through the journal so
the window's Undo takes the import back.
"""

from __future__ import annotations

import json

# The columns an import reads to match companies and to tell what it would change.
COMPANY_COLUMNS = ("id", "name", "name_key", "segment", "plan", "mrr", "arr", "renewal_date", "owner", "domain",
                   "external_id")
# The columns an import may set (the name only on a company it adds).
WRITABLE = ("segment", "plan", "mrr", "arr", "renewal_date", "owner", "domain", "external_id")


def companies(db) -> list[dict]:
    """Every company, oldest first, with the columns an import matches on and may change."""
    cursor = db.execute(f"SELECT {', '.join(COMPANY_COLUMNS)} FROM companies ORDER BY id")
    return [dict(zip(COMPANY_COLUMNS, row)) for row in cursor.fetchall()]


def begin_batch(db, *, file_name: str, sha256: str | None, source: str, sheet: str | None, encoding: str | None,
                delimiter: str | None, mapping: dict, created_at: str) -> int:
    """The `import_batches` row of a companies import (kind 'companies'); returns its id."""
    cursor = db.execute(
        """INSERT INTO import_batches (kind, file_name, sha256, source, sheet, encoding, delimiter, mapping, created_at)
           VALUES ('companies', ?, ?, ?, ?, ?, ?, ?, ?)""",
        [file_name, sha256, source, sheet, encoding, delimiter, json.dumps(mapping, ensure_ascii=False), created_at],
    )
    return cursor.lastrowid


def finish_batch(db, batch_id: int, report: dict) -> None:
    db.execute(
        """UPDATE import_batches SET rows_read = ?, new = ?, updated = ?, unchanged = ?, duplicates = ?, failed = ?,
               companies_new = ?, errors = ?, warnings = ? WHERE id = ?""",
        [report["rows_read"], report["new"], report["updated"], report["unchanged"], report["duplicates"],
         report["failed"], report["new"], json.dumps(report["errors"][:200], ensure_ascii=False),
         json.dumps(report["warnings"], ensure_ascii=False), batch_id],
    )


def add_companies(db, rows: list[dict], *, batch_id: int | None, created_at: str) -> None:
    """Insert companies: each row has name and name_key, and any of `WRITABLE`."""
    if not rows:
        return
    columns = ("name", "name_key") + WRITABLE
    db.conn.executemany(
        f"INSERT INTO companies ({', '.join(columns)}, batch_id, created_at) "
        f"VALUES ({', '.join('?' * len(columns))}, ?, ?)",
        [[row.get(c) for c in columns] + [batch_id, created_at] for row in rows],
    )


def update_companies(db, changes: list[tuple[int, dict]]) -> None:
    """Set some columns (of `WRITABLE`) of some companies: [(company id, {column: value})]."""
    by_columns: dict[tuple, list] = {}
    for company_id, values in changes:
        columns = tuple(c for c in WRITABLE if c in values)
        if columns:
            by_columns.setdefault(columns, []).append([values[c] for c in columns] + [int(company_id)])
    for columns, params in by_columns.items():
        db.conn.executemany(f"UPDATE companies SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?", params)
