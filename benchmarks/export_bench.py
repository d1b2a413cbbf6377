"""Export speed on a big workspace: 10k items, 100k linked requests, 2k companies.

Run by hand: `python3 benchmarks/export_bench.py [--db PATH] [--rebuild]`. It
builds the workspace once (kept at --db for the next run), then times:

- ours: `export_roadmap` of the full internal workbook, end to end (scoring,
  gathering, every sheet styled, saved beside the target and moved into place);
- floor: openpyxl in write-only mode writing the very same cell values, read
  back from our file, with no styling, widths, filters or print setup.

The last line is one JSON object; ratio = ours / floor. Targets: ratio <= 2.5
and ours under 10 s.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from openpyxl import Workbook, load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.exporting import export_roadmap  # noqa: E402
from planner.storage import open_workspace  # noqa: E402

ITEMS, REQUESTS, COMPANIES = 10_000, 100_000, 2_000
TODAY = date(2026, 11, 1)


def build(path: Path) -> float:
    # Bulk rows straight into SQLite: going through the use-case functions one request
    # at a time would take minutes, and `planner.storage.bulk` takes no lanes, company
    # plans, item notes, request bodies or requesters, which the workbook shows.
    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    t0 = time.perf_counter()
    rng = np.random.default_rng(11)
    ws = open_workspace(path)
    conn = ws.conn
    stamp = "2026-11-01T00:00:00+00:00"
    segments = ("Enterprise", "Mid-market", "SMB")
    statuses = ("idea", "candidate", "planned", "in_progress", "shipped")
    themes = ("Security", "Performance", "Integrations", "Reporting", "Collaboration", "Platform")
    with ws.db.atomic():
        for n, (name, start, end) in enumerate(
            [("2026 Q4", "2026-10-01", "2026-12-31"), ("2027 Q1", "2027-01-01", "2027-03-31"),
             ("2027 Q2", "2027-04-01", "2027-06-30"), ("2027 Q3", "2027-07-01", "2027-09-30")]
        ):
            conn.execute(
                "INSERT INTO lanes(id, name, kind, position, start_date, end_date, capacity) VALUES (?, ?, 'quarter', ?, ?, ?, 40)",
                (n + 1, name, n, start, end),
            )
        conn.executemany(
            "INSERT INTO companies(id, name, name_key, segment, plan, mrr, created_at) VALUES (?, ?, ?, ?, 'Pro', ?, ?)",
            ((i, f"Company {i} Ltd.", f"company {i} ltd.", segments[i % 3], float(rng.integers(50, 20_000)), stamp)
             for i in range(1, COMPANIES + 1)),
        )
        impacts = (3, 2, 1, 0.5, 0.25)
        conn.executemany(
            """INSERT INTO items(id, title, status, theme, reach_mode, impact, confidence, effort, value, notes,
                                 lane_id, lane_position, created_at, updated_at)
               VALUES (?, ?, ?, ?, 'requests', ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            ((i, f"Item {i}: make the {themes[i % 6].lower()} part better for larger teams", statuses[i % 5],
              themes[i % 6], float(impacts[i % 5]), float((50, 80, 100)[i % 3]), float(rng.integers(1, 24)) / 2,
              float(rng.integers(1, 10)), "Internal note" if i % 7 == 0 else None,
              (i % 4) + 1 if i % 10 < 3 else None, float(i), stamp, stamp)
             for i in range(1, ITEMS + 1)),
        )
        company = rng.integers(1, COMPANIES + 1, REQUESTS)
        days = rng.integers(0, 400, REQUESTS)
        conn.executemany(
            """INSERT INTO requests(id, source, external_id, title, body, requester, email, company_id, created_at,
                                    status, imported_at, updated_at)
               VALUES (?, 'bench', ?, ?, ?, ?, ?, ?, ?, 'linked', ?, ?)""",
            ((r + 1, f"T-{r + 1:06d}", f"Request {r + 1} about exports", "Customers want this to work with SSO and bigger files.",
              f"Person {r % 5000}", f"person{r % 5000}@example.com", int(company[r]),
              (TODAY - timedelta(days=int(days[r]))).isoformat(), stamp, stamp)
             for r in range(REQUESTS)),
        )
        # Demand is long-tailed: a few items gather most of the requests.
        item = (rng.zipf(1.3, REQUESTS) % ITEMS) + 1
        imp = ("nice_to_have", "important", "critical")
        conn.executemany(
            "INSERT INTO links(request_id, item_id, importance, created_at) VALUES (?, ?, ?, ?)",
            ((r + 1, int(item[r]), imp[r % 3], stamp) for r in range(REQUESTS)),
        )
    ws.db.execute("ANALYZE")
    ws.close()
    return time.perf_counter() - t0


def floor(values: dict[str, list[list]], path: Path) -> tuple[float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    wb = Workbook(write_only=True)
    for title, rows in values.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return time.perf_counter() - t0, time.process_time() - c0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/export_bench.db")
    parser.add_argument("--out", default="/tmp/export_bench.xlsx")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    path, out = Path(args.db), Path(args.out)
    if args.rebuild or not path.exists():
        print(f"building {path} ...", file=sys.stderr)
        print(f"built in {build(path):.1f} s", file=sys.stderr)
    ws = open_workspace(path)
    items = ws.db.execute("SELECT COUNT(*) FROM items").fetchone()[0]
    links = ws.db.execute("SELECT COUNT(*) FROM links").fetchone()[0]

    runs = []
    for _ in range(2):
        t0, c0 = time.perf_counter(), time.process_time()
        result = export_roadmap(ws, out, edition="internal", lanes="quarters")
        runs.append((time.perf_counter() - t0, time.process_time() - c0))
    ours_s, ours_cpu = min(runs)
    print(f"ours (full internal workbook): {ours_s:.2f} s; sheets {result['sheets']}", file=sys.stderr)

    book = load_workbook(out, read_only=True)
    values = {name: [list(row) for row in book[name].iter_rows(values_only=True)] for name in book.sheetnames}
    book.close()
    cells = sum(sum(v is not None for v in row) for rows in values.values() for row in rows)
    floor_s, floor_cpu = min(floor(values, out.with_name(out.stem + "-floor.xlsx")) for _ in range(2))
    print(f"floor (write-only, unstyled, same {cells} cells): {floor_s:.2f} s", file=sys.stderr)

    print(json.dumps({
        "benchmark": "export", "items": items, "requests": links, "cells": cells,
        "ours_s": round(ours_s, 3), "floor_s": round(floor_s, 3), "ratio": round(ours_s / floor_s, 2),
        # CPU seconds too: on a shared machine the wall clock mostly measures the neighbours.
        "ours_cpu_s": round(ours_cpu, 3), "floor_cpu_s": round(floor_cpu, 3), "load": round(os.getloadavg()[0], 1),
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
