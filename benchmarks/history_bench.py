"""Snapshot history at scale: 10k items, one snapshot a day for a year, with realistic churn.

Run by hand: `python3 benchmarks/history_bench.py [--days 365] [--churn 0.03] [--db PATH]`.

Each simulated day, before its daily snapshot: `--churn` of the items get a new
estimate (effort, impact, confidence or typed reach; each moves its score, and
the ranks of those it passes), 0.5 % move lane (mostly slipping a quarter),
0.5 % change status, 10 items are added and 5 deleted. Then it prints:

- bytes of the snapshots: the pages of their table and index (dbstat) after
  VACUUM, per snapshot; and the whole file's growth, (page_count - freelist_count)
  x page_size after minus before, before and after VACUUM, which also holds what
  the simulated edits themselves wrote (new items, the scoring change log);
- take_ms: the median time of one snapshot (a live rescore plus packing);
- `changes` since the first snapshot and since 30 days ago (median of 5), next to
  two floors: decoding the two snapshots alone, and the live rescore alone
  (`changes` compares a stored snapshot with the ranking as it is now);
- rank_moves and item_history (one item over the whole year).

The last line is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner import history, history_codec, ops  # noqa: E402
from planner.scoring.reach import cache_lock  # noqa: E402
from planner.scoring.score import compute, resolve_params  # noqa: E402
from planner.storage import history_store, open_workspace, writes  # noqa: E402
from planner.storage.bulk import insert_workspace_rows  # noqa: E402

ITEMS = 10_000
FIRST_DAY = date(2026, 1, 1)
STATUSES = ("idea", "candidate", "planned", "in_progress")


def table_bytes(ws, *names: str) -> int:
    """Pages of these tables and indexes (dbstat): the snapshots alone, apart from what the churn itself writes."""
    marks = ", ".join("?" * len(names))
    return ws.db.execute(f"SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name IN ({marks})", list(names)).fetchone()[0]


def used_bytes(ws) -> int:
    page_size = ws.db.execute("PRAGMA page_size").fetchone()[0]
    pages = ws.db.execute("PRAGMA page_count").fetchone()[0]
    free = ws.db.execute("PRAGMA freelist_count").fetchone()[0]
    return (pages - free) * page_size


def build(ws, rng) -> list[int]:
    lanes = []
    for q in range(8):
        start = date(2026 + q // 4, 3 * (q % 4) + 1, 1)
        end = date(start.year + (start.month == 10), (start.month + 2) % 12 + 1, 1) - timedelta(days=1)
        lanes.append(ops.add_lane(ws, name=f"{start.year} Q{q % 4 + 1}", kind="quarter", start_date=start.isoformat(),
                                  end_date=end.isoformat()).value["id"])
    insert_workspace_rows(ws, items=[_item(rng, i, lanes) for i in range(1, ITEMS + 1)])
    return lanes


def _item(rng, i: int, lanes: list[int]) -> dict:
    return {"id": i, "title": f"Item {i}", "reach_mode": "manual", "reach_manual": float(rng.integers(10, 5000)),
            "impact": float(rng.choice([3, 2, 1, 0.5, 0.25])), "confidence": float(rng.choice([50, 80, 100])),
            "effort": float(rng.integers(1, 24)) / 2, "status": str(rng.choice(STATUSES)),
            "lane_id": int(rng.choice(lanes)) if rng.random() < 0.4 else None}


def churn(ws, rng, lanes: list[int], share: float, next_id: int) -> int:
    ids = np.array([r[0] for r in ws.db.execute("SELECT id FROM items").fetchall()])
    n = len(ids)
    with ws.db.atomic():
        for i in rng.choice(ids, int(n * share), replace=False).tolist():
            field = str(rng.choice(["effort", "impact", "confidence", "reach_manual"]))
            value = {"effort": float(rng.integers(1, 24)) / 2, "impact": float(rng.choice([3, 2, 1, 0.5, 0.25])),
                     "confidence": float(rng.choice([50, 80, 100])), "reach_manual": float(rng.integers(10, 5000))}[field]
            writes.update_rows(ws, "items", [i], {field: value})
        for i in rng.choice(ids, n // 200, replace=False).tolist():
            writes.update_rows(ws, "items", [i], {"lane_id": int(rng.choice(lanes))})
        for i in rng.choice(ids, n // 200, replace=False).tolist():
            writes.update_rows(ws, "items", [i], {"status": str(rng.choice(STATUSES + ("shipped",)))})
        writes.delete_rows(ws, "items", rng.choice(ids, 5, replace=False).tolist())
    insert_workspace_rows(ws, items=[_item(rng, i, lanes) for i in range(next_id, next_id + 10)])
    return next_id + 10


def median_s(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--churn", type=float, default=0.03, help="share of items whose estimates change each day")
    parser.add_argument("--db", type=Path, help="workspace file to write (default: a temporary one)")
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "history_bench.db"
    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    rng = np.random.default_rng(7)
    ws = open_workspace(path)
    lanes = build(ws, rng)
    ws.db.execute("VACUUM")
    before = used_bytes(ws)

    take_times, next_id = [], ITEMS + 1
    for day in range(args.days):
        if day:
            next_id = churn(ws, rng, lanes, args.churn, next_id)
        t0 = time.perf_counter()
        history.daily_snapshot(ws, today=FIRST_DAY + timedelta(days=day))
        take_times.append(time.perf_counter() - t0)
        if day % 73 == 0:
            print(f"day {day}: {used_bytes(ws) - before:,} bytes so far", file=sys.stderr)
    # Items change once more after the last snapshot, so `changes` has today's edits to find too.
    churn(ws, rng, lanes, args.churn, next_id)
    added = used_bytes(ws) - before
    ws.db.execute("VACUUM")
    vacuumed = used_bytes(ws) - before
    snapshot_bytes = table_bytes(ws, "snapshots", "idx_snapshots_day")

    snaps = history.list_snapshots(ws)
    first, month_ago, last = snaps[-1]["id"], snaps[min(30, len(snaps) - 1)]["id"], snaps[0]["id"]
    since_first = median_s(lambda: history.changes(ws, since=first))
    since_month = median_s(lambda: history.changes(ws, since=month_ago))
    rows_first = len(history.changes(ws, since=first))
    rows_month = len(history.changes(ws, since=month_ago))
    floor_decode = median_s(lambda: (history._decode(ws, first), history._decode(ws, last)))

    def rescore():
        with cache_lock(ws):
            compute(ws, resolve_params(ws), with_stability=False)

    floor_rescore = median_s(rescore)
    moves = median_s(lambda: history.rank_moves(ws, month_ago))
    item = int(history._decode(ws, first, with_titles=False)["ids"][0])
    item_hist = median_s(lambda: history.item_history(ws, item), runs=3)
    blobs = [len(d) for _, d in history_store.chain(ws, last)]
    figures = {
        "items": int(history.list_snapshots(ws)[0]["items"]), "snapshots": len(snaps), "churn": args.churn,
        "snapshot_bytes": snapshot_bytes, "bytes_per_snapshot": round(snapshot_bytes / len(snaps)),
        "file_bytes_added": added, "file_bytes_added_after_vacuum": vacuumed,
        "full_every": history.FULL_EVERY, "latest_chain_blob_bytes": blobs,
        "take_ms_median": round(statistics.median(take_times) * 1000, 1),
        "changes_since_first_s": round(since_first, 3), "changes_since_first_rows": rows_first,
        "changes_since_30_days_s": round(since_month, 3), "changes_since_30_days_rows": rows_month,
        "floor_decode_two_s": round(floor_decode, 3), "floor_live_rescore_s": round(floor_rescore, 3),
        "ratio_changes_to_floors": round(since_first / (floor_decode + floor_rescore), 2),
        "rank_moves_s": round(moves, 3), "item_history_year_s": round(item_hist, 3),
        "codec_columns": list(history_codec.COLUMNS),
    }
    print(f"{len(snaps)} snapshots of ~{figures['items']:,} items: {snapshot_bytes / 1e6:.2f} MB of snapshot pages, "
          f"{figures['bytes_per_snapshot']:,} bytes each; the file grew {vacuumed / 1e6:.2f} MB after VACUUM "
          f"({added / 1e6:.2f} MB before), the rest being the churn's own rows and change log")
    print(f"changes since the first: {since_first:.3f} s ({rows_first:,} rows); since 30 days ago: {since_month:.3f} s "
          f"({rows_month:,} rows); floors: decode two {floor_decode:.3f} s + live rescore {floor_rescore:.3f} s")
    print(json.dumps(figures))
    ws.close()


if __name__ == "__main__":
    main()
