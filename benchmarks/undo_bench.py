"""Undoing an import, per row, as the import grows: an undo that scans instead of using an index
grows with the square of the rows (it took 16x as long for 4x the rows before duplicate_of had one).

Run by hand, not by CI:  python3 benchmarks/undo_bench.py [SMALL LARGE]
It imports SMALL rows (default 2,000) and LARGE rows (default 8,000) into one workspace, undoes
each, and prints one JSON line:
{"benchmark": "undo_import", "small_rows": .., "small_s": .., "large_rows": .., "large_s": .., "per_row_ratio": ..}
per_row_ratio is the large undo's time per row over the small one's: about 1 when undo is linear.
The test suite checks the index itself (tests/planner/importing/test_undo_import.py).
"""

from __future__ import annotations

import csv
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.importing import import_requests  # noqa: E402
from planner.importing.batch import undo_import  # noqa: E402
from planner.storage import open_workspace  # noqa: E402


def undo_seconds(ws, folder: Path, rows: int) -> float:
    path = folder / f"requests-{rows}.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["ID", "Title", "Company", "Email"])
        out.writerows([f"R-{i}", f"Request {i}", "Acme", f"u{i}@acme.com"] for i in range(rows))
    batch = import_requests(ws, path, source=f"bench-{rows}")
    started = time.perf_counter()
    undo_import(ws, batch["batch_id"])
    return time.perf_counter() - started


def main(argv: list[str]) -> dict:
    small, large = (int(n) for n in argv[:2]) if len(argv) >= 2 else (2_000, 8_000)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with open_workspace(folder / "undo.db") as ws:
            small_s = undo_seconds(ws, folder, small)
            large_s = undo_seconds(ws, folder, large)
    result = {"benchmark": "undo_import", "small_rows": small, "small_s": round(small_s, 4),
              "large_rows": large, "large_s": round(large_s, 4),
              "per_row_ratio": round((large_s / large) / (small_s / small), 2)}
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main(sys.argv[1:])
