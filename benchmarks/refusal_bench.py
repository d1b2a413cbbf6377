"""How fast the importer refuses files that are not CSVs of requests, before reading them whole.

Run by hand, not by CI:  python3 benchmarks/refusal_bench.py
It times `import_requests` refusing two hostile files and prints one JSON line:
{"benchmark": "refusal", "wide_mb": .., "wide_s": .., "commas_s": ..}
- wide: 16,384 columns by 3,000 rows (about 95 MB); reading it whole once took 3.1 GB;
- commas: a header of 500,000 commas over one row.
The tests check that both are refused with their reason, and the wide file's peak memory
(tests/planner/importing/test_importer_hostile.py).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.errors import ImportFailed  # noqa: E402
from planner.importing import import_requests  # noqa: E402
from planner.storage import open_workspace  # noqa: E402


def refusal_seconds(ws, path: Path) -> float:
    started = time.perf_counter()
    try:
        import_requests(ws, path)
    except ImportFailed:
        return time.perf_counter() - started
    raise SystemExit(f"{path.name} was imported, not refused")


def main() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        wide = folder / "wide.csv"
        with open(wide, "wb") as fh:
            fh.write(",".join(["Title"] + [f"c{i}" for i in range(1, 16384)]).encode() + b"\n")
            for r in range(3000):
                fh.write(f"request {r}".encode() + b",x" * 16383 + b"\n")
        commas = folder / "commas.csv"
        commas.write_bytes(b"Title" + b"," * 500_000 + b"\nDark mode\n")
        with open_workspace(folder / "w.db") as ws:
            result = {"benchmark": "refusal", "wide_mb": round(wide.stat().st_size / 2**20, 1),
                      "wide_s": round(refusal_seconds(ws, wide), 3), "commas_s": round(refusal_seconds(ws, commas), 3)}
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
