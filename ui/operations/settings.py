"""Actions on the workspace's settings."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from planner import ops
from ui.i18n import tr

_NAMES = {"method": QT_TRANSLATE_NOOP("", "method"), "window_days": QT_TRANSLATE_NOOP("", "time window"),
          "segment": QT_TRANSLATE_NOOP("", "segment"), "importance_weights": QT_TRANSLATE_NOOP("", "importance weights"),
          "formula": QT_TRANSLATE_NOOP("", "formula"), "reach_unit": QT_TRANSLATE_NOOP("", "reach unit"),
          "users_per_customer": QT_TRANSLATE_NOOP("", "users per customer")}


def change_scoring(ctx, parent, before: dict, after: dict):
    """Save the scoring settings that differ from `before`, in one undo step."""
    changed = {k: v for k, v in after.items() if before.get(k) != v}
    if not changed:
        return None
    text = tr("Change scoring {what}").format(what=", ".join(tr(_NAMES[k]) for k in changed))
    return ctx.runner.run(parent, text, lambda ws: ops.change_scoring(ws, **changed))


MONTHS = (
    QT_TRANSLATE_NOOP("", "January"), QT_TRANSLATE_NOOP("", "February"), QT_TRANSLATE_NOOP("", "March"),
    QT_TRANSLATE_NOOP("", "April"), QT_TRANSLATE_NOOP("", "May"), QT_TRANSLATE_NOOP("", "June"),
    QT_TRANSLATE_NOOP("", "July"), QT_TRANSLATE_NOOP("", "August"), QT_TRANSLATE_NOOP("", "September"),
    QT_TRANSLATE_NOOP("", "October"), QT_TRANSLATE_NOOP("", "November"), QT_TRANSLATE_NOOP("", "December"),
)


def month_name(month: int) -> str:
    """The name of month 1-12 in the interface's language."""
    return tr(MONTHS[month - 1])


def _said(key: str, value) -> str:
    if key == "name":
        return tr("workspace name to “{name}”").format(name=value) if value else tr("workspace name to the file's name")
    if key == "fiscal_year_start":
        return tr("fiscal year start to {month}").format(month=month_name(value))
    if key == "currency":
        return tr("currency to {code}").format(code=value)
    if key == "window_days":
        return tr("time window to {n} days").format(n=value)
    return tr("scoring {what}").format(what=tr(_NAMES[key]))


def change_settings(ctx, parent, before: dict, after: dict):
    """Save the workspace settings that differ from `before` (name, fiscal_year_start, currency, window_days and the
    scoring method, segment and importance weights), in one undo step whose text says what changed."""
    changed = {k: v for k, v in after.items() if before.get(k) != v}
    if not changed:
        return None
    text = tr("Change {what}").format(what=", ".join(_said(k, v) for k, v in changed.items()))
    return ctx.runner.run(parent, text, lambda ws: ops.change_settings(ws, **changed))
