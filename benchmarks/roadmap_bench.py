"""Roadmap board and matrix at 2,000 items: build, first paint, scroll, drag, drop, export.

Run by hand: `python3 benchmarks/roadmap_bench.py [--db PATH] [--rebuild] [--shots DIR]`.
It builds a 2,000-item workspace once (`planner.roadmap.sample`, kept at --db),
then times the board (Roadmap view) and the matrix offscreen. The last line is
one JSON object of milliseconds. Targets: board built and painted under 300 ms,
a scroll step repainted under 16 ms (median), a drop written and redrawn under 250 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="/tmp/roadmap-bench-2000.db")
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--shots", default=None, help="save screenshots here")
    args = parser.parse_args(argv)

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from planner.roadmap.sample import add_sample_items
    from planner.storage import open_workspace
    from ui.app import make_application
    from ui.roadmap import BoardView
    from ui.context import AppContext
    from ui.matrix import MatrixView

    app = make_application()
    db = Path(args.db)
    if args.rebuild and db.exists():
        db.unlink()
    ws = open_workspace(db)
    add_sample_items(ws, total=args.items, today=date(2026, 11, 23))
    ctx = AppContext(ws)
    out: dict = {}

    def settle(view):
        while view.scores_pending:
            app.processEvents()
            time.sleep(0.005)
        app.processEvents()

    t0 = time.perf_counter()
    board = BoardView(ctx)
    board.resize(1400, 860)
    board.show()
    t1 = time.perf_counter()
    app.processEvents()
    board.canvas.viewport().repaint()
    t2 = time.perf_counter()
    out["board_cards"] = sum(len(lane["items"]) for lane in board.lanes)
    out["board_build_ms"] = ms(t1 - t0)
    out["board_first_paint_ms"] = ms(t2 - t1)
    settle(board)
    out["board_scores_ready_ms"] = ms(time.perf_counter() - t0)
    bar = board.canvas.verticalScrollBar()
    for step, key in ((40, "scroll_40px"), (700, "scroll_page")):
        bar.setValue(0)
        app.processEvents()
        times = []
        for _ in range(40):
            t = time.perf_counter()
            bar.setValue(bar.value() + step)
            board.canvas.viewport().repaint()
            times.append(time.perf_counter() - t)
        out[f"{key}_median_ms"] = ms(statistics.median(times))
        out[f"{key}_max_ms"] = ms(max(times))
    bar.setValue(0)
    app.processEvents()
    viewport = board.canvas.viewport()
    card = board.lanes[1]["items"][0]
    start = board.canvas.card_center(card["id"])
    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, start)
    end = board.canvas.drop_point(3, 2)
    times = []
    for n in range(1, 11):
        t = time.perf_counter()
        QTest.mouseMove(viewport, start + (end - start) * (n / 10))
        viewport.repaint()
        times.append(time.perf_counter() - t)
    out["drag_step_median_ms"] = ms(statistics.median(times))
    t = time.perf_counter()
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, end)
    viewport.repaint()
    out["drop_write_and_redraw_ms"] = ms(time.perf_counter() - t)
    t = time.perf_counter()
    ctx.undo_stack.undo()
    viewport.repaint()
    out["undo_redraw_ms"] = ms(time.perf_counter() - t)
    settle(board)
    t = time.perf_counter()
    board.export_png(Path(args.shots or "/tmp") / "roadmap-bench-board.png")
    out["board_export_ms"] = ms(time.perf_counter() - t)
    if args.shots:
        board.grab().save(str(Path(args.shots) / "bench_board.png"))

    t0 = time.perf_counter()
    matrix = MatrixView(ctx)
    matrix.resize(1300, 820)
    matrix.show()
    app.processEvents()
    settle(matrix)
    out["matrix_points"] = len(matrix.canvas.points)
    out["matrix_ready_ms"] = ms(time.perf_counter() - t0)
    out["matrix_build_ms"] = ms(matrix.last_timing.get("build", 0))
    t = time.perf_counter()
    matrix.canvas.viewport().repaint()
    out["matrix_repaint_ms"] = ms(time.perf_counter() - t)
    t = time.perf_counter()
    matrix.resize(1100, 700)
    app.processEvents()
    matrix.canvas.viewport().repaint()
    out["matrix_resize_ms"] = ms(time.perf_counter() - t)
    if args.shots:
        matrix.grab().save(str(Path(args.shots) / "bench_matrix.png"))
    ws.close()
    print(json.dumps(out))
    return out


if __name__ == "__main__":
    main()
