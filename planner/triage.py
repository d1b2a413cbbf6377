"""Triage of incoming requests: the inbox and the items a request most likely belongs to.

Suggestions compare the request's text with each item's title and description
and with the requests already linked to it (customers word the same need the
same way more often than the PdM's title does). Comparing against every item
with rapidfuzz would be slow on a large backlog, so an inverted index of words
(and, for Japanese, character pairs) first picks the few dozen items that share
a rare term with the request; only those are scored in full.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections import defaultdict

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from planner.errors import NotFoundError
from planner.storage import triage_queries
from planner.storage.db import Workspace

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

# How much a shared term counts, by where the item has it.
_FIELD_WEIGHT = {"title": 1.0, "requests": 0.8, "description": 0.6}
_CANDIDATES = 40  # items scored in full after blocking
_MAX_LINKED_TEXTS = 200  # per item: enough phrasings, bounded work


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


class SuggestionIndex:
    """Terms of every item (title, description, linked requests) with their weights."""

    def __init__(self, items, linked):
        self.titles: dict[int, str] = {}
        self.descriptions: dict[int, str] = {}
        self.linked: dict[int, list[tuple[int, str]]] = defaultdict(list)
        self.request_counts: dict[int, int] = defaultdict(int)
        self._processed: dict[int, list[str]] = {}
        postings: dict[str, dict[int, float]] = defaultdict(dict)
        seen: dict[int, set[str]] = defaultdict(set)
        for item_id, request_id, title in linked:
            if not title:
                continue
            self.request_counts[item_id] += 1
            key = title.strip().casefold()
            if key in seen[item_id] or len(seen[item_id]) >= _MAX_LINKED_TEXTS:
                continue
            seen[item_id].add(key)
            self.linked[item_id].append((request_id, title))
        for item_id, title, description in items:
            self.titles[item_id] = title
            self.descriptions[item_id] = description or ""
            # Weakest field first so a term keeps the weight of the strongest field it is in.
            weights = dict.fromkeys(tokens(description), _FIELD_WEIGHT["description"])
            texts = self.linked.get(item_id)
            if texts:
                weights.update(dict.fromkeys(tokens("\n".join(t for _, t in texts)), _FIELD_WEIGHT["requests"]))
            weights.update(dict.fromkeys(tokens(title), _FIELD_WEIGHT["title"]))
            for term, weight in weights.items():
                postings[term][item_id] = weight
        n = max(len(self.titles), 1)
        self.postings = dict(postings)
        self.idf = {term: math.log(1.0 + n / len(slot)) for term, slot in postings.items()}

    def processed_texts(self, item_id: int) -> list[str]:
        """Linked request titles folded for rapidfuzz, made on first use (most items never need them)."""
        done = self._processed.get(item_id)
        if done is None:
            done = self._processed[item_id] = [_fold(t) for _, t in self.linked.get(item_id, ())]
        return done

    def candidates(self, query_terms: dict[str, float], limit: int) -> list[tuple[int, float, list[str]]]:
        """Items sharing terms with the query, by the weight of the rare terms they share."""
        n = len(self.titles)
        scores: dict[int, float] = defaultdict(float)
        shared: dict[int, list[str]] = defaultdict(list)
        total = 0.0
        for term, q_weight in query_terms.items():
            slot = self.postings.get(term)
            idf = self.idf.get(term, math.log(1.0 + max(n, 1)))
            # The title says what is asked; a body's greetings and signatures
            # should add evidence, not dilute the title's share.
            if q_weight >= 1.0:
                total += idf
            # A term in more than half the items blocks nothing and costs the most.
            if not slot or (n > 20 and len(slot) > n / 2):
                continue
            for item_id, weight in slot.items():
                scores[item_id] += idf * q_weight * weight
                shared[item_id].append(term)
        if not scores:
            return []
        total = total or 1.0
        best = sorted(scores.items(), key=lambda kv: -kv[1])[:limit]
        return [(item_id, score / total, shared[item_id]) for item_id, score in best]


_cache_lock = threading.Lock()
_cache: dict[str, tuple[tuple, SuggestionIndex]] = {}


def suggestion_index(ws: Workspace) -> SuggestionIndex:
    """The index for this workspace, rebuilt only when items or links changed."""
    signature = triage_queries.index_signature(ws)
    key = str(ws.path)
    with _cache_lock:
        hit = _cache.get(key)
        if hit and hit[0] == signature:
            return hit[1]
    index = SuggestionIndex(triage_queries.item_texts(ws), triage_queries.linked_request_texts(ws))
    with _cache_lock:
        _cache[key] = (signature, index)
    return index


def index_is_current(ws: Workspace) -> bool:
    """Whether suggestions can be made at once, without first (re)building the index."""
    hit = _cache.get(str(ws.path))
    return bool(hit) and hit[0] == triage_queries.index_signature(ws)


def _quote(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def suggest_items(ws: Workspace, request_id: int, *, limit: int = 5) -> list[dict]:
    """The items this request most likely belongs to, best first.

    Each suggestion is {item_id, title, score (0-100), why, terms,
    similar_request}: `why` says in a sentence what matched, `terms` the shared
    words, `similar_request` the linked request worded most like this one.
    Items the request is already linked to are left out.
    """
    req = triage_queries.request_text(ws, request_id)
    if req is None:
        raise NotFoundError(f"There is no request {request_id}.")
    already = triage_queries.linked_item_ids(ws, request_id)
    return suggest_for_text(ws, req["title"] or "", req["body"] or "", limit=limit, exclude=already)


def suggest_for_text(ws: Workspace, title: str, body: str = "", *, limit: int = 5, exclude=()) -> list[dict]:
    index = suggestion_index(ws)
    query_terms: dict[str, float] = {term: 0.5 for term in tokens(body)}
    query_terms.update({term: 1.0 for term in tokens(title)})
    if not query_terms:
        return []
    query = _fold(title or body)
    results = []
    for item_id, overlap, shared in index.candidates(query_terms, _CANDIDATES + len(exclude)):
        if item_id in exclude:
            continue
        item_title = index.titles[item_id]
        title_score = fuzz.token_set_ratio(query, _fold(item_title))
        desc = index.descriptions[item_id]
        desc_score = fuzz.token_set_ratio(query, _fold(desc)) if desc else 0.0
        similar = None
        linked_score = 0.0
        texts = index.linked.get(item_id)
        if texts:
            hit = process.extractOne(query, index.processed_texts(item_id), scorer=fuzz.token_set_ratio)
            if hit:
                linked_score = hit[1]
                similar = {"id": texts[hit[2]][0], "title": texts[hit[2]][1], "score": round(hit[1])}
        fuzzy = max(title_score, 0.95 * linked_score, 0.8 * desc_score)
        # Fuzzy ratios run high on short texts that share one word; the share of
        # the request's rare terms the item covers keeps that honest.
        score = 0.55 * fuzzy + 0.45 * min(overlap, 1.0) * 100
        matched = max(
            (("title", title_score), ("requests", 0.95 * linked_score), ("description", 0.8 * desc_score)),
            key=lambda kv: kv[1],
        )[0]
        results.append({
            "item_id": item_id,
            "title": item_title,
            "score": round(score, 1),
            "matched": matched,
            "terms": sorted(shared, key=lambda t: -index.idf.get(t, 0))[:4],
            "similar_request": similar,
            "linked_requests": index.request_counts.get(item_id, 0),
        })
    results.sort(key=lambda r: (-r["score"], r["item_id"]))
    results = results[:limit]
    for r in results:
        r["why"] = _why(r)
    return results


def _why(s: dict) -> str:
    terms = ", ".join(f"“{t}”" for t in s["terms"])
    if s["matched"] == "requests" and s["similar_request"]:
        return (f"Worded like a request already linked to it: “{_quote(s['similar_request']['title'])}” "
                f"({s['linked_requests']} linked)")
    if s["matched"] == "title":
        return f"The item's title shares {terms}" if terms else "The item's title is worded alike"
    return f"The item's description shares {terms}" if terms else "The item's description is worded alike"


def similar_requests(ws: Workspace, request_id: int, *, limit: int = 10) -> list[dict]:
    """Other requests worded like this one: the likely originals of a duplicate, best first."""
    req = triage_queries.request_text(ws, request_id)
    if req is None:
        raise NotFoundError(f"There is no request {request_id}.")
    rows = triage_queries.request_titles(ws, exclude=request_id)
    if not rows:
        return []
    query = _fold(req["title"])
    # WRatio weighs a shared phrase above a shared "we"; over-fetch so the
    # same-company nudge below can reorder near ties.
    hits = process.extract(
        query, [_fold(r[1]) for r in rows], scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=50,
    )
    out = []
    for _, score, i in hits:
        # The same customer asking twice through two channels is the usual duplicate.
        same_company = bool(req["company"]) and rows[i][3] == req["company"]
        out.append({"request_id": rows[i][0], "title": rows[i][1], "status": rows[i][2], "company": rows[i][3],
                    "score": round(min(100.0, score + (5 if same_company else 0)), 1), "same_company": same_company})
    out.sort(key=lambda r: (-r["score"], r["request_id"]))
    return out[:limit]


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
