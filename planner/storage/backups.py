"""Rolling backups of the workspace, restoring one, and File > Save a Copy.

Every copy goes through SQLite's backup API, never through the file system:
SQLite's locks are POSIX advisory locks held per process, and opening and
closing any other descriptor of the workspace file in a process that has a
connection to it drops them all. A copy is written to a temporary name and
renamed into place when complete, so an interrupted copy is never taken for a
backup; stale temporary files are removed by the next backup.

Backups live in a folder beside the workspace, `plan.db.backups/`, one file a
backup named by time and reason (`plan-2026-12-04-150102-before-import.db`),
the newest `BACKUPS_KEPT` kept. The older migration backups beside the file
(`plan.db.backup-20261204-150102-v003`) are listed too but left to their own
rotation.

Nothing here opens the workspace file itself: the live connection is the
source of a backup and the destination of a restore. Backups are other files,
so they are opened freely (read-only).
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from planner.errors import ExportFailed, ValidationError
from planner.storage.files import COMPANION_SUFFIXES, same_file, workspace_part

if TYPE_CHECKING:  # db.py calls this module; importing it here at run time would be circular
    from planner.storage.db import Workspace

BACKUPS_KEPT = 7
STALE_TEMP_SECONDS = 10 * 60  # a temporary file this old belongs to a copy that was interrupted

# The reasons a backup is made, with the label a user reads (the GUI translates it).
REASONS = {
    "daily": "Daily",
    "before-import": "Before an import",
    "before-undo-import": "Before undoing an import",
    "before-upgrade": "Before an upgrade",
    "before-restore": "Before a restore",
    "manual": "Made by hand",
}
OTHER = "other"  # a .db file the user put in the backups folder
COUNTED = ("items", "requests", "companies")

_STAMP = "%Y-%m-%d-%H%M%S"
_NAME = re.compile(r"^.+-(?P<stamp>\d{4}-\d{2}-\d{2}-\d{6})-(?P<reason>[a-z]+(?:-[a-z]+)*?)(?:-\d+)?\.db$")
_MIGRATION_NAME = re.compile(r"\.backup-(?P<stamp>\d{8}-\d{6})")


# ------------------------------------------------------------------ names and places
def backups_folder(path: str | Path) -> Path:
    """The folder holding the backups of the workspace at `path`: `plan.db.backups`."""
    path = Path(path).expanduser()
    return path.with_name(f"{path.name}.backups")


def reason_label(reason: str | None) -> str:
    if reason == OTHER or not reason:
        return "Other copy"
    return REASONS.get(reason, reason.replace("-", " ").capitalize())


def _local(stamp: str, fmt: str) -> datetime | None:
    try:
        return datetime.strptime(stamp, fmt).astimezone()  # names hold the local time of the machine
    except ValueError:
        return None


def _files(path: Path) -> list[dict]:
    """Every backup of the workspace at `path`, newest first, without opening any of them."""
    found = []
    folder = backups_folder(path)
    if folder.is_dir():
        for p in folder.glob("*.db"):
            if p.name.startswith("."):  # a copy still being written, or interrupted
                continue
            m = _NAME.match(p.name)
            when = _local(m["stamp"], _STAMP) if m else None
            found.append((p, when, m["reason"] if m and when else OTHER, bool(m and when)))
    for p in path.parent.glob(f"{path.name}.backup-*"):
        if p.name.endswith(COMPANION_SUFFIXES):
            continue
        m = _MIGRATION_NAME.search(p.name)
        found.append((p, _local(m["stamp"], "%Y%m%d-%H%M%S") if m else None, "before-upgrade", False))
    entries = []
    for p, when, reason, rotated in found:
        try:
            st = p.stat()
        except OSError:  # removed meanwhile by another window's rotation
            continue
        if not p.is_file():
            continue
        entries.append({
            "file": p, "name": p.name, "when": when or datetime.fromtimestamp(st.st_mtime).astimezone(),
            "reason": reason, "label": reason_label(reason), "size": st.st_size,
            "rotated": rotated, "_order": st.st_mtime_ns,
        })
    entries.sort(key=lambda e: (e["when"], e["_order"], e["name"]), reverse=True)
    return entries


def _public(entry: dict) -> dict:
    return {k: v for k, v in entry.items() if not k.startswith("_")}


# ------------------------------------------------------------------ reading a copy
def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to a copy (never the workspace itself).

    A copy without a `-wal` beside it is opened immutable, so that reading an
    old migration backup (its header says WAL) leaves no `-wal`/`-shm` behind.
    """
    uri = Path(path).expanduser().resolve().as_uri() + "?mode=ro"
    if not Path(f"{path}-wal").exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True)


def _row_counts(conn: sqlite3.Connection) -> dict:
    """Items, requests and companies, with 0 for a table an older version did not have."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {t: conn.execute(f"SELECT COUNT(*) FROM [{t}]").fetchone()[0] if t in tables else 0 for t in COUNTED}


def _application_id(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA application_id").fetchone()[0]


def _schema_id() -> int:
    from planner.storage.db import SCHEMA_APPLICATION_ID

    return SCHEMA_APPLICATION_ID


def _why_unreadable(path: Path, exc: sqlite3.Error) -> str:
    """Why SQLite refused a copy (a copy, never the workspace: reading its header is safe)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        head = b""
    if len(head) == 16 and head != b"SQLite format 3\x00":
        return "not a Roadmap Planner workspace (it is not an SQLite database)"
    return f"damaged ({exc})"


def _read_counts(path: Path) -> tuple[dict | None, str | None]:
    """(counts, None) for a readable workspace copy, else (None, why); never raises."""
    try:
        conn = _connect_read_only(path)
        try:
            if _application_id(conn) != _schema_id():
                return None, "not a Roadmap Planner workspace"
            return _row_counts(conn), None
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return None, _why_unreadable(path, exc)


def _with_counts(entry: dict) -> dict:
    counts, error = _read_counts(entry["file"])
    return dict(_public(entry), **(counts or dict.fromkeys(COUNTED)), error=error)


def list_backups(path: str | Path) -> list[dict]:
    """The backups of the workspace at `path`, newest first.

    Each is a dict: file (Path), name, when (an aware datetime, local time),
    reason, label, size (bytes), rotated (False for files this module does not
    rotate: migration backups beside the workspace, other files in the
    folder), items, requests, companies, and error (None, or why the copy
    cannot be read; its counts are then None). Never raises for a bad copy.
    """
    return [_with_counts(e) for e in _files(Path(path).expanduser())]


def newest_backup(path: str | Path) -> dict | None:
    """The newest backup that can be read (as in `list_backups`), or None.

    Opens the copies newest first and stops at the first readable one, so it
    is cheap enough for an error message about a damaged workspace.
    """
    for entry in _files(Path(path).expanduser()):
        found = _with_counts(entry)
        if found["error"] is None:
            return found
    return None


# ------------------------------------------------------------------ writing a copy
def _temp_beside(target: Path) -> Path:
    return target.with_name(f".{target.name}.tmp-{uuid.uuid4().hex[:12]}")


def _remove(path: Path) -> None:
    for p in (path, *(Path(f"{path}{s}") for s in COMPANION_SUFFIXES)):
        try:
            p.unlink(missing_ok=True)
        except OSError:
            pass


def _write_temp(source: sqlite3.Connection, target: Path) -> Path:
    """Copy `source` through the backup API into a temporary file beside `target`.

    The copy is a single file in rollback-journal mode (no `-wal` to carry
    along) and is on disk when this returns. On failure nothing is left.
    """
    temp = _temp_beside(target)
    dest = None
    try:
        dest = sqlite3.connect(str(temp))
        source.backup(dest)  # one step: a consistent snapshot even while others write
        dest.execute("PRAGMA journal_mode=DELETE")
        dest.close()
        dest = None
    except (sqlite3.Error, OSError) as exc:
        if dest is not None:
            dest.close()
        _remove(temp)
        raise ExportFailed(
            f"Could not write {target}: {exc}.",
            hint="Check that the folder is writable and the disk has room; nothing was changed.",
        ) from exc
    except BaseException:
        if dest is not None:
            dest.close()
        _remove(temp)
        raise
    return temp


def _rename_into_place(temp: Path, target: Path) -> None:
    try:
        os.replace(temp, target)
    except OSError as exc:
        _remove(temp)
        raise ExportFailed(
            f"Could not write {target}: {exc.strerror or exc}.",
            hint="Check that the file is not open in another program and the folder is writable.",
        ) from exc
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        try:
            fd = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError:
            pass


def _copy(source: sqlite3.Connection, target: Path) -> None:
    _rename_into_place(_write_temp(source, target), target)


def _unused(name_for) -> Path:
    """`name_for("")`, else `name_for("-2")`, `name_for("-3")`…: the first that does not exist."""
    target, n = name_for(""), 1
    while target.exists():
        n += 1
        target = name_for(f"-{n}")
    return target


def _backup_name(folder: Path, workspace: Path, reason: str) -> Path:
    stem = f"{workspace.stem}-{time.strftime(_STAMP)}-{reason}"
    return _unused(lambda n: folder / f"{stem}{n}.db")


def _tidy(folder: Path, workspace: Path, keep: tuple[Path, ...] = ()) -> None:
    """Keep the newest BACKUPS_KEPT rotated backups, the first one of each of the last BACKUPS_KEPT
    days that had any (a burst of imports must not push out how the week began), and `keep`;
    drop stale temporary files."""
    rotated = [e for e in _files(workspace) if e["rotated"]]  # newest first
    first_of_day: dict = {}
    for entry in rotated:
        first_of_day[entry["when"].date()] = entry["file"]  # the last seen is the day's earliest
    days_kept = {first_of_day[day] for day in sorted(first_of_day, reverse=True)[:BACKUPS_KEPT]}
    for entry in rotated[BACKUPS_KEPT:]:
        old = entry["file"]
        if old not in days_kept and not any(same_file(old, k) for k in keep):
            _remove(old)
    now = time.time()
    for temp in folder.glob(".*.tmp-*"):
        try:
            if now - temp.stat().st_mtime > STALE_TEMP_SECONDS:
                temp.unlink()
        except OSError:
            pass


def make_backup(ws: "Workspace", *, reason: str) -> Path:
    """Copy the workspace into its backups folder; returns the new backup's path.

    `reason` is one of REASONS. See `_tidy` for which backups are kept.
    Raises ExportFailed (the workspace untouched) when the copy cannot be written.
    """
    return _make_backup(ws, reason)


def _make_backup(ws: "Workspace", reason: str, keep: tuple[Path, ...] = ()) -> Path:
    if reason not in REASONS:
        raise ValidationError(
            f"“{reason}” is not a reason for a backup.", hint="Use one of: " + ", ".join(REASONS) + "."
        )
    path = Path(ws.path)
    folder = backups_folder(path)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise ExportFailed(
            f"Could not make the backups folder {folder}: {exc.strerror or exc}.",
            hint="Check that the workspace's folder is writable.",
        ) from exc
    target = _backup_name(folder, path, reason)
    _copy(ws.conn, target)
    _tidy(folder, path, keep)
    return target


def _is_empty(ws: "Workspace") -> bool:
    """No items and no requests: nothing to lose. Asks for one row, not a count, on every opening."""
    return not ws.conn.execute("SELECT EXISTS(SELECT 1 FROM items) OR EXISTS(SELECT 1 FROM requests)").fetchone()[0]


def backup_before(ws: "Workspace", *, reason: str) -> Path | None:
    """A safety copy before a step that changes much at once (an import, undoing one);
    None for a workspace with no items and no requests, which has nothing to lose."""
    return None if _is_empty(ws) else make_backup(ws, reason=reason)


def backup_if_due(ws: "Workspace", *, every_hours: float = 24) -> Path | None:
    """The daily safety copy, made when the workspace is opened.

    None (nothing written) when the workspace holds no items and no requests,
    or when its newest backup, whatever its reason, is younger than
    `every_hours`.
    """
    newest = _files(Path(ws.path))[:1]  # a look in the folder first: most openings stop here
    if newest:
        age = datetime.now().astimezone() - newest[0]["when"]
        if timedelta(0) <= age < timedelta(hours=every_hours):
            return None
    return None if _is_empty(ws) else make_backup(ws, reason="daily")


def save_copy(ws: "Workspace", target: str | Path) -> dict:
    """File > Save a Copy: a consistent copy of the workspace at `target`.

    Replaces `target` when it exists. Returns file, size and the copy's counts.
    Refuses the workspace itself or a file SQLite keeps beside it.
    """
    target = Path(target).expanduser()
    if workspace_part(target, ws.path) is not None:
        raise ValidationError(
            f"{target} is the open workspace or a file SQLite keeps beside it; a copy cannot replace it.",
            hint="Pick another file name for the copy.",
        )
    if target.is_dir():
        raise ValidationError(f"{target} is a folder.", hint="Give a file name ending in .db.")
    if not target.parent.is_dir():
        raise ValidationError(
            f"The folder {target.parent} does not exist.", hint="Create it first or pick another place."
        )
    _copy(ws.conn, target)
    counts, _error = _read_counts(target)
    return {"file": target, "size": target.stat().st_size, **(counts or dict.fromkeys(COUNTED))}


# ------------------------------------------------------------------ restoring
