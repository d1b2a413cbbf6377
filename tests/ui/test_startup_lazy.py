"""The window paints before anything heavy is imported or built, then builds the backlog and starts its background work."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from planner.demo import load_demo
from planner.storage import open_workspace
from ui.launch import window_only

ROOT = Path(__file__).resolve().parents[2]
# Not needed to paint the window: the workbook writer, the data frames, the numbers, the scoring and
# history (the backlog's, built just after the paint), the suggestions, and every view but the backlog.
HEAVY = ("numpy", "pandas", "openpyxl", "pyarrow", "planner.exporting", "planner.history", "planner.scoring.score",
         "planner.scoring.reach", "planner.suggest", "ui.backlog", "ui.inbox", "ui.roadmap.view", "ui.matrix",
         "ui.metrics", "ui.companies", "ui.changes", "ui.import_wizard")


@pytest.fixture
def demo_path(tmp_path) -> Path:
    path = tmp_path / "demo.db"
    ws = open_workspace(path)
    load_demo(ws, today=date(2026, 11, 23))
    ws.close()
    return path


def _run(code: str, tmp_path: Path) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


WINDOW = """
import json, sys
HEAVY = {heavy!r}
from ui.app import make_application
app = make_application()
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from planner.storage import open_workspace
from ui.main_window import MainWindow

window = MainWindow(open_workspace(Path({db!r})), settings=QSettings({ini!r}, QSettings.IniFormat))
seen = {{"built": sorted(m for m in HEAVY if m in sys.modules)}}

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint and "painted" not in seen:
            seen["painted"] = sorted(m for m in HEAVY if m in sys.modules)
            seen["backlog_built_at_paint"] = "backlog" in window.views
        return False

def ready():
    seen["rows"] = window.backlog.model.rowCount()
    seen["shown"] = window.stack.currentWidget() is window.backlog
    app.quit()

watch = Watch()
window.installEventFilter(watch)
window.first_painted.connect(ready)
QTimer.singleShot(30000, app.quit)
window.show()
app.exec()
print(json.dumps(seen))
"""


def test_the_window_paints_before_the_backlog_and_the_heavy_modules_then_shows_the_scored_backlog(demo_path, tmp_path):
    seen = _run(WINDOW.format(heavy=HEAVY, db=str(demo_path), ini=str(tmp_path / "s.ini")), tmp_path)
    assert seen["built"] == []
    assert seen["painted"] == []
    assert seen["backlog_built_at_paint"] is False
    ws = open_workspace(demo_path)
    items = ws.db.execute("SELECT COUNT(*) FROM items").fetchone()[0]
    ws.close()
    assert seen["rows"] == items > 0  # then the backlog, with every item, is what the window shows
    assert seen["shown"] is True


LAUNCH = """
import json, sys
import ui.app
seen = {{}}
def after_first_paint(window):
    seen["loaded"] = sorted(m for m in ("openpyxl", "pandas", "planner.exporting", "planner.inbox_flow",
                                        "planner.cli.export_cmds") if m in sys.modules)
    seen["rows"] = window.backlog.model.rowCount()
    seen["title"] = window.windowTitle()
    window.close()
    ui.app.QApplication.quit()
ui.app.after_first_paint = after_first_paint
from ui.launch import main
seen["code"] = main(["--db", {db!r}])
print(json.dumps(seen))
"""


def test_the_planner_command_opens_the_window_without_loading_the_command_line_s_commands(demo_path, tmp_path):
    seen = _run(LAUNCH.format(db=str(demo_path)), tmp_path)
    assert seen["code"] == 0
    assert seen["loaded"] == []  # the export command's workbook writer and the like stay unloaded
    assert seen["rows"] > 0
    assert "Roadmap Planner" in seen["title"]


@pytest.mark.parametrize("argv, expected", [
    ([], (True, None)),
    (["gui"], (True, None)),
    (["--db", "w.db"], (True, "w.db")),
    (["--db=w.db", "gui"], (True, "w.db")),
    (["--db", "w.db", "gui"], (True, "w.db")),
    (["items"], (False, None)),  # a command: the command line
    (["--db", "w.db", "items"], (False, None)),
    (["--version"], (False, None)),
    (["--install-desktop-entry"], (False, None)),
    (["-h"], (False, None)),
    (["gui", "--db", "w.db"], (False, None)),  # the command line says this is wrong
    (["--db", ""], (False, None)),  # refused by the command line, with its message
    (["--db", "~someone/w.db"], (False, None)),  # expanded (or refused) by the command line
    (["--db"], (False, None)),
])
def test_only_arguments_that_ask_for_the_window_alone_skip_the_command_line(argv, expected):
    assert window_only(argv) == expected
