"""The application-data folder: the default workspace and the notes of exports under way.

Kept apart from the packages that use it so that a command can look there
without importing them (the export package pulls in the workbook writer).
"""

from __future__ import annotations

from pathlib import Path


def data_dir() -> Path:
    """The platform's application-data folder for the planner (XDG_DATA_HOME is honoured on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("RoadmapPlanner", appauthor=False))


def default_workspace_path() -> Path:
    """The workspace opened when none is named."""
    return data_dir() / "workspace.db"


def exports_journal_dir() -> Path:
    """Where running exports note their temporary files, so a later start can remove them after a kill."""
    return data_dir() / "exports-in-progress"


def sweep_export_leftovers() -> list[Path]:
    """Remove what killed exports left behind; cheap when there is nothing (no import of the exporters)."""
    folder = exports_journal_dir()
    if not folder.is_dir() or not any(folder.glob("*.json")):
        return []
    from planner.exporting.atomic import sweep_leftovers

    return sweep_leftovers()
