"""SQLite storage: the only place in the project with SQL."""

from planner.storage.db import Workspace, open_workspace, SCHEMA_APPLICATION_ID

__all__ = ["Workspace", "open_workspace", "SCHEMA_APPLICATION_ID"]
