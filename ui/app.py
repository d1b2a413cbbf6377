"""Start the desktop app."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

ORG = "RoadmapPlanner"
APP = "Roadmap Planner"


def make_application(argv=None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)
    return app


def open_or_explain(path: Path):
    """Open a workspace, or show why not and return None."""
    from planner.errors import PlannerError
    from planner.storage import open_workspace
    from ui.context import show_error

    try:
        return open_workspace(path)
    except PlannerError as exc:
        show_error(None, exc)
        return None


def offer_demo(window) -> None:
    """On an empty workspace, offer the demo so a new user sees the product's value."""
    from planner.storage import queries
    from ui.context import tr

    if not queries.is_empty(window.ctx.ws):
        return
    answer = QMessageBox.question(
        window,
        tr("Welcome to Roadmap Planner"),
        tr("This workspace is empty. Load the demo workspace (a B2B SaaS backlog with customer requests) to look around?"),
        QMessageBox.Yes | QMessageBox.No,
        QMessageBox.Yes,
    )
    if answer == QMessageBox.Yes:
        window.load_demo()


def install_excepthook() -> None:
    """An unexpected error in a slot shows a short message with the details folded away, and is logged."""
    import traceback

    def hook(kind, exc, tb):
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        from ui.context import show_error

        show_error(QApplication.activeWindow(), exc, "".join(traceback.format_exception(kind, exc, tb)))

    sys.excepthook = hook


def run_app(*, db_path: Path | None = None, argv=None) -> int:
    logging.basicConfig(level=logging.INFO)
    app = make_application(argv)
    install_excepthook()
    from planner.cli import default_workspace_path
    from ui.main_window import MainWindow

    path = db_path or default_workspace_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    ws = open_or_explain(path)
    if ws is None:
        return 2
    window = MainWindow(ws)
    window.show()
    offer_demo(window)
    return app.exec()
