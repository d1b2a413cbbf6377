"""Who is writing to a workspace, so that "busy" can say with what.

A long write (an import, undoing one, loading the demo, a restore) leaves a
small marker file beside the workspace while it holds the write lock:
`.NAME.writing-PID-N` with what it does and since when. A write that finds the
workspace busy reads the markers of live processes. The markers are separate
files: the workspace itself is never opened outside SQLite.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import time
from pathlib import Path

_counter = itertools.count(1)


def _markers(path: Path):
    return path.parent.glob(f".{path.name}.writing-*")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def announce(path: str | Path, what: str):
    """Mark the workspace at `path` as being written by this process for `what` ("importing requests.csv")."""
    path = Path(path)
    marker = path.with_name(f".{path.name}.writing-{os.getpid()}-{next(_counter)}")
    try:
        marker.write_text(json.dumps({"pid": os.getpid(), "what": what, "since": time.time()}), encoding="utf-8")
    except OSError:
        marker = None  # a read-only or full folder: the write itself will say so
    try:
        yield
    finally:
        if marker is not None:
            with contextlib.suppress(OSError):
                marker.unlink()


def holder(path: str | Path) -> str | None:
    """Words for what is writing to the workspace now, where known: "this window is importing requests.csv (since 15:02)"."""
    path = Path(path)
    found = []
    for marker in _markers(path):
        try:
            info = json.loads(marker.read_text(encoding="utf-8"))
            pid = int(info["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if not _alive(pid):
            with contextlib.suppress(OSError):
                marker.unlink()  # left by a process that was killed
            continue
        since = time.strftime("%H:%M", time.localtime(float(info.get("since", time.time()))))
        who = "this window" if pid == os.getpid() else f"another window or command (process {pid})"
        found.append(f"{who} is {info.get('what', 'writing to it')} (since {since})")
    return found[0] if found else None
