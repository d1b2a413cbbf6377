"""The scores the board and the matrix show, from `planner.scoring`."""

from __future__ import annotations

from planner.storage.db import Workspace


def score_rows(ws: Workspace, *, stability: bool = True) -> list[dict]:
    """Every item's score row (rank order), as `planner.scoring.score_items` gives them."""
    from planner.scoring import score_items

    return score_items(ws, stability=stability)


def scores_by_id(ws: Workspace, rows: list[dict] | None = None, *, board: bool = False) -> dict[int, dict]:
    """Score rows by item id. `board`: only what a card shows (score, rank), without the
    rank-stability simulation, which the board does not show and which costs time."""
    if rows is None:
        rows = score_rows(ws, stability=not board)
    if board:
        return {row["id"]: {"score": row["score"], "rank": row["rank"]} for row in rows}
    return {row["id"]: row for row in rows}
