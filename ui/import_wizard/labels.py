"""What the wizard calls fields, encodings, delimiters and presets."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from planner import importing
from ui.i18n import tr

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
    # Backlog items
    "description": QT_TRANSLATE_NOOP("", "Description"),
    "kind": QT_TRANSLATE_NOOP("", "Kind"),
    "theme": QT_TRANSLATE_NOOP("", "Theme"),
    "owner": QT_TRANSLATE_NOOP("", "Owner"),
    "lane": QT_TRANSLATE_NOOP("", "Lane"),
    "reach": QT_TRANSLATE_NOOP("", "Reach"),
    "impact": QT_TRANSLATE_NOOP("", "Impact"),
    "confidence": QT_TRANSLATE_NOOP("", "Confidence"),
    "effort": QT_TRANSLATE_NOOP("", "Effort"),
    "value": QT_TRANSLATE_NOOP("", "Value"),
    "ice_impact": QT_TRANSLATE_NOOP("", "Impact (ICE)"),
    "ice_confidence": QT_TRANSLATE_NOOP("", "Confidence (ICE)"),
    "ice_ease": QT_TRANSLATE_NOOP("", "Ease (ICE)"),
    "wsjf_value": QT_TRANSLATE_NOOP("", "Business value"),
    "wsjf_time": QT_TRANSLATE_NOOP("", "Time criticality"),
    "wsjf_risk": QT_TRANSLATE_NOOP("", "Risk reduction"),
    "wsjf_size": QT_TRANSLATE_NOOP("", "Job size"),
    "story_points": QT_TRANSLATE_NOOP("", "Story points"),
    "score": QT_TRANSLATE_NOOP("", "Score"),
    "start_date": QT_TRANSLATE_NOOP("", "Start"),
    "end_date": QT_TRANSLATE_NOOP("", "End"),
    # Companies
    "name": QT_TRANSLATE_NOOP("", "Name"),
    "domain": QT_TRANSLATE_NOOP("", "Domain"),
    "renewal_date": QT_TRANSLATE_NOOP("", "Renewal date"),
}
# Where a kind names a field otherwise: a company's ID is the one its CRM gave it.
KIND_FIELD_LABELS = {("companies", "external_id"): QT_TRANSLATE_NOOP("", "CRM ID")}
# Item fields whose values are our words (statuses, kinds): shown translated, as the backlog shows them.
WORD_FIELDS = {("items", "kind"), ("items", "status")}


def field_label(kind: str, field: str) -> str:
    """What the wizard calls `field` of a file of `kind`, translated."""
    return tr(KIND_FIELD_LABELS.get((kind, field)) or FIELD_LABELS.get(field, field))


def shown_value(kind: str, field: str, value):
    """A preview cell as the rest of the window would show it (`in_progress` as "in progress", translated)."""
    if (kind, field) in WORD_FIELDS and isinstance(value, str):
        return tr(value.replace("_", " "))
    return value


# What a field's column is for, where its name alone does not say.
FIELD_TIPS = {
    "lane": QT_TRANSLATE_NOOP("", "A lane or quarter by name; a quarter or release not in the roadmap yet is added."),
    "reach": QT_TRANSLATE_NOOP("", "A number here becomes the item's own reach, so it scores as in the sheet."),
    "confidence": QT_TRANSLATE_NOOP("", "In percent: 80%, 80 or 0.8; or high, medium, low."),
    "effort": QT_TRANSLATE_NOOP("", "In person-months."),
    "story_points": QT_TRANSLATE_NOOP("", "Kept with the item; not its effort unless chosen as the Effort column."),
    "score": QT_TRANSLATE_NOOP("", "The sheet's own score: compared with the planner's, never stored."),
    "segment": QT_TRANSLATE_NOOP("", "Written as in the file; a new segment can be merged into another afterwards."),
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
