"""Snapshots of the ranking and what changed since: the history a PdM shows executives.

A snapshot records every item's score, rank, lane, status and estimates, with
the scoring method and settings, a note and a time. Snapshots are taken on
demand (`planner snapshot`), at every workbook export (kind "export") and once a
day when the window opens the workspace (kind "daily"). They record; they do not
change user data, so they are not undoable operations and never join the undo
history.

Storage is compact (`planner.history_codec`, `planner.storage.history_store`):
one row per snapshot holding column arrays, most of them a delta against the
snapshot before, a full one every `FULL_EVERY`.

What `changes` returns, one row per change (every row has the same keys):

    change     before                  after                   detail
    added      None                    rank now (or None)      None
    removed    rank then (or None)     None                    None
    rank       rank then (None: unranked)  rank now            "up 3", "down 5", "into the ranking", "out of the ranking"
    lane       lane name then (None)   lane name now (None)    "slipped", "pulled in" (both lanes dated),
                                                               "onto the roadmap", "off the roadmap", else None
    status     status then             status now              None
    estimate   "effort 2"              "effort 3"              the field: impact, confidence, effort, reach, value

A rank row is written for every item whose rank differs, also when it moved only
because others changed: that is how the ranking reads to whoever compares.
"""

from __future__ import annotations

import json
import logging
from datetime import date, datetime, timezone

import numpy as np

from planner import history_codec as codec
from planner.errors import NotFoundError, ValidationError
from planner.storage import history_store as store
from planner.storage.db import Workspace

log = logging.getLogger(__name__)

SNAPSHOT_KINDS = ("manual", "export", "daily")
CHANGE_KINDS = ("added", "removed", "rank", "lane", "status", "estimate")
# A full snapshot every this many: reading any snapshot decodes at most this many blobs.
FULL_EVERY = 30
NOTE_MAX = 500
# Typed estimates compared between snapshots, with the item column each is read from.
_ESTIMATE_SOURCES = {"impact": "impact", "confidence": "confidence", "effort": "effort",
                     "reach": "reach_manual", "value": "value"}


# ---------------------------------------------------------------- taking snapshots

def take_snapshot(ws: Workspace, *, note: str = "", kind: str = "manual") -> dict:
    """Record every item's score, rank, lane, status and estimates now.

    Returns {"id", "taken_at", "note", "kind", "items"} ("items": how many were recorded).
    """
    return _take(ws, note=note, kind=kind, day=None)


def daily_snapshot(ws: Workspace, *, today=None) -> dict | None:
    """Take a snapshot of kind "daily" unless one (of any kind: an export's counts) was taken today already.

    Returns the snapshot, or None when today already has one. `today` (a date or
    "YYYY-MM-DD", default the local date) is the day the snapshot is filed under.
    """
    day = _day(today) if today is not None else date.today()
    if store.taken_on(ws, day.isoformat()):  # the usual case, answered without scoring anything
        return None
    return _take(ws, note="", kind="daily", day=day, once_a_day=True)


def snapshot_quietly(ws: Workspace, *, note: str, kind: str) -> tuple[dict | None, str | None]:
    """A snapshot that must not fail what it accompanies (an export): (snapshot, None) or (None, why not)."""
    try:
        return take_snapshot(ws, note=note, kind=kind), None
    except Exception as exc:  # noqa: BLE001 - the export is written; the record of it is a bonus
        log.debug("snapshot after %s failed", note, exc_info=True)  # the caller says it; the log keeps where
        return None, f"The export was written, but no snapshot of the ranking was taken: {exc}"


def _take(ws: Workspace, *, note, kind: str, day: date | None, once_a_day: bool = False) -> dict | None:
    if kind not in SNAPSHOT_KINDS:
        raise ValidationError(f"A snapshot's kind is one of {', '.join(SNAPSHOT_KINDS)}; got {kind!r}.")
    note = " ".join(str(note or "").split())
    if len(note) > NOTE_MAX:
        raise ValidationError(f"A snapshot's note is at most {NOTE_MAX} characters; this one has {len(note)}.")
    state, method, settings = _current(ws)
    lanes = [list(r) for r in store.lanes(ws)]
    now = datetime.now(timezone.utc).replace(microsecond=0)
    if day is not None and day != now.astimezone().date():  # filed under another day (a catch-up, a benchmark)
        now = datetime.combine(day, now.astimezone().time()).astimezone(timezone.utc)
    day = day or now.astimezone().date()
    row = {"taken_at": now.isoformat(), "day": day.isoformat(), "kind": kind, "note": note, "method": method,
           "settings": json.dumps(settings, default=str, sort_keys=True), "lanes": json.dumps(lanes),
           "items": int(len(state["ids"]))}
    with ws.db.atomic():
        if once_a_day and store.taken_on(ws, row["day"]):  # another window took it meanwhile
            return None
        parent = store.latest_snapshot(ws)
        if parent is None or parent["depth"] + 1 >= FULL_EVERY:
            row.update(parent_id=None, depth=0, data=codec.encode(state))
        else:
            previous = _decode(ws, parent["id"])
            row.update(parent_id=parent["id"], depth=parent["depth"] + 1, data=codec.encode(state, previous))
        snapshot_id = store.insert_snapshot(ws, row)
    return {"id": snapshot_id, "taken_at": row["taken_at"], "note": note, "kind": kind, "items": row["items"]}


def _current(ws: Workspace) -> tuple[dict, str, dict]:
    """Every item as it is now, scored live by the workspace's method: (state, method, settings)."""
    from planner.scoring import get_scoring_settings
    from planner.scoring.reach import cache_lock
    from planner.scoring.score import compute, resolve_params
    from planner.storage.demand import ITEM_SCORE_COLUMNS

    params = resolve_params(ws)
    with cache_lock(ws):
        scored = compute(ws, params, with_stability=False)
    method = params["method"]
    columns = list(zip(*scored.rows)) if scored.rows else [()] * len(ITEM_SCORE_COLUMNS)
    raw = dict(zip(ITEM_SCORE_COLUMNS, columns))
    state = {
        "ids": np.asarray(scored.ids, dtype=np.int64),
        "titles": np.array(raw["title"], dtype=object),
        "score": np.asarray(scored.scores[method], dtype=np.float64),
        "rank": np.asarray(scored.final, dtype=np.int32),
        "lane": np.array([v or 0 for v in raw["lane_id"]], dtype=np.int32),
        "status": codec.status_codes(raw["status"]),
    }
    for name, column in _ESTIMATE_SOURCES.items():
        state[name] = np.array([np.nan if v is None else v for v in raw[column]], dtype=np.float64)
    return state, method, dict(get_scoring_settings(ws))


# ---------------------------------------------------------------- reading them

def list_snapshots(ws: Workspace) -> list[dict]:
    """Every snapshot, newest first: {"id", "taken_at", "note", "kind", "items", "method"}."""
    return [{k: r[k] for k in ("id", "taken_at", "note", "kind", "items", "method")} for r in store.list_snapshots(ws)]


def _decode(ws: Workspace, snapshot_id: int, *, with_titles: bool = True, with_ranks: bool = True) -> dict:
    """A snapshot's state: its full ancestor, then each delta after it."""
    state = None
    links = store.chain(ws, snapshot_id)
    for n, (_, blob) in enumerate(links, 1):
        state = codec.decode(blob, state, with_titles=with_titles, with_ranks=with_ranks and n == len(links))
    return state


def _resolve(ws: Workspace, since) -> dict:
    """The snapshot `since` names: an id, a day (the last one taken on it or before), or None (the latest)."""
    if since is None:
        meta = store.latest_snapshot(ws)
        if meta is None:
            raise NotFoundError("There is no snapshot yet to compare with.", hint="Take one with `planner snapshot`.")
        return meta
    if isinstance(since, (date, datetime)) or (isinstance(since, str) and not since.strip().isdigit()):
        day = _day(since).isoformat()
        meta = store.last_on_or_before(ws, day)
        if meta is None:
            first = store.first_day(ws)
            raise NotFoundError(f"No snapshot was taken on or before {day}.",
                                hint=f"The first was taken on {first}." if first else "Take one with `planner snapshot`.")
        return meta
    try:
        snapshot_id = int(since)
    except (TypeError, ValueError):
        raise ValidationError(f"Compare since a snapshot id or a date like 2026-04-01; got {since!r}.") from None
    meta = store.snapshot_meta(ws, snapshot_id)
    if meta is None:
        raise NotFoundError(f"There is no snapshot {snapshot_id}.", hint="List them with `planner snapshots`.")
    return meta


def _day(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(f"A date is written like 2026-04-01; got {value!r}.") from None


def rank_moves(ws: Workspace, since: int) -> dict[int, int | None]:
    """Item id -> places moved up (positive) or down (negative) since snapshot `since`; None for an item new since.

    Only items ranked now are in it; one that was in the workspace but unranked
    then (unscored, shipped) counts as new to the ranking: None.
    """
    then = _decode(ws, _resolve(ws, int(since))["id"], with_titles=False)
    now, _, _ = _current(ws)
    ranked = now["rank"] > 0
    ids, ranks = now["ids"][ranked], now["rank"][ranked].astype(np.int64)
    pos = np.searchsorted(then["ids"], ids)
    ok = pos < len(then["ids"])
    before = np.zeros(len(ids), dtype=np.int64)
    before[ok] = np.where(then["ids"][pos[ok]] == ids[ok], then["rank"][pos[ok]], 0)
    moves = before - ranks
    return {i: (m if b > 0 else None) for i, b, m in zip(ids.tolist(), before.tolist(), moves.tolist())}


def changes(ws: Workspace, *, since=None) -> list[dict]:
    """What changed between a snapshot and the current state (scored live).

    `since`: a snapshot id (int), a date "YYYY-MM-DD" (the last snapshot taken on or
    before that day), or None (the latest snapshot). Rows {"item_id", "title",
    "change", "before", "after", "detail"}, change one of CHANGE_KINDS (the module's
    docstring says what before, after and detail hold for each).
    """
    meta = _resolve(ws, since)
    then = _decode(ws, meta["id"])
    now, _, _ = _current(ws)
    lanes_then = {r[0]: r for r in json.loads(meta["lanes"])}
    lanes_now = {r[0]: list(r) for r in store.lanes(ws)}
    return _compare(then, now, lanes_then, lanes_now)


def _compare(then: dict, now: dict, lanes_then: dict, lanes_now: dict) -> list[dict]:
    """The rows of CHANGE_KINDS in that order; within a kind by rank now (unranked last), then id.

    Built in that order rather than sorted afterwards: a year apart, 10k items give
    tens of thousands of rows.
    """
    last = np.iinfo(np.int64).max
    rows: list[dict] = []

    def by_rank(ranks: np.ndarray, ids: np.ndarray) -> np.ndarray:
        ranks = ranks.astype(np.int64)
        return np.lexsort((ids, np.where(ranks > 0, ranks, last)))

    def add(ids, titles, change, before, after, detail):
        rows.extend({"item_id": i, "title": t, "change": change, "before": x, "after": y, "detail": d}
                    for i, t, x, y, d in zip(ids, titles, before, after, detail))

    added = np.setdiff1d(now["ids"], then["ids"], assume_unique=True)
    at = np.searchsorted(now["ids"], added)
    at = at[by_rank(now["rank"][at], added)]
    ranks = [r or None for r in now["rank"][at].tolist()]
    add(now["ids"][at].tolist(), now["titles"][at].tolist(), "added", [None] * len(at), ranks, [None] * len(at))
    removed = np.setdiff1d(then["ids"], now["ids"], assume_unique=True)
    at = np.searchsorted(then["ids"], removed)
    ranks = [r or None for r in then["rank"][at].tolist()]
    add(removed.tolist(), then["titles"][at].tolist(), "removed", ranks, [None] * len(at), [None] * len(at))

    common, a, b = np.intersect1d(then["ids"], now["ids"], assume_unique=True, return_indices=True)
    order = by_rank(now["rank"][b], common)  # positions in `common`, as rows are listed
    a, b, common = a[order], b[order], common[order]
    titles = now["titles"][b]

    def changed(mask: np.ndarray):
        k = np.flatnonzero(mask)
        return k, common[k].tolist(), titles[k].tolist()

    r0, r1 = then["rank"][a], now["rank"][b]
    k, ids, names = changed(r0 != r1)
    before, after = [r or None for r in r0[k].tolist()], [r or None for r in r1[k].tolist()]
    add(ids, names, "rank", before, after, [_rank_words(x, y) for x, y in zip(before, after)])
    l0, l1 = then["lane"][a], now["lane"][b]
    k, ids, names = changed(l0 != l1)
    old = [lanes_then.get(x) for x in l0[k].tolist()]
    new = [lanes_now.get(y) for y in l1[k].tolist()]
    add(ids, names, "lane", [x[1] if x else None for x in old], [y[1] if y else None for y in new],
        [_lane_words(x, y) for x, y in zip(old, new)])
    s0, s1 = then["status"][a], now["status"][b]
    k, ids, names = changed(s0 != s1)
    add(ids, names, "status", [codec.status_name(x) for x in s0[k].tolist()],
        [codec.status_name(y) for y in s1[k].tolist()], [None] * len(k))

    fields = codec.ESTIMATES
    e0 = np.column_stack([then[f][a] for f in fields]) if len(a) else np.zeros((0, len(fields)))
    e1 = np.column_stack([now[f][b] for f in fields]) if len(b) else np.zeros((0, len(fields)))
    differs = ~((e0 == e1) | (np.isnan(e0) & np.isnan(e1)))
    words = [_estimate_words(f, np.concatenate([e0[:, j], e1[:, j]])) for j, f in enumerate(fields)]
    k, j = np.nonzero(differs)  # row-major: by rank, then the fields in their order
    add(common[k].tolist(), titles[k].tolist(), "estimate",
        [words[f](x) for f, x in zip(j.tolist(), e0[k, j].tolist())],
        [words[f](y) for f, y in zip(j.tolist(), e1[k, j].tolist())], [fields[f] for f in j.tolist()])
    return rows


def _rank_words(before, after) -> str:
    if before is None:
        return "into the ranking"
    if after is None:
        return "out of the ranking"
    return f"up {before - after}" if after < before else f"down {after - before}"


def _lane_words(old, new) -> str | None:
    """'slipped' when the new lane starts (or ends) later, 'pulled in' when earlier; 'onto the roadmap' from no lane,
    'off the roadmap' to none; None between lanes without dates."""
    if old is None or new is None:
        return "onto the roadmap" if new is not None else "off the roadmap"

    def when(lane):
        return (lane[3] or lane[4]) if lane else None

    a, b = when(old), when(new)
    if not a or not b or a == b:
        return None
    return "slipped" if str(b) > str(a) else "pulled in"


def _estimate_words(name: str, values: np.ndarray):
    """value -> 'effort 2', 'confidence 80%', 'reach not set'; each distinct value worded once (estimates repeat)."""
    from planner.scoring.explain import fmt

    unit = "%" if name == "confidence" else ""
    words = {v: f"{name} {fmt(v)}{unit}" for v in set(values[~np.isnan(values)].tolist())}
    return lambda value: f"{name} not set" if np.isnan(value) else words[value]


def item_history(ws: Workspace, item_id: int) -> list[dict]:
    """One item's score and rank over the snapshots, oldest first:
    {"snapshot_id", "taken_at", "score", "rank", "lane", "status"}.

    Snapshots taken before the item existed are left out; score (rounded as every
    score is shown) and rank are None where it was unscored or out of the ranking,
    lane None where it had none.
    """
    from planner.scoring.numbers import round_score

    item_id = int(item_id)
    out, states = [], {}
    for snapshot_id, parent_id, taken_at, lanes, blob in store.all_snapshots_data(ws):
        if parent_id is not None and parent_id not in states:  # a chain that forked (two writers at once)
            states[parent_id] = _decode(ws, parent_id, with_titles=False, with_ranks=False)
        state = codec.decode(blob, states.get(parent_id), with_titles=False, with_ranks=False)
        states = {snapshot_id: state}
        pos = int(np.searchsorted(state["ids"], item_id))
        if pos >= len(state["ids"]) or state["ids"][pos] != item_id:
            continue
        lane = int(state["lane"][pos])
        names = {r[0]: r[1] for r in json.loads(lanes)} if lane else {}
        out.append({"snapshot_id": snapshot_id, "taken_at": taken_at, "score": round_score(state["score"][pos]),
                    "rank": codec.rank_at(state, pos) or None, "lane": names.get(lane),
                    "status": codec.status_name(int(state["status"][pos]))})
    return out
