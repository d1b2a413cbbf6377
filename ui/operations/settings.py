"""Actions on the workspace's settings."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from planner import ops
from ui.i18n import tr

_NAMES = {"method": QT_TRANSLATE_NOOP("", "method"), "window_days": QT_TRANSLATE_NOOP("", "time window"),
          "segment": QT_TRANSLATE_NOOP("", "segment"), "importance_weights": QT_TRANSLATE_NOOP("", "importance weights")}


def change_scoring(ctx, parent, before: dict, after: dict):
    """Save the scoring settings that differ from `before`, in one undo step."""
    changed = {k: v for k, v in after.items() if before.get(k) != v}
    if not changed:
        return None
    text = tr("Change scoring {what}").format(what=", ".join(tr(_NAMES[k]) for k in changed))
    return ctx.runner.run(parent, text, lambda ws: ops.change_scoring(ws, **changed))
