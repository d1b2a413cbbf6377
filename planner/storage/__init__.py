"""SQLite storage: the only place in the project with SQL."""

import sys as _sys

if "sqlite_utils" not in _sys.modules and "pandas" not in _sys.modules:
    # sqlite-utils imports pandas when it can (0.4 s here) only to map
    # pandas.Timestamp to TEXT, which the planner never stores. Keep it off the
    # path to the first window; modules that need pandas import it themselves.
    _sys.modules["pandas"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        if _sys.modules.get("pandas") is None:
            del _sys.modules["pandas"]

from planner.storage.db import SCHEMA_APPLICATION_ID, Workspace, open_workspace  # noqa: E402

__all__ = ["Workspace", "open_workspace", "SCHEMA_APPLICATION_ID"]
