"""Importing companies from a CRM export or a sheet, as one step of the window's history.

A file of companies holds thousands of rows, not millions, so unlike a request
dump it goes through the journal like an edit: Undo removes the companies it
added and puts back the ones it updated (and the batch row), Redo does it again
with the same ids.
"""

from __future__ import annotations

from pathlib import Path

from planner.ops.result import Changes, OpResult, operation
from planner.storage.db import Workspace


def import_companies(ws: Workspace, path, **options) -> OpResult:
    """Import a file of companies (`planner.importing.crm.import_companies`'s options); the value is its report.

    A dry run writes nothing: its result has no changes and nothing to undo.
    """
    from planner.importing import crm

    text = f"Import “{Path(path).name}”"
    if options.get("dry_run"):
        return OpResult(crm.import_companies(ws, path, **options), Changes(), None, text)
    with operation(ws, text) as op:
        report = crm.import_companies(ws, path, **options)
    return op.result(report)
