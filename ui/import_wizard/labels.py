"""What the wizard calls fields, encodings, delimiters and presets."""

from __future__ import annotations

from planner import importing

# What each canonical field means, shown next to its column combo and over the preview's columns.
FIELD_LABELS = {
    "external_id": "ID", "title": "Title", "body": "Body", "created_at": "Created", "requester": "Requester",
    "email": "E-mail", "company": "Company", "segment": "Segment", "mrr": "MRR", "arr": "ARR", "plan": "Plan",
    "votes": "Votes", "importance": "Importance", "status": "Status", "tags": "Tags", "url": "URL",
    "source": "Source",
}
ENCODING_LABELS = {
    "utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "utf-16": "UTF-16", "cp932": "Japanese (Windows, CP932)",
    "euc-jp": "Japanese (EUC-JP)", "cp1252": "Western (Windows-1252)", "latin-1": "Latin-1",
}
DELIMITER_LABELS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}


def preset_label(name: str | None) -> str:
    return importing.PRESETS[name].label if name in importing.PRESETS else (name or "?")
