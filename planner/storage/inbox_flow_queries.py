"""Read queries behind the inbox flow: the texts of the requests still waiting, to find repeats of one."""

from __future__ import annotations

from planner.storage.db import Workspace
from planner.storage.triage_queries import _UNLINKED, INBOX_COLUMNS


def waiting_texts(ws: Workspace, *, exclude: int) -> list[tuple]:
    """(id, title, body, requester, email, company) of every request in the inbox (new and linked to nothing)
    but `exclude`."""
    return ws.db.execute(
        f"""SELECT r.id, COALESCE(r.title, ''), COALESCE(r.body, ''), r.requester, r.email, c.name
            FROM requests r LEFT JOIN companies c ON c.id = r.company_id
            WHERE {_UNLINKED} AND r.id != ? ORDER BY r.id""",
        [int(exclude)],
    ).fetchall()


def inbox_rows(ws: Workspace, ids: list[int]) -> dict[int, dict]:
    """The inbox's columns (company, segment, requester…) of these requests, by id."""
    found: dict[int, dict] = {}
    for start in range(0, len(ids), 500):  # SQLite caps the number of parameters
        chunk = [int(i) for i in ids[start:start + 500]]
        marks = ",".join("?" * len(chunk))
        for row in ws.db.query(
            f"SELECT {INBOX_COLUMNS} FROM requests r LEFT JOIN companies c ON c.id = r.company_id WHERE r.id IN ({marks})",
            chunk,
        ):
            found[row["id"]] = row
    return found


def waiting_count(ws: Workspace, *, company_id: int | None = None) -> int:
    """How many requests wait in the inbox; only this company's when `company_id` is given."""
    if company_id is None:
        return ws.db.execute(f"SELECT COUNT(*) FROM requests r WHERE {_UNLINKED}").fetchone()[0]
    return ws.db.execute(f"SELECT COUNT(*) FROM requests r WHERE {_UNLINKED} AND r.company_id = ?",
                         [int(company_id)]).fetchone()[0]


def request_owners(ws: Workspace, *, exclude: int) -> list[tuple]:
    """(id, title, status, company, company_id, requester, email) of every request that can be an original
    (not itself a duplicate), for the duplicate picker."""
    return ws.db.execute(
        """SELECT r.id, r.title, r.status, c.name, r.company_id, r.requester, r.email
           FROM requests r LEFT JOIN companies c ON c.id = r.company_id
           WHERE r.id != ? AND r.status != 'duplicate' ORDER BY r.id""",
        [int(exclude)],
    ).fetchall()


def request_owner(ws: Workspace, request_id: int) -> tuple | None:
    """(id, title, status, company, company_id, requester, email) of one request."""
    return ws.db.execute(
        """SELECT r.id, r.title, r.status, c.name, r.company_id, r.requester, r.email
           FROM requests r LEFT JOIN companies c ON c.id = r.company_id WHERE r.id = ?""",
        [int(request_id)],
    ).fetchone()
