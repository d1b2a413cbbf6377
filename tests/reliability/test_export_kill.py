"""An export that is killed or terminated midway: the previous file stays as it was, and
its temporary files go away, at once on SIGTERM, at the next start after a kill -9."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planner.storage import open_workspace
from planner.storage.bulk import insert_workspace_rows
from processes import ROOT, cli_env

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGSTOP, SIGKILL and SIGTERM as POSIX has them")

ITEMS, REQUESTS, COMPANIES = 2000, 20000, 200  # about a second of export, half of it writing
PREVIOUS = b"previous workbook"

# A stand-in for a command line that turns SIGTERM into an exception, so this
# checks the export's own clean-up whatever the command line does; the real
# command line is checked too.
TERMINABLE_EXPORT = """
import signal, sys
signal.signal(signal.SIGTERM, lambda *a: sys.exit(143))
from planner.exporting import export_roadmap
from planner.storage import open_workspace
export_roadmap(open_workspace(sys.argv[1]), sys.argv[2])
"""
EXPORTS = {
    "export_roadmap": lambda db, out: ["-c", TERMINABLE_EXPORT, str(db), str(out)],
    "cli": lambda db, out: ["-m", "planner", "--db", str(db), "export", str(out)],
}
SWEEP = "import json; from planner.exporting import sweep_leftovers; print(json.dumps([str(p) for p in sweep_leftovers()]))"


@pytest.fixture(scope="module")
def big_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.db"
    ws = open_workspace(path)
    insert_workspace_rows(
        ws,
        companies=[{"id": c, "name": f"Company {c}", "name_key": f"company {c}", "segment": "SMB", "mrr": 100.0}
                   for c in range(1, COMPANIES + 1)],
        items=[{"id": i, "title": f"Item {i}", "impact": 1.0, "confidence": 80.0, "effort": 2.0} for i in range(1, ITEMS + 1)],
        requests=[{"id": r, "title": f"Request {r}", "email": f"p{r % 500}@example.com", "company_id": r % COMPANIES + 1,
                   "created_at": "2026-10-01", "status": "linked"} for r in range(1, REQUESTS + 1)],
        links=[{"request_id": r, "item_id": r % ITEMS + 1} for r in range(1, REQUESTS + 1)],
    )
    ws.close()
    return path


@pytest.fixture
def place(tmp_path):
    """The export's folder, with a previous workbook in it, and an empty system temporary folder."""
    out, system_tmp = tmp_path / "out", tmp_path / "system-tmp"
    out.mkdir()
    system_tmp.mkdir()
    (out / "roadmap.xlsx").write_bytes(PREVIOUS)
    env = dict(cli_env(tmp_path), TMPDIR=str(system_tmp))
    return out, system_tmp, env


@pytest.fixture
def spawn(place):
    """Start an export process; whatever happens in the test, none outlives it (nor stays stopped)."""
    started = []

    def start(args):
        proc = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=place[2], cwd=ROOT)
        started.append(proc)
        return proc

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()


def temp_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith(".~planner-"))


def journal(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "appdata" / "RoadmapPlanner" / "exports-in-progress"
    return sorted(folder.iterdir()) if folder.exists() else []


def stopped_while_writing(proc: subprocess.Popen, folder: Path) -> list[Path]:
    """Wait until the export is writing (its parts folder exists), freeze it there and
    return its temporary files: exactly what a signal sent now finds."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if any(p.name.endswith(".parts") for p in temp_files(folder)):
            os.kill(proc.pid, signal.SIGSTOP)
            return temp_files(folder)
        if proc.poll() is not None:
            pytest.fail(f"the export ended (exit {proc.returncode}) before it was seen writing: {proc.stderr.read()}")
        time.sleep(0.002)
    proc.kill()
    pytest.fail("the export was not seen writing within 60 s")


def test_kill_9_leaves_the_previous_file_and_the_next_start_sweeps_the_rest(tmp_path, big_db, place, spawn):
    out, system_tmp, env = place
    export = spawn(EXPORTS["cli"](big_db, out / "roadmap.xlsx"))
    left = stopped_while_writing(export, out)
    os.kill(export.pid, signal.SIGKILL)
    assert export.wait(10) == -signal.SIGKILL
    assert temp_files(out) == left
    assert sorted(p.suffix for p in left) == [".parts", ".xlsx"] and ".tmp.xlsx" in left[1].name
    assert len(journal(tmp_path)) == 1
    assert (out / "roadmap.xlsx").read_bytes() == PREVIOUS

    sweep = subprocess.run([sys.executable, "-c", SWEEP], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert sweep.returncode == 0, sweep.stderr
    assert sorted(Path(p) for p in json.loads(sweep.stdout)) == left
    assert temp_files(out) == [] and journal(tmp_path) == []
    assert (out / "roadmap.xlsx").read_bytes() == PREVIOUS
    assert list(system_tmp.iterdir()) == []


@pytest.mark.parametrize("how", EXPORTS)
def test_sigterm_cleans_up_at_once_and_keeps_the_previous_file(tmp_path, big_db, place, spawn, how):
    out, system_tmp, env = place
    export = spawn(EXPORTS[how](big_db, out / "roadmap.xlsx"))
    assert len(stopped_while_writing(export, out)) == 2
    os.kill(export.pid, signal.SIGTERM)  # held while it is stopped, then raised as an exception
    os.kill(export.pid, signal.SIGCONT)
    assert export.wait(30) == 143, export.stderr.read()
    assert temp_files(out) == [] and journal(tmp_path) == []
    assert (out / "roadmap.xlsx").read_bytes() == PREVIOUS
    assert list(system_tmp.iterdir()) == []
