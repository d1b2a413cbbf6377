"""How long an import keeps other writers (the window's edits) waiting, against a floor.

Run by hand, not by CI:  python3 benchmarks/lock_bench.py [ROWS ...]
With no sizes it measures 10k, 50k and 200k rows, one JSON line each:
{"benchmark": "lock", "rows": N, "import_s": .., "longest_wait_s": .., "edits": .., "floor_s": .., "ratio": ..}

An import runs as `planner import` in its own process while a second process,
standing in for the window, makes one small edit every 50 ms through the core
(BEGIN IMMEDIATE, busy timeout 60 s) and records how long each waited for the
lock. The floor is the same rows written by one bare `executemany` in one
transaction: the least time any import of them must hold the lock.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from import_bench import COLUMNS, generate  # noqa: E402

SIZES = (10_000, 50_000, 200_000)


def _floor(csv_path: Path, folder: Path) -> float:
    import csv

    with open(csv_path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    conn = sqlite3.connect(folder / f"floor-{len(rows)}.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"CREATE TABLE r ({', '.join(f'c{i} TEXT' for i in range(len(COLUMNS)))})")
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(f"INSERT INTO r VALUES ({', '.join('?' * len(COLUMNS))})", rows)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    conn.close()
    return seconds


def measure(rows: int, folder: Path) -> dict:
    from planner import ops
    from planner.storage import open_workspace

    csv_path = folder / f"requests-{rows}.csv"
    generate(csv_path, rows)
    db = folder / f"w{rows}.db"
    with open_workspace(db) as ws:
        item = ops.add_item(ws, title="Edited while the import runs")["id"]
    waits: list[float] = []
    stop = threading.Event()

    def window():
        ws = open_workspace(db, migrate=False, busy_timeout=60)
        n = 0
        while not stop.is_set():
            n += 1
            started = time.perf_counter()
            ops.edit_item(ws, item, effort=1 + n % 5)
            waits.append(time.perf_counter() - started)
            time.sleep(0.05)
        ws.close()

    editor = threading.Thread(target=window)
    editor.start()
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "planner", "--db", str(db), "import", str(csv_path)], check=True,
                   capture_output=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    import_s = time.perf_counter() - started
    time.sleep(0.3)
    stop.set()
    editor.join()
    floor_s = _floor(csv_path, folder)
    longest = max(waits)
    return {"benchmark": "lock", "rows": rows, "import_s": round(import_s, 2), "longest_wait_s": round(longest, 3),
            "edits": len(waits), "floor_s": round(floor_s, 3), "ratio": round(longest / floor_s, 2)}


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or list(SIZES)
    with tempfile.TemporaryDirectory() as tmp:
        for rows in sizes:
            print(json.dumps(measure(rows, Path(tmp))), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
