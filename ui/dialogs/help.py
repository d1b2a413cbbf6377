"""The Help menu's dialogs: About (what a bug report needs) and How Scores Work (with this workspace's own numbers).

How Scores Work explains nothing itself: the example is the backlog's top
item as `planner.scoring` scores and explains it, so the dialog and the
detail panel cannot disagree.
"""

from __future__ import annotations

import html
import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, qVersion
from PySide6.QtGui import QGuiApplication, QTextOption
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout,
)

from planner import ops
from planner.ops import Changes
from planner.storage.backups import backups_folder
from ui import identity
from ui.backlog.detail_form import METHOD_NAMES, REACH_LABELS, REACH_TIPS
from ui.backlog.model import format_value
from ui.dialogs.scoring import METHOD_LABELS
from ui.i18n import tr
from ui.tasks import Latest

# Named here, not inside the f-strings below, where the translation tools would not find them.
HEADINGS = {
    "title": QT_TRANSLATE_NOOP("", "How Scores Work"),
    "methods": QT_TRANSLATE_NOOP("", "The methods"),
    "reach": QT_TRANSLATE_NOOP("", "Where reach comes from"),
    "window": QT_TRANSLATE_NOOP("", "The request window"),
    "example": QT_TRANSLATE_NOOP("", "In this workspace"),
}

# What each method weighs, one sentence each, beside its formula (METHOD_LABELS).
METHOD_WORDS = {
    "rice": QT_TRANSLATE_NOOP("", "Impact is 3 massive, 2 high, 1 medium, 0.5 low or 0.25 minimal; confidence is 100%, "
                                  "80% or 50%; effort is in person-months."),
    "value-effort": QT_TRANSLATE_NOOP("", "Value comes from demand, scaled from 0 to 10 (no demand is no value), or is "
                                          "typed by hand. The "
                                          "matrix sorts items into quick wins, big bets, fill-ins and time sinks."),
    "ice": QT_TRANSLATE_NOOP("", "Impact, confidence and ease are each estimated from 1 to 10."),
    "wsjf": QT_TRANSLATE_NOOP("", "Cost of delay is business value + time criticality + risk reduction; the job size "
                                  "is the effort."),
    "custom": QT_TRANSLATE_NOOP("", "A formula you write over the factors, with weights, + - * / ^, min, max, log and "
                                    "sqrt; confidence is a fraction (80% is 0.8). Each score is explained term by term."),
}


def about_details(ctx, data_dir: Path) -> list[tuple[str, str]]:
    """(label, value) lines of the About box: the version, where the files are, what the app runs on."""
    path = Path(ctx.ws.path).resolve()
    return [
        (tr("Version"), identity.version()),
        (tr("Workspace"), str(path)),
        (tr("Backups"), str(backups_folder(path))),
        (tr("Data folder"), str(data_dir)),
        (tr("Python"), platform.python_version()),
        (tr("Qt"), tr("{qt} (PySide6 {pyside})").format(qt=qVersion(), pyside=PySide6.__version__)),
        (tr("System"), platform.platform(terse=True)),
    ]


def _browser() -> QTextBrowser:
    """Read-only rich text the user can select and copy; long paths wrap rather than hide."""
    view = QTextBrowser()
    view.setOpenLinks(False)
    view.setWordWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
    view.setTextInteractionFlags(Qt.TextSelectableByMouse)  # no caret blinking in a text that cannot be edited
    return view


class AboutDialog(QDialog):
    """Help ▸ About: name, icon, version, and the paths and versions a bug report asks for, with a Copy button."""

    def __init__(self, ctx, parent=None, *, data_dir: Path):
        super().__init__(parent)
        self.ctx = ctx
        self.data_dir = Path(data_dir)
        self.setWindowTitle(tr("About Roadmap Planner"))
        self.resize(620, 360)
        icon = QLabel()
        icon.setPixmap(identity.app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignTop)
        name = QLabel(tr("Roadmap Planner"))
        name.setStyleSheet("font-size: 16pt; font-weight: bold")
        self.version_label = QLabel(tr("Version {version}").format(version=identity.version()))
        self.version_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        blurb = QLabel(tr("Roadmap Planner keeps the backlog, customer requests, scoring and the roadmap in one "
                          "local file."))
        blurb.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(name)
        heading.addWidget(self.version_label)
        heading.addWidget(blurb)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addSpacing(12)
        top.addLayout(heading, 1)

        self.details = _browser()
        self.copy_button = QPushButton(tr("Copy"))
        self.copy_button.setToolTip(tr("Copy these lines, to paste them into a bug report"))
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.refresh()
        ctx.workspace_replaced.connect(self.refresh)

    def refresh(self) -> None:
        rows = "".join(f"<tr><td style='padding-right:12px; color:#52606d'>{html.escape(label)}</td>"
                       f"<td>{html.escape(value)}</td></tr>" for label, value in about_details(self.ctx, self.data_dir))
        self.details.setHtml(f"<table cellspacing='0' cellpadding='3'>{rows}</table>")

    def text(self) -> str:
        """What Copy puts on the clipboard: one "label: value" line each, under the app's name."""
        lines = [tr("Roadmap Planner")] + [f"{label}: {value}" for label, value in about_details(self.ctx, self.data_dir)]
        return "\n".join(lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.copy_button.setText(tr("Copied"))


class ScoresHelpDialog(QDialog):
    """Help ▸ How Scores Work: the methods, where reach comes from, the request window, and the top item's score."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.example: dict | None = None  # the backlog's top scored item, as planner.scoring explains it
        self.setWindowTitle(tr("How Scores Work"))
        self.resize(680, 640)
        self.view = _browser()
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self._load = Latest(ctx, self, _example, self._loaded, self._failed)
        ctx.changed.connect(self._on_changed)
        ctx.workspace_replaced.connect(self.refresh)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.scores:
            self.refresh()

    def refresh(self) -> None:
        """Show the explanation at once; the example follows when the workspace has been scored (off this thread)."""
        self.example = None
        self._show(ops.workspace_settings(self.ctx.ws), waiting=True)
        self._load.request()

    def _loaded(self, example: dict, _seconds: float) -> None:
        self.example = example
        self._show(example["settings"], waiting=False)

    def _failed(self, exc, details) -> None:
        self._show(ops.workspace_settings(self.ctx.ws), waiting=False, error=str(exc))

    def text(self) -> str:
        return self.view.toPlainText()

    def _show(self, settings: dict, *, waiting: bool, error: str | None = None) -> None:
        method = settings["method"]
        parts = [f"<h2>{html.escape(tr(HEADINGS['title']))}</h2>",
                 "<p>" + html.escape(tr(
                     "Every item gets a score from the method chosen in Edit ▸ Scoring Settings… (now {method}). "
                     "The backlog lists items by it, best first; a pinned item keeps the rank it was given.")
                     .format(method=tr(METHOD_NAMES[method]))) + "</p>"]
        parts.append(self._example_html(waiting, error))
        parts.append(f"<h3>{html.escape(tr(HEADINGS['methods']))}</h3><ul>")
        for key, label in METHOD_LABELS.items():
            chosen = " <i>(" + html.escape(tr("chosen")) + ")</i>" if key == method else ""
            parts.append(f"<li><b>{html.escape(tr(label))}</b>{chosen}<br>{html.escape(tr(METHOD_WORDS[key]))}</li>")
        parts.append("</ul>")
        parts.append(f"<h3>{html.escape(tr(HEADINGS['reach']))}</h3><p>" + html.escape(tr(
            "Each item says where its reach comes from, in the backlog's detail panel. RICE multiplies by it; "
            "value ÷ effort scales the demand to a value.")) + "</p><ul>")
        for mode, label in REACH_LABELS.items():
            parts.append(f"<li><b>{html.escape(tr(label))}</b>: {html.escape(tr(REACH_TIPS[mode]))}</li>")
        parts.append("</ul>")
        parts.append(f"<h3>{html.escape(tr(HEADINGS['window']))}</h3><p>" + html.escape(tr(
            "Only requests made within the last {days} days count as demand: older ones stay linked but no longer "
            "add to reach. Change it in Edit ▸ Workspace Settings…").format(days=f"{settings['window_days']:,}"))
            + "</p>")
        self.view.setHtml("".join(parts))

    def _example_html(self, waiting: bool, error: str | None) -> str:
        head = f"<h3>{html.escape(tr(HEADINGS['example']))}</h3>"
        if error:
            return head + "<p>" + html.escape(tr("The example could not be worked out: {error}").format(error=error)) + "</p>"
        if waiting:
            return head + "<p><i>" + html.escape(tr("Scoring the backlog…")) + "</i></p>"
        row = self.example["top"]
        if row is None:
            return head + "<p>" + html.escape(tr(
                "No item has a score yet. Give an item the estimates its method needs (for RICE: impact, confidence "
                "and effort, with a reach) and it is explained here.")) + "</p>"
        text = [head, "<p>" + html.escape(tr("First in the backlog: “{title}”, score {score}, rank {rank}.").format(
            title=row["title"], score=format_value("score", row), rank=row.get("rank") or "—")) + "</p>"]
        if row.get("explanation"):
            text.append(f"<p>{html.escape(row['explanation'])}</p>")
        factors = "".join(f"<li>{html.escape(line)}</li>" for line in factor_lines(row))
        if factors:
            text.append(f"<ul>{factors}</ul>")
        return "".join(text)


def factor_lines(row: dict) -> list[str]:
    """The factors of a scored row as the backlog's detail panel lists them: "reach: 12 (people asking, …)"."""
    from planner.scoring.explain import fmt

    lines = []
    for f in row.get("factors") or []:
        value = f.get("value")
        shown = "—" if value is None else fmt(value)
        source = f" ({f['source']})" if f.get("source") else ""
        lines.append(f"{f.get('name')}: {shown}{source}")
    return lines


def _example(ws, progress) -> dict:
    """Off the GUI thread: the settings and the backlog's first scored item, as `score_items` ranks and explains it."""
    from planner.scoring import score_items

    rows = score_items(ws)
    top = next((r for r in rows if r.get("score") is not None), None)
    return {"settings": ops.workspace_settings(ws), "top": top}
