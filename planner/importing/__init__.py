"""Importing request dumps (CSV from support, sales and feedback tools) into a workspace.

The GUI's import wizard and the CLI call only these names.
"""

from planner.importing.batch import list_batches, undo_import
from planner.importing.core import import_requests, preview_import
from planner.importing.mapping import CANONICAL_FIELDS
from planner.importing.presets import PRESETS
from planner.importing.reading import ENCODINGS
from planner.importing.write_requests import StrictFailure

__all__ = [
    "preview_import", "import_requests", "list_batches", "undo_import", "StrictFailure",
    "PRESETS", "CANONICAL_FIELDS", "ENCODINGS",
]
