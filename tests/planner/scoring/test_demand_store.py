"""The demand aggregate kept in the workspace stays what a fresh count of the links gives.

A first score reads the stored per-item aggregate instead of every link and
recomputes only the items the change log names since. Whatever happens to the
links, the requests or the companies in between, the scores must be those of
a fresh aggregation: each step here compares with a copy of the workspace
scored from nothing.
"""

from __future__ import annotations

import random
import sqlite3

import pytest

from planner import importing, ops
from planner.scoring import reach, score_items
from planner.storage import demand_store, open_workspace

TODAY = "2026-11-01"
COMPANIES = ("Acme", "Beta", "Core", "Delta", "Echo")
SEGMENTS = ("Enterprise", "SMB", None)


def _score(ws, **kw):
    return score_items(ws, today=TODAY, stability=False, **kw)


def _fresh(ws, tmp_path, n: int):
    """The rows of a copy of `ws` scored from nothing: no cache in memory, no stored aggregate."""
    path = tmp_path / f"fresh{n}.db"
    dst = sqlite3.connect(path)
    ws.db.conn.backup(dst)
    dst.close()
    copy = open_workspace(path)
    try:
        demand_store.forget(copy)
        rows = _score(copy)
        assert reach._cache(copy).loads == 1  # it did read the links
    finally:
        reach.forget(copy)
        copy.close()
    return rows


@pytest.fixture
def busy(ws):
    """A small random workspace: 6 items, 5 companies in segments, 40 requests over two years, linked at random."""
    rng = random.Random(11)
    for i, name in enumerate(COMPANIES):
        ops.upsert_company(ws, name=name, segment=SEGMENTS[i % 3], mrr=float(100 * (i + 1)))
    items = [ops.add_item(ws, title=f"Item {i}", reach_mode=("companies", "requests", "weighted", "mrr")[i % 4],
                          impact=1.0, confidence=100.0, effort=2.0)["id"] for i in range(6)]
    requests = []
    for r in range(40):
        company = rng.choice(COMPANIES + (None,))
        req = ops.add_request(ws, title=f"Ask {r}", company=company, requester=f"person{rng.randint(0, 12)}",
                              created_at=f"{rng.choice((2025, 2026))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        requests.append(req["id"])
        for item in rng.sample(items, rng.randint(0, 3)):
            ops.link_request(ws, req["id"], item, importance=rng.choice(("nice_to_have", "important", "critical")))
    return ws, rng, items, requests


def _links(ws) -> set[tuple[int, int]]:
    return {tuple(r) for r in ws.db.execute("SELECT request_id, item_id FROM links").fetchall()}


def _step(ws, rng, items, requests, tmp_path, n) -> str:
    """One random change to the links, the requests or the companies; what it was."""
    kind = rng.choice(("link", "unlink", "redate", "mrr", "segment", "import"))
    if kind == "link":
        free = [(r, i) for r in requests for i in items if (r, i) not in _links(ws)]
        r, i = rng.choice(free)
        ops.link_request(ws, r, i, importance=rng.choice(("nice_to_have", "important", "critical")))
    elif kind == "unlink" and _links(ws):
        r, i = rng.choice(sorted(_links(ws)))
        ops.unlink_request(ws, r, i)
    elif kind == "redate":  # in or out of the window: the year decides
        r = rng.choice(requests)
        ws.db.execute("UPDATE requests SET created_at = ? WHERE id = ?", [f"{rng.choice((2024, 2026))}-10-15", r])
    elif kind == "mrr":
        company = rng.choice(ops.list_companies(ws))
        ops.edit_company(ws, company["id"], mrr=float(rng.randint(1, 50) * 100))
    elif kind == "segment":
        company = rng.choice(ops.list_companies(ws))
        ops.edit_company(ws, company["id"], segment=rng.choice(("Enterprise", "SMB", "Mid-market")))
    else:  # an import whose requests get linked, then undone: its links go with it
        path = tmp_path / f"batch{n}.csv"
        path.write_text("ID,Title,Company,Email,Date\n" + "".join(
            f"B{n}-{k},Imported {n} {k},{rng.choice(COMPANIES)},new{k}@example.com,2026-09-{k + 1:02d}\n"
            for k in range(4)), encoding="utf-8")
        batch = importing.import_requests(ws, path, source=f"sheet{n}")
        new = [r["id"] for r in ops.list_requests(ws) if r["batch_id"] == batch["batch_id"]]
        for r in new:
            ops.link_request(ws, r, rng.choice(items))
        return "import, undone later" if not rng.random() < 0.5 else _undo(ws, batch["batch_id"])
    return kind


def _undo(ws, batch_id: int) -> str:
    ops.undo_import(ws, batch_id)
    return "import and its undo"


def test_scores_from_the_stored_aggregate_equal_a_fresh_count_after_every_change(busy, tmp_path):
    ws, rng, items, requests = busy
    assert _score(ws) == _fresh(ws, tmp_path, 0)
    for n in range(1, 31):
        what = _step(ws, rng, items, requests, tmp_path, n)
        if rng.random() < 0.5:
            reach.forget(ws)  # as a new process: the stored aggregate and the log since, no links read
        assert _score(ws) == _fresh(ws, tmp_path, n), f"step {n}: {what}"


def test_a_first_score_reads_the_stored_aggregate_not_the_links(busy):
    ws, rng, items, requests = busy
    first = _score(ws)
    reach.forget(ws)
    assert _score(ws) == first
    assert reach._cache(ws).loads == 0

    ops.link_request(ws, requests[0], items[-1], importance="critical")  # recomputed from that item's links only
    reach.forget(ws)
    after = _score(ws)
    assert reach._cache(ws).loads == 0
    assert {r["id"]: r["requests"] for r in after}[items[-1]] >= {r["id"]: r["requests"] for r in first}[items[-1]]


def test_a_change_to_the_companies_or_another_day_counts_the_links_again(busy):
    ws, rng, items, requests = busy
    _score(ws)
    company = ops.list_companies(ws)[0]
    ops.edit_company(ws, company["id"], mrr=12_345.0)
    reach.forget(ws)
    rows = _score(ws)
    assert reach._cache(ws).loads == 1
    assert any(r["mrr"] and 12_345 <= r["mrr"] for r in rows)

    reach.forget(ws)
    score_items(ws, today="2026-11-02", stability=False)  # the window moved: counted again, and stored for that day
    assert reach._cache(ws).loads == 1
    reach.forget(ws)
    score_items(ws, today="2026-11-02", stability=False)
    assert reach._cache(ws).loads == 0


def test_another_window_than_the_workspaces_is_counted_and_not_stored(busy):
    ws, rng, items, requests = busy
    own = _score(ws)
    meta = demand_store.stored_meta(ws)
    _score(ws, window_days=30)
    assert demand_store.stored_meta(ws) == meta
    reach.forget(ws)
    assert _score(ws) == own


def test_another_writer_holding_the_file_neither_fails_nor_stalls_the_score(busy, tmp_path):
    ws, _rng, _items, _requests = busy
    expected = _fresh(ws, tmp_path, 0)
    demand_store.forget(ws)
    reach.forget(ws)
    other = sqlite3.connect(ws.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # an import in another window, writing for a minute
    try:
        with ws.waiting_at_most(30):  # were the cache write to wait, it would wait far longer than the score takes
            assert _score(ws) == expected
        assert demand_store.stored_meta(ws) is None  # nothing stored: the next score tries again
    finally:
        other.execute("ROLLBACK")
        other.close()
    reach.forget(ws)
    assert _score(ws) == expected and demand_store.stored_meta(ws) is not None
