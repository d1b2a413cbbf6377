"""The `planner` command line: a thin caller of the core.

Each area registers its commands from its own module (`core_cmds`,
`import_cmds`, `score_cmds`, `export_cmds`). A command handler takes the parsed
arguments and an open workspace and returns the exit code; what it prints
goes through `output.py`. A `PlannerError` prints one line on stderr and
exits 2; no traceback for a user error.
"""

from __future__ import annotations

import argparse
import importlib
import signal
import sqlite3
import sys
from pathlib import Path

from planner.cli.output import printable
from planner.errors import PlannerError

# The commands each module registers. A command line that names one of them builds the parser of
# that module alone: every module imports what its commands need (the workbook writer, the scoring,
# numpy), and importing all of them cost half a second before any command began.
# `tests/test_cli_lazy_parser.py` checks this list against what the modules register.
COMMANDS = {
    "core_cmds": ("demo", "requests", "link", "status"),
    "item_cmds": ("items", "item-add", "item-set", "item-delete", "item-duplicate", "item-merge"),
    "import_cmds": ("import", "batches", "undo-import"),
    "item_import_cmds": ("items-import",),
    "company_import_cmds": ("companies-import",),
    "score_cmds": ("score", "metrics-import", "metrics"),
    "export_cmds": ("export",),
    "backup_cmds": ("backups", "backup", "restore", "save-copy"),
    "company_cmds": ("companies", "company-set", "company-merge", "segments", "segment-rename"),
    "settings_cmds": ("settings",),
    "lane_cmds": ("lanes", "lane-add", "lane-set", "lane-delete"),
    "request_cmds": ("unlink", "request-set", "same-requests"),
    "suggest_cmds": ("suggest",),
    "history_cmds": ("snapshot", "snapshots", "changes"),
    "release_cmds": ("release-notes", "informed"),
}
COMMAND_MODULES = tuple(COMMANDS)
_MODULE_OF = {command: module for module, commands in COMMANDS.items() for command in commands}


def named_command(argv: list[str]) -> str | None:
    """The command `argv` names after the global options, or None: no command, --help, --version, an
    abbreviated option or a word that is no command. None builds the whole parser, which then answers
    as it always did (the list of commands, the version, "invalid choice")."""
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        if word == "--db":
            if not rest:
                return None
            rest.pop(0)
        elif not word.startswith("--db="):
            return word if word in _MODULE_OF else None
    return None


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one clear line, exit 2, as for every user error
        self.print_usage(sys.stderr)
        print(f"planner: error: {message}", file=sys.stderr)
        raise SystemExit(2)


class _VersionAction(argparse.Action):
    """`planner --version`: "planner X.Y.Z" on stdout, exit 0. The version is read only when asked."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        from planner import version

        print(f"planner {version()}")
        parser.exit(0)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser: with `command` (see `named_command`), only that command's module registered."""
    parser = _Parser(prog="planner", description="Roadmap Planner: backlog, requests, scoring and roadmap.")
    parser.add_argument("--db", metavar="PATH", help="workspace file (default: the one in your application-data folder)")
    parser.add_argument("--version", action=_VersionAction, help="print the version and exit")
    parser.add_argument("--install-desktop-entry", action="store_true",
                        help="add the app to your Linux desktop's applications menu, with its icon, and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    gui = sub.add_parser("gui", help="open the desktop app (the default command)")
    gui.set_defaults(func=None)
    for name in (_MODULE_OF[command],) if command in _MODULE_OF else COMMAND_MODULES:
        importlib.import_module(f"planner.cli.{name}").register(sub)  # a missing module is a bug, not a smaller CLI
    return parser


ID_MAX = 2**63 - 1  # SQLite integers are 64-bit


def positive_id(text: str) -> int:
    """argparse type of an ITEM_ID, REQUEST_ID, BATCH_ID: a whole number from 1 that SQLite can hold."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id: ids are whole numbers from 1") from None
    if not 1 <= number <= ID_MAX:
        raise argparse.ArgumentTypeError(f"{text} is not an id: ids are whole numbers from 1 to {ID_MAX}")
    return number


def busy_timeout() -> float:
    """Seconds a command waits for another writer (a window's import, another command): PLANNER_BUSY_TIMEOUT or 10."""
    import os

    from planner.storage.db import BUSY_TIMEOUT

    try:
        return max(0.0, float(os.environ.get("PLANNER_BUSY_TIMEOUT", BUSY_TIMEOUT)))
    except ValueError:
        return BUSY_TIMEOUT


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Python is so that clean-ups (`finally`) run as for Ctrl-C."""


def _on_sigterm(signum, frame):
    raise Terminated()


def _closing_only() -> None:
    """From here on only closing is left: Ctrl-C and SIGTERM are let pass (`main` restores them)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


def _stop_code(exc: KeyboardInterrupt) -> int:
    """The shell's codes for a process stopped by SIGTERM (128+15) or Ctrl-C (128+2)."""
    return 143 if isinstance(exc, Terminated) else 130


def _stopped_line(exc: KeyboardInterrupt, args, ws, watch, *, touched: bool = True) -> str:
    """One line that says what an interruption left: never "unchanged" unless it is."""
    what = "stopped" if isinstance(exc, Terminated) else "interrupted"
    changed = watch.changed() if watch is not None else (None if touched else False)
    if changed is False:
        return f"planner: {what}; nothing was changed."
    if changed is None:
        return f"planner: {what}; anything saved before the interruption is kept, the step under way was not saved."
    line = f"planner: {what}, but the workspace had already been changed: what was saved before the interruption is kept."
    if getattr(args, "command", None) == "import" and ws is not None:
        from planner.importing.batch import list_batches

        batches = list_batches(ws)
        if batches and not batches[0].get("undone_at"):
            n = batches[0]["id"]
            line += f" The import was saved as batch {n}; `planner undo-import {n}` removes it."
    return line


def _failure_line(exc, watch) -> str:
    """A workspace error (busy, full, read-only) says whether anything was changed."""
    from planner.errors import WorkspaceError

    line = f"planner: {printable(str(exc))}"  # messages may quote a file's text
    if isinstance(exc, WorkspaceError) and watch is not None:
        changed = watch.changed()
        if changed is False:
            line += " Nothing was changed."
        elif changed:
            line += " Changes saved before this are kept; the step that failed was not saved."
    return line


def _watch_or_none(make, path):
    import sqlite3

    try:
        return make(path)
    except sqlite3.Error:  # not an SQLite file: opening it will say so
        return None


def _db_path(text: str | None) -> Path | None:
    """--db as a path; None when not given. An empty or unusable one is a user error, never the default."""
    from planner.errors import ValidationError

    if text is None:
        return None
    if not text.strip():
        raise ValidationError("--db needs a workspace file path; it was given an empty one.")
    try:
        return Path(text).expanduser()
    except RuntimeError:  # ~name of a user that does not exist
        raise ValidationError(f"The folder of --db {text} does not exist (there is no home folder for {text.split('/')[0]}).") from None


def exit_quietly_on_ctrl_c() -> None:
    """The command has finished and said so: a Ctrl-C from here (while Python shuts down, or waits for a big
    import's background checkpoint) ends the process at once, with nothing printed. Everything is committed;
    a checkpoint cut short leaves the WAL whole for the next opening."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def main(argv: list[str] | None = None, *, run_gui=None, install_desktop_entry=None, draw_one_page=None) -> int:
    """Run one command. `run_gui(db_path=)` opens the desktop app,
    `install_desktop_entry()` adds it to the desktop's menu and
    `draw_one_page(ws, path, **options)` paints the roadmap on one page (PDF,
    PNG) for `export`; the launcher in `ui` passes them, so the core never
    imports the GUI.

    Commands take `(args, ws)` with the workspace open, or `(args, db_path)`
    when their parser sets `needs_workspace=False` (restoring a damaged file).
    """
    argv = sys.argv[1:] if argv is None else argv
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    previous_int = signal.getsignal(signal.SIGINT)
    args = ws = watch = None
    opening = False  # until the workspace is touched, an interruption changed nothing
    try:
        parser = build_parser(named_command(argv))
        args = parser.parse_args(argv)
        args.draw_one_page = draw_one_page
        if args.install_desktop_entry:
            if install_desktop_entry is None:
                print("planner: the desktop entry is installed by the `planner` command (or `python -m ui`).", file=sys.stderr)
                return 2
            return int(install_desktop_entry() or 0)
        db_path = _db_path(args.db)
        if getattr(args, "func", None) is None:
            if run_gui is None:
                print("planner: the desktop app is opened by the `planner` command (or `python -m ui`).", file=sys.stderr)
                return 2
            return run_gui(db_path=db_path)
        if db_path is None:
            from planner.appdata import default_workspace_path

            db_path = default_workspace_path()
            db_path.parent.mkdir(parents=True, exist_ok=True)
        from planner.appdata import sweep_export_leftovers

        sweep_export_leftovers()  # temporary files of an export that was killed
        if not getattr(args, "needs_workspace", True):
            return int(args.func(args, db_path) or 0)
        from planner.storage import open_workspace
        from planner.storage.failures import about_the_file, explain
        from planner.storage.watch import ChangeWatch

        opening = True
        creating = not db_path.exists()
        watch = None if creating else _watch_or_none(ChangeWatch, db_path)
        try:
            ws = open_workspace(db_path, busy_timeout=busy_timeout())
        except KeyboardInterrupt as exc:
            if creating:
                print("planner: interrupted while creating the workspace; run the command again to finish it.", file=sys.stderr)
                return _stop_code(exc)
            raise
        try:
            watch = watch or ChangeWatch(db_path)
            try:
                return int(args.func(args, ws) or 0)
            except sqlite3.Error as exc:
                if about_the_file(exc):
                    raise explain(exc, db_path) from exc
                raise
            except KeyboardInterrupt as exc:  # said here, while the workspace is open to tell what was saved
                print(_stopped_line(exc, args, ws, watch), file=sys.stderr)
                return _stop_code(exc)
        finally:
            # The command is over, and what it did is said: a Ctrl-C or a SIGTERM landing while the
            # workspace closes has nothing left to stop, and must not end in a traceback.
            _closing_only()
            ws.close()
    except PlannerError as exc:
        print(_failure_line(exc, watch), file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except KeyboardInterrupt as exc:
        print(_stopped_line(exc, args, ws, watch, touched=opening), file=sys.stderr)
        return _stop_code(exc)
    finally:
        _closing_only()  # as above: only closing is left
        try:
            if watch is not None:
                watch.close()
        finally:
            signal.signal(signal.SIGTERM, previous)
            signal.signal(signal.SIGINT, previous_int)
