"""Demand per item, computed over the links held in memory as numpy columns.

The links are read from SQLite once per workspace connection and then kept
current from the `score_changes` log (only the items whose links or requests
changed are reread). A change of window, segment or weights is one columnar
pass: no SQL, no Python loop over links.

Who counts once: a *person* is known by email or name (else by the request's
company, else the request stands alone); an *asker* is the company when there
is one, else that person. `requests` reach counts people, `companies`,
`weighted` and `mrr` count askers, so one company asking ten times is one.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

from planner.storage import demand as store, demand_store
from planner.storage.db import Workspace

# Key spaces for askers and people: companies by id, people by a dense code,
# lone requests by id; offsets keep them apart in one int64 column.
_PERSON_OFFSET = 1 << 32
_REQUEST_OFFSET = 1 << 44
# An undated request is never outside the window: no date cannot prove it old.
_UNDATED = np.iinfo(np.int32).max
_EPOCH = date(1970, 1, 1).toordinal()
# Past this many logged changes a full reload is cheaper than patching.
_PATCH_LIMIT = 20_000



@dataclass
class Demand:
    """Per-item demand, arrays indexed by item id."""

    requests: np.ndarray          # counted requests
    people: np.ndarray            # distinct people asking
    askers: np.ndarray            # distinct companies, plus people with no company
    companies: np.ndarray         # distinct companies only
    weighted: np.ndarray          # importance weights, each asker once (its highest)
    mrr: np.ndarray               # MRR of the distinct companies
    top_share: np.ndarray         # the top asker's share of the weighted demand
    top_company: np.ndarray       # company id of the top asker, -1 for a person or none
    segment_bits: np.ndarray      # bit k set: a company of segment k asks
    older: np.ndarray             # linked requests before the window (of the segment): not counted
    off_segment: np.ndarray       # linked requests in the window from outside the segment: not counted

    @classmethod
    def empty(cls, n: int) -> "Demand":
        z = lambda dt: np.zeros(n, dtype=dt)  # noqa: E731
        return cls(z(np.int64), z(np.int64), z(np.int64), z(np.int64), z(float), z(float), z(float),
                   np.full(n, -1, dtype=np.int64), z(np.uint64), z(np.int64), z(np.int64))

    def grow(self, n: int) -> "Demand":
        if len(self.requests) >= n:
            return self
        bigger = Demand.empty(n)
        for name in self.__dataclass_fields__:
            getattr(bigger, name)[: len(self.requests)] = getattr(self, name)
        return bigger

    def put(self, ids: np.ndarray, other: "Demand") -> None:
        for name in self.__dataclass_fields__:
            getattr(self, name)[ids] = getattr(other, name)[ids]


@dataclass
class _Links:
    """Counted links sorted by (item, asker, person)."""

    item: np.ndarray
    asker: np.ndarray
    person: np.ndarray
    company: np.ndarray
    day: np.ndarray
    imp: np.ndarray

    def take(self, index) -> "_Links":
        return _Links(*(getattr(self, f)[index] for f in self.__dataclass_fields__))

    def __len__(self) -> int:
        return len(self.item)


@dataclass
class DemandCache:
    seq: int = -1
    links: _Links | None = None
    person_codes: dict = field(default_factory=dict)
    company_mrr: np.ndarray = field(default_factory=lambda: np.zeros(1))
    company_seg: np.ndarray = field(default_factory=lambda: np.full(1, -1, dtype=np.int64))
    company_names: dict = field(default_factory=dict)
    segment_names: list = field(default_factory=list)
    agg_key: tuple | None = None
    agg: Demand | None = None
    pending_demand: set | None = None
    pending_items: set | None = None
    items: object = None  # score.ItemTable, kept current from the change log
    loads: int = 0  # full loads, for the tests and the benchmark
    company_version: int = 0
    last_rows: dict | None = None  # the previous rows, reused where nothing changed
    last_scored: tuple | None = None  # (call key, change seq, score.Scored) of the last rescore, for one explanation
    token: str | None = None  # the workspace's identity: another file at the same path reloads
    lock: threading.RLock = field(default_factory=threading.RLock)


# One cache per workspace file, shared by every connection to it: the GUI
# rescores in workers that open their own connection, and reading 1.5M links
# again for each would cost seconds. The change log lives in the file, so any
# connection can bring the cache up to date. The two most recent files are kept.
_CACHES: "OrderedDict[str, DemandCache]" = OrderedDict()
_CACHES_LOCK = threading.Lock()
_FILES_KEPT = 2


def _file_key(ws: Workspace) -> str:
    return str(Path(ws.path).resolve())


def _cache(ws: Workspace) -> DemandCache:
    key = _file_key(ws)
    with _CACHES_LOCK:
        cache = _CACHES.get(key)
        if cache is None:
            cache = _CACHES[key] = DemandCache()
        _CACHES.move_to_end(key)
        while len(_CACHES) > _FILES_KEPT:
            _CACHES.popitem(last=False)
    return cache


def cache_lock(ws: Workspace) -> threading.RLock:
    """Held while scoring, so two threads never patch the shared cache at once."""
    return _cache(ws).lock


def forget(ws: Workspace) -> None:
    """Drop what is held in memory for this workspace (the next score reloads)."""
    with _CACHES_LOCK:
        _CACHES.pop(_file_key(ws), None)


def _load_companies(ws: Workspace, cache: DemandCache, *, changed: bool = True) -> None:
    rows = store.load_companies(ws)
    size = (max((r[0] for r in rows), default=0)) + 1
    mrr = np.zeros(size)
    seg = np.full(size, -1, dtype=np.int64)
    names: dict[int, str] = {}
    seg_codes: dict[str, int] = {}
    seg_names: list[str] = []
    for cid, name, segment, money in rows:
        mrr[cid] = money or 0.0
        names[cid] = name
        if segment and segment.strip():
            key = segment.strip().casefold()
            if key not in seg_codes:
                seg_codes[key] = len(seg_names)
                seg_names.append(segment.strip())
            seg[cid] = seg_codes[key]
    cache.company_mrr, cache.company_seg, cache.company_names, cache.segment_names = mrr, seg, names, seg_names
    if changed:  # names or figures may differ: rows that show them must be rebuilt
        cache.company_version += 1


def _to_columns(rows: list[tuple], cache: DemandCache) -> _Links:
    if not rows:
        e = np.zeros(0, dtype=np.int64)
        return _Links(e, e, e, e, np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int8))
    item, rid, company, day, imp, person = zip(*rows)
    item = np.fromiter(item, dtype=np.int64, count=len(rows))
    rid = np.fromiter(rid, dtype=np.int64, count=len(rows))
    company = np.fromiter((-1 if c is None else c for c in company), dtype=np.int64, count=len(rows))
    imp = np.fromiter(imp, dtype=np.int8, count=len(rows))
    codes = cache.person_codes
    pcode = np.fromiter((-1 if p is None else codes.setdefault(p, len(codes)) for p in person), dtype=np.int64, count=len(rows))
    day = np.fromiter((_UNDATED if d is None else d for d in day), dtype=np.int64, count=len(rows))
    return _columns(item, rid, company, day, imp, pcode)


def _load_all(ws: Workspace, cache: DemandCache) -> _Links:
    """Every counted link, parsed from text chunks (see `demand.load_links_text`)."""
    parts = [np.fromstring(t, dtype=np.int64, sep=",") for t in store.load_links_text(ws)]  # noqa: NPY201 (text mode)
    flat = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    item, rid, imp = flat[0::3], flat[1::3], flat[2::3]
    numbers, people = [], []
    for text, persons in store.load_requests_text(ws, undated=int(_UNDATED)):
        numbers.append(np.fromstring(text, dtype=np.int64, sep=","))  # noqa: NPY201
        people.extend(persons.split("\x1f"))
    req = np.concatenate(numbers) if numbers else np.zeros(0, dtype=np.int64)
    r_id, r_company, r_day = req[0::3], req[1::3], req[2::3]
    # Codes in order of first appearance, '' (no requester) as -1. A dict does
    # this without pandas, whose import alone costs 0.4 s on the way to the first window.
    person_codes: dict[str, int] = {}
    code_of = person_codes.setdefault
    codes = np.fromiter(
        (-1 if p == "" else code_of(p, len(person_codes)) for p in people), dtype=np.int64, count=len(people)
    )
    cache.person_codes = person_codes
    size = int(max(r_id.max(initial=0), rid.max(initial=0))) + 1
    counted = np.zeros(size, dtype=bool)
    counted[r_id] = True
    by_company = np.full(size, -1, dtype=np.int64)
    by_company[r_id] = r_company
    by_day = np.zeros(size, dtype=np.int64)
    by_day[r_id] = r_day
    by_person = np.full(size, -1, dtype=np.int64)
    by_person[r_id] = codes
    keep = counted[rid]
    item, rid, imp = item[keep], rid[keep], imp[keep]
    return _columns(item, rid, by_company[rid], by_day[rid], imp, by_person[rid])


def _columns(item, rid, company, day, imp, pcode) -> _Links:
    person_key = np.where(pcode >= 0, _PERSON_OFFSET + pcode, np.where(company >= 0, company, _REQUEST_OFFSET + rid))
    asker_key = np.where(company >= 0, company, person_key)
    order = np.lexsort((person_key, asker_key, item))
    return _Links(item, asker_key, person_key, company, day.astype(np.int32), imp.astype(np.int8)).take(order)


def _item_slices(item: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Row positions of the given items in links sorted by item."""
    starts = np.searchsorted(item, ids, side="left")
    ends = np.searchsorted(item, ids, side="right")
    if not len(ids):
        return np.zeros(0, dtype=np.int64)
    return np.concatenate([np.arange(s, e) for s, e in zip(starts, ends)]) if (ends - starts).sum() else np.zeros(0, dtype=np.int64)


_ALL = None  # a pending set that means "every item"


def _add(pending: set | None, ids) -> set | None:
    if pending is _ALL:
        return _ALL
    pending.update(ids)
    return pending


def _reset(cache: DemandCache) -> None:
    """Forget everything held for the workspace: the next sync starts afresh."""
    cache.links = cache.items = cache.agg = cache.last_rows = cache.last_scored = None
    cache.agg_key = None
    cache.seq = -1


def sync(ws: Workspace, *, need_links: bool = True) -> DemandCache:
    """Bring what is held in memory up to date with the workspace.

    Reads the change log once; what it names is patched into the links now and
    left in `pending_demand` / `pending_items` for the aggregation and the item
    table to pick up (None there: redo everything).

    With `need_links` False the links are not read when they are not held yet:
    the aggregate stored in the workspace (`demand_store`) may spare reading
    them at all (see `item_demand`).
    """
    cache = _cache(ws)
    token = store.workspace_token(ws)
    if cache.seq >= 0 and cache.token != token:
        _reset(cache)
    if cache.links is None and cache.seq < 0 and not need_links:
        cache.token = token
        cache.seq = store.last_change(ws)
        store.trim_changes(ws)
        _load_companies(ws, cache)
        cache.pending_demand = _ALL
        cache.pending_items = _ALL
        return cache
    if cache.links is None and need_links:
        cache.token = token
        cache.seq = store.last_change(ws)
        store.trim_changes(ws)
        _load_companies(ws, cache)
        cache.links = _load_all(ws, cache)
        if len(cache.links) and int(cache.links.company.max()) >= len(cache.company_mrr):
            _load_companies(ws, cache)  # a company was added between the two reads
        cache.loads += 1
        cache.pending_demand = _ALL
        cache.pending_items = _ALL
        return cache
    newest, changes, complete = store.changes_since(ws, cache.seq, limit=_PATCH_LIMIT)
    if not complete or newest < cache.seq:  # trimmed past us, or an older copy of the file
        _reset(cache)
        return sync(ws, need_links=need_links)
    cache.seq = newest
    dirty: set[int] = set()
    for item_id, kind in changes:
        if kind == "item":
            cache.pending_items = _add(cache.pending_items, [item_id])
        elif kind == "items":
            cache.pending_items = _ALL
        elif kind == "companies":
            cache.pending_demand = _ALL
            _load_companies(ws, cache)
        else:
            dirty.add(int(item_id))
    if dirty and cache.links is None:  # nothing to patch: the aggregate rereads these items (`_replay`)
        cache.pending_demand = _add(cache.pending_demand, dirty)
    elif dirty:
        ids = np.array(sorted(dirty), dtype=np.int64)
        links = cache.links
        keep = np.ones(len(links), dtype=bool)
        keep[_item_slices(links.item, ids)] = False
        kept = links.take(keep)
        fresh = _to_columns(store.load_links(ws, sorted(dirty)), cache)
        if len(fresh) and int(fresh.company.max()) >= len(cache.company_mrr):
            # A company added since the load (it has no trigger: only its requests matter).
            _load_companies(ws, cache, changed=False)
        at = np.searchsorted(kept.item, fresh.item, side="left")
        cache.links = _Links(*(np.insert(getattr(kept, f), at, getattr(fresh, f)) for f in _Links.__dataclass_fields__))
        cache.pending_demand = _add(cache.pending_demand, dirty)
    return cache


def _segment_code(cache: DemandCache, segment: str | None) -> int | None:
    if not segment:
        return None
    key = segment.strip().casefold()
    for code, name in enumerate(cache.segment_names):
        if name.casefold() == key:
            return code
    return -2  # a segment nobody is in: nothing counts


def _aggregate(links: _Links, cache: DemandCache, size: int, *, start_day: int, segment: int | None, weights: np.ndarray) -> Demand:
    recent = links.day >= start_day
    in_segment = np.ones(len(links), dtype=bool)
    if segment is not None:
        seg_of_link = np.where(links.company >= 0, cache.company_seg[np.clip(links.company, 0, None)], -1)
        in_segment = seg_of_link == segment
    mask = recent & in_segment
    out = Demand.empty(size)
    # What is linked but not counted is counted too, so an explanation can say why a link changed nothing.
    out.older = np.bincount(links.item[~recent & in_segment], minlength=size)
    out.off_segment = np.bincount(links.item[recent & ~in_segment], minlength=size)
    it, ak, pk, co = links.item[mask], links.asker[mask], links.person[mask], links.company[mask]
    w = weights[links.imp[mask]]
    if not len(it):
        return out
    out.requests = np.bincount(it, minlength=size)
    new_asker = np.ones(len(it), dtype=bool)
    new_asker[1:] = (it[1:] != it[:-1]) | (ak[1:] != ak[:-1])
    new_person = new_asker.copy()
    new_person[1:] |= pk[1:] != pk[:-1]
    out.people = np.bincount(it[new_person], minlength=size)
    g = np.flatnonzero(new_asker)
    g_item, g_co = it[g], co[g]
    g_w = np.maximum.reduceat(w, g)
    out.askers = np.bincount(g_item, minlength=size)
    has_co = g_co >= 0
    out.companies = np.bincount(g_item[has_co], minlength=size)
    out.mrr = np.bincount(g_item[has_co], weights=cache.company_mrr[g_co[has_co]], minlength=size)
    out.weighted = np.bincount(g_item, weights=g_w, minlength=size)
    first_of_item = np.flatnonzero(np.concatenate(([True], g_item[1:] != g_item[:-1])))
    items_here = g_item[first_of_item]
    top_w = np.zeros(size)
    top_w[items_here] = np.maximum.reduceat(g_w, first_of_item)
    with np.errstate(invalid="ignore", divide="ignore"):
        out.top_share = np.where(out.weighted > 0, top_w / np.where(out.weighted > 0, out.weighted, 1), 0.0)
    # The top asker: the first (companies sort before people) with the item's highest weight.
    is_top = np.flatnonzero(g_w == top_w[g_item])
    firsts = is_top[np.concatenate(([True], g_item[is_top][1:] != g_item[is_top][:-1]))]
    out.top_company[g_item[firsts]] = g_co[firsts]
    seg = np.where(has_co, cache.company_seg[np.clip(g_co, 0, None)], -1)
    bits = np.where((seg >= 0) & (seg < 64), np.left_shift(np.uint64(1), np.clip(seg, 0, 63).astype(np.uint64)), np.uint64(0))
    out.segment_bits[items_here] = np.bitwise_or.reduceat(bits.astype(np.uint64), first_of_item)
    return out


def item_demand(
    ws: Workspace,
    *,
    size: int,
    today: date,
    window_days: int,
    segment: str | None,
    importance_weights: dict,
    keep: bool = False,
) -> tuple[Demand, DemandCache]:
    """Per-item demand (arrays of at least `size`, by item id) for this window and segment.

    `keep`: these are the workspace's own settings, whose aggregate is stored
    in the workspace for the next first score (`demand_store`). While the links
    are not held, that stored aggregate (brought up to date item by item from
    the change log) serves instead of reading them all.
    """
    cache = sync(ws, need_links=False)
    start_day = today.toordinal() - _EPOCH - int(window_days)
    weights = np.array([importance_weights["nice_to_have"], importance_weights["important"], importance_weights["critical"]], dtype=float)
    seg_code = _segment_code(cache, segment)
    key = (start_day, seg_code, tuple(weights))
    if cache.links is None:
        agg = _without_links(ws, cache, key, keep=keep)
        if agg is not None:
            cache.agg = agg.grow(max(size, 1))
            return cache.agg, cache
        cache = sync(ws)  # reads every link
    dirty, cache.pending_demand = cache.pending_demand, set()
    links = cache.links
    size = max(size, int(links.item.max()) + 1 if len(links) else 1)
    if dirty is None or cache.agg is None or cache.agg_key != key:
        cache.agg = _aggregate(links, cache, size, start_day=start_day, segment=seg_code, weights=weights)
        cache.agg_key = key
        if keep:
            _store_all(ws, cache, key)
    elif dirty:
        ids = np.array(sorted(dirty), dtype=np.int64)
        size = max(size, int(ids.max()) + 1)
        cache.agg = cache.agg.grow(size)
        part = _aggregate(links.take(_item_slices(links.item, ids)), cache, size,
                          start_day=start_day, segment=seg_code, weights=weights)
        cache.agg.put(ids, part)
    cache.agg = cache.agg.grow(size)
    return cache.agg, cache


# ---------------------------------------------------------------- the aggregate stored in the workspace

# Past this many items to recompute since the stored aggregate, the updated rows are stored again, so the
# next first score does not redo them.
_RESTORE_AFTER = 100
# A moved window with no rows stored ahead recomputes the items asked for between its two first days, as long
# as they hold no more links than this: the busiest items are asked for every day, and reading their links one
# item at a time costs far more than reading every link at once.
_MOVED_LINKS = 20_000


def _stored_key(cache: DemandCache, key: tuple) -> str:
    """What a stored aggregate is valid for: this file, window start, segment, weights and the segments' order."""
    return repr((cache.token, key, tuple(cache.segment_names)))


def _store_all(ws: Workspace, cache: DemandCache, key: tuple) -> None:
    """Store a fresh aggregation, unless the same one (same key, same change) is stored already."""
    stored_key = _stored_key(cache, key)
    if demand_store.stored_meta(ws) == (stored_key, cache.seq):
        return
    demand_store.write(ws, stored_key, cache.seq, _rows_of(cache.agg, None), replace_all=True,
                       ahead=_ahead(cache, key))


def _ahead(cache: DemandCache, key: tuple) -> dict[int, list[tuple]]:
    """{window start day: rows} for the next `demand_store.AHEAD_DAYS` days, from the links held.

    On each of those days only the items linked to a request that left the window since `key`'s start can
    count differently: their rows are counted for that day's start, every one of them (a row of nothing
    says the item has no demand left, where no row says "as stored").
    """
    start_day, seg_code, weights = key
    links = cache.links
    size = len(cache.agg.requests)
    out: dict[int, list[tuple]] = {}
    for d in range(1, demand_store.AHEAD_DAYS + 1):
        left = (links.day >= start_day) & (links.day < start_day + d)  # undated requests never leave
        ids = np.unique(np.append(links.item[left], 0))  # item 0: the mark of a day counted (`has_ahead`)
        part = _aggregate(links.take(_item_slices(links.item, ids)), cache, max(size, int(ids.max(initial=0)) + 1),
                          start_day=start_day + d, segment=seg_code, weights=np.array(weights))
        out[start_day + d] = _rows_of(part, ids, every_one=True)
    return out


def _rows_of(agg: Demand, ids: np.ndarray | None, *, every_one: bool = False) -> list[tuple]:
    """Stored rows (item_id, *COLUMNS) of the given items (None: all) that have any demand (`every_one`: all)."""
    every = np.arange(len(agg.requests)) if ids is None else ids
    if not every_one:
        used = (agg.requests[every] > 0) | (agg.older[every] > 0) | (agg.off_segment[every] > 0)
        every = every[used]
    cols = [every.tolist()] + [
        (getattr(agg, name)[every].view(np.int64) if name == "segment_bits" else getattr(agg, name)[every]).tolist()
        for name in demand_store.COLUMNS
    ]
    return list(zip(*cols))


def _from_rows(rows: list[tuple]) -> Demand:
    size = (rows[-1][0] + 1) if rows else 1
    out = Demand.empty(size)
    if not rows:
        return out
    columns = list(zip(*rows))
    ids = np.array(columns[0], dtype=np.int64)
    for name, values in zip(demand_store.COLUMNS, columns[1:]):
        target = getattr(out, name)
        if name == "segment_bits":
            target[ids] = np.array(values, dtype=np.int64).view(np.uint64)
        else:
            target[ids] = np.array(values, dtype=target.dtype)
    return out


def _without_links(ws: Workspace, cache: DemandCache, key: tuple, *, keep: bool) -> Demand | None:
    """The demand for `key` from what is held or stored, recomputing only changed items; None: read the links.

    Held: the aggregate made for the same key, with the items the log named
    since. Else stored: the workspace's aggregate for the same key, with the
    items named after its `seq`. A window whose first day alone moved (a new
    day, another window length) takes the rows stored ahead for its first day
    (`_ahead`) over the stored ones; with none stored, it recomputes the items
    asked for between the two first days, if they are few. Anything else
    (another segment or weights, a change to the companies, a log trimmed past
    it) needs every link.
    """
    pending = cache.pending_demand
    moved_from = None
    from_ahead = False
    if cache.agg is not None and cache.agg_key == key and pending is not _ALL:
        agg = cache.agg
        changed = set(pending)
        valid_as_of = cache.seq
    else:
        meta = demand_store.stored_meta(ws)
        moved_from = None if meta is None or meta[0] == _stored_key(cache, key) else _window_moved(meta[0], cache, key)
        if meta is None or (meta[0] != _stored_key(cache, key) and moved_from is None):
            return None
        newest, changes, complete = store.changes_since(ws, meta[1], limit=_PATCH_LIMIT)
        if not complete or newest < meta[1] or any(kind == "companies" for _, kind in changes):
            return None
        rows = demand_store.read_rows(ws)
        # The log is read on from the stored `seq`; the cache's own `seq` stays: what it reads next is
        # recomputed again, which changes nothing, and no item row is skipped.
        changed = {int(i) for i, kind in changes if kind == "links"}
        agg = _from_rows(rows)
        if moved_from is not None and 0 < key[0] - moved_from <= demand_store.AHEAD_DAYS and demand_store.has_ahead(ws, key[0]):
            # A new day within the days stored ahead: those rows, over the stored ones.
            ahead = demand_store.read_ahead(ws, key[0])
            if ahead:
                part = _from_rows(ahead)
                agg = agg.grow(len(part.requests))
                agg.put(np.array([r[0] for r in ahead], dtype=np.int64), part)
            from_ahead = True
        elif moved_from is not None:
            # Only items asked for between the two first days count differently.
            changed.update(store.items_asked_between(ws, *sorted((moved_from, key[0]))))
            if store.count_links(ws, sorted(changed)) > _MOVED_LINKS:
                return None
        if pending is not _ALL:
            changed |= pending
        valid_as_of = newest
    cache.pending_demand = set()
    cache.agg_key = key
    ids = np.array(sorted(changed), dtype=np.int64)
    if changed:
        agg = _replay(ws, cache, agg, ids, key)
    # A window moved by recomputing is stored moved; one moved by the rows stored ahead stays stored as it was,
    # so that the next days find theirs.
    if keep and not from_ahead and (len(changed) > _RESTORE_AFTER or moved_from is not None):
        demand_store.write(ws, _stored_key(cache, key), valid_as_of, _rows_of(agg, ids),
                           replace_all=False, cleared=ids.tolist())
    return agg


def _window_moved(stored: str, cache: DemandCache, key: tuple) -> int | None:
    """The first day of the stored aggregate's window when that alone differs from `key` (same file, segment,
    weights and segments), else None."""
    import re

    marker = 987654321987  # a first day no window has: its place in the key is where the stored day is read
    pattern = re.escape(_stored_key(cache, (marker,) + tuple(key[1:]))).replace(str(marker), r"(-?\d+)", 1)
    found = re.fullmatch(pattern, stored)
    return int(found.group(1)) if found else None


def _replay(ws: Workspace, cache: DemandCache, agg: Demand, ids: np.ndarray, key: tuple) -> Demand:
    """Recompute these items' demand from their links (through the index), in place of what `agg` says."""
    start_day, seg_code, weights = key
    fresh = _to_columns(store.load_links(ws, ids.tolist()), cache)
    if len(fresh) and int(fresh.company.max()) >= len(cache.company_mrr):
        _load_companies(ws, cache, changed=False)  # a company added since (it has no trigger)
    size = max(len(agg.requests), int(ids.max()) + 1)
    agg = agg.grow(size)
    part = _aggregate(fresh, cache, size, start_day=start_day, segment=seg_code, weights=np.array(weights))
    agg.put(ids, part)
    return agg


def companies_in_scope(cache: DemandCache, segment: str | None) -> int:
    """The companies of the workspace, or of the segment: what a metric's users are spread over."""
    code = _segment_code(cache, segment)
    if code is None:
        return len(cache.company_names)
    ids = np.fromiter(cache.company_names, dtype=np.int64, count=len(cache.company_names))
    return int((cache.company_seg[ids] == code).sum()) if len(ids) else 0


def segment_list(cache: DemandCache, bits: int) -> list[str]:
    return [name for code, name in enumerate(cache.segment_names) if code < 64 and bits >> code & 1]


# ---------------------------------------------------------------- one unit per ranking

# The unit each reach source counts in. Weighted demand counts companies (each once,
# weighted by how much it needs the item); a typed reach is taken as given in the
# ranking's unit: whoever types it is asked for that unit.
SOURCE_UNITS = {"requests": "people", "companies": "companies", "weighted": "companies", "mrr": "mrr",
                "metric": "users"}
UNIT_WORDS = {"companies": "companies", "people": "people", "mrr": "MRR", "users": "users of a metric"}


def default_unit(modes: np.ndarray) -> str:
    """The unit of most items' reach sources (typed ones aside); companies on a tie or when none counts."""
    votes = {unit: 0 for unit in ("companies", "people", "mrr", "users")}
    for mode, unit in SOURCE_UNITS.items():
        votes[unit] += int((modes == mode).sum())
    best = max(votes.values())
    return "companies" if best == 0 or votes["companies"] == best else max(votes, key=votes.get)


@dataclass
class UnitReach:
    """Every item's reach in the ranking's unit: converted where a conversion is defined, else flagged."""

    unit: str
    reach: np.ndarray          # in `unit`; NaN where not comparable
    comparable: np.ndarray     # bool
    how: np.ndarray            # object: how the reach was converted, a template for `how_text` ('' when as is)
    why_not: np.ndarray        # object: why an item is not comparable ('' when it is)
    users_per_customer: float | None
    upc_how: str
    figures: dict = field(default_factory=dict)  # people, askers, weighted: per item, for the templates

    def how_text(self, i: int) -> str:
        """How item `i`'s reach was converted, in words ('' when counted in the unit already).

        Worded only for the rows that are built: 10k sentences on every rescore would cost more than the scores.
        """
        template = self.how[i]
        if "{" not in template:
            return template
        return template.format(**{k: _fig(v[i]) for k, v in self.figures.items()})


def _fig(x: float) -> str:
    x = float(x)
    return f"{int(x):,}" if x == int(x) and abs(x) < 1e15 else f"{x:,.2f}".rstrip("0").rstrip(".")


def to_unit(
    unit: str,
    modes: np.ndarray,
    reach: np.ndarray,
    dem: Demand,
    ids: np.ndarray,
    *,
    metric_names: list,
    metric_values: np.ndarray,
    metric_shares: np.ndarray,
    companies_in_scope: int,
    users_per_customer: float | None,
) -> UnitReach:
    """Reach of every item in `unit`, never a silent mix of units.

    `reach` is each item's reach in its own source's unit. The conversions:
    people asking -> companies: the distinct companies of those people (a
    person without a company counts as one); companies -> people: the people
    of those companies who asked; a metric's users -> companies: users x the
    item's share / users per customer (the setting, else the metric's latest
    value / the companies in the workspace or segment); companies -> users:
    companies x users per customer. Money and counts never convert into each
    other, nor do a metric's users into people asking: such an item is not
    comparable, and the ranking puts it after the comparable ones.
    """
    n = len(modes)
    out = np.full(n, np.nan)
    comparable = np.ones(n, dtype=bool)
    how = np.full(n, "", dtype=object)
    why = np.full(n, "", dtype=object)
    people, askers, weighted = (x[ids].astype(float) for x in (dem.people, dem.askers, dem.weighted))
    words = UNIT_WORDS[unit]

    def same(sel):
        out[sel] = reach[sel]

    def refuse(sel, reason):
        comparable[sel] = False
        why[sel] = reason

    upc, upc_how = _users_per_customer(unit, modes, metric_names, metric_values, companies_in_scope, users_per_customer)
    manual = modes == "manual"
    out[manual] = reach[manual]
    how[manual] = f"typed by hand, taken as {words}"
    for mode, source_unit in SOURCE_UNITS.items():
        sel = modes == mode
        if not sel.any():
            continue
        if source_unit == unit:
            same(sel)
        elif unit == "companies" and mode == "requests":
            out[sel] = askers[sel]
            how[sel] = ("{people} people asking counted as {askers} companies "
                        "(the distinct companies of those people; a person without a company counts as one)")
        elif unit == "people" and mode in ("companies", "weighted"):
            out[sel] = people[sel]
            note = "; importance weights not applied" if mode == "weighted" else ""
            how[sel] = "{askers} companies asking counted as the {people} people who asked" + note
        elif unit == "companies" and mode == "metric":
            _metric_to_companies(sel & np.isfinite(reach), out, how, why, comparable, metric_names, metric_values,
                                 metric_shares, companies_in_scope, users_per_customer)
        elif unit == "users" and mode in ("requests", "companies", "weighted"):
            if upc is None:
                refuse(sel, "companies asking cannot be counted as users: set users per customer in the "
                            "scoring settings, or give the workspace a metric")
                continue
            out[sel] = (weighted if mode == "weighted" else askers)[sel] * upc
            how[sel] = ("{weighted} weighted" if mode == "weighted" else "{askers}") + _literal(
                f" companies asking x {_fig(round(upc, 1))} users per customer ({upc_how})")
        elif source_unit == "mrr":
            refuse(sel, f"MRR is money and cannot be counted as {words}")
        elif unit == "mrr":
            refuse(sel, f"a count of {UNIT_WORDS[source_unit]} is not money: it cannot be counted as MRR")
        else:  # a metric's users as people asking
            refuse(sel, "users of a metric are not people asking: choose the users unit, or count this item's "
                        "reach from its requests")
    out[~comparable] = np.nan
    return UnitReach(unit, out, comparable, how, why, upc, upc_how,
                     {"people": people, "askers": askers, "weighted": weighted})


def _literal(text: str) -> str:
    """Text (a metric's name, say) put in a `how_text` template as it is."""
    return text.replace("{", "{{").replace("}", "}}")


def _metric_to_companies(sel, out, how, why, comparable, names, values, shares, companies, setting) -> None:
    for i in np.flatnonzero(sel):
        value, share = values[i], shares[i] if np.isfinite(shares[i]) else 1.0
        if setting:
            upc, said = setting, "the scoring setting"
        elif companies > 0 and value > 0:
            upc, said = value / companies, f"{_fig(value)} users / {_fig(companies)} companies"
        else:
            comparable[i] = False
            why[i] = ("a metric's users cannot be counted as companies without users per customer: set it in "
                      "the scoring settings, or add the companies")
            continue
        out[i] = value * share / upc
        how[i] = _literal(f"metric {names[i]} {_fig(value)} users x {_fig(round(share * 100, 2))}% / "
                          f"{_fig(round(upc, 1))} users per customer ({said})")


def _users_per_customer(unit, modes, names, values, companies, setting) -> tuple[float | None, str]:
    """Users per customer for counting companies as users: the setting, else the most used metric's."""
    if unit != "users":
        return setting, "the scoring setting" if setting else ""
    if setting:
        return float(setting), "the scoring setting"
    used: dict = {}
    for i in np.flatnonzero(modes == "metric"):
        if names[i] and np.isfinite(values[i]):
            used.setdefault(names[i], [0, values[i]])[0] += 1
    if not used or companies <= 0:
        return None, ""
    name, (_, value) = max(used.items(), key=lambda kv: kv[1][0])
    if value <= 0:
        return None, ""
    return value / companies, f"metric {name} {_fig(value)} users / {_fig(companies)} companies"
