"""Triage of incoming requests: the inbox, and the items a request most likely belongs to.

Suggestions are made by `planner.suggest`, which ranks items by the requests
already linked to them as well as their title and description; the names below
stay here for the window and the command line. `tokens`, the word splitter of
the matcher it replaced, stays for its callers.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from planner import suggest as _suggest
from planner.errors import NotFoundError
from planner.storage import triage_queries
from planner.storage.db import Workspace

SuggestionIndex = _suggest.SuggestionIndex
suggestion_index = _suggest.suggestion_index
index_is_current = _suggest.index_is_current
build_ahead = _suggest.build_ahead
BUILD_AHEAD_FROM = _suggest.BUILD_AHEAD_FROM
suggest_items = _suggest.suggest_items
suggest_for_text = _suggest.suggest_for_text

# Words too common in requests to say anything about which item one is about.
_STOPWORDS = frozenset(
    """a an and are as at be but by can could do does for from get has have i if in into is it its let like me
    more my need needs not of on or our please should so than that the their them there these they this to too
    us very want wants was we were what when where which who will with would you your yours also just only
    able all any some every from""".split()
)
# Japanese pairs that say "please support / add a feature", not which feature.
_STOP_PAIRS = frozenset({"対応", "機能", "追加", "希望", "要望", "でき", "たい", "てほ", "して"})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]+|[^\W\d_]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_JP_PIECE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff々]+|[\u30a0-\u30ff\uff66-\uff9f]+")
_KATAKANA = re.compile(r"[\u30a0-\u30ff\uff66-\uff9f]")


def _normalise(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "").casefold()


def _fold(text: str | None) -> str:
    return default_process(_normalise(text))


def _stem(word: str) -> str:
    # A crude plural fold so "reports" meets "report"; enough for blocking.
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


_ASCII_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_word_terms: dict[str, str | None] = {}  # word -> its term (None: not a term); words repeat a lot


def _word_term(word: str) -> str | None:
    term = _word_terms.get(word, "")
    if term == "":
        base = word.split("'")[0]
        term = _stem(base) if len(base) >= 2 and base not in _STOPWORDS else None
        if len(_word_terms) < 200_000:
            _word_terms[word] = term
    return term


def tokens(text: str | None) -> set[str]:
    """Index terms of a text: folded words, and character pairs of Japanese runs."""
    if not text:
        return set()
    if text.isascii():
        # Most texts: NFKC changes nothing and no Japanese to split.
        out = {_word_term(w) for w in set(_ASCII_WORD.findall(text.lower()))}
        out.discard(None)
        return out
    out = set()
    for run in _WORD.findall(_normalise(text).replace("’", "'")):
        if _CJK.match(run):
            # Kana particles glue Japanese words together; the words are the
            # kanji and katakana runs between them, compared by character pairs.
            for piece in _JP_PIECE.findall(run):
                if len(piece) == 1:
                    if not _KATAKANA.match(piece):
                        out.add(piece)
                    continue
                for a, b in zip(piece, piece[1:]):
                    if a + b not in _STOP_PAIRS:
                        out.add(a + b)
            continue
        term = _word_term(run)
        if term is not None:
            out.add(term)
    return out


# How alike two titles are, 0-100: the mean of rapidfuzz's token_set_ratio (shared words, in any order)
# and token_sort_ratio (all words): the first alone is 100 for "SSO" against "SSO for the mobile app".
# WRatio was tried and rates unrelated titles that share "the" or "we" at 86.
_ALIKE_CUTOFF = 45  # listed among the likely originals from here
_SAME_CUSTOMER_FLOOR = 60  # from here a repeat from the same customer outranks every other customer's request


def _same_person(a: tuple, b: tuple) -> bool:
    """The same requester: the same e-mail, or the same name at the same company (or both without one)."""
    if a[6] and b[6] and a[6].strip().casefold() == b[6].strip().casefold():
        return True
    return bool(a[5] and b[5]) and a[5].strip().casefold() == b[5].strip().casefold() and a[4] == b[4]


def _alike(query: str, texts: list[str]):
    """How alike `query` is to each of `texts` (folded), 0-100, computed in rapidfuzz's C loops."""
    by_set = process.cdist([query], texts, scorer=fuzz.token_set_ratio, workers=1)[0]
    by_sort = process.cdist([query], texts, scorer=fuzz.token_sort_ratio, workers=1)[0]
    return (by_set + by_sort) / 2


def similar_requests(ws: Workspace, request_id: int, *, limit: int = 10) -> list[dict]:
    """Other requests worded like this one: the likely originals of a duplicate, best first.

    A duplicate is the same customer asking twice (two channels, two colleagues);
    another company asking the same thing is more demand, and marking it a
    duplicate would undercount it. So among requests worded alike (from
    _SAME_CUSTOMER_FLOOR), the same requester's come first, then the same
    company's, then everyone else's; below that, by score alone. Each is
    {request_id, title, status, company, score, same_company, same_requester, why}.
    """
    from planner.storage import inbox_flow_queries

    req = inbox_flow_queries.request_owner(ws, request_id)
    if req is None:
        raise NotFoundError(f"There is no request {request_id}.")
    rows = inbox_flow_queries.request_owners(ws, exclude=req[0])
    if not rows:
        return []
    scores = _alike(_fold(req[1]), [_fold(r[1]) for r in rows])
    ranked = []
    for i in (scores >= _ALIKE_CUTOFF).nonzero()[0]:
        r, score = rows[i], float(scores[i])
        same_company = req[4] is not None and r[4] == req[4]
        same_requester = _same_person(req, r)
        tier = (0 if same_requester else 1 if same_company else 2) if score >= _SAME_CUSTOMER_FLOOR else 3
        why = "Same requester" if same_requester else f"Same company ({r[3]})" if same_company else None
        ranked.append(((tier, -score, r[0]), {
            "request_id": r[0], "title": r[1], "status": r[2], "company": r[3], "score": round(score, 1),
            "same_company": same_company, "same_requester": same_requester, "why": why}))
    ranked.sort(key=lambda pair: pair[0])
    return [row for _, row in ranked[:limit]]


def list_inbox(
    ws: Workspace,
    *,
    search: str | None = None,
    source: str | None = None,
    company: str | int | None = None,
    segment: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[dict]:
    """Requests waiting to be triaged (new and linked to nothing), newest first, filtered."""
    return triage_queries.inbox(ws, search=search, source=source, company=company, segment=segment, since=since, until=until)


def inbox_filters(ws: Workspace) -> dict:
    """{sources, companies, segments, first_date, last_date, total} of the requests in the inbox."""
    return triage_queries.inbox_filters(ws)
