"""Opening, checking, migrating and backing up the workspace file."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from planner.errors import EmptyForeignDatabase, PlannerError, WorkspaceError
import planner.storage.failures as failures
from planner.storage.schema import MIGRATION_SET, migrations

# 'RMPL' in ASCII: marks a file as ours so that another SQLite file is refused.
SCHEMA_APPLICATION_ID = 0x524D504C
_SQLITE_MAGIC = b"SQLite format 3\x00"
log = logging.getLogger(__name__)


BUSY_TIMEOUT = 10.0  # seconds a write waits for another writer (the command line, a task) to finish
# The window's own connection waits less: its edits run on the GUI thread, which must not freeze.
INTERACTIVE_BUSY_TIMEOUT = 2.0


class _Database(sqlite_utils.Database):
    """sqlite-utils whose write transactions take the write lock as they begin.

    A deferred `BEGIN` that reads and then writes fails at once with "database is
    locked" when another process committed meanwhile, whatever the busy timeout;
    `BEGIN IMMEDIATE` waits its turn instead. Failures of the file (busy, full,
    read-only, damaged) leave the block as `WorkspaceError`s that say so.
    """

    workspace_path: Path

    @contextlib.contextmanager
    def atomic(self):
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _translated(exc, self.workspace_path) from exc
        try:
            yield self
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self.rollback()
            if failures.about_the_file(exc):
                raise failures.explain(exc, self.workspace_path) from exc
            raise


def _translated(exc: BaseException, path: Path) -> BaseException:
    return failures.explain(exc, path) if failures.about_the_file(exc) else exc


@dataclass
class Workspace:
    """An open workspace: one SQLite file.

    A connection belongs to the thread that opened it; background work opens its
    own `Workspace` on the same path.
    """

    path: Path
    db: sqlite_utils.Database
    backup_made: Path | None = None
    # When the file was last fully checked (`PRAGMA quick_check`), for a connection opened with the check
    # or with a note that spared it (`vouch`); None for a background task's connection.
    checked_at: float | None = None
    integrity_checked: bool = False  # this opening ran the check itself
    _closed: bool = field(default=False, repr=False)

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def closed(self) -> bool:
        return self._closed

    def data_version(self) -> int:
        """Changes when another connection (another process, a background task) commits."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    @contextlib.contextmanager
    def waiting_at_most(self, seconds: float):
        """Wait at most `seconds` for another writer within the block (a retry that must not freeze the window)."""
        before = self.db.execute("PRAGMA busy_timeout").fetchone()[0]
        self.db.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
        try:
            yield self
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {int(before)}")

    def close(self) -> None:
        if not self._closed:
            self.db.close()
            self._closed = True
            if self.checked_at is not None:
                from planner.storage import vouch

                vouch.note_closed(self.path, self.checked_at)

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _not_sqlite(path: Path) -> WorkspaceError | None:
    """Why a file SQLite refused is not ours, or None when it looks like SQLite.

    Reads the header with `open()`: only ever called after our connection to the
    file is closed, and only for a file SQLite did not accept, which no other
    connection of this process can hold (a descriptor closed in a process drops
    every SQLite lock that process holds on the file).
    """
    with open(path, "rb") as fh:
        head = fh.read(16)
    if head == _SQLITE_MAGIC:
        return None
    if len(head) < 16 and _SQLITE_MAGIC.startswith(head):
        return failures.damaged(path, "the file is truncated")
    return WorkspaceError(
        f"{path} is not a Roadmap Planner workspace (it is not an SQLite database).",
        hint="Pick a .db file made by Roadmap Planner, or a new file name to start a workspace.",
    )


def _mend_journal_modes(path: Path) -> None:
    """A `-shm` or `-wal` left read-only (made while the file was read-only) keeps every
    write failing after the user made the file writable again: give them its mode."""
    try:
        mode = os.stat(path).st_mode & 0o777
    except OSError:
        return
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        with contextlib.suppress(OSError):
            if os.stat(side).st_mode & 0o777 != mode and not failures.file_is_read_only(path):
                os.chmod(side, mode)


def open_workspace(path: str | Path, *, migrate: bool = True, busy_timeout: float = BUSY_TIMEOUT,
                   adopt_empty: bool = False) -> Workspace:
    """Create or open the workspace at `path`, migrating it to this version.

    `migrate=False` is for a second connection to a workspace already open
    (a background task): no migration and no full integrity check.
    `adopt_empty=True` makes an empty SQLite file of another program a
    workspace (the window asks the user first); otherwise it is refused.

    Nothing here opens the file outside SQLite while a connection may hold it:
    the header is read only after SQLite refused the file.

    Raises `WorkspaceError` naming the file when it is not a workspace, is
    damaged, read-only, busy, or was written by a newer version of the planner.
    """
    path = Path(path).expanduser()
    if path.is_dir():
        raise WorkspaceError(f"{path} is a folder, not a workspace file.", hint="Give a file name ending in .db.")
    if not path.parent.exists():
        raise WorkspaceError(
            f"The folder {path.parent} does not exist.", hint="Create it first or pick another place."
        )
    existed = path.exists() and path.stat().st_size > 0
    if existed and failures.file_is_read_only(path):
        raise failures.read_only(path)
    if failures.folder_is_read_only(path.parent):
        raise failures.read_only(path)
    _mend_journal_modes(path)
    try:
        conn = sqlite3.connect(str(path), timeout=busy_timeout, isolation_level="IMMEDIATE")
    except sqlite3.Error as exc:
        raise failures.explain(exc, path) from exc
    db = _Database(conn)
    db.workspace_path = path
    ws = Workspace(path=path, db=db)
    try:
        _prepare(ws, existed=existed, migrate=migrate, adopt_empty=adopt_empty)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if failures.result_code(exc) == failures.SQLITE_NOTADB and existed:
            raise (_not_sqlite(path) or failures.damaged(path, str(exc))) from exc
        raise failures.explain(exc, path) from exc
    except BaseException:
        conn.close()
        raise
    if migrate and existed:
        _daily_backup(ws)
    return ws


def _daily_backup(ws: Workspace) -> None:
    """The day's safety copy; a copy that cannot be made (a full disk) does not stop the user opening their work."""
    from planner.storage.backups import backup_if_due

    try:
        backup_if_due(ws)
    except PlannerError as exc:
        log.warning("No daily backup of %s: %s", ws.path, exc)


def _begun_by_us(db, tables: set[str]) -> bool:
    """A workspace whose creation was cut short before it was marked as ours: it has our migrations table."""
    if "_sqlite_migrations" not in tables:
        return False
    return db.execute("SELECT 1 FROM _sqlite_migrations WHERE migration_set = ? LIMIT 1", [MIGRATION_SET]).fetchone() is not None


def _prepare(ws: Workspace, *, existed: bool, migrate: bool, adopt_empty: bool = False) -> None:
    path, db = ws.path, ws.db
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    tables = set(db.table_names())
    if existed:
        if app_id != SCHEMA_APPLICATION_ID and not _begun_by_us(db, tables):
            if tables:
                raise WorkspaceError(
                    f"{path} is an SQLite database but not a Roadmap Planner workspace.",
                    hint="Pick a .db file made by Roadmap Planner, or a new file name to start a workspace.",
                )
            if not adopt_empty:
                raise EmptyForeignDatabase(
                    f"{path} is an empty SQLite database that another program made, not a Roadmap Planner workspace.",
                    hint="Give a new file name to start a workspace, or open it in the window, which asks before "
                         "making it one.",
                )
        if migrate:
            # Reads the whole file (about a second for 100 MB): done once when the user opens a
            # workspace, not for every background task's connection, and not again for a big file
            # only the planner has touched since its last check (`vouch`).
            from planner.storage import vouch

            ws.checked_at = vouch.checked_at(path)
            if ws.checked_at is None:
                ok = db.execute("PRAGMA quick_check").fetchone()[0]
                if ok != "ok":
                    raise failures.damaged(path, ok)
                ws.checked_at, ws.integrity_checked = time.time(), True
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA synchronous=NORMAL")
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
        from planner.storage.backups import make_backup

        ws.backup_made = make_backup(ws, reason="before-upgrade")
    if not applied:
        # Marked ours before the first table exists, so a creation cut short is finished, not refused, next time.
        db.execute(f"PRAGMA application_id={SCHEMA_APPLICATION_ID}")
    try:
        migrations.apply(db)
        db.execute(f"PRAGMA application_id={SCHEMA_APPLICATION_ID}")
    except (sqlite3.Error, WorkspaceError) as exc:
        why = exc if isinstance(exc, WorkspaceError) else failures.explain(exc, path)
        kept = f" A copy from before the upgrade is {ws.backup_made}." if ws.backup_made else ""
        raise type(why)(
            f"{path} could not be upgraded to this version: {why.message}",
            hint=f"{why.hint or ''} Each step of the upgrade is whole or not at all, so the file is "
                 f"still readable by this version once the problem is fixed.{kept}".strip(),
        ) from exc


def schema_version(ws: Workspace) -> int:
    return len(migrations.applied(ws.db))


__all__ = ["Workspace", "open_workspace", "schema_version", "MIGRATION_SET"]
