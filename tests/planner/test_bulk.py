"""Bulk inserts build big workspaces fast, all or nothing."""

import sqlite3

import pytest

from planner import ops
from planner.storage.bulk import insert_workspace_rows


def test_bulk_rows_are_read_back_like_any_other(ws):
    counts = insert_workspace_rows(
        ws,
        companies=[{"id": 1, "name": "Acme", "name_key": "acme", "segment": "SMB", "mrr": 100.0}],
        items=[{"id": n, "title": f"Item {n}", "impact": 1.0, "confidence": 80.0, "effort": 2.0} for n in range(1, 101)],
        requests=[{"id": 1, "title": "Please", "company_id": 1, "created_at": "2026-01-01", "status": "linked"}],
        links=[{"request_id": 1, "item_id": 7}],
    )
    assert counts == {"companies": 1, "items": 100, "requests": 1, "links": 1}
    assert len(ops.list_items(ws)) == 100
    assert ops.get_item(ws, 7)["status"] == "idea"
    assert [r["id"] for r in ops.list_requests(ws, item_id=7)] == [1]


def test_a_bad_row_writes_nothing(ws, dump):
    before = dump(ws)
    with pytest.raises(sqlite3.IntegrityError):
        insert_workspace_rows(ws, items=[{"title": "fine"}, {"title": "bad", "status": "nonsense"}])
    assert dump(ws) == before


def test_item_summaries_match_the_full_rows(demo_ws):
    from planner.storage import queries

    full = {r["id"]: r for r in ops.list_items(demo_ws)}
    summaries = queries.list_item_summaries(demo_ws)
    assert len(summaries) == len(full)
    for row in summaries:
        assert {k: full[row["id"]][k] for k in row} == row
