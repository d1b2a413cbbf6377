"""Each metric's values over time and the items whose reach comes from it."""

from __future__ import annotations

from planner.storage import roadmap_queries as rq
from planner.storage.db import Workspace


def metrics_overview(ws: Workspace) -> list[dict]:
    """Per metric: id, name, unit, stage, description, values [(period, value)] oldest first,
    latest, change (latest minus the one before, or None), and items.

    `items` lists the items tied to the metric, each with `draws_reach`: True when
    its reach is taken from the metric (reach source 'metric'), False when it only names it.
    """
    series = rq.metric_series(ws)
    tied: dict[int, list[dict]] = {}
    for row in rq.items_on_metrics(ws):
        tied.setdefault(row["metric_id"], []).append(
            dict(id=row["id"], title=row["title"], status=row["status"], kind=row["kind"],
                 share=row["metric_share"], draws_reach=row["reach_mode"] == "metric")
        )
    out = []
    for metric in rq.metrics(ws):
        values = series.get(metric["id"], [])
        items = sorted(tied.get(metric["id"], []), key=lambda i: (not i["draws_reach"], i["id"]))
        out.append(
            dict(
                metric,
                values=values,
                latest=values[-1][1] if values else None,
                change=(values[-1][1] - values[-2][1]) if len(values) >= 2 else None,
                items=items,
            )
        )
    return out
