"""Presets: how each tool's CSV export maps to our request fields.

A preset is picked when enough of its signature headers are in the file;
otherwise the generic synonyms apply. Header names are compared after
`header_key` (case, width, accents and `[list]`-style suffixes ignored).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.importing.mapping import header_key


@dataclass(frozen=True)
class Preset:
    name: str
    label: str
    signature: tuple[str, ...]
    fields: dict = field(default_factory=dict)  # canonical field -> header candidates, best first
    min_hits: int = 2
    group_by_id: bool = False  # one row per voter: rows of one id make one request, counted as votes
    loose_headers: bool = False  # question texts as headers: match words inside them


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "jira", "Jira",
            signature=("issue key", "issue id", "issue type", "summary", "project key", "reporter",
                       "clé de ticket", "type de demande", "rapporteur", "résumé", "resume", "priorité"),
            fields={
                "external_id": ("issue key", "clé de ticket", "clé"),
                "title": ("summary", "résumé", "resume", "title"),
                "body": ("description", "descriptif"),
                "created_at": ("created", "créé", "création"),
                "requester": ("reporter", "rapporteur", "creator", "créateur"),
                "status": ("status", "état", "etat", "state"),
                "importance": ("priority", "priorité"),
                "votes": ("votes",),
                "tags": ("labels", "étiquettes", "labels"),
                "url": ("url",),
            },
            min_hits=3,
        ),
        Preset(
            "zendesk", "Zendesk",
            signature=("requester", "requester id", "requester email", "requester domain", "submitter",
                       "assignee", "subject", "via", "ticket type", "organization", "group"),
            fields={
                "external_id": ("id",),
                "title": ("subject",),
                "body": ("description",),
                "created_at": ("created at",),
                "requester": ("requester",),
                "email": ("requester email",),
                "company": ("organization",),
                "status": ("status",),
                "importance": ("priority",),
                "tags": ("tags",),
            },
            min_hits=4,
        ),
        Preset(
            "intercom", "Intercom",
            signature=("conversation id", "conversation url", "conversation title", "user id", "user name",
                       "user email", "company name", "first message", "conversation tags"),
            fields={
                "external_id": ("conversation id",),
                "title": ("conversation title", "subject"),
                "body": ("first message", "conversation body", "body"),
                "created_at": ("created at", "conversation created at"),
                "requester": ("user name", "contact name"),
                "email": ("user email", "contact email"),
                "company": ("company name", "company"),
                "status": ("state", "status"),
                "tags": ("conversation tags", "tags"),
                "url": ("conversation url",),
                "mrr": ("company monthly spend", "monthly spend"),
                "plan": ("company plan", "plan"),
            },
            min_hits=3,
        ),
        Preset(
            "canny", "Canny",
            signature=("board", "details", "author name", "author email", "vote count", "votes", "owner",
                       "category", "eta", "post url"),
            fields={
                "external_id": ("id", "post id"),
                "title": ("title",),
                "body": ("details",),
                "created_at": ("created at", "created", "date"),
                "requester": ("author name", "author"),
                "email": ("author email",),
                "company": ("company name", "company"),
                "votes": ("votes", "vote count"),
                "status": ("status",),
                "tags": ("tags",),
                "url": ("post url", "url"),
                "mrr": ("company mrr", "mrr"),
            },
            min_hits=4,
        ),
        Preset(
            "productboard", "productboard",
            signature=("note id", "note title", "note text", "note url", "customer email", "company name",
                       "company domain", "user email", "source origin", "owner email"),
            fields={
                "external_id": ("note id", "id"),
                "title": ("note title", "title"),
                "body": ("note text", "content"),
                "created_at": ("created at", "note created at"),
                "requester": ("user name", "customer name"),
                "email": ("user email", "customer email"),
                "company": ("company name", "company"),
                "tags": ("tags",),
                "url": ("note url", "url"),
                "importance": ("importance",),
            },
            min_hits=3,
        ),
        Preset(
            "uservoice", "UserVoice",
            signature=("ideaid", "ideatitle", "ideadescription", "voterscount", "createdtimestamp",
                       "useremailaddress", "forumname", "statusname"),
            fields={
                "external_id": ("ideaid",),
                "email": ("useremailaddress", "useremail"),
                "title": ("ideatitle",),
                "body": ("ideadescription",),
                "created_at": ("createdtimestamp", "ideacreatedtimestamp"),
                "status": ("statusname", "ideastatus"),
                "tags": ("labels", "categoryname"),
                "url": ("ideaurl", "url"),
            },
            min_hits=3,
            group_by_id=True,
        ),
        Preset(
            "github", "GitHub",
            signature=("number", "title", "state", "labels", "html url", "milestone", "assignees",
                       "comments", "closed at", "user", "author"),
            fields={
                "external_id": ("number",),
                "title": ("title",),
                "body": ("body",),
                "created_at": ("created at",),
                "requester": ("user", "author", "user login"),
                "status": ("state",),
                "tags": ("labels",),
                "url": ("html url", "url"),
                "votes": ("reactions", "+1", "thumbs up"),
            },
            min_hits=4,
        ),
        Preset(
            "google-forms", "Google Forms",
            signature=("timestamp", "タイムスタンプ", "horodateur", "marca temporal", "zeitstempel"),
            fields={
                "created_at": ("timestamp", "タイムスタンプ", "horodateur", "marca temporal", "zeitstempel"),
                "email": ("email address", "メールアドレス", "adresse e-mail"),
            },
            min_hits=1,
            loose_headers=True,
        ),
        Preset(
            "salesforce", "Salesforce",
            signature=("case number", "account name", "date/time opened", "case owner", "case origin",
                       "contact name", "opportunity name", "account owner", "subject", "case reason"),
            fields={
                "external_id": ("case number", "case id", "opportunity id"),
                "title": ("subject", "opportunity name"),
                "body": ("description",),
                "created_at": ("date/time opened", "created date", "opened date"),
                "requester": ("contact name",),
                "email": ("email", "contact email"),
                "company": ("account name",),
                "status": ("status", "stage"),
                "importance": ("priority",),
                "segment": ("account type", "type", "segment"),
                "arr": ("annual revenue", "amount"),
                "plan": ("plan",),
            },
            min_hits=3,
        ),
        Preset(
            "fider", "Fider",
            signature=("votes count", "comments count", "original number", "original title", "responded by",
                       "responded at", "response", "created by"),
            fields={
                "external_id": ("number",),
                "title": ("title",),
                "body": ("description",),
                "created_at": ("created at",),
                "requester": ("created by",),
                "votes": ("votes count",),
                "status": ("status",),
                "tags": ("tags",),
            },
            min_hits=3,
        ),
        Preset("generic", "Any CSV (column names)", signature=(), min_hits=10**9),
    )
}


def detect_preset(headers: list[str]) -> Preset:
    """The preset whose signature headers the file has most of, or `generic`."""
    keys = {header_key(h) for h in headers if h.strip()}
    first = header_key(headers[0]) if headers else ""
    best, best_hits = PRESETS["generic"], 0
    for preset in PRESETS.values():
        if preset.name == "google-forms":
            # A form's first column is the submission time; everything else is questions.
            hits = 1 if first in preset.signature else 0
        else:
            hits = sum(1 for s in preset.signature if header_key(s) in keys)
        if hits >= preset.min_hits and hits > best_hits:
            best, best_hits = preset, hits
    return best


def preset_mapping(preset: Preset, headers: list[str]) -> dict[str, str]:
    by_key: dict[str, str] = {}
    for h in headers:
        if h.strip():
            by_key.setdefault(header_key(h), h)
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for fld, candidates in preset.fields.items():
        for cand in candidates:
            hit = by_key.get(header_key(cand))
            if hit is not None and hit not in used:
                mapping[fld] = hit
                used.add(hit)
                break
    return mapping
