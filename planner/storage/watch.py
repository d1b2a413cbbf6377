"""Whether the workspace changed while an action ran, whoever committed.

A connection's `PRAGMA data_version` moves when any *other* connection commits,
so a small connection of its own sees the action's commits as well as those of
other processes. That is how a message can say "nothing was changed" only when
it is true: a Ctrl-C just after an import committed must not claim otherwise.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class ChangeWatch:
    def __init__(self, path: str | Path):
        # mode=rw: never creates the file; the watch only reads one pragma.
        self._conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=rw", uri=True, timeout=1.0)
        self._seen = self._version()

    def _version(self) -> int:
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def changed(self) -> bool | None:
        """True when a commit landed since the watch began or was last reset; None when unknown."""
        try:
            return self._version() != self._seen
        except sqlite3.Error:
            return None

    def reset(self) -> None:
        self._seen = self._version()

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "ChangeWatch":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
