"""`planner --install-desktop-entry`: the app in a Linux desktop's menu, with its icon, under XDG_DATA_HOME."""

import configparser
import os
import subprocess
import sys
from pathlib import Path

from ui.desktop_entry import data_home, exec_value, install_desktop_entry, launcher_command
from ui.identity import icon_path

ROOT = Path(__file__).resolve().parents[1]


def _entry(path: Path) -> dict:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive: Name, Name[ja]
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def _run(*args, data):
    env = {**os.environ, "XDG_DATA_HOME": str(data), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "ui", *args], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=60, encoding="utf-8")


def test_the_command_writes_the_entry_and_the_icon_and_says_where(tmp_path):
    data = tmp_path / "data"
    result = _run("--install-desktop-entry", data=data)
    desktop_file = data / "applications" / "roadmap-planner.desktop"
    icon = data / "icons" / "hicolor" / "256x256" / "apps" / "roadmap-planner.png"
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"Wrote {desktop_file}", f"Wrote {icon}",
                                          f"The menu entry runs: {sys.executable} -m ui"]
    entry = _entry(desktop_file)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Roadmap Planner"
    assert entry["Name[ja]"] == "Roadmap Planner"
    assert entry["Comment[ja]"] == "バックログ、優先順位付け、ロードマップ(オフライン)"
    assert entry["Categories"] == "Office;ProjectManagement;"
    assert entry["Exec"] == f"{sys.executable} -m ui"
    assert entry["Icon"] == str(icon)
    assert icon.read_bytes() == icon_path(256).read_bytes()
    assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_running_it_again_refreshes_the_entry(tmp_path):
    data = tmp_path / "data"
    install_desktop_entry(environ={"XDG_DATA_HOME": str(data)}, command=["/old/planner"])
    entry = install_desktop_entry(environ={"XDG_DATA_HOME": str(data)}, command=["/new/planner"])
    assert _entry(entry.desktop_file)["Exec"] == "/new/planner"
    assert sorted(p.name for p in entry.desktop_file.parent.iterdir()) == ["roadmap-planner.desktop"]


def test_a_data_folder_that_cannot_be_written_is_one_line(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    result = _run("--install-desktop-entry", data=blocker)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("planner: could not install the desktop entry: ")
    assert "XDG_DATA_HOME" in lines[0]


def test_the_core_command_points_to_the_launcher():
    env = {**os.environ}
    result = subprocess.run([sys.executable, "-m", "planner", "--install-desktop-entry"], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=60)
    assert result.returncode == 2
    assert result.stderr == "planner: the desktop entry is installed by the `planner` command (or `python -m ui`).\n"


def test_the_running_planner_script_is_the_command(tmp_path):
    script = tmp_path / "bin" / "planner"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    assert launcher_command(str(script), "/usr/bin/python3") == [str(script)]
    assert launcher_command(str(ROOT / "ui" / "__main__.py"), "/usr/bin/python3") == ["/usr/bin/python3", "-m", "ui"]


def test_exec_quotes_what_the_desktop_spec_reserves():
    assert exec_value(["/opt/planner/bin/planner"]) == "/opt/planner/bin/planner"
    assert exec_value(["/home/a b/planner"]) == '"/home/a b/planner"'
    assert exec_value(["/x/$HOME/p"]) == '"/x/\\\\$HOME/p"'
    assert exec_value(["/x/100%/p"]) == "/x/100%%/p"


def test_a_relative_xdg_data_home_is_ignored():
    assert data_home({"XDG_DATA_HOME": "relative/data"}) == Path.home() / ".local" / "share"
    assert data_home({"XDG_DATA_HOME": "/srv/data"}) == Path("/srv/data")
