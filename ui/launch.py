"""The `planner` console script: the command line, with the desktop app as its default command."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        window, db = window_only(argv)
        if window:
            return run_gui(db_path=Path(db).expanduser() if db else None)
        from planner.cli import main as cli_main
    except KeyboardInterrupt:  # Ctrl-C while starting: nothing was opened yet
        print("planner: interrupted; nothing was changed.", file=sys.stderr)
        return 130

    def install_desktop_entry():
        from ui.desktop_entry import main as install

        return install()

    def draw_one_page(ws, path, **options):
        # Painted without a window: offscreen when there is no display, so it runs on a server too.
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from ui.roadmap.onepage import write_one_page

        return write_one_page(ws, path, **options)

    code = cli_main(argv, run_gui=run_gui, install_desktop_entry=install_desktop_entry, draw_one_page=draw_one_page)
    from planner.cli import exit_quietly_on_ctrl_c

    exit_quietly_on_ctrl_c()
    return code


def run_gui(*, db_path: Path | None) -> int:
    if not window_system_ready():
        return 1
    from ui.app import run_app

    return run_app(db_path=db_path, argv=[sys.argv[0]])


def window_only(argv: list[str]) -> tuple[bool, str | None]:
    """(True, --db) when the arguments ask for the window alone: none, `gui`, `--db PATH [gui]`.

    Read by hand so that opening the window does not build the command line's
    parser, which imports every command (the workbook writer, the scoring,
    numpy: a third of a second). Anything else, or a --db the command line
    would refuse or expand (empty, `~user`), goes through the command line.
    """
    rest, db = list(argv), None
    if rest and rest[0].startswith("--db="):
        db, rest = rest[0][len("--db="):], rest[1:]
    elif len(rest) >= 2 and rest[0] == "--db":
        db, rest = rest[1], rest[2:]
    if rest not in ([], ["gui"]):
        return False, None
    if db is not None and (not db.strip() or db.startswith(("-", "~"))):
        return False, None
    return True, db


def window_system_ready() -> bool:
    """Before Qt loads: say in one line which system libraries the window lacks, instead of Qt's abort.

    May switch Qt to Wayland (QT_QPA_PLATFORM) when X11's libraries are
    missing in a Wayland session; says so on stderr.
    """
    from ui.syscheck import check_window_system

    check = check_window_system(os.environ)
    if check.message:
        print(check.message, file=sys.stderr)
    if check.platform:
        os.environ["QT_QPA_PLATFORM"] = check.platform
    return check.ok
