"""A big import's WAL checkpoint, run after its commit on a thread of its own rather than inside it.

In WAL mode a committed page is written twice: into the `-wal` file, then by a
checkpoint into the workspace file. SQLite runs that checkpoint inside the
COMMIT that makes the WAL pass 1,000 pages, so a 1M-row import made the user
wait 7.5 s more for pages that were already safely committed. `deferred`
keeps the commit from checkpointing; `in_background` then copies the pages on
its own connection while the user goes on (readers see the rows from the WAL
meanwhile). The data is the same either way: only who waits changes.
"""

from __future__ import annotations

import atexit
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

_running: list[threading.Thread] = []
_lock = threading.Lock()
_at_exit = False


@contextmanager
def deferred(db):
    """Within: commits on this connection leave the WAL to `in_background` (no automatic checkpoint)."""
    before = db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    db.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        yield
    finally:
        db.execute(f"PRAGMA wal_autocheckpoint = {int(before)}")


def _checkpoint(path: Path) -> None:
    try:
        conn = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        try:
            # PASSIVE: never waits for readers or blocks writers; what it cannot copy now,
            # the next commit's automatic checkpoint copies.
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        pass  # the rows are committed in the WAL; a later checkpoint moves them
    finally:
        with _lock:
            _running.remove(threading.current_thread())


def in_background(path) -> threading.Thread:
    """Start copying the WAL into the workspace file at `path`; returns the thread.

    A process that ends waits for it (`_finish_at_exit`), so the WAL is not left for the next
    command to carry; a Ctrl-C during that wait ends the process at once, which is safe: the
    rows are committed, and a checkpoint cut short leaves the WAL whole for the next one.
    """
    global _at_exit
    thread = threading.Thread(target=_checkpoint, args=(Path(path),), name="workspace-checkpoint", daemon=True)
    with _lock:
        _running.append(thread)
        if not _at_exit:
            atexit.register(_finish_at_exit)
            _at_exit = True
    thread.start()
    return thread


def _finish_at_exit() -> None:
    # A daemon thread joined here rather than by threading's own shutdown, where a Ctrl-C
    # printed a traceback after the command had said "Imported".
    try:
        wait()
    except KeyboardInterrupt:
        pass


def wait(timeout: float | None = None) -> bool:
    """Wait for the checkpoints started here; True when none is left running."""
    with _lock:
        threads = list(_running)
    for thread in threads:
        thread.join(timeout)
    with _lock:
        return not _running
