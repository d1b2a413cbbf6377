"""Workspace settings a user changes: the scoring method, time window, segment and weights."""

from __future__ import annotations

from planner.ops.result import OpResult, operation
from planner.scoring.settings import get_scoring_settings, set_scoring_settings
from planner.storage.db import Workspace

_NAMES = {"method": "method", "window_days": "time window", "segment": "segment", "importance_weights": "importance weights"}


def change_scoring(ws: Workspace, **changes) -> OpResult:
    """Change some scoring settings (checked as `set_scoring_settings` does); the value is all of them as they now are."""
    before = get_scoring_settings(ws)
    what = ", ".join(_NAMES.get(k, k.replace("_", " ")) for k in changes if changes[k] != before.get(k)) or "nothing"
    with operation(ws, f"Change scoring {what}") as op:
        settings = set_scoring_settings(ws, **changes)
    return op.result(settings)
