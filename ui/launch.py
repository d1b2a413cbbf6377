"""The `planner` console script: the command line, with the desktop app as its default command."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from planner.cli import main as cli_main

    def run_gui(*, db_path):
        from ui.app import run_app

        return run_app(db_path=db_path, argv=[sys.argv[0]])

    return cli_main(argv, run_gui=run_gui)
