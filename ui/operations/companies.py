"""Actions on companies and segments: correct a field, merge companies, rename or merge a segment."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from planner import ops
from ui.i18n import tr
from ui.operations.items import _short

# The company fields said in undo texts ("Set plan of “Acme” to Scale"), marked so lupdate extracts them.
FIELD_NAMES = {
    "name": QT_TRANSLATE_NOOP("", "name"), "segment": QT_TRANSLATE_NOOP("", "segment"),
    "plan": QT_TRANSLATE_NOOP("", "plan"), "mrr": QT_TRANSLATE_NOOP("", "MRR"), "arr": QT_TRANSLATE_NOOP("", "ARR"),
    "renewal_date": QT_TRANSLATE_NOOP("", "renewal date"), "owner": QT_TRANSLATE_NOOP("", "account owner"),
    "domain": QT_TRANSLATE_NOOP("", "domain"),
}


def set_field(ctx, parent, company: dict, field: str, value, *, shown: str | None = None):
    """Set one field of one company (MRR or ARR sets the other too); `shown` is the value as the user sees it."""
    name = _short(company["name"])
    if field == "name":
        text = tr("Rename company “{old}” to “{new}”").format(old=name, new=_short(str(value or "")))
    else:
        said = shown if shown is not None else (tr("blank") if value in (None, "") else str(value))
        text = tr("Set {field} of “{company}” to {value}").format(
            field=tr(FIELD_NAMES.get(field, field)), company=name, value=said)
    return ctx.runner.run(parent, text, lambda ws: ops.edit_company(ws, company["id"], **{field: value}))


def merge(ctx, parent, keep: dict, others: list[dict]):
    """Merge `others` into `keep`: their requests move to it, they are deleted. One undo step."""
    ids = [int(o["id"]) for o in others]
    text = (tr("Merge “{other}” into “{company}”").format(other=_short(others[0]["name"]), company=_short(keep["name"]))
            if len(others) == 1
            else tr("Merge {n} companies into “{company}”").format(n=len(others), company=_short(keep["name"])))
    return ctx.runner.run(parent, text, lambda ws: ops.merge_companies(ws, keep["id"], ids))


def rename_segment(ctx, parent, old: str, new: str, *, merging: bool = False):
    """Rename a segment on every company; `merging` when `new` is a segment already (the words differ)."""
    text = (tr("Merge segment “{old}” into “{new}”") if merging else tr("Rename segment “{old}” to “{new}”")).format(
        old=_short(old), new=_short(new))
    return ctx.runner.run(parent, text, lambda ws: ops.rename_segment(ws, old, new))
