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
    return score_items(ws, **{"today": TODAY, "stability": False, **kw})


def _fresh(ws, tmp_path, n: int, today: str = TODAY):
    """The rows of a copy of `ws` scored from nothing: no cache in memory, no stored aggregate."""
    path = tmp_path / f"fresh{n}.db"
    dst = sqlite3.connect(path)
    ws.db.conn.backup(dst)
    dst.close()
    copy = open_workspace(path)
    try:
        demand_store.forget(copy)
        rows = _score(copy, today=today)
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


def test_a_change_to_the_companies_counts_the_links_again(busy):
    ws, rng, items, requests = busy
    _score(ws)
    company = ops.list_companies(ws)[0]
    ops.edit_company(ws, company["id"], mrr=12_345.0)
    reach.forget(ws)
    rows = _score(ws)
    assert reach._cache(ws).loads == 1
    assert any(r["mrr"] and 12_345 <= r["mrr"] for r in rows)


@pytest.mark.parametrize("days", [1, 5, 200, 400])
def test_a_new_day_recounts_only_the_items_asked_for_since_the_old_first_day(busy, tmp_path, days):
    """The window moves with the day: the stored aggregate is brought forward, never counted from every link."""
    from datetime import date, timedelta

    ws, rng, items, requests = busy
    _score(ws)
    today = date.fromisoformat(TODAY)
    for n in range(1, 6):
        today += timedelta(days=days)
        if n % 2 == 0:
            _step(ws, rng, items, requests, tmp_path, n)
        reach.forget(ws)  # as a new process on a later day
        rows = _score(ws, today=today.isoformat())
        assert reach._cache(ws).loads == 0, f"day {today}: every link was read"
        assert rows == _fresh(ws, tmp_path, n, today.isoformat()), f"day {today}"


def test_a_longer_or_shorter_own_window_moves_the_stored_aggregate_too(busy, tmp_path):
    from planner.scoring import set_scoring_settings

    ws, rng, items, requests = busy
    _score(ws)
    for n, window in enumerate((90, 730, 30), start=1):
        set_scoring_settings(ws, window_days=window)
        reach.forget(ws)
        rows = _score(ws)
        assert reach._cache(ws).loads == 0
        assert rows == _fresh(ws, tmp_path, n)


def test_a_request_dated_in_another_way_still_counts_when_the_window_moves(busy, tmp_path):
    ws, rng, items, requests = busy
    # The last day of the old window, written as SQLite also reads a date: a Julian day number and an impossible
    # day (read as the next month's first), which as text sorts before the first day.
    dates = {requests[0]: "2461010.5", requests[1]: "2025-11-31"}  # both 2025-12-01
    odd = {}
    for r, written in dates.items():
        ws.db.execute("UPDATE requests SET created_at = ? WHERE id = ?", [written, r])
        odd[r] = ops.add_item(ws, title=f"Asked for on {written}", impact=1.0, confidence=100.0, effort=1.0)["id"]
        ops.link_request(ws, r, odd[r])
    demand_store.forget(ws)
    reach.forget(ws)
    before = {r["id"]: r["requests"] for r in _score(ws, today="2026-12-01")}  # stored, nothing left in the log
    assert [before[i] for i in odd.values()] == [1, 1]
    reach.forget(ws)
    rows = _score(ws, today="2026-12-02")
    assert reach._cache(ws).loads == 0
    assert [{r["id"]: r["requests"] for r in rows}[i] for i in odd.values()] == [0, 0]  # both left the window
    assert rows == _fresh(ws, tmp_path, 1, "2026-12-02")


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


@pytest.mark.parametrize("days", [1, 5, 7])
def test_the_next_days_take_the_rows_stored_ahead_and_read_no_link(busy, tmp_path, monkeypatch, days):
    """Counted with every link at hand, the next days' rows are stored ahead: a first score on such a day reads
    them (and what the log names since), never the links, not even the items asked for on the days between."""
    from datetime import date, timedelta

    from planner.storage import demand as demand_sql

    ws, rng, items, requests = busy
    demand_store.forget(ws)
    reach.forget(ws)
    _score(ws)  # every link read: the aggregate and the days ahead stored
    assert demand_store.has_ahead(ws)
    monkeypatch.setattr(demand_sql, "items_asked_between", lambda *a: pytest.fail("recounted the items asked for"))
    for n in range(1, 4):
        if n > 1:
            _step(ws, rng, items, requests, tmp_path, n)
        today = (date.fromisoformat(TODAY) + timedelta(days=days)).isoformat()
        reach.forget(ws)
        rows = _score(ws, today=today)
        assert reach._cache(ws).loads == 0
        monkeypatch.undo()
        assert rows == _fresh(ws, tmp_path, n, today), f"step {n}"
        if not demand_store.has_ahead(ws):  # a change to the companies: counted afresh, the days ahead with it
            break
        monkeypatch.setattr(demand_sql, "items_asked_between", lambda *a: pytest.fail("recounted the items"))
