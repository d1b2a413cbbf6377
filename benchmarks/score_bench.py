"""Scoring speed on a big workspace: 10k items, 1M requests, 1.5M links, 5k companies.

Run by hand: `python3 benchmarks/score_bench.py [--db PATH] [--rebuild]`. It
builds the workspace once (kept at --db for the next run), then times:

- floor: one bare SQL GROUP BY over the links (count, distinct companies,
  summed MRR per item), the query a naive scorer would run for every rescore;
- ours: a full rescore as after a change of method, window, segment or
  weights (the worst of those), with the links already in memory: every
  link aggregated again and every row built again;
- ours_window_s: the same full rescore as the window's backlog asks for it,
  rows without their explanations (the item shown asks for its own);
- cold_load_s: the first score after opening (a new process, or a command-line
  `score`), which reads the demand aggregate stored in the workspace; and
  cold_rebuild_s, the same when nothing is stored yet, which reads every link
  and stores the aggregate (and the next days' rows ahead); next_day_cold_s,
  the first score after opening on the day after the stored one (the window
  moved by a day: the rows stored ahead for it);
- one_item_ms: a rescore after one estimate, and after one link, changed
  (one_item_window_ms: without explanations, as the window asks);
- stability_s: the Monte-Carlo for all items.

The last line is one JSON object with the figures; ratio = ours / floor.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner import ops  # noqa: E402
from planner.scoring import explain_row, score_items  # noqa: E402
from planner.scoring import reach as reach_mod  # noqa: E402
from planner.scoring import score as score_mod  # noqa: E402
from planner.scoring import stability as stab  # noqa: E402
from planner.storage import demand, demand_store, open_workspace  # noqa: E402
from planner.storage.bulk import insert_workspace_rows  # noqa: E402

ITEMS, REQUESTS, LINKS, COMPANIES = 10_000, 1_000_000, 1_500_000, 5_000
TODAY = date(2026, 11, 1)


def build(path: Path) -> float:
    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    t0 = time.perf_counter()
    rng = np.random.default_rng(7)
    ws = open_workspace(path)
    segments = np.array(["Enterprise", "Mid-market", "SMB"])
    # Lists, not generators, where rows draw from `rng`: the draws stay in the order that made the figures so far.
    companies = [{"id": i, "name": f"Company {i}", "name_key": f"company {i}", "segment": str(segments[i % 3]),
                  "mrr": float(rng.integers(50, 20_000))} for i in range(1, COMPANIES + 1)]
    modes = np.array(["requests", "companies", "weighted", "mrr", "manual"])
    impacts = np.array([3, 2, 1, 0.5, 0.25])
    items = [{"id": i, "title": f"Item {i}", "reach_mode": str(modes[i % 5]), "reach_manual": float(rng.integers(10, 5000)),
              "impact": float(impacts[i % 5]), "confidence": float((50, 80, 100)[i % 3]),
              "effort": None if i % 97 == 0 else float(rng.integers(1, 24)) / 2}
             for i in range(1, ITEMS + 1)]
    company = rng.integers(1, COMPANIES + 1, REQUESTS)
    no_company = rng.random(REQUESTS) < 0.2
    person = rng.integers(0, 200_000, REQUESTS)
    days = rng.integers(0, 730, REQUESTS)
    status = np.where(rng.random(REQUESTS) < 0.03, "duplicate", "linked")
    requests = ({"id": r + 1, "source": "bench", "external_id": str(r + 1), "title": "request",
                 "email": f"user{person[r]}@example.com", "company_id": None if no_company[r] else int(company[r]),
                 "created_at": (TODAY - timedelta(days=int(days[r]))).isoformat(), "status": str(status[r])}
                for r in range(REQUESTS))
    # Demand is long-tailed: a few items gather many links (the busiest about 1 %).
    popularity = rng.lognormal(0.0, 1.5, ITEMS)
    item = rng.choice(np.arange(1, ITEMS + 1), size=LINKS * 2, p=popularity / popularity.sum())
    req = rng.integers(1, REQUESTS + 1, LINKS * 2)
    pairs = rng.permutation(np.unique(req.astype(np.int64) * (ITEMS + 1) + item))[:LINKS]
    imp = np.array(["nice_to_have", "important", "critical"])[rng.integers(0, 3, len(pairs))]
    links = ({"request_id": int(p // (ITEMS + 1)), "item_id": int(p % (ITEMS + 1)), "importance": str(i)}
             for p, i in zip(pairs, imp))
    insert_workspace_rows(ws, companies=companies, items=items, requests=requests, links=links)
    ws.db.execute("ANALYZE")
    ws.close()
    return time.perf_counter() - t0


CPU: list[float] = []  # process time of each `timed` call: on a shared machine wall time includes waiting


def timed(fn, repeat: int = 1) -> float:
    runs, cpu = [], []
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    CPU.append(min(cpu))
    return min(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/score_bench.db")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    path = Path(args.db)
    if args.rebuild or not path.exists():
        print(f"building {path} ...", file=sys.stderr)
        print(f"built in {build(path):.1f} s", file=sys.stderr)
    ws = open_workspace(path)
    links = ws.db.execute("SELECT COUNT(*) FROM links").fetchone()[0]
    items = ws.db.execute("SELECT COUNT(*) FROM items").fetchone()[0]

    floor_s = timed(lambda: demand.demand_group_by(ws), repeat=2)
    floor_cpu = CPU[-1]
    print(f"floor (bare GROUP BY): {floor_s:.3f} s", file=sys.stderr)

    demand_store.forget(ws)
    cold_rebuild_s = timed(lambda: score_items(ws, today=TODAY, stability=False))
    print(f"first score with nothing stored (reads the links, stores the aggregate): {cold_rebuild_s:.3f} s",
          file=sys.stderr)
    ws.close()
    reach_mod.forget(ws)  # as a new process: nothing held in memory
    ws = open_workspace(path)
    cold_s = timed(lambda: score_items(ws, today=TODAY, stability=False))
    cold_cpu = CPU[-1]
    print(f"first score after opening (reads the stored aggregate): {cold_s:.3f} s "
          f"(links read: {reach_mod._cache(ws).loads})", file=sys.stderr)

    ws.close()
    reach_mod.forget(ws)
    ws = open_workspace(path)
    next_day_s = timed(lambda: score_items(ws, today=TODAY + timedelta(days=1), stability=False))
    next_day_cpu = CPU[-1]
    print(f"first score after opening on the next day: {next_day_s:.3f} s "
          f"(links read: {reach_mod._cache(ws).loads})", file=sys.stderr)

    cache = reach_mod._cache(ws)

    def full_rescore(**kw):
        # Each run must redo the work, as a real change would: forget the last
        # aggregation (for a new window, segment or weights) and the last rows.
        cache.agg_key = None
        cache.last_rows = None
        score_items(ws, today=TODAY, stability=False, **kw)

    changes = {
        "method": lambda: (setattr(cache, "last_rows", None), score_items(ws, today=TODAY, method="value-effort", stability=False)),
        "window": lambda: full_rescore(window_days=180),
        "segment": lambda: full_rescore(segment="SMB"),
        "weights": lambda: full_rescore(),
    }
    full = {}
    full_cpu = {}
    for name, fn in changes.items():
        full[name] = timed(fn, repeat=3)
        full_cpu[name] = CPU[-1]
        print(f"full rescore after a change of {name}: {full[name]:.3f} s", file=sys.stderr)
    ours_s = max(full.values())
    window = {}
    for name, fn in {"method": lambda: (setattr(cache, "last_rows", None),
                                        score_items(ws, today=TODAY, method="value-effort", stability=False, explain=False)),
                     "window": lambda: full_rescore(window_days=180, explain=False),
                     "segment": lambda: full_rescore(segment="SMB", explain=False),
                     "weights": lambda: full_rescore(explain=False)}.items():
        window[name] = timed(fn, repeat=3)
    ours_window_s = max(window.values())
    print(f"full rescore as the window asks (no explanations), slowest change: {ours_window_s:.3f} s "
          f"({', '.join(f'{k} {v:.3f}' for k, v in window.items())})", file=sys.stderr)
    explain_ms = timed(lambda: explain_row(ws, 17, today=TODAY, stability=False, as_shown=True), repeat=3) * 1000
    print(f"  one item's explanation, asked for when shown: {explain_ms:.2f} ms", file=sys.stderr)

    # Only the computation, without turning 10k rows into dicts and sentences.
    params = score_mod.resolve_params(ws, today=TODAY, window_days=200)
    core_s = timed(lambda: score_mod.compute(ws, params, with_stability=False))
    print(f"  of which the columnar computation: {core_s:.3f} s", file=sys.stderr)

    score_items(ws, today=TODAY, stability=False)  # settle on the default filters
    edits, edits_cpu = [], []
    rng = np.random.default_rng(3)
    for n in range(5):
        item_id = int(rng.integers(1, ITEMS + 1))
        ops.edit_item(ws, item_id, effort=float(n + 1))
        edits.append(timed(lambda: score_items(ws, today=TODAY, stability=False)))
        edits_cpu.append(CPU[-1])
        req_id = int(rng.integers(1, REQUESTS + 1))
        ops.link_request(ws, req_id, item_id, importance="critical")
        edits.append(timed(lambda: score_items(ws, today=TODAY, stability=False)))
        edits_cpu.append(CPU[-1])
    one_item_ms = statistics.median(edits) * 1000
    score_items(ws, today=TODAY, stability=False, explain=False)
    window_edits = []
    for n in range(5):
        item_id = int(rng.integers(1, ITEMS + 1))
        ops.edit_item(ws, item_id, effort=float(n + 2))
        window_edits.append(timed(lambda: score_items(ws, today=TODAY, stability=False, explain=False)))
        req_id = int(rng.integers(1, REQUESTS + 1))
        ops.link_request(ws, req_id, item_id, importance="important")
        window_edits.append(timed(lambda: score_items(ws, today=TODAY, stability=False, explain=False)))
    one_item_window_ms = statistics.median(window_edits) * 1000
    print(f"rescore after one edit as the window asks: median {one_item_window_ms:.1f} ms", file=sys.stderr)
    one_core_ms = timed(lambda: (ops.edit_item(ws, 5, effort=3.0), score_mod.compute(ws, score_mod.resolve_params(ws, today=TODAY), with_stability=False))) * 1000
    print(f"rescore after one edit: median {one_item_ms:.1f} ms (max {max(edits) * 1000:.1f} ms); "
          f"columnar part {one_core_ms:.1f} ms", file=sys.stderr)
    assert reach_mod._cache(ws).loads == 1, "an edit should patch the links in memory, not reload them"

    s = score_mod.compute(ws, score_mod.resolve_params(ws, today=TODAY), with_stability=False)
    current = s.scores["rice"]
    stability_s = timed(lambda: stab.top_n_share("rice", s.cols, s.reach, s.value, np.isfinite(current), 10), repeat=2)
    print(f"stability for {items} items, {stab.DRAWS} draws: {stability_s:.3f} s", file=sys.stderr)
    ws.close()
    print(json.dumps({
        "benchmark": "score", "items": items, "links": links,
        "ours_s": round(ours_s, 3), "floor_s": round(floor_s, 3), "ratio": round(ours_s / floor_s, 3),
        "one_item_ms": round(one_item_ms, 1), "stability_s": round(stability_s, 3),
        "ours_window_s": round(ours_window_s, 3), "one_item_window_ms": round(one_item_window_ms, 1),
        "cold_load_s": round(cold_s, 3), "next_day_cold_s": round(next_day_s, 3), "cold_ratio": round(cold_s / floor_s, 3),
        "cold_rebuild_s": round(cold_rebuild_s, 3), "explain_one_ms": round(explain_ms, 2), "core_s": round(core_s, 3),
        "cpu": {"ours_s": round(max(full_cpu.values()), 3), "floor_s": round(floor_cpu, 3),
                "one_item_ms": round(statistics.median(edits_cpu) * 1000, 1),
                "cold_load_s": round(cold_cpu, 3), "next_day_cold_s": round(next_day_cpu, 3)},
        "load_avg": round(__import__("os").getloadavg()[0], 2),
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
