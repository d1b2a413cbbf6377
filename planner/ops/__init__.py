"""Use-cases: every change a user can make to a workspace, as plain functions, by entity.

The GUI and the CLI are thin callers of these. Each mutating one validates its
arguments, writes in one transaction and returns an `OpResult`: its value (the
row it made, say), the typed `Changes` (which entities, which ids, whether
scores moved) and a reversal the core applies: `undo(ws, result)` takes it
back, `redo(ws, undone)` does it again with the same ids. Errors are
`PlannerError`s. Adding an edit: one function here, inside `operation(...)`,
and one test in tests/planner/test_history.py.
"""

from planner.domain import (
    FIELD_LIMITS,
    IMPACT_NAMES,
    IMPACTS,
    IMPORTANCES,
    ITEM_FIELDS,
    KINDS,
    LANE_KINDS,
    REACH_MODES,
    REQUEST_STATUSES,
    STATUSES,
    WSJF_SIZES,
    field_label,
    valid_text,
)
from planner.ops.companies import (
    COMPANY_FIELDS,
    edit_company,
    find_company,
    list_segments,
    merge_companies,
    rename_segment,
    require_company,
    upsert_company,
)
from planner.ops.company_imports import import_companies
from planner.ops.imports import import_items, import_requests, undo_import
from planner.ops.metrics import add_metric_template, import_metrics
from planner.ops.items import (
    add_item,
    delete_item,
    delete_items,
    duplicate_item,
    edit_item,
    edit_items,
    get_item,
    merge_items,
    merge_preview,
    move_items,
    pin,
    requests_freed,
)
from planner.ops.lanes import (
    add_default_lanes,
    add_lane,
    add_next_quarter,
    delete_lane,
    edit_lane,
    find_lane,
    fiscal_start,
    list_lanes,
    move_lane,
    quarter_of,
)
from planner.ops.requests import (
    add_request,
    create_item_from_requests,
    link_request,
    link_requests,
    mark_duplicate,
    request,
    set_request_status,
    unlink_request,
)
from planner.ops.result import Changes, Entity, OpResult, StaleUndo, operation, redo, undo
from planner.ops.settings import change_scoring, change_settings, month_number, workspace_settings
from planner.storage import queries
from planner.text import content_hash


def list_items(ws, **kw) -> list[dict]:
    return queries.list_items(ws, **kw)


def list_requests(ws, **kw) -> list[dict]:
    return queries.list_requests(ws, **kw)


def list_companies(ws) -> list[dict]:
    return queries.list_companies(ws)


__all__ = [
    "add_metric_template", "import_metrics", "FIELD_LIMITS", "IMPACTS", "IMPACT_NAMES", "IMPORTANCES", "ITEM_FIELDS", "KINDS", "LANE_KINDS", "REACH_MODES",
    "REQUEST_STATUSES", "STATUSES", "WSJF_SIZES", "Changes", "Entity", "OpResult", "StaleUndo",
    "add_default_lanes", "add_item", "add_lane", "add_next_quarter", "delete_lane", "edit_lane", "add_request", "change_scoring", "content_hash",
    "change_settings", "month_number", "workspace_settings",
    "create_item_from_requests", "delete_item", "delete_items", "edit_item", "edit_items", "field_label",
    "COMPANY_FIELDS", "edit_company", "list_segments", "merge_companies", "rename_segment", "require_company",
    "find_company", "get_item", "import_companies", "import_items", "import_requests", "link_request", "link_requests", "list_companies", "list_items",
    "find_lane", "fiscal_start", "move_lane", "list_lanes", "list_requests", "mark_duplicate", "move_items", "operation", "pin", "quarter_of", "redo",
    "request", "set_request_status", "undo", "undo_import", "unlink_request", "upsert_company", "valid_text",
    "duplicate_item", "merge_items", "merge_preview", "requests_freed",
]
