"""The `planner` console script: the command line, with the desktop app as its default command."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    try:
        from planner.cli import main as cli_main
    except KeyboardInterrupt:  # Ctrl-C while starting: nothing was opened yet
        print("planner: interrupted; nothing was changed.", file=sys.stderr)
        return 130

    def run_gui(*, db_path):
        from ui.app import run_app

        return run_app(db_path=db_path, argv=[sys.argv[0]])

    return cli_main(argv, run_gui=run_gui)
