"""The inbox flow: after one request is triaged, the requests still waiting that say the same thing.

Customers paste the same text into a form, a sales call is logged by three
people, a template goes round a company: the inbox fills with repeats that the
PdM would otherwise triage one by one. `same_requests` finds them so the
window (and the command line) can offer the same action for all at once.

"The same" is strict on purpose: acting on a repeat it wrongly offers costs
the PdM a look, but one it counts twice costs nothing. Two texts are
identical when they are equal after folding case, width (full-width letters)
and punctuation; near-identical when rapidfuzz's token_set_ratio is at least
NEAR_SET and token_sort_ratio at least NEAR_SORT: token_set_ratio alone is 100
for any text containing the other ("SSO" against "SSO for the mobile app"),
so the second score keeps the two about the same words overall.
"""

from __future__ import annotations

import unicodedata

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from planner.errors import NotFoundError
from planner.storage import inbox_flow_queries, triage_queries
from planner.storage.db import Workspace

NEAR_SET = 92
NEAR_SORT = 85


def _fold(text: str) -> str:
    return default_process(unicodedata.normalize("NFKC", text).casefold()) if text else ""


def text_key(title: str | None, body: str | None, *, sender: tuple = ()) -> str:
    """A request's words, folded: NFKC (full-width to ASCII), case, punctuation and spacing ignored.

    `sender` holds who sent it (requester, e-mail, company name): the words of their names (of three
    letters or more) are left out, so "Thanks, Noah (Bluth Homes)" and "Thanks, Ann (Globex)" sign alike.
    """
    words = _fold(f"{title or ''} {body or ''}").split()
    names = {word for name in sender if name for word in _fold(name).split() if len(word) >= 3}
    if names:
        words = [w for w in words if w not in names]
    return " ".join(words)


def same_requests(ws: Workspace, request_id: int, *, limit: int = 50) -> list[dict]:
    """Requests waiting in the inbox that say what request `request_id` says, identical ones first.

    Each is the inbox's row of the request (title, company, requester, source,
    created_at…) with `request_id`, `score` (0-100) and `identical` (equal
    after folding). The request itself may have left the inbox already (it was
    just linked or archived): its repeats are what is left to act on.
    """
    req = triage_queries.request_text(ws, request_id)
    if req is None:
        raise NotFoundError(f"There is no request {request_id}.", hint="List them with `planner requests`.")
    key = text_key(req["title"], req["body"], sender=(req["requester"], req["email"], req["company"]))
    if not key:
        return []  # a request with no words says nothing another can repeat
    waiting = inbox_flow_queries.waiting_texts(ws, exclude=req["id"])
    keys = [text_key(title, body, sender=sender) for _, title, body, *sender in waiting]
    found: dict[int, tuple[float, bool]] = {n: (100.0, True) for n, other in enumerate(keys) if other == key}
    # token_sort_ratio >= NEAR_SORT needs the shorter text to be at least NEAR_SORT / (200 - NEAR_SORT)
    # of the longer: texts outside that span are never scored (on a big inbox, most of them).
    span = NEAR_SORT / (200 - NEAR_SORT)
    low, high = len(key) * span, len(key) / span
    near = [n for n, other in enumerate(keys) if n not in found and low <= len(other) <= high]
    sorted_alike = process.extract(key, [keys[n] for n in near], scorer=fuzz.token_sort_ratio,
                                   score_cutoff=NEAR_SORT, limit=None)
    for _, _, m in sorted_alike:
        n = near[m]
        score = fuzz.token_set_ratio(key, keys[n], score_cutoff=NEAR_SET)
        if score:
            found[n] = (float(score), False)
    ranked = sorted(found.items(), key=lambda kv: (not kv[1][1], -kv[1][0], waiting[kv[0]][0]))[:max(int(limit), 0)]
    rows = inbox_flow_queries.inbox_rows(ws, [waiting[n][0] for n, _ in ranked])
    return [dict(rows[waiting[n][0]], request_id=waiting[n][0], score=round(score, 1), identical=identical)
            for n, (score, identical) in ranked]


def companies_named(rows: list[dict], *, at_most: int = 3) -> tuple[list[str], int]:
    """The distinct companies of `rows` in order, at most `at_most` of them, and how many more there are."""
    names: list[str] = []
    for row in rows:
        name = row.get("company")
        if name and name not in names:
            names.append(name)
    return names[:at_most], max(len(names) - at_most, 0)


def waiting(ws: Workspace, *, company_id: int | None = None) -> int:
    """How many requests are still to triage: all of them, or one company's."""
    return inbox_flow_queries.waiting_count(ws, company_id=company_id)
