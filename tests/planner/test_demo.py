from datetime import date

from planner import ops
from planner.demo import load_demo
from planner.storage import open_workspace


def test_demo_is_the_same_every_time(tmp_path):
    dumps = []
    for name in ("a.db", "b.db"):
        with open_workspace(tmp_path / name) as ws:
            load_demo(ws, today=date(2026, 11, 23))
            dumps.append([(r["title"], r["company"], r["created_at"], r["status"]) for r in ops.list_requests(ws)])
    assert dumps[0] == dumps[1]


def test_demo_shapes_a_real_backlog(demo_ws):
    items = ops.list_items(demo_ws)
    assert len(items) >= 40
    lanes = ops.list_lanes(demo_ws)
    assert {l["kind"] for l in lanes} == {"quarter", "horizon", "release"}
    assert len([l for l in lanes if l["kind"] == "quarter"]) == 4
    metrics = demo_ws.db["metrics"].count
    assert metrics >= 4 and demo_ws.db["metric_values"].count >= 4 * 12
    statuses = [r["status"] for r in ops.list_requests(demo_ws)]
    assert statuses.count("duplicate") >= 3 and statuses.count("new") >= 20
    # Requests fall inside the last 12 months, so the default window sees them.
    dates = sorted(r["created_at"] for r in ops.list_requests(demo_ws))
    assert dates[0] >= "2025-11-23" and dates[-1] <= "2026-11-23"


def test_one_big_customer_stands_behind_some_items(demo_ws):
    rows = demo_ws.db.execute(
        """SELECT l.item_id, COUNT(DISTINCT r.company_id) FROM links l JOIN requests r ON r.id = l.request_id
           GROUP BY l.item_id"""
    ).fetchall()
    single = [item for item, companies in rows if companies == 1]
    broad = [item for item, companies in rows if companies >= 20]
    assert single and broad
