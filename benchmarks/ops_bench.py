"""One user edit through the core operation (journal included), its undo and its redo, on a big workspace,
against a floor: the same UPDATE, bare, in its own transaction on the same file.

Run by hand, not by CI:  python3 benchmarks/ops_bench.py [ITEMS]
It builds ITEMS items (default 10,000) on lanes (`planner.roadmap.sample`), then times
N edits of one item's effort, their undos and redos, and prints one JSON line with medians in
milliseconds and the ratio of an edit to the floor:
{"benchmark": "ops", "items": .., "edit_ms": .., "undo_ms": .., "redo_ms": .., "floor_ms": .., "edit_ratio": ..}
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner import ops  # noqa: E402
from planner.roadmap.sample import add_sample_items  # noqa: E402
from planner.storage import open_workspace  # noqa: E402

ROUNDS = 200


def _median_ms(times: list[float]) -> float:
    return round(statistics.median(times) * 1000, 3)


def main(argv: list[str]) -> dict:
    items = int(argv[0]) if argv else 10_000
    with tempfile.TemporaryDirectory() as folder:
        ws = open_workspace(Path(folder) / "ops.db")
        add_sample_items(ws, total=items)
        item_id = ops.list_items(ws)[items // 2]["id"]
        floor, edit, undo, redo = [], [], [], []
        for n in range(ROUNDS):
            effort = 1 + n % 7
            started = time.perf_counter()
            with ws.db.atomic():
                ws.db.execute("UPDATE items SET effort = ?, updated_at = ? WHERE id = ?", [effort, "now", item_id])
            floor.append(time.perf_counter() - started)

            started = time.perf_counter()
            done = ops.edit_item(ws, item_id, effort=effort + 0.5)
            edit.append(time.perf_counter() - started)
            started = time.perf_counter()
            undone = ops.undo(ws, done)
            undo.append(time.perf_counter() - started)
            started = time.perf_counter()
            ops.redo(ws, undone)
            redo.append(time.perf_counter() - started)
        ws.close()
    figures = {"benchmark": "ops", "items": items, "edit_ms": _median_ms(edit), "undo_ms": _median_ms(undo),
               "redo_ms": _median_ms(redo), "floor_ms": _median_ms(floor)}
    figures["edit_ratio"] = round(figures["edit_ms"] / figures["floor_ms"], 2)
    return figures


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
