"""Import speed against a floor: `pandas.read_csv` plus one bare `executemany`.

Run by hand, not by CI:  python3 benchmarks/import_bench.py [ROWS ...] [--reimport]
With no sizes it measures 10k, 100k and 1M rows, one JSON line each, the largest last:
{"benchmark": "import", "rows": N, "ours_s": .., "floor_s": .., "ratio": .., "peak_mb": .., "reader_peak_mb": ..,
 "settled_s": ..,
 "breakdown": {"read": .., "convert": .., "raw": .., "insert": .., "index_rebuild": .., "commit": .., ...}}
Each measurement runs in its own process so that peak memory is its own. The breakdown is the
import's own seconds per stage (`planner.importing.timing`), "checkpoint" the wait after it
(in settled_s, not in ours_s); what no stage names (plan, dedupe of ids, bookkeeping) is the rest of ours_s.
"""

from __future__ import annotations

import csv
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (10_000, 100_000, 1_000_000)
WORDS = ("export", "dashboard", "SSO", "invoice", "CSV", "filter", "slow", "mobile", "API", "webhook",
         "permissions", "report", "search", "calendar", "Slack", "bulk edit", "dark mode", "audit log")
JA = ("請求書の一括ダウンロード", "権限設定を細かく", "検索が遅い", "モバイルで承認したい", "CSV出力に項目追加",
      "シングルサインオン対応", "①②の表記が崩れる", "㈱の表示", "髙橋さんからの要望")
SEGMENTS = ("Enterprise", "Mid-market", "SMB", "Startup")
COLUMNS = ("ID", "Title", "Description", "Company", "Email", "Created", "MRR", "Segment", "Votes")


def generate(path: Path, rows: int, seed: int = 20240312) -> None:
    rnd = random.Random(seed)
    companies = [f"Company {i:05d} {rnd.choice(['Inc.', 'Ltd', 'GmbH', '株式会社'])}" for i in range(max(50, rows // 20))]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(COLUMNS)
        for i in range(rows):
            words = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(3, 8)))
            ja = rnd.choice(JA)
            title = f"{words.capitalize()}, {ja} #{i}" if i % 3 else f'"{words}" please'
            body = "\n".join(
                f'Line {n}: we need {rnd.choice(WORDS)}, "{rnd.choice(WORDS)}" and {rnd.choice(JA)}; ' + "x" * rnd.randint(10, 60)
                for n in range(rnd.randint(2, 5))
            )
            company = rnd.choice(companies)
            email = f"user{rnd.randint(1, 99999)}@{company.split()[1]}.example.org"
            created = f"2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}T{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:00Z"
            mrr = f"¥{rnd.randint(1, 500) * 1000:,}"
            out.writerow((f"REQ-{i}", title, body, company, email, created, mrr, rnd.choice(SEGMENTS), rnd.randint(0, 40)))


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def child_floor(csv_path: str, db_path: str) -> dict:
    import sqlite3

    import pandas as pd

    start = time.perf_counter()
    df = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    conn = sqlite3.connect(db_path)
    conn.execute(f"CREATE TABLE t ({', '.join(f'c{i} TEXT' for i in range(len(COLUMNS)))})")
    with conn:
        conn.executemany(f"INSERT INTO t VALUES ({', '.join('?' * len(COLUMNS))})", df.itertuples(index=False, name=None))
    conn.close()
    return {"seconds": time.perf_counter() - start, "peak_mb": _peak_mb()}


def child_ours(csv_path: str, db_path: str, times: int) -> dict:
    import pandas  # noqa: F401  the floor imports it before its clock starts too

    from planner.importing import import_requests, timing
    from planner.storage import checkpoint, open_workspace

    ws = open_workspace(db_path)
    runs = []
    for _ in range(times):
        with timing.recording() as stages:
            start = time.perf_counter()
            report = import_requests(ws, csv_path)
            seconds = time.perf_counter() - start
        checkpoint.wait()  # a big import's pages, copied from the WAL on a thread after its commit
        stages["checkpoint"] = time.perf_counter() - start - seconds
        runs.append({"seconds": seconds, "settled": time.perf_counter() - start, "new": report["new"],
                     "failed": report["failed"], "breakdown": {k: round(v, 2) for k, v in stages.items()}})
    ws.close()
    # A file from `read_process.PROCESS_FROM_ROWS` rows is read in a process of its own: its peak is apart.
    reader_mb = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    return {"runs": runs, "peak_mb": _peak_mb(), "reader_peak_mb": reader_mb}


def _child(*args) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", *map(str, args)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(rows: int, folder: Path, reimport: bool) -> dict:
    csv_path = folder / f"requests_{rows}.csv"
    if not csv_path.exists():
        generate(csv_path, rows)
    floor = _child("floor", csv_path, folder / f"floor_{rows}.db")
    ours = _child("ours", csv_path, folder / f"ours_{rows}.db", 2 if reimport else 1)
    first = ours["runs"][0]
    line = {
        "benchmark": "import", "rows": rows, "ours_s": round(first["seconds"], 2), "floor_s": round(floor["seconds"], 2),
        "ratio": round(first["seconds"] / floor["seconds"], 2), "peak_mb": ours["peak_mb"], "reader_peak_mb": ours["reader_peak_mb"],
        # Until the WAL checkpoint the commit left to a thread is done too (the user does not wait for it).
        "settled_s": round(first["settled"], 2), "settled_ratio": round(first["settled"] / floor["seconds"], 2),
        "breakdown": first.get("breakdown", {}),
    }
    if reimport:
        again = ours["runs"][1]
        line.update(reimport_s=round(again["seconds"], 2), reimport_new=again["new"],
                    reimport_ratio=round(again["seconds"] / first["seconds"], 2))
    return line


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        kind, csv_path, db_path = argv[1:4]
        result = child_floor(csv_path, db_path) if kind == "floor" else child_ours(csv_path, db_path, int(argv[4]))
        print(json.dumps(result))
        return 0
    reimport = "--reimport" in argv
    sizes = [int(a) for a in argv if a.isdigit()] or list(SIZES)
    with tempfile.TemporaryDirectory(prefix="import-bench-") as tmp:
        for rows in sorted(sizes):
            print(json.dumps(measure(rows, Path(tmp), reimport or rows == 100_000)), flush=True)
            for db in Path(tmp).glob("*.db*"):
                if db.is_dir():  # a workspace's backups, made before the reimport
                    shutil.rmtree(db)
                else:
                    db.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
