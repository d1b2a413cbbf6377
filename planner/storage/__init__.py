"""SQLite storage: the only place in the project with SQL."""

import sys as _sys

if "sqlite_utils" not in _sys.modules:
    # sqlite-utils imports pandas (0.4 s here) and numpy (0.1 s) when it can, only
    # to map their types to column types when it creates a table, which the
    # planner never has it do (the schema is SQL). Keep them off the path to the
    # first window; modules that need them import them themselves.
    _blocked = [name for name in ("pandas", "numpy") if name not in _sys.modules]
    for _name in _blocked:
        _sys.modules[_name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for _name in _blocked:
            if _sys.modules.get(_name) is None:
                del _sys.modules[_name]

from planner.storage.db import SCHEMA_APPLICATION_ID, Workspace, open_workspace  # noqa: E402

__all__ = ["Workspace", "open_workspace", "SCHEMA_APPLICATION_ID"]
