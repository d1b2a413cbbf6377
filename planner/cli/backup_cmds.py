"""Backup commands: list the backups, make one, restore one, save a copy."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from planner.cli.output import emit, plural, print_rows
from planner.storage import backups, restore


def _jsonable(data: dict) -> dict:
    out = {}
    for key, value in data.items():
        if isinstance(value, datetime):
            value = value.isoformat(timespec="seconds")
        elif isinstance(value, Path):
            value = str(value)
        out[key] = value
    return out


def _counts_text(counts: dict | None) -> str:
    if not counts or counts.get("items") is None:
        return ""
    return f" ({plural(counts['items'], 'item')}, {plural(counts['requests'], 'request')})"


def cmd_backups(args, ws):
    rows = backups.list_backups(ws.path)
    return emit(args, [_jsonable(r) for r in rows], lambda _: _print_backups(rows, ws.path))


def _print_backups(rows: list[dict], path: Path) -> None:
    if not rows:
        print(f"No backups of {path} yet; `planner backup` makes one.")
        return
    print_rows(
        [
            {
                "date": r["when"].strftime("%Y-%m-%d %H:%M"),
                "reason": r["label"],
                "items": "unreadable" if r["error"] else r["items"],
                "requests": r["requests"],
                "file": r["name"],
            }
            for r in rows
        ],
        ["date", "reason", "items", "requests", "file"],
    )
    print(f"In {backups.backups_folder(path)}; the newest {backups.BACKUPS_KEPT} are kept, and the first of each of the last {backups.BACKUPS_KEPT} days.")


def cmd_backup(args, ws):
    made = backups.make_backup(ws, reason="manual")
    entry = next((r for r in backups.list_backups(ws.path) if r["file"] == made), {"file": made})
    return emit(args, _jsonable(entry), f"Backed up {ws.path.name} to {made}{_counts_text(entry)}.")


def cmd_restore(args, target):
    """`target` is the workspace's path (the CLI does not open a workspace for
    this command, so a damaged one can be restored) or an open Workspace."""
    done = restore.restore_backup(target, Path(args.backup_file))
    line = f"Restored {done['workspace'].name} from {done['restored_from'].name}{_counts_text(done['after'])}."
    if done["kept_current_as"] is not None:
        line += f" The previous state was kept as {done['kept_current_as'].name}."
    if done["set_aside_as"] is not None:
        line += f" The file that could not be opened was moved aside as {done['set_aside_as'].name}."
    return emit(args, _jsonable(done), line)


def cmd_save_copy(args, ws):
    saved = backups.save_copy(ws, Path(args.file))
    return emit(args, _jsonable(saved), f"Saved a copy of {ws.path.name} as {saved['file']}{_counts_text(saved)}.")


def register(sub) -> None:
    p = sub.add_parser("backups", help="list the workspace's backups, newest first")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser("backup", help="back up the workspace now")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser(
        "restore", help="replace the workspace with a backup (the current state is kept as a backup first)"
    )
    p.add_argument("backup_file", metavar="BACKUP_FILE", help="a file listed by `planner backups`")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_restore, needs_workspace=False)

    p = sub.add_parser("save-copy", help="write a copy of the workspace to FILE")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_save_copy)
