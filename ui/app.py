"""Start the desktop app."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

ORG = "RoadmapPlanner"
APP = "Roadmap Planner"
TRANSLATIONS_DIR = Path(__file__).resolve().parents[1] / "resources" / "translations"
LANGUAGE_KEY = "ui/language"  # QSettings: "", "en" or "ja"; empty follows the system


def make_application(argv=None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)
    install_translators(app, ui_language())
    return app


def ui_language(settings: QSettings | None = None) -> str:
    """The UI language: `PLANNER_LANG`, else the `ui/language` setting, else the system's."""
    chosen = os.environ.get("PLANNER_LANG", "").strip()
    if not chosen:
        value = (settings if settings is not None else QSettings()).value(LANGUAGE_KEY, "")
        chosen = str(value or "").strip()
    if not chosen:
        languages = QLocale.system().uiLanguages()
        chosen = languages[0] if languages else QLocale.system().name()
    return chosen.replace("-", "_").split("_")[0].split(".")[0].lower() or "en"


def install_translators(app: QCoreApplication, lang: str) -> str:
    """Install the app's and Qt's own translations for `lang`; returns the language installed.

    English is the source language, so "en" (or a language without a
    translation file) installs nothing and returns "en". The translators are
    kept on `app.translators` so `remove_translators` can take them off again.
    """
    remove_translators(app)
    lang = (lang or "en").lower()
    if lang in ("en", "c", "posix"):  # "C" is the locale of a bare environment: English
        return "en"
    ours = QTranslator(app)
    if not ours.load(f"planner_{lang}", str(TRANSLATIONS_DIR)):
        logging.getLogger(__name__).info("No %s translation in %s; the UI stays in English", lang, TRANSLATIONS_DIR)
        return "en"
    installed = [ours]
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        installed.append(qt)
    for translator in installed:
        app.installTranslator(translator)
    app.translators = installed
    return lang


def remove_translators(app: QCoreApplication) -> None:
    for translator in getattr(app, "translators", ()):
        app.removeTranslator(translator)
    app.translators = []


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
