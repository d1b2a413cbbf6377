"""Actions on metrics: import their values from a file, add a template's metrics."""

from __future__ import annotations

from pathlib import Path

from planner import ops
from ui.i18n import tr


def import_file(ctx, parent, path):
    text = tr("Import metrics from {file}").format(file=Path(path).name)
    return ctx.runner.run(parent, text, lambda ws: ops.import_metrics(ws, path))


def add_template(ctx, parent, name: str):
    text = tr("Add the {template} metrics").format(template=name.upper())
    return ctx.runner.run(parent, text, lambda ws: ops.add_metric_template(ws, name))
