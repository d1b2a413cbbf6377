"""An export never writes over a workspace, and leaves no temporary file behind, however it ends."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
import pytest

import planner.exporting as exporting
import planner.exporting.atomic as atomic
from planner import ops
from planner.errors import Cancelled, ExportFailed, Progress
from planner.exporting import export_priorities_csv, export_roadmap, sweep_leftovers
from planner.exporting.atomic import check_target, journal_dir
from planner.storage import open_workspace

ROOT = Path(__file__).resolve().parents[3]
EXPORTS = {"xlsx": export_roadmap, "csv": export_priorities_csv}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~planner-") or ".tmp" in p.name)


def journal(appdata: Path) -> list[str]:
    folder = appdata / "RoadmapPlanner" / "exports-in-progress"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.fixture
def opens(monkeypatch):
    """Every file the export code opens with open(); the workspace must never be one."""
    seen = []
    real_open = open

    def recording_open(file, *args, **kwargs):
        seen.append(Path(file).resolve())
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(atomic, "open", recording_open, raising=False)
    return seen


@pytest.fixture
def often(monkeypatch):
    """Progress on every row, so a small workbook reports while its temporary files exist."""
    monkeypatch.setattr("planner.exporting.sheet_writer.PROGRESS_EVERY", 1)


def spreadsheet_named_workspace(tmp_path, name="plan.xlsx"):
    ws = open_workspace(tmp_path / name)
    ops.add_item(ws, title="Single sign-on")
    ops.add_item(ws, title="Audit log")
    return ws


# ---------------------------------------------------------------- refusals


@pytest.mark.parametrize("fmt", EXPORTS)
def test_the_open_workspace_is_refused_without_being_opened(tmp_path, opens, fmt):
    ws = spreadsheet_named_workspace(tmp_path, f"plan.{fmt}")
    before = os.stat(ws.path)
    with pytest.raises(ExportFailed) as err:
        EXPORTS[fmt](ws, ws.path)
    assert str(err.value) == f"plan.{fmt} is the workspace you have open; export to another file name. Nothing was written."
    assert ws.path.resolve() not in opens
    after = os.stat(ws.path)
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)
    # The connection still works, writes included, and sees what was there.
    ops.add_item(ws, title="After the refusal")
    assert [i["title"] for i in ops.list_items(ws)] == ["Single sign-on", "Audit log", "After the refusal"]
    assert leftovers(tmp_path) == [] and journal(tmp_path / "appdata") == []
    ws.close()


def test_the_workspace_under_another_name_is_refused(tmp_path, monkeypatch, opens):
    ws = spreadsheet_named_workspace(tmp_path, "plan.db")
    (tmp_path / "shortcut.xlsx").symlink_to(ws.path)
    os.link(ws.path, tmp_path / "hardlink.xlsx")
    for name in ("shortcut.xlsx", "hardlink.xlsx"):
        with pytest.raises(ExportFailed, match=f"^{name} is the workspace you have open"):
            export_roadmap(ws, tmp_path / name)
    # A relative name from another working folder is the same file too.
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ExportFailed, match="^hardlink.xlsx is the workspace you have open"):
        export_roadmap(ws, "hardlink.xlsx")
    assert opens == []
    assert len(ops.list_items(ws)) == 2
    ws.close()


@pytest.mark.parametrize("tail", ["-wal", "-shm", "-journal"])
def test_the_workspaces_own_files_are_refused_whether_or_not_they_exist(tmp_path, opens, tail):
    ws = spreadsheet_named_workspace(tmp_path, "plan.db")
    target = tmp_path / f"plan.db{tail}"
    existed = target.exists()
    with pytest.raises(ExportFailed) as err:
        export_priorities_csv(ws, target)
    assert str(err.value) == (f"plan.db{tail} belongs to the workspace you have open (plan.db); "
                              "export to another file name. Nothing was written.")
    assert target.exists() == existed and target.resolve() not in opens
    assert len(ops.list_items(ws)) == 2
    ws.close()


@pytest.mark.parametrize("fmt", EXPORTS)
def test_another_sqlite_file_is_refused(small_ws, tmp_path, fmt):
    other = tmp_path / f"other.{fmt}"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(ExportFailed) as err:
        EXPORTS[fmt](small_ws, other)
    assert str(err.value) == (f"other.{fmt} is an SQLite database (perhaps a workspace), not a spreadsheet; "
                              "export to another file name. Nothing was written.")
    assert other.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_another_workspace_is_refused(small_ws, tmp_path):
    other = spreadsheet_named_workspace(tmp_path, "team.xlsx")
    other.close()
    with pytest.raises(ExportFailed, match="^team.xlsx is an SQLite database"):
        export_roadmap(small_ws, tmp_path / "team.xlsx")
    with open_workspace(tmp_path / "team.xlsx") as again:
        assert len(ops.list_items(again)) == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.csv")
    with pytest.raises(ExportFailed, match="^pipe.csv is not an ordinary file; export to another file name"):
        check_target(tmp_path / "pipe.csv")


def test_an_ordinary_previous_file_is_still_replaced(small_ws, tmp_path):
    target = tmp_path / "roadmap.xlsx"
    target.write_bytes(b"SQLite format 2 is not a database")
    assert check_target(target, workspace=small_ws.path) == target
    export_roadmap(small_ws, target)
    assert openpyxl.load_workbook(target).sheetnames[0] == "Roadmap"


def test_the_command_line_refuses_a_workspace_named_like_a_spreadsheet(tmp_path):
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "appdata"),
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))

    def planner(*args):
        return subprocess.run([sys.executable, "-m", "planner", "--db", "plan.xlsx", *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=120)

    assert planner("item-add", "Single sign-on").returncode == 0
    assert planner("item-add", "Audit log").returncode == 0
    refused = planner("export", "plan.xlsx")
    assert refused.returncode == 2
    assert refused.stderr == "planner: plan.xlsx is the workspace you have open; export to another file name. Nothing was written.\n"
    assert refused.stdout == ""
    items = planner("items", "--json")
    assert items.returncode == 0, items.stderr
    assert [i["title"] for i in json.loads(items.stdout)] == ["Single sign-on", "Audit log"]
    assert (tmp_path / "plan.xlsx").read_bytes()[:16] == b"SQLite format 3\x00"
    assert leftovers(tmp_path) == []


# ---------------------------------------------------------------- temporary files


def test_temporary_files_sit_beside_the_target_and_are_noted_while_the_export_runs(small_ws, tmp_path, monkeypatch, appdata, often):
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    out = tmp_path / "out"
    out.mkdir()
    seen = {}

    def look(done, total, text):
        if text == "Writing the workbook" and not seen:
            seen["beside"] = leftovers(out)
            seen["system"] = list(system_tmp.iterdir())
            seen["entries"] = [json.loads(p.read_text()) for p in journal_dir().glob("*.json")]

    export_roadmap(small_ws, out / "roadmap.xlsx", progress=Progress(look))
    base = rf"\.~planner-roadmap-{os.getpid()}-[0-9a-f]{{8}}"
    assert len(seen["beside"]) == 2
    assert re.fullmatch(base + r"\.parts", seen["beside"][0]) and re.fullmatch(base + r"\.tmp\.xlsx", seen["beside"][1])
    assert seen["system"] == []
    assert seen["entries"] == [{"pid": os.getpid(), "target": str(out / "roadmap.xlsx"),
                                "leftovers": [str(out / seen["beside"][1]), str(out / seen["beside"][0])]}]
    assert leftovers(out) == [] and journal(appdata) == []
    assert openpyxl.load_workbook(out / "roadmap.xlsx").sheetnames[0] == "Roadmap"


def _stop_while_writing(exc, folder: Path, seen: list):
    def callback(done, total, text):
        if text == "Writing the workbook":
            seen.extend(leftovers(folder))
            raise exc
    return Progress(callback)


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), SystemExit(143), Cancelled(), RuntimeError("a bug")],
                         ids=["ctrl-c", "sigterm", "cancel", "bug"])
def test_an_interrupted_workbook_leaves_nothing_and_keeps_the_previous_file(small_ws, tmp_path, appdata, often, exc):
    target = tmp_path / "roadmap.xlsx"
    target.write_bytes(b"previous workbook")
    seen = []
    with pytest.raises(type(exc)):
        export_roadmap(small_ws, target, progress=_stop_while_writing(exc, tmp_path, seen))
    assert len(seen) == 2 and seen[0].endswith(".parts") and seen[1].endswith(".tmp.xlsx")  # there when it stopped
    assert target.read_bytes() == b"previous workbook"
    assert leftovers(tmp_path) == [] and journal(appdata) == []


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), SystemExit(143)], ids=["ctrl-c", "sigterm"])
def test_an_interrupted_csv_leaves_nothing_and_keeps_the_previous_file(small_ws, tmp_path, appdata, monkeypatch, exc):
    target = tmp_path / "priorities.csv"
    target.write_bytes(b"previous,csv\r\n")
    real_write = exporting.write_csv

    def write_then_stop(path, header, rows):
        real_write(path, header, rows)
        assert Path(path).stat().st_size > 0
        raise exc

    monkeypatch.setattr(exporting, "write_csv", write_then_stop)
    with pytest.raises(type(exc)):
        export_priorities_csv(small_ws, target)
    assert target.read_bytes() == b"previous,csv\r\n"
    assert leftovers(tmp_path) == [] and journal(appdata) == []


def test_an_export_goes_ahead_when_it_cannot_note_its_files(small_ws, tmp_path, monkeypatch, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    export_priorities_csv(small_ws, tmp_path / "p.csv")
    assert (tmp_path / "p.csv").stat().st_size > 0
    assert "cannot note the export's temporary files" in caplog.text
    assert leftovers(tmp_path) == []


# ---------------------------------------------------------------- sweeping what a kill left


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def leave(folder: Path, pid: int, token: str = "0badc0de", *, text: str | None = None) -> tuple[Path, Path, Path]:
    """What a killed export leaves: its temporary file, parts folder and journal entry."""
    base = folder / f".~planner-roadmap-{pid}-{token}"
    tmp, parts = base.with_name(base.name + ".tmp.xlsx"), base.with_name(base.name + ".parts")
    tmp.write_bytes(b"PK half a workbook")
    parts.mkdir()
    (parts / "rows-1.xml").write_text("<row/>")
    entry = journal_dir() / f"{pid}-{token}.json"
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(text if text is not None else json.dumps(
        {"pid": pid, "target": str(folder / "roadmap.xlsx"), "leftovers": [str(tmp), str(parts)]}))
    return tmp, parts, entry


def test_sweep_removes_what_a_dead_export_left_and_only_that(tmp_path, appdata):
    (tmp_path / "roadmap.xlsx").write_bytes(b"previous workbook")
    tmp, parts, entry = leave(tmp_path, dead_pid())
    assert sorted(sweep_leftovers()) == sorted([tmp, parts])
    assert leftovers(tmp_path) == [] and journal(appdata) == []
    assert (tmp_path / "roadmap.xlsx").read_bytes() == b"previous workbook"
    assert sweep_leftovers() == []


def test_sweep_leaves_running_exports_alone(small_ws, tmp_path, appdata, often):
    other = leave(tmp_path, os.getppid(), "11111111")  # a live process: pytest's parent
    seen = {}

    def sweep_meanwhile(done, total, text):
        if text == "Writing the workbook" and not seen:
            seen["removed"] = sweep_leftovers()
            seen["beside"] = leftovers(tmp_path)

    export_roadmap(small_ws, tmp_path / "roadmap.xlsx", progress=Progress(sweep_meanwhile))
    assert seen["removed"] == []
    assert len([n for n in seen["beside"] if f"-{os.getpid()}-" in n]) == 2  # ours survived the sweep
    assert openpyxl.load_workbook(tmp_path / "roadmap.xlsx").sheetnames[0] == "Roadmap"
    assert all(p.exists() for p in other)


def test_sweep_takes_an_entry_with_this_processs_pid_that_no_export_here_owns(tmp_path, appdata):
    # After a restart the new process can get the dead one's pid (containers start from 1).
    tmp, parts, entry = leave(tmp_path, os.getpid())
    assert sorted(sweep_leftovers()) == sorted([tmp, parts])
    assert not entry.exists()


def test_sweep_never_removes_what_is_not_an_export_file(tmp_path, appdata, caplog):
    precious = tmp_path / "precious.xlsx"
    precious.write_bytes(b"keep me")
    pid = dead_pid()
    entry = journal_dir() / f"{pid}-22222222.json"
    entry.parent.mkdir(parents=True)
    entry.write_text(json.dumps({"pid": pid, "leftovers": [str(precious), str(tmp_path)]}))
    assert sweep_leftovers() == []
    assert precious.read_bytes() == b"keep me" and not entry.exists()
    assert "not an export's temporary file" in caplog.text


def test_sweep_drops_a_half_written_entry(tmp_path, appdata):
    pid = dead_pid()
    *_, entry = leave(tmp_path, pid, text='{"pid": ')
    assert sweep_leftovers() == []
    assert not entry.exists()


def test_sweep_never_raises_and_retries_what_it_could_not_remove(tmp_path, appdata, monkeypatch, caplog):
    tmp, parts, entry = leave(tmp_path, dead_pid())
    (journal_dir() / "notes.json").write_text("not ours")

    def refuse(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    with monkeypatch.context() as m:
        m.setattr(atomic.shutil, "rmtree", refuse)
        assert sweep_leftovers() == [tmp]
    assert parts.exists() and entry.exists()  # kept, so the next start tries again
    assert "cannot remove" in caplog.text and "cannot sweep the leftovers of" in caplog.text
    assert sweep_leftovers() == [parts]
    assert leftovers(tmp_path) == [] and journal(appdata) == ["notes.json"]


def test_sweep_with_no_journal_or_an_unreadable_one_returns_nothing(tmp_path, monkeypatch):
    assert sweep_leftovers() == []
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert sweep_leftovers() == []
