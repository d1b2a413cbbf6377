"""Item suggestions for a request: how often the right item comes first, and how fast (a benchmark, not a test).

Run by hand, not by CI:  python3 benchmarks/triage_bench.py [--items N] [--links N] [--skip-speed] [--first-only]
(--first-only: only the first suggestion in a fresh process, below, without the accuracy and in-process speed.)

Accuracy, new ranking (`planner.suggest`) against the word matcher it replaced (kept below as it was):

- demo, hide one request: on the demo workspace, a sample of linked requests lose their links and
  are asked for again; is the item they were linked to first (top-1) or in the first three (top-3)?
  The demo repeats each phrasing many times, so another request worded the same usually stays linked.
- demo, hide the phrasing: the same, but every linked request worded like the one asked loses its
  link too, so only other phrasings, the title and the description can find the item.
- paraphrases: requests written here in other words (English and Japanese), each with the demo item
  it belongs to, asked against the whole demo workspace.

Speed, on a synthetic backlog (10k items, 100k linked requests by default): the index's build time
(cold, then a full rebuild with the words already cut), the time of an incremental update after a
new link, a new item or an edited item (`SuggestionIndex.update`, what the window waits for), the
median time of one suggestion, against a floor measured in the same run: numpy's bare `bincount`
over the same postings the query touches, and a bare dense dot of a 10k x 256 matrix; and the
megabytes of numpy arrays the index holds.

First suggestion on a big workspace (the same synthetic backlog, written to a workspace file): a
fresh process asks for one request's suggestions, timed from the call (`planner.suggest.suggest_items`,
which the inbox runs off the GUI thread) to the answer: cold, when no index was kept on disk (a full
build from the workspace), then saved, when the previous process kept its index (read back, checked
against the change log); against a floor from the same run: reading the texts a build needs
(`suggest_queries.item_texts` + `triage_queries.linked_request_texts`), each the median of three processes.
And as the window has it: the index built ahead once the backlog's scores show (`suggest.build_ahead`,
in the background, nothing kept on disk), then the inbox's first request on the built index.

Prints a table, then one JSON line with every figure.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner import suggest  # noqa: E402
from planner.demo import load_demo  # noqa: E402
from planner.storage import suggest_queries, triage_queries  # noqa: E402
from planner.storage.db import open_workspace  # noqa: E402

# ---------------------------------------------------------------------------------------------------------
# The word matcher suggestions used before `planner.suggest`, kept as it was, for the comparison.
# ---------------------------------------------------------------------------------------------------------

import math  # noqa: E402
import re  # noqa: E402
import unicodedata  # noqa: E402
from collections import defaultdict  # noqa: E402

from rapidfuzz import fuzz, process  # noqa: E402
from rapidfuzz.utils import default_process  # noqa: E402

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


class OldIndex:
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




def old_suggest(index: OldIndex, title: str, body: str = "", *, limit: int = 5, exclude=()) -> list[dict]:

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
    return results




# ---------------------------------------------------------------------------------------------------------
# Paraphrases: requests in other words, with the demo item each belongs to.
# ---------------------------------------------------------------------------------------------------------

PARAPHRASES_EN = [
    ("Let staff sign in through our corporate identity provider", "Single sign-on with SAML and Okta"),
    ("Compliance needs a downloadable record of every change users made", "Audit log export"),
    ("Create accounts automatically when we add people in Azure AD", "SCIM user provisioning"),
    ("Only allow admin logins from our office network", "IP allow-list for admins"),
    ("Change the assignee of many tasks in one go", "Bulk edit in the project list"),
    ("Navigate the app without a mouse", "Keyboard shortcuts for triage"),
    ("Remember the filter I set up so my team can reuse it", "Saved filters and views"),
    ("Tasks that come back every month automatically", "Recurring tasks"),
    ("A darker theme for working at night", "Dark mode"),
    ("Show the project plan on a timeline with bars", "Gantt chart view"),
    ("This task can't start before that one is finished", "Task dependencies"),
    ("How busy is each team member this week", "Workload view per person"),
    ("We need an extra field for the cost centre on each task", "Custom fields on tasks"),
    ("Add a review stage between in progress and done", "Custom workflow statuses"),
    ("Put our own logo and domain on what our clients see", "White-label portal for our clients"),
    ("Sync our CRM deals with projects", "Salesforce integration"),
    ("Send alerts to our Microsoft Teams channel", "Microsoft Teams notifications"),
    ("Programmatic access to create and update tasks", "Public REST API v2 with webhooks"),
    ("Track the hours people spend on each task", "Time tracking per task"),
    ("Spreadsheet export keeps losing column widths and colours", "Export to Excel with formatting"),
    ("Opening a big project takes forever", "Faster loading of large projects"),
    ("Every notification email arrives two times", "Notifications sent twice after edit"),
    ("Deadlines show the wrong day for our team in Japan", "Timezone off by one day in due dates"),
    ("Let a contractor see one project without buying a licence", "Guest access for external partners"),
    ("A manager has to sign off before work is marked complete", "Approval workflow"),
    ("Blind users cannot use the app with NVDA", "Accessibility: screen reader support"),
]
PARAPHRASES_JA = [
    ("社内のIDプロバイダでログインしたい", "Single sign-on with SAML and Okta"),
    ("誰が何を変更したか履歴をダウンロードしたい", "Audit log export"),
    ("退職者のアカウントを自動で削除してほしい", "SCIM user provisioning"),
    ("複数のタスクの担当者をまとめて変更したい", "Bulk edit in the project list"),
    ("よく使う検索条件を保存して共有したい", "Saved filters and views"),
    ("毎月同じタスクを自動で作成したい", "Recurring tasks"),
    ("夜でも目に優しい暗い画面にしてほしい", "Dark mode"),
    ("ガントチャートで計画を見せたい", "Gantt chart view"),
    ("タスク同士の依存関係を設定したい", "Task dependencies"),
    ("メンバーごとの作業負荷を見たい", "Workload view per person"),
    ("タスクに独自の項目を持たせたい", "Custom fields on tasks"),
    ("ステータス名を自社の業務に合わせて変えたい", "Custom workflow statuses"),
    ("Teamsにお知らせを送ってほしい", "Microsoft Teams notifications"),
    ("APIでタスクを作成したい", "Public REST API v2 with webhooks"),
    ("レポートを自由にカスタマイズしたい", "Custom reports builder"),
    ("Excelに出力すると日本語が文字化けする", "Export to Excel with formatting"),
    ("作業時間をタスクごとに記録したい", "Time tracking per task"),
    ("日本の祝日をカレンダーに出してほしい", "Japanese holidays in calendars"),
    ("大きなプロジェクトの表示がとても遅い", "Faster loading of large projects"),
    ("同じ通知メールが二回届く", "Notifications sent twice after edit"),
    ("Shift-JISのCSVを取り込むと化ける", "CSV import fails on Shift-JIS files"),
    ("データを日本国内に置いてほしい", "Dedicated data residency in Japan"),
    ("社外の協力会社を無料で招待したい", "Guest access for external partners"),
    ("上長の承認がないと完了にできないようにしたい", "Approval workflow"),
    ("期限日が一日ずれて表示される", "Timezone off by one day in due dates"),
]


# ---------------------------------------------------------------------------------------------------------
# Accuracy
# ---------------------------------------------------------------------------------------------------------


def _new_ranker(items, links):
    index = suggest.SuggestionIndex(items, links)
    return lambda title: [s["item_id"] for s in suggest.rank_text(index, title, limit=3)]


def _old_ranker(items, links):
    index = OldIndex([(i[0], i[1], i[2]) for i in items], links)
    return lambda title: [s["item_id"] for s in old_suggest(index, title, limit=3)]


RANKERS = {"new": _new_ranker, "old": _old_ranker}


def _hits(rank, cases) -> tuple[float, float]:
    """Share of cases whose item is first, and in the first three."""
    top1 = top3 = 0
    for title, item_id in cases:
        found = rank(title)
        top1 += bool(found) and found[0] == item_id
        top3 += item_id in found[:3]
    return top1 / len(cases), top3 / len(cases)


def _held_out(items, links, rng, *, whole_phrasing: bool, folds: int = 5, share: float = 0.2) -> dict:
    """Hide a share of the links, ask for each hidden request again; averaged over folds."""
    samples = [[link for link in links if rng.random() < share] for _ in range(folds)]  # the same for both
    out = {}
    for name, make in RANKERS.items():
        totals, n = [0.0, 0.0], 0
        for asked in samples:
            hidden = {(link[0], link[1]) for link in asked}
            if whole_phrasing:
                phrasings = {(link[0], link[2].strip().casefold()) for link in asked}
                hidden |= {(link[0], link[1]) for link in links if (link[0], link[2].strip().casefold()) in phrasings}
            kept = [link for link in links if (link[0], link[1]) not in hidden]
            top1, top3 = _hits(make(items, kept), [(link[2], link[0]) for link in asked])
            totals[0] += top1 * len(asked)
            totals[1] += top3 * len(asked)
            n += len(asked)
        out[name] = (totals[0] / n, totals[1] / n, n)
    return out


def accuracy() -> dict:
    with tempfile.TemporaryDirectory() as folder:
        ws = open_workspace(Path(folder) / "demo.db")
        load_demo(ws)
        items = suggest_queries.item_texts(ws)
        links = triage_queries.linked_request_texts(ws)
        ws.close()
    by_title = {row[1]: row[0] for row in items}
    rng = random.Random(11)
    figures = {
        "demo, hide one request": _held_out(items, links, rng, whole_phrasing=False),
        "demo, hide the phrasing": _held_out(items, links, rng, whole_phrasing=True),
    }
    for label, cases in (("paraphrases, English", PARAPHRASES_EN), ("paraphrases, Japanese", PARAPHRASES_JA)):
        resolved = [(text, by_title[title]) for text, title in cases]
        figures[label] = {name: (*_hits(make(items, links), resolved), len(resolved)) for name, make in RANKERS.items()}
    return figures


# ---------------------------------------------------------------------------------------------------------
# Speed
# ---------------------------------------------------------------------------------------------------------

WORDS = ("sso saml okta audit log export csv excel report dashboard gantt timeline task project board slack teams "
         "webhook api mobile offline push search filter view bulk edit custom field workflow status approval guest "
         "comment mention attachment upload import calendar holiday timezone date format invoice billing seat plan "
         "permission role admin user group team notification email digest template recurring dependency milestone "
         "budget cost time tracking kanban swimlane sprint backlog release portal brand domain latency cache sync").split()
JAPANESE = ["請求書", "通知", "検索", "権限", "一括編集", "帳票", "承認", "祝日", "文字化け", "連携"]
PROBES = ("Bulk edit custom field permission", "Slack webhook notification digest", "請求書の一括編集がほしい",
          "Gantt timeline milestone dependency", "Offline mobile sync is slow", "Need SAML SSO with Okta and audit log export",
          "Kanban swimlane per sprint", "Budget and cost tracking per project", "承認の通知をメールで受け取りたい",
          "Calendar holiday timezone is wrong")


def synthetic(n_items: int, n_links: int, rng: random.Random):
    """Items of four random words (a tenth with a Japanese word); each request shares three words with its item."""
    items, links = [], []
    for i in range(1, n_items + 1):
        words = rng.sample(WORDS, 4)
        title = " ".join(words).capitalize() + (f" {rng.choice(JAPANESE)}" if i % 10 == 0 else "") + f" {i}"
        items.append((i, title, f"{title}. " + " ".join(rng.sample(WORDS, 8)), "idea"))
    for r in range(1, n_links + 1):
        item = rng.randint(1, n_items)
        words = items[item - 1][1].split()[:3] + rng.sample(WORDS, 3)
        rng.shuffle(words)
        links.append((item, r, "Please " + " ".join(words)))
    links.sort()
    return items, links


def _median_ms(times) -> float:
    return round(1000 * statistics.median(times), 3)


def _arrays_mb(index) -> float:
    """Megabytes of numpy arrays the index holds (its parts, its postings, the words' n-grams)."""
    seen, total = set(), 0
    for owner in (index, index.main, index.state, index.state.delta, index.vocabulary):
        for value in vars(owner).values() if hasattr(owner, "__dict__") else ():
            if isinstance(value, np.ndarray) and id(value) not in seen:
                seen.add(id(value))
                total += value.nbytes
    return round(total / 1e6, 1)


def _updates(index, items, links, rng, count: int = 20) -> list[float]:
    """Seconds of each of `count` incremental updates: a new link to a random item, then a new and an edited item."""
    by_item: dict[int, list] = {}
    for link in links:
        by_item.setdefault(link[0], []).append(link)
    times = []
    next_request = len(links) + 1
    for k in range(count):
        item = items[rng.randrange(len(items))]
        if k % 10 == 8:  # a new item
            item = (len(items) + k + 1, f"Portal branding sync {k}", "", "idea")
        elif k % 10 == 9:  # an edited item
            item = (item[0], item[1] + " with SAML", item[2], item[3])
        else:  # a new link
            by_item.setdefault(item[0], []).append((item[0], next_request, "Please sync the portal brand domain"))
            next_request += 1
        t = time.perf_counter()
        index.update([item], by_item.get(item[0], []))
        times.append(time.perf_counter() - t)
    return times


def speed(n_items: int, n_links: int) -> dict:
    rng = random.Random(7)
    items, links = synthetic(n_items, n_links, rng)
    t = time.perf_counter()
    index = suggest.SuggestionIndex(items, links)
    build_s = time.perf_counter() - t
    t = time.perf_counter()
    suggest.SuggestionIndex(items, links, vocabulary=index.vocabulary)  # a full rebuild: words already cut
    rebuild_s = time.perf_counter() - t
    t = time.perf_counter()
    old_index = OldIndex([(i[0], i[1], i[2]) for i in items], links)
    old_build_s = time.perf_counter() - t
    update_t = _updates(index, items, links, random.Random(3))

    new_t, old_t, floor_t, dense_t = [], [], [], []
    matrix = np.random.default_rng(1).random((n_items, 256), dtype=np.float32)
    vector = np.ones(256, dtype=np.float32)
    for _ in range(5):
        for probe in PROBES:
            t = time.perf_counter()
            suggest.rank_text(index, probe, limit=5)
            new_t.append(time.perf_counter() - t)
            t = time.perf_counter()
            old_suggest(old_index, probe, limit=5)
            old_t.append(time.perf_counter() - t)
            # Floor: the sum over the very postings the ranking gathers, with nothing around it.
            grams, vals = index.query_vector(probe)
            grams, vals = grams[index.df[grams] <= n_items / 2], vals[index.df[grams] <= n_items / 2]
            likeness = index.word_likeness(grams, vals)
            touched = np.flatnonzero(likeness[: index.n_words])
            ptr = index.wi_ptr
            where = np.concatenate([np.arange(ptr[w], ptr[w + 1]) for w in touched] or [np.zeros(0, dtype=np.int64)])
            t = time.perf_counter()
            np.bincount(index.wi_item[where], weights=index.wi_val[where], minlength=n_items)
            floor_t.append(time.perf_counter() - t)
            t = time.perf_counter()
            matrix @ vector
            dense_t.append(time.perf_counter() - t)
    return {"items": n_items, "linked_requests": n_links, "new_build_s": round(build_s, 2),
            "new_rebuild_s": round(rebuild_s, 2), "old_build_s": round(old_build_s, 2),
            "new_update_ms": _median_ms(update_t), "new_update_max_ms": round(1000 * max(update_t), 1),
            "new_suggest_ms": _median_ms(new_t), "new_suggest_max_ms": round(1000 * max(new_t), 1),
            "old_suggest_ms": _median_ms(old_t), "floor_bincount_ms": _median_ms(floor_t),
            "floor_dense_dot_ms": _median_ms(dense_t), "vocabulary": len(index.vocabulary),
            "words": index.n_words, "index_mb": _arrays_mb(index)}


_FIRST_CHILD = r"""
import json, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from planner.storage.db import open_workspace
ws = open_workspace(Path({db!r}))
if {mode!r} == "floor":
    from planner.storage import suggest_queries, triage_queries
    t = time.perf_counter()
    suggest_queries.item_texts(ws), triage_queries.linked_request_texts(ws)
    print(json.dumps(time.perf_counter() - t))
elif {mode!r} == "ahead":  # what the window does once the scores show, then the inbox's first request
    from planner import suggest
    t = time.perf_counter()
    assert suggest.build_ahead(ws), "not built ahead"
    built = time.perf_counter() - t
    t = time.perf_counter()
    found = suggest.suggest_items(ws, {request_id})
    assert found, "no suggestion"
    print(json.dumps([built, time.perf_counter() - t]))
else:
    from planner import suggest
    t = time.perf_counter()
    found = suggest.suggest_items(ws, {request_id})
    assert found, "no suggestion"
    print(json.dumps(time.perf_counter() - t))
"""


def first_suggestion(n_items: int, n_links: int) -> dict:
    """Seconds to the first suggestion in a fresh process: cold, from the saved index, and the floor.

    Also as the window has it: the index built ahead in the background once the scores show
    (`ahead_build_s`, nothing kept on disk yet), then the inbox's first request (`first_ahead_s`).
    """
    import os
    import subprocess

    from planner.storage.bulk import insert_workspace_rows

    rng = random.Random(7)
    items, links = synthetic(n_items, n_links, rng)
    tmp = Path(tempfile.mkdtemp(prefix="triage_bench_"))
    db = tmp / "big.db"
    ws = open_workspace(db)
    insert_workspace_rows(
        ws, items=({"id": i, "title": t, "description": d, "status": st} for i, t, d, st in items),
        requests=({"id": r, "title": t, "status": "linked"} for _i, r, t in links),
        links=({"request_id": r, "item_id": i} for i, r, _t in links))
    # One request still to triage, worded like an item's requests.
    from planner import ops

    request_id = ops.add_request(ws, title=" ".join(items[41][1].split()[:3])).value["id"]
    ws.close()

    def child(*, mode: str, data: Path):
        code = _FIRST_CHILD.format(root=str(Path(__file__).resolve().parents[1]), db=str(db), mode=mode,
                                   request_id=request_id)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                             env={**os.environ, "XDG_DATA_HOME": str(data)})
        if out.returncode:
            raise RuntimeError(out.stderr)
        return json.loads(out.stdout.strip().splitlines()[-1])

    cold, saved, floor, ahead = [], [], [], []
    for run in range(3):
        data = tmp / f"data{run}"  # nothing kept yet
        cold.append(child(mode="cold", data=data))
        saved.append(child(mode="cold", data=data))  # the index the cold run kept
        floor.append(child(mode="floor", data=data))
        ahead.append(child(mode="ahead", data=tmp / f"ahead{run}"))
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)
    return {"first_cold_s": round(statistics.median(cold), 3), "first_saved_s": round(statistics.median(saved), 3),
            "first_floor_s": round(statistics.median(floor), 3),
            "ahead_build_s": round(statistics.median(b for b, _ in ahead), 3),
            "first_ahead_s": round(statistics.median(f for _, f in ahead), 4)}


def main(argv: list[str]) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--links", type=int, default=100_000)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--first-only", action="store_true",
                        help="only the first suggestion in a fresh process (cold, saved, floor)")
    args = parser.parse_args(argv)
    figures = {"benchmark": "triage"}
    if args.first_only:
        first = first_suggestion(args.items, args.links)
        figures["speed"] = first
        print(f"first suggestion on the workspace, fresh process: {first['first_saved_s']} s with the index kept on "
              f"disk, {first['first_cold_s']} s cold (built); floor, reading the texts a build needs: "
              f"{first['first_floor_s']} s")
        print(f"as the window has it: built ahead in {first['ahead_build_s']} s (background, after the scores show), "
              f"then the inbox's first request in {first['first_ahead_s']} s")
        return figures
    acc = accuracy()
    print(f"{'accuracy':26} {'cases':>6} {'new top-1':>10} {'new top-3':>10} {'old top-1':>10} {'old top-3':>10}")
    for label, by_name in acc.items():
        n = by_name["new"][2]
        print(f"{label:26} {n:>6} {by_name['new'][0]:>10.0%} {by_name['new'][1]:>10.0%} "
              f"{by_name['old'][0]:>10.0%} {by_name['old'][1]:>10.0%}")
        figures[label] = {name: {"top1": round(v[0], 3), "top3": round(v[1], 3), "cases": v[2]} for name, v in by_name.items()}
    if not args.skip_speed:
        sp = speed(args.items, args.links)
        figures["speed"] = sp
        print()
        print(f"speed, {sp['items']:,} items, {sp['linked_requests']:,} linked requests")
        print(f"{'':26} {'build s':>10} {'suggest ms':>11} {'(max ms)':>9}")
        print(f"{'new ranking':26} {sp['new_build_s']:>10} {sp['new_suggest_ms']:>11} {sp['new_suggest_max_ms']:>9}")
        print(f"{'new, full rebuild':26} {sp['new_rebuild_s']:>10}")
        print(f"{'new, update after a link':26} {sp['new_update_ms'] / 1000:>10.4f}   (median of 20; max "
              f"{sp['new_update_max_ms']} ms; links, a new item, an edited item)")
        print(f"{'old matcher':26} {sp['old_build_s']:>10} {sp['old_suggest_ms']:>11}")
        print(f"{'floor: bincount postings':26} {'':>10} {sp['floor_bincount_ms']:>11}")
        print(f"{'floor: dense 10k x 256 dot':26} {'':>10} {sp['floor_dense_dot_ms']:>11}")
        print(f"index: {sp['vocabulary']:,} n-grams, {sp['words']:,} words, {sp['index_mb']} MB of arrays")
        first = first_suggestion(args.items, args.links)
        sp.update(first)
        print(f"first suggestion on the workspace, fresh process: {first['first_saved_s']} s with the index kept on "
              f"disk, {first['first_cold_s']} s cold (built); floor, reading the texts a build needs: "
              f"{first['first_floor_s']} s")
    return figures


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:]), ensure_ascii=False))
