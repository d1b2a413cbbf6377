"""Putting a backup back: into the open workspace through SQLite's backup API, or in place of a damaged file.

The workspace as it was is backed up first ("before-restore"); a file that
cannot be opened is set aside under a new name, never deleted.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING

from planner.errors import DiskFull, NotFoundError, ReadOnlyWorkspace, WorkspaceBusy, WorkspaceError
from planner.storage import failures
from planner.storage.backups import (
    _application_id, _connect_read_only, _make_backup, _remove, _rename_into_place, _row_counts, _schema_id,
    _unused, _why_unreadable, _write_temp,
)
from planner.storage.files import COMPANION_SUFFIXES, workspace_part

if TYPE_CHECKING:
    from planner.storage.db import Workspace

RESTORE_WAIT_SECONDS = 30  # how long a restore waits for another window or command to finish writing


def _refuse(source: Path, why: str) -> WorkspaceError:
    return WorkspaceError(
        f"{source} cannot be restored: {why}.",
        hint="Pick another backup (`planner backups` or File > Restore from Backup lists them).",
    )


def _check_source(conn: sqlite3.Connection, source: Path) -> dict:
    """Refuse a copy that is not a workspace, is damaged or is newer than this app; returns its counts."""
    try:
        if _application_id(conn) != _schema_id():
            raise _refuse(source, "it is not a Roadmap Planner workspace")
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise _refuse(source, f"it is damaged ({result})")
        from planner.storage.schema import MIGRATION_SET, migrations

        known = {m.name for m in getattr(migrations, "_migrations", ())}
        has_log = conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchone()
        applied = (
            {r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])}
            if has_log else set()
        )
        if known and applied - known:
            raise _refuse(source, "it was written by a newer version of Roadmap Planner")
        return _row_counts(conn)
    except sqlite3.Error as exc:
        raise _refuse(source, f"it is {_why_unreadable(source, exc)}") from exc


def _give_up_after(seconds: float):
    """A backup-API progress callback that stops waiting for a busy workspace."""
    deadline = time.monotonic() + seconds

    def progress(status, remaining, total):
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise TimeoutError

    return progress


def _restore_into(ws: "Workspace", source_conn: sqlite3.Connection, source: Path) -> dict:
    """Keep the current state as a backup, then copy `source` into the live workspace."""
    before = _row_counts(ws.conn)
    kept = _make_backup(ws, "before-restore", keep=(source,))
    try:
        source_conn.backup(ws.conn, progress=_give_up_after(RESTORE_WAIT_SECONDS))
    except TimeoutError:
        raise failures.busy(ws.path) from None
    except sqlite3.Error as exc:
        if failures.about_the_file(exc):
            raise failures.explain(exc, ws.path) from exc
        raise WorkspaceError(
            f"{ws.path} could not be restored from {source.name}: {exc}.",
            hint="The workspace was left as it was.",
        ) from exc
    from planner.storage.schema import migrations

    try:
        if migrations.pending(ws.db):  # a copy from before an upgrade: bring it to this version
            migrations.apply(ws.db)
    except sqlite3.Error as exc:
        raise WorkspaceError(
            f"{ws.path} was restored from {source.name} but could not be upgraded to this version: {exc}.",
            hint=f"Open it again to retry the upgrade; the state before the restore is in {kept}.",
        ) from exc
    return {"kept_current_as": kept, "set_aside_as": None, "before": before, "after": _row_counts(ws.conn)}


def _set_aside(path: Path) -> Path:
    """Move a workspace that cannot be opened (and its companions) to `NAME.damaged-STAMP`."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = _unused(lambda n: path.with_name(f"{path.name}.damaged-{stamp}{n}"))
    for suffix in COMPANION_SUFFIXES:  # first, so the new file is never paired with the old journal
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{aside}{suffix}"))
    os.replace(path, aside)
    return aside


def _replace_file(path: Path, source_conn: sqlite3.Connection, after: dict) -> dict:
    """Restore without opening the workspace: write the copy beside it, set the old file aside, rename."""
    temp = _write_temp(source_conn, path)
    aside = None
    try:
        if path.exists() and path.stat().st_size > 0:
            aside = _set_aside(path)
    except OSError as exc:
        _remove(temp)
        raise WorkspaceError(
            f"{path} could not be moved aside: {exc.strerror or exc}.",
            hint="Close other programs using it and check that its folder is writable.",
        ) from exc
    _rename_into_place(temp, path)
    return {"kept_current_as": None, "set_aside_as": aside, "before": None, "after": after}


def restore_backup(workspace: "str | Path | Workspace", backup_file: str | Path) -> dict:
    """Replace the workspace's content with the backup in `backup_file`.

    `workspace` is the workspace's path, or an open `Workspace` (the GUI
    passes its own, so the copy goes into the connection every view uses and
    the file is not opened, checked and migrated a second time). The current
    content is first kept as a
    backup (reason before-restore); the copy then goes in through the backup
    API with the workspace's connection as destination, in one transaction,
    so other windows and commands holding it see the restored content. A
    workspace file that cannot be opened (damaged, not a workspace, newer) is
    moved aside as `NAME.damaged-STAMP` and the backup takes its place; a busy
    or read-only one is refused.

    Returns workspace, restored_from, kept_current_as (the before-restore
    backup or None), set_aside_as (the damaged file or None), before (counts
    or None) and after (counts). Refuses, with WorkspaceError, a file that is
    not a workspace, is damaged, is newer than this app, or is the workspace.
    """
    from planner.storage.db import Workspace, open_workspace

    ws = workspace if isinstance(workspace, Workspace) else None
    path = Path(ws.path if ws is not None else workspace).expanduser()
    source = Path(backup_file).expanduser()
    if not source.is_file():
        raise NotFoundError(
            f"There is no backup file {source}.", hint="`planner backups` lists the backups of a workspace."
        )
    if workspace_part(source, path) is not None:
        raise _refuse(source, "it is the workspace itself")
    if not path.parent.is_dir():
        raise WorkspaceError(f"The folder {path.parent} does not exist.", hint="Create it first or pick another place.")
    try:
        source_conn = _connect_read_only(source)
    except sqlite3.Error as exc:
        raise _refuse(source, f"it cannot be read ({exc})") from exc
    try:
        after = _check_source(source_conn, source)
        if ws is not None:
            done = _restore_into(ws, source_conn, source)
        elif not path.exists() or path.stat().st_size == 0:
            done = _replace_file(path, source_conn, after)
        else:
            try:
                opened = open_workspace(path)
            except (WorkspaceBusy, ReadOnlyWorkspace, DiskFull):
                raise  # the file is fine: setting it aside would not help
            except WorkspaceError:  # damaged, not a workspace, or newer: kept aside, never deleted
                done = _replace_file(path, source_conn, after)
            else:
                try:
                    done = _restore_into(opened, source_conn, source)
                finally:
                    opened.close()
    finally:
        source_conn.close()
    return {"workspace": path, "restored_from": source, **done}
