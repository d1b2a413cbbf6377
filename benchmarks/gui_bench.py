"""Desktop app speed, offscreen: start-up, a 100k-item workspace, sort and search.

Run by hand: `python3 benchmarks/gui_bench.py [--db PATH] [--rebuild] [--runs N]`. It times:

- start_s: from launching a fresh Python process to the first painted main
  window on the demo workspace, against start_floor_s: the same for a bare
  QApplication and an empty QMainWindow; both the median of --runs processes.
  The window paints before it builds the backlog (which scores every item and
  imports numpy and the scoring for it), so start_backlog_s says when the
  backlog is built, scored and filled (`MainWindow.first_painted`);
- open_100k_s: switching the window to a 100k-item workspace (open, list the
  items, paint), built once with a bulk insert and scored once, as a workspace
  the window had open before; the scores are computed in the background and
  arrive at scored_100k_s, against scored_floor_s: the bare SQL GROUP BY over
  the same workspace's links that a naive scorer would run. Opening includes
  the integrity check (`PRAGMA quick_check`, reading the whole file);
- sort_ms: the slower of sorting the 100k backlog by score and by title;
- filter_ms: one keystroke in the search field on 100k rows, to the repaint.

The last line is one JSON object with the figures; the extra *_cpu figures (CPU
time, which other processes on a shared machine do not inflate) and the load
average say how much of a wall time was waiting for a CPU.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ITEMS, COMPANIES, REQUESTS, LINKS = 100_000, 2_000, 200_000, 300_000

# The child prints the time at which the window was first painted; the parent
# subtracts the moment it launched the process.
_PAINT_WATCH = r"""
import time
from PySide6.QtCore import QObject, QEvent, QTimer
class _Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint:
            QTimer.singleShot(0, _done)
        return False
def _done():
    print("PAINTED", time.time(), flush=True)
    if not WAIT_FOR_BACKLOG:
        raise SystemExit(0)
WAIT_FOR_BACKLOG = False
"""

FLOOR_CHILD = _PAINT_WATCH + r"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.resize(1440, 860)
watch = _Watch()
w.installEventFilter(watch)
w.show()
app.exec()
"""

APP_CHILD = _PAINT_WATCH + r"""
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from ui.app import make_application
app = make_application()
from PySide6.QtCore import QSettings
from planner.storage import open_workspace
from ui.main_window import MainWindow
ws = open_workspace(Path({db!r}))
w = MainWindow(ws, settings=QSettings({ini!r}, QSettings.IniFormat))
WAIT_FOR_BACKLOG = True
def _ready():
    print("BACKLOG", time.time(), flush=True)
    raise SystemExit(0)
w.first_painted.connect(_ready)
watch = _Watch()
w.installEventFilter(watch)
w.show()
app.exec()
"""


def time_child(code: str) -> tuple[float, float, float | None]:
    """(wall seconds to the first paint, CPU seconds the child used in all, wall seconds to the backlog built).

    The last is None for a child that builds no backlog (the floor).
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.time()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    marks: dict[str, float] = {}
    for line in out.stdout.splitlines():
        kind, _, when = line.partition(" ")
        if kind in ("PAINTED", "BACKLOG"):
            marks.setdefault(kind, float(when) - started)
    if "PAINTED" in marks:
        return marks["PAINTED"], cpu, marks.get("BACKLOG")
    raise RuntimeError(f"the child never painted:\n{out.stdout}\n{out.stderr}")


def build_demo(path: Path) -> None:
    from datetime import date

    from planner.demo import load_demo
    from planner.storage import open_workspace

    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    ws = open_workspace(path)
    load_demo(ws, today=date.today())
    ws.close()


def build_big(path: Path) -> float:
    from planner.storage import open_workspace
    from planner.storage.bulk import insert_workspace_rows

    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    started = time.perf_counter()
    rng = random.Random(7)
    ws = open_workspace(path)
    words = ("export", "import", "sso", "billing", "search", "report", "mobile", "api", "calendar", "sync",
             "dashboard", "alerts", "roles", "audit", "theme", "filters", "bulk", "webhooks", "offline", "tags")
    themes = ("Integrations", "Security", "Performance", "Reporting", "Collaboration", "Mobile", None)
    segments = ("Enterprise", "Mid-market", "SMB")
    impacts = (3.0, 2.0, 1.0, 0.5, 0.25)
    statuses = ("idea", "candidate", "planned", "in_progress", "shipped")
    companies = ({"id": c, "name": f"Company {c}", "name_key": f"company {c}", "segment": segments[c % 3],
                  "mrr": float(rng.randint(50, 20_000))} for c in range(1, COMPANIES + 1))
    items = ({"id": i, "title": f"{rng.choice(words).capitalize()} {rng.choice(words)} {i}",
              "theme": themes[i % len(themes)], "status": statuses[i % len(statuses)],
              "impact": impacts[i % 5], "confidence": (50.0, 80.0, 100.0)[i % 3],
              "effort": None if i % 97 == 0 else rng.randint(1, 24) / 2, "value": float(rng.randint(1, 10))}
             for i in range(1, ITEMS + 1))
    requests = ({"id": r, "title": "request", "email": f"user{rng.randint(0, 50_000)}@example.com",
                 "company_id": rng.randint(1, COMPANIES), "status": "linked",
                 "created_at": f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"} for r in range(1, REQUESTS + 1))
    pairs = set()
    while len(pairs) < LINKS:
        pairs.add((rng.randint(1, REQUESTS), int(rng.paretovariate(1.2)) % ITEMS + 1))
    links = ({"request_id": r, "item_id": i} for r, i in pairs)
    insert_workspace_rows(ws, companies=companies, items=items, requests=requests, links=links)
    ws.db.execute("ANALYZE")
    # Scored once, as the window did when the workspace was last open: its demand is stored in the file
    # (`storage/demand_store.py`), so every run times a workspace opened again, not the very first score.
    from planner.scoring import score_items

    score_items(ws, explain=False)
    ws.close()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "gui_bench_100k.db"))
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--start-only", action="store_true", help="time the start alone (no 100k workspace)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="gui_bench_"))
    demo = tmp / "demo.db"
    build_demo(demo)
    big = Path(args.db)
    if not args.start_only and (args.rebuild or not big.exists()):
        print(f"building {big} ...", file=sys.stderr)
        print(f"built in {build_big(big):.1f} s", file=sys.stderr)

    floor_runs, start_runs = [], []
    for n in range(args.runs):
        floor_runs.append(time_child(FLOOR_CHILD))
        start_runs.append(time_child(APP_CHILD.format(root=str(ROOT), db=str(demo), ini=str(tmp / f"s{n}.ini"))))
    start_floor_s = statistics.median(t for t, _, _ in floor_runs)
    start_s = statistics.median(t for t, _, _ in start_runs)
    start_floor_cpu = statistics.median(c for _, c, _ in floor_runs)
    start_cpu = statistics.median(c for _, c, _ in start_runs)
    start_backlog_s = statistics.median(b for _, _, b in start_runs)
    print(f"start: {start_s:.3f} s to the first paint (runs {', '.join(f'{t:.3f}' for t, _, _ in start_runs)}; "
          f"CPU {start_cpu:.3f} s in all); floor {start_floor_s:.3f} s (runs "
          f"{', '.join(f'{t:.3f}' for t, _, _ in floor_runs)}; CPU {start_floor_cpu:.3f} s); "
          f"ratio {start_s / start_floor_s:.2f}; the backlog built and scored at {start_backlog_s:.3f} s", file=sys.stderr)
    start = {"start_s": round(start_s, 3), "start_floor_s": round(start_floor_s, 3),
             "start_ratio": round(start_s / start_floor_s, 2), "start_backlog_s": round(start_backlog_s, 3),
             "start_cpu_s": round(start_cpu, 3), "start_floor_cpu_s": round(start_floor_cpu, 3)}
    if args.start_only:
        print(json.dumps({"benchmark": "gui", **start, "load_average": round(os.getloadavg()[0], 2)}))
        return 0

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    from planner.storage import open_workspace
    from ui.app import make_application
    from ui.backlog import KEYS
    from ui.main_window import MainWindow

    app = make_application()
    window = MainWindow(open_workspace(demo), settings=QSettings(str(tmp / "bench.ini"), QSettings.IniFormat))
    window.show()
    app.processEvents()
    backlog = window.backlog

    started = time.perf_counter()
    window.switch_workspace(big)
    while backlog.model.rowCount() != ITEMS:  # the list arrives first ...
        app.processEvents()
    window.repaint()
    open_100k_s = time.perf_counter() - started
    while backlog.scores_pending:  # ... and the scores follow from the background
        app.processEvents()
        time.sleep(0.005)
    window.repaint()
    scored_100k_s = time.perf_counter() - started
    print(f"open 100k: {open_100k_s:.3f} s to the listed items, {scored_100k_s:.3f} s to the scores "
          f"(background; the window stays responsive)", file=sys.stderr)

    from planner.storage import demand

    floor_ws = open_workspace(big)
    t0 = time.perf_counter()
    demand.demand_group_by(floor_ws)
    scored_floor_s = time.perf_counter() - t0
    floor_ws.close()
    print(f"  floor: a bare GROUP BY over its links {scored_floor_s:.3f} s "
          f"(ratio {scored_100k_s / scored_floor_s:.2f})", file=sys.stderr)

    def timed_ms(action) -> tuple[float, float]:
        """(wall ms, CPU ms of this process) for an action up to the repainted table."""
        t0, c0 = time.perf_counter(), time.process_time()
        action()
        app.processEvents()
        backlog.table.viewport().repaint()
        return (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000

    def median(runs, part):
        return statistics.median(r[part] for r in runs)

    # Alternate the two so each sort starts from the other order (a sorted list re-sorts in linear time).
    score_col, title_col = KEYS.index("score"), KEYS.index("title")
    by_score, by_title = [], []
    for _ in range(5):
        by_title.append(timed_ms(lambda: backlog.table.sortByColumn(title_col, Qt.AscendingOrder)))
        by_score.append(timed_ms(lambda: backlog.table.sortByColumn(score_col, Qt.DescendingOrder)))
    sort_ms = max(median(by_score, 0), median(by_title, 0))
    sort_cpu_ms = max(median(by_score, 1), median(by_title, 1))
    print(f"sort: by score {median(by_score, 0):.1f} ms (CPU {median(by_score, 1):.1f}), "
          f"by title {median(by_title, 0):.1f} ms (CPU {median(by_title, 1):.1f})", file=sys.stderr)

    backlog.filters.search.setFocus()

    def keystroke():
        backlog.filters.search.clear()
        app.processEvents()
        return timed_ms(lambda: QTest.keyClick(backlog.filters.search, "e"))

    keystrokes = [keystroke() for _ in range(5)]
    filter_ms, filter_cpu_ms = median(keystrokes, 0), median(keystrokes, 1)
    print(f"keystroke: {filter_ms:.1f} ms (CPU {filter_cpu_ms:.1f}; {backlog.model.rowCount():,} rows match)",
          file=sys.stderr)
    load = os.getloadavg()[0]
    print(f"load average while measuring: {load:.2f} on {os.cpu_count()} CPUs", file=sys.stderr)
    window.close()

    print(json.dumps({
        "benchmark": "gui",
        "start_s": round(start_s, 3),
        "start_floor_s": round(start_floor_s, 3),
        "start_ratio": round(start_s / start_floor_s, 2),
        "start_backlog_s": round(start_backlog_s, 3),
        "open_100k_s": round(open_100k_s, 3),
        "scored_100k_s": round(scored_100k_s, 3),
        "scored_floor_s": round(scored_floor_s, 3),
        "scored_ratio": round(scored_100k_s / scored_floor_s, 2),
        "sort_ms": round(sort_ms, 1),
        "filter_ms": round(filter_ms, 1),
        "start_cpu_s": round(start_cpu, 3),
        "start_floor_cpu_s": round(start_floor_cpu, 3),
        "sort_cpu_ms": round(sort_cpu_ms, 1),
        "filter_cpu_ms": round(filter_cpu_ms, 1),
        "load_average": round(load, 2),
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
