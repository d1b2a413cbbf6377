"""What a file to import holds: customer requests, backlog items, companies or metrics, told from its columns.

The window's import wizard preselects the kind `guess_kind` names and says
which columns gave it away; the user can always choose another. Each kind's
importer knows its own column names (`mapping` for requests, `item_fields`
and `crm` for backlog items and companies, `scoring.metrics` for metrics); this
module only weighs them against each other.

Many names belong to several kinds (Title, Status, Company, MRR, Owner), so a
column counts double when only one kind knows it, and two kinds of file that
share most names are told apart by what only one of them has: a request names
who asked (requester, e-mail, votes), a backlog item carries estimates (story
points, effort, reach, impact) or an issue type.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.importing.mapping import match_synonyms

KINDS = ("requests", "items", "companies", "metrics")

# Request fields that say who asked: a backlog has none of them.
_ASKER_FIELDS = ("requester", "email", "votes")
# Item fields that are estimates: a request dump carries none of them on purpose. So does a tracker's issue type.
_ESTIMATE_FIELDS = ("story_points", "effort", "reach", "impact", "confidence", "ice_ease",
                    "wsjf_value", "wsjf_time", "wsjf_risk", "wsjf_size")
_ISSUE_TYPE = ("issue type", "item type")
_OWN = 2  # weight of a column only one kind knows, on top of the 1 every known column counts
_SIGNAL = 2  # weight of a column that says "asked by someone" or "estimated"


@dataclass
class Guess:
    """A file's kind as `guess_file` tells it, with the table it looked at."""

    kind: str
    clues: list[str]  # the column names that gave the kind away, the telling ones first
    header: list[str]
    sheet: str | None = None  # the sheet looked at, for a workbook
    sheets: list[str] = field(default_factory=list)


def _estimates(header: list[str]) -> list[str]:
    """The columns of `header` that hold an item's estimates or a tracker's issue type."""
    from planner.importing import item_fields

    keys = {k for name in _ESTIMATE_FIELDS for k in item_fields.SYNONYMS[name]} | set(_ISSUE_TYPE)
    return [h for h in header if h.strip() and any(k in keys for k in item_fields.key_forms(h))]


def _metric_columns(header: list[str]) -> dict[str, list[str]]:
    """The columns the metrics importer reads, by role: date, metric (its name), value, segment."""
    from planner.scoring import metrics

    roles = {"date": metrics._DATE_HEADERS, "metric": metrics._METRIC_HEADERS,
             "value": metrics._VALUE_HEADERS, "segment": metrics._SEGMENT_HEADERS}
    return {role: [h for h in header if metrics._key(h) in names] for role, names in roles.items()}


def kind_columns(header: list[str]) -> dict[str, list[str]]:
    """For each kind, the columns of `header` its importer knows by name, in the header's order."""
    from planner.importing import crm, item_fields

    requests = set(match_synonyms(header).values())
    metric = _metric_columns(header)
    return {
        "requests": [h for h in header if h in requests],
        "items": [h for h in header if h.strip() and item_fields.header_hits([h])],
        "companies": [h for h in header if h.strip() and crm.header_hits([h])],
        "metrics": [h for h in header if any(h in cols for cols in metric.values())],
    }


def known_count(header: list[str]) -> int:
    """How many cells of `header` some importer knows: finds the header row, and the sheet, of any kind."""
    return max(len(cols) for cols in kind_columns([h for h in header if h]).values())


def guess_kind(header: list[str]) -> tuple[str, list[str]]:
    """The kind of a file with these columns, and the column names that gave it away (telling ones first).

    Requests are the answer when nothing fits (their importer reads any file
    with a title or a body), with no clue columns: the window then says it
    could not tell.
    """
    header = [str(h or "") for h in header]
    metric = _metric_columns(header)
    if metric["date"] and metric["metric"] and metric["value"]:
        return "metrics", [metric["metric"][0], metric["date"][0], metric["value"][0]]
    known = kind_columns(header)
    rivals = ("requests", "items", "companies")
    request_fields = match_synonyms(header)
    scores: dict[str, int] = {}
    clues: dict[str, list[str]] = {}
    for kind in rivals:
        cols = known[kind]
        own = [c for c in cols if not any(c in known[other] for other in rivals if other != kind)]
        if kind == "requests":
            askers = {request_fields[f] for f in _ASKER_FIELDS if f in request_fields}
            signals = [c for c in cols if c in askers]
        elif kind == "items":
            signals = _estimates(cols)
        else:
            signals = []
        scores[kind] = len(cols) + _OWN * len(own) + _SIGNAL * len(signals)
        clues[kind] = list(dict.fromkeys(signals + own + cols))
    # A kind is only a candidate when its importer could read the file.
    if "title" not in request_fields and "body" not in request_fields:
        scores["requests"] = 0
    for kind in ("items", "companies"):
        if len(known[kind]) < 2:
            scores[kind] = 0
    best = max(rivals, key=lambda k: (scores[k], -rivals.index(k)))
    if scores[best] > 0:
        return best, clues[best]
    if metric["date"] and len(header) >= 2:
        # Wide form: a date column, then one column per metric.
        return "metrics", [metric["date"][0]]
    return "requests", []


def metrics_form(header: list[str]) -> str | None:
    """How the metrics importer would read a file with these columns: "long" (metric, date, value),
    "wide" (a date, then a column per metric), or None (no date column: it cannot)."""
    metric = _metric_columns([str(h or "") for h in header])
    if not metric["date"]:
        return None
    return "long" if metric["metric"] and metric["value"] else "wide"


def guess_file(path, *, sheet: str | None = None, encoding: str | None = None) -> Guess:
    """Read the header of `path` (a CSV, or a workbook's `sheet`, by default the one most like a table) and guess."""
    from planner.importing.table import is_workbook, read_table

    if is_workbook(path):
        table = read_table(path, sheet=sheet, known=known_count)
        header, sheet, sheets = table.header, table.sheet, table.sheets
    else:
        from planner.importing.reading import sniff

        # Only the header is needed: sniffing a big dump reads its first lines, not all of it.
        header, sheet, sheets = list(sniff(path, encoding=encoding).header), None, []
    kind, clues = guess_kind(header)
    return Guess(kind=kind, clues=clues, header=header, sheet=sheet, sheets=sheets)


__all__ = ["KINDS", "Guess", "guess_file", "guess_kind", "kind_columns", "known_count", "metrics_form"]
