"""Opening, checking, migrating and backing up the workspace file."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from planner.errors import WorkspaceError
from planner.storage.schema import MIGRATION_SET, migrations

# 'RMPL' in ASCII: marks a file as ours so that another SQLite file is refused.
SCHEMA_APPLICATION_ID = 0x524D504C
BACKUPS_KEPT = 3
_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass
class Workspace:
    """An open workspace: one SQLite file.

    A connection belongs to the thread that opened it; background work opens its
    own `Workspace` on the same path.
    """

    path: Path
    db: sqlite_utils.Database
    backup_made: Path | None = None
    _closed: bool = field(default=False, repr=False)

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    @property
    def name(self) -> str:
        return self.path.stem

    def close(self) -> None:
        if not self._closed:
            self.db.close()
            self._closed = True

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def backups_of(path: Path) -> list[Path]:
    """The migration backups kept beside `path`, oldest first."""
    path = Path(path)
    return sorted(path.parent.glob(f"{path.name}.backup-*"), key=lambda p: p.name)


def _fail_unreadable(path: Path, why: str) -> WorkspaceError:
    backups = backups_of(path)
    hint = (
        f"The latest backup is {backups[-1]}: copy it to a new name and open that."
        if backups
        else "Open another workspace or create a new one with File > New."
    )
    return WorkspaceError(f"{path} is damaged and cannot be opened ({why}).", hint=hint)


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite at all, before SQLite touches it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb") as fh:
        head = fh.read(16)
    if head != _SQLITE_MAGIC:
        if len(head) < 16:
            raise _fail_unreadable(path, "the file is truncated")
        raise WorkspaceError(
            f"{path} is not a Roadmap Planner workspace (it is not an SQLite database).",
            hint="Pick a .db file made by Roadmap Planner, or a new file name to start a workspace.",
        )


def _backup(db: sqlite_utils.Database, path: Path, version: int) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.backup-{stamp}-v{version:03d}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.backup-{stamp}-v{version:03d}-{n}")
        n += 1
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    for old in backups_of(path)[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    return target


def open_workspace(path: str | Path, *, migrate: bool = True) -> Workspace:
    """Create or open the workspace at `path`, migrating it to this version.

    `migrate=False` is for a second connection to a workspace already open
    (a background task): no migration and no full integrity check.

    Raises `WorkspaceError` naming the file when it is not a workspace, is
    damaged, or was written by a newer version of the planner.
    """
    path = Path(path).expanduser()
    if path.is_dir():
        raise WorkspaceError(f"{path} is a folder, not a workspace file.", hint="Give a file name ending in .db.")
    if not path.parent.exists():
        raise WorkspaceError(
            f"The folder {path.parent} does not exist.", hint="Create it first or pick another place."
        )
    _check_header(path)
    existed = path.exists() and path.stat().st_size > 0
    try:
        conn = sqlite3.connect(str(path), timeout=10)
    except sqlite3.Error as exc:
        raise WorkspaceError(f"{path} cannot be opened: {exc}.", hint="Check that the file and its folder are writable.") from exc
    db = sqlite_utils.Database(conn)
    ws = Workspace(path=path, db=db)
    try:
        _prepare(ws, existed=existed, migrate=migrate)
    except BaseException:
        conn.close()
        raise
    return ws


def _prepare(ws: Workspace, *, existed: bool, migrate: bool) -> None:
    path, db = ws.path, ws.db
    try:
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        tables = set(db.table_names())
    except sqlite3.DatabaseError as exc:
        raise _fail_unreadable(path, str(exc)) from exc
    if existed:
        if app_id != SCHEMA_APPLICATION_ID:
            if tables:
                raise WorkspaceError(
                    f"{path} is an SQLite database but not a Roadmap Planner workspace.",
                    hint="Pick a .db file made by Roadmap Planner, or a new file name to start a workspace.",
                )
        if migrate:
            # Reads the whole file (about a second for 100 MB): done once when the
            # user opens a workspace, not for every background task's connection.
            try:
                ok = db.execute("PRAGMA quick_check").fetchone()[0]
            except sqlite3.DatabaseError as exc:
                raise _fail_unreadable(path, str(exc)) from exc
            if ok != "ok":
                raise _fail_unreadable(path, ok)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.OperationalError as exc:
        raise WorkspaceError(f"{path} cannot be opened: {exc}.", hint="Check that the file is not read-only or locked.") from exc
    if not migrate:
        return
    known = {m.name for m in migrations._migrations} if hasattr(migrations, "_migrations") else None
    applied = [m.name for m in migrations.applied(db)] if "_sqlite_migrations" in tables else []
    if known is not None:
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise WorkspaceError(
                f"{path} was written by a newer version of Roadmap Planner.",
                hint="Update the app to open it; the file was left unchanged.",
            )
    pending = migrations.pending(db)
    if not pending:
        return
    if existed and applied:
        ws.backup_made = _backup(db, path, len(applied))
    try:
        migrations.apply(db)
        db.execute(f"PRAGMA application_id={SCHEMA_APPLICATION_ID}")
    except sqlite3.OperationalError as exc:
        raise WorkspaceError(
            f"{path} could not be upgraded: {exc}.",
            hint="Check that the file is writable; it was left as it was.",
        ) from exc


def schema_version(ws: Workspace) -> int:
    return len(migrations.applied(ws.db))


__all__ = ["Workspace", "open_workspace", "backups_of", "schema_version", "MIGRATION_SET"]
