"""The value/effort matrix: one point per item that scoring places in a quadrant."""

from __future__ import annotations

import math
from collections import Counter

from planner.errors import ValidationError
from planner.roadmap.scores import score_rows
from planner.storage import roadmap_queries as rq
from planner.storage.db import Workspace

# In the order the matrix names them: top-left, top-right, bottom-left, bottom-right
# (value up, effort to the right).
QUADRANTS = ("quick win", "big bet", "fill-in", "time sink")
SIZE_BY = ("companies", "mrr")


def _splits(rows: list[dict], settings: dict) -> tuple[float | None, float | None]:
    """Where scoring splits value and effort, computed the way scoring computes it."""
    import numpy as np

    from planner.scoring.methods import quadrants

    placed = [r for r in rows if r.get("quadrant")]
    if not placed:
        return None, None
    value = np.array([float(r["value"]) for r in placed])
    effort = np.array([float(r["effort"]) for r in placed])
    _, v_split, e_split = quadrants(value, effort, settings.get("quadrant_split", "median"))
    return v_split, e_split


def matrix_points(ws: Workspace, *, size_by: str = "companies", rows: list[dict] | None = None) -> dict:
    """Points, split lines and quadrant counts for the value/effort matrix.

    Returns {points, value_split, effort_split, counts, size_by, max_size,
    unplaced}. Each point: id, title, value, effort, quadrant, size (companies
    or MRR), bubble (0..1, by area), status, kind, theme, score, rank,
    lane_id, lane, explanation. Items scoring leaves out of the quadrants
    (no value or effort) are counted in `unplaced`, not drawn.
    """
    if size_by not in SIZE_BY:
        raise ValidationError(f"Bubble size is by one of {', '.join(SIZE_BY)}; got {size_by!r}.")
    if rows is None:
        rows = score_rows(ws)
    from planner.scoring import get_scoring_settings

    settings = get_scoring_settings(ws)
    demand = rq.demand_by_item(ws)
    points = []
    unplaced = 0
    for row in rows:
        if not row.get("quadrant"):
            unplaced += 1
            continue
        requests, companies, mrr = demand.get(row["id"], (0, 0, 0.0))
        size = float(companies if size_by == "companies" else (mrr or 0.0))
        points.append(
            dict(
                id=row["id"], title=row["title"], value=float(row["value"]), effort=float(row["effort"]),
                quadrant=row["quadrant"], size=size, companies=companies, mrr=mrr, requests=requests,
                status=row.get("status"), kind=row.get("kind"), theme=row.get("theme"),
                score=row.get("score"), rank=row.get("rank"), lane_id=row.get("lane_id"), lane=row.get("lane"),
                explanation=row.get("explanation") or "",
            )
        )
    max_size = max((p["size"] for p in points), default=0.0)
    for p in points:
        # Area follows demand, so the radius follows its square root.
        p["bubble"] = math.sqrt(p["size"] / max_size) if max_size > 0 else 0.0
    v_split, e_split = _splits(rows, settings)
    counts = Counter(p["quadrant"] for p in points)
    return dict(
        points=points, value_split=v_split, effort_split=e_split,
        counts={q: counts.get(q, 0) for q in QUADRANTS}, size_by=size_by, max_size=max_size, unplaced=unplaced,
    )
