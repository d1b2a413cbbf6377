"""Actions on backlog items: set a field, bulk edit, delete, pin, move between lanes."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from planner import ops
from planner.errors import PlannerError
from ui.i18n import tr
from ui.widgets.labels import status_label

# Field names shown in undo texts and messages (translated through `tr`).
FIELD_NAMES = {"reach_manual": "reach", "lane_id": "lane"}  # fields named otherwise in the window
# Field names said in undo texts ("Set effort of “SSO” to 2"), marked so lupdate extracts them.
SAID_FIELDS = (QT_TRANSLATE_NOOP("", "effort"), QT_TRANSLATE_NOOP("", "reach"), QT_TRANSLATE_NOOP("", "impact"),
               QT_TRANSLATE_NOOP("", "confidence"), QT_TRANSLATE_NOOP("", "value"), QT_TRANSLATE_NOOP("", "title"),
               QT_TRANSLATE_NOOP("", "description"), QT_TRANSLATE_NOOP("", "owner"), QT_TRANSLATE_NOOP("", "tags"))


def shown_value(field: str, value) -> str:
    """A value as the undo text says it: "blank", an impact with its name, a confidence in %, a translated status."""
    if value is None:
        return tr("blank")
    if field == "impact":
        return f"{float(value):g} ({tr(ops.IMPACT_NAMES.get(float(value), ''))})"
    if field == "confidence":
        return f"{float(value):g}%"
    if field == "status":
        return status_label(value)
    return f"{float(value):g}" if isinstance(value, (int, float)) else str(value)


def _short(title: str, limit: int = 40) -> str:
    """A title on one line, cut to `limit` characters, for an undo text."""
    title = " ".join(title.split())
    return title if len(title) <= limit else title[: limit - 1] + "…"


def _title(ctx, item_id: int) -> str:
    """The item's title for an undo text; a missing item is the operation's to report, with its message."""
    try:
        return ops.get_item(ctx.ws, item_id)["title"]
    except PlannerError:
        return str(item_id)


def set_field(ctx, parent, item_id: int, field: str, value, *, shown=None):
    """Set one field of one item; `shown` is the value as the user sees it (for the undo text)."""
    text = tr("Set {field} of “{title}” to {value}").format(
        field=tr(FIELD_NAMES.get(field, field).replace("_", " ")), title=_title(ctx, item_id),
        value=value if shown is None else shown)
    return ctx.runner.run(parent, text, lambda ws: ops.edit_item(ws, item_id, **{field: value}))


def add(ctx, parent, fields: dict):
    """A new backlog item from the New Item form (`ops.add_item`'s fields)."""
    text = tr("Add item “{title}”").format(title=_short(fields["title"]))
    return ctx.runner.run(parent, text, lambda ws: ops.add_item(ws, **fields))


def edit_items(ctx, parent, item_ids, fields: dict):
    """The same status, lane or theme on several items, in one undo step."""
    ids = list(item_ids)
    names = ", ".join(tr(k.replace("_id", "")) for k in fields)
    text = (tr("Change {fields} of {n} items").format(fields=names, n=len(ids)) if len(ids) > 1
            else tr("Change {fields} of “{title}”").format(fields=names, title=_title(ctx, ids[0])))
    return ctx.runner.run(parent, text, lambda ws: ops.edit_items(ws, ids, **fields))


def delete_items(ctx, parent, item_ids):
    ids = list(item_ids)
    text = (tr("Delete “{title}”").format(title=_title(ctx, ids[0])) if len(ids) == 1
            else tr("Delete {n} items").format(n=len(ids)))
    return ctx.runner.run(parent, text, lambda ws: ops.delete_items(ws, ids))


def pin(ctx, parent, item_id: int, rank: int | None, rationale: str | None):
    title = _title(ctx, item_id)
    text = (tr("Pin “{title}” at rank {rank}").format(title=title, rank=rank) if rank
            else tr("Unpin “{title}”").format(title=title))
    return ctx.runner.run(parent, text, lambda ws: ops.pin(ws, item_id, rank, rationale))


def move_items(ctx, parent, item_ids, lane_id, *, before_item_id=None, lane_name: str | None = None):
    """Move items to a lane (None: off the roadmap), before a card or at the end."""
    ids = list(item_ids)
    name = lane_name or (tr("Not planned") if lane_id is None else next(
        (lane["name"] for lane in ops.list_lanes(ctx.ws) if lane["id"] == lane_id), str(lane_id)))
    text = (tr("Move “{title}” to {lane}").format(title=_short(_title(ctx, ids[0])), lane=name) if len(ids) == 1
            else tr("Move {n} items to {lane}").format(n=len(ids), lane=name))
    return ctx.runner.run(parent, text, lambda ws: ops.move_items(ws, ids, lane=lane_id, before_item_id=before_item_id))


# The other item fields, as undo texts and messages name them ("Set business value of “SSO” to 8").
FIELD_NAMES.update({
    "reach_mode": "reach source", "metric_id": "metric", "metric_share": "metric share",
    "ice_impact": "ICE impact", "ice_confidence": "ICE confidence", "ice_ease": "ease",
    "wsjf_value": "business value", "wsjf_time": "time criticality", "wsjf_risk": "risk reduction",
    "wsjf_size": "job size",
})
MORE_SAID_FIELDS = (
    QT_TRANSLATE_NOOP("", "reach source"), QT_TRANSLATE_NOOP("", "metric"), QT_TRANSLATE_NOOP("", "metric share"),
    QT_TRANSLATE_NOOP("", "ICE impact"), QT_TRANSLATE_NOOP("", "ICE confidence"), QT_TRANSLATE_NOOP("", "ease"),
    QT_TRANSLATE_NOOP("", "business value"), QT_TRANSLATE_NOOP("", "time criticality"),
    QT_TRANSLATE_NOOP("", "risk reduction"), QT_TRANSLATE_NOOP("", "job size"), QT_TRANSLATE_NOOP("", "start date"),
    QT_TRANSLATE_NOOP("", "end date"), QT_TRANSLATE_NOOP("", "impact low"), QT_TRANSLATE_NOOP("", "impact high"),
    QT_TRANSLATE_NOOP("", "confidence low"), QT_TRANSLATE_NOOP("", "confidence high"),
    QT_TRANSLATE_NOOP("", "effort low"), QT_TRANSLATE_NOOP("", "effort high"),
)


def edit_fields(ctx, parent, item_id: int, fields: dict, *, field: str | None = None, shown: str | None = None):
    """Change fields of one item in one undo step, said as the user sees it: "Set theme of “SSO” to Security".

    `field` is the field the text names (the only one by default), `shown` its value as the user sees it.
    """
    said = field or (next(iter(fields)) if len(fields) == 1 else None)
    if said is None:
        names = ", ".join(tr(FIELD_NAMES.get(k, k).replace("_", " ")) for k in fields)
        text = tr("Change {fields} of “{title}”").format(fields=names, title=_short(_title(ctx, item_id)))
    else:
        value = shown if shown is not None else shown_value(said, fields.get(said))
        text = tr("Set {field} of “{title}” to {value}").format(
            field=tr(FIELD_NAMES.get(said, said).replace("_", " ")), title=_title(ctx, item_id), value=value)
    return ctx.runner.run(parent, text, lambda ws: ops.edit_item(ws, item_id, **fields))


def duplicate(ctx, parent, item_id: int):
    """A copy of an item just after it in its lane; not its pin nor its requests (demand is counted once)."""
    text = tr("Duplicate “{title}”").format(title=_short(_title(ctx, item_id)))
    return ctx.runner.run(parent, text, lambda ws: ops.duplicate_item(ws, item_id))


def merge(ctx, parent, keep_id: int, other_ids):
    """Merge items into one, in one undo step: their requests move to it, then they are deleted."""
    ids = list(other_ids)
    title = _short(_title(ctx, keep_id))
    text = (tr("Merge “{other}” into “{title}”").format(other=_short(_title(ctx, ids[0])), title=title) if len(ids) == 1
            else tr("Merge {n} items into “{title}”").format(n=len(ids), title=title))
    return ctx.runner.run(parent, text, lambda ws: ops.merge_items(ws, keep_id, ids))
