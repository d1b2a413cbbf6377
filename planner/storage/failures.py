"""What went wrong with the workspace file, in words a user can act on.

SQLite reports a full disk, a read-only file, a lock held by another process
and a damaged file as different result codes; each becomes its own
`WorkspaceError` subclass with one line saying what happened and a hint saying
what to do. Whether anything was changed is for the caller to say: it alone
knows what the action was (see `ChangeWatch`).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import stat
from pathlib import Path

from planner.errors import DiskFull, ReadOnlyWorkspace, WorkspaceBusy, WorkspaceDamaged, WorkspaceError

# Primary result codes (sqlite3.h); extended codes keep them in the low byte.
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
LOW_SPACE = 1 << 20  # below this much free space an I/O error is a full disk


def result_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_busy(exc: BaseException) -> bool:
    return result_code(exc) in (SQLITE_BUSY, SQLITE_LOCKED) or "database is locked" in str(exc)


def folder_is_read_only(folder: Path) -> bool:
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        return False
    return not os.access(folder, os.W_OK)


def file_is_read_only(path: Path) -> bool:
    """Read-only for us, or marked read-only by its owner (an administrator passes os.access on any file)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def disk_is_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE
    except OSError:
        return False


def busy(path: Path, holder: str | None = None) -> WorkspaceBusy:
    doing = holder or "another window or a command is writing to it"
    return WorkspaceBusy(
        f"The workspace {Path(path).name} is busy: {doing}.",
        hint="Try again in a moment.",
    )


def full(path: Path) -> DiskFull:
    return DiskFull(
        f"The disk holding {Path(path).name} is full.",
        hint=f"Free some space in {Path(path).parent} (or on that disk), then try again.",
    )


def read_only(path: Path) -> ReadOnlyWorkspace:
    path = Path(path)
    if folder_is_read_only(path.parent) and not file_is_read_only(path):
        return ReadOnlyWorkspace(
            f"The folder {path.parent} is read-only, and the workspace needs to write its journal beside {path.name}.",
            hint="Move the workspace to a folder you can write to (or make the folder writable), then open it again.",
        )
    if folder_is_read_only(path.parent):
        return ReadOnlyWorkspace(
            f"{path} is on a read-only disk or folder, so changes cannot be saved.",
            hint="Copy it to a folder you can write to and open the copy.",
        )
    return ReadOnlyWorkspace(
        f"{path} is read-only, so changes cannot be saved.",
        hint=f"Make it writable (for example `chmod u+w \"{path}\"`, or untick Read-only in its properties), "
             "then open it again.",
    )


def damaged(path: Path, why: str) -> WorkspaceDamaged:
    from planner.storage.backups import newest_backup

    why = " ".join(str(why).split())[:200]  # quick_check lists damage over several lines: one line is enough
    newest = newest_backup(path)
    if newest is None:
        hint = "There is no backup of it. Open another workspace or create a new one with File ▸ New Workspace…"
    else:
        hint = (
            f"The newest backup is {newest['file']} ({newest['when']:%Y-%m-%d %H:%M}): restore it with "
            f"File > Restore from Backup…, or `planner --db \"{path}\" restore \"{newest['file']}\"`."
        )
    return WorkspaceDamaged(f"{path} is damaged and cannot be opened ({why}).", hint=hint)


FILE_CODES = {SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL,
              SQLITE_CANTOPEN, SQLITE_NOTADB}


def bad_text(exc: BaseException) -> bool:
    """Text in the file that is not UTF-8: written by another program or damaged (Python cannot decode it)."""
    return isinstance(exc, sqlite3.OperationalError) and str(exc).startswith("Could not decode to UTF-8")


def about_the_file(exc: BaseException) -> bool:
    """An error of the file or its locks, not of the statement (a constraint, a syntax error)."""
    return isinstance(exc, sqlite3.Error) and (result_code(exc) in FILE_CODES or is_busy(exc) or bad_text(exc))


def explain(exc: sqlite3.Error, path: Path, *, holder: str | None = None) -> WorkspaceError:
    """The user's version of an SQLite error on the workspace at `path`."""
    path = Path(path)
    code = result_code(exc)
    if bad_text(exc):
        column = re.search(r"column '([^']*)'", str(exc))
        where = f" (in a {column.group(1)} field)" if column else ""
        return damaged(path, f"it holds text that is not valid UTF-8{where}, written by another program or damaged")
    if is_busy(exc):
        if holder is None:
            from planner.storage.activity import holder as writing_now

            holder = writing_now(path)
        return busy(path, holder)
    if code == SQLITE_FULL or (code in (SQLITE_IOERR, SQLITE_CANTOPEN) and disk_is_full(path.parent)):
        return full(path)
    if code in (SQLITE_READONLY, SQLITE_PERM) or (
        code in (SQLITE_CANTOPEN, SQLITE_IOERR) and (folder_is_read_only(path.parent) or file_is_read_only(path))
    ):
        return read_only(path)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return damaged(path, str(exc))
    if code == SQLITE_IOERR:
        return WorkspaceError(
            f"Reading or writing {path.name} failed ({exc}).",
            hint=f"Check that the disk holding {path.parent} is connected and has free space, then try again.",
        )
    return WorkspaceError(f"{path} cannot be used: {exc}.", hint="Check that the file and its folder are writable.")
