"""Telling the workspace's own files from others, without ever opening them.

Opening and closing any descriptor of the workspace file drops every SQLite
lock this process holds on it, so these compare by `stat` and by name only.
"""

from __future__ import annotations

import os
from pathlib import Path

COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")  # files SQLite keeps beside a database


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether `a` and `b` name one file: by inode when both exist, else by resolved name."""
    try:
        if os.path.samefile(a, b):
            return True
    except OSError:  # one of them does not exist (yet): compare the names
        pass
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def workspace_part(candidate: str | Path, workspace: str | Path) -> str | None:
    """"" when `candidate` is the workspace, its suffix ("-wal"…) when it is one of SQLite's
    files beside it, None when it is another file."""
    workspace = Path(workspace).expanduser()
    for suffix in ("", *COMPANION_SUFFIXES):
        if same_file(candidate, workspace.with_name(workspace.name + suffix)):
            return suffix
    return None
