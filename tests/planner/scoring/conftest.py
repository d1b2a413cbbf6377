from __future__ import annotations

import pytest

from planner import ops
from planner.storage import open_workspace


@pytest.fixture
def ws(tmp_path):
    workspace = open_workspace(tmp_path / "scoring.db")
    yield workspace
    workspace.close()


@pytest.fixture
def ask(ws):
    """ask(item, company=..., person=..., created=..., importance=...) -> request id, linked to the item."""

    def _ask(item_id, *, company=None, person=None, created="2026-06-01", importance="important", title=None):
        title = title or f"ask {item_id} {company} {person} {created} {ask.n}"
        ask.n += 1
        req = ops.add_request(ws, title=title, company=company, requester=person, created_at=created)
        ops.link_request(ws, req["id"], item_id, importance=importance)
        return req["id"]

    ask.n = 0
    return _ask
