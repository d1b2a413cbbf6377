"""What the wizard calls fields, encodings, delimiters and presets."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from planner import importing

# Shown through tr(); marked here so lupdate finds them.
# What each canonical field means, shown next to its column combo and over the preview's columns.
FIELD_LABELS = {
    "external_id": QT_TRANSLATE_NOOP("", "ID"),
    "title": QT_TRANSLATE_NOOP("", "Title"),
    "body": QT_TRANSLATE_NOOP("", "Body"),
    "created_at": QT_TRANSLATE_NOOP("", "Created"),
    "requester": QT_TRANSLATE_NOOP("", "Requester"),
    "email": QT_TRANSLATE_NOOP("", "E-mail"),
    "company": QT_TRANSLATE_NOOP("", "Company"),
    "segment": QT_TRANSLATE_NOOP("", "Segment"),
    "mrr": QT_TRANSLATE_NOOP("", "MRR"),
    "arr": QT_TRANSLATE_NOOP("", "ARR"),
    "plan": QT_TRANSLATE_NOOP("", "Plan"),
    "votes": QT_TRANSLATE_NOOP("", "Votes"),
    "importance": QT_TRANSLATE_NOOP("", "Importance"),
    "status": QT_TRANSLATE_NOOP("", "Status"),
    "tags": QT_TRANSLATE_NOOP("", "Tags"),
    "url": QT_TRANSLATE_NOOP("", "URL"),
    "source": QT_TRANSLATE_NOOP("", "Source"),
}
ENCODING_LABELS = {
    "utf-8": QT_TRANSLATE_NOOP("", "UTF-8"),
    "utf-8-sig": QT_TRANSLATE_NOOP("", "UTF-8 with BOM"),
    "utf-16": QT_TRANSLATE_NOOP("", "UTF-16"),
    "cp932": QT_TRANSLATE_NOOP("", "Japanese (Windows, CP932)"),
    "euc-jp": QT_TRANSLATE_NOOP("", "Japanese (EUC-JP)"),
    "cp1252": QT_TRANSLATE_NOOP("", "Western (Windows-1252)"),
    "latin-1": QT_TRANSLATE_NOOP("", "Latin-1"),
}
DELIMITER_LABELS = {
    ",": QT_TRANSLATE_NOOP("", "comma"),
    ";": QT_TRANSLATE_NOOP("", "semicolon"),
    "\t": QT_TRANSLATE_NOOP("", "tab"),
    "|": QT_TRANSLATE_NOOP("", "vertical bar"),
}


def preset_label(name: str | None) -> str:
    return importing.PRESETS[name].label if name in importing.PRESETS else (name or "?")
