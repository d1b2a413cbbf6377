"""Release notes for a lane, and whom to tell that what they asked for ships.

The PdM's last mile: a lane (a release or a quarter) becomes a draft in
customer-facing words, grouped by theme, and a list of the companies and
people whose requests those items answer. Telling them is recorded per
(request, item) link (`links.informed_at`), so a told requester leaves the list.

Editions follow the workbook's rule (`planner.exporting.snapshot`): the
internal edition shows everything; the business edition never shows people,
e-mails, owners or the requests' words, and names companies only when
`include_companies` (the export's "--no-companies" leaves them out).

Requests without a company: the internal edition gives each requester a row
of their own (company ""), found by e-mail, else by name, else by request; the
business edition, which names no people, gives one row per item (company "")
counting them. Duplicate requests are left out, as in the demand figures.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from planner.domain import check_choice, known_id
from planner.errors import ValidationError
from planner.ops.lanes import find_lane
from planner.ops.result import OpResult, operation
from planner.storage import release_queries as rq
from planner.storage.db import Workspace

EDITIONS = ("internal", "business")
NOTE_FORMATS = ("md", "text")
OTHER_THEME = "Other"
STATUS_WORDS = {"shipped": "shipped", "in_progress": "in progress", "planned": "planned",
                "candidate": "candidate", "idea": "idea"}
NAMES_SHOWN = 8  # companies named per item in a formatted draft; the rest are counted
WORDS_LIMIT = 120  # characters of a request's words in "whom to tell"
# Columns of the whom-to-tell CSV, JSON and sheet; the internal edition adds the people.
WHOM_COLUMNS = ("company", "item_id", "item", "requests")
WHOM_INTERNAL_COLUMNS = ("requesters", "emails", "owner", "words")


def _lane(ws: Workspace, lane) -> dict:
    return find_lane(ws, lane)


def _check_edition(edition: str) -> None:
    check_choice("edition", edition, EDITIONS)


def _lane_info(lane: dict) -> dict:
    return {k: lane[k] for k in ("id", "name", "kind", "start_date", "end_date")}


def public_title(item: dict) -> str:
    """The words a customer reads for an item: its public title, else its title."""
    return item.get("public_title") or item["title"]


# ---------------------------------------------------------------- release notes

COMMITTED = ("planned", "in_progress", "shipped")  # what the business edition's notes promise


def lane_items(ws: Workspace, lane) -> list[dict]:
    """The lane's items as the PdM edits their public words: id, title, public_title, public_summary, status,
    kind, theme, in board order (won't-do left out)."""
    return rq.lane_items(ws, _lane(ws, lane)["id"])


def release_notes(ws: Workspace, lane, *, edition: str = "internal", include_companies: bool = True) -> dict:
    """The lane's items (won't-do left out; the business edition: only planned, in progress and shipped ones) grouped
    by theme, in customer-facing words.

    Returns {"lane": {id, name, kind, start_date, end_date}, "edition",
    "companies_shown", "count", "themes": [{"theme", "items": [...]}]}; themes
    sorted, items without one under "Other", last. Each item: id, title (the
    public title, else the title), summary (the public summary or None),
    status, kind, requests (how many asked), companies (names, the most
    requests first; empty where the edition hides them) and, internal edition,
    internal_title.
    """
    _check_edition(edition)
    found = _lane(ws, lane)
    shown = edition == "internal" or include_companies
    asked: dict[int, dict] = {}  # item id -> {"requests": n, "companies": {name: n}}
    for link in rq.lane_links(ws, found["id"]):
        a = asked.setdefault(link["item_id"], {"requests": 0, "companies": {}})
        a["requests"] += 1
        if link["company"]:
            a["companies"][link["company"]] = a["companies"].get(link["company"], 0) + 1
    themes: dict[str, list[dict]] = {}
    items = rq.lane_items(ws, found["id"])
    for item in items:
        if edition == "business" and item["status"] not in COMMITTED:
            continue  # an idea parked in a lane is not a promise to customers
        a = asked.get(item["id"], {"requests": 0, "companies": {}})
        companies = sorted(a["companies"], key=lambda name: (-a["companies"][name], name.casefold()))
        row = {"id": item["id"], "title": public_title(item), "summary": item["public_summary"],
               "status": item["status"], "kind": item["kind"], "requests": a["requests"],
               "companies": companies if shown else []}
        if edition == "internal":
            row["internal_title"] = item["title"]
        themes.setdefault((item["theme"] or "").strip() or OTHER_THEME, []).append(row)
    order = sorted(themes, key=lambda t: (t == OTHER_THEME, t.casefold()))
    return {"lane": _lane_info(found), "edition": edition, "companies_shown": shown,
            "count": sum(len(rows) for rows in themes.values()),
            "themes": [{"theme": t, "items": themes[t]} for t in order]}


def lane_dates(lane: dict) -> str:
    """'2026-10-01 – 2026-12-31', 'from 2026-10-01', 'by 2026-12-31' or ''."""
    start, end = lane.get("start_date"), lane.get("end_date")
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"from {start}"
    return f"by {end}" if end else ""


def _md(text: str) -> str:
    """Text as Markdown shows it literally (a title with * or _ stays a title)."""
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in " ".join(str(text).split()))


# The words of a formatted draft; the window passes them in the interface's language.
WORDS = {
    **STATUS_WORDS,
    "asked_for_by": "Asked for by {names}.",
    "names": "{names} and {last}",
    "more": "{names} and {n} more",
    "nothing": "Nothing is planned on this lane yet.",
    OTHER_THEME: OTHER_THEME,
}


def _names(companies: list[str], esc, words: dict) -> str:
    """'A, B and C'; past NAMES_SHOWN names, 'A, B, … and 12 more' (a draft is read, not scrolled)."""
    shown = [esc(c) for c in companies[:NAMES_SHOWN]]
    rest = len(companies) - len(shown)
    if rest:
        return words["more"].format(names=", ".join(shown), n=rest)
    return shown[0] if len(shown) == 1 else words["names"].format(names=", ".join(shown[:-1]), last=shown[-1])


def format_notes(notes: dict, fmt: str = "md", *, words: dict | None = None) -> str:
    """The notes as Markdown (a `# ` heading with the lane's name and dates) or as plain text for chat ("• ").

    `words` replaces some of `WORDS` (statuses, "Asked for by", "Other"): the window's language.
    """
    check_choice("format", fmt, NOTE_FORMATS + ("json",))
    if fmt == "json":
        return json.dumps(notes, ensure_ascii=False, indent=2)
    words = {**WORDS, **(words or {})}
    lane, md = notes["lane"], fmt == "md"
    dates = lane_dates(lane)
    esc = _md if md else (lambda text: " ".join(str(text).split()))
    lines = [f"# {esc(lane['name'])}" + (f" · {dates}" if dates else "") if md
             else esc(lane["name"]) + (f" ({dates})" if dates else "")]
    if not notes["count"]:
        lines += ["", words["nothing"]]
    for group in notes["themes"]:
        theme = words[OTHER_THEME] if group["theme"] == OTHER_THEME else group["theme"]
        lines += ["", f"## {esc(theme)}" if md else esc(theme)]
        if md:
            lines.append("")
        for item in group["items"]:
            title = f"**{esc(item['title'])}**" if md else esc(item["title"])
            line = f"{'-' if md else '•'} {title} ({words.get(item['status'], item['status'])})"
            if item["summary"]:
                line += f": {esc(item['summary'])}"
            lines.append(line)
            if item["companies"]:
                lines.append("  " + words["asked_for_by"].format(names=_names(item["companies"], esc, words)))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- whom to tell


def _short_words(link: dict) -> str:
    text = " ".join(str(link["request_title"] or link["body"] or "").split())
    return text if len(text) <= WORDS_LIMIT else text[: WORDS_LIMIT - 1] + "…"


def _person_key(link: dict) -> str:
    """Who asked, for a request without a company: the e-mail, else the name, else the request itself."""
    email = (link["email"] or "").strip().casefold()
    name = " ".join((link["requester"] or "").split()).casefold()
    return f"e:{email}" if email else (f"n:{name}" if name else f"r:{link['request_id']}")


def _add_once(values: list, value) -> None:
    if value and value not in values:
        values.append(value)


def whom_to_tell(ws: Workspace, lane, *, edition: str = "internal", include_informed: bool = False) -> list[dict]:
    """One row per (company, item) of the lane whose requests are not yet informed (all with `include_informed`).

    Keys: company ("" for requests without a company), item_id, item (the public
    title, else the title), requests (how many), request_ids (to mark them
    informed), informed (how many of them are), informed_at (the latest day, once
    all are) and, internal edition only: requesters, emails, owner (the company's
    account owner, or ""), words (each request's title, short). Sorted by company
    (those without one last), then item id.
    """
    _check_edition(edition)
    found = _lane(ws, lane)
    internal = edition == "internal"
    titles = {item["id"]: public_title(item) for item in rq.lane_items(ws, found["id"])}
    rows: dict[tuple, dict] = {}
    for link in rq.lane_links(ws, found["id"]):
        if link["informed_at"] and not include_informed:
            continue
        if link["company_id"] is not None:
            who = ("c", link["company_id"])
        else:
            who = ("p", _person_key(link) if internal else "")
        row = rows.get((who, link["item_id"]))
        if row is None:
            row = rows[(who, link["item_id"])] = {
                "company": link["company"] or "", "item_id": link["item_id"], "item": titles[link["item_id"]],
                "requests": 0, "request_ids": [], "informed": 0, "informed_at": None, "_days": [],
            }
            if internal:
                row.update(requesters=[], emails=[], owner=link["owner"] or "", words=[])
        row["requests"] += 1
        row["request_ids"].append(link["request_id"])
        if link["informed_at"]:
            row["informed"] += 1
            row["_days"].append(link["informed_at"])
        if internal:
            _add_once(row["requesters"], " ".join((link["requester"] or "").split()))
            _add_once(row["emails"], (link["email"] or "").strip())
            _add_once(row["words"], _short_words(link))
    out = []
    for row in rows.values():
        days = row.pop("_days")
        row["informed_at"] = max(days) if days and row["informed"] == row["requests"] else None
        out.append(row)
    out.sort(key=lambda r: (r["company"] == "", r["company"].casefold(), r["item_id"],
                            r.get("emails") or [], r.get("requesters") or []))
    return out


def whom_columns(edition: str) -> list[str]:
    """The columns of the whom-to-tell table for an edition (people only in the internal one)."""
    _check_edition(edition)
    return list(WHOM_COLUMNS) + (list(WHOM_INTERNAL_COLUMNS) if edition == "internal" else []) + ["informed_at"]


def whom_cell(value) -> str:
    """A cell of the whom-to-tell CSV or sheet: lists joined with "; "."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def whom_csv(rows: list[dict], edition: str) -> str:
    """The rows as a mail-merge CSV (text; write it as UTF-8 with a BOM so Excel reads Japanese right)."""
    columns = whom_columns(edition)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([whom_cell(row.get(c)) for c in columns])
    return out.getvalue()


def whom_json(rows: list[dict], edition: str) -> list[dict]:
    """The rows as JSON gives them: the edition's columns, and the request ids."""
    columns = whom_columns(edition) + ["request_ids"]
    return [{c: row.get(c) for c in columns} for row in rows]


# ---------------------------------------------------------------- marking informed


def mark_informed(ws: Workspace, lane, *, item_id=None, request_ids=None, pairs=None,
                  day: str | None = None) -> OpResult:
    """Mark the lane's links informed today: all of them, one item's, those of the given requests, or the
    given (request id, item id) `pairs` (rows of `whom_to_tell`: a request that asks for two items is told
    about each apart).

    A link already informed keeps its first date. The value says what was
    marked: lane, day, requests (distinct requests marked), links, items,
    companies (distinct companies), people (requesters without a company),
    already (links that were informed before). Nothing to mark is no change.
    """
    found = _lane(ws, lane)
    items = rq.lane_items(ws, found["id"])
    if not items:
        raise ValidationError(f"Lane {found['name']!r} has no items, so nobody to tell (won't-do items are left out).")
    links = rq.lane_links(ws, found["id"])
    if item_id is not None:
        wanted = known_id(item_id)
        if wanted is None or not any(i["id"] == wanted for i in items):
            raise ValidationError(f"Item {item_id} is not on lane {found['name']!r} (won't-do items are left out).",
                                  hint="See the lane's items with `planner release-notes LANE`.")
        links = [k for k in links if k["item_id"] == wanted]
    if request_ids is not None:
        wanted_requests = {known_id(r) for r in request_ids}
        missing = sorted(str(r) for r in request_ids if known_id(r) not in {k["request_id"] for k in links})
        if missing:
            raise ValidationError(f"Request(s) {', '.join(missing)} ask for nothing on lane {found['name']!r}.")
        links = [k for k in links if k["request_id"] in wanted_requests]
    if pairs is not None:
        wanted_pairs = {(known_id(r), known_id(i)) for r, i in pairs}
        missing = wanted_pairs - {(k["request_id"], k["item_id"]) for k in links}
        if missing:
            r, i = sorted(missing, key=str)[0]
            raise ValidationError(f"Request {r} does not ask for item {i} on lane {found['name']!r}.",
                                  hint="The list may be out of date: look at it again.")
        links = [k for k in links if (k["request_id"], k["item_id"]) in wanted_pairs]
    day = day or date.today().isoformat()
    todo = [k for k in links if not k["informed_at"]]
    requests = {k["request_id"] for k in todo}
    value = {
        "lane": found["name"], "lane_id": found["id"], "day": day, "requests": len(requests), "links": len(todo),
        "items": len({k["item_id"] for k in todo}),
        "companies": len({k["company_id"] for k in todo if k["company_id"] is not None}),
        "people": len({_person_key(k) for k in todo if k["company_id"] is None}),
        "already": len(links) - len(todo),
    }
    text = f"Mark {len(requests)} request{'' if len(requests) == 1 else 's'} informed for {found['name']}"
    if not todo:
        return OpResult(value, text=text)
    with operation(ws, text) as op:
        rq.mark_links_informed(ws, [(k["request_id"], k["item_id"]) for k in todo], day)
    return op.result(value)


# ---------------------------------------------------------------- files


def save_text(path, text: str, *, bom: bool = False, workspace=None) -> None:
    """Write notes or a CSV to `path` beside it first, then in place (a failure leaves the old file as it was).

    `bom`: UTF-8 with a BOM, which Excel needs to read Japanese right. `workspace`
    is the open workspace's path, which is never written over.
    """
    import codecs
    from pathlib import Path

    from planner.exporting.atomic import replacing

    with replacing(path, workspace=workspace) as scratch:
        Path(scratch.file).write_bytes((codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))
