"""The interface's language: `tr`, the translation files and which language to install.

Every module of `ui/` takes `tr` from here; nothing here imports a view, so
`ui.app`, `ui.main_window` and the views never import each other for it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "resources" / "translations"  # inside the package: ships in a wheel
LANGUAGE_KEY = "ui/language"  # QSettings: "", "en" or "ja"; empty follows the system


# Values shown through `tr(value.replace("_", " "))` (statuses, kinds, impact
# names, lane kinds, field names); listed here so lupdate extracts them.
VALUE_NAMES = (
    QT_TRANSLATE_NOOP("", "idea"), QT_TRANSLATE_NOOP("", "candidate"), QT_TRANSLATE_NOOP("", "planned"),
    QT_TRANSLATE_NOOP("", "in progress"), QT_TRANSLATE_NOOP("", "shipped"), QT_TRANSLATE_NOOP("", "wont do"),
    QT_TRANSLATE_NOOP("", "feature"), QT_TRANSLATE_NOOP("", "improvement"), QT_TRANSLATE_NOOP("", "bug"),
    QT_TRANSLATE_NOOP("", "tech debt"), QT_TRANSLATE_NOOP("", "research"),
    QT_TRANSLATE_NOOP("", "massive"), QT_TRANSLATE_NOOP("", "high"), QT_TRANSLATE_NOOP("", "medium"),
    QT_TRANSLATE_NOOP("", "low"), QT_TRANSLATE_NOOP("", "minimal"),
    QT_TRANSLATE_NOOP("", "quarter"), QT_TRANSLATE_NOOP("", "release"), QT_TRANSLATE_NOOP("", "horizon"),
    QT_TRANSLATE_NOOP("", "status"), QT_TRANSLATE_NOOP("", "lane"), QT_TRANSLATE_NOOP("", "theme"),
    QT_TRANSLATE_NOOP("", "kind"),
)


# The empty context is the one `pyside6-lupdate` gives every text in ui/*.py.
def tr(text: str, context: str = "") -> str:
    return QCoreApplication.translate(context, text)


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
