"""A big workspace for trying the board and the matrix at scale (benchmarks, screenshots).

`add_sample_items` tops a workspace up to `total` items with estimates, lanes and
demand, in a few bulk inserts (a second for 2,000 items) rather than through
`ops.add_item` one by one.
"""

from __future__ import annotations

import random
from datetime import date

from planner import ops
from planner.storage import queries, writes
from planner.storage import roadmap_queries as rq
from planner.storage.db import Workspace
from planner.text import now_iso

_VERBS = ("Faster", "Bulk", "Custom", "Smarter", "Shared", "Offline", "Scheduled", "Audited", "Mobile", "Nested")
_NOUNS = ("exports", "dashboards", "filters", "reports", "permissions", "webhooks", "templates", "imports",
          "notifications", "search", "comments", "timelines", "invoices", "integrations", "labels")
_THEMES = ("Security", "Productivity", "Reporting", "Integrations", "Mobile", "Platform", "Onboarding")


def add_sample_items(ws: Workspace, *, total: int = 2000, seed: int = 7, today: date | None = None) -> int:
    """Add items until the workspace holds `total`; returns how many were added.

    An empty workspace gets the demo first (lanes, companies, requests); the
    new items are spread over every lane and the not-planned column, and
    each links a few existing requests so that demand varies.
    """
    if queries.is_empty(ws):
        from planner.demo import load_demo

        load_demo(ws, today=today)
    ops.add_default_lanes(ws, today=today)
    rng = random.Random(seed)
    have = queries.counts(ws)["items"]
    wanted = max(0, total - have)
    if not wanted:
        return 0
    lane_ids = [lane["id"] for lane in queries.list_lanes(ws)]
    request_ids = rq.countable_request_ids(ws)
    next_item, _ = rq.max_ids(ws)
    stamp = now_iso()
    items, links = [], []
    next_pos = {lane_id: 1000.0 for lane_id in lane_ids}
    for n in range(wanted):
        item_id = next_item + 1 + n
        lane_id = rng.choice(lane_ids) if rng.random() < 0.6 else None
        status = rng.choices(ops.STATUSES, [30, 25, 20, 10, 8, 7])[0]
        items.append(dict(
            id=item_id,
            title=f"{rng.choice(_VERBS)} {rng.choice(_NOUNS)} #{item_id}",
            kind=rng.choices(ops.KINDS, [50, 25, 12, 8, 5])[0],
            status=status, theme=rng.choice(_THEMES),
            impact=rng.choice(ops.IMPACTS), confidence=float(rng.choice([50, 80, 100])),
            # Most values come from demand, as in a real backlog; some are typed in.
            effort=float(rng.choice([0.25, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 13])),
            value=round(rng.uniform(1, 10), 1) if rng.random() < 0.3 else None,
            reach_mode="requests" if rng.random() < 0.8 else "manual",
            reach_manual=float(rng.choice([20, 80, 200, 500])),
            lane_id=lane_id, lane_position=None,
            created_at=stamp, updated_at=stamp,
        ))
        if lane_id is not None:
            items[-1]["lane_position"] = next_pos[lane_id]
            next_pos[lane_id] += 1.0
        if request_ids:
            for request_id in rng.sample(request_ids, k=min(len(request_ids), int(rng.expovariate(0.25)))):
                links.append(dict(request_id=request_id, item_id=item_id,
                                  importance=rng.choice(ops.IMPORTANCES), created_at=stamp))
    with ws.db.atomic():
        writes.insert_many(ws, "items", items)
        writes.insert_many(ws, "links", links, batch_size=1000)
        # Capacity in proportion to what landed in each lane, so that some lanes are over and some not.
        for lane in queries.list_lanes(ws):
            planned = lane["effort_planned"] or 0
            writes.update_rows(ws, "lanes", [lane["id"]], {"capacity": round(max(4.0, planned * rng.uniform(0.8, 1.25)))})
    return wanted
