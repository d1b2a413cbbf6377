"""Everything an export shows, gathered from the workspace in one go.

The workbook and CSV writers only format what is here; they run no queries.
Gathering reads the scores from `planner.scoring` and the demand behind each
item from `planner.storage.export_queries`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from planner.errors import check_progress
from planner.money import SETTING as CURRENCY_SETTING, currency_code
from planner.roadmap.board import BUSINESS_HIDDEN_STATUSES
from planner.storage import export_queries, queries
from planner.storage.db import Workspace

EDITIONS = ("internal", "business")
LANE_MODES = ("quarters", "releases", "now-next-later")
LANE_KIND = {"quarters": "quarter", "releases": "release", "now-next-later": "horizon"}
# Statuses that a customer can be told about: it is coming, or it is here.
TELLABLE_STATUSES = ("planned", "in_progress", "shipped")
TOP_COMPANIES = 3

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\uac00-\ud7af]")


@dataclass
class Snapshot:
    workspace: str
    exported_at: datetime
    edition: str
    lanes_mode: str
    include_companies: bool
    settings: dict
    items: list[dict]                     # scored and ranked
    lanes: list[dict]                     # lanes of the chosen kind, each with "items"
    demand: dict[int, dict]               # item id -> requests, companies, mrr, segments, top companies
    companies: dict[int, list[dict]]      # item id -> companies that asked, top first
    details: dict[int, dict]              # item id -> notes, owner, dates
    requests: list[tuple] = field(default_factory=list)  # linked requests (internal edition)
    request_count: int = 0
    currency: str = "USD"  # the workspace currency's ISO code (`planner.money`)
    has_cjk: bool = False
    language: str = "en"  # the reader's language: "en" or "ja" (`words_ja.py`)
    fiscal_start: int = 1  # the month the workspace's fiscal year starts in
    # What moved since the last exported workbook (`planner.exporting.changes`); None: there was none before.
    changes: dict | None = None
    changes_since: datetime | None = None
    changes_unread: str | None = None  # why the history could not be compared with, when it could not

    @property
    def internal(self) -> bool:
        return self.edition == "internal"

    @property
    def show_companies(self) -> bool:
        return self.internal or self.include_companies


def workspace_currency(ws: Workspace) -> str:
    """The ISO code of the workspace's currency; an old workspace's symbol ("¥") as the code it stands for."""
    return currency_code(queries.get_settings_lenient(ws, (CURRENCY_SETTING,)).get(CURRENCY_SETTING))


def parse_day(value) -> date | None:
    """A stored ISO date or timestamp as a date; anything else as None."""
    if not value:
        return None
    if isinstance(value, date):
        return value if not isinstance(value, datetime) else value.date()
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _scores(ws: Workspace) -> tuple[list[dict], dict]:
    from planner.scoring import get_scoring_settings, score_items

    settings = dict(get_scoring_settings(ws))
    return score_items(ws), settings


def gather(
    ws: Workspace,
    *,
    edition: str = "internal",
    lanes: str = "quarters",
    include_companies: bool = True,
    with_requests: bool | None = None,
    progress=None,
) -> Snapshot:
    """Read what the export needs; `with_requests` defaults to the internal edition."""
    check_progress(progress, 0, None, "Scoring items")
    items, settings = _scores(ws)
    internal = edition == "internal"
    hidden = set() if internal else {i["id"] for i in items if i.get("status") in BUSINESS_HIDDEN_STATUSES}
    if hidden:
        # Ranks stay as the planner computed them: a gap shows where dropped work sat.
        items = [i for i in items if i["id"] not in hidden]
    check_progress(progress, 0, None, "Reading demand")
    # One read transaction: in WAL mode the sheets then agree with each other even if
    # the GUI writes while a background export runs.
    with ws.db.atomic():
        return _read(ws, items, settings, hidden, edition=edition, lanes=lanes,
                     include_companies=include_companies, with_requests=with_requests, progress=progress)


def _read(ws, items, settings, hidden, *, edition, lanes, include_companies, with_requests, progress) -> Snapshot:
    internal = edition == "internal"
    kind = LANE_KIND[lanes]
    lane_rows = queries.list_lanes(ws, kind=kind)
    by_lane: dict[int, list[dict]] = {lane["id"]: [] for lane in lane_rows}
    for row in export_queries.roadmap_items(ws, kind=kind):
        if row["id"] not in hidden:
            by_lane[row["lane_id"]].append(row)
    for lane in lane_rows:
        lane["items"] = by_lane[lane["id"]]
    demand: dict[int, dict] = {}
    companies: dict[int, list[dict]] = {}
    for (item_id, company_id, name, segment, plan, mrr, n, critical, last_asked, requesters, emails) in (
        export_queries.demand_pairs(ws)
    ):
        if item_id in hidden:
            continue
        d = demand.get(item_id)
        if d is None:
            d = demand[item_id] = {"requests": 0, "companies": 0, "mrr": None, "critical": 0, "last_asked": None,
                                   "segments": set(), "top_companies": []}
        d["requests"] += n
        d["critical"] += critical or 0
        if last_asked and (d["last_asked"] is None or last_asked > d["last_asked"]):
            d["last_asked"] = last_asked
        if company_id is None:
            continue
        d["companies"] += 1
        if mrr is not None:
            d["mrr"] = (d["mrr"] or 0) + mrr
        if segment:
            d["segments"].add(segment)
        row = {"company_id": company_id, "company": name, "segment": segment, "plan": plan, "mrr": mrr,
               "requests": n, "last_asked": last_asked, "requesters": requesters, "emails": emails}
        companies.setdefault(item_id, []).append(row)
        if len(d["top_companies"]) < TOP_COMPANIES:
            d["top_companies"].append(row)
    for d in demand.values():
        d["segments"] = ", ".join(sorted(d["segments"])) or None
    if with_requests is None:
        with_requests = internal
    requests = export_queries.linked_requests(ws) if with_requests else []
    request_count = len(requests) if with_requests else export_queries.count_linked_requests(ws)
    check_progress(progress, 0, None, "Writing")
    has_cjk = any(_CJK.search(item.get("title") or "") for item in items) or any(
        _CJK.search(r[5] or "") for r in requests[:5000]
    ) or any(_CJK.search(c["company"] or "") for rows in companies.values() for c in rows[:1])
    shown = _workspace_settings(ws)
    return Snapshot(
        workspace=shown["name"],
        exported_at=datetime.now().replace(microsecond=0),
        edition=edition,
        lanes_mode=lanes,
        include_companies=include_companies,
        settings=settings,
        items=items,
        lanes=lane_rows,
        demand=demand,
        companies=companies,
        details=export_queries.item_details(ws),
        requests=requests,
        request_count=request_count,
        currency=workspace_currency(ws),
        has_cjk=has_cjk,
        fiscal_start=shown["fiscal_year_start"],
    )


def _workspace_settings(ws: Workspace) -> dict:
    """The name the user gave the workspace (else its file's) and the fiscal year's first month."""
    from planner.ops.settings import workspace_settings

    return workspace_settings(ws)

