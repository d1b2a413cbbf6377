"""The `planner` command line: a thin caller of the core.

Each area registers its commands from its own module (`core_cmds`,
`import_cmds`, `score_cmds`, `export_cmds`). A command handler takes the parsed
arguments and an open workspace and returns the exit code. A `PlannerError`
prints one line on stderr and exits 2; no traceback for a user error.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

from planner.errors import PlannerError

COMMAND_MODULES = ("core_cmds", "import_cmds", "score_cmds", "export_cmds")


def default_workspace_path() -> Path:
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("RoadmapPlanner", appauthor=False))
    return folder / "workspace.db"


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one clear line, exit 2, as for every user error
        self.print_usage(sys.stderr)
        print(f"planner: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="planner", description="Roadmap Planner: backlog, requests, scoring and roadmap.")
    parser.add_argument("--db", metavar="PATH", help="workspace file (default: the one in your application-data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    gui = sub.add_parser("gui", help="open the desktop app (the default command)")
    gui.set_defaults(func=None)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"planner.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"planner.cli.{name}":
                continue
            raise
        module.register(sub)
    return parser


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def main(argv: list[str] | None = None, *, run_gui=None) -> int:
    """Run one command. `run_gui(db_path=)` opens the desktop app; the launcher
    in `ui` passes it, so the core never imports the GUI."""
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    db_path = Path(args.db).expanduser() if args.db else None
    if getattr(args, "func", None) is None:
        if run_gui is None:
            print("planner: the desktop app is opened by the `planner` command (or `python -m ui`).", file=sys.stderr)
            return 2
        return run_gui(db_path=db_path)
    if db_path is None:
        db_path = default_workspace_path()
        db_path.parent.mkdir(parents=True, exist_ok=True)
    from planner.storage import open_workspace

    try:
        ws = open_workspace(db_path)
        try:
            return int(args.func(args, ws) or 0)
        finally:
            ws.close()
    except PlannerError as exc:
        print(f"planner: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("planner: interrupted; the workspace is unchanged.", file=sys.stderr)
        return 130
