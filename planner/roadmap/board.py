"""Board data: lanes as columns with their cards (cards move through `planner.ops.move_items`)."""

from __future__ import annotations

from planner.errors import NotFoundError, ValidationError
from planner.roadmap.scores import scores_by_id
from planner.storage import roadmap_queries as rq
from planner.storage.db import Workspace

LANE_MODES = {"quarters": "quarter", "releases": "release", "now-next-later": "horizon"}
# The business edition of the workbook tells customers nothing about dropped work.
BUSINESS_HIDDEN_STATUSES = ("wont_do",)
# The column of items on no lane yet; its lane id is None.
UNPLANNED = "Not planned"


def lane_kind_of(lanes: str) -> str:
    if lanes not in LANE_MODES:
        raise ValidationError(f"Lanes are one of {', '.join(LANE_MODES)}; got {lanes!r}.")
    return LANE_MODES[lanes]


def _lane_figures(row: dict, business: bool) -> dict:
    cap = row.get("capacity")
    planned = float(row.get("effort_planned") or 0.0)
    over = cap is not None and planned > cap + 1e-9
    lane = dict(
        id=row["id"], name=row["name"], kind=row["kind"],
        start_date=row.get("start_date"), end_date=row.get("end_date"),
        capacity=cap, effort_planned=planned, over_capacity=over,
        over_by=round(planned - cap, 2) if over else 0.0,
        unestimated=int(row.get("unestimated") or 0), item_count=int(row.get("items") or 0),
    )
    if business:
        # Effort and capacity are internal figures; the business edition shows neither.
        lane.update(capacity=None, effort_planned=None, over_capacity=False, over_by=0.0, unestimated=0)
    return lane


def board(
    ws: Workspace,
    *,
    lanes: str = "quarters",
    theme: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    business: bool = False,
    unplanned: bool | None = None,
    scores: dict | None = None,
) -> list[dict]:
    """The board's columns in order, each with its cards in order.

    Each lane: id (None for the not-planned column), name, kind, start_date,
    end_date, capacity, effort_planned, over_capacity, over_by, unestimated,
    item_count and items. A lane's effort and capacity count every item in
    it whatever the filters, since capacity is a fact about the team, not
    about the view. Cards: id, title, score, rank, status, kind, theme,
    companies, requests, mrr, effort, position, lane_id.

    `unplanned` (default: not in the business view) adds a first column of
    the items on no lane, best rank first, so they can be dragged onto the
    roadmap; a card dropped there takes its place by rank.
    `scores` (id -> score row) saves rescoring when the caller has them.
    """
    lane_kind = lane_kind_of(lanes)
    if unplanned is None:
        unplanned = not business
    if scores is None:
        scores = scores_by_id(ws, board=True)
    demand = rq.demand_by_item(ws)
    columns = [_lane_figures(row, business) for row in rq.lanes_of_kind(ws, lane_kind)]
    for column in columns:
        column["items"] = []
    by_id = {column["id"]: column for column in columns}
    if unplanned:
        loose = dict(
            id=None, name=UNPLANNED, kind=None, start_date=None, end_date=None, capacity=None,
            effort_planned=None, over_capacity=False, over_by=0.0, unestimated=0, item_count=0, items=[],
        )
        columns.insert(0, loose)
        by_id[None] = loose
    hidden = BUSINESS_HIDDEN_STATUSES if business else ()
    for row in rq.board_items(ws, lane_kind=lane_kind):
        column = by_id.get(row["lane_id"])
        if column is None:
            continue
        if row["lane_id"] is None:
            column["item_count"] += 1
        if row["status"] in hidden:
            continue
        if (theme is not None and (row["theme"] or "") != theme) or (kind and row["kind"] != kind) or (
            status and row["status"] != status
        ):
            continue
        requests, companies, mrr = demand.get(row["id"], (0, 0, 0.0))
        score = scores.get(row["id"]) or {}
        column["items"].append(
            dict(
                id=row["id"], title=row["title"], status=row["status"], kind=row["kind"], theme=row["theme"],
                score=score.get("score"), rank=score.get("rank"),
                companies=companies, requests=requests, mrr=mrr,
                effort=None if business else row["effort"],
                position=row["lane_position"], lane_id=row["lane_id"],
            )
        )
    if unplanned:
        # Items on no lane have no place to keep: the best candidates come first.
        columns[0]["items"].sort(key=lambda c: (c["rank"] is None, c["rank"] or 0, c["id"]))
    return columns


def elsewhere(ws: Workspace, *, lanes: str = "quarters") -> dict[str, int]:
    """Items a board of `lanes` does not show because they sit on lanes of another kind,
    counted by lane mode ('quarters', 'releases', 'now-next-later')."""
    modes = {kind: mode for mode, kind in LANE_MODES.items()}
    return {modes[kind]: n for kind, n in rq.items_on_other_kinds(ws, lane_kind_of(lanes)).items() if kind in modes}


def themes(ws: Workspace) -> list[str]:
    """The themes items carry, for the board's filter."""
    return rq.themes(ws)


def lane_list(ws: Workspace, *, kind: str | None = None) -> list[dict]:
    """Every lane (of `kind` when given) in board order: quarters, releases, then Now/Next/Later,
    each kind in the order of its columns, with the figures of the board's lane columns
    (capacity, effort_planned, over_capacity, over_by, unestimated, item_count) and its position."""
    kinds = [kind] if kind else list(LANE_MODES.values())
    lanes = []
    for lane_kind in kinds:
        for row in rq.lanes_of_kind(ws, lane_kind):
            lanes.append(dict(_lane_figures(row, False), position=row["position"]))
    return lanes


def capacity(ws: Workspace, lane_id: int) -> dict:
    """A lane's capacity (person-months) against the effort planned into it."""
    row = rq.lane(ws, lane_id)
    if row is None:
        raise NotFoundError(f"There is no lane {lane_id}.")
    figures = _lane_figures(row, False)
    cap = figures["capacity"]
    figures["remaining"] = None if cap is None else round(cap - figures["effort_planned"], 2)
    return figures
