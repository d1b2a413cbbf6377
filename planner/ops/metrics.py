"""Metrics: their values imported from a file, and the templates of usual metrics; each one undoable."""

from __future__ import annotations

from pathlib import Path

from planner.ops.result import OpResult, operation
from planner.scoring import metrics as reading
from planner.storage.db import Workspace


def import_metrics(ws: Workspace, path) -> OpResult:
    """Import metric values from a CSV file (long or wide form), all or nothing; the value is the summary."""
    with operation(ws, f"Import metrics from {Path(path).name}") as op:
        summary = reading.import_metrics(ws, path)
    return op.result(summary)


def add_metric_template(ws: Workspace, name: str) -> OpResult:
    """Add the metrics of a template (aarrr, north-star) that are missing; the value lists those added."""
    with operation(ws, f"Add the {name} metrics") as op:
        added = reading.add_template(ws, name)
    return op.result(added)
